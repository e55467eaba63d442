package io.github.jetcdctl.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Set;

/**
 * Receives a snapshot stream into {@code FILE.part} and only then, verified and synced, renames it to
 * {@code FILE}: a reader never sees a partial snapshot at the target path. etcd 3.5 servers end the stream
 * with a SHA-256 of everything before it; {@link #commit()} checks it.
 */
public final class SnapshotSink implements AutoCloseable {
    public static final int TRAILER_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private final Path target;
    private final Path part;
    private final FileChannel channel;
    private final MessageDigest digest;
    /** The newest bytes, held back from the digest because they may be the trailer. */
    private final byte[] tail = new byte[TRAILER_BYTES];
    private int tailLength;
    private long size;
    private boolean trailerChecked;
    private boolean committed;

    private SnapshotSink(Path target, Path part, FileChannel channel) {
        this.target = target;
        this.part = part;
        this.channel = channel;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates (or truncates) {@code target + ".part"} with mode 0600. */
    public static SnapshotSink create(Path target) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        FileChannel channel;
        try {
            channel = FileChannel.open(part, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        } catch (FileAlreadyExistsException e) {
            channel = FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            Files.setPosixFilePermissions(part, OWNER_READ_WRITE);
        }
        return new SnapshotSink(target, part, channel);
    }

    public Path partPath() {
        return part;
    }

    public long size() {
        return size;
    }

    public void write(byte[] chunk) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        size += chunk.length;
        holdBackTail(chunk);
    }

    private void holdBackTail(byte[] chunk) {
        int total = tailLength + chunk.length;
        int release = Math.max(0, total - TRAILER_BYTES);
        // Release the oldest bytes of (tail + chunk) to the digest, keep the newest 32.
        int fromTail = Math.min(release, tailLength);
        digest.update(tail, 0, fromTail);
        int fromChunk = release - fromTail;
        digest.update(chunk, 0, fromChunk);
        byte[] keep = new byte[Math.min(TRAILER_BYTES, total)];
        int keptFromTail = tailLength - fromTail;
        System.arraycopy(tail, fromTail, keep, 0, keptFromTail);
        System.arraycopy(chunk, fromChunk, keep, keptFromTail, keep.length - keptFromTail);
        System.arraycopy(keep, 0, tail, 0, keep.length);
        tailLength = keep.length;
    }

    /**
     * Checks that the stream ended with a SHA-256 trailer matching the data: a {@link SnapshotFormatException}
     * tells a bad stream from a local I/O failure. {@link #commit()} calls it too.
     */
    public void checkTrailer() throws SnapshotFormatException {
        if (trailerChecked) {
            return;
        }
        if (tailLength < TRAILER_BYTES || (size % 512) != TRAILER_BYTES) {
            throw new SnapshotFormatException("snapshot stream ended without its sha256 trailer (" + size + " bytes)");
        }
        if (!Arrays.equals(digest.digest(), tail)) {
            throw new SnapshotFormatException("snapshot sha256 trailer does not match the received data");
        }
        trailerChecked = true;
    }

    /** Verifies the trailer, syncs the file and renames it into place. */
    public void commit() throws IOException {
        checkTrailer();
        channel.force(true);
        channel.close();
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.toAbsolutePath().getParent());
        committed = true;
    }

    /** fsync of a directory, so that a rename in it is on disk. */
    static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // Some file systems cannot sync a directory; the rename itself is still atomic.
        }
    }

    /** Without a commit, removes the partial file. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a file we are about to delete
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // best effort: the target path was never written
        }
    }
}
