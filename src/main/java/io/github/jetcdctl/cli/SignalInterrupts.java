package io.github.jetcdctl.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While open, SIGINT and SIGTERM interrupt the command's thread instead of ending the JVM, so that a command
 * can give up what it holds or clean up before it exits. In-process tests interrupt the thread directly,
 * which takes the same path (and counts as SIGINT).
 */
public final class SignalInterrupts implements AutoCloseable {
    private static final int SIGINT = 2;
    private final Signal interrupt = new Signal("INT");
    private final Signal terminate = new Signal("TERM");
    private final boolean onlyFirst;
    private final SignalHandler previousInterrupt;
    private final SignalHandler previousTerminate;
    private volatile int received;

    private SignalInterrupts(Thread target, boolean onlyFirst) {
        this.onlyFirst = onlyFirst;
        SignalHandler handler = signal -> {
            received = signal.getNumber();
            if (onlyFirst) {
                restore();
            }
            target.interrupt();
        };
        previousInterrupt = Signal.handle(interrupt, handler);
        previousTerminate = Signal.handle(terminate, handler);
    }

    /** Every SIGINT or SIGTERM interrupts the current thread until closed. */
    public static SignalInterrupts forCurrentThread() {
        return new SignalInterrupts(Thread.currentThread(), false);
    }

    /**
     * The first SIGINT or SIGTERM interrupts the current thread; a second one ends the process as it would
     * have without this (for a clean-up that the user may not want to wait for).
     */
    public static SignalInterrupts firstForCurrentThread() {
        return new SignalInterrupts(Thread.currentThread(), true);
    }

    /** The exit status of a process ended by the signal received (130 for SIGINT, 143 for SIGTERM). */
    public int exitStatus() {
        return 128 + (received == 0 ? SIGINT : received);
    }

    private void restore() {
        Signal.handle(interrupt, previousInterrupt);
        Signal.handle(terminate, previousTerminate);
    }

    @Override
    public void close() {
        if (!onlyFirst || received == 0) {
            restore();
        }
    }
}
