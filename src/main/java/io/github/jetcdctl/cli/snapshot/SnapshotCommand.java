package io.github.jetcdctl.cli.snapshot;

import io.github.jetcdctl.cli.GroupCommand;
import io.github.jetcdctl.help.Examples;
import picocli.CommandLine.Command;

/** {@code snapshot}: save a backend snapshot from a server. */
@Examples(SnapshotCommand.EXAMPLES)
@Command(name = "snapshot", description = "Manages etcd node snapshots",
        subcommands = {SnapshotSaveCommand.class, SnapshotStatusCommand.class, SnapshotRestoreCommand.class})
public class SnapshotCommand extends GroupCommand {
    /** etcdctl's examples of snapshot save, in the help of snapshot and of snapshot save. */
    static final String EXAMPLES = """
            # Save snapshot to a given file
            jetcdctl snapshot save /backup/etcd-snapshot.db

            # Get snapshot from given address and save it to file
            jetcdctl snapshot save --endpoints=127.0.0.1:3000 /backup/etcd-snapshot.db

            # Get snapshot from given address with certificates
            jetcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/etcd/ca.crt --cert=/etc/etcd/etcd.crt \
            --key=/etc/etcd/etcd.key snapshot save /backup/etcd-snapshot.db

            # Get snapshot with certain user and password
            jetcdctl --user=root --password=password123 snapshot save /backup/etcd-snapshot.db

            # Get snapshot from given address with timeout
            jetcdctl --endpoints=https://127.0.0.1:2379 --dial-timeout=20s snapshot save /backup/etcd-snapshot.db

            # Save snapshot with desirable time format
            jetcdctl snapshot save /mnt/backup/etcd/backup_$(date +%Y%m%d_%H%M%S).db
            """;
}
