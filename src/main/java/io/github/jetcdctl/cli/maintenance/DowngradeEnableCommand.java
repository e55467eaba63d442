package io.github.jetcdctl.cli.maintenance;

import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.api.DowngradeRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code downgrade enable}: start a downgrade action to cluster. */
@Command(name = "enable", description = "Start a downgrade action to cluster")
public class DowngradeEnableCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<TARGET_VERSION>", description = "the version to downgrade to (major.minor)")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        DowngradeCalls.run(session(), DowngradeRequest.DowngradeAction.ENABLE, args, true);
    }
}
