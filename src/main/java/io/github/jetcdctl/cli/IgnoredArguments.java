package io.github.jetcdctl.cli;

import java.util.List;

import picocli.CommandLine.Parameters;

/**
 * Mixed into the commands whose etcdctl counterpart declares no argument check (defrag, endpoint health/status/
 * hashkv, version): cobra then runs them with any extra words ignored, where picocli would print the usage.
 */
public final class IgnoredArguments {
    @Parameters(hidden = true, arity = "0..*", paramLabel = "IGNORED",
            description = "ignored, as etcdctl ignores words this command does not take")
    List<String> ignored;
}
