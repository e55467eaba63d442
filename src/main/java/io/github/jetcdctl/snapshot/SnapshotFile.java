package io.github.jetcdctl.snapshot;

import io.github.jetcdctl.snapshot.bbolt.BoltReader;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A snapshot file as {@code etcdctl snapshot save} writes it: a bbolt image optionally followed by a 32-byte SHA-256
 * of that image. Opened read-only, without locks, through positional reads (nothing is memory mapped, and the file
 * is never loaded whole).
 */
public final class SnapshotFile implements Closeable {
    public static final int SHA256_SIZE = 32;

    private final Path path;
    private final FileChannel channel;
    private final long size;

    private SnapshotFile(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    public static SnapshotFile open(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new SnapshotFile(path, ch, ch.size());
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** etcd's rule: a file carries a trailer iff {@code size % 512 == 32}. */
    public static boolean hasChecksum(long size) {
        return size % 512 == SHA256_SIZE;
    }

    public Path path() {
        return path;
    }

    public long fileSize() {
        return size;
    }

    public boolean hasSha256Trailer() {
        return hasChecksum(size);
    }

    /** Length of the bbolt region: the file size minus the trailer, if there is one. */
    public long dbLength() {
        return hasSha256Trailer() ? size - SHA256_SIZE : size;
    }

    /** The stored trailer, or null if the file has none. */
    public byte[] storedSha256() throws IOException {
        if (!hasSha256Trailer()) {
            return null;
        }
        byte[] b = new byte[SHA256_SIZE];
        ByteBuffer bb = ByteBuffer.wrap(b);
        long pos = size - SHA256_SIZE;
        while (bb.hasRemaining()) {
            int n = channel.read(bb, pos);
            if (n < 0) {
                throw new SnapshotFormatException(path + ": file shrank while reading its sha256 trailer");
            }
            pos += n;
        }
        return b;
    }

    /** SHA-256 of the bbolt region {@code [0, dbLength())}, streamed in 1 MiB blocks. */
    public byte[] computeSha256() throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer bb = ByteBuffer.allocate(1 << 20);
        long pos = 0;
        long end = dbLength();
        while (pos < end) {
            bb.clear();
            if (end - pos < bb.capacity()) {
                bb.limit((int) (end - pos));
            }
            int n = channel.read(bb, pos);
            if (n < 0) {
                throw new SnapshotFormatException(path + ": file shrank while computing its sha256");
            }
            bb.flip();
            md.update(bb);
            pos += n;
        }
        return md.digest();
    }

    /** True if the file has a trailer and it matches the bbolt region. */
    public boolean verifySha256() throws IOException {
        byte[] stored = storedSha256();
        return stored != null && MessageDigest.isEqual(stored, computeSha256());
    }

    /** A bbolt reader over this file's channel (the reader does not close it). */
    public BoltReader bolt() throws IOException {
        return BoltReader.open(channel, size, false);
    }

    public FileChannel channel() {
        return channel;
    }

    /** Go's {@code %v} of a byte slice: {@code [1 2 3]}. */
    public static String goBytes(byte[] b) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < b.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(b[i] & 0xff);
        }
        return sb.append(']').toString();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
