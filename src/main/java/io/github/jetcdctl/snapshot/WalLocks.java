package io.github.jetcdctl.snapshot;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Shared record locks on every {@code *.wal} file of a member, held while its db is rewritten offline.
 *
 * <p>A running etcd holds an open-file-description lock ({@code F_OFD_SETLK}) on the WAL files it writes, and those
 * conflict with Java's {@code fcntl} record locks: failing to take ours means etcd runs on this directory. Holding
 * ours makes an etcd that starts in the meantime stop at once with {@code failed to open WAL: fileutil: file
 * already locked} instead of serving from a db that is about to be replaced.
 */
public final class WalLocks implements Closeable {
    private final List<FileChannel> channels;

    private WalLocks(List<FileChannel> channels) {
        this.channels = channels;
    }

    /**
     * Locks the WAL files in {@code walDir} (nothing when the directory does not exist).
     *
     * @throws OfflineDefrag.InUseException when another process holds a lock on one of them
     */
    public static WalLocks acquire(Path walDir) throws IOException {
        List<FileChannel> held = new ArrayList<>();
        if (!Files.isDirectory(walDir)) {
            return new WalLocks(held);
        }
        List<Path> wals;
        try (Stream<Path> files = Files.list(walDir)) {
            wals = files.filter(p -> p.getFileName().toString().endsWith(".wal")).sorted().toList();
        }
        try {
            for (Path wal : wals) {
                FileChannel channel = FileChannel.open(wal, StandardOpenOption.READ);
                held.add(channel);
                FileLock lock;
                try {
                    lock = channel.tryLock(0, Long.MAX_VALUE, true);
                } catch (OverlappingFileLockException e) {
                    lock = null; // this JVM locked it already: another defrag of the same directory
                }
                if (lock == null) {
                    throw new OfflineDefrag.InUseException("another process (a running etcd) holds a lock on " + wal);
                }
            }
        } catch (IOException | RuntimeException e) {
            closeAll(held);
            throw e;
        }
        return new WalLocks(held);
    }

    @Override
    public void close() {
        closeAll(channels);
    }

    private static void closeAll(List<FileChannel> channels) {
        for (FileChannel channel : channels) {
            try {
                channel.close(); // releases its lock
            } catch (IOException ignored) {
                // nothing was written through it
            }
        }
    }
}
