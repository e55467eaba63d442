package io.github.jetcdctl.cli.maintenance;

import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.api.DowngradeRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code downgrade cancel}: cancel the ongoing downgrade action to cluster. */
@Command(name = "cancel", description = "Cancel the ongoing downgrade action to cluster")
public class DowngradeCancelCommand extends EtcdCommand {
    @Parameters(arity = "0..*", hidden = true, description = "ignored, as etcdctl ignores them")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        DowngradeCalls.run(session(), DowngradeRequest.DowngradeAction.CANCEL, args, false);
    }
}
