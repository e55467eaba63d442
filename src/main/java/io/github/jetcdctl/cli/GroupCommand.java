package io.github.jetcdctl.cli;

import io.github.jetcdctl.help.SubcommandsOnly;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands: run alone, it prints its usage to stdout and exits 0. */
public abstract class GroupCommand implements Runnable, SubcommandsOnly {
    @Spec
    protected CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
