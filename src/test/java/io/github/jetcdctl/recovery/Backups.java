package io.github.jetcdctl.recovery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/** Backups taken by jetcdctl's own backup command, with timeouts generous enough for a busy test machine. */
final class Backups {
    private Backups() {
    }

    static void take(Jetcdctl jetcdctl, Path dir, String compression) {
        ProcessResult backup = jetcdctl.run("backup", dir.toString(), "--compress", compression,
                "--dial-timeout=10s", "--command-timeout=60s");
        assertTrue(backup.succeeded(), backup.toString());
    }
}
