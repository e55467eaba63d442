package io.github.jetcdctl.output;

import java.util.List;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.LeaseGrantResponse;
import io.etcd.jetcd.api.LeaseKeepAliveResponse;
import io.etcd.jetcd.api.LeaseRevokeResponse;
import io.etcd.jetcd.api.LeaseTimeToLiveResponse;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.TxnResponse;

/**
 * Prints command results in one --write-out format. Commands hand over the raw etcd responses and never
 * format text themselves. A format that etcdctl does not offer for a response fails, after the RPC, with
 * {@code <format> not supported as output format} (exit 4), as etcdctl does.
 */
public interface Printer {
    OutputFormat format();

    /** {@code valueOnly} is get's --print-value-only; only the simple format honours it. */
    default void get(RangeResponse response, boolean valueOnly) {
        throw format().unsupported();
    }

    default void put(PutResponse response) {
        throw format().unsupported();
    }

    default void del(DeleteRangeResponse response) {
        throw format().unsupported();
    }

    default void memberList(MemberListResponse response) {
        throw format().unsupported();
    }

    default void endpointHealth(List<EndpointHealth> results) {
        throw format().unsupported();
    }

    default void endpointStatus(List<EndpointStatus> results) {
        throw format().unsupported();
    }

    default void endpointHash(List<EndpointHash> results) {
        throw format().unsupported();
    }

    static Printer create(OutputFormat format, Output out, java.io.PrintStream err, boolean hex) {
        return switch (format) {
            case SIMPLE -> new SimplePrinter(out, err, hex);
            case JSON -> new JsonPrinter(out, hex);
            case FIELDS -> new FieldsPrinter(out);
            case PROTOBUF -> new ProtobufPrinter(out);
            case TABLE -> new TablePrinter(out);
        };
    }

    default void txn(TxnResponse response) {
        throw format().unsupported();
    }

    default void leaseGrant(LeaseGrantResponse response) {
        throw format().unsupported();
    }

    default void leaseRevoke(long leaseId, LeaseRevokeResponse response) {
        throw format().unsupported();
    }

    default void leaseTimeToLive(LeaseTimeToLiveResponse response, boolean withKeys) {
        throw format().unsupported();
    }

    default void leaseList(ResponseHeader header, List<Long> leaseIds) {
        throw format().unsupported();
    }

    default void leaseKeepAlive(LeaseKeepAliveResponse response) {
        throw format().unsupported();
    }

    /** keep-alive stopped because the lease expired or was revoked; only the simple format says so. */
    default void leaseKeepAliveEnded(long leaseId) {
    }
}
