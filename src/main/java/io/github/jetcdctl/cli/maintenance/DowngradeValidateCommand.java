package io.github.jetcdctl.cli.maintenance;

import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.cli.EtcdCommand;
import io.github.jetcdctl.client.api.DowngradeRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code downgrade validate}: validate downgrade capability before starting downgrade. */
@Command(name = "validate", description = "Validate downgrade capability before starting downgrade")
public class DowngradeValidateCommand extends EtcdCommand {
    @Parameters(arity = "0..*", paramLabel = "<TARGET_VERSION>", description = "the version to downgrade to (major.minor)")
    List<String> args = new ArrayList<>();

    @Override
    protected void run() {
        DowngradeCalls.run(session(), DowngradeRequest.DowngradeAction.VALIDATE, args, true);
    }
}
