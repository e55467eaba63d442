package io.github.jetcdctl.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.cli.gosyntax.GoDurationConverter;
import io.github.jetcdctl.cli.gosyntax.GoInt64Converter;
import io.github.jetcdctl.help.LineAddition;
import io.github.jetcdctl.output.EtcdctlLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global flags every command accepts, before or after the command words, as etcdctl's persistent
 * flags. Defaults live in the field initialisers; {@link GlobalFlag} knows each flag's ETCDCTL_* variable.
 */
public class GlobalOptions {
    @Option(names = "--endpoints", scope = ScopeType.INHERIT, paramLabel = "<endpoints>",
            description = "gRPC endpoints")
    List<String> endpointArgs = new ArrayList<>(List.of("127.0.0.1:2379"));

    @Option(names = "--debug", scope = ScopeType.INHERIT, arity = "0..1", fallbackValue = "true",
            converter = GoBoolConverter.class, paramLabel = "<bool>",
            description = "enable client-side debug logging")
    boolean debug;

    @Option(names = {"-w", "--write-out"}, scope = ScopeType.INHERIT, paramLabel = "<format>",
            completionCandidates = OutputFormatNames.class,
            description = "set the output format (fields, json, protobuf, simple, table)")
    String writeOut = "simple";

    @Option(names = "--hex", scope = ScopeType.INHERIT, arity = "0..1", fallbackValue = "true",
            converter = GoBoolConverter.class, paramLabel = "<bool>",
            description = "print byte strings as hex encoded strings")
    boolean hex;

    @Option(names = "--dial-timeout", scope = ScopeType.INHERIT, converter = GoDurationConverter.class,
            paramLabel = "<duration>", description = "dial timeout for client connections")
    Duration dialTimeout = Duration.ofSeconds(2);

    @Option(names = "--command-timeout", scope = ScopeType.INHERIT, converter = GoDurationConverter.class,
            paramLabel = "<duration>",
            description = "timeout for short running command (excluding dial timeout)")
    Duration commandTimeout = Duration.ofSeconds(5);

    @Option(names = "--keepalive-time", scope = ScopeType.INHERIT, converter = GoDurationConverter.class,
            paramLabel = "<duration>", description = "keepalive time for client connections")
    Duration keepaliveTime = Duration.ofSeconds(2);

    @Option(names = "--keepalive-timeout", scope = ScopeType.INHERIT, converter = GoDurationConverter.class,
            paramLabel = "<duration>", description = "keepalive timeout for client connections")
    Duration keepaliveTimeout = Duration.ofSeconds(6);

    @LineAddition(EtcdctlLine.Addition.MESSAGE_SIZE_LIMITS)
    @Option(names = "--max-request-bytes", scope = ScopeType.INHERIT, converter = GoInt64Converter.class,
            paramLabel = "<bytes>", description = "client-side request send limit in bytes (if 0, it defaults to "
                    + "2.0 MiB (2 * 1024 * 1024).)")
    long maxRequestBytes;

    @LineAddition(EtcdctlLine.Addition.MESSAGE_SIZE_LIMITS)
    @Option(names = "--max-recv-bytes", scope = ScopeType.INHERIT, converter = GoInt64Converter.class,
            paramLabel = "<bytes>", description = "client-side response receive limit in bytes (if 0, it defaults to "
                    + "\"math.MaxInt32\")")
    long maxRecvBytes;

    @Option(names = "--insecure-transport", scope = ScopeType.INHERIT, arity = "0..1", fallbackValue = "true",
            converter = GoBoolConverter.class, paramLabel = "<bool>",
            description = "disable transport security for client connections")
    boolean insecureTransport = true;

    @Option(names = "--insecure-discovery", scope = ScopeType.INHERIT, arity = "0..1", fallbackValue = "true",
            converter = GoBoolConverter.class, paramLabel = "<bool>",
            description = "accept insecure SRV records describing cluster endpoints")
    boolean insecureDiscovery = true;

