package io.github.jetcdctl.cli.snapshot;

import io.github.jetcdctl.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code snapshot}: save a backend snapshot from a server. */
@Command(name = "snapshot", description = "Manages etcd node snapshots: save from a server; status and restore offline, in pure Java",
        subcommands = {SnapshotSaveCommand.class, SnapshotStatusCommand.class, SnapshotRestoreCommand.class})
public class SnapshotCommand extends GroupCommand {
}
