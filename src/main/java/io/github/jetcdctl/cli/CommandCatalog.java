package io.github.jetcdctl.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Registers the top-level commands with the root. Building picocli's model reflects over every command
 * class, which costs more than the rest of a short command; so when the command line names one command
 * (exactly or by a unique prefix), only that one is built. Help, errors and anything unclear get the whole
 * tree, so usage listings and "did you mean" suggestions are unchanged.
 */
public final class CommandCatalog {
    private CommandCatalog() {
    }

    /** The root with every command, for help-like outputs: completion scripts, the man page. */
    public static CommandLine fullTree() {
        CommandLine root = new CommandLine(new RootCommand());
        RootCommand.COMMANDS.forEach(root::addSubcommand);
        return root;
    }

    /** Adds the command the arguments name to the root, or every command; returns the named one, or null. */
    static Class<?> register(CommandLine root, String[] args) {
        Class<?> named = namedCommand(root, args);
        for (Class<?> command : RootCommand.COMMANDS) {
            if (named == null || named == command) {
                root.addSubcommand(command);
            }
        }
        return named;
    }

    /** The one top-level command the arguments name, or null when they name none, several or help. */
    static Class<?> namedCommand(CommandLine root, String[] args) {
        String word = commandWord(root, args);
        if (word == null || word.equals("help")) {
            return null;
        }
        List<Class<?>> prefixed = new ArrayList<>();
        for (Class<?> command : RootCommand.COMMANDS) {
            String name = command.getAnnotation(Command.class).name();
            if (name.equals(word)) {
                return command;
            }
            if (name.startsWith(word)) {
                prefixed.add(command);
            }
        }
        return prefixed.size() == 1 ? prefixed.get(0) : null;
    }

    /** The first argument that is neither a global option nor an option's value. */
    static String commandWord(CommandLine root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return null;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                return arg;
            }
            if (arg.contains("=") || (arg.length() > 2 && !arg.startsWith("--"))) {
                continue;
            }
            OptionSpec option = root.getCommandSpec().findOption(arg);
            if (option == null) {
                continue;
            }
            boolean valueRequired = option.arity().min() > 0;
            boolean optionalBooleanValue = option.arity().max() > 0 && i + 1 < args.length
                    && (args[i + 1].equalsIgnoreCase("true") || args[i + 1].equalsIgnoreCase("false"));
            if (valueRequired || optionalBooleanValue) {
                i++;
            }
        }
        return null;
    }
}