    @Option(names = "--insecure-skip-tls-verify", scope = ScopeType.INHERIT, arity = "0..1",
            fallbackValue = "true", converter = GoBoolConverter.class, paramLabel = "<bool>",
            description = "skip server certificate verification (CAUTION: this option should be enabled only for "
                    + "testing purposes)")
    boolean insecureSkipTlsVerify;

    @Option(names = "--cert", scope = ScopeType.INHERIT, paramLabel = "<file>",
            description = "identify secure client using this TLS certificate file")
    String cert = "";

    @Option(names = "--key", scope = ScopeType.INHERIT, paramLabel = "<file>",
            description = "identify secure client using this TLS key file")
    String key = "";

    @Option(names = "--cacert", scope = ScopeType.INHERIT, paramLabel = "<file>",
            description = "verify certificates of TLS-enabled secure servers using this CA bundle")
    String cacert = "";

    @LineAddition(EtcdctlLine.Addition.AUTH_JWT_TOKEN)
    @Option(names = "--auth-jwt-token", scope = ScopeType.INHERIT, paramLabel = "<token>",
            description = "JWT token used for authentication (if this option is used, --user and --password should "
                    + "not be set)")
    String authJwtToken = "";

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "<user[:password]>",
            description = "username[:password] for authentication (prompt if password is not supplied)")
    String user = "";

    @Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "<password>",
            description = "password for authentication (if this option is used, --user option shouldn't include "
                    + "password)")
    String password = "";

    @Option(names = {"-d", "--discovery-srv"}, scope = ScopeType.INHERIT, paramLabel = "<domain>",
            description = "domain name to query for SRV records describing cluster endpoints")
    String discoverySrv = "";

    @Option(names = "--discovery-srv-name", scope = ScopeType.INHERIT, paramLabel = "<name>",
            description = "service name to query when using DNS discovery")
    String discoverySrvName = "";

    @Option(names = "--context", scope = ScopeType.INHERIT, paramLabel = "<name>",
            description = "use the connection settings of this named context (see 'jetcdctl context'); "
                    + "flags and ETCDCTL_* variables still take precedence; --context= selects none")
    String context = "";

    @Option(names = "--compat", scope = ScopeType.INHERIT, paramLabel = "<line>",
            converter = EtcdctlLineConverter.class,
            description = "reproduce the output of this etcdctl/etcdutl line: 3.5, 3.6 or 3.7 (else ETCDCTL_COMPAT, "
                    + "else the context's compat setting, else 3.6)")
    String compat = "";

    /** The endpoints after CSV splitting of every --endpoints value (pflag string-slice semantics). */
    public List<String> endpoints() {
        List<String> all = new ArrayList<>();
        for (String arg : endpointArgs) {
            all.addAll(CsvList.parse(arg));
        }
        return all;
    }

    public boolean debug() {
        return debug;
    }

    public String writeOut() {
        return writeOut;
    }

    public boolean hex() {
        return hex;
    }

    public Duration dialTimeout() {
        return dialTimeout;
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }

    public Duration keepaliveTime() {
        return keepaliveTime;
    }

    public Duration keepaliveTimeout() {
        return keepaliveTimeout;
    }

    public boolean insecureTransport() {
        return insecureTransport;
    }

    public boolean insecureSkipTlsVerify() {
        return insecureSkipTlsVerify;
    }

    public String cert() {
        return cert;
    }

    public String key() {
        return key;
    }

    public String cacert() {
        return cacert;
    }

    /** --max-request-bytes as given; 0 or less means the client's default. */
    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    public long maxRecvBytes() {
        return maxRecvBytes;
    }

    public String authJwtToken() {
        return authJwtToken;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String discoverySrv() {
        return discoverySrv;
    }

    public String discoverySrvName() {
        return discoverySrvName;
    }

    public boolean insecureDiscovery() {
        return insecureDiscovery;
    }

    /** The etcdctl line given by --compat (validated), else empty. */
    public String compat() {
        return compat;
    }

    /** The named context given by --context or ETCDCTL_CONTEXT; empty when neither names one. */
    public String context() {
        return context;
    }
}
