package io.github.jetcdctl.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.jetcdctl.Main;
import io.github.jetcdctl.cli.Logging;

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
        Logging.configure(new String[0], Map.of()); // library logging off, for every request alike
        new DaemonServer(Path.of(args[0]), args[1], Duration.ofSeconds(Long.parseLong(args[2]))).serve();
        System.exit(0); // (library threads would keep an idle JVM alive)
    }
}
