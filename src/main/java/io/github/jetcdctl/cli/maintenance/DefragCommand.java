package io.github.jetcdctl.cli.maintenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.etcd.jetcd.api.DefragmentRequest;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.ClusterEndpoints;
import io.github.jetcdctl.cli.ConsoleLog;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.LockTimeoutFlag;
import io.github.jetcdctl.cli.IgnoredArguments;
import io.github.jetcdctl.cli.IoErrors;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.cli.gosyntax.GoDurationConverter;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.defrag.ClusterProbe;
import io.github.jetcdctl.defrag.DefragExitCodes;
import io.github.jetcdctl.defrag.DefragRule;
import io.github.jetcdctl.defrag.RollingDefrag;
import io.github.jetcdctl.defrag.RollingReport;
import io.github.jetcdctl.defrag.RuleExpression;
import io.github.jetcdctl.output.GoDuration;
import io.github.jetcdctl.output.HumanBytes;
import io.github.jetcdctl.output.MaintenanceMessages;
import io.github.jetcdctl.output.OutputFormat;
import io.github.jetcdctl.output.Printer;
import io.github.jetcdctl.snapshot.OfflineDefrag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code defrag [--cluster]}: each endpoint in order on its own connection; a failure is reported on stderr
 * and the others still run, then the command exits 1 without an Error line, as etcdctl does.
 *
 * <p>{@code defrag --data-dir DIR} works offline on a stopped member's db, as the line's {@code etcdutl defrag
 * --data-dir} (which etcdctl 3.5 runs for the same flag after a deprecation notice we do not print; etcdctl 3.6
 * dropped the flag, jetcdctl keeps it on every line): the same two log lines on stderr (without bbolt's "Opening"
 * lines of 3.6 and later), nothing on stdout, and no ETCDCTL_* variable, endpoint or output format looked at. Where
 * etcdutl panics (not a bbolt file, damage, and in 3.5 no db) we print one Error line with its exit code 2; other
 * failures exit 1 with etcdutl's {@code Failed to defragment etcd data[DIR] (...)} text. A db held by a running
 * etcd is refused at once where etcdutl waits for its lock without end.
 *
 * <p>{@code defrag --rolling} (jetcdctl only) is the safe rolling mode of {@link RollingDefrag}; its flags are
 * refused without it, so that plain {@code defrag} stays etcdctl's.
 */
@Command(name = "defrag", description = "Defragments the storage of the etcd members with given endpoints",
        footer = DefragExitCodes.ROLLING_HELP)
public class DefragCommand extends EtcdCommand {
    private static final List<String> ROLLING_ONLY = List.of("--dry-run", "--compact", "--move-leader",
            "--include-learners", "--wait", "--health-timeout", "--min-free-bytes", "--min-free-ratio",
            "--min-quota-usage", "--rule", "--quota-backend-bytes", "--keep-going");

    @Mixin
    IgnoredArguments extraWords;

    @Option(names = "--cluster", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "use all endpoints from the cluster member list")
    boolean cluster;

    @Option(names = "--data-dir", paramLabel = "<dir>", description = "Optional. If present, defragments a data "
            + "directory not in use by etcd (offline, with no server; the member must be stopped).")
    String dataDir = "";

    @Option(names = "--rolling", description = "(jetcdctl) every member of the cluster, safely: stop before touching "
            + "anything if a member is unhealthy (a NOSPACE alarm is not), followers one at a time, the leader last, "
            + "each followed by --wait and a health check of every member; stop at the first failure. Implies "
            + "--cluster. Prints a report (-w json for scripts)")
    boolean rolling;

    @Option(names = "--dry-run", description = "(--rolling) print the plan and the reason for each member; touch "
            + "nothing (with --compact, the rule is judged on the figures before compaction; a real run judges "
            + "them after it)")
    boolean dryRun;

    @Option(names = "--compact", description = "(--rolling) compact to the current revision first (physically), "
            + "so that defragmenting gives back the space of old revisions")
    boolean compact;

