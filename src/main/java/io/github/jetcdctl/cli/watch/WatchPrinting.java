package io.github.jetcdctl.cli.watch;

import java.util.List;

import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.WatchResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.ChildCommand;
import io.github.jetcdctl.cli.Session;
import io.github.jetcdctl.client.GrpcErrors;
import io.github.jetcdctl.client.ResumingWatch;
import io.github.jetcdctl.output.GoQuote;
import io.github.jetcdctl.output.Output;
import io.github.jetcdctl.output.Printer;
import io.github.jetcdctl.output.WatchEvents;

/**
 * Prints one watch's responses as they come, each flushed at once, and runs the exec command once per
 * event. Several watches (interactive mode) share the printer; each response is printed whole.
 */
final class WatchPrinting {
    private static final String COMPACTED = "etcdserver: mvcc: required revision has been compacted";

    private final Session session;
    private final Printer printer;
    private final List<String> execArgs;

    WatchPrinting(Session session, Printer printer, List<String> execArgs) {
        this.session = session;
        this.printer = printer;
        this.execArgs = execArgs;
    }

    /**
     * Prints until the server cancels the watch, then fails as etcdctl does ({@code watch is canceled by
     * the server}, exit 5); fails with exit 1 when the exec command fails.
     */
    void printUntilCanceled(ResumingWatch watch) throws InterruptedException {
        while (true) {
            ResumingWatch.Item item = watch.next();
            if (item.isEnd()) {
                if (item.failure() != null) {
                    stderrLine("watch was canceled (" + GrpcErrors.message(item.failure().asRuntimeException())
                            + ")");
                }
                throw new CliException(ExitCodes.INTERRUPTED, "watch is canceled by the server");
            }
            WatchResponse response = item.response();
            print(response);
            runExecCommand(response);
        }
    }

    private void print(WatchResponse response) {
        Output out = session.out();
        synchronized (out) {
            if (response.getCanceled()) { // only a compaction's cancellation reaches here
                stderrLine("watch was canceled (" + COMPACTED + ")");
            }
            if (isProgressNotify(response)) {
                out.println(printer.watchProgressLine(response.getHeader().getRevision()));
            }
            printer.watch(response);
            out.flush();
        }
    }

    private void runExecCommand(WatchResponse response) throws InterruptedException {
        if (execArgs.isEmpty()) {
            return;
        }
        for (Event event : response.getEventsList()) {
            ChildCommand command = new ChildCommand(execArgs)
                    .env("ETCD_WATCH_REVISION", Long.toString(response.getHeader().getRevision()))
                    .env("ETCD_WATCH_EVENT_TYPE", GoQuote.quote(WatchEvents.typeName(event.getTypeValue())))
                    .env("ETCD_WATCH_KEY", GoQuote.quote(event.getKv().getKey().toByteArray()))
                    .env("ETCD_WATCH_VALUE", GoQuote.quote(event.getKv().getValue().toByteArray()));
            String failure;
            try {
                int status = command.run(session.env(), session.out(), session.err());
                failure = status == 0 ? null : ChildCommand.endText(status);
            } catch (ChildCommand.ChildFailure e) {
                failure = e.getMessage();
            }
            if (failure != null) {
                stderrLine("command " + command.quotedArgv() + " error (" + failure + ")");
                throw new CliException(ExitCodes.ERROR, null);
            }
        }
    }

    private void stderrLine(String line) {
        session.out().flush();
        session.err().println(line);
    }

    private static boolean isProgressNotify(WatchResponse response) {
        return response.getEventsCount() == 0 && !response.getCanceled() && !response.getCreated()
                && response.getCompactRevision() == 0 && response.getHeader().getRevision() != 0;
    }
}
