package io.github.jetcdctl.cli.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.ConsoleLog;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.LockTimeoutFlag;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.cli.gosyntax.GoUint64Converter;
import io.github.jetcdctl.output.EtcdctlLine;
import io.github.jetcdctl.snapshot.PlainSnapshot;
import io.github.jetcdctl.snapshot.SnapshotFormatException;
import io.github.jetcdctl.snapshot.SnapshotRestore;
import io.github.jetcdctl.snapshot.TargetLine;
import io.github.jetcdctl.snapshot.raft.ClusterPlan;
import io.github.jetcdctl.snapshot.raft.GoText;
import io.github.jetcdctl.snapshot.raft.Member;
import io.github.jetcdctl.snapshot.raft.RaftDirWriter;
import io.github.jetcdctl.snapshot.raft.RestoreConfig;
import io.github.jetcdctl.snapshot.raft.RestoreConfigException;
import io.github.jetcdctl.snapshot.raft.UrlResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code snapshot restore <file>}: a new member data directory from a snapshot, in pure Java, with the same
 * member and cluster IDs, WAL and {@code .snap} bytes as etcdutl 3.5 (which every line's etcd boots), and the log
 * lines of the line's etcdutl, without bbolt's own. Unlike etcdutl, it builds everything in
 * a temporary directory beside the target and renames it into place, so a failure leaves nothing behind.
 * A gzip or zstd snapshot (as {@code backup --compress} writes) is decoded into that directory first.
 */
@Command(name = "restore", description = "Restores an etcd member snapshot to an etcd directory")
public class SnapshotRestoreCommand extends EtcdCommand {
    /** etcdutl logs its bbolt mmap size; we map nothing, but keep the field for log parsers. */
    private static final long DEFAULT_MEMORY_MAP_SIZE = 10L * 1024 * 1024 * 1024;

    @Parameters(arity = "0..*", paramLabel = "<filename>", description = "the snapshot file")
    List<String> args = new ArrayList<>();

    @Option(names = "--data-dir", paramLabel = "<dir>", description = "Path to the output data directory "
            + "(default <name>.etcd)")
    String dataDir = "";

    @Option(names = "--wal-dir", paramLabel = "<dir>", description = "Path to the WAL directory to use "
            + "(default <data-dir>/member/wal)")
    String walDir = "";

    @Option(names = "--initial-cluster", paramLabel = "<name=url,...>",
            description = "Initial cluster configuration for restore bootstrap (default "
                    + RestoreConfig.DEFAULT_INITIAL_CLUSTER + ")")
    String initialCluster = RestoreConfig.DEFAULT_INITIAL_CLUSTER;

    @Option(names = "--initial-cluster-token", paramLabel = "<token>",
            description = "Initial cluster token for the etcd cluster during restore bootstrap (default "
                    + RestoreConfig.DEFAULT_INITIAL_CLUSTER_TOKEN + ")")
    String initialClusterToken = RestoreConfig.DEFAULT_INITIAL_CLUSTER_TOKEN;

    @Option(names = "--initial-advertise-peer-urls", paramLabel = "<urls>",
            description = "List of this member's peer URLs to advertise to the rest of the cluster (default "
                    + RestoreConfig.DEFAULT_INITIAL_ADVERTISE_PEER_URLS + ")")
    String initialAdvertisePeerUrls = RestoreConfig.DEFAULT_INITIAL_ADVERTISE_PEER_URLS;

    @Option(names = "--name", paramLabel = "<name>", description = "Human-readable name for this member "
            + "(default " + RestoreConfig.DEFAULT_NAME + ")")
    String name = RestoreConfig.DEFAULT_NAME;

    @Option(names = "--skip-hash-check", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "Ignore snapshot integrity hash value (required if copied from data directory)")
    boolean skipHashCheck;

    @Option(names = "--bump-revision", paramLabel = "<n>", converter = GoUint64Converter.class,
            description = "How much to increase the latest revision after restore")
    long bumpRevision;

    @Option(names = "--mark-compacted", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "Mark the latest revision after restore as the point of scheduled compaction "
                    + "(required if --bump-revision > 0, disallowed otherwise)")
    boolean markCompacted;

    @Option(names = "--initial-memory-map-size", paramLabel = "<bytes>", converter = GoUint64Converter.class,
            description = "Initial memory map size of the database in bytes (accepted for compatibility; "
                    + "jetcdctl maps nothing)")
    long initialMemoryMapSize = DEFAULT_MEMORY_MAP_SIZE;

    @Option(names = "--target-version", paramLabel = "<X.Y>",
            description = "The etcd line that will boot the restored directory (jetcdctl only): refuse, before "
                    + "writing anything, a snapshot that etcd of that line would not start from")
    String targetVersion = "";

    /** Accepted as etcdutl 3.7 accepts it on every command; it only concerns commands that open a member's db. */
    @Mixin
    LockTimeoutFlag lockTimeout;

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs("snapshot restore requires exactly one argument");
        }
        if ((bumpRevision != 0) != markCompacted) {
            throw CliException.badArgs("--mark-compacted required if --revision-bump > 0");
        }
        TargetLine target = targetVersion.isEmpty() ? null : TargetLine.parse(targetVersion).orElseThrow(() ->
                CliException.badArgs("wrong target version format, expected \"X.Y\", got " + GoText.quote(
                        targetVersion)));
        String snapshot = args.get(0);
        String dataDirArg = dataDir.isEmpty() ? name + ".etcd" : dataDir;
        ConsoleLog log = new ConsoleLog(session().err());
        EtcdctlLine.RestoreLogCallers callers = session().line().restoreLogCallers();
        ClusterPlan plan;
        try {
            plan = new RestoreConfig(name, initialCluster, initialClusterToken, initialAdvertisePeerUrls)
                    .plan(UrlResolver.system(), (url, host, resolved) -> log.info(callers.resolvedUrl(),
                            "resolved URL Host", "url", url, "host", host, "resolved-addr", resolved));
            RaftDirWriter.checkTargets(dataDirArg, walDir);
        } catch (RestoreConfigException e) {
            throw new CliException(ExitCodes.ERROR, e.getMessage(), e);
        }
        Path data = Path.of(dataDirArg);
        String walForLog = walDir.isEmpty() ? data.resolve("member/wal").toString() : walDir;
        Object[] where = {"path", snapshot, "wal-dir", walForLog, "data-dir", dataDirArg, "snap-dir",
            data.resolve("member/snap").toString(), "initial-memory-map-size", initialMemoryMapSize};
        log.info(callers.restoring(), "restoring snapshot", where);
        if (Files.isDirectory(Path.of(snapshot))) { // etcdutl opens it, then fails on its first read
            throw new CliException(ExitCodes.ERROR, "read " + snapshot + ": is a directory");
        }
        restoreAtomically(Path.of(snapshot), data, walDir.isEmpty() ? null : Path.of(walDir), plan, target, log);
        log.info(callers.restored(), "restored snapshot", where);
    }

    private void restoreAtomically(Path snapshot, Path data, Path wal, ClusterPlan plan, TargetLine target,
                                   ConsoleLog log) {
        Path staging = null;
        Path walStaging = null;
        try {
            // Each staging directory sits beside its target, on the same file system, so the renames are atomic.
            staging = stagingBeside(data);
            walStaging = wal == null ? null : stagingBeside(wal);
            Path stagedData = staging.resolve("data");
            Path stagedWal = wal == null ? null : walStaging.resolve("wal");
            SnapshotRestore.Result result;
            // A compressed snapshot is decoded inside the staging directory, which the finally block removes.
            try (PlainSnapshot plain = PlainSnapshot.open(snapshot, staging.resolve("snapshot.db"))) {
                result = SnapshotRestore.restore(plain.path(), stagedData, stagedWal, plan, bumpRevision,
                        skipHashCheck, target);
            }
            EtcdctlLine line = session().line();
            EtcdctlLine.RestoreLogCallers callers = line.restoreLogCallers();
            log.info(callers.trimming(), "Trimming membership information from the backend...");
            if (bumpRevision != 0) {
                log.info(callers.bumping(), "bumping latest revision", "latest-revision",
                        result.dbResult().latestRevision(), "bump-amount", bumpRevision, "new-latest-revision",
                        result.dbResult().bumpedRevision());
                log.info(callers.markingCompacted(), "marking revision compacted", "revision",
                        result.dbResult().bumpedRevision());
            }
            for (Member m : plan.members()) {
                Object[] fields = {"cluster-id", plan.clusterIdHex(), "local-member-id", "0", "added-peer-id",
                    m.hexId(), "added-peer-peer-urls", m.peerUrls()};
                if (line.addedMemberLogNamesLearner()) {
                    // a restored member is never a learner
                    fields = Arrays.copyOf(fields, fields.length + 2);
                    fields[fields.length - 2] = "added-peer-is-learner";
                    fields[fields.length - 1] = false;
                }
                log.info(callers.addedMember(), "added member", fields);
            }
            if (stagedWal != null) {
                Files.move(stagedWal, wal, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(stagedData, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.ERROR, "open " + snapshot + ": no such file or directory", e);
        } catch (SnapshotFormatException e) {
            throw new CliException(ExitCodes.ERROR, e.etcdutlMessage() != null ? e.etcdutlMessage()
                    : e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, e.getMessage(), e);
        } finally {
            deleteTree(staging);
            deleteTree(walStaging);
        }
    }

    private static Path stagingBeside(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, "." + target.getFileName() + ".restore-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort for a staging directory nobody else uses
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
