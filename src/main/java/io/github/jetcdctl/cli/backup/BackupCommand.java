package io.github.jetcdctl.cli.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.backup.BackupDirectory;
import io.github.jetcdctl.backup.BackupExitCodes;
import io.github.jetcdctl.backup.BackupLock;
import io.github.jetcdctl.backup.BackupName;
import io.github.jetcdctl.backup.BackupReport;
import io.github.jetcdctl.backup.BackupRun;
import io.github.jetcdctl.backup.Retention;
import io.github.jetcdctl.cli.ClusterEndpoints;
import io.github.jetcdctl.cli.EnvironmentOverlay;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.Session;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.cli.gosyntax.GoBooleans;
import io.github.jetcdctl.cli.gosyntax.GoDurationConverter;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.output.HumanBytes;
import io.github.jetcdctl.output.OutputFormat;
import io.github.jetcdctl.output.Printer;
import io.github.jetcdctl.snapshot.SnapshotCompression;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code backup DIR}: a verified snapshot from the first endpoint that gives one, under a name that says its
 * cluster, time and revision, then retention; made for cron (lock, free-space check, one report line, and an
 * exit code per kind of failure). Not part of etcdctl; {@code snapshot save} stays as etcdctl's.
 */
@Command(name = "backup", subcommands = BackupListCommand.class,
        description = {"Saves a verified snapshot into a directory and removes old backups",
                "The snapshot comes from the first endpoint that gives one; then old backups are removed "
                + "(--keep, --max-age). Writes DIR/<prefix>-<cluster id>-<UTC time>-rev<revision>.db"
                + "[.gz|.zst], mode 0600, via a temporary file, fsync and rename; prints one JSON line "
                + "(-w table for humans). 'backup list DIR' shows and verifies the backups."},
        footer = BackupExitCodes.HELP)
