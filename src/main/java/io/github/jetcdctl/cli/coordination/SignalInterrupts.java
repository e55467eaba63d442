package io.github.jetcdctl.cli.coordination;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While open, SIGINT and SIGTERM interrupt the command's thread instead of ending the JVM, so that lock and
 * elect can give up what they hold and exit 0 as etcdctl does. In-process tests interrupt the thread
 * directly, which takes the same path.
 */
final class SignalInterrupts implements AutoCloseable {
    private final Signal interrupt = new Signal("INT");
    private final Signal terminate = new Signal("TERM");
    private final SignalHandler previousInterrupt;
    private final SignalHandler previousTerminate;

    private SignalInterrupts(Thread target) {
        SignalHandler handler = signal -> target.interrupt();
        previousInterrupt = Signal.handle(interrupt, handler);
        previousTerminate = Signal.handle(terminate, handler);
    }

    static SignalInterrupts forCurrentThread() {
        return new SignalInterrupts(Thread.currentThread());
    }

    @Override
    public void close() {
        Signal.handle(interrupt, previousInterrupt);
        Signal.handle(terminate, previousTerminate);
    }
}
