package io.github.jetcdctl.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waiting for another process to let go of a db, as etcdutl 3.7's {@code --timeout} waits for bbolt's file lock;
 * the commands then go on, and refuse the db as before if it is still held.
 */
public final class LockWait {
    private static final long POLL_MILLIS = 50;

    private LockWait() {
    }

    /**
     * Returns once no other process holds a lock on {@code file} (at once when none does or the file does not
     * exist), or when {@code timeout} has passed; a zero timeout waits without end, as etcdutl's does.
     */
    public static void awaitReleased(Path file, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (LockHolders.find(file).isPresent()) {
            if (!timeout.isZero() && System.nanoTime() - deadline >= 0) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
