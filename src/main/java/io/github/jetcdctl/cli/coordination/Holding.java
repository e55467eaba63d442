package io.github.jetcdctl.cli.coordination;

import java.util.concurrent.ExecutionException;

import io.github.jetcdctl.client.LeaseSession;

/** Waiting while holding a lock or leadership. */
final class Holding {
    private Holding() {
    }

    /** True when interrupted (a signal: give up what we hold), false when the lease session ended. */
    static boolean untilInterrupted(LeaseSession lease) {
        try {
            lease.done().get();
            return false;
        } catch (InterruptedException e) {
            return true;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
