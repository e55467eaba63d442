package io.github.jetcdctl.check;

/**
 * etcdctl's judgement of a check perf run: any error fails it, as do a throughput of at most 90% of the
 * load's rate, a slowest put over 0.5 s, and a standard deviation over 0.1 s.
 */
public record PerfVerdict(LoadStats stats, boolean errorsFree, boolean throughputOk, boolean slowestOk,
        boolean stddevOk) {

    public static PerfVerdict judge(LoadStats stats, PerfLoad load) {
        return new PerfVerdict(stats,
                stats.errors().isEmpty(),
                !(stats.requestsPerSecond() / load.writesPerSecond() <= 0.9),
                !(stats.slowest() > 0.5),
                !(stats.stddev() > 0.1));
    }

    public boolean passed() {
        return errorsFree && throughputOk && slowestOk && stddevOk;
    }

    /** The throughput etcdctl prints: the rate truncated to an integer, plus one. */
    public long reportedWritesPerSecond() {
        return (long) stats.requestsPerSecond() + 1;
    }
}
