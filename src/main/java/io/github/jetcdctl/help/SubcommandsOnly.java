package io.github.jetcdctl.help;

/**
 * A command that only groups subcommands, as etcdctl's non-runnable cobra commands: the 3.5 and 3.6 command lists
 * name its subcommands instead of it.
 */
public interface SubcommandsOnly {
}
