package io.github.jetcdctl.cli.recovery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.OfflineErrors;
import io.github.jetcdctl.cli.Session;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.recovery.FileHistory;
import io.github.jetcdctl.recovery.KeyHistory;
import io.github.jetcdctl.recovery.LiveHistory;
import io.github.jetcdctl.recovery.RecoveryException;
import picocli.CommandLine.Option;

/** Where history and recover read a range's history: --from files, and the cluster (alone by default). */
final class HistorySources {
    @Option(names = "--from", paramLabel = "<path>", description = "a snapshot or backup file (.db, .db.gz, "
            + ".db.zst), a data dir, or a backup directory (all its backups); repeat for more. Without it, the "
            + "cluster is read")
    List<String> from = new ArrayList<>();

    @Option(names = "--cluster", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "read the cluster's history too, with --from (without --from it is the only source)")
    boolean cluster;

    boolean readsCluster() {
        return from.isEmpty() || cluster;
    }

    KeyHistory read(Session session, KeyArguments range) throws InterruptedException {
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
        if (readsCluster()) {
            try (EtcdConnection connection = session.connect()) {
                LiveHistory.read(connection, range.key(), range.rangeEnd(), history);
            } catch (RecoveryException e) {
                throw new CliException(ExitCodes.ERROR, e.getMessage());
            }
        }
        return history;
    }
}
