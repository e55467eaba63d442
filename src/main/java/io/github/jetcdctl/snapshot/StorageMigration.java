package io.github.jetcdctl.snapshot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.github.jetcdctl.snapshot.bbolt.Bolt;
import io.github.jetcdctl.snapshot.bbolt.BoltCopy;
import io.github.jetcdctl.snapshot.bbolt.BoltCursor;
import io.github.jetcdctl.snapshot.bbolt.BoltReader;
import io.github.jetcdctl.snapshot.bbolt.BoltWriter;

/**
 * {@code etcdutl migrate}: moves a stopped member's db to the storage schema of another etcd minor version, with the
 * plans of etcd 3.7's schema package.
 *
 * <ul>
 *   <li>The current version is {@code meta/storageVersion} (written since 3.6); without it, a db whose
 *       {@code meta/term} is set is 3.5, and an older one (3.4) cannot be migrated.</li>
 *   <li>A plan goes one minor version at a time and only through versions whose changes etcd knows (3.6: the
 *       {@code storageVersion} key appears; 3.7: nothing); each step of 3.6 or later sets {@code storageVersion}
 *       to its {@code X.Y.0}, a step to 3.5 removes it. The major version never changes.</li>
 *   <li>A downgrade is refused when the WAL entries since the last snapshot need a newer etcd
 *       ({@link WalVersion}); the WAL must be readable for any migration that changes something.</li>
 *   <li>{@code --force} sets (or for 3.5 removes) {@code storageVersion} when the plan or the WAL check fails.</li>
 * </ul>
 * The db is copied by the kernel into {@code member/snap/db.tmp.N}, the changed {@code meta} bucket is committed on
 * top of the copy (copy-on-write: no other bucket is rewritten), and the copy replaces the db
 * ({@link DbReplacement}). A db that a running etcd holds, or whose WAL it holds, is refused.
 */
public final class StorageMigration {
    private static final byte[] META = "meta".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STORAGE_VERSION = "storageVersion".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TERM = "term".getBytes(StandardCharsets.US_ASCII);
    /** The minor versions whose schema changes etcd 3.7 knows (3.6 added storageVersion; 3.7 changed nothing). */
    private static final List<StorageVersion> KNOWN_CHANGES = List.of(StorageVersion.V3_6,
            new StorageVersion(3, 7, 0));

    /** What etcdutl logs on the way, in order. */
    public interface Log {
        /** The current version is the target: nothing is written. */
        void upToDate(StorageVersion current);

        /** The plan would change the major version (logged before the failure, even with force). */
        void majorVersionChange(StorageVersion current, StorageVersion target);

        /** One step of the plan was applied. */
        void stepApplied(StorageVersion newVersion);

        /** The plan failed and {@code --force} takes over. */
        void forcing(String migrateError);

        /** {@code --force} set (3.6 and later) or removed (3.5) the storage version. */
        void forced(StorageVersion target);
    }

    /** The db has neither a storage version nor a term: it is older than 3.5. */
    public static final class UndetectableVersionException extends IOException {
        private static final long serialVersionUID = 1L;

        UndetectableVersionException() {
            super("missing term information");
        }
    }

    /** The WAL, which a migration needs, cannot be read; the message is etcdutl's. */
    public static final class UnreadableWalException extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadableWalException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** No plan leads to the target, or the WAL forbids the downgrade (and no {@code --force}). */
    public static final class PlanException extends IOException {
        private static final long serialVersionUID = 1L;

        PlanException(String message) {
            super(message);
        }
    }

    private StorageMigration() {
    }

    public static void migrate(String dataDir, StorageVersion target, boolean force, Log log) throws IOException {
        Path db = OfflineDefrag.dbPath(dataDir);
        if (!Files.exists(db)) {
            throw new NoSuchFileException(db.toString(), null, "stat " + db + ": no such file or directory");
        }
        if (Files.isDirectory(db)) {
            throw new OfflineDefrag.UnreadableDbException("open " + db + ": is a directory", null);
        }
        DbReplacement.refuseIfLocked(db);
        try (WalLocks wal = WalLocks.acquire(Path.of(dataDir, "member", "wal"))) {
            StorageVersion current;
            try (BoltReader r = open(db)) {
                current = detect(r);
            }
            if (current.equals(target)) {
                log.upToDate(current);
                return;
            }
            Optional<StorageVersion> walVersion;
            try {
                walVersion = WalVersion.newerThan35(Path.of(dataDir, "member", "wal"));
            } catch (WalRecords.UnreadableWalException e) {
                throw new UnreadableWalException("failed to get the lastest snapshot: " + e.getMessage(), e);
            }
            Optional<String> stored;
            try {
                List<StorageVersion> steps = plan(current, target, log);
                if (target.lessThan(current) && walVersion.isPresent() && target.lessThan(walVersion.get())) {
                    throw new PlanException("cannot downgrade storage, WAL contains newer entries, as the target "
                            + "version (" + target + ") is lower than the version (" + walVersion.get()
                            + ") detected from WAL logs");
                }
                if (steps.isEmpty()) {
                    return; // a stored version with another patch level: etcd's plan is empty
                }
                StorageVersion last = steps.get(steps.size() - 1);
                stored = last.lessThan(StorageVersion.V3_6) ? Optional.empty() : Optional.of(last.toString());
                write(db, stored);
                steps.forEach(log::stepApplied);
            } catch (PlanException e) {
                if (!force) {
                    throw e;
                }
                log.forcing(e.getMessage());
                stored = target.lessThan(StorageVersion.V3_6) ? Optional.empty()
                        : Optional.of(target.trimmedToMinor().toString());
                write(db, stored);
                log.forced(target);
            }
        }
    }

