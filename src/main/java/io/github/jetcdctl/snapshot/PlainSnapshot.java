package io.github.jetcdctl.snapshot;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A snapshot as a plain bbolt file, whatever its compression: the file itself, or a decoded copy that
 * {@link #close()} deletes. The readers need random access, so a compressed file is decoded to disk in a
 * streaming pass rather than into memory.
 */
public final class PlainSnapshot implements AutoCloseable {
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private final Path path;
    private final SnapshotCompression compression;
    private final boolean decodedCopy;

    private PlainSnapshot(Path path, SnapshotCompression compression, boolean decodedCopy) {
        this.path = path;
        this.compression = compression;
        this.decodedCopy = decodedCopy;
    }

    /** A compressed {@code file} is decoded into a new temporary file in the system temporary directory. */
    public static PlainSnapshot open(Path file) throws IOException {
        SnapshotCompression compression = SnapshotCompression.detect(file);
        if (compression == SnapshotCompression.NONE) {
            return new PlainSnapshot(file, compression, false);
        }
        Path copy = Files.createTempFile("jetcdctl-snapshot-", ".db",
                PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        Files.delete(copy);
        copy.toFile().deleteOnExit(); // also on Ctrl-C or SIGTERM, when close() never runs
        return decode(file, compression, copy);
    }

    /** A compressed {@code file} is decoded into {@code decodeTo}, which must not exist yet. */
    public static PlainSnapshot open(Path file, Path decodeTo) throws IOException {
        SnapshotCompression compression = SnapshotCompression.detect(file);
        if (compression == SnapshotCompression.NONE) {
            return new PlainSnapshot(file, compression, false);
        }
        return decode(file, compression, decodeTo);
    }

    private static PlainSnapshot decode(Path file, SnapshotCompression compression, Path copy) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             FileChannel channel = FileChannel.open(copy, Set.of(StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
             OutputStream out = Channels.newOutputStream(channel)) {
            copyDecoded(file, compression, raw, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return new PlainSnapshot(copy, compression, true);
    }

    /** Decoding errors become format errors; errors writing the copy (a full disk) stay what they are. */
    private static void copyDecoded(Path file, SnapshotCompression compression, InputStream raw, OutputStream out)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = decoding(file, compression, raw)) {
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException | RuntimeException e) {
                    throw decodeError(file, compression, e);
                }
                if (n < 0) {
                    return;
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static InputStream decoding(Path file, SnapshotCompression compression, InputStream raw)
            throws SnapshotFormatException {
        try {
            return compression.decompressing(raw);
        } catch (IOException | RuntimeException e) {
            throw decodeError(file, compression, e);
        }
    }

    private static SnapshotFormatException decodeError(Path file, SnapshotCompression compression, Exception e) {
        String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        SnapshotFormatException error = new SnapshotFormatException(file + ": cannot decode " + compression.flagValue()
                + " data: " + reason);
        error.initCause(e);
        return error;
    }

    /** The plain bbolt file to read. */
    public Path path() {
        return path;
    }

    public SnapshotCompression compression() {
        return compression;
    }

    @Override
    public void close() throws IOException {
        if (decodedCopy) {
            Files.deleteIfExists(path);
        }
    }
}
