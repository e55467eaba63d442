package io.github.jetcdctl.backup;

import java.io.IOException;
import java.nio.file.Path;

import io.github.jetcdctl.snapshot.PlainSnapshot;
import io.github.jetcdctl.snapshot.SnapshotFile;
import io.github.jetcdctl.snapshot.SnapshotFormatException;
import io.github.jetcdctl.snapshot.SnapshotStatus;
import io.github.jetcdctl.snapshot.SnapshotStatusReader;

/**
 * Checks a finished backup file as a restore would read it: decoded if compressed, its SHA-256 trailer present
 * and matching, and its bbolt content readable end to end by our status reader (which also gives the revision).
 */
public final class BackupVerifier {
    private BackupVerifier() {
    }

    /**
     * @param decodeTo where a compressed file is decoded (deleted afterwards), or null for the system temp dir
     * @throws SnapshotFormatException the file does not verify
     * @throws IOException             the file could not be read, or the decoded copy not written
     */
    public static SnapshotStatus verify(Path file, Path decodeTo) throws IOException {
        try (PlainSnapshot plain = decodeTo == null ? PlainSnapshot.open(file) : PlainSnapshot.open(file, decodeTo)) {
            try (SnapshotFile snapshot = SnapshotFile.open(plain.path())) {
                if (!snapshot.hasSha256Trailer()) {
                    throw new SnapshotFormatException(file + ": no sha256 trailer (" + snapshot.fileSize()
                            + " bytes)");
                }
                if (!snapshot.verifySha256()) {
                    throw new SnapshotFormatException(file + ": sha256 trailer does not match the snapshot data");
                }
            }
            try {
                return SnapshotStatusReader.read(plain.path());
            } catch (SnapshotFormatException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                // the bbolt reader reports some damage as unchecked or plain I/O errors
                SnapshotFormatException damaged = new SnapshotFormatException(file + ": " + e.getMessage());
                damaged.initCause(e);
                throw damaged;
            }
        }
    }
}
