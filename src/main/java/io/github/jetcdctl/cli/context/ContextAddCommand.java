package io.github.jetcdctl.cli.context;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.GlobalFlag;
import io.github.jetcdctl.cli.GlobalOptions;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.config.ConfigFile;
import io.github.jetcdctl.config.ContextConfig;
import io.github.jetcdctl.config.KubeadmManifest;
import io.github.jetcdctl.config.NamedContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code context add NAME}: saves the connection flags given with it, or a kubeadm manifest's, under a name, with the
 * etcdctl line of the cluster it reaches (its server version), so that the context's output matches that cluster's
 * etcdctl; {@code --compat} records a line without asking the cluster.
 */
@Command(name = "add", description = {"Saves connection settings as a named context",
        "Saves the connection flags given with this command (--endpoints or "
        + "--discovery-srv, --cacert, --cert, --key, --user, timeouts, --insecure-*) as a named context; "
        + "--from-kubeadm imports them from a kubeadm etcd manifest, and flags given as well override what it found. "
        + "The context records the etcdctl line (--compat) of the cluster's version, asked of the cluster, "
        + "unless --compat is given"})
public class ContextAddCommand extends EtcdCommand {
    /** The global flags a context can hold, in the order they are saved. */
    static final List<GlobalFlag> CONNECTION_FLAGS = List.of(GlobalFlag.ENDPOINTS, GlobalFlag.DISCOVERY_SRV,
            GlobalFlag.DISCOVERY_SRV_NAME, GlobalFlag.CACERT, GlobalFlag.CERT, GlobalFlag.KEY, GlobalFlag.USER,
            GlobalFlag.DIAL_TIMEOUT, GlobalFlag.COMMAND_TIMEOUT, GlobalFlag.KEEPALIVE_TIME,
            GlobalFlag.KEEPALIVE_TIMEOUT, GlobalFlag.INSECURE_TRANSPORT, GlobalFlag.INSECURE_SKIP_TLS_VERIFY,
            GlobalFlag.INSECURE_DISCOVERY);

    @Parameters(index = "0", paramLabel = "<name>", description = "the context's name (letters, digits, . _ @ -)")
    String name;

    @Option(names = "--from-kubeadm", arity = "0..1", fallbackValue = KubeadmManifest.DEFAULT_PATH,
            paramLabel = "<manifest>", description = "import endpoints, CA and client certificate from a kubeadm "
                    + "etcd static-pod manifest and the PKI beside it (default " + KubeadmManifest.DEFAULT_PATH + ")")
    String kubeadmManifest;

    @Option(names = "--password-file", paramLabel = "<file>",
            description = "a file holding the password for --user, read each time the context is used")
    String passwordFile;

    @Option(names = "--replace", description = "replace a context of the same name")
    boolean replace;

    @Override
    protected void run() {
        NamedContext.checkName(name);
        ConfigFile file = ConfigFile.locate(session().env());
        ContextConfig config = file.load();
        if (config.find(name).isPresent() && !replace) {
            throw new CliException(ExitCodes.ERROR, "context \"" + name + "\" already exists; "
                    + "add --replace to replace it");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (kubeadmManifest != null) {
            KubeadmManifest.Connection kubeadm = KubeadmManifest.read(Path.of(kubeadmManifest));
            settings.put("endpoints", String.join(",", kubeadm.endpoints()));
            settings.put("cacert", kubeadm.cacert().toString());
            settings.put("cert", kubeadm.cert().toString());
            settings.put("key", kubeadm.key().toString());
        }
        settings.putAll(flagsGiven());
        if (passwordFile != null) {
            Path password = absolute(passwordFile);
            if (!Files.isReadable(password)) {
                throw new CliException(ExitCodes.ERROR, "--password-file " + password + ": cannot be read");
            }
            settings.put(NamedContext.PASSWORD_FILE, password.toString());
        }
        if (settings.isEmpty()) {
            throw CliException.badArgs(
                    "nothing to save: give connection flags (such as --endpoints) or --from-kubeadm");
        }
        if (session().givenOnCommandLine("--compat")) {
            settings.put(NamedContext.COMPAT, session().line().toString());
        } else {
            ClusterLine.of(probeSettings(settings), session().err())
                    .ifPresent(line -> settings.put(NamedContext.COMPAT, line.toString()));
        }
        file.save(config.with(new NamedContext(name, settings)));
        session().out().println("Context " + name + " saved to " + file.path());
    }

    /** How the new context reaches the cluster: the flags (and variables) given, with a manifest's place and files. */
    private ConnectionSettings probeSettings(Map<String, String> settings) {
        ConnectionSettings given = session().connectionSettings();
        if (kubeadmManifest == null) {
            return given;
        }
        return new ConnectionSettings(List.of(settings.get("endpoints").split(",")), given.dialTimeout(),
                given.commandTimeout(), given.keepaliveTime(), given.keepaliveTimeout(), given.insecureTransport(),
                given.insecureSkipTlsVerify(), settings.get("cacert"), settings.get("cert"), settings.get("key"),
                given.user(), given.password(), given.serverName());
    }

    private Map<String, String> flagsGiven() {
        boolean userWithPassword = session().givenOnCommandLine(GlobalFlag.USER.longName())
                && session().options().user().contains(":");
        if (userWithPassword || session().givenOnCommandLine(GlobalFlag.PASSWORD.longName())) {
            throw CliException.badArgs("a context keeps no clear-text password: give it with --password-file");
        }
        GlobalOptions options = session().options();
        Map<String, String> given = new LinkedHashMap<>();
        for (GlobalFlag flag : CONNECTION_FLAGS) {
            if (session().givenOnCommandLine(flag.longName())) {
                given.put(flag.longName().substring(2), text(flag, options));
            }
        }
        return given;
    }

    /** The flag's effective value as text a context can apply again; files become absolute paths. */
    private static String text(GlobalFlag flag, GlobalOptions options) {
        return switch (flag) {
            case ENDPOINTS -> String.join(",", options.endpoints());
            case CACERT -> absolute(options.cacert()).toString();
            case CERT -> absolute(options.cert()).toString();
            case KEY -> absolute(options.key()).toString();
            default -> flag.show(options);
        };
    }

    private static Path absolute(String file) {
        if (file.isEmpty()) {
            throw CliException.badArgs("a file flag needs a file name");
        }
        return Path.of(file).toAbsolutePath().normalize();
    }
}
