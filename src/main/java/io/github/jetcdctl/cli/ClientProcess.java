package io.github.jetcdctl.cli;

import java.nio.file.Path;

/**
 * The process that a resident jetcdctl runs a command line for: its working directory, and which of its
 * standard streams are terminals. A command run for it sees these, never the resident process's own.
 */
public record ClientProcess(Path workingDirectory, boolean stdinTerminal, boolean stdoutTerminal,
        boolean stderrTerminal) {
}
