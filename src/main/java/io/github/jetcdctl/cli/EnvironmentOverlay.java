package io.github.jetcdctl.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.output.EtcdctlLine;

/**
 * Applies ETCDCTL_* variables to the global options with etcdctl's rules: a variable fills a flag that was
 * not given on the command line; a flag given both ways is fatal; unknown ETCDCTL_* names draw a warning.
 * Only commands that build a client call this, as in etcdctl.
 */
public final class EnvironmentOverlay {
    private EnvironmentOverlay() {
    }

    /** A command-group flag that is also read from the environment ({@code endpoint --cluster}). */
    public record Binding(String envName, String longName, java.util.function.Consumer<String> apply) {
    }

    /** Returns the global flags the command line or the environment decided; the rest keep their defaults. */
    static Set<GlobalFlag> apply(GlobalOptions options, Set<String> flagsOnCommandLine, Map<String, String> env,
            Set<String> alsoConsumed, java.util.List<Binding> bindings, EtcdctlLine line, PrintStream err) {
        Set<GlobalFlag> decided = java.util.EnumSet.noneOf(GlobalFlag.class);
        Map<String, GlobalFlag> byEnvName = new TreeMap<>();
        for (GlobalFlag flag : GlobalFlag.values()) {
            if (flag.on(line)) {
                byEnvName.put(flag.envName(), flag);
            }
        }
        Map<String, String> sorted = new TreeMap<>(env);
        for (Map.Entry<String, String> variable : sorted.entrySet()) {
            String name = variable.getKey();
            boolean bound = bindings.stream().anyMatch(b -> b.envName().equals(name));
            boolean api = name.equals("ETCDCTL_API") && line.readsApiVariable();
            if (name.startsWith("ETCDCTL_") && !api && !name.equals(Session.COMPAT_ENV)
                    && !byEnvName.containsKey(name)
                    && !alsoConsumed.contains(name) && !bound) {
                err.println(ZapLine.warn(line.unknownVariableCaller(), "unrecognized environment variable",
                        "environment-variable", name + "=" + variable.getValue()));
            }
        }
        for (GlobalFlag flag : GlobalFlag.values()) {
            if (!flag.on(line)) {
                continue;
            }
            String value = sorted.get(flag.envName());
            if (flagsOnCommandLine.contains(flag.longName())) {
                decided.add(flag);
            }
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (flagsOnCommandLine.contains(flag.longName())) {
                err.println(ZapLine.fatal(line.shadowedVariableCaller(),
                        "conflicting environment variable is shadowed by corresponding command-line flag "
                                + "(either unset environment variable or disable flag))",
                        "environment-variable", flag.envName()));
                throw new CliException(ExitCodes.ERROR, null);
            }
            flag.applyFromEnvironment(options, value);
            decided.add(flag);
        }
        for (Binding binding : bindings) {
            String value = sorted.get(binding.envName());
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (flagsOnCommandLine.contains(binding.longName())) {
                err.println(ZapLine.fatal(line.shadowedVariableCaller(),
                        "conflicting environment variable is shadowed by corresponding command-line flag "
                                + "(either unset environment variable or disable flag))",
                        "environment-variable", binding.envName()));
                throw new CliException(ExitCodes.ERROR, null);
            }
            try {
                binding.apply().accept(value);
            } catch (IllegalArgumentException ignored) {
                // etcdctl keeps the default when the text does not parse
            }
        }
        return decided;
    }

    /** The --debug dump: every global flag of the line as ETCDCTL_NAME=value, sorted by flag name. */
    static void printDebug(GlobalOptions options, EtcdctlLine line, PrintStream err) {
        for (GlobalFlag flag : GlobalFlag.values()) {
            if (!flag.on(line)) {
                continue;
            }
            if (flag == GlobalFlag.CONTEXT && options.context().isEmpty()) {
                continue; // etcdctl has no such flag: without a context the dump stays etcdctl's
            }
            err.println(flag.envName() + "=" + flag.show(options));
        }
    }
}
