package io.github.jetcdctl.cli;

import java.util.concurrent.Callable;

import io.github.jetcdctl.ExitCodes;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of every leaf command: access to the invocation's {@link Session}. */
public abstract class EtcdCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    protected Session session() {
        return ((RootCommand) spec.root().userObject()).session();
    }

    @Override
    public Integer call() throws Exception {
        run();
        return ExitCodes.SUCCESS;
    }

    protected abstract void run() throws Exception;
}
