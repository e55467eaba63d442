package io.github.jetcdctl.backup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.jetcdctl.snapshot.SnapshotCompression;
import io.github.jetcdctl.snapshot.SnapshotStatus;

/**
 * What one backup run did, for its one-line report.
 *
 * @param retentionError why removing an old backup failed, or null
 */
public record BackupReport(String endpoint, BackupName name, Path file, long size, SnapshotStatus status,
        Duration duration, List<Path> removed, List<EndpointFailure> failedEndpoints, String retentionError) {

    public SnapshotCompression compression() {
        return name.compression();
    }
}
