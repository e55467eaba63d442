package io.github.jetcdctl.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.jetcdctl.snapshot.bbolt.BoltCopy;
import io.github.jetcdctl.snapshot.bbolt.BoltReader;
import io.github.jetcdctl.snapshot.bbolt.BoltWriter;
import io.github.jetcdctl.snapshot.bbolt.PageTracker;

/**
 * Defragments a stopped member's {@code member/snap/db}, as {@code etcdutl defrag --data-dir} does: every bucket is
 * copied, in key order, into a fresh file with full pages and no free ones, which then replaces the db.
 *
 * <p>Like etcd's files, the new one persists no freelist; unlike etcdutl's, whose new file takes the page size of
 * the machine it runs on, it keeps the db's page size, and its pages are full where bbolt fills them to 90 %, so it
 * is never larger. Its transaction id follows the db's.
 *
 * <p>The copy replaces the db through {@link DbReplacement}: a synced {@code member/snap/db.tmp.N} with the db's mode
 * and owner, renamed over it; a failure leaves the db as it was. One page per tree level is in memory at a time,
 * whatever the size of the db.
 *
 * <p>Unlike etcdutl, which waits for as long as it takes to get the db's lock, a db that another process holds is
 * refused at once ({@link LockHolders}); the member's WAL files stay locked during the copy ({@link WalLocks}) and
 * the db's lock is looked at again just before the rename.
 */
public final class OfflineDefrag {
    /** bbolt's {@code tx.Size()} and the part of it not on bbolt's free list. */
    public record Sizes(long size, long inUse) {
    }

    public record Result(Sizes before, Sizes after) {
    }

    /** The db cannot be opened or read: missing, not a bbolt file, damaged (etcdutl panics on all of these). */
    public static final class UnreadableDbException extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadableDbException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Another process (a running etcd) holds the db or the member's WAL. */
    public static final class InUseException extends IOException {
        private static final long serialVersionUID = 1L;

        InUseException(String message) {
            super(message);
        }
    }

    private OfflineDefrag() {
    }

    /** {@code DIR/member/snap/db}, cleaned as Go's {@code filepath.Join} cleans it. */
    public static Path dbPath(String dataDir) {
        return Path.of(dataDir, "member", "snap", "db").normalize();
    }

    /** Defragments {@code dataDir}'s db in place. */
    public static Result defragment(String dataDir) throws IOException {
        Path db = dbPath(dataDir);
        if (Files.isDirectory(db)) {
            throw new UnreadableDbException("open " + db + ": is a directory", null);
        }
        if (!Files.exists(db)) {
            throw new UnreadableDbException("open " + db + ": no such file or directory", null);
        }
        refuseIfLocked(db);
        try (WalLocks wal = WalLocks.acquire(Path.of(dataDir, "member", "wal"))) {
            // a db that is a symbolic link (to another disk) is rewritten where it really is, the link kept
            return rewrite(db.toRealPath());
        }
    }

    private static void refuseIfLocked(Path db) throws IOException {
        DbReplacement.refuseIfLocked(db);
    }

    private static Result rewrite(Path db) throws IOException {
        try (BoltReader source = open(db)) {
            return DbReplacement.replace(db, tmp -> copy(source, tmp));
        }
    }

    private static BoltReader open(Path db) throws IOException {
        try {
            return BoltReader.open(db);
        } catch (IOException e) {
            throw unreadable(db, e);
        }
    }

    private static Result copy(BoltReader source, Path tmp) throws IOException {
        long pageSize = source.pageSize();
        Sizes before;
        long pages;
        try (BoltWriter writer = BoltWriter.create(tmp, source.pageSize())) {
            PageTracker reached = source.newTracker();
            try {
                BoltCopy.copyAll(source, reached, writer);
                before = new Sizes(source.totalSize(),
                        source.totalSize() - source.freePageCount(reached) * pageSize);
            } catch (SnapshotFormatException e) {
                throw unreadable(null, e);
            }
            pages = writer.finish(source.meta().txid() + 1); // also syncs
        }
        return new Result(before, new Sizes(pages * pageSize, pages * pageSize));
    }

    private static UnreadableDbException unreadable(Path db, IOException e) {
        String reason = e instanceof SnapshotFormatException || db == null ? e.getMessage()
                : "open " + db + ": " + lowerFirst(e.getMessage());
        return new UnreadableDbException(reason, e);
    }

    private static String lowerFirst(String s) {
        return s == null || s.isEmpty() ? String.valueOf(s) : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
