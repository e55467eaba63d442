package io.github.jetcdctl.cli.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.AlarmRequest;
import io.etcd.jetcd.api.AlarmResponse;
import io.etcd.jetcd.api.KVGrpc;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.etcd.jetcd.api.RangeRequest;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.cli.IgnoredArguments;
import io.github.jetcdctl.client.ClientFactory;
import io.github.jetcdctl.client.ConnectionSettings;
import io.github.jetcdctl.client.EtcdConnection;
import io.github.jetcdctl.output.EndpointHealth;
import io.github.jetcdctl.output.GoDuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code endpoint health}: a linearizable read of key "health" on each endpoint, concurrently, each on its
 * own connection, reported in completion order; an active alarm also makes an endpoint unhealthy.
 */
@Command(name = "health", description = "Checks the healthiness of endpoints specified in `--endpoints` flag")
public class EndpointHealthCommand extends EtcdCommand {
    @Mixin
    IgnoredArguments extraWords;

    @ParentCommand
    EndpointCommand endpoint;

    @Override
    protected void run() throws InterruptedException {
        List<String> targets = endpoint.targets(session(), !session().line().endpointHealthLooksUpTheDomain());
        var printer = session().printer();
        ConnectionSettings settings = session().connectionSettingsForGivenEndpoints();
        List<EndpointHealth> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, targets.size()), r -> {
            Thread t = new Thread(r, "endpoint-health");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<EndpointHealth> done = new ExecutorCompletionService<>(pool);
            for (String target : targets) {
                done.submit(() -> check(target, settings));
            }
            for (int i = 0; i < targets.size(); i++) {
                results.add(done.take().get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        printer.endpointHealth(results);
        if (results.stream().anyMatch(h -> !h.error().isEmpty())) {
            throw new CliException(ExitCodes.ERROR, "unhealthy cluster");
        }
    }

    private static EndpointHealth check(String target, ConnectionSettings settings) {
        long start = System.nanoTime();
        try (EtcdConnection connection = ClientFactory.connect(settings.withEndpoints(List.of(target)))) {
            connection.awaitConnected();
            start = System.nanoTime();
            String error = "";
            try {
                EtcdConnection.call(() -> connection.stub(KVGrpc::newBlockingStub)
                        .range(RangeRequest.newBuilder().setKey(ByteString.copyFromUtf8("health")).build()));
            } catch (CliException e) {
                if (!"etcdserver: permission denied".equals(e.getMessage())) {
                    error = e.getMessage();
                }
            }
            String took = GoDuration.format(System.nanoTime() - start);
            if (error.isEmpty()) {
                error = alarmError(connection);
            }
            return new EndpointHealth(target, error.isEmpty(), took, error);
        } catch (CliException e) {
            return new EndpointHealth(target, false, GoDuration.format(System.nanoTime() - start),
                    e.getMessage());
        }
    }

    private static String alarmError(EtcdConnection connection) {
        AlarmResponse alarms;
        try {
            alarms = EtcdConnection.call(() -> connection.stub(MaintenanceGrpc::newBlockingStub)
                    .alarm(AlarmRequest.newBuilder().setAction(AlarmRequest.AlarmAction.GET).build()));
        } catch (CliException e) {
            return "Unable to fetch the alarm list";
        }
        if (alarms.getAlarmsCount() == 0) {
            return "";
        }
        StringBuilder error = new StringBuilder("Active Alarm(s): ");
        for (AlarmMember alarm : alarms.getAlarmsList()) {
            error.append(switch (alarm.getAlarmValue()) {
                case 1 -> "NOSPACE ";
                case 2 -> "CORRUPT ";
                default -> "UNKNOWN ";
            });
        }
        return error.toString();
    }
}
