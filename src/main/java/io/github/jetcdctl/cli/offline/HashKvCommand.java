package io.github.jetcdctl.cli.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.IoErrors;
import io.github.jetcdctl.cli.LockTimeoutFlag;
import io.github.jetcdctl.cli.gosyntax.GoInt64Converter;
import io.github.jetcdctl.output.OutputFormat;
import io.github.jetcdctl.output.Printer;
import io.github.jetcdctl.snapshot.KvHash;
import io.github.jetcdctl.snapshot.OfflineDefrag;
import io.github.jetcdctl.snapshot.SnapshotFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code hashkv FILE [--rev N]}: the KV history hash of a db or snapshot file, as {@code etcdutl hashkv} prints it and
 * as a live member answers {@code endpoint hashkv --rev N}. Read with our own bbolt reader, never written (etcdutl
 * opens the db for writing); also takes a data directory (its {@code member/snap/db}) and the gzip or zstd files of
 * {@code backup --compress}. A db that a running etcd holds is refused at once, where etcdutl waits for its lock
 * (on the 3.7 line, after waiting up to {@code --timeout} as etcdutl 3.7 does).
 */
@Command(name = "hashkv", description = "Prints the KV history hash of a given file")
public class HashKvCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<filename>",
            description = "a db or snapshot file (.db.gz and .db.zst too), or a data directory")
    List<String> args = new ArrayList<>();

    @Option(names = "--rev", converter = GoInt64Converter.class, paramLabel = "<revision>",
            description = "maximum revision to hash (default: latest revision)")
    long rev;

    @Mixin
    LockTimeoutFlag lockTimeout;

    @Override
    protected void run() {
        if (args.size() != 1) {
            // cobra's ExactArgs: a usage error (exit 1), not etcdctl's bad-arguments exit 128
            throw new ParameterException(spec.commandLine(), "accepts 1 arg(s), received " + args.size());
        }
        // Like etcdutl, hashkv reads no ETCDCTL_* variable: only the -w flag as given.
        Printer printer = session().printer(OutputFormat.parse(session().options().writeOut()), false);
        Path file = Path.of(args.get(0));
        KvHash.Result hash;
        lockTimeout.awaitUnlocked(session(), Files.isDirectory(file) ? OfflineDefrag.dbPath(file.toString()) : file);
        try {
            hash = KvHash.compute(file, rev);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.ERROR, e.getReason() != null ? e.getReason()
                    : "stat " + args.get(0) + ": no such file or directory", e);
        } catch (KvHash.CompactedException | KvHash.FutureRevisionException e) {
            throw new CliException(ExitCodes.ERROR, e.getMessage(), e);
        } catch (OfflineDefrag.InUseException e) {
            throw new CliException(ExitCodes.ERROR, e.getMessage() + ": stop it first, or use endpoint hashkv on "
                    + "the running member", e);
        } catch (SnapshotFormatException e) {
            // etcdutl panics on a file that is not a db
            throw new CliException(ExitCodes.GO_PANIC, "failed to open database: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, IoErrors.goText(e, file), e);
        }
        printer.hashKv(hash);
    }
}
