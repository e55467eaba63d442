package io.github.jetcdctl.space;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.AlarmRequest;
import io.etcd.jetcd.api.AlarmResponse;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.ResponseHeader;
import io.github.jetcdctl.client.api.StatusRequest;
import io.github.jetcdctl.client.api.StatusResponse;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.KeyRanges;
import io.github.jetcdctl.client.RangeScan;

/**
 * The space report of a running cluster, from the member at the first endpoint: its status, quota and the
 * cluster's alarms, then the range streamed page by page at one revision (memory stays flat whatever its size).
 */
public final class LiveSpaceScan {
    /**
     * Pages of about 16 MiB: decoded as they arrive ({@link RangeScan}), a page costs gRPC's buffer of it, not
     * the heap, and fewer pages mean fewer walks of the rest of the range (etcd counts it for every page).
     */
    static final long PAGE_BYTES = 16L << 20;
    private LiveSpaceScan() {
    }

    /** The status of the member at the endpoint; its db figures are what the report adds up against. */
    public static StatusResponse status(EtcdConnection connection) {
        return EtcdConnection.call(() -> connection.stub(io.github.jetcdctl.client.api.MaintenanceGrpc::newBlockingStub)
                .status(StatusRequest.getDefaultInstance()));
    }

    /** Every active alarm of the cluster, as {@code NOSPACE on member <id>}. */
    public static List<String> alarms(EtcdConnection connection) {
        AlarmResponse response = EtcdConnection.call(() -> connection.stub(MaintenanceGrpc::newBlockingStub)
                .alarm(AlarmRequest.newBuilder().setAction(AlarmRequest.AlarmAction.GET).build()));
        List<String> alarms = new ArrayList<>();
        for (AlarmMember alarm : response.getAlarmsList()) {
            alarms.add(alarmName(alarm.getAlarmValue()) + " on member " + Long.toHexString(alarm.getMemberID()));
        }
        return alarms;
    }

    /** etcd's AlarmType names by number (jetcd's enum lacks CORRUPT). */
    static String alarmName(int type) {
        return switch (type) {
            case 1 -> "NOSPACE";
            case 2 -> "CORRUPT";
            default -> "ALARM(" + type + ")";
        };
    }

    public static SpaceReport run(ConnectionSettings settings, byte[] prefix, SpaceTally tally,
            SpaceReport.Order order, long quotaFlag) {
        if (settings.endpoints().isEmpty()) {
            throw new io.github.jetcdctl.CliException(io.github.jetcdctl.ExitCodes.BAD_CONNECTION, "no endpoints");
        }
        String endpoint = settings.endpoints().get(0);
        try (EtcdConnection connection = ClientFactory.connect(settings.withEndpoints(List.of(endpoint)))) {
            StatusResponse status = status(connection);
            BackendQuota quota = BackendQuota.of(status, endpoint, settings, quotaFlag);
            DbSpace db = new DbSpace(status.getDbSize(), status.getDbSizeInUse(), quota, alarms(connection));
            byte[][] range = KeyRanges.expand(prefix, true);
            RangeRequest request = RangeRequest.newBuilder().setKey(ByteString.copyFrom(range[0]))
                    .setRangeEnd(ByteString.copyFrom(range[1])).build();
            ResponseHeader header = RangeScan.scan(connection, request, PAGE_BYTES, kv -> tally.current(
                    kv.getKey().toByteArray(), kv.getValue().size(), SpaceTally.storageOf(kv.getValue())));
            return SpaceReport.of(endpoint, status.getHeader().getMemberId(), false, header.getRevision(),
                    0, tally, order, db);
        }
    }
}
