package io.github.jetcdctl.cli.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.etcd.jetcd.api.WatchCreateRequest;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.DecodeOptions;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.cli.gosyntax.GoInt64Converter;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.ResumingWatch;
import io.github.jetcdctl.output.GoQuote;
import io.github.jetcdctl.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code watch [options] [key or prefix] [range_end] [--] [exec-command arg1 arg2 ...]}: prints events
 * until interrupted. Unlike etcdctl it rides out member restarts and leader loss.
 */
@Command(name = "watch",
        customSynopsis = "watch [options] [key or prefix] [range_end] [--] [exec-command arg1 arg2 ...]",
        description = "Watches events stream on keys or prefixes")
public class WatchCommand extends EtcdCommand {
    static final String KEY_VARIABLE = "ETCDCTL_WATCH_KEY";
    static final String RANGE_END_VARIABLE = "ETCDCTL_WATCH_RANGE_END";
    /** What a shell reports for a process ended by SIGINT; used when a test interrupts us in-process. */
    private static final int INTERRUPTED_BY_SIGNAL = 130;

    @Parameters(arity = "0..*", paramLabel = "[key or prefix] [range_end] [--] [exec-command arg1 arg2 ...]",
            description = "the key or prefix, an optional range end, and a command to run per event")
    List<String> args = new ArrayList<>();

    @Option(names = {"-i", "--interactive"}, arity = "0..1", fallbackValue = "true",
            converter = GoBoolConverter.class, description = "Interactive mode")
    boolean interactive;

    @Option(names = "--prefix", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "Watch on a prefix if prefix is set")
    boolean prefix;

    @Option(names = "--rev", converter = GoInt64Converter.class, paramLabel = "<revision>",
            description = "Revision to start watching")
    long rev;

    @Option(names = "--prev-kv", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "get the previous key-value pair before the event happens")
    boolean prevKv;

    @Option(names = "--progress-notify", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "get periodic watch progress notification from server")
    boolean progressNotify;

    @Mixin
    DecodeOptions decode;

    @Override
    protected void run() {
        String envKey = session().env().getOrDefault(KEY_VARIABLE, "");
        String envRange = session().env().getOrDefault(RANGE_END_VARIABLE, "");
        if (envKey.isEmpty() && !envRange.isEmpty()) {
            throw CliException.badArgs(KEY_VARIABLE + " is empty but got " + RANGE_END_VARIABLE + "="
                    + GoQuote.quote(envRange));
        }
        session().applyEnvironment(Set.of(KEY_VARIABLE, RANGE_END_VARIABLE));
        Printer decoding = decode.decodingPrinter(session());
        try {
            if (interactive) {
                try (EtcdConnection connection = session().connect()) {
                    Printer printer = decoding != null ? decoding : session().printer();
                    new InteractiveWatch(session(), connection, printer, progressNotify, envKey, envRange).run();
                }
                return;
            }
            WatchArguments parsed = WatchArguments.fromCommandLine(wordsAfterWatch(), args, envKey, envRange);
            try (EtcdConnection connection = session().connect()) {
                WatchCreateRequest request = WatchRequests.create(session(), parsed.keyArgs(), prefix, rev, prevKv,
                        progressNotify);
                Printer printer = decoding != null ? decoding : session().printer();
                try (ResumingWatch watch = new ResumingWatch(connection, request)) {
                    watch.start();
                    new WatchPrinting(session(), printer, parsed.execArgs()).printUntilCanceled(watch);
                }
            }
        } catch (InterruptedException e) {
            throw new CliException(INTERRUPTED_BY_SIGNAL, null);
        }
    }

    /** The command line after the first {@code watch} word, as etcdctl looks for {@code --} there. */
    private List<String> wordsAfterWatch() {
        List<String> all = spec.root().commandLine().getParseResult().originalArgs();
        int watch = all.indexOf("watch");
        return watch < 0 ? all : all.subList(watch + 1, all.size());
    }
}
