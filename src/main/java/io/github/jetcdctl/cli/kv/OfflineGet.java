package io.github.jetcdctl.cli.kv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.etcd.jetcd.api.RangeRequest;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.OfflineErrors;
import io.github.jetcdctl.output.Printer;
import io.github.jetcdctl.recovery.OfflineDb;
import io.github.jetcdctl.recovery.OfflineRange;
import io.github.jetcdctl.recovery.RecoveryException;
import io.github.jetcdctl.recovery.SourceFiles;
import io.github.jetcdctl.recovery.WalState;

/** {@code get --from}: the same request answered from a file or data dir, through get's own printers. */
final class OfflineGet {
    private OfflineGet() {
    }

    static void print(String from, RangeRequest request, Printer printer, boolean printValueOnly) {
        Path path = Path.of(from);
        try (OfflineDb db = OfflineDb.open(SourceFiles.newest(path))) {
            WalState wal = java.nio.file.Files.isDirectory(path) ? WalState.ofDataDir(path).orElse(null) : null;
            printer.get(new OfflineRange(db, wal).range(request), printValueOnly);
        } catch (RecoveryException e) {
            throw new CliException(ExitCodes.ERROR, e.getMessage());
        } catch (UncheckedIOException e) {
            throw OfflineErrors.of(e.getCause(), path);
        } catch (IOException e) {
            throw OfflineErrors.of(e, path);
        }
    }
}
