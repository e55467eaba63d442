package io.github.jetcdctl.cli.recovery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.OfflineErrors;
import io.github.jetcdctl.recovery.MemberComparison;
import io.github.jetcdctl.recovery.RecoveryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code compare PATH PATH...}: members' data dirs (or snapshot files) side by side, offline, and the one to restart
 * a cluster from.
 */
@Command(name = "compare", description = {"Compares members' data dirs or snapshot files offline",
        "Shows each one's WAL last index and "
        + "term, consistent index and term, revision, compact revision, members, storage version, hashkv at the "
        + "newest revision all hold, the keys that differ there, and the member to restart from (jetcdctl only)"})
public class CompareCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<path>", description = "data dirs or snapshot files, two or more")
    List<String> paths = new ArrayList<>();

    @Override
    protected void run() {
        if (paths.size() < 2) {
            throw CliException.badArgs("compare needs two or more data dirs or snapshot files");
        }
        List<Path> given = paths.stream().map(Path::of).toList();
        MemberComparison comparison;
        try {
            comparison = MemberComparison.of(given);
        } catch (RecoveryException e) {
            throw new CliException(ExitCodes.ERROR, e.getMessage());
        } catch (IOException e) {
            Path missing = given.stream().filter(p -> !p.toFile().exists()).findFirst().orElse(null);
            throw OfflineErrors.of(e, missing);
        }
        session().printer().compare(comparison);
    }
}
