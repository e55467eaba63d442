package io.github.jetcdctl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Small file helpers for the harness. */
final class Files2 {

    private Files2() {
    }

    /** Deletes a file tree, best effort. */
    static void deleteRecursively(Path root) {
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
