package io.github.jetcdctl.snapshot;

import java.io.IOException;
import java.io.InterruptedIOException;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Receives a snapshot stream into {@code FILE.part} and only then, verified and synced, renames it to
 * {@code FILE}: a reader never sees a partial snapshot at the target path. etcd 3.5 servers end the stream
 * with a SHA-256 of everything before it; {@link #commit()} checks it.
 *
 * <p>The SHA-256 runs on a second thread, fed through a short queue, so that hashing overlaps receiving and
 * writing. Each chunk is written as it arrives, so a stalled stream shows in the size of the partial file.
 */
public final class SnapshotSink implements AutoCloseable {
    public static final int TRAILER_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    /** Chunks waiting for the digest thread (etcd sends 32 KiB chunks: about 2 MiB). */
    private static final int QUEUED_CHUNKS = 64;

    private final Path target;
    private final Path part;
    private final FileChannel channel;
    private final TrailerDigest digest = new TrailerDigest();
    private long size;
    private boolean trailerChecked;
    private boolean committed;

    private SnapshotSink(Path target, Path part, FileChannel channel) {
        this.target = target;
        this.part = part;
        this.channel = channel;
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

    /** Appends a chunk; the sink keeps the array (the caller must not change it afterwards). */
    public void write(byte[] chunk) throws IOException {
        digest.add(chunk);
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        size += chunk.length;
    }

    /**
     * Checks that the stream ended with a SHA-256 trailer matching the data: a {@link SnapshotFormatException}
     * tells a bad stream from a local I/O failure. {@link #commit()} calls it too.
     */
    public void checkTrailer() throws IOException {
        if (trailerChecked) {
            return;
        }
        byte[] tail = digest.finish();
        if (tail.length < TRAILER_BYTES || (size % 512) != TRAILER_BYTES) {
            throw new SnapshotFormatException("snapshot stream ended without its sha256 trailer (" + size + " bytes)");
        }
        if (!Arrays.equals(digest.result(), tail)) {
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

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // Some file systems cannot sync a directory; the rename itself is still atomic.
        }
    }

    /** Without a commit, removes the partial file. */
    @Override
    public void close() {
        digest.abandon();
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

    /**
     * SHA-256 of everything but the newest 32 bytes (which may be the trailer), computed on its own thread in the
     * order chunks were added.
     */
    private static final class TrailerDigest {
        private static final byte[] END = new byte[0];
        private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        private final MessageDigest sha256;
        private final byte[] tail = new byte[TRAILER_BYTES];
        private int tailLength;
        private byte[] result;
        private Thread worker;

        TrailerDigest() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(byte[] chunk) throws IOException {
            if (result != null) {
                throw new IllegalStateException("the stream has already ended");
            }
            if (worker == null) {
                worker = new Thread(this::run, "snapshot-sha256");
                worker.setDaemon(true);
                worker.start();
            }
            put(chunk);
        }

        private void put(byte[] chunk) throws IOException {
            try {
                queue.put(chunk);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while hashing the snapshot");
            }
        }

        private void run() {
            try {
                for (byte[] chunk = queue.take(); chunk != END; chunk = queue.take()) {
                    holdBackTail(chunk);
                }
            } catch (InterruptedException e) {
                // abandoned
            }
        }

        private void holdBackTail(byte[] chunk) {
            int total = tailLength + chunk.length;
            int release = Math.max(0, total - TRAILER_BYTES);
            // Release the oldest bytes of (tail + chunk) to the digest, keep the newest 32.
            int fromTail = Math.min(release, tailLength);
            sha256.update(tail, 0, fromTail);
            int fromChunk = release - fromTail;
            sha256.update(chunk, 0, fromChunk);
            int keep = Math.min(TRAILER_BYTES, total);
            int keptFromTail = tailLength - fromTail;
            System.arraycopy(tail, fromTail, tail, 0, keptFromTail);
            System.arraycopy(chunk, fromChunk, tail, keptFromTail, keep - keptFromTail);
            tailLength = keep;
        }

        /** Waits for every chunk to be hashed; returns the held-back tail (up to 32 bytes). */
        byte[] finish() throws IOException {
            if (result == null) {
                if (worker != null) {
                    put(END);
                    try {
                        worker.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while hashing the snapshot");
                    }
                }
                result = sha256.digest();
            }
            return Arrays.copyOf(tail, tailLength);
        }

        /** The digest of everything before the tail; after {@link #finish()}. */
        byte[] result() {
            return result;
        }

        void abandon() {
            if (worker != null && worker.isAlive()) {
                worker.interrupt();
            }
        }
    }
}
