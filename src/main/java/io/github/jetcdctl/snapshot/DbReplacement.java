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

/**
 * Replaces a stopped member's db by a new file written beside it: {@code member/snap/db.tmp.N} (the name etcd's own
 * defrag uses, so an etcd that starts after a crash removes a leftover), with the db's mode and owner, synced, then
 * renamed over the db, and the directory synced. On any failure, and on Ctrl-C, the temporary file is removed and the
 * db is untouched. The db's lock is looked at again just before the rename.
 */
final class DbReplacement {
    /** Writes the new db into the (empty) temporary file and syncs it. */
    interface Writer<R> {
        R write(Path temporary) throws IOException;
    }

    private DbReplacement() {
    }

    /** Refuses a db that another process (a running etcd) holds. */
    static void refuseIfLocked(Path db) throws IOException {
        Optional<LockHolders.Holder> holder = LockHolders.find(db);
        if (holder.isPresent()) {
            throw new OfflineDefrag.InUseException(holder.get().describe() + " holds a lock on " + db);
        }
    }

    static <R> R replace(Path db, Writer<R> writer) throws IOException {
        AtomicReference<Path> temporary = new AtomicReference<>();
        Thread cleanup = new Thread(() -> deleteQuietly(temporary.get()), "db-replacement-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup); // before the file exists, so that no signal leaves it behind
        try {
            PosixFileAttributes attributes = Files.readAttributes(db, PosixFileAttributes.class);
            Path tmp = Files.createTempFile(db.getParent(), "db.tmp.", "");
            temporary.set(tmp);
            keepOwnerAndMode(tmp, attributes);
            R result = writer.write(tmp);
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
