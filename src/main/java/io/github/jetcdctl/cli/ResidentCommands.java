package io.github.jetcdctl.cli;

import java.util.Map;
import java.util.Set;

import picocli.CommandLine.ParseResult;

/**
 * Which command lines a resident process runs for a client, and which must run in a JVM of their own. A
 * resident process shares its working directory, signal handlers, log levels and terminal with every request,
 * so it takes the commands that use none of these: the short online ones, whose files are only the global TLS
 * files (resolved against the client's directory). Everything else (snapshots, backups, batch files, contexts,
 * watch, lock, elect, make-mirror, check, offline defrag, --debug) runs as it always has.
 */
final class ResidentCommands {
    /** Top-level commands taken whole, and for groups the subcommands taken. */
    private static final Set<String> WHOLE = Set.of("get", "put", "del", "txn", "compaction", "move-leader",
            "version", "help", "completion", "alarm", "endpoint", "member", "user", "role", "auth");
    private static final Map<String, Set<String>> PARTLY = Map.of(
            "lease", Set.of("grant", "revoke", "timetolive", "list"));

    private ResidentCommands() {
    }

    static boolean takes(ParseResult root, String[] args, Map<String, String> env) {
        if (Logging.debugRequested(args, env)) {
            return false; // log levels are the whole process's
        }
        for (ParseResult pr = root; pr != null; pr = pr.subcommand()) {
            if (pr.isUsageHelpRequested() || pr.isVersionHelpRequested()) {
                return true;
            }
        }
        ParseResult command = root.subcommand();
        if (command == null) {
            return true; // the root's usage
        }
        String name = command.commandSpec().name();
        if (WHOLE.contains(name)) {
            return true;
        }
        Set<String> parts = PARTLY.get(name);
        return parts != null && command.subcommand() != null
                && parts.contains(command.subcommand().commandSpec().name());
    }
}
