package io.github.jetcdctl.cli;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.github.jetcdctl.output.Output;

/**
 * Reads passwords the way etcdctl does: a prompt on standard output, one line read without echo, then a
 * line break on standard output. On a terminal the console switches echo off. Without a terminal etcdctl
 * still runs {@code stty -echo} on its standard input, which fails with "Inappropriate ioctl for device"
 * on stderr, and then reads the line from the pipe anyway; we read the same line and leave out the stty
 * complaints, so scripts see the same stdout and the same outcome.
 */
public final class PasswordPrompt {
    private final InputStream in;
    private final Output out;
    private final Console console;
    /** Switches the echo of the terminal on standard input off until closed; null when it is no terminal. */
    private final EchoOff echoOff;

    /** Switches a terminal's echo off; the echo is back on when what it returns is closed. */
    @FunctionalInterface
    private interface EchoOff {
        Closeable off() throws IOException;
    }

    PasswordPrompt(InputStream in, Output out, Console console, boolean stdinIsTerminal) {
        this(in, out, console, stdinIsTerminal ? TerminalEcho::off : null);
    }

    private PasswordPrompt(InputStream in, Output out, Console console, EchoOff echoOff) {
        this.in = in;
        this.out = out;
        this.console = console;
        this.echoOff = echoOff;
    }

    /**
     * For a command run on behalf of a process whose standard input is a terminal: that process switches its
     * terminal's echo off while the password is read, as stty does for a process of our own.
     */
    static PasswordPrompt onClientTerminal(InputStream in, Output out, ClientProcess.EchoSwitch echo) {
        return new PasswordPrompt(in, out, null, () -> {
            echo.echo(false);
            return () -> echo.echo(true);
        });
    }

    /** Uses the terminal only when our standard input is the process's own. */
    static PasswordPrompt of(InputStream in, Output out) {
        boolean processStdin = in == System.in;
        return new PasswordPrompt(in, out, processStdin ? System.console() : null,
                processStdin && TerminalEcho.stdinIsTerminal());
    }

    /** The entered line with surrounding white space removed; empty at end of input. */
    public String ask(String prompt) throws IOException {
        if (console != null) {
            out.flush();
            // the console prints the prompt and the closing line break on the terminal, which is our stdout
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? "" : new String(typed).strip();
        }
        out.print(prompt);
        out.flush();
        String line;
        if (echoOff != null) {
            // Java offers no console when stdout is redirected (nor for a client), yet the password must stay hidden
            try (Closeable off = echoOff.off()) {
                line = readLine();
            }
        } else {
            line = readLine();
        }
        out.newline();
        return line.strip();
    }

    /**
     * The first white-space-delimited word of standard input ({@code --interactive=false}), as Go's
     * {@code fmt.Scanf("%s")}: blanks before it are skipped, but a line break first yields no word.
     */
    public String firstWord() throws IOException {
        int c = in.read();
        while (c != -1 && c != '\n' && isBlank(c)) {
            c = in.read();
        }
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        while (c != -1 && !isBlank(c) && c != '\n') {
            word.write(c);
            c = in.read();
        }
        return word.toString(StandardCharsets.UTF_8);
    }

    /** Reads byte by byte up to the line break so that a second prompt finds the next line still unread. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.write(c);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == 0x0b || c == '\f';
    }
}
