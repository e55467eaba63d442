package io.github.jetcdctl.cli.watch;

import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.CliException;

/**
 * Splits watch's arguments into the key (and range end) and the command to run per event, as etcdctl
 * does: it looks at the raw command line for the {@code --} separator, because the parsed arguments
 * no longer show where it was, and takes the key from ETCDCTL_WATCH_KEY/ETCDCTL_WATCH_RANGE_END when set.
 */
record WatchArguments(List<String> keyArgs, List<String> execArgs) {
    static final String BAD_NUMBER = "bad number of arguments";
    static final String CONFLICTING_ENV = "bad number of arguments (found conflicting environment key)";
    static final String SEPARATOR_WITHOUT_COMMAND = "bad number of arguments (found separator --, but no commands)";

    /**
     * @param rawArgs the words after {@code watch} on the command line, flags and {@code --} included
     * @param positional the arguments left after flag parsing (those after {@code --} included)
     */
    static WatchArguments fromCommandLine(List<String> rawArgs, List<String> positional, String envKey,
            String envRange) {
        int separator = rawArgs.indexOf("--");
        if (separator >= 0 && separator == rawArgs.size() - 1) {
            throw CliException.badArgs(SEPARATOR_WITHOUT_COMMAND);
        }
        if (separator < 0 && rawArgs.isEmpty() && envKey.isEmpty()) {
            throw CliException.badArgs(BAD_NUMBER);
        }
        if (separator >= 0 && !envKey.isEmpty() && keyBeforeSeparator(rawArgs, positional, separator)) {
            throw CliException.badArgs(CONFLICTING_ENV);
        }
        if (separator < 0 && !positional.isEmpty() && !envKey.isEmpty()) {
            throw CliException.badArgs(CONFLICTING_ENV);
        }
        List<String> execArgs = separator < 0 ? List.of() : rawArgs.subList(separator + 1, rawArgs.size());
        return split(withEnvironmentKey(positional, envKey, envRange), execArgs);
    }

    /** For a line of interactive mode: the positional words of the line (after its flags). */
    static WatchArguments fromInteractiveLine(List<String> lineWords, List<String> positional, String envKey,
            String envRange) {
        int separator = lineWords.indexOf("--");
        List<String> execArgs = separator < 0 ? List.of() : lineWords.subList(separator + 1, lineWords.size());
        return split(withEnvironmentKey(positional, envKey, envRange), execArgs);
    }

    /**
     * Walking back from the end, the parsed arguments match the raw ones until the separator; one more
     * parsed argument there is a key given although ETCDCTL_WATCH_KEY is set.
     */
    private static boolean keyBeforeSeparator(List<String> rawArgs, List<String> positional, int separator) {
        int raw = rawArgs.size() - 1;
        for (int parsed = positional.size() - 1; parsed >= 0; parsed--) {
            if (raw >= 0 && positional.get(parsed).equals(rawArgs.get(raw))) {
                raw--;
                continue;
            }
            if (raw == separator) {
                return true;
            }
        }
        return false;
    }

    private static List<String> withEnvironmentKey(List<String> positional, String envKey, String envRange) {
        List<String> all = new ArrayList<>();
        if (!envKey.isEmpty()) {
            all.add(envKey);
            if (!envRange.isEmpty()) {
                all.add(envRange);
            }
        }
        all.addAll(positional);
        return all;
    }

    /** The command's words also ended up among the positional arguments; cut them off there. */
    private static WatchArguments split(List<String> args, List<String> execArgs) {
        if (execArgs.isEmpty()) {
            return new WatchArguments(List.copyOf(args), List.of());
        }
        int end = args.lastIndexOf(execArgs.get(0));
        return new WatchArguments(List.copyOf(args.subList(0, Math.max(end, 0))), List.copyOf(execArgs));
    }
}
