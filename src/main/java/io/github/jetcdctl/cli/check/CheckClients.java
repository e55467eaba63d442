package io.github.jetcdctl.cli.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.CompactionRequest;
import io.etcd.jetcd.api.DefragmentRequest;
import io.etcd.jetcd.api.DeleteRangeRequest;
import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.RangeRequest;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.Session;
import io.github.jetcdctl.client.ChannelPool;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.GrpcErrors;
import io.github.jetcdctl.client.KeyRanges;
import io.github.jetcdctl.output.CheckMessages;
import io.github.jetcdctl.output.GoQuote;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;

/**
 * The connections a check runs on (one per client of its load, as etcdctl opens one client each), and the
 * calls around the load: the empty-prefix check, the clean-up, compaction and defragmentation.
 */
final class CheckClients implements AutoCloseable {
    /** etcdctl's time limit for the clean-up of check perf, compaction and each defragmentation. */
    static final Duration AFTER_CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final int WARM_UP_CALLS = 200;

    private final EtcdConnection first;
    private final ChannelPool others;

    private CheckClients(EtcdConnection first, ChannelPool others) {
        this.first = first;
        this.others = others;
    }

    /** Connects {@code clients} connections (the session's own is the first) and waits until all are up. */
    static CheckClients open(Session session, int clients) {
        EtcdConnection first = session.connect();
        ChannelPool others = null;
        try {
            first.awaitConnected();
            others = ClientFactory.moreChannels(first, clients - 1);
            others.awaitConnected();
            return new CheckClients(first, others);
        } catch (RuntimeException e) {
            if (others != null) {
                others.close();
            }
            first.close();
            throw e;
        }
    }

    List<Channel> channels() {
        List<Channel> all = new ArrayList<>();
        all.add(first.channel());
        all.addAll(others.channels());
        return all;
    }

    ConnectionSettings settings() {
        return first.settings();
    }

    /**
     * Reads one key on every connection, all at once, in rounds until at least {@value #WARM_UP_CALLS} reads
     * are done, and waits for the answers. The first call on a connection and the first calls of their kind in
     * the JVM pay for set-up that has nothing to do with the cluster (streams, class loading, compilation,
     * which starts after a few hundred calls); a put measured in the load should not. The reads are of the
     * prefix as a single key, serializable: answered by the member alone, cheap however many keys and deleted
     * revisions lie under the prefix. etcdctl, a compiled program, needs no such warm-up; these reads are all it
     * adds, and they change nothing.
     */
    void warmUp(byte[] prefix) {
        List<Channel> channels = channels();
        int rounds = Math.max(1, (WARM_UP_CALLS + channels.size() - 1) / channels.size());
        RangeRequest request = RangeRequest.newBuilder()
                .setKey(ByteString.copyFrom(prefix))
                .setKeysOnly(true)
                .setSerializable(true)
                .build();
        for (int round = 0; round < rounds; round++) {
            List<Future<?>> answers = new ArrayList<>();
            for (Channel channel : channels) {
                answers.add(KVGrpc.newFutureStub(channel)
                        .withDeadlineAfter(first.settings().commandTimeout().toNanos(), TimeUnit.NANOSECONDS)
                        .range(request));
            }
            for (Future<?> answer : answers) {
                getUninterruptibly(answer);
            }
        }
    }

    /** etcdctl's refusal to run on a prefix that holds keys: exit code 3, naming the command that deletes them. */
    void requireNoKeys(byte[] prefix, String deleteCommand) {
        if (hasKeys(prefix)) {
            throw new CliException(ExitCodes.INVALID_INPUT, "prefix " + GoQuote.quote(prefix)
                    + " has keys. Delete with " + deleteCommand + " first");
        }
    }

    private boolean hasKeys(byte[] prefix) {
        RangeRequest request = RangeRequest.newBuilder()
                .setKey(ByteString.copyFrom(prefix))
                .setRangeEnd(ByteString.copyFrom(KeyRanges.prefixEnd(prefix)))
                .setLimit(1)
                .build();
        return EtcdConnection.call(() -> first.stub(KVGrpc::newBlockingStub).range(request)).getKvsCount() > 0;
    }

    /**
     * Deletes every key under the prefix and returns the revision of the deletion. It finishes even when a
     * signal interrupts the thread meanwhile (the keys must go); {@code timeout} null waits as long as it takes.
     * A failure is a {@link CliException} with etcdctl's error text and exit code 1.
     */
    long deletePrefix(byte[] prefix, Duration timeout) {
        DeleteRangeRequest request = DeleteRangeRequest.newBuilder()
                .setKey(ByteString.copyFrom(prefix))
                .setRangeEnd(ByteString.copyFrom(KeyRanges.prefixEnd(prefix)))
                .build();
        KVGrpc.KVFutureStub stub = first.stubWithoutDeadline(KVGrpc::newFutureStub);
        if (timeout != null) {
            stub = stub.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        DeleteRangeResponse response = getUninterruptibly(stub.deleteRange(request));
        return response.getHeader().getRevision();
    }

    /** etcdctl's physical compaction after a check, with its lines around it. */
    void compact(long revision, CheckMessages messages) {
        messages.compacting(revision);
        CompactionRequest request = CompactionRequest.newBuilder().setRevision(revision).setPhysical(true).build();
        EtcdConnection.call(() -> first.stubWithoutDeadline(KVGrpc::newBlockingStub)
                .withDeadlineAfter(AFTER_CHECK_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS).compact(request));
        messages.compacted(revision);
    }

    /** Defragments each endpoint in turn; the first failure ends the command with its error, as in etcdctl. */
    void defragmentEach(CheckMessages messages) {
        ConnectionSettings settings = first.settings();
        for (String endpoint : settings.endpoints()) {
            String target = endpoint.trim();
            messages.defragmenting(target);
            try (EtcdConnection connection = ClientFactory.connect(settings.withEndpoints(List.of(target)))) {
                EtcdConnection.call(() -> connection.stubWithoutDeadline(MaintenanceGrpc::newBlockingStub)
                        .withDeadlineAfter(AFTER_CHECK_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)
                        .defragment(DefragmentRequest.getDefaultInstance()));
            }
            messages.defragmented(target);
        }
    }

    private static <T> T getUninterruptibly(Future<T> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof StatusRuntimeException status) {
                        throw new CliException(ExitCodes.ERROR, GrpcErrors.message(status), status);
                    }
                    throw new CliException(ExitCodes.ERROR, String.valueOf(e.getCause()), e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        others.close();
        first.close();
    }
}
