package io.github.jetcdctl.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.MessageLimits;
import io.github.jetcdctl.client.SrvDiscovery;
import io.github.jetcdctl.config.ConfigFile;
import io.github.jetcdctl.config.ContextConfig;
import io.github.jetcdctl.config.NamedContext;
import io.github.jetcdctl.output.EtcdctlLine;
import io.github.jetcdctl.output.GoQuote;
import io.github.jetcdctl.output.Output;
import io.github.jetcdctl.output.OutputFormat;
import io.github.jetcdctl.output.Printer;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * One invocation's context: its streams, environment and global options. Commands get their client and
 * printer here, so the order of etcdctl's checks (arguments, then environment, then output format, then
 * TLS files, then the network) is kept in one place.
 */
public final class Session {
    private final RawArguments rawArgs;
    private final InputStream in;
    private final Output out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final GlobalOptions options;
    private final ClientProcess client;
    private ParseResult parseResult;
    private boolean environmentApplied;
    private Credentials credentials;
    private NestedRunner nestedRunner;
    private List<String> discovered;
    private EtcdctlLine line;
    /** The line a named context recorded, set while the context overlay applies. */
    private String contextLine = "";

    /** Runs another command line with this invocation's standard output, standard error and environment. */
    @FunctionalInterface
    public interface NestedRunner {
        int run(List<String> args, RawArguments rawArgs, InputStream in);
    }

    Session(RawArguments rawArgs, InputStream in, Output out, PrintStream err, Map<String, String> env,
            GlobalOptions options, ClientProcess client) {
        this.client = client;
        this.rawArgs = rawArgs;
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
        this.options = options;
    }

    void setParseResult(ParseResult parseResult) {
        this.parseResult = parseResult;
    }

    void setNestedRunner(NestedRunner nestedRunner) {
        this.nestedRunner = nestedRunner;
    }

    /**
     * Runs a command line as a separate {@code jetcdctl} would, writing to this invocation's streams after what
     * this command has printed so far; returns its exit code.
     */
    public int runNested(List<String> args, RawArguments rawArgs, InputStream in) {
        out.flush();
        return nestedRunner.run(args, rawArgs.orElse(this.rawArgs), in);
    }

