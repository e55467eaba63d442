package io.github.jetcdctl.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainSnapshotTest {
    @TempDir
    Path dir;

    private Path compressed(SnapshotCompression compression, byte[] content) throws IOException {
        Path file = dir.resolve("B.db" + compression.extension());
        try (OutputStream out = compression.compressing(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }

    @Test
    void decodesGzipAndZstdByTheirMagicBytesAndDeletesTheCopy() throws IOException {
        byte[] original = TestFiles.bytes("B.db");
        SnapshotStatus expected = SnapshotStatusReader.read(TestFiles.snapshot("B.db"));
        for (SnapshotCompression compression : new SnapshotCompression[] {SnapshotCompression.GZIP,
            SnapshotCompression.ZSTD}) {
            Path file = compressed(compression, original);
            Path renamed = Files.move(file, dir.resolve("no-extension-" + compression));
            assertEquals(compression, SnapshotCompression.detect(renamed));
            Path copy;
            try (PlainSnapshot plain = PlainSnapshot.open(renamed, dir.resolve("decoded.db"))) {
                copy = plain.path();
                assertEquals(-1L, Files.mismatch(copy, TestFiles.snapshot("B.db")));
                assertEquals(expected, SnapshotStatusReader.read(copy));
            }
            assertFalse(Files.exists(copy));
        }
    }

    @Test
    void aPlainFileIsReadInPlace() throws IOException {
        Path b = TestFiles.snapshot("B.db");
        try (PlainSnapshot plain = PlainSnapshot.open(b)) {
            assertEquals(b, plain.path());
            assertEquals(SnapshotCompression.NONE, plain.compression());
        }
        assertTrue(Files.exists(b));
        Path empty = Files.createFile(dir.resolve("empty.db"));
        assertEquals(SnapshotCompression.NONE, SnapshotCompression.detect(empty));
    }

    @Test
    void aDamagedCompressedFileIsAFormatErrorAndLeavesNoCopy() throws IOException {
        for (SnapshotCompression compression : new SnapshotCompression[] {SnapshotCompression.GZIP,
            SnapshotCompression.ZSTD}) {
            Path file = compressed(compression, TestFiles.bytes("B.db"));
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
            Path decoded = dir.resolve("decoded.db");
            SnapshotFormatException e = assertThrows(SnapshotFormatException.class,
                    () -> PlainSnapshot.open(file, decoded).close());
            assertTrue(e.getMessage().contains("cannot decode " + compression.flagValue()), e.getMessage());
            assertFalse(Files.exists(decoded));
        }
    }
}
