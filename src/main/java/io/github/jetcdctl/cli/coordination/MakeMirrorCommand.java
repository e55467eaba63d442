package io.github.jetcdctl.cli.coordination;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.Credentials;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.cli.gosyntax.GoInt64Converter;
import io.github.jetcdctl.cli.gosyntax.GoUint64Converter;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.help.LineAddition;
import io.github.jetcdctl.output.EtcdctlLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code make-mirror [options] <destination>}: copies the keys under a prefix to another cluster, then
 * keeps applying every change, printing the number of mirrored keys and events every 30 seconds. From etcdctl 3.6,
 * {@code --rev} starts from a revision's changes instead of the copy, and {@code --max-txn-ops} splits a revision's
 * changes into transactions of at most that many operations.
 */
@Command(name = "make-mirror", customSynopsis = "make-mirror [options] <destination>",
        description = "Makes a mirror at the destination etcd cluster")
public class MakeMirrorCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<destination>", description = "an endpoint of the destination cluster")
    List<String> args = new ArrayList<>();

    @Option(names = "--prefix", paramLabel = "<prefix>", description = "Key-value prefix to mirror")
    String prefix = "";

    @LineAddition(EtcdctlLine.Addition.MAKE_MIRROR_REV_AND_TXN_OPS)
    @Option(names = "--rev", converter = GoInt64Converter.class, paramLabel = "<revision>",
            description = "Specify the kv revision to start to mirror")
    long rev;

    @LineAddition(EtcdctlLine.Addition.MAKE_MIRROR_REV_AND_TXN_OPS)
    @Option(names = "--max-txn-ops", converter = GoUint64Converter.class, paramLabel = "<n>",
            description = "Maximum number of operations permitted in a transaction during syncing updates. "
                    + "(default 128)")
    long maxTxnOps = 128;

    @Option(names = "--dest-prefix", paramLabel = "<prefix>",
            description = "destination prefix to mirror a prefix to a different prefix in the destination cluster")
    String destPrefix = "";

    @Option(names = "--no-dest-prefix", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "mirror key-values to the root of the destination cluster")
    boolean noDestPrefix;

    @Option(names = "--dest-cert", paramLabel = "<file>",
            description = "Identify secure client using this TLS certificate file for the destination cluster")
    String destCert = "";

    @Option(names = "--dest-key", paramLabel = "<file>", description = "Identify secure client using this TLS key file")
    String destKey = "";

    @Option(names = "--dest-cacert", paramLabel = "<file>",
            description = "Verify certificates of TLS enabled secure servers using this CA bundle")
    String destCacert = "";

    @Option(names = "--dest-insecure-transport", arity = "0..1", fallbackValue = "true",
            converter = GoBoolConverter.class, description = "Disable transport security for client connections "
                    + "(default true)")
    boolean destInsecureTransport = true;

    @Option(names = "--dest-user", paramLabel = "<user[:password]>",
            description = "Destination username[:password] for authentication (prompt if password is not supplied)")
    String destUser = "";

    @Option(names = "--dest-password", paramLabel = "<password>",
            description = "Destination password for authentication (if this option is used, --user option "
                    + "shouldn't include password)")
    String destPassword = "";

    @Override
    protected void run() {
        if (args.size() != 1) {
            throw CliException.badArgs("make-mirror takes one destination argument");
        }
        ConnectionSettings source = session().connectionSettings();
        Credentials destLogin = destinationCredentials();
        ConnectionSettings destination = new ConnectionSettings(List.of(args.get(0)), source.dialTimeout(),
                source.commandTimeout(), source.keepaliveTime(), source.keepaliveTimeout(), destInsecureTransport,
                false, destCacert, destCert, destKey, destLogin.user(), destLogin.password())
                .withMessageLimits(source.messageLimits());
        try (EtcdConnection to = ClientFactory.connect(destination);
                EtcdConnection from = session().connect()) {
            if (noDestPrefix && !destPrefix.isEmpty()) {
                throw CliException.badArgs("`--dest-prefix` and `--no-dest-prefix` cannot be set at the same time, "
                        + "choose one");
            }
            // etcdctl starts from --rev without copying the keys, and then keeps --dest-prefix as given: without it,
            // the prefix is cut off the mirrored keys (what --no-dest-prefix does)
            long startRevision = Math.max(0, rev - 1);
            String target = noDestPrefix || !destPrefix.isEmpty() || startRevision != 0 ? destPrefix : prefix;
            new Mirror(from, to, session(), prefix, target, maxTxnOps).run(startRevision);
        } catch (InterruptedException e) {
            throw new CliException(130, null);
        }
    }

    private Credentials destinationCredentials() {
        if (destUser.isEmpty()) {
            return Credentials.NONE;
        }
        if (!destPassword.isEmpty()) {
            return new Credentials(destUser, destPassword);
        }
        int colon = destUser.indexOf(':');
        if (colon >= 0) {
            return new Credentials(destUser.substring(0, colon), destUser.substring(colon + 1));
        }
        try {
            return new Credentials(destUser, session().passwords().ask("Destination Password: "));
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, e.getMessage(), e);
        }
    }
}
