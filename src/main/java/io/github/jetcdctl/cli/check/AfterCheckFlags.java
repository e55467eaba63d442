package io.github.jetcdctl.cli.check;

import io.github.jetcdctl.cli.gosyntax.GoBoolConverter;
import picocli.CommandLine.Option;

/** The flags both checks share: what to do to the storage once the check's keys are deleted. */
public final class AfterCheckFlags {
    @Option(names = "--auto-compact", arity = "0..1", paramLabel = "<bool>", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "Compact storage with last revision after test is finished.")
    boolean autoCompact;

    @Option(names = "--auto-defrag", arity = "0..1", paramLabel = "<bool>", fallbackValue = "true", converter = GoBoolConverter.class,
            description = "Defragment storage after test is finished.")
    boolean autoDefrag;
}
