package io.github.jetcdctl.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.snapshot.SnapshotStatus;

/**
 * One backup as {@code backup list} shows it, verified the way a new backup is.
 *
 * @param status what the status reader found, or null when the file does not verify
 * @param error  why the file does not verify, or null
 */
public record BackupListing(BackupName name, Path file, long size, Duration age, SnapshotStatus status,
        String error) {

    public boolean verified() {
        return error == null;
    }

    /** Every backup of the directory's prefix, newest first, each verified (compressed ones decoded to temp). */
    public static List<BackupListing> of(BackupDirectory dir, Instant now) throws IOException {
        List<BackupName> names = dir.backups();
        List<BackupListing> listings = new ArrayList<>();
        for (int i = names.size() - 1; i >= 0; i--) {
            listings.add(of(dir, names.get(i), now));
        }
        return listings;
    }

    private static BackupListing of(BackupDirectory dir, BackupName name, Instant now) throws IOException {
        Path file = dir.resolve(name);
        long size = Files.size(file);
        Duration age = Duration.between(name.time(), now);
        try {
            SnapshotStatus status = BackupVerifier.verify(file, null);
            if (status.revision() != name.revision()) {
                return new BackupListing(name, file, size, age, null, "revision " + status.revision()
                        + " in the file, " + name.revision() + " in its name");
            }
            return new BackupListing(name, file, size, age, status, null);
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.toString();
            return new BackupListing(name, file, size, age, null, reason);
        }
    }
}
