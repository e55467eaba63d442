package io.github.jetcdctl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.gosyntax.GoDurationConverter;
import io.github.jetcdctl.help.LineAddition;
import io.github.jetcdctl.output.EtcdctlLine;
import io.github.jetcdctl.snapshot.LockWait;
import picocli.CommandLine.Option;

/**
 * etcdutl 3.7's {@code --timeout}, mixed into the offline commands: on the 3.7 line they wait that long for a db that
 * another process holds (etcdutl's default 10 s, 0 for without end) before refusing it; before 3.7 the flag is
 * etcdutl's unknown flag, and a held db is refused at once (where etcdutl waits without end).
 */
public final class LockTimeoutFlag {
    private static final String NAME = "--timeout";

    @LineAddition(EtcdctlLine.Addition.ETCDUTL_LOCK_TIMEOUT)
    @Option(names = NAME, converter = GoDurationConverter.class, paramLabel = "<duration>",
            description = "time to wait to obtain a file lock on db file, 0 to block indefinitely (default 10s)")
    Duration timeout = Duration.ofSeconds(10);

    /**
     * Refuses the flag for a command whose etcdctl form (not its etcdutl one) is running: no such flag on any line.
     * (Before 3.7 the flag is refused before any command runs, as every {@link LineAddition} is.)
     */
    public void refuseOutsideEtcdutl(Session session, String commandPath) {
        if (session.givenOnCommandLine(NAME)) {
            throw Session.unknownFlag(NAME, commandPath);
        }
    }

    /** On the 3.7 line, waits up to the timeout until no other process holds {@code db}'s lock. */
    public void awaitUnlocked(Session session, Path db) {
        if (!session.line().has(EtcdctlLine.Addition.ETCDUTL_LOCK_TIMEOUT) || !Files.exists(db)) {
            return;
        }
        try {
            LockWait.awaitReleased(db, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(130, null);
        } catch (IOException e) {
            // the command's own open of the db reports what is wrong with it
        }
    }
}
