package io.github.jetcdctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.github.jetcdctl.cli.gosyntax.GoBooleans;
import io.github.jetcdctl.cli.gosyntax.GoDurations;
import io.github.jetcdctl.cli.gosyntax.GoNumbers;
import io.github.jetcdctl.output.EtcdctlLine;
import io.github.jetcdctl.output.EtcdctlLine.Addition;
import io.github.jetcdctl.output.GoDuration;

/**
 * One row per global flag: its name, its ETCDCTL_* variable, how a variable's text is applied and how the
 * effective value is shown by --debug. Sorted by flag name, the order --debug prints them in.
 */
public enum GlobalFlag {
    AUTH_JWT_TOKEN("auth-jwt-token", Addition.AUTH_JWT_TOKEN, (o, v) -> o.authJwtToken = v,
            o -> hidden(o.authJwtToken)),
    CACERT("cacert", (o, v) -> o.cacert = v, o -> o.cacert),
    CERT("cert", (o, v) -> o.cert = v, o -> o.cert),
    COMMAND_TIMEOUT("command-timeout", (o, v) -> o.commandTimeout = GoDurations.parse(v),
            o -> GoDuration.format(o.commandTimeout.toNanos())),
    CONTEXT("context", (o, v) -> o.context = v, o -> o.context),
    DEBUG("debug", (o, v) -> o.debug = GoBooleans.parse(v), o -> String.valueOf(o.debug)),
    DIAL_TIMEOUT("dial-timeout", (o, v) -> o.dialTimeout = GoDurations.parse(v),
            o -> GoDuration.format(o.dialTimeout.toNanos())),
    DISCOVERY_SRV("discovery-srv", (o, v) -> o.discoverySrv = v, o -> o.discoverySrv),
    DISCOVERY_SRV_NAME("discovery-srv-name", (o, v) -> o.discoverySrvName = v, o -> o.discoverySrvName),
    ENDPOINTS("endpoints", (o, v) -> o.endpointArgs = new ArrayList<>(List.of(v)),
            o -> "[" + String.join(" ", o.endpoints()) + "]"),
    HEX("hex", (o, v) -> o.hex = GoBooleans.parse(v), o -> String.valueOf(o.hex)),
    INSECURE_DISCOVERY("insecure-discovery", (o, v) -> o.insecureDiscovery = GoBooleans.parse(v),
            o -> String.valueOf(o.insecureDiscovery)),
    INSECURE_SKIP_TLS_VERIFY("insecure-skip-tls-verify", (o, v) -> o.insecureSkipTlsVerify = GoBooleans.parse(v),
            o -> String.valueOf(o.insecureSkipTlsVerify)),
    INSECURE_TRANSPORT("insecure-transport", (o, v) -> o.insecureTransport = GoBooleans.parse(v),
            o -> String.valueOf(o.insecureTransport)),
    KEEPALIVE_TIME("keepalive-time", (o, v) -> o.keepaliveTime = GoDurations.parse(v),
            o -> GoDuration.format(o.keepaliveTime.toNanos())),
    KEEPALIVE_TIMEOUT("keepalive-timeout", (o, v) -> o.keepaliveTimeout = GoDurations.parse(v),
            o -> GoDuration.format(o.keepaliveTimeout.toNanos())),
    KEY("key", (o, v) -> o.key = v, o -> o.key),
    MAX_RECV_BYTES("max-recv-bytes", Addition.MESSAGE_SIZE_LIMITS,
            (o, v) -> o.maxRecvBytes = GoNumbers.parseInt(v, 0), o -> Long.toString(o.maxRecvBytes)),
    MAX_REQUEST_BYTES("max-request-bytes", Addition.MESSAGE_SIZE_LIMITS,
            (o, v) -> o.maxRequestBytes = GoNumbers.parseInt(v, 0), o -> Long.toString(o.maxRequestBytes)),
    PASSWORD("password", (o, v) -> o.password = v, o -> hidden(o.password)),
    USER("user", (o, v) -> o.user = v, o -> userWithHiddenPassword(o.user)),
    WRITE_OUT("write-out", (o, v) -> o.writeOut = v, o -> o.writeOut);

    private final String flagName;
    /** The line that added the flag; null for flags of every line. */
    private final Addition addedBy;
    private final BiConsumer<GlobalOptions, String> applyText;
    private final Function<GlobalOptions, String> show;

    GlobalFlag(String flagName, BiConsumer<GlobalOptions, String> applyText, Function<GlobalOptions, String> show) {
        this(flagName, null, applyText, show);
    }

    GlobalFlag(String flagName, Addition addedBy, BiConsumer<GlobalOptions, String> applyText,
            Function<GlobalOptions, String> show) {
        this.flagName = flagName;
        this.addedBy = addedBy;
        this.applyText = applyText;
        this.show = show;
    }

    /**
     * Whether etcdctl of this line has the flag: before it, the flag is an unknown flag and its variable an unknown
     * variable. jetcdctl's own {@code --context} is on every line.
     */
    public boolean on(EtcdctlLine line) {
        return addedBy == null || line.has(addedBy);
    }

    public String longName() {
        return "--" + flagName;
    }

    public String envName() {
        return "ETCDCTL_" + flagName.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** Applies a variable's text; etcdctl silently keeps the default when the text does not parse. */
    void applyFromEnvironment(GlobalOptions options, String text) {
        try {
            applyText.accept(options, text);
        } catch (IllegalArgumentException ignored) {
            // etcdctl discards the parse error and keeps the default
        }
    }

    /** Applies a named context's text; unlike a variable's, text that does not parse is an error. */
    void applyFromContext(GlobalOptions options, String text) {
        applyText.accept(options, text);
    }

    public String show(GlobalOptions options) {
        return show.apply(options);
    }

    /**
     * etcdctl's --debug dump prints passwords in clear (ETCDCTL_PASSWORD, ETCDCTL_USER=name:password, and 3.7's
     * ETCDCTL_AUTH_JWT_TOKEN); we deliberately do not, so debug output can be shared. An empty value stays empty.
     */
    private static String hidden(String password) {
        return password.isEmpty() ? "" : PASSWORD_MASK;
    }

    private static String userWithHiddenPassword(String user) {
        int colon = user.indexOf(':');
        return colon < 0 ? user : user.substring(0, colon + 1) + hidden(user.substring(colon + 1));
    }

    private static final String PASSWORD_MASK = "********";
}
