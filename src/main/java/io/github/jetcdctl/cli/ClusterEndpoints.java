package io.github.jetcdctl.cli;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.ClusterGrpc;
import io.etcd.jetcd.api.Member;
import io.etcd.jetcd.api.MemberListResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.Requests;

/** The endpoints a {@code --cluster} command visits: every member's client URLs, in member-list order. */
public final class ClusterEndpoints {
    private ClusterEndpoints() {
    }

    /** Asked without credentials, as etcdctl does, so that no password is needed for the member list. */
    public static List<String> fromMemberList(ConnectionSettings settings) {
        try (EtcdConnection connection = ClientFactory.connect(settings.withoutCredentials())) {
            MemberListResponse members = EtcdConnection.call(() -> connection.stub(ClusterGrpc::newBlockingStub)
                    .memberList(Requests.linearizableMemberList()));
            List<String> urls = new ArrayList<>();
            for (Member m : members.getMembersList()) {
                urls.addAll(m.getClientURLsList());
            }
            return urls;
        } catch (CliException e) {
            throw new CliException(ExitCodes.ERROR,
                    "failed to fetch endpoints from etcd cluster member list: " + e.getMessage(), e);
        }
    }
}
