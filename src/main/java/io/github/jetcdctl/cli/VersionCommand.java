package io.github.jetcdctl.cli;

import io.github.jetcdctl.Version;
import picocli.CommandLine.Command;

/** {@code version}: needs no server, like etcdctl's. */
@Command(name = "version", description = "Prints the version of jetcdctl")
public class VersionCommand extends EtcdCommand {
    @Override
    protected void run() {
        session().out().println("jetcdctl version: " + Version.TOOL)
                .println("API version: " + Version.API);
    }
}
