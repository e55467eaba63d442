package io.github.jetcdctl.snapshot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who else holds a lock on a file, as far as pure Java can tell.
 *
 * <p>bbolt, and so etcd, takes {@code flock(2)} on its db. Java's {@link FileChannel#tryLock} takes {@code fcntl(2)}
 * record locks, which on Linux neither see nor block flock locks, so trying to lock the db proves nothing. The
 * kernel lists every lock, flock or not, in {@code /proc/locks} by {@code major:minor:inode}. Rather than derive that
 * key from {@code stat} (which on btrfs subvolumes and overlayfs reports another device than the lock's inode), the
 * probe takes a shared record lock on one byte at a random far offset of the file and looks up its own line: the
 * kernel prints the same key for every lock on that inode. Where {@code /proc/locks} does not exist (not Linux),
 * flock and record locks conflict with each other (the BSDs, macOS), and on NFS Linux emulates flock with record
 * locks, so the probe's own lock failing is the answer there.
 */
public final class LockHolders {
    static final Path PROC_LOCKS = Path.of("/proc/locks");
    /** Far beyond any real file, so that the marker never overlaps a byte-range lock someone takes on data. */
    private static final long MARKER_BASE = 0x3A00_0000_0000_0000L;

    /**
     * A lock held by another process.
     *
     * @param kind    as /proc/locks names it: FLOCK, POSIX, OFDLCK (or RECORD when the kernel refused our own
     *                record lock and /proc/locks cannot say more)
     * @param pid     the holder as /proc/locks shows it; 0 when unknown (another pid namespace, an OFD lock)
     * @param command the holder's command name from /proc/PID/comm, or null
     */
    public record Holder(String kind, long pid, String command) {
        /** {@code process 1234 (etcd)}, or {@code another process} when the pid is unknown. */
        public String describe() {
            if (pid <= 0) {
                return "another process";
            }
            return "process " + pid + (command == null ? "" : " (" + command + ")");
        }
    }

    private LockHolders() {
    }

    /** The first lock another process holds on {@code file}, preferring a flock; empty when there is none. */
    public static Optional<Holder> find(Path file) throws IOException {
        return find(file, PROC_LOCKS);
    }

    static Optional<Holder> find(Path file, Path procLocks) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long marker = MARKER_BASE + ThreadLocalRandom.current().nextLong(1L << 40);
            FileLock own;
            try {
                own = channel.tryLock(marker, 1, true);
            } catch (OverlappingFileLockException e) {
                return Optional.empty(); // this JVM holds a lock on it already: nobody else can hold a conflicting one
            }
            if (own == null) {
                return Optional.of(new Holder("RECORD", 0, null)); // a conflicting write lock
            }
            try {
                if (!Files.isReadable(procLocks)) {
                    return Optional.empty();
                }
                return holderOtherThan(Files.readAllLines(procLocks), Long.toString(marker));
            } finally {
                own.release();
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Parses /proc/locks: the locks on the inode of our marker lock (starting at {@code marker}), except it. */
    static Optional<Holder> holderOtherThan(List<String> lines, String marker) {
        List<String[]> locks = new ArrayList<>();
        String inode = null;
        for (String line : lines) {
            String[] f = fields(line);
            if (f == null) {
                continue;
            }
            if (f[0].equals("POSIX") && f[5].equals(marker) && f[6].equals(marker)) {
                inode = f[4];
            } else {
                locks.add(f);
            }
        }
        if (inode == null) {
            return Optional.empty();
        }
        Holder found = null;
        for (String[] f : locks) {
            if (f[4].equals(inode) && (found == null || f[0].equals("FLOCK") && !found.kind().equals("FLOCK"))) {
                found = new Holder(f[0], parsePid(f[3]), null);
            }
        }
        return Optional.ofNullable(found).map(h -> new Holder(h.kind(), h.pid(), command(h.pid())));
    }

    /**
     * {@code 3: FLOCK  ADVISORY  WRITE 1442 fe:00:2146530 0 EOF} as [kind, mode, access, pid, dev:inode, start,
     * end]; null for a waiter ({@code 3: -> FLOCK ...}, which holds nothing yet) and for lines that do not parse.
     */
    private static String[] fields(String line) {
        String[] t = line.trim().split("\\s+");
        if (t.length != 8 || !t[0].endsWith(":")) {
            return null;
        }
        String[] f = new String[7];
        System.arraycopy(t, 1, f, 0, 7);
        return f;
    }

    private static long parsePid(String s) {
        try {
            return Math.max(0, Long.parseLong(s));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String command(long pid) {
        if (pid <= 0) {
            return null;
        }
        try {
            String comm = Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim();
            return comm.isEmpty() ? null : comm;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
