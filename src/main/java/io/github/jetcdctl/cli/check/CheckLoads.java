package io.github.jetcdctl.cli.check;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.check.DatascaleLoad;
import io.github.jetcdctl.check.PerfLoad;
import io.github.jetcdctl.cli.Session;
import io.github.jetcdctl.output.Output;
import io.github.jetcdctl.output.PbProgressBar;
import io.github.jetcdctl.output.Terminal;

/** The --load flag's values, with etcdctl's error and exit code 4 for an unknown one; the line's progress bar. */
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

    /**
     * The line's progress bar of {@code total} steps ({@code timed}: with the seconds since its start). 3.5's is
     * pb v1 on stdout, the terminal's width when stdout is one, else 0 (no bar, only the counters, as etcdctl
     * without one), and a closed stdout runs {@code onClosedOutput}; from 3.6, pb v3's on stderr.
     */
    static PbProgressBar startBar(Session session, long total, boolean timed, Runnable onClosedOutput) {
        if (session.line().checkBarIsPbV3OnStderr()) {
            // pb v3 asks the controlling terminal for its width, whether or not stderr is that terminal
            boolean terminal = session.err() == System.err && Terminal.isTerminal(2);
            return PbProgressBar.startPbV3(new Output(session.err(), terminal),
                    total, Terminal.columnsOr(PbProgressBar.PB_V3_DEFAULT_WIDTH), terminal, timed);
        }
        int width = session.out().isTerminal() ? Terminal.columns() : 0;
        return timed ? PbProgressBar.startTimed(session.out(), total, width, onClosedOutput)
                : PbProgressBar.start(session.out(), total, width, onClosedOutput);
    }
}