    @Option(names = "--move-leader", description = "(--rolling) before the leader's turn, hand leadership to a "
            + "healthy follower (already defragmented), so that the cluster keeps a responsive leader")
    boolean moveLeader;

    @Option(names = "--include-learners", description = "(--rolling) defragment learners too (skipped by default)")
    boolean includeLearners;

    @Option(names = "--wait", paramLabel = "<duration>", converter = GoDurationConverter.class,
            description = "(--rolling) pause after each member before its health check (default 0s)")
    Duration pause = Duration.ZERO;

    @Option(names = "--health-timeout", paramLabel = "<duration>", converter = GoDurationConverter.class,
            description = "(--rolling) how long every member may take to be healthy again after each member "
                    + "(default 30s)")
    Duration healthTimeout = Duration.ofSeconds(30);

    @Option(names = "--min-free-bytes", paramLabel = "<bytes>", description = "(--rolling) rule: only members "
            + "whose db holds at least this many free bytes (what a defragmentation gives back)")
    long minFreeBytes;

    @Option(names = "--min-free-ratio", paramLabel = "<0..1>", description = "(--rolling) rule: only members whose "
            + "free bytes are at least this share of their db size, e.g. 0.3")
    double minFreeRatio;

    @Option(names = "--min-quota-usage", paramLabel = "<0..1>", description = "(--rolling) rule: only members whose "
            + "db size is at least this share of their quota, e.g. 0.8 (quota from the server's status on etcd "
            + "3.6+, else its /metrics, else --quota-backend-bytes)")
    double minQuotaUsage;

    @Option(names = "--rule", paramLabel = "<expression>", description = "(--rolling) rule: only members for which "
            + "this is true, e.g. 'dbQuotaUsage > 0.8 || dbSizeFree > 200MiB'. Variables: dbSize, dbSizeInUse, "
            + "dbSizeFree, dbSizeFreeRatio (0..1), dbQuota, dbQuotaUsage (0..1); numbers with units B, KB, MB, GB, "
            + "KiB, MiB, GiB (a trailing percent sign divides by 100); + - * /, < <= > >= == !=, ! && || and "
            + "parentheses. The --min-* flags are shorthand for dbSizeFree >= N, dbSizeFreeRatio >= R, "
            + "dbQuotaUsage >= R, joined to it with &&")
    String rule = "";

    @Option(names = "--quota-backend-bytes", paramLabel = "<bytes>", description = "(--rolling) the quota to use "
            + "when a member reports none and its /metrics cannot be read")
    long quotaFlag;

    @Mixin
    LockTimeoutFlag lockTimeout;

    @Option(names = "--keep-going", description = "(--rolling) after a failed member, go on with the next ones")
    boolean keepGoing;

