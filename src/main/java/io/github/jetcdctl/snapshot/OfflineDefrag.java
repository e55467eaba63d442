package io.github.jetcdctl.snapshot;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

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
 * <p>The copy goes to {@code member/snap/db.tmp.N} (the name etcd's own defrag uses, so an etcd that starts after a
 * crash removes a leftover), with the db's mode and owner, is synced, and is renamed over the db; then the directory
 * is synced. On any failure, and on Ctrl-C, the temporary file is removed and the db is untouched. One page per tree
 * level is in memory at a time, whatever the size of the db.
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
        Optional<LockHolders.Holder> holder = LockHolders.find(db);
        if (holder.isPresent()) {
            throw new InUseException(holder.get().describe() + " holds a lock on " + db);
        }
    }

    private static Result rewrite(Path db) throws IOException {
        AtomicReference<Path> temporary = new AtomicReference<>();
        Thread cleanup = new Thread(() -> deleteQuietly(temporary.get()), "defrag-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup); // before the file exists, so that no signal leaves it behind
        try (BoltReader source = open(db)) {
            PosixFileAttributes attributes = Files.readAttributes(db, PosixFileAttributes.class);
            Path tmp = Files.createTempFile(db.getParent(), "db.tmp.", "");
            temporary.set(tmp);
            keepOwnerAndMode(tmp, attributes);
            Result result = copy(source, tmp);
            refuseIfLocked(db); // an etcd that started meanwhile would keep serving the old file
            Files.move(tmp, db, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary.set(null);
            SnapshotSink.syncDirectory(db.getParent());
            return result;
        } finally {
            deleteQuietly(temporary.get());
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down; the hook removes the temporary file
            }
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

    /** The new file gets the db's mode, and its owner and group when they differ (which needs the right to chown). */
    private static void keepOwnerAndMode(Path tmp, PosixFileAttributes db) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        PosixFileAttributes current = view.readAttributes();
        try {
            if (!current.owner().equals(db.owner())) {
                view.setOwner(db.owner());
            }
            if (!current.group().equals(db.group())) {
                view.setGroup(db.group());
            }
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? "operation not permitted" : e.getReason().toLowerCase(Locale.ROOT);
            String owner = db.owner().getName() + ":" + db.group().getName();
            throw new IOException("cannot give the new db the owner " + owner + " of the old one (" + reason
                    + "); run as root or as the db's owner", e);
        }
        view.setPermissions(db.permissions());
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // named like etcd's own defrag temporaries, which etcd removes when it starts
        }
    }
}
