package io.github.jetcdctl.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the etcdctl 3.5.16 captures under {@code src/test/resources/golden}. */
final class GoldenFiles {

    private GoldenFiles() {}

    static byte[] bytes(String path) {
        try (InputStream in = GoldenFiles.class.getResourceAsStream("/golden/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing golden file " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
