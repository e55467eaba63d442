package io.github.jetcdctl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test JVM started by a shell's background job without job control ({@code nohup mvn verify &} in a script)
 * inherits SIGINT and SIGQUIT ignored, and so does every process it starts, where no shell can undo it: the tests
 * that interrupt a command would wait for it forever. Such a JVM starts its processes through perl (part of every
 * Debian system), which gives them the default dispositions back before it execs the command.
 */
public final class DefaultSignals {
    private static final long SIGINT_AND_SIGQUIT = (1L << (2 - 1)) | (1L << (3 - 1));
    private static final boolean IGNORED = interruptIgnored();

    private DefaultSignals() {
    }

    /** {@code command}, or {@code command} started with SIGINT and SIGQUIT at their defaults where they are not. */
    public static List<String> restored(List<String> command) {
        if (!IGNORED) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("perl", "-e",
                "$SIG{INT} = $SIG{QUIT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"$ARGV[0]: $!\\n\""));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean interruptIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & SIGINT_AND_SIGQUIT) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or no such line: nothing known to restore
        }
        return false;
    }
}
