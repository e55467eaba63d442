package io.github.jetcdctl.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on {@code DIR/.jetcdctl-backup.lock}, so overlapping runs (a slow backup and the next cron
 * tick) never write into one directory at once. The kernel releases it when the process dies, so a crashed run
 * never leaves a stale lock; the file itself stays, and holds the holder's process id for the error message.
 */
public final class BackupLock implements AutoCloseable {
    public static final String FILE_NAME = ".jetcdctl-backup.lock";

    private static final Set<Path> HELD_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private BackupLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process (or another run in this one) holds it. */
    public static Optional<BackupLock> tryAcquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException ignored) {
            // made by an earlier run; it is never deleted
        }
        Path key = file.toRealPath();
        // POSIX drops all of a process's locks on a file when any descriptor of it closes, so a second
        // attempt in this JVM must not even open the file: it is refused here instead.
        if (!HELD_IN_THIS_PROCESS.add(key)) {
            return Optional.empty();
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_PROCESS.remove(key);
            throw e;
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                HELD_IN_THIS_PROCESS.remove(key);
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)),
                    0);
            return Optional.of(new BackupLock(key, channel, lock));
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_PROCESS.remove(key);
            channel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** What the holder wrote into the lock file (its process id), for the error message; empty if unknown. */
    public static String holder(Path dir) {
        try {
            Path file = dir.resolve(FILE_NAME);
            if (HELD_IN_THIS_PROCESS.contains(file.toRealPath())) {
                return Long.toString(ProcessHandle.current().pid()); // reading would drop our own lock
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
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
            HELD_IN_THIS_PROCESS.remove(key);
        }
    }
}
