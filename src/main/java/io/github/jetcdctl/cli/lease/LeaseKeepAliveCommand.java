package io.github.jetcdctl.cli.lease;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.LeaseKeepAliveResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.GrpcErrors;
import io.github.jetcdctl.client.KeepAliveStream;
import io.github.jetcdctl.output.Printer;
import io.grpc.StatusRuntimeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lease keep-alive [--once] <leaseID>}: renews the lease about every third of its TTL, printing
 * each renewal as it comes, until the lease expires or is revoked (or the process is interrupted).
 */
@Command(name = "keep-alive", customSynopsis = "keep-alive [options] <leaseID>",
        description = "Keeps leases alive (renew)")
public class LeaseKeepAliveCommand extends EtcdCommand {
    /** clientv3 waits this long for the first answer when there is no dial timeout. */
    private static final Duration DEFAULT_FIRST_WAIT = Duration.ofSeconds(5);

    @Parameters(arity = "0..*", paramLabel = "<leaseID>", description = "the lease ID in hexadecimal")
    List<String> args = new ArrayList<>();

    @Option(names = "--once", arity = "0..1", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "Resets the keep-alive time to its original value and exits immediately")
    boolean once;

    @Override
    protected void run() throws InterruptedException {
        if (args.size() != 1) {
            throw CliException.badArgs("lease keep-alive command needs lease ID as argument");
        }
        long leaseId = LeaseIds.parse(args.get(0));
        try (EtcdConnection connection = session().connect()) {
            Printer printer = session().printer();
            if (once) {
                printer.leaseKeepAlive(keepAliveOnce(connection, leaseId));
            } else {
                keepAliveUntilExpired(connection, leaseId, printer);
            }
        }
    }

    private static LeaseKeepAliveResponse keepAliveOnce(EtcdConnection connection, long leaseId)
            throws InterruptedException {
        LeaseKeepAliveResponse response;
        try (KeepAliveStream stream = new KeepAliveStream(connection)) {
            response = stream.keepAlive(leaseId, Duration.ofNanos(Long.MAX_VALUE));
        } catch (StatusRuntimeException e) {
            throw new CliException(ExitCodes.BAD_CONNECTION, GrpcErrors.message(e), e);
        } catch (CliException e) {
            throw new CliException(ExitCodes.BAD_CONNECTION, e.getMessage(), e);
        }
        if (response.getTTL() <= 0) {
            throw new CliException(ExitCodes.BAD_CONNECTION, "etcdserver: requested lease not found");
        }
        return response;
    }

    /**
     * Like clientv3's lessor: the next renewal goes out a third of the TTL after an answer, and the lease
     * counts as gone when the server answers with TTL 0 or says nothing before the last TTL runs out.
     * etcdctl ends the same way, with exit status 0, when it cannot reach the server.
     */
    private void keepAliveUntilExpired(EtcdConnection connection, long leaseId, Printer printer)
            throws InterruptedException {
        Duration dialTimeout = connection.settings().dialTimeout();
        long deadline = System.nanoTime()
                + (dialTimeout.isZero() ? DEFAULT_FIRST_WAIT : dialTimeout.plusSeconds(1)).toNanos();
        try (KeepAliveStream stream = openQuietly(connection)) {
            while (stream != null) {
                LeaseKeepAliveResponse response = renew(stream, leaseId, deadline);
                if (response == null || response.getTTL() <= 0) {
                    break;
                }
                printer.leaseKeepAlive(response);
                session().out().flush();
                deadline = System.nanoTime() + Duration.ofSeconds(response.getTTL()).toNanos();
                Thread.sleep(Duration.ofSeconds(response.getTTL()).dividedBy(3).toMillis());
            }
        }
        printer.leaseKeepAliveEnded(leaseId);
    }

    private static KeepAliveStream openQuietly(EtcdConnection connection) {
        try {
            return new KeepAliveStream(connection);
        } catch (CliException e) {
            return null;
        }
    }

    private static LeaseKeepAliveResponse renew(KeepAliveStream stream, long leaseId, long deadline)
            throws InterruptedException {
        try {
            return stream.keepAlive(leaseId, Duration.ofNanos(deadline - System.nanoTime()));
        } catch (StatusRuntimeException e) {
            return null;
        }
    }
}
