package io.github.jetcdctl.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * An exclusive lock on {@code DIR/.jetcdctl-backup.lock}, so overlapping runs (a slow backup and the next cron
 * tick) never write into one directory at once. The kernel releases it when the process dies, so a crashed run
 * never leaves a stale lock; the file itself stays, and holds the holder's process id for the error message.
 */
public final class BackupLock implements AutoCloseable {
    public static final String FILE_NAME = ".jetcdctl-backup.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private BackupLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process (or another run in this one) holds it. */
    public static Optional<BackupLock> tryAcquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
                    0);
            return Optional.of(new BackupLock(channel, lock));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** What the holder wrote into the lock file (its process id), for the error message; empty if unknown. */
    public static String holder(Path dir) {
        try {
            return Files.readString(dir.resolve(FILE_NAME), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
