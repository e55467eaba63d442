package io.github.jetcdctl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.etcd.jetcd.api.ClusterGrpc;
import io.etcd.jetcd.api.Member;
import io.etcd.jetcd.api.MemberListResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.client.Requests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code endpoint}: per-endpoint health, status and hash; {@code --cluster} means every member. */
@Command(name = "endpoint", description = "Endpoint related commands",
        subcommands = {EndpointHealthCommand.class, EndpointStatusCommand.class, EndpointHashKvCommand.class})
public class EndpointCommand extends GroupCommand {
    @Option(names = "--cluster", scope = ScopeType.INHERIT, arity = "0..1", fallbackValue = "true",
            converter = GoBoolConverter.class,
            description = "use all endpoints from the cluster member list (also ETCDCTL_CLUSTER)")
    boolean cluster;

    /**
     * The endpoints to visit, in order: --endpoints as given, or with --cluster the client URLs of every
     * member, asked without credentials as etcdctl does.
     */
    List<String> targets(Session session) {
        session.applyEnvironment(Set.of(), List.of(new EnvironmentOverlay.Binding("ETCDCTL_CLUSTER", "--cluster",
                v -> cluster = GoBooleans.parse(v))));
        session.outputFormat();
        ConnectionSettings settings = session.connectionSettings();
        if (!cluster) {
            return settings.endpoints();
        }
        ConnectionSettings anonymous = settings.withoutCredentials();
        try (EtcdConnection connection = ClientFactory.connect(anonymous)) {
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