    /**
     * The global flags given on this command line, each as one {@code --name=value} word (or {@code --name}),
     * in the order given: what another command line needs to run with the same settings.
     */
    public List<String> globalFlagArguments() {
        Set<String> globalNames = new HashSet<>();
        for (GlobalFlag flag : GlobalFlag.values()) {
            globalNames.add(flag.longName());
        }
        globalNames.add("--compat");
        List<String> words = new ArrayList<>();
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            for (OptionSpec option : pr.matchedOptions()) {
                if (!globalNames.contains(option.longestName())) {
                    continue;
                }
                List<String> values = option.originalStringValues();
                if (values.isEmpty()) {
                    words.add(option.longestName());
                }
                for (String value : values) {
                    words.add(option.longestName() + "=" + value);
                }
            }
        }
        return words;
    }

    /** A command-line argument as the bytes the shell passed (keys and values are bytes, not text). */
    public byte[] argBytes(String argument) {
        return rawArgs.bytes(argument);
    }

    public InputStream in() {
        return in;
    }

    public Output out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public Map<String, String> env() {
        return env;
    }

    public GlobalOptions options() {
        return options;
    }

    /** Reads ETCDCTL_* variables; {@code alsoConsumed} names variables the command reads itself. */
    public void applyEnvironment(Set<String> alsoConsumed) {
        applyEnvironment(alsoConsumed, List.of());
    }

    public void applyEnvironment(Set<String> alsoConsumed, List<EnvironmentOverlay.Binding> bindings) {
        if (environmentApplied) {
            return;
        }
        environmentApplied = true;
        ConfigFile configFile = ConfigFile.locate(env);
        ContextConfig config = configFile.load();
        // the line decides which variables draw a warning, so a context's line is looked up first
        Optional<NamedContext> selected = selectedContext(config);
        contextLine = selected.flatMap(context -> context.get(NamedContext.COMPAT)).orElse("");
        if (client != null) { // (before any warning is written: a declined command must not have said a word)
            selected.flatMap(context -> context.get(NamedContext.PASSWORD_FILE)).filter(f -> !f.startsWith("/"))
                    .ifPresent(file -> {
                        throw new ResidentDeclined("a context's password file relative to the client's directory");
                    });
        }
        Set<GlobalFlag> decided = EnvironmentOverlay.apply(options, flagsOnCommandLine(), env, alsoConsumed, bindings,
                line(), err);
        ContextOverlay.apply(options, decided, givenOnCommandLine("--context"), env, configFile, config);
        if (options.debug()) {
            EnvironmentOverlay.printDebug(options, line(), err);
        }
    }

    /** The output format, validated as etcdctl does while it configures the client. */
    public OutputFormat outputFormat() {
        applyEnvironment(Set.of());
        return OutputFormat.parse(options.writeOut());
    }

    public Printer printer() {
        return Printer.create(outputFormat(), out, err, options.hex(), line());
    }

    /** A printer of the given format (commands whose format is not --write-out's), as the selected line prints. */
    public Printer printer(OutputFormat format, boolean hex) {
        return Printer.create(format, out, err, hex, line());
    }

    /**
     * The etcdctl line whose output this invocation reproduces: {@code --compat}, else {@code ETCDCTL_COMPAT},
     * else the selected context's {@code compat} (known only to commands that read the environment), else
     * {@link EtcdctlLine#DEFAULT}. A value that names no line is an error.
     */
    public EtcdctlLine line() {
        if (line == null) {
            String text = options.compat();
            String source = "--compat";
            if (text.isEmpty()) {
                text = env.getOrDefault(COMPAT_ENV, "");
                source = COMPAT_ENV;
            }
            if (text.isEmpty()) {
                text = contextLine;
                source = "the context's compat setting";
            }
            String given = text;
            String from = source;
            line = text.isEmpty() ? EtcdctlLine.DEFAULT : EtcdctlLine.parse(text).orElseThrow(() ->
                    new CliException(ExitCodes.ERROR, from + ": " + EtcdctlLine.unknownLineMessage(given)));
        }
        return line;
    }

    /**
     * The line whose help to print: as {@link #line()}, with the selected context's line looked up quietly (help
     * applies no environment: a config file that does not read, or a line that names none, gives the default).
     */
    public EtcdctlLine helpLine() {
        if (line == null && options.compat().isEmpty() && env.getOrDefault(COMPAT_ENV, "").isEmpty()) {
            try {
                contextLine = selectedContext(ConfigFile.locate(env).load())
                        .flatMap(context -> context.get(NamedContext.COMPAT)).orElse("");
            } catch (RuntimeException unreadable) {
                contextLine = "";
            }
        }
        try {
            return line();
        } catch (CliException unknownLine) {
            line = null;
            return EtcdctlLine.DEFAULT;
        }
    }

    private Optional<NamedContext> selectedContext(ContextConfig config) {
        return ContextOverlay.selected(options.context(), givenOnCommandLine("--context"), env, config)
                .flatMap(config::find);
    }

    /**
     * The line that decides, before a command runs, what is an unknown command or flag: as {@link #helpLine()},
     * but a {@code --compat} or {@code ETCDCTL_COMPAT} that names no line is its error, help included.
     */
    EtcdctlLine lineBeforeRunning() {
        if (!options.compat().isEmpty() || !env.getOrDefault(COMPAT_ENV, "").isEmpty()) {
            return line();
        }
        return helpLine();
    }

    /** etcdctl's words for a flag the command does not have. */
    public static CliException unknownFlag(String flag, String commandPath) {
        return new CliException(ExitCodes.ERROR, "unknown flag: " + flag + "\n\nRun 'jetcdctl "
                + (commandPath.isEmpty() ? "" : commandPath + " ") + "--help' for usage.");
    }

    /** etcdctl's words for a command it does not have. */
    public static CliException unknownCommand(String command) {
        return unknownCommand(command, List.of());
    }

    /** cobra's unknown command, with its "Did you mean this?" list when there is one. */
    static CliException unknownCommand(String command, List<String> suggestions) {
        StringBuilder message = new StringBuilder("unknown command " + GoQuote.quote(command) + " for \"jetcdctl\"");
        if (!suggestions.isEmpty()) {
            message.append("\n\nDid you mean this?\n");
            suggestions.forEach(name -> message.append('\t').append(name).append('\n'));
        }
        return new CliException(ExitCodes.ERROR, message.append("\nRun 'jetcdctl --help' for usage.").toString());
    }

    /** A command that the selected line does not have is refused in the words of etcdctl's unknown command. */
    public void requireCommandOnLine(EtcdctlLine.Addition addition, String command) {
        if (!line().has(addition)) {
            throw unknownCommand(command);
        }
    }

    /** The variable that selects the etcdctl line; known, so it draws no "unrecognized" warning. */
    public static final String COMPAT_ENV = "ETCDCTL_COMPAT";



    /**
     * The settings of etcdctl's client: endpoints from DNS discovery when --discovery-srv is given (looked up once
     * per invocation), else --endpoints; then the TLS file checks and the credentials.
     */
    public ConnectionSettings connectionSettings() {
        applyEnvironment(Set.of());
        declineRelativeFilesOfClient();
        return settings(discoveredOrGivenEndpoints());
    }

    /**
     * The same settings with the --endpoints list as given and no DNS lookup: etcdctl's {@code endpoint health}
     * (without --cluster) visits those even with --discovery-srv.
     */
    public ConnectionSettings connectionSettingsForGivenEndpoints() {
        applyEnvironment(Set.of());
        declineRelativeFilesOfClient();
        return settings(options.endpoints());
    }

    private ConnectionSettings settings(List<String> endpoints) {
        Set<String> given = flagsOnCommandLine();
        for (String flag : new String[] {"--cacert", "--cert", "--key"}) {
            String value = flag.equals("--cacert") ? options.cacert() : flag.equals("--cert") ? options.cert()
                    : options.key();
            if (given.contains(flag) && value.isEmpty()) {
                throw CliException.badArgs("empty string is passed to " + flag + " option");
            }
        }
        // etcdctl 3.7 sends a given JWT instead of logging in, and then asks for no password
        String token = line().has(EtcdctlLine.Addition.AUTH_JWT_TOKEN) ? options.authJwtToken() : "";
        Credentials login = token.isEmpty() ? credentials() : Credentials.NONE;
        // etcdctl turns TLS on for a domain with --insecure-discovery=false, and 3.5 checks certificates against it
        boolean secureDiscovery = !options.insecureDiscovery() && !options.discoverySrv().isEmpty();
        String serverName = secureDiscovery && line().discoveryDomainIsTlsServerName() ? options.discoverySrv() : "";
        boolean insecureTransport = options.insecureTransport() && !secureDiscovery;
        MessageLimits limits = line().has(EtcdctlLine.Addition.MESSAGE_SIZE_LIMITS)
                ? new MessageLimits(options.maxRequestBytes(), options.maxRecvBytes()) : MessageLimits.DEFAULTS;
        return new ConnectionSettings(endpoints, options.dialTimeout(), options.commandTimeout(),
                options.keepaliveTime(), options.keepaliveTimeout(), insecureTransport,
                options.insecureSkipTlsVerify(), options.cacert(), options.cert(), options.key(),
                login.user(), login.password(), serverName, limits, token);
    }

    /**
     * etcdctl's endpointsFromCmd: the SRV-discovered endpoints, without http:// ones (each reported on stderr)
     * when --insecure-discovery=false; if that leaves none, or without --discovery-srv, --endpoints trimmed.
     */
    private List<String> discoveredOrGivenEndpoints() {
        if (discovered == null) {
            discovered = new ArrayList<>();
            if (!options.discoverySrv().isEmpty()) {
                for (String endpoint : SrvDiscovery.clientEndpoints(options.discoverySrv(),
                        options.discoverySrvName())) {
                    if (!options.insecureDiscovery() && endpoint.startsWith("http://")) {
                        err.println("ignoring discovered insecure endpoint " + GoQuote.quote(endpoint));
                    } else {
                        discovered.add(endpoint);
                    }
                }
            }
        }
        if (!discovered.isEmpty()) {
            return discovered;
        }
        return options.endpoints().stream().map(String::strip).toList();
    }

    /**
     * Environment, credentials (perhaps a password prompt), output format, then the client: the order
     * etcdctl's mustClientFromCmd follows.
     */
    public EtcdConnection connect() {
        applyEnvironment(Set.of());
        ConnectionSettings settings = connectionSettings();
        outputFormat();
        return ClientFactory.connect(settings);
    }

    /** Whether the user gave this flag on the command line (not from the environment). */
    public boolean givenOnCommandLine(String longName) {
        return flagsOnCommandLine().contains(longName);
    }

    private Set<String> flagsOnCommandLine() {
        Set<String> names = new HashSet<>();
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            for (OptionSpec option : pr.matchedOptions()) {
                names.add(option.longestName());
            }
        }
        return names;
    }

    /**
     * TLS files named relative to another process's working directory: its own run opens them (errors name the
     * files as given, so resolving them here would change the words).
     */
    private void declineRelativeFilesOfClient() {
        if (client != null) {
            for (String file : List.of(options.cacert(), options.cert(), options.key())) {
                if (!file.isEmpty() && !file.startsWith("/")) {
                    throw new ResidentDeclined("a TLS file relative to the client's directory: " + file);
                }
            }
        }
    }

    /** Reads passwords for the user and role commands, from the terminal or standard input. */
    public PasswordPrompt passwords() {
        if (client != null && client.stdinTerminal()) {
            return PasswordPrompt.onClientTerminal(in, out, client.echo());
        }
        return PasswordPrompt.of(in, out);
    }

    /** The user and password to log in with, asked for at most once per invocation. */
    private Credentials credentials() {
        if (credentials == null) {
            credentials = Credentials.resolve(options.user(), options.password(), passwords());
        }
        return credentials;
    }
}
