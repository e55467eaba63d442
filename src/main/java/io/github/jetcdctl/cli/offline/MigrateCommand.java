package io.github.jetcdctl.cli.offline;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.ConsoleLog;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.IgnoredArguments;
import io.github.jetcdctl.cli.IoErrors;
import io.github.jetcdctl.cli.LockTimeoutFlag;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.cli.gosyntax.GoNumbers;
import io.github.jetcdctl.output.GoQuote;
import io.github.jetcdctl.snapshot.OfflineDefrag;
import io.github.jetcdctl.snapshot.StorageMigration;
import io.github.jetcdctl.snapshot.StorageVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code migrate --data-dir DIR --target-version X.Y [--force]}: etcdutl's storage-schema migration of a stopped
 * member's db (see {@link StorageMigration}), with etcd 3.7's plans, so 3.7 is a target as for etcdutl 3.7. The same
 * checks, {@code Error:} lines and exit codes as etcdutl 3.6.17, and its log lines on stderr except bbolt's two
 * "Opening db file" lines (Go pointers and options) and the stack traces zap adds to error lines. A db that a
 * running etcd holds is refused at once, where etcdutl waits for its lock (on the 3.7 line, after waiting up to
 * {@code --timeout} as etcdutl 3.7 does).
 */
@Command(name = "migrate",
        description = "Migrates schema of etcd data dir files to make them compatible with different etcd version")
public class MigrateCommand extends EtcdCommand {
    private static final String CALLER = "etcdutl/migrate_command.go:";
    private static final StorageVersion MINIMAL = StorageVersion.V3_5;

    @Mixin
    IgnoredArguments extraWords;

    @Option(names = "--data-dir", paramLabel = "<dir>", description = "Path to the etcd data dir")
    String dataDir;

    @Option(names = "--target-version", paramLabel = "<X.Y>", description = "Target etcd version to migrate "
            + "contents of data dir. Minimal value 3.5. Format \"X.Y\" for example 3.6.")
    String targetVersion;

    @Option(names = "--force", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            paramLabel = "<bool>",
            description = "Ignore migration failure and forcefully override storage version. Not recommended.")
    boolean force;

    @Mixin
    LockTimeoutFlag lockTimeout;

    @Override
    protected void run() {
        List<String> missing = new ArrayList<>();
        if (dataDir == null) {
            missing.add("\"data-dir\"");
        }
        if (targetVersion == null) {
            missing.add("\"target-version\"");
        }
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "required flag(s) " + String.join(", ", missing) + " not set");
        }
        StorageVersion target = parseTarget(targetVersion);
        ConsoleLog log = new ConsoleLog(session().err());
        lockTimeout.awaitUnlocked(session(), OfflineDefrag.dbPath(dataDir));
        try {
            StorageMigration.migrate(dataDir, target, force, new LogLines(log));
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.ERROR, e.getReason() != null ? e.getReason() : e.getMessage(), e);
        } catch (OfflineDefrag.UnreadableDbException e) {
            // etcdutl panics
            throw new CliException(ExitCodes.GO_PANIC, "failed to open database: " + e.getMessage(), e);
        } catch (OfflineDefrag.InUseException e) {
            throw new CliException(ExitCodes.ERROR, e.getMessage() + ": stop it first", e);
        } catch (StorageMigration.UndetectableVersionException e) {
            log.error(CALLER + "135", "failed to detect storage version. Please make sure you are using data dir "
                    + "from etcd v3.5 and older");
            throw new CliException(ExitCodes.ERROR, e.getMessage(), e);
        } catch (StorageMigration.UnreadableWalException e) {
            log.error(CALLER + "144", "Failed to finalize config", "error", e.getMessage());
            throw new CliException(ExitCodes.ERROR, e.getMessage(), e);
        } catch (StorageMigration.PlanException e) {
            throw new CliException(ExitCodes.ERROR, e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, IoErrors.describe(e), e);
        }
    }

    /** {@code X.Y} as etcdutl checks it: one dot, then go-semver's parse of {@code X.Y.0}, then at least 3.5. */
    static StorageVersion parseTarget(String value) {
        if (value.chars().filter(c -> c == '.').count() != 1) {
            throw CliException.badArgs("wrong target version format, expected \"X.Y\", got " + GoQuote.quote(value));
        }
        String version = value + ".0";
        int plus = version.indexOf('+');
        if (plus >= 0) {
            version = version.substring(0, plus);
        }
        int minus = version.indexOf('-');
        if (minus >= 0) {
            version = version.substring(0, minus);
        }
        String[] parts = version.split("\\.", 3);
        if (parts.length != 3) {
            throw CliException.badArgs("failed to parse target version: " + version + " is not in dotted-tri format");
        }
        long[] numbers = new long[3];
        for (int i = 0; i < 3; i++) {
            try {
                numbers[i] = GoNumbers.parseInt(parts[i], 10);
            } catch (NumberFormatException e) {
                throw CliException.badArgs("failed to parse target version: " + e.getMessage());
            }
        }
        StorageVersion target = new StorageVersion(numbers[0], numbers[1], numbers[2]);
        if (target.lessThan(MINIMAL)) {
            throw CliException.badArgs("target version \"" + target.majorMinor() + "\" not supported. Minimal \"3.5\"");
        }
        return target;
    }

    /** etcdutl 3.6.17's lines, with their callers. */
    private record LogLines(ConsoleLog log) implements StorageMigration.Log {
        @Override
        public void upToDate(StorageVersion current) {
            log.info(CALLER + "139", "storage version up-to-date", "storage-version", current.majorMinor());
        }

        @Override
        public void majorVersionChange(StorageVersion current, StorageVersion target) {
            log.error("schema/migration.go:33", "Changing major storage version is not supported",
                    "storage-version", current.toString(), "target-storage-version", target.toString());
        }

        @Override
        public void stepApplied(StorageVersion newVersion) {
            log.info("schema/migration.go:65", "updated storage version", "new-storage-version",
                    newVersion.toString());
        }

        @Override
        public void forcing(String migrateError) {
            log.info(CALLER + "153", "normal migrate failed, trying with force", "error", migrateError);
        }

        @Override
        public void forced(StorageVersion target) {
            if (target.lessThan(StorageVersion.V3_6)) {
                log.warn(CALLER + "166", "forcefully cleared storage version");
            } else {
                log.warn(CALLER + "169", "forcefully set storage version", "storage-version", target.majorMinor());
            }
        }
    }
}