    @Override
    protected void run() {
        // etcdutl's defrag (--data-dir) has --timeout from 3.7; etcdctl's has none
        if (dataDir.isEmpty()) {
            lockTimeout.refuseOutsideEtcdutl(session(), "defrag");
        }
        if (rolling) {
            defragmentRolling();
            return;
        }
        for (String flag : ROLLING_ONLY) {
            if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
                throw new CliException(ExitCodes.ERROR, flag + " is a flag of defrag --rolling");
            }
        }
        if (!dataDir.isEmpty()) {
            defragmentDataDir();
            return;
        }
        session().connect().close();
        ConnectionSettings settings = session().connectionSettings();
        // etcdctl defragments the --endpoints as given, even when it found its client's through --discovery-srv
        List<String> targets = cluster ? ClusterEndpoints.fromMemberList(settings) : session().options().endpoints();
        MaintenanceMessages messages = new MaintenanceMessages(session().out(), session().err(), session().line());
        boolean failed = false;
        for (String target : targets) {
            long start = System.nanoTime();
            try (EtcdConnection connection = ClientFactory.connect(settings.withEndpoints(List.of(target)))) {
                start = System.nanoTime();
                EtcdConnection.call(() -> connection.stub(MaintenanceGrpc::newBlockingStub)
                        .defragment(DefragmentRequest.getDefaultInstance()));
                messages.defragmented(target, System.nanoTime() - start);
            } catch (CliException e) {
                failed = true;
                messages.defragmentFailed(target, System.nanoTime() - start, e.getMessage());
            }
        }
        if (failed) {
            throw new CliException(ExitCodes.ERROR, null);
        }
    }

    private void defragmentRolling() {
        if (!dataDir.isEmpty()) {
            throw CliException.badArgs("--rolling defragments running members; --data-dir a stopped one");
        }
        DefragRule defragRule;
        try {
            defragRule = DefragRule.of(rule, minFreeBytes, minFreeRatio, minQuotaUsage);
        } catch (RuleExpression.SyntaxError e) {
            throw CliException.badArgs("invalid --rule \"" + rule + "\": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw CliException.badArgs("--min-free-bytes must be >= 0, --min-free-ratio and --min-quota-usage "
                    + "between 0 and 1");
        }
        Printer printer = session().printer();
        if (printer.format() != OutputFormat.SIMPLE && printer.format() != OutputFormat.JSON
                && printer.format() != OutputFormat.TABLE) {
            throw printer.format().unsupported();
        }
        ConnectionSettings settings = session().connectionSettings();
        RollingDefrag.Options options = new RollingDefrag.Options(defragRule, compact, moveLeader, includeLearners, dryRun,
                keepGoing, pause, healthTimeout);
        Consumer<String> progress = printer.format() == OutputFormat.JSON ? line -> { } : session().err()::println;
        RollingReport report = new RollingDefrag(settings, new ClusterProbe(settings, quotaFlag), options, progress)
                .run();
        printer.rollingDefrag(report);
        if (report.exitCode() != DefragExitCodes.SUCCESS) {
            throw new CliException(report.exitCode(), report.stoppedBecause().isEmpty() ? null
                    : report.stoppedBecause());
        }
    }

    private void defragmentDataDir() {
        long start = System.nanoTime();
        OfflineDefrag.Result result;
        Path db = OfflineDefrag.dbPath(dataDir);
        if (session().line().offlineDefragChecksTheDbExists() && !Files.exists(db)) {
            throw new CliException(ExitCodes.ERROR, failed("stat " + db + ": no such file or directory"));
        }
        lockTimeout.awaitUnlocked(session(), db);
        try {
            result = OfflineDefrag.defragment(dataDir);
        } catch (OfflineDefrag.UnreadableDbException e) {
            throw new CliException(ExitCodes.GO_PANIC, failed("failed to open database: " + e.getMessage()), e);
        } catch (OfflineDefrag.InUseException e) {
            throw new CliException(ExitCodes.ERROR, failed(e.getMessage() + ": stop it first, or omit --data-dir to "
                    + "defragment a running member"), e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, failed(IoErrors.describe(e)), e);
        }
        long took = System.nanoTime() - start;
        String path = db.toString();
        OfflineDefrag.Sizes before = result.before();
        OfflineDefrag.Sizes after = result.after();
        ConsoleLog log = new ConsoleLog(session().err());
        List<String> callers = session().line().offlineDefragLogCallers();
        log.info(callers.get(0), "defragmenting", "path", path,
                "current-db-size-bytes", before.size(), "current-db-size", HumanBytes.format(before.size()),
                "current-db-size-in-use-bytes", before.inUse(),
                "current-db-size-in-use", HumanBytes.format(before.inUse()));
        log.info(callers.get(1), "finished defragmenting directory", "path", path,
                "current-db-size-bytes-diff", after.size() - before.size(),
                "current-db-size-bytes", after.size(), "current-db-size", HumanBytes.format(after.size()),
                "current-db-size-in-use-bytes-diff", after.inUse() - before.inUse(),
                "current-db-size-in-use-bytes", after.inUse(),
                "current-db-size-in-use", HumanBytes.format(after.inUse()), "took", GoDuration.format(took));
    }

    private String failed(String reason) {
        return "Failed to defragment etcd data[" + dataDir + "] (" + reason + ")";
    }
}
