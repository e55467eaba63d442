package io.github.jetcdctl.cli.maintenance;

import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.AlarmRequest;
import io.etcd.jetcd.api.AlarmResponse;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.github.jetcdctl.client.EtcdConnection;

/** The Alarm RPC as the alarm commands use it; alarm types travel as numbers (jetcd lacks CORRUPT). */
final class AlarmCalls {
    private AlarmCalls() {
    }

    /** Member 0 and type NONE ask for every alarm. */
    static AlarmResponse list(EtcdConnection connection) {
        return call(connection, AlarmRequest.newBuilder().setAction(AlarmRequest.AlarmAction.GET).build());
    }

    static AlarmResponse deactivate(EtcdConnection connection, AlarmMember alarm) {
        return call(connection, AlarmRequest.newBuilder().setAction(AlarmRequest.AlarmAction.DEACTIVATE)
                .setMemberID(alarm.getMemberID()).setAlarmValue(alarm.getAlarmValue()).build());
    }

    private static AlarmResponse call(EtcdConnection connection, AlarmRequest request) {
        return EtcdConnection.call(() -> connection.stub(MaintenanceGrpc::newBlockingStub).alarm(request));
    }
}
