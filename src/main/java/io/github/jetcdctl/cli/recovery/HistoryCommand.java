package io.github.jetcdctl.cli.recovery;

import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.DecodeOptions;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.output.Printer;
import io.github.jetcdctl.recovery.HistoryEntry;
import io.github.jetcdctl.recovery.KeyHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code history KEY [RANGE_END] [--prefix] [--from PATH]...}: every revision of a key or range still kept, from the
 * cluster (back to its compaction) and from any number of snapshot files, backups, backup directories and data dirs,
 * merged into one time line in which each change appears once and names every source that holds it.
 */
@Command(name = "history", description = {"Shows every kept revision of a key or range",
        "Puts and deletes, from "
        + "the cluster and/or snapshot, backup and data-dir files merged into one time line (jetcdctl only)"})
public class HistoryCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<key> [range_end]", description = "the key, and an optional range end")
    List<String> args = new ArrayList<>();

    @Option(names = "--prefix", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "the history of every key with this prefix (a deleted namespace's objects too)")
    boolean prefix;

    @Mixin
    HistorySources sources;

    @Option(names = "--deleted", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "only keys whose newest known change is a delete: what was lost")
    boolean deleted;

    @Option(names = "--keys-only", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "leave the values out")
    boolean keysOnly;

    @Option(names = "--diff", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "with --decode=k8s: show each revision after a key's first as a diff from the one before")
    boolean diff;

    @Mixin
    DecodeOptions decode;

    @Override
    protected void run() throws InterruptedException {
        KeyArguments range = KeyArguments.parse("history", args, session()::argBytes, prefix);
        if (diff && !decode.enabled()) {
            throw CliException.badArgs("--diff compares decoded objects; it needs --decode=k8s");
        }
        if (decode.enabled() && keysOnly) {
            throw CliException.badArgs("--decode prints keys with their decoded values; it does not combine with "
                    + "--keys-only");
        }
        Printer decoding = decode.decodingPrinter(session(), diff);
        Printer printer = decoding != null ? decoding : session().printer();
        KeyHistory history = sources.read(session(), range);
        List<HistoryEntry> entries = deleted ? history.deletedKeys() : history.entries();
        printer.history(history, entries, keysOnly);
    }
}