    /** The db's storage version as etcd detects it. */
    public static StorageVersion detect(BoltReader r) throws IOException {
        BoltCursor meta = metaCursor(r);
        byte[] term = null;
        while (meta != null && meta.next()) {
            if (Arrays.equals(meta.key(), STORAGE_VERSION)) {
                Optional<StorageVersion> v = StorageVersion.parseStored(
                        new String(meta.value(), StandardCharsets.UTF_8));
                if (v.isPresent()) {
                    return v.get();
                }
            } else if (Arrays.equals(meta.key(), TERM)) {
                term = meta.value();
            }
        }
        if (term == null || term.length != 8 || Arrays.equals(term, new byte[8])) {
            throw new UndetectableVersionException();
        }
        return StorageVersion.V3_5;
    }

    /** The versions after each step, as etcd's newPlan builds them. */
    private static List<StorageVersion> plan(StorageVersion from, StorageVersion to, Log log) throws PlanException {
        StorageVersion current = from.trimmedToMinor();
        StorageVersion target = to.trimmedToMinor();
        if (current.major() != target.major()) {
            log.majorVersionChange(current, target);
            throw new PlanException("cannot create migration plan: changing major storage version is not supported");
        }
        List<StorageVersion> steps = new ArrayList<>();
        while (!current.equals(target)) {
            boolean upgrade = current.minor() < target.minor();
            StorageVersion next = new StorageVersion(current.major(), current.minor() + (upgrade ? 1 : -1), 0);
            StorageVersion changesOf = upgrade ? next : current;
            if (!KNOWN_CHANGES.contains(changesOf)) {
                throw new PlanException("cannot create migration plan: version \"" + changesOf
                        + "\" is not supported");
            }
            steps.add(next);
            current = next;
        }
        return steps;
    }

    private static BoltCursor metaCursor(BoltReader r) throws IOException {
        BoltCursor root = r.rootCursor();
        if (!root.seekForward(META) || !root.isBucket()) {
            return null;
        }
        return root.bucketCursor();
    }

    private static BoltReader open(Path db) throws IOException {
        try {
            return BoltReader.open(db);
        } catch (IOException e) {
            throw new OfflineDefrag.UnreadableDbException(e.getMessage(), e);
        }
    }

    /** Replaces the db by a copy whose {@code meta/storageVersion} is {@code stored} (empty: removed). */
    private static void write(Path db, Optional<String> stored) throws IOException {
        DbReplacement.replace(db.toRealPath(), tmp -> {
            try (FileChannel in = FileChannel.open(db, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                long size = in.size();
                for (long pos = 0; pos < size; ) {
                    pos += in.transferTo(pos, size - pos, out);
                }
            }
            try (BoltReader r = BoltReader.open(tmp);
                 BoltWriter w = BoltWriter.appendTo(tmp, r.pageSize(), r.meta().pgid())) {
                BoltCursor root = r.rootCursor();
                boolean metaSeen = false;
                while (root.next()) {
                    if (!root.isBucket()) {
                        throw new SnapshotFormatException("root bucket holds a plain key; only buckets are allowed");
                    }
                    if (!Arrays.equals(root.key(), META)) {
                        w.putBucketValue(root.key(), root.value());
                        continue;
                    }
                    metaSeen = true;
                    w.beginBucket(META, Bolt.bucketSequence(root.value()));
                    copyMeta(root.bucketCursor(), w, stored);
                    w.endBucket();
                }
                if (!metaSeen) {
                    throw new SnapshotFormatException("the db has no meta bucket");
                }
                w.finish(r.meta().txid() + 1); // also syncs
            }
            return null;
        });
    }

    private static void copyMeta(BoltCursor meta, BoltWriter w, Optional<String> stored) throws IOException {
        boolean written = stored.isEmpty();
        while (meta.next()) {
            byte[] k = meta.key();
            if (!written && Bolt.compare(STORAGE_VERSION, k) < 0) {
                w.put(STORAGE_VERSION, stored.get().getBytes(StandardCharsets.US_ASCII));
                written = true;
            }
            if (Arrays.equals(k, STORAGE_VERSION)) {
                continue;
            }
            if (meta.isBucket()) {
                BoltCopy.copyBucket(meta, w);
            } else {
                w.put(k, meta.value());
            }
        }
        if (!written) {
            w.put(STORAGE_VERSION, stored.get().getBytes(StandardCharsets.US_ASCII));
        }
    }
}
