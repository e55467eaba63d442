package io.github.jetcdctl;

import java.io.FileDescriptor;
import java.io.FileOutputStream;

import io.github.jetcdctl.cli.Cli;
import io.github.jetcdctl.cli.Logging;
import io.github.jetcdctl.cli.RawArguments;

/** The process entry point. */
public final class Main {
    private static final String SHADED_NETTY = "io.grpc.netty.shaded.io.netty.";

    private Main() {
    }

    public static void main(String[] args) {
        configureLibraries();
        Logging.configure(args, System.getenv());
        int code = Cli.run(args, RawArguments.fromProcess(args), System.in,
                new FileOutputStream(FileDescriptor.out), System.err, System.getenv());
        System.exit(code);
    }

    /** The library settings every process running commands uses (this one, or a resident one). */
    public static void configureLibraries() {
        // Netty's pooled allocator sets up arenas and thread caches that a short-lived process never amortizes:
        // unpooled buffers made a one-key get ~50 ms faster and a 1.5 GB snapshot save no slower (gRPC follows
        // this property for its own allocator too). gRPC's shaded Netty reads its properties under its own prefix;
        // -Dio.grpc.netty.shaded.io.netty.allocator.type=pooled restores the default.
        System.getProperties().putIfAbsent(SHADED_NETTY + "allocator.type", "unpooled");
        // NIO, not the epoll library the shaded jar carries: loading it would unpack a native library on every run
        // and draw JDK 24+'s restricted-method warning on stderr.
        System.getProperties().putIfAbsent(SHADED_NETTY + "transport.noNative", "true");
    }
}
