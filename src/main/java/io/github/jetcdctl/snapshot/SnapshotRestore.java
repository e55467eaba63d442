package io.github.jetcdctl.snapshot;

import io.github.jetcdctl.snapshot.bbolt.BoltReader;
import io.github.jetcdctl.snapshot.raft.ClusterPlan;
import io.github.jetcdctl.snapshot.raft.RaftDirWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A whole {@code snapshot restore} (etcdutl 3.5 behaviour) once the flags are validated: write
 * {@code member/snap/db} ({@link RestoreDb}, which verifies the snapshot's SHA-256 unless told not to), then the WAL
 * and the {@code .snap} file ({@link RaftDirWriter}). On a failure of the db step, the directories it needed are
 * removed again.
 *
 * <p>The command is expected to run, before this, {@code RestoreConfig.plan(...)} (flag errors) and
 * {@code RaftDirWriter.checkTargets(dataDirArg, walDirArg)} (existing directories), and to print etcdutl's log lines
 * from the returned {@link Result} (the revision bump numbers) and the plan (the {@code added member} lines).
 */
public final class SnapshotRestore {
    private SnapshotRestore() {
    }

    /** The files written and the db step's numbers. */
    public record Result(Path db, RestoreDb.Result dbResult, RaftDirWriter.Result raft) {
    }

    /**
     * @param snapshot      the snapshot file
     * @param dataDir       {@code --data-dir}
     * @param walDir        {@code --wal-dir}, or null for {@code dataDir/member/wal}
     * @param plan          the validated members and IDs
     * @param bumpRevision  {@code --bump-revision} (0 for none; implies {@code --mark-compacted})
     * @param skipHashCheck {@code --skip-hash-check}
     */
    public static Result restore(Path snapshot, Path dataDir, Path walDir, ClusterPlan plan, long bumpRevision,
                                 boolean skipHashCheck) throws IOException {
        return restore(snapshot, dataDir, walDir, plan, bumpRevision, skipHashCheck, null);
    }

    /**
     * As {@link #restore(Path, Path, Path, ClusterPlan, long, boolean)}, refusing first, before anything is
     * created, a snapshot that etcd of the {@code target} line (null: any line) would not boot.
     */
    public static Result restore(Path snapshot, Path dataDir, Path walDir, ClusterPlan plan, long bumpRevision,
                                 boolean skipHashCheck, TargetLine target) throws IOException {
        RestoreDb.Options opt = RestoreDb.Options.of(plan).withBump(bumpRevision).withSkipHashCheck(skipHashCheck);
        try (SnapshotFile f = SnapshotFile.open(snapshot)) {
            // what can be told without writing anything fails before anything is created
            RestoreDb.checkTrailer(f, skipHashCheck);
            if (target != null) {
                checkTarget(f, target);
            }
            List<Path> created = missingDirs(RaftDirWriter.snapDir(dataDir));
            RaftDirWriter.createSnapDir(dataDir);
            Path db = RaftDirWriter.dbFile(dataDir);
            RestoreDb.Result dbResult;
            try {
                dbResult = RestoreDb.restore(f, db, opt);
            } catch (IOException | RuntimeException e) {
                // the db step removes its own output; remove the directories made for it too
                for (Path d : created) {
                    try {
                        Files.deleteIfExists(d);
                    } catch (IOException ignored) {
                        // not empty or not ours: leave it
                    }
                }
                throw e;
            }
            RaftDirWriter.Result raft = RaftDirWriter.write(dataDir, walDir, plan);
            return new Result(db, dbResult, raft);
        }
    }

    /**
     * Refuses the snapshot when etcd of the target line would not boot it. A file that cannot be read here is let
     * through: the hash check or the copy that follows reports its damage as etcdutl does.
     */
    private static void checkTarget(SnapshotFile f, TargetLine target) throws IOException {
        Optional<String> refusal;
        try (BoltReader r = BoltReader.open(f.channel(), f.dbLength(), false)) {
            refusal = target.refusal(r);
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (refusal.isPresent()) {
            throw new SnapshotFormatException(refusal.get(), refusal.get());
        }
    }

    /** The directories {@code mkdir -p dir} would create, deepest first. */
    private static List<Path> missingDirs(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            out.add(p);
        }
        return out;
    }
}
