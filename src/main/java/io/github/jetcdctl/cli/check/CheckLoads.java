package io.github.jetcdctl.cli.check;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.check.DatascaleLoad;
import io.github.jetcdctl.check.PerfLoad;
import io.github.jetcdctl.cli.Session;
import io.github.jetcdctl.output.Terminal;

/** The --load flag's values, with etcdctl's error and exit code 4 for an unknown one; the progress bar's width. */
final class CheckLoads {
    private CheckLoads() {
    }

    static PerfLoad perf(String name) {
        try {
            return PerfLoad.named(name);
        } catch (IllegalArgumentException e) {
            throw CliException.badFeature(e.getMessage());
        }
    }

    static DatascaleLoad datascale(String name) {
        try {
            return DatascaleLoad.named(name);
        } catch (IllegalArgumentException e) {
            throw CliException.badFeature(e.getMessage());
        }
    }

    /** The terminal's width when stdout is one; 0 (no bar, only the counters) otherwise, as etcdctl without one. */
    static int barWidth(Session session) {
        return session.out().isTerminal() ? Terminal.columns() : 0;
    }
}
