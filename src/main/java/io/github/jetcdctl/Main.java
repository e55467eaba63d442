package io.github.jetcdctl;

import java.io.FileDescriptor;
import java.io.FileOutputStream;

import io.github.jetcdctl.cli.Cli;
import io.github.jetcdctl.cli.Logging;
import io.github.jetcdctl.cli.RawArguments;

/** The process entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Logging.configure(args, System.getenv());
        int code = Cli.run(args, RawArguments.fromProcess(args), System.in,
                new FileOutputStream(FileDescriptor.out), System.err, System.getenv());
        System.exit(code);
    }
}
