package io.github.jetcdctl.cli.maintenance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoDurationConverter;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.defrag.ClusterProbe;
import io.github.jetcdctl.defrag.DefragExitCodes;
import io.github.jetcdctl.defrag.DefragRule;
import io.github.jetcdctl.defrag.NospaceRecovery;
import io.github.jetcdctl.defrag.RecoveryReport;
import io.github.jetcdctl.defrag.RollingDefrag;
import io.github.jetcdctl.output.OutputFormat;
import io.github.jetcdctl.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code alarm recover} (jetcdctl only): makes a NOSPACE cluster writable again in one command. */
@Command(name = "recover", description = {"Recovers from a NOSPACE alarm", "Compacts to the current "
        + "revision, defragments every member as 'defrag --rolling' does (health gate, followers one at a time, "
        + "the leader last), and disarms the NOSPACE alarms once every member's db is under --threshold of its "
        + "quota. Refuses, touching nothing, when the live data alone is over that (and lists the largest "
        + "groups); does nothing without a NOSPACE alarm."},
        footer = "%nExit codes:%n"
                + "  0   no NOSPACE alarm, or recovered: alarms disarmed, writes accepted again%n"
                + "  1   the run could not start (no connection, quota unknown)%n"
                + "  " + DefragExitCodes.HEALTH_GATE + "  a member was unhealthy; nothing was touched%n"
                + "  " + DefragExitCodes.STOPPED + "  defragmentation stopped at a failed step; alarms armed%n"
                + "  " + DefragExitCodes.FAILED_STEPS + "  --keep-going: defragmentation had failed steps; alarms "
                + "armed%n"
                + "  " + DefragExitCodes.CANNOT_RECOVER + "  the space cannot be won back (live data over the "
                + "threshold); alarms armed%n"
                + "  128 bad arguments%n")
public class AlarmRecoverCommand extends EtcdCommand {
    @Parameters(arity = "0..*", hidden = true, description = "rejected")
    List<String> args = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "<0..1>", description = "disarm only when every member's db is "
            + "under this share of its quota (default 0.8)")
    double threshold = 0.8;

    @Option(names = "--quota-backend-bytes", paramLabel = "<bytes>", description = "the quota to use when a "
            + "member reports none and its /metrics cannot be read")
    long quotaFlag;

    @Option(names = "--move-leader", description = "before the leader's defragmentation, hand leadership to a "
            + "healthy follower")
    boolean moveLeader;

    @Option(names = "--wait", paramLabel = "<duration>", converter = GoDurationConverter.class,
            description = "pause after each member before its health check (default 0s)")
    Duration pause = Duration.ZERO;

    @Option(names = "--health-timeout", paramLabel = "<duration>", converter = GoDurationConverter.class,
            description = "how long every member may take to be healthy again after each member (default 30s)")
    Duration healthTimeout = Duration.ofSeconds(30);

    @Option(names = "--keep-going", description = "after a failed member, go on with the next ones (the alarms "
            + "stay armed)")
    boolean keepGoing;

    @Override
    protected void run() {
        if (!args.isEmpty()) {
            throw CliException.badArgs("alarm recover command accepts no arguments");
        }
        if (threshold <= 0 || threshold > 1) {
            throw CliException.badArgs("--threshold must be above 0 and at most 1");
        }
        Printer printer = session().printer();
        if (printer.format() != OutputFormat.SIMPLE && printer.format() != OutputFormat.JSON
                && printer.format() != OutputFormat.TABLE) {
            throw printer.format().unsupported();
        }
        ConnectionSettings settings = session().connectionSettings();
        RollingDefrag.Options options = new RollingDefrag.Options(DefragRule.ANY, true, moveLeader, true, false,
                keepGoing, pause, healthTimeout);
        Consumer<String> progress = printer.format() == OutputFormat.JSON ? line -> { } : session().err()::println;
        RecoveryReport report = new NospaceRecovery(settings, new ClusterProbe(settings, quotaFlag), options,
                threshold, progress).run();
        printer.alarmRecover(report);
        if (report.exitCode() != DefragExitCodes.SUCCESS) {
            throw new CliException(report.exitCode(), report.refusedBecause().isEmpty() ? null
                    : report.refusedBecause());
        }
    }
}
