package io.github.jetcdctl.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.Cli;
import io.github.jetcdctl.cli.CommandTrees;
import io.github.jetcdctl.client.ClientFactory;

/**
 * One client's connection: one request, run on this thread with the client's streams, environment and
 * working directory. A second thread reads what the client sends meanwhile (its standard input); when the
 * client goes away (Ctrl-C, SIGTERM, SIGKILL, a closed terminal) the request is interrupted, as a signal
 * interrupts the process today.
 */
final class Connection implements Runnable {
    private final SocketChannel channel;
    private final DaemonServer server;
    private final Frames frames;
    private volatile boolean answered;

    Connection(SocketChannel channel, DaemonServer server) {
        this.channel = channel;
        this.server = server;
        this.frames = new Frames(channel);
    }

    @Override
    public void run() {
        try (channel) {
            Frames.Frame first = frames.read();
            switch (first.type()) {
                case Frames.REQUEST -> serve(ClientRequest.decode(first.payload()));
                case Frames.STATUS -> {
                    frames.write(Frames.STDOUT, server.status().getBytes(StandardCharsets.UTF_8));
                    frames.writeInt(Frames.EXIT, ExitCodes.SUCCESS);
                }
                case Frames.STOP -> {
                    frames.writeInt(Frames.EXIT, ExitCodes.SUCCESS);
                    server.stop();
                }
                default -> throw new IOException("unexpected frame " + first.type());
            }
        } catch (IOException e) {
            // the client went away or spoke nonsense; it falls back or has gone, nothing to tell anyone
        } finally {
            server.finished();
        }
    }

    private void serve(ClientRequest request) throws IOException {
        if (!request.key().equals(server.key())) {
            server.handedBack();
            frames.write(Frames.RUN_YOURSELF, new byte[0]); // another build or JVM: not ours to run
            return;
        }
        if (!server.buildUnchanged()) {
            // the jar was replaced since this daemon started: its classes are another build's, whatever the
            // launcher remembered; the next command's launcher finds no socket and starts the new jar's daemon
            server.handedBack();
            server.stop();
            frames.write(Frames.RUN_YOURSELF, new byte[0]);
            return;
        }
        ClientStreams streams = new ClientStreams(frames);
        Thread requestThread = Thread.currentThread();
        Thread reader = new Thread(() -> readInput(streams, requestThread), requestThread.getName() + "-input");
        reader.setDaemon(true);
        reader.start();
        PrintStream err = streams.stderr();
        int code;
        CommandTrees trees = server.borrowTrees();
        try (ClientFactory.TransportScope shared = ClientFactory.useSharedTransport(server.transport())) {
            code = Cli.runFor(request.process().withEcho(streams::echo), request.decodedArgs(), request.rawArgs(),
                    streams.stdin(), streams.stdout(), err, request.env(), trees);
            if (!CredentialWords.anyIn(request.decodedArgs())) {
                server.giveBack(trees); // (not after a failure: the next request builds its own)
            }
        } catch (VirtualMachineError e) {
            // (an out-of-memory in one request): this one fails, and the daemon stops taking new ones, so the
            // next command starts a fresh one rather than meet a damaged heap
            server.stop();
            code = failed(err, e);
        } catch (RuntimeException | LinkageError e) {
            code = failed(err, e);
        }
        if (code == Cli.RUN_IT_YOURSELF) {
            if (!streams.used()) {
                server.handedBack();
                answered = true;
                frames.write(Frames.RUN_YOURSELF, new byte[0]);
                return;
            }
            err.println("Error: the resident jetcdctl cannot finish this command; run it with JETCDCTL_DAEMON=off");
            code = ExitCodes.ERROR;
        }
        err.flush();
        answered = true;
        frames.writeInt(Frames.EXIT, code);
    }

    private static int failed(PrintStream err, Throwable e) {
        err.println("Error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        return ExitCodes.ERROR;
    }

    /** Until the client closes: its input for the command; then the command is interrupted if still running. */
    private void readInput(ClientStreams streams, Thread requestThread) {
        try {
            while (true) {
                Frames.Frame frame = frames.read();
                if (frame.type() == Frames.STDIN) {
                    streams.received(frame.payload());
                }
            }
        } catch (IOException e) {
            streams.clientGone();
            if (!answered) {
                requestThread.interrupt();
            }
        }
    }
}
