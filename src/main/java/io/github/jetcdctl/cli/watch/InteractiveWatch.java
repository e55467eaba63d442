package io.github.jetcdctl.cli.watch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import io.etcd.jetcd.api.WatchCreateRequest;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.Session;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.ResumingWatch;
import io.github.jetcdctl.output.Printer;

/**
 * {@code watch -i}: request lines on standard input start more watches ({@code watch ...}) or ask for
 * progress notifications ({@code progress}). Bad lines are reported and skipped; bad flags, a failing exec
 * command and the end of input end the whole command, as in etcdctl.
 */
final class InteractiveWatch {
    private final Session session;
    private final EtcdConnection connection;
    private final Printer printer;
    private final boolean progressNotify;
    private final String envKey;
    private final String envRange;
    private final List<ResumingWatch> watches = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> outcome = new CompletableFuture<>();

    InteractiveWatch(Session session, EtcdConnection connection, Printer printer, boolean progressNotify,
            String envKey, String envRange) {
        this.session = session;
        this.connection = connection;
        this.printer = printer;
        this.progressNotify = progressNotify;
        this.envKey = envKey;
        this.envRange = envRange;
    }

    void run() throws InterruptedException {
        background("jetcdctl-watch-input", this::readLines);
        try {
            outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            watches.forEach(ResumingWatch::close);
        }
    }

    private void readLines() {
        InputStream in = session.in();
        try {
            while (true) {
                String line = readLine(in);
                if (line == null) {
                    throw new CliException(ExitCodes.INVALID_INPUT, "error reading watch request line: EOF");
                }
                handle(line);
            }
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
        }
    }

    /** A whole line without its newline; null at the end of input, which also drops an unterminated line. */
    private static String readLine(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b; (b = in.read()) >= 0; ) {
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, "error reading watch request line: " + e.getMessage());
        }
        return null;
    }

    private void handle(String line) {
        List<String> words = InteractiveWords.split(line);
        if (words.isEmpty()) {
            invalid("Invalid command: " + line + " (watch and progress supported)");
            return;
        }
        switch (words.get(0)) {
            case "watch" -> startWatch(line, words);
            case "progress" -> watches.forEach(ResumingWatch::requestProgress);
            default -> invalid("Invalid command " + line + " (only support watch)");
        }
    }

    private void startWatch(String line, List<String> words) {
        if (words.size() < 2 && envKey.isEmpty()) {
            invalid("Invalid command " + line + " (command type or key is not provided)");
            return;
        }
        List<String> lineWords = words.subList(1, words.size());
        int separator = lineWords.indexOf("--");
        if (separator >= 0 && separator == lineWords.size() - 1) {
            throw CliException.badArgs(WatchArguments.SEPARATOR_WITHOUT_COMMAND);
        }
        WatchLineFlags flags = WatchLineFlags.parse(lineWords);
        if (separator < 0 && envKey.isEmpty() && flags.positional.isEmpty()) {
            throw CliException.badArgs(WatchArguments.BAD_NUMBER);
        }
        if (separator < 0 && !flags.positional.isEmpty() && !envKey.isEmpty()) {
            throw CliException.badArgs(WatchArguments.CONFLICTING_ENV);
        }
        WatchArguments parsed = WatchArguments.fromInteractiveLine(lineWords, flags.positional, envKey, envRange);
        WatchCreateRequest request;
        try {
            request = WatchRequests.create(session, parsed.keyArgs(), flags.prefix, flags.rev, flags.prevKv,
                    progressNotify);
        } catch (CliException e) {
            invalid("Invalid command " + line + " (" + e.getMessage() + ")");
            return;
        }
        ResumingWatch watch = new ResumingWatch(connection, request);
        watches.add(watch);
        watch.start();
        WatchPrinting printing = new WatchPrinting(session, printer, parsed.execArgs());
        background("jetcdctl-watch-printer", () -> {
            try {
                printing.printUntilCanceled(watch);
            } catch (CliException e) {
                // a watch the server canceled just ends here; other watches go on
                if (e.exitCode() != ExitCodes.INTERRUPTED) {
                    outcome.completeExceptionally(e);
                }
            } catch (InterruptedException | RuntimeException e) {
                outcome.completeExceptionally(e);
            }
        });
    }

    private void invalid(String message) {
        synchronized (session.out()) {
            session.out().flush();
            session.err().println(message);
        }
    }

    private static void background(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
