package io.github.jetcdctl.cli.cluster;

import java.util.List;
import java.util.Set;

import io.github.jetcdctl.cli.ClusterEndpoints;
import io.github.jetcdctl.cli.EnvironmentOverlay;
import io.github.jetcdctl.cli.GroupCommand;
import io.github.jetcdctl.cli.Session;
import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import io.github.jetcdctl.cli.gosyntax.GoBooleans;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code endpoint}: per-endpoint health, status and hash; {@code --cluster} means every member. */
@Command(name = "endpoint", description = "Endpoint related commands",
        subcommands = {EndpointHealthCommand.class, EndpointStatusCommand.class, EndpointHashKvCommand.class})
public class EndpointCommand extends GroupCommand {
    @Option(names = "--cluster", scope = ScopeType.INHERIT, arity = "0..1", fallbackValue = "true",
            converter = GoBoolConverter.class,
            description = "use all endpoints from the cluster member list")
    boolean cluster;

    /**
     * The endpoints to visit, in order: --endpoints as given, or with --cluster the client URLs of every
     * member, asked without credentials as etcdctl does (through the --discovery-srv endpoints if given).
     *
     * @param formatFirst whether {@code -w} is checked before the TLS flags, and --discovery-srv looked up only
     *                    for --cluster: etcdctl 3.5's {@code endpoint health} does so; {@code endpoint status} and
     *                    {@code hashkv} build their client first, so they look the domain up and check the TLS
     *                    flags before all else
     */
    List<String> targets(Session session, boolean formatFirst) {
        session.applyEnvironment(Set.of(), List.of(new EnvironmentOverlay.Binding("ETCDCTL_CLUSTER", "--cluster",
                v -> cluster = GoBooleans.parse(v))));
        if (formatFirst) {
            session.outputFormat();
            session.connectionSettingsForGivenEndpoints();
        } else {
            session.connectionSettings();
            session.outputFormat();
        }
        if (!cluster) {
            return session.options().endpoints();
        }
        return ClusterEndpoints.fromMemberList(session.connectionSettings());
    }
}