public class BackupCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "DIR", description = "directory for the backups")
    List<String> args = new ArrayList<>();

    @Option(names = "--prefix", paramLabel = "<name>", description = "first word of backup file names "
            + "(default etcd)")
    String prefix = "etcd";

    @Option(names = "--cluster", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "try every member's client URLs from the member list, not just --endpoints "
                    + "(also ETCDCTL_CLUSTER)")
    boolean cluster;

    @Option(names = "--compress", paramLabel = "<none|gzip|zstd>", converter = CompressionConverter.class,
            description = "compress the backup: gzip (.db.gz) or zstd (.db.zst); snapshot status and restore "
                    + "read both (default none)")
    SnapshotCompression compression = SnapshotCompression.NONE;

    @Option(names = "--keep", paramLabel = "<n>", description = "keep at most n backups of this prefix and "
            + "cluster, the new one included (default 0: no limit)")
    int keep;

    @Option(names = "--max-age", paramLabel = "<duration>", converter = GoDurationConverter.class,
            description = "remove backups of this prefix and cluster older than this, e.g. 168h "
                    + "(default 0: no limit); the new backup always stays")
    Duration maxAge = Duration.ZERO;

    @Option(names = "--min-free", paramLabel = "<size>", converter = ByteSizeConverter.class,
            description = "refuse to start with less free space in DIR, e.g. 2GiB, 0 to skip the check "
                    + "(default: twice the newest backup's size, at least 1GiB)")
    Long minFree;

    @Override
    protected void run() {
        BackupDirectory dir = new BackupDirectory(directoryArgument(args), validPrefix(prefix));
        Retention retention = retention();
        session().applyEnvironment(Set.of(), List.of(new EnvironmentOverlay.Binding("ETCDCTL_CLUSTER",
                "--cluster", v -> cluster = GoBooleans.parse(v))));
        Printer printer = backupPrinter(session());
        ConnectionSettings settings = session().connectionSettings();
        checkWritable(dir.path());
        try (BackupLock lock = acquireLock(dir.path())) {
            checkFreeSpace(dir);
            removeStaleTemporaries(dir);
            List<String> endpoints = endpoints(settings);
            Duration streamDeadline = session().givenOnCommandLine("--command-timeout")
                    ? settings.commandTimeout() : null;
            BackupReport report = new BackupRun(dir, compression, retention, Clock.systemUTC())
                    .run(endpoints, new MemberSnapshotSource(settings, streamDeadline, session().err()));
            printer.backup(report);
            if (report.retentionError() != null) {
                throw new CliException(BackupExitCodes.RETENTION_FAILED, "backup saved at " + report.file()
                        + ", but removing an old backup failed: " + report.retentionError());
            }
        } catch (IOException e) {
            throw new CliException(BackupExitCodes.WRITE_FAILED, "lock file in " + dir.path() + ": "
                    + e.getMessage(), e);
        }
    }

    /** DIR, which must exist: a typo should fail, not create a directory nobody watches. */
    static Path directoryArgument(List<String> args) {
        if (args.size() != 1) {
            throw new CliException(BackupExitCodes.USAGE, "expected one argument, the backup directory (got "
                    + args.size() + ")");
        }
        Path dir = Path.of(args.get(0));
        if (!Files.isDirectory(dir)) {
            throw new CliException(BackupExitCodes.BAD_DIRECTORY, Files.exists(dir) ? dir + " is not a directory"
                    : dir + " does not exist");
        }
        return dir;
    }

    static String validPrefix(String prefix) {
        if (!BackupName.isValidPrefix(prefix)) {
            throw new CliException(BackupExitCodes.USAGE, "invalid --prefix \"" + prefix + "\": use letters, "
                    + "digits, '.', '_' and '-', not starting with '.' or '-'");
        }
        return prefix;
    }

    private Retention retention() {
        try {
            return new Retention(keep, maxAge);
        } catch (IllegalArgumentException e) {
            throw new CliException(BackupExitCodes.USAGE, e.getMessage());
        }
    }

    /** JSON unless -w (or ETCDCTL_WRITE_OUT) asks for table; checked before any work is done. */
    static Printer backupPrinter(Session session) {
        session.applyEnvironment(Set.of());
        String asked = session.env().getOrDefault("ETCDCTL_WRITE_OUT", "");
        OutputFormat format = session.givenOnCommandLine("--write-out") || !asked.isEmpty()
                ? session.outputFormat() : OutputFormat.JSON;
        if (format != OutputFormat.JSON && format != OutputFormat.TABLE) {
            throw new CliException(BackupExitCodes.USAGE, "backup prints json or table, not " + format.flagValue());
        }
        return session.printer(format, false);
    }

    private static void checkWritable(Path dir) {
        if (!Files.isWritable(dir)) {
            throw new CliException(BackupExitCodes.BAD_DIRECTORY, dir + " is not writable");
        }
    }

    private static BackupLock acquireLock(Path dir) throws IOException {
        Optional<BackupLock> lock = BackupLock.tryAcquire(dir);
        if (lock.isEmpty()) {
            String holder = BackupLock.holder(dir);
            throw new CliException(BackupExitCodes.LOCKED, "another backup is running in " + dir + " (lock "
                    + dir.resolve(BackupLock.FILE_NAME) + (holder.isEmpty() ? "" : " held by pid " + holder)
                    + "); not starting a second one");
        }
        return lock.get();
    }

    private void checkFreeSpace(BackupDirectory dir) throws IOException {
        long required = minFree != null ? minFree : dir.defaultMinFree();
        long free = dir.usableSpace();
        if (free < required) {
            throw new CliException(BackupExitCodes.LOW_DISK_SPACE, "only " + HumanBytes.format(free) + " free in "
                    + dir.path() + ", below --min-free " + HumanBytes.format(required)
                    + (minFree == null ? " (default: twice the newest backup, at least 1GiB)" : ""));
        }
    }

    private static void removeStaleTemporaries(BackupDirectory dir) {
        try {
            dir.removeStaleTemporaries();
        } catch (IOException e) {
            throw new CliException(BackupExitCodes.WRITE_FAILED, "removing a killed run's temporary file in "
                    + dir.path() + " failed: " + e.getMessage(), e);
        }
    }

    private List<String> endpoints(ConnectionSettings settings) {
        if (!cluster) {
            return settings.endpoints();
        }
        try {
            return ClusterEndpoints.fromMemberList(settings);
        } catch (CliException e) {
            throw new CliException(BackupExitCodes.NO_ENDPOINT, e.getMessage(), e);
        }
    }

    /** {@code --compress} values. */
    static final class CompressionConverter implements ITypeConverter<SnapshotCompression> {
        @Override
        public SnapshotCompression convert(String value) {
            try {
                return SnapshotCompression.fromFlag(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
