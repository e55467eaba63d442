package io.github.jetcdctl.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Switches the echo of the terminal on our standard input off and back on with {@code stty}, for the one
 * case Java's Console does not cover: standard input is a terminal but standard output is redirected.
 */
final class TerminalEcho implements Closeable {
    private TerminalEcho() {
    }

    static TerminalEcho off() {
        stty("-echo");
        return new TerminalEcho();
    }

    @Override
    public void close() {
        stty("echo");
    }

    /** Linux tells through /proc which device file descriptor 0 is; elsewhere we assume no terminal. */
    static boolean stdinIsTerminal() {
        try {
            String device = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static void stty(String setting) {
        try {
            new ProcessBuilder("stty", setting)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            // no stty: the password is read with echo, as etcdctl would after failing to run stty
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
