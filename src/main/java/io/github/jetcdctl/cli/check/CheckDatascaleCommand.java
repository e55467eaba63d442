package io.github.jetcdctl.cli.check;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.check.DatascaleLoad;
import io.github.jetcdctl.check.DatascaleWorkload;
import io.github.jetcdctl.check.LoadStats;
import io.github.jetcdctl.check.MemoryMetrics;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.IgnoredArguments;
import io.github.jetcdctl.cli.SignalInterrupts;
import io.github.jetcdctl.client.ServerMetrics;
import io.github.jetcdctl.output.CheckMessages;
import io.github.jetcdctl.output.PbProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code check datascale}: the first endpoint's resident memory (from its /metrics) before and after writing
 * the load's keys, then the keys are deleted and the difference reported. SIGINT or SIGTERM stops the writes;
 * the keys are deleted and the command exits 130 or 143 (etcdctl leaves them behind).
 */
@Command(name = "datascale", customSynopsis = "datascale [options]",
        
        description = {"Check the memory usage of holding data for different workloads on a given server endpoint.",
                "If no endpoint is provided, localhost will be used. If multiple endpoints are provided, first "
                        + "endpoint will be used."})
public class CheckDatascaleCommand extends EtcdCommand {
    @Mixin
    IgnoredArguments extraWords;

    @Option(names = "--load", paramLabel = "<load>", description = "The datascale check's workload model. "
            + "Accepted workloads: s(small), m(medium), l(large), xl(xLarge) (default s)")
    String load = "s";

    @Option(names = "--prefix", paramLabel = "<prefix>",
            description = "The prefix for writing the datascale check's keys. (default /etcdctl-check-datascale/)")
    String prefix = "/etcdctl-check-datascale/";

    @Mixin
    AfterCheckFlags after;

    @Override
    protected void run() {
        DatascaleLoad datascaleLoad = CheckLoads.datascale(load);
        byte[] prefixBytes = session().argBytes(prefix);
        CheckMessages messages = new CheckMessages(session().out());
        try (CheckClients clients = CheckClients.open(session(), datascaleLoad.clients())) {
            clients.requireNoKeys(prefixBytes, "etcdctl del --prefix " + prefix);
            String metricsUrl = ServerMetrics.url(clients.settings().endpoints().get(0), clients.settings());
            double before = MemoryMetrics.residentBytes(metricsUrl, clients.settings(), messages::memoryProblem);
            if (before == 0) {
                messages.memoryUnreadable("before");
                throw new CliException(ExitCodes.ERROR, null);
            }
            messages.datascaleStart(datascaleLoad);
            LoadStats stats;
            try (SignalInterrupts signals = SignalInterrupts.firstForCurrentThread()) {
                PbProgressBar bar = CheckLoads.startBar(session(), datascaleLoad.keys(), false,
                        Thread.currentThread()::interrupt);
                stats = new DatascaleWorkload(datascaleLoad, prefixBytes).run(clients.channels(), bar::increment);
                if (Thread.interrupted()) {
                    clients.deletePrefix(prefixBytes, null);
                    bar.abandon();
                    throw new CliException(signals.exitStatus(), null);
                }
                bar.finish();
            }
            double afterPuts = MemoryMetrics.residentBytes(metricsUrl, clients.settings(), messages::memoryProblem);
            long revision = clients.deletePrefix(prefixBytes, null);
            if (afterPuts == 0) {
                messages.memoryUnreadable("after");
                throw new CliException(ExitCodes.ERROR, null);
            }
            if (after.autoCompact) {
                clients.compact(revision, messages);
            }
            if (after.autoDefrag) {
                clients.defragmentEach(messages);
            }
            messages.datascaleReport(stats, before, afterPuts);
            if (!stats.errors().isEmpty()) {
                throw new CliException(ExitCodes.ERROR, null);
            }
        }
    }
}
