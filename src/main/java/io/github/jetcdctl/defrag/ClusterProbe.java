package io.github.jetcdctl.defrag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.AlarmRequest;
import io.etcd.jetcd.api.ClusterGrpc;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.Member;
import io.etcd.jetcd.api.RangeRequest;
import io.github.jetcdctl.client.api.StatusRequest;
import io.github.jetcdctl.client.api.StatusResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.Requests;
import io.github.jetcdctl.space.BackendQuota;
import io.github.jetcdctl.space.DbSpace;

/**
 * Looks at every member of the cluster, each on its own connection: its status (db size, space in use, who
 * leads), a read of key "health" (linearizable, as {@code endpoint health} does; serializable on a learner, which
 * refuses linearizable reads), its quota, and the cluster's alarms. CORRUPT and unknown alarms make a member
 * unhealthy; NOSPACE does not.
 */
public final class ClusterProbe {
    private static final int NOSPACE = 1;

    private final ConnectionSettings settings;
    private final long quotaFlag;

    public ClusterProbe(ConnectionSettings settings, long quotaFlag) {
        this.settings = settings;
        this.quotaFlag = quotaFlag;
    }

    /** The members in member-list order; failing to get the list at all is a CliException. */
    public List<Member> members() {
        try (EtcdConnection connection = ClientFactory.connect(settings)) {
            return EtcdConnection.call(() -> connection.stub(ClusterGrpc::newBlockingStub)
                    .memberList(Requests.linearizableMemberList())).getMembersList();
        }
    }

    /** Every member checked, in member-list order. */
    public List<MemberCheck> checkAll() {
        List<Member> members = members();
        List<AlarmMember> alarms = alarmsIfAny();
        List<MemberCheck> checks = new ArrayList<>();
        for (Member m : members) {
            checks.add(check(m, alarms));
        }
        return checks;
    }

    /** One member checked again, by id (after its defragmentation). */
    public MemberCheck check(long memberId) {
        for (Member m : members()) {
            if (m.getID() == memberId) {
                return check(m, alarmsIfAny());
            }
        }
        throw new CliException(1, "member " + Long.toHexString(memberId) + " is no longer in the member list");
    }

    /** The cluster's alarms; a CliException when no member answers. */
    public List<AlarmMember> alarms() {
        try (EtcdConnection connection = ClientFactory.connect(settings)) {
            return EtcdConnection.call(() -> connection.stub(MaintenanceGrpc::newBlockingStub).alarm(
                    AlarmRequest.newBuilder().setAction(AlarmRequest.AlarmAction.GET).build())).getAlarmsList();
        }
    }

    private List<AlarmMember> alarmsIfAny() {
        try {
            return alarms();
        } catch (CliException e) {
            return List.of(); // the per-member checks report what is unreachable
        }
    }

    private MemberCheck check(Member m, List<AlarmMember> alarms) {
        String endpoint = m.getClientURLsCount() == 0 ? "" : m.getClientURLs(0);
        boolean nospace = false;
        Set<String> otherAlarms = new HashSet<>();
        for (AlarmMember a : alarms) {
            if (a.getMemberID() == m.getID()) {
                if (a.getAlarmValue() == NOSPACE) {
                    nospace = true;
                } else {
                    otherAlarms.add(a.getAlarmValue() == 2 ? "CORRUPT" : "alarm " + a.getAlarmValue());
                }
            }
        }
        if (endpoint.isEmpty()) {
            return unhealthy(m, endpoint, "no client URL (not started yet?)", nospace);
        }
        try (EtcdConnection connection = ClientFactory.connect(settings.withEndpoints(List.of(endpoint)))) {
            StatusResponse status = EtcdConnection.call(() -> connection.stub(io.github.jetcdctl.client.api.MaintenanceGrpc::newBlockingStub)
                    .status(StatusRequest.getDefaultInstance()));
            RangeRequest health = RangeRequest.newBuilder().setKey(ByteString.copyFromUtf8("health"))
                    .setSerializable(m.getIsLearner()).build();
            EtcdConnection.call(() -> connection.stub(KVGrpc::newBlockingStub).range(health));
            BackendQuota quota = BackendQuota.of(status, endpoint, settings, quotaFlag);
            String problem = "";
            if (status.getLeader() == 0) {
                problem = "no leader";
            } else if (!otherAlarms.isEmpty()) {
                problem = String.join(", ", otherAlarms) + " alarm";
            }
            return new MemberCheck(m.getID(), m.getName(), endpoint, m.getIsLearner(),
                    status.getLeader() == status.getHeader().getMemberId(), problem.isEmpty(), problem,
                    new DbSpace(status.getDbSize(), status.getDbSizeInUse(), quota, List.of()), nospace);
        } catch (CliException e) {
            return unhealthy(m, endpoint, e.getMessage(), nospace);
        }
    }

    private static MemberCheck unhealthy(Member m, String endpoint, String problem, boolean nospace) {
        return new MemberCheck(m.getID(), m.getName(), endpoint, m.getIsLearner(), false, false, problem,
                new DbSpace(0, 0, BackendQuota.UNKNOWN, List.of()), nospace);
    }
}
