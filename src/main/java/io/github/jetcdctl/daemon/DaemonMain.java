package io.github.jetcdctl.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.jetcdctl.Main;
import io.github.jetcdctl.cli.Cli;
import io.github.jetcdctl.cli.ClientProcess;
import io.github.jetcdctl.cli.CommandTrees;
import io.github.jetcdctl.cli.Logging;
import io.github.jetcdctl.cli.RawArguments;
import io.github.jetcdctl.client.ClientFactory;

/**
 * The resident process the launcher starts in the background:
 * {@code java ... -cp jetcdctl.jar io.github.jetcdctl.daemon.DaemonMain SOCKET KEY IDLE_SECONDS}.
 */
public final class DaemonMain {
    private DaemonMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: DaemonMain SOCKET KEY IDLE_SECONDS");
            System.exit(2);
        }
        Main.configureLibraries();
        // Every request resolves host names afresh, as a process of its own would: the JVM would otherwise
        // keep an answer for 30 s (and a failure for 10 s), whatever its TTL.
        java.security.Security.setProperty("networkaddress.cache.ttl", "0");
        java.security.Security.setProperty("networkaddress.cache.negative.ttl", "0");
        Logging.configure(new String[0], Map.of()); // library logging off, for every request alike
        String classPath = System.getProperty("java.class.path", ""); // (the launcher's -cp: the jar alone)
        DaemonServer server = new DaemonServer(Path.of(args[0]), args[1] + namespaces(),
                Duration.ofSeconds(Long.parseLong(args[2])),
                classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) ? null : Path.of(classPath));
        Thread warmUp = new Thread(() -> {
            try (ClientFactory.TransportScope shared = ClientFactory.useSharedTransport(server.transport())) {
                CommandTrees trees = server.borrowTrees();
                warmUp(trees);
                server.giveBack(trees); // (with get's tree built)
            }
        }, "jetcdctl-daemon-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
        server.serve(); // closes the kept channels and TLS contexts on the way out
        System.exit(0); // (library threads would keep an idle JVM alive)
    }

    /**
     * This process's network and mount namespaces, as the native client adds its own to the key it sends
     * ({@code |net:[N]|mnt:[N]}, empty where /proc is not there): a command from other namespaces (another
     * network, other files and /etc/resolv.conf) is declined and runs in a JVM of its own.
     */
    static String namespaces() {
        StringBuilder ids = new StringBuilder();
        for (String kind : new String[] {"net", "mnt"}) {
            ids.append('|');
            try {
                ids.append(Files.readSymbolicLink(Path.of("/proc/self/ns", kind)));
            } catch (IOException | UnsupportedOperationException e) {
                // (no /proc: the client finds none either)
            }
        }
        return ids.toString();
    }

    /**
     * Loads what the first request would: the command tree, the gRPC channel on the shared transport and the
     * JDK's TLS (a command line that builds a TLS client for a port nobody listens on), so that the first command
     * a user sends does not pay for it, nor run into its dial timeout on a busy machine.
     */
    private static void warmUp(CommandTrees trees) {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        } catch (java.io.IOException e) {
            return;
        }
        String[] args = {"get", "warm-up", "--endpoints=https://127.0.0.1:" + closedPort, "--dial-timeout=1s",
            "--insecure-skip-tls-verify"};
        ClientProcess nobody = new ClientProcess(Path.of("/"), false, false, false);
        Cli.runFor(nobody, args, RawArguments.none(), InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                new PrintStream(OutputStream.nullOutputStream()), Map.of(), trees);
    }
}
