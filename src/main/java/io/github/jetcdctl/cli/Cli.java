package io.github.jetcdctl.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.output.EtcdctlLine;
import io.github.jetcdctl.help.HelpSections;
import io.github.jetcdctl.help.LineAdditions;
import io.github.jetcdctl.output.Output;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Builds and runs the command line for one invocation. All picocli wiring lives here (streams, error
 * handlers, etcdctl's parse-error texts), so tests run the real entry point with their own streams.
 */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args, InputStream in, OutputStream stdout, PrintStream err,
            Map<String, String> env) {
        return run(args, RawArguments.none(), in, stdout, err, env);
    }

    public static int run(String[] args, RawArguments rawArgs, InputStream in, OutputStream stdout,
            PrintStream err, Map<String, String> env) {
        return run(args, rawArgs, in, stdout, err, env, null);
    }

    /**
     * Runs a command line for another process (a resident jetcdctl's client) with its streams, environment,
     * working directory and terminals, on command trees that earlier command lines may have built and that no
     * other runs at the same time; returns {@link #RUN_IT_YOURSELF}, having read and written nothing, when the
     * command needs a process of its own (see {@link ResidentCommands}).
     */
    public static int runFor(ClientProcess client, String[] args, RawArguments rawArgs, InputStream in,
            OutputStream stdout, PrintStream err, Map<String, String> env, CommandTrees trees) {
        return run(args, rawArgs, in, stdout, err, env, trees, client);
    }

    /** What {@link #runFor} returns instead of an exit code when the client must run the command itself. */
    public static final int RUN_IT_YOURSELF = -1;

    private static int run(String[] args, RawArguments rawArgs, InputStream in, OutputStream stdout,
            PrintStream err, Map<String, String> env, CommandTrees trees) {
        return run(args, rawArgs, in, stdout, err, env, trees, null);
    }

    /**
     * As above; {@code trees}, when given, lends command trees that earlier command lines built; {@code client},
     * when given, is the process this one runs the command line for.
     */
    private static int run(String[] args, RawArguments rawArgs, InputStream in, OutputStream stdout,
            PrintStream err, Map<String, String> env, CommandTrees trees, ClientProcess client) {
        Output out = new Output(stdout, client == null ? null : client.stdoutTerminal());
        try {
            String api = env.getOrDefault("ETCDCTL_API", "");
            if (!api.isEmpty() && !api.equals("3")) {
                err.println("unsupported API version: " + api);
                return ExitCodes.ERROR;
            }
            CommandLine commandLine = trees != null ? trees.forArgs(args) : CommandTrees.build(args);
            RootCommand root = commandLine.getCommand();
            Session session = new Session(rawArgs, in, out, err, env, root.globalOptions, client);
            CommandTrees nestedTrees = new CommandTrees(); // one batch's lines share their trees
            session.setNestedRunner((nestedArgs, nestedRaw, nestedIn) ->
                    run(nestedArgs.toArray(String[]::new), nestedRaw, nestedIn, stdout, err, env, nestedTrees));
            root.attach(session);
            HelpSections.install(commandLine, session::helpLine);
            commandLine.setAbbreviatedSubcommandsAllowed(true)
                    // pflag takes the word after a flag as its value, even a command's name (--context=auth)
                    .setAllowSubcommandsAsOptionParameters(true)
                    // pflag takes the last of a flag given twice (-w json -w table)
                    .setOverwrittenOptionsAllowed(true)
                    // no ${...} variables in our texts; picocli would look for them in every name it touches
                    .setInterpolateVariables(false)
                    .setOut(new PrintWriter(new OutputWriter(out), true))
                    .setErr(new PrintWriter(err, true))
                    .setParameterExceptionHandler((e, a) -> parameterError(e, a, err, session))
                    .setExecutionExceptionHandler((e, cl, pr) -> e instanceof ResidentDeclined ? RUN_IT_YOURSELF
                            : executionError(e, err, session))
                    .setExecutionStrategy(pr -> {
                        if (client != null && !ResidentCommands.takes(pr, args, env)) {
                            return RUN_IT_YOURSELF;
                        }
                        session.setParseResult(pr);
                        try {
                            refuseWhatTheLineLacks(pr, session);
                        } catch (CliException notOnLine) {
                            return executionError(notOnLine, err, session);
                        }
                        return new CommandLine.RunLast().execute(pr);
                    });
            int code = commandLine.execute(args);
            if (code == RUN_IT_YOURSELF) {
                return code; // what the command buffered stays unsaid: the client's own run says it
            }
            out.flush();
            return code;
        } catch (Output.ClosedOutputException e) {
            return ExitCodes.BROKEN_PIPE;
        }
    }

    /**
     * What the selected line's etcdctl does not have is its unknown command or flag, before anything else (help,
     * arguments, the environment), as cobra finds no such command and pflag no such flag. A command's word was
     * found first (the word after such a flag taken as its value, as cobra's command search does); then the
     * commands, then the flags in the order given. An unknown line is its error here, help included.
     */
    private static void refuseWhatTheLineLacks(ParseResult pr, Session session) {
        EtcdctlLine line = session.lineBeforeRunning(); // a context's line counts here too
        ParseResult command = pr;
        for (ParseResult level = pr; level != null; level = level.subcommand()) {
            Object object = level.commandSpec().userObject();
            if (!LineAdditions.onLine(object, line)) {
                throw unknownOnLine(level, pr, line);
            }
            command = level;
        }
        String commandPath = command.commandSpec().qualifiedName(" ").replaceFirst("^\\S+ ?", "");
        for (ParseResult level = pr; level != null; level = level.subcommand()) {
            for (OptionSpec option : level.matchedOptions()) {
                if (!LineAdditions.onLine(option.userObject(), line)) {
                    throw Session.unknownFlag(option.longestName(), commandPath);
                }
            }
        }
    }

    /**
     * A command the line lacks, as cobra reports it: at the top, the word typed (a prefix of a later line's command
     * is no command on this line) with the line's suggestions; below, the command's name.
     */
    private static CliException unknownOnLine(ParseResult level, ParseResult root, EtcdctlLine line) {
        if (level.commandSpec().parent() != root.commandSpec()) {
            return Session.unknownCommand(level.commandSpec().name());
        }
        String typed = CommandCatalog.commandWord(root.commandSpec().commandLine(),
                root.originalArgs().toArray(String[]::new));
        String word = typed != null ? typed : level.commandSpec().name();
        return Session.unknownCommand(word, CommandSuggestions.forWord(word, line));
    }

    private static int executionError(Exception e, PrintStream err, Session session) {
        if (e instanceof Output.ClosedOutputException) {
            return ExitCodes.BROKEN_PIPE;
        }
        flushQuietly(session);
        if (e instanceof CliException cli) {
            if (cli.getMessage() != null) {
                err.println("Error: " + cli.getMessage());
            }
            if (session.options().debug() && cli.getCause() != null) {
                cli.getCause().printStackTrace(err);
            }
            return cli.exitCode();
        }
        err.println("Error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        if (session.options().debug()) {
            e.printStackTrace(err);
        }
        return ExitCodes.ERROR;
    }

    private static void flushQuietly(Session session) {
        try {
            session.out().flush();
        } catch (Output.ClosedOutputException ignored) {
            // nothing more to say to a closed pipe
        }
    }

    /** Parse errors in pflag's words, exit code 1 as etcdctl; usage hints go to stderr, not stdout. */
    private static int parameterError(ParameterException e, String[] args, PrintStream err, Session session) {
        CommandLine where = e.getCommandLine();
        String message = flagOfALaterLine(e, session);
        if (message == null) {
            message = pflagMessage(e, where, args, lineOrNull(session));
        }
        if (message == null) {
            where.usage(where.getOut());
            return ExitCodes.SUCCESS;
        }
        err.println("Error: " + message);
        if (!message.startsWith("unknown command ")) { // cobra's unknown command carries its own hint
            err.println();
            err.println("Run '" + where.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        return ExitCodes.ERROR;
    }

    /**
     * pflag's unknown flag for a flag that the selected line does not have, given before the error or the one whose
     * value is bad or missing: pflag knows no such flag to parse the value of, and stops at the first unknown flag.
     * The line is the one given before the error (--compat, else the variable, else the context's); an unknown line
     * leaves the error as it is.
     */
    private static String flagOfALaterLine(ParameterException e, Session session) {
        if (isCommandWordError(e)) {
            return null; // cobra looks for the command before pflag reads a flag
        }
        EtcdctlLine line = lineOrNull(session);
        if (line == null) {
            return null;
        }
        List<OptionSpec> given = new ArrayList<>();
        // the options each command on the way to the error matched (the one in error its options so far)
        for (CommandLine level = e.getCommandLine(); level != null; level = level.getParent()) {
            ParseResult matched = level.getParseResult();
            if (matched != null) {
                given.addAll(0, matched.matchedOptions());
            }
        }
        ArgSpec failed = e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
                ? missing.getMissing().get(0) : e.getArgSpec();
        if (failed instanceof OptionSpec option) {
            given.add(option);
        }
        for (OptionSpec option : given) {
            if (!LineAdditions.onLine(option.userObject(), line)) {
                return "unknown flag: " + option.longestName();
            }
        }
        return null;
    }

    /** A word that names no command, or more than one by its abbreviation. */
    private static boolean isCommandWordError(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-");
        }
        return String.valueOf(e.getMessage()).contains("' is not unique: it matches ");
    }

    /** The line given before a parse error, or null where it is itself unknown. */
    private static EtcdctlLine lineOrNull(Session session) {
        try {
            return session.lineBeforeRunning();
        } catch (CliException unknownLine) {
            return null;
        }
    }

    /** Returns null when etcdctl would just print the usage (an unknown word under a group command). */
    private static String pflagMessage(ParameterException e, CommandLine where, String[] args, EtcdctlLine line) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            String first = unmatched.getUnmatched().isEmpty() ? "" : unmatched.getUnmatched().get(0);
            if (first.startsWith("--")) {
                return "unknown flag: " + first.split("=", 2)[0];
            }
            if (first.startsWith("-") && first.length() > 1) {
                return "unknown shorthand flag: '" + first.charAt(1) + "' in " + first;
            }
            if (where.getParent() != null) {
                return null;
            }
            return Session.unknownCommand(first, CommandSuggestions.forWord(first, line)).getMessage();
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            return "flag needs an argument: " + nameAsGiven(option, args);
        }
        java.util.regex.Matcher ambiguous = java.util.regex.Pattern
                .compile("'([^']*)' is not unique: it matches (.*)").matcher(String.valueOf(e.getMessage()));
        if (ambiguous.find()) { // cobra's prefix matching finds no one command: its unknown command
            return Session.unknownCommand(ambiguous.group(1), CommandSuggestions.forWord(ambiguous.group(1), line))
                    .getMessage();
        }
        ArgSpec arg = e.getArgSpec();
        if (arg instanceof OptionSpec option && e.getValue() != null) {
            String reason = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : e.getMessage();
            return "invalid argument \"" + e.getValue() + "\" for \"" + option.longestName() + "\" flag: " + reason;
        }
        return e.getMessage();
    }

    /** pflag names a flag as it was typed: {@code --discovery-srv}, or {@code 'd' in -d} for its shorthand. */
    private static String nameAsGiven(OptionSpec option, String[] args) {
        List<String> names = List.of(option.names());
        for (int i = args.length - 1; i >= 0; i--) {
            if (names.contains(args[i])) {
                return args[i].startsWith("--") ? args[i] : "'" + args[i].charAt(1) + "' in " + args[i];
            }
        }
        return option.longestName();
    }

    /** Lets picocli's usage text go through our stdout buffer. */
    private static final class OutputWriter extends java.io.Writer {
        private final Output out;

        OutputWriter(Output out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            out.write(new String(buf, off, len).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
