package io.github.jetcdctl.cli;

import picocli.CommandLine.Command;

/** {@code snapshot}: save a backend snapshot from a server. */
@Command(name = "snapshot", description = "Manages etcd node snapshots",
        subcommands = {SnapshotSaveCommand.class})
public class SnapshotCommand extends GroupCommand {
}
