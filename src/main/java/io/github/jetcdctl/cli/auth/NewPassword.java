package io.github.jetcdctl.cli.auth;

import java.io.IOException;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.PasswordPrompt;

/** A new user's password, typed twice on the prompt or read as one word from stdin (--interactive=false). */
final class NewPassword {
    private NewPassword() {
    }

    static String read(PasswordPrompt prompt, String user, boolean interactive) {
        try {
            return interactive ? askTwice(prompt, user) : prompt.firstWord();
        } catch (IOException e) {
            throw CliException.badArgs("failed to ask password: " + e.getMessage());
        }
    }

    private static String askTwice(PasswordPrompt prompt, String user) throws IOException {
        String password = prompt.ask("Password of " + user + ": ");
        if (password.isEmpty()) {
            throw CliException.badArgs("empty password");
        }
        String again = prompt.ask("Type password of " + user + " again for confirmation: ");
        if (!password.equals(again)) {
            throw CliException.badArgs("given passwords are different");
        }
        return password;
    }
}
