package io.github.jetcdctl.output;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the process's standard streams are connected to (Linux: read from /proc). */
public final class Terminal {
    /** The width used when a terminal does not say its own. */
    static final int DEFAULT_COLUMNS = 80;

    private Terminal() {
    }

    /** Whether the process's file descriptor {@code fd} (1 = stdout, 2 = stderr) is a terminal. */
    public static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The controlling terminal's width in columns, as {@code stty size} reports it; 80 when it cannot. */
    public static int columns() {
        return columnsOr(DEFAULT_COLUMNS);
    }

    /** The controlling terminal's width in columns, or {@code fallback} when there is none to ask. */
    public static int columnsOr(int fallback) {
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!stty.waitFor(1, TimeUnit.SECONDS) || stty.exitValue() != 0) {
                return fallback;
            }
            String[] rowsAndColumns = size.split("\\s+");
            int columns = rowsAndColumns.length == 2 ? Integer.parseInt(rowsAndColumns[1]) : 0;
            return columns > 0 ? columns : fallback;
        } catch (IOException | NumberFormatException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }
}
