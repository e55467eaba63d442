package io.github.jetcdctl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Small file helpers for the harness. */
public final class Files2 {

    private Files2() {
    }

    /** Deletes a file tree, best effort. */
    public static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Copies a file tree (a member's data directory) with its files' modes and times. */
    public static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code maxBytes} of a text file, or a note why there is none. */
    static String tail(Path file, int maxBytes) {
        try {
            if (file == null || !Files.exists(file)) {
                return "(no log file)";
            }
            byte[] all = Files.readAllBytes(file);
            int from = Math.max(0, all.length - maxBytes);
            String s = new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8);
            return (from > 0 ? "...(" + from + " bytes omitted)\n" : "") + (s.isEmpty() ? "(log is empty)" : s);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
