package io.github.jetcdctl.cli;

import java.util.HashMap;
import java.util.Map;

import picocli.CommandLine;

/**
 * picocli command trees for the command lines of one batch, or for the requests a resident jetcdctl runs one
 * after another on one set (see {@link Cli#runFor}). Building a tree reflects over the root's and the
 * command's annotated classes, about half of what a short command costs inside a batch; so a tree is kept per
 * top-level command and lent to every later line that names the same command. picocli resets every option and
 * parameter to its initial value before it parses a line, and the commands keep no other state. A tree holds
 * the option values of the line it parsed last, so one set serves one command line at a time.
 */
public final class CommandTrees {
    private final Map<Class<?>, CommandLine> byCommand = new HashMap<>();

    public CommandTrees() {
    }

    /** A new tree: the root and the one command the arguments name (or every command when they name none). */
    static CommandLine build(String[] args) {
        CommandLine root = new CommandLine(new RootCommand());
        CommandCatalog.register(root, args);
        return root;
    }

    /** A tree for these arguments: one that an earlier line naming the same command used, else a new one. */
    CommandLine forArgs(String[] args) {
        if (!byCommand.isEmpty()) {
            CommandLine any = byCommand.values().iterator().next();
            CommandLine same = byCommand.get(CommandCatalog.namedCommand(any, args));
            if (same != null) {
                return same;
            }
        }
        CommandLine root = new CommandLine(new RootCommand());
        Class<?> named = CommandCatalog.register(root, args);
        if (named != null) {
            byCommand.put(named, root);
        }
        return root;
    }
}
