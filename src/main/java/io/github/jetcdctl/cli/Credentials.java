package io.github.jetcdctl.cli;

import java.io.IOException;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;

/** The login for --user/--password (or ETCDCTL_USER/ETCDCTL_PASSWORD), with etcdctl's rules. */
public record Credentials(String user, String password) {
    public static final Credentials NONE = new Credentials("", "");

    /**
     * With --password, --user is the name verbatim; without it, --user is split at its first colon, and a
     * name without a colon makes us ask for the password. An empty password means no login at all.
     */
    static Credentials resolve(String userFlag, String passwordFlag, PasswordPrompt prompt) {
        if (userFlag.isEmpty()) {
            return NONE;
        }
        if (!passwordFlag.isEmpty()) {
            return new Credentials(userFlag, passwordFlag);
        }
        int colon = userFlag.indexOf(':');
        if (colon >= 0) {
            return new Credentials(userFlag.substring(0, colon), userFlag.substring(colon + 1));
        }
        try {
            return new Credentials(userFlag, prompt.ask("Password: "));
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, "failed during password entry: " + e.getMessage(), e);
        }
    }

    /** Keeps passwords out of logs and exception messages. */
    @Override
    public String toString() {
        return "Credentials[user=" + user + "]";
    }
}
