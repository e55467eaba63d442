package io.github.jetcdctl.cli.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.LockTimeoutFlag;
import io.github.jetcdctl.cli.IoErrors;
import io.github.jetcdctl.output.EtcdctlLine;
import io.github.jetcdctl.output.OutputFormat;
import io.github.jetcdctl.output.Printer;
import io.github.jetcdctl.snapshot.PlainSnapshot;
import io.github.jetcdctl.snapshot.SnapshotFormatException;
import io.github.jetcdctl.snapshot.SnapshotStatus;
import io.github.jetcdctl.snapshot.SnapshotStatusReader;
import io.github.jetcdctl.snapshot.bbolt.BoltReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code snapshot status <file>}: hash, revision, key count and size of a snapshot file, read by our own
 * bbolt reader with no server and no lock (it also reads a live member's db), as etcdutl 3.5 prints them.
 * A gzip or zstd file (as {@code backup --compress} writes) is decoded to a temporary file first.
 */
@Command(name = "status", description = "Gets backend snapshot status of a given file")
public class SnapshotStatusCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<filename>", description = "the snapshot file")
    List<String> args = new ArrayList<>();

    /** Accepted as etcdutl 3.7 accepts it on every command; it only concerns commands that open a member's db. */
    @Mixin
    LockTimeoutFlag lockTimeout;

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs("snapshot status requires exactly one argument");
        }
        EtcdctlLine line = session().line();
        if (line.snapshotStatusLooksForTheFileFirst() && !Files.exists(Path.of(args.get(0)))) {
            throw missing();
        }
        // Like etcdutl, status reads no ETCDCTL_* variable: only the -w flag as given.
        Printer printer = session().printer(OutputFormat.parse(session().options().writeOut()), false);
        SnapshotStatus status;
        if (Files.isDirectory(Path.of(args.get(0)))) {
            throw new CliException(ExitCodes.ERROR, line.snapshotStatusOfDirectory(args.get(0)));
        }
        try (PlainSnapshot plain = PlainSnapshot.open(Path.of(args.get(0)))) {
            status = SnapshotStatusReader.read(plain.path(), line.snapshotStatusCountsLiveKeys());
        } catch (NoSuchFileException e) {
            throw missing();
        } catch (BoltReader.FileTooSmallException e) {
            throw new CliException(ExitCodes.ERROR, line.snapshotStatusFileTooSmall(e.fileSize()), e);
        } catch (SnapshotFormatException e) {
            String etcdutl = e.etcdutlMessage();
            throw new CliException(ExitCodes.ERROR, etcdutl != null ? etcdutl : e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, IoErrors.goText(e, Path.of(args.get(0))), e);
        }
        printer.snapshotStatus(status);
    }

    private CliException missing() {
        return new CliException(ExitCodes.ERROR, "stat " + args.get(0) + ": no such file or directory");
    }
}
