package io.github.jetcdctl.cli.maintenance;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.AlarmResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code alarm disarm}: lists the alarms, then deactivates each one. Like etcd's client, the result holds
 * the alarms the deactivations returned and no header.
 */
@Command(name = "disarm", description = "Disarms all alarms")
public class AlarmDisarmCommand extends EtcdCommand {
    @Parameters(arity = "0..*", hidden = true, description = "rejected, as etcdctl rejects them")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (!args.isEmpty()) {
            throw CliException.badArgs("alarm disarm command accepts no arguments");
        }
        try (EtcdConnection connection = session().connect()) {
            AlarmResponse.Builder disarmed = AlarmResponse.newBuilder();
            for (AlarmMember alarm : AlarmCalls.list(connection).getAlarmsList()) {
                disarmed.addAllAlarms(AlarmCalls.deactivate(connection, alarm).getAlarmsList());
            }
            session().printer().alarm(disarmed.build());
        }
    }
}
