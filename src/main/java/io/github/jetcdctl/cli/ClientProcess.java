package io.github.jetcdctl.cli;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The process that a resident jetcdctl runs a command line for: its working directory, which of its standard
 * streams are terminals, and how to switch the echo of the terminal on its standard input (a password is read
 * from it). A command run for it sees these, never the resident process's own.
 */
public record ClientProcess(Path workingDirectory, boolean stdinTerminal, boolean stdoutTerminal,
        boolean stderrTerminal, EchoSwitch echo) {
    /** Switches the echo of the terminal on the client's standard input off, or back on. */
    @FunctionalInterface
    public interface EchoSwitch {
        void echo(boolean on) throws IOException;
    }

    /** A client whose terminal's echo this process cannot switch (it reads no password from one). */
    public ClientProcess(Path workingDirectory, boolean stdinTerminal, boolean stdoutTerminal,
            boolean stderrTerminal) {
        this(workingDirectory, stdinTerminal, stdoutTerminal, stderrTerminal, on -> { });
    }

    /** The same process, its terminal's echo switched by {@code echoSwitch} (the resident jetcdctl's frames). */
    public ClientProcess withEcho(EchoSwitch echoSwitch) {
        return new ClientProcess(workingDirectory, stdinTerminal, stdoutTerminal, stderrTerminal, echoSwitch);
    }
}
