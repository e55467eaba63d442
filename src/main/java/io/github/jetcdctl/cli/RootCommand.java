package io.github.jetcdctl.cli;

import java.util.List;

import io.github.jetcdctl.cli.auth.AuthCommand;
import io.github.jetcdctl.cli.batch.BatchCommand;
import io.github.jetcdctl.cli.auth.RoleCommand;
import io.github.jetcdctl.cli.auth.UserCommand;
import io.github.jetcdctl.cli.backup.BackupCommand;
import io.github.jetcdctl.cli.check.CheckCommand;
import io.github.jetcdctl.cli.cluster.EndpointCommand;
import io.github.jetcdctl.cli.cluster.MemberCommand;
import io.github.jetcdctl.cli.context.ContextCommand;
import io.github.jetcdctl.cli.coordination.ElectCommand;
import io.github.jetcdctl.cli.coordination.LockCommand;
import io.github.jetcdctl.cli.coordination.MakeMirrorCommand;
import io.github.jetcdctl.cli.docs.CompletionCommand;
import io.github.jetcdctl.cli.kv.DelCommand;
import io.github.jetcdctl.cli.kv.GetCommand;
import io.github.jetcdctl.cli.kv.PutCommand;
import io.github.jetcdctl.cli.kv.TxnCommand;
import io.github.jetcdctl.cli.lease.LeaseCommand;
import io.github.jetcdctl.cli.maintenance.AlarmCommand;
import io.github.jetcdctl.cli.maintenance.CompactionCommand;
import io.github.jetcdctl.cli.maintenance.DefragCommand;
import io.github.jetcdctl.cli.maintenance.DowngradeCommand;
import io.github.jetcdctl.cli.maintenance.MoveLeaderCommand;
import io.github.jetcdctl.cli.offline.HashKvCommand;
import io.github.jetcdctl.cli.offline.MigrateCommand;
import io.github.jetcdctl.cli.recovery.CompareCommand;
import io.github.jetcdctl.cli.recovery.HistoryCommand;
import io.github.jetcdctl.cli.recovery.RecoverCommand;
import io.github.jetcdctl.cli.snapshot.SnapshotCommand;
import io.github.jetcdctl.cli.space.SpaceCommand;
import io.github.jetcdctl.cli.watch.WatchCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code jetcdctl}: the root of etcdctl's command tree (and etcdutl's, and jetcdctl's own commands). */
@Command(name = "jetcdctl",
        description = "An etcdctl-compatible command line client for etcd3, in Java.")
public class RootCommand extends GroupCommand {
    /**
     * The top-level commands. {@link CommandCatalog} builds only the one a command line names, instead of
     * reflecting over the whole tree on every run.
     */
    static final List<Class<?>> COMMANDS = List.of(
            AlarmCommand.class,
            AuthCommand.class,
            BatchCommand.class,
            BackupCommand.class,
            CheckCommand.class,
            CompactionCommand.class,
            CompareCommand.class,
            CompletionCommand.class,
            ContextCommand.class,
            DefragCommand.class,
            DelCommand.class,
            DowngradeCommand.class,
            ElectCommand.class,
            EndpointCommand.class,
            GetCommand.class,
            HashKvCommand.class,
            HistoryCommand.class,
            LeaseCommand.class,
            LockCommand.class,
            MakeMirrorCommand.class,
            MemberCommand.class,
            MigrateCommand.class,
            MoveLeaderCommand.class,
            OptionsCommand.class,
            PutCommand.class,
            RecoverCommand.class,
            RoleCommand.class,
            SnapshotCommand.class,
            SpaceCommand.class,
            TxnCommand.class,
            UserCommand.class,
            VersionCommand.class,
            WatchCommand.class,
            HelpCommand.class);

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
