package io.github.jetcdctl.cli;

import io.github.jetcdctl.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code version}: needs no server, like etcdctl's; --debug adds the JVM and jetcd versions on stderr. */
@Command(name = "version", description = {"Prints the version of jetcdctl",
        "With --debug, also the JVM's and jetcd's versions, on stderr."})
public class VersionCommand extends EtcdCommand {
    @Mixin
    IgnoredArguments extraWords;

    @Override
    protected void run() {
        session().out().println("jetcdctl version: " + Version.TOOL)
                .println("API version: " + session().line());
        if (session().options().debug()) {
            session().out().flush();
            session().err().println("JVM version: " + Version.jvm());
            session().err().println("jetcd version: " + Version.jetcd());
        }
    }
}
