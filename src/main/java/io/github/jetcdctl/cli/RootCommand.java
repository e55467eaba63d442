package io.github.jetcdctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code jetcdctl}: the root of etcdctl 3.5's command tree. */
@Command(name = "jetcdctl",
        description = "An etcdctl-compatible command line client for etcd3, in Java.",
        subcommands = {
            AlarmCommand.class,
            AuthCommand.class,
            CompactionCommand.class,
            DefragCommand.class,
            DelCommand.class,
            ElectCommand.class,
            EndpointCommand.class,
            GetCommand.class,
            LockCommand.class,
            MakeMirrorCommand.class,
            MemberCommand.class,
            MoveLeaderCommand.class,
            PutCommand.class,
            RoleCommand.class,
            SnapshotCommand.class,
            UserCommand.class,
            VersionCommand.class,
            WatchCommand.class,
            HelpCommand.class,
        })
public class RootCommand extends GroupCommand {
    @Mixin
    GlobalOptions globalOptions;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "help for this command")
    boolean helpRequested;

    private Session session;

    void attach(Session session) {
        this.session = session;
    }

    Session session() {
        return session;
    }
}
