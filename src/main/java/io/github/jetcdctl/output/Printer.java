package io.github.jetcdctl.output;

import java.util.List;

import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;
import io.github.jetcdctl.snapshot.SnapshotStatus;
import io.etcd.jetcd.api.AlarmResponse;
import io.etcd.jetcd.api.MemberAddResponse;
import io.etcd.jetcd.api.MemberPromoteResponse;
import io.etcd.jetcd.api.MemberRemoveResponse;
import io.etcd.jetcd.api.MemberUpdateResponse;
import io.etcd.jetcd.api.MoveLeaderResponse;

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

    /** {@code peerUrlsFlag} is --peer-urls as typed; the simple format echoes it for the new member's config. */
    default void memberAdd(MemberAddResponse response, String newMemberName, String peerUrlsFlag) {
        throw format().unsupported();
    }

    default void memberRemove(long id, MemberRemoveResponse response) {
        throw format().unsupported();
    }

    default void memberUpdate(long id, MemberUpdateResponse response) {
        throw format().unsupported();
    }

    default void memberPromote(long id, MemberPromoteResponse response) {
        throw format().unsupported();
    }

    /** Alarm list and disarm; a disarm response has no header, as etcdctl builds it from several calls. */
    default void alarm(AlarmResponse response) {
        throw format().unsupported();
    }

    default void moveLeader(long leader, long target, MoveLeaderResponse response) {
        throw format().unsupported();
    }

    default void snapshotStatus(SnapshotStatus status) {
        throw format().unsupported();
    }
}
