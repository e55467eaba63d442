package io.github.jetcdctl.cli.coordination;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.WatchCreateRequest;
import io.etcd.jetcd.api.WatchResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.Session;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.KeyRanges;
import io.github.jetcdctl.client.ResumingWatch;
import io.github.jetcdctl.output.Printer;

/**
 * {@code elect -l}: follows the election's leader key on the client side, as etcdctl's observer does, so
 * that each printed response is the one etcdctl prints (a found leader without count, later changes of
 * that leader with the count of the first lookup).
 */
final class ElectionObserver {
    private final EtcdConnection connection;
    private final Session session;
    private final byte[] keyPrefix;

    ElectionObserver(EtcdConnection connection, Session session, byte[] electionName) {
        this.connection = connection;
        this.session = session;
        byte[] prefix = new byte[electionName.length + 1];
        System.arraycopy(electionName, 0, prefix, 0, electionName.length);
        prefix[electionName.length] = '/';
        this.keyPrefix = prefix;
    }

    /** Prints leaders until interrupted (exit 0); a failed lookup or watch is etcdctl's "observer lost". */
    void printUntilInterrupted() {
        Printer printer = session.printer();
        try {
            while (true) {
                RangeResponse first = EtcdConnection.call(() -> connection.stub(KVGrpc::newBlockingStub)
                        .range(RangeRequest.newBuilder()
                                .setKey(ByteString.copyFrom(keyPrefix))
                                .setRangeEnd(ByteString.copyFrom(KeyRanges.prefixEnd(keyPrefix)))
                                .setSortTarget(RangeRequest.SortTarget.CREATE)
                                .setSortOrder(RangeRequest.SortOrder.ASCEND)
                                .setLimit(1)
                                .build()));
                RangeResponse leader = first.getKvsCount() > 0
                        ? RangeResponse.newBuilder().setHeader(first.getHeader()).addKvs(first.getKvs(0)).build()
                        : firstPut(first.getHeader().getRevision());
                print(printer, leader);
                followUntilDeleted(printer, first, leader);
            }
        } catch (InterruptedException e) {
            return;
        } catch (CliException e) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            throw new CliException(ExitCodes.ERROR, "elect: observer lost");
        }
    }

    private RangeResponse firstPut(long revision) throws InterruptedException {
        WatchCreateRequest request = WatchCreateRequest.newBuilder()
                .setKey(ByteString.copyFrom(keyPrefix))
                .setRangeEnd(ByteString.copyFrom(KeyRanges.prefixEnd(keyPrefix)))
                .setStartRevision(revision)
                .build();
        try (ResumingWatch watch = new ResumingWatch(connection, request)) {
            watch.start();
            while (true) {
                WatchResponse response = next(watch);
                for (Event event : response.getEventsList()) {
                    if (event.getType() == Event.EventType.PUT) {
                        KeyValue kv = event.getKv();
                        return RangeResponse.newBuilder()
                                .setHeader(response.getHeader().toBuilder().setRevision(kv.getModRevision()))
                                .addKvs(kv).build();
                    }
                }
            }
        }
    }

    private void followUntilDeleted(Printer printer, RangeResponse first, RangeResponse leader)
            throws InterruptedException {
        KeyValue kv = leader.getKvs(0);
        WatchCreateRequest request = WatchCreateRequest.newBuilder()
                .setKey(kv.getKey())
                .setStartRevision(leader.getHeader().getRevision() + 1)
                .build();
        try (ResumingWatch watch = new ResumingWatch(connection, request)) {
            watch.start();
            while (true) {
                WatchResponse response = next(watch);
                for (Event event : response.getEventsList()) {
                    if (event.getType() == Event.EventType.DELETE) {
                        return;
                    }
                    print(printer, first.toBuilder().setHeader(response.getHeader())
                            .clearKvs().addKvs(event.getKv()).build());
                }
            }
        }
    }

    private static WatchResponse next(ResumingWatch watch) throws InterruptedException {
        ResumingWatch.Item item = watch.next();
        if (item.isEnd()) {
            throw new CliException(ExitCodes.ERROR, "elect: observer lost");
        }
        return item.response();
    }

    private void print(Printer printer, RangeResponse response) {
        printer.get(response, false);
        session.out().flush();
    }
}
