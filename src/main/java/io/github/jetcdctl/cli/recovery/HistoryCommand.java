package io.github.jetcdctl.cli.recovery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.DecodeOptions;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.OfflineErrors;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.output.Printer;
import io.github.jetcdctl.recovery.FileHistory;
import io.github.jetcdctl.recovery.HistoryEntry;
import io.github.jetcdctl.recovery.KeyHistory;
import io.github.jetcdctl.recovery.LiveHistory;
import io.github.jetcdctl.recovery.RecoveryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code history KEY [RANGE_END] [--prefix] [--from PATH]...}: every revision of a key or range still kept, from the
 * cluster (back to its compaction) and from any number of snapshot files, backups, backup directories and data dirs,
 * merged into one time line in which each change appears once and names every source that holds it.
 */
@Command(name = "history", description = "Shows every kept revision (puts and deletes) of a key or range, from "
        + "the cluster and/or snapshot, backup and data-dir files merged into one time line (jetcdctl only)")
public class HistoryCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<key> [range_end]", description = "the key, and an optional range end")
    List<String> args = new ArrayList<>();

    @Option(names = "--prefix", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "the history of every key with this prefix (a deleted namespace's objects too)")
    boolean prefix;

    @Option(names = "--from", paramLabel = "<path>", description = "a snapshot or backup file (.db, .db.gz, "
            + ".db.zst), a data dir, or a backup directory (all its backups); repeat for more. Without it, the "
            + "cluster is read")
    List<String> from = new ArrayList<>();

    @Option(names = "--cluster", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "read the cluster's history too, with --from (without --from it is the only source)")
    boolean cluster;

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
        List<byte[]> keyArgs = new ArrayList<>();
        args.forEach(a -> keyArgs.add(session().argBytes(a)));
        KeyArguments range = KeyArguments.parse("history", keyArgs, prefix);
        if (diff && !decode.enabled()) {
            throw CliException.badArgs("--diff compares decoded objects; it needs --decode=k8s");
        }
        if (decode.enabled() && keysOnly) {
            throw CliException.badArgs("--decode prints keys with their decoded values; it does not combine with "
                    + "--keys-only");
        }
        Printer decoding = decode.decodingPrinter(session(), diff);
        Printer printer = decoding != null ? decoding : session().printer();
        KeyHistory history = new KeyHistory();
        Path current = null;
        try {
            for (String path : from) {
                current = Path.of(path);
                FileHistory.read(List.of(current), range.key(), range.rangeEnd(), history);
            }
        } catch (IOException e) {
            throw OfflineErrors.of(e, current);
        }
        if (from.isEmpty() || cluster) {
            try (EtcdConnection connection = session().connect()) {
                LiveHistory.read(connection, range.key(), range.rangeEnd(), history);
            } catch (RecoveryException e) {
                throw new CliException(ExitCodes.ERROR, e.getMessage());
            }
        }
        List<HistoryEntry> entries = deleted ? history.deletedKeys() : history.entries();
        printer.history(history, entries, keysOnly);
    }
}
