package io.github.jetcdctl.daemon;

import java.util.List;

/**
 * Whether a command line carries a secret: a password, a user given as {@code user:password}, a token, or a
 * {@code user} command's arguments (`user add name:password`). A picocli tree keeps the values of the line it
 * parsed until it parses the next one, so the daemon keeps no tree that parsed such a line: a secret lives as long
 * as its request, not until the same command comes again.
 */
final class CredentialWords {
    private static final List<String> FLAGS = List.of("--password", "--user", "--auth-jwt-token",
            "--new-user-password");

    private CredentialWords() {
    }

    static boolean anyIn(String[] args) {
        for (String arg : args) {
            if (arg.equals("user")) {
                return true;
            }
            for (String flag : FLAGS) {
                if (arg.equals(flag) || arg.startsWith(flag + "=")) {
                    return true;
                }
            }
        }
        return false;
    }
}
