package io.github.jetcdctl.cli.check;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.check.LoadStats;
import io.github.jetcdctl.check.PerfLoad;
import io.github.jetcdctl.check.PerfVerdict;
import io.github.jetcdctl.check.PerfWorkload;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.IgnoredArguments;
import io.github.jetcdctl.cli.SignalInterrupts;
import io.github.jetcdctl.output.CheckMessages;
import io.github.jetcdctl.output.PbProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code check perf}: puts at the load's rate for 60 s from its number of clients, then deletes its keys and
 * judges throughput, slowest request and standard deviation as etcdctl does (a FAIL exits 1). SIGINT or
 * SIGTERM ends the load early; the keys are deleted and the report printed all the same.
 */
@Command(name = "perf", customSynopsis = "perf [options]",
        description = "Check the performance of the etcd cluster")
public class CheckPerfCommand extends EtcdCommand {
    @Mixin
    IgnoredArguments extraWords;

    @Option(names = "--load", paramLabel = "<load>", description = "The performance check's workload model. "
            + "Accepted workloads: s(small), m(medium), l(large), xl(xLarge). Different workload models use "
            + "different configurations in terms of number of clients and expected throughput.")
    String load = "s";

    @Option(names = "--prefix", paramLabel = "<prefix>",
            description = "The prefix for writing the performance check's keys. (default /etcdctl-check-perf/)")
    String prefix = "/etcdctl-check-perf/";

    @Mixin
    AfterCheckFlags after;

    @Override
    protected void run() {
        PerfLoad perfLoad = CheckLoads.perf(load);
        byte[] prefixBytes = session().argBytes(prefix);
        CheckMessages messages = new CheckMessages(session().out());
        try (CheckClients clients = CheckClients.open(session(), perfLoad.clients())) {
            clients.requireNoKeys(prefixBytes, "'etcdctl del --prefix " + prefix + "'");
            clients.warmUp(prefixBytes);
            LoadStats stats;
            try (SignalInterrupts signals = SignalInterrupts.firstForCurrentThread()) {
                Thread command = Thread.currentThread();
                PbProgressBar bar = CheckLoads.startBar(session(), perfLoad.seconds(), true, command::interrupt);
                stats = new PerfWorkload(perfLoad, prefixBytes).run(clients.channels());
                boolean interrupted = Thread.interrupted();
                String cleanupError = null;
                long revision = 0;
                try {
                    revision = clients.deletePrefix(prefixBytes, CheckClients.AFTER_CHECK_TIMEOUT);
                } catch (CliException e) {
                    cleanupError = e.getMessage();
                }
                if (interrupted) {
                    bar.abandon();
                } else {
                    bar.finish();
                }
                if (cleanupError != null) {
                    messages.cleanupFailed(cleanupError);
                } else if (after.autoCompact) {
                    clients.compact(revision, messages);
                }
            }
            if (after.autoDefrag) {
                clients.defragmentEach(messages);
            }
            PerfVerdict verdict = PerfVerdict.judge(stats, perfLoad);
            messages.perfReport(verdict);
            if (!verdict.passed()) {
                throw new CliException(ExitCodes.ERROR, null);
            }
        }
    }
}
