package io.github.jetcdctl.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the test vectors in src/test/resources/snapshots. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path snapshot(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/snapshots/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/snapshots/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path dir, String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }
}
