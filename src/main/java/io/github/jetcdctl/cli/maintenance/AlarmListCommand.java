package io.github.jetcdctl.cli.maintenance;

import java.util.ArrayList;
import java.util.List;

import io.etcd.jetcd.api.AlarmResponse;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.EtcdConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code alarm list}: every active alarm of every member. */
@Command(name = "list", description = "Lists all alarms")
public class AlarmListCommand extends EtcdCommand {
    @Parameters(arity = "0..*", hidden = true, description = "rejected, as etcdctl rejects them")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        if (!args.isEmpty()) {
            throw CliException.badArgs("alarm list command accepts no arguments");
        }
        try (EtcdConnection connection = session().connect()) {
            AlarmResponse response = AlarmCalls.list(connection);
            session().printer().alarm(response);
        }
    }
}
