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
        String shadowed = null;
        for (Map.Entry<String, String> variable : sorted.entrySet()) {
            String name = variable.getKey();
            boolean api = name.equals("ETCDCTL_API") && line.readsApiVariable();
            if (!name.startsWith("ETCDCTL_") || api || name.equals(Session.COMPAT_ENV)
                    || name.equals(GlobalFlag.CONTEXT.envName())) {
                continue;
            }
            String longName = byEnvName.containsKey(name) ? byEnvName.get(name).longName() : bindings.stream()
                    .filter(b -> b.envName().equals(name)).map(Binding::longName).findFirst().orElse(null);
            boolean known = longName != null || alsoConsumed.contains(name);
            // etcdctl uses a variable only when its flag is not on the command line and its value is not empty: a
            // variable of a flag given is fatal (even an empty one), any other unused ETCDCTL_* one draws a warning
            if (longName != null && flagsOnCommandLine.contains(longName)) {
                shadowed = shadowed == null ? name : shadowed;
            } else if (!known || variable.getValue().isEmpty()) {
                err.println(ZapLine.warn(line.unknownVariableCaller(), "unrecognized environment variable",
                        "environment-variable", name + "=" + variable.getValue()));
            }
        }
        if (shadowed != null) {
            err.println(ZapLine.fatal(line.shadowedVariableCaller(),
                    "conflicting environment variable is shadowed by corresponding command-line flag "
                            + "(either unset environment variable or disable flag))",
                    "environment-variable", shadowed));
            throw new CliException(ExitCodes.ERROR, null);
        }
        String context = sorted.get(GlobalFlag.CONTEXT.envName());
        if (context != null && !context.isEmpty() && flagsOnCommandLine.contains(GlobalFlag.CONTEXT.longName())) {
            err.println(ZapLine.fatal(line.shadowedVariableCaller(),
                    "conflicting environment variable is shadowed by corresponding command-line flag "
                            + "(either unset environment variable or disable flag))",
                    "environment-variable", GlobalFlag.CONTEXT.envName()));
            throw new CliException(ExitCodes.ERROR, null);
        }
        for (GlobalFlag flag : GlobalFlag.values()) {
            if (!flag.on(line)) {
                continue;
            }
            if (flagsOnCommandLine.contains(flag.longName())) {
                decided.add(flag);
                continue;
            }
            String value = sorted.get(flag.envName());
            if (value == null || value.isEmpty()) {
                continue;
            }
            flag.applyFromEnvironment(options, value);
            decided.add(flag);
        }
        for (Binding binding : bindings) {
            String value = sorted.get(binding.envName());
            if (value == null || value.isEmpty() || flagsOnCommandLine.contains(binding.longName())) {
                continue;
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
