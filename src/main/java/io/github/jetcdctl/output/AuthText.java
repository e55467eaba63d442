package io.github.jetcdctl.output;

/**
 * Lines etcdctl prints with plain fmt.Print calls, whatever the --write-out format: the auth enable and
 * disable confirmations, and the heading of {@code user get --detail} before each role's printed result.
 */
public final class AuthText {
    private AuthText() {
    }

    public static void authEnabled(Output out) {
        out.println("Authentication Enabled");
    }

    public static void authDisabled(Output out) {
        out.println("Authentication Disabled");
    }

    public static void userDetailHeading(Output out, String user) {
        out.println("User: " + user);
    }

    /** The empty line before each role of {@code user get --detail}. */
    public static void userDetailRoleSeparator(Output out) {
        out.newline();
    }
}
