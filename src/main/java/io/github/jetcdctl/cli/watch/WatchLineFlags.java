package io.github.jetcdctl.cli.watch;

import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.gosyntax.GoBooleans;
import io.github.jetcdctl.cli.gosyntax.GoNumbers;

/**
 * The watch flags of one interactive request line, parsed as pflag parses a command line (flags anywhere
 * before {@code --}); errors are fatal with pflag's texts, as in etcdctl.
 */
final class WatchLineFlags {
    boolean prefix;
    long rev;
    boolean prevKv;
    final List<String> positional = new ArrayList<>();

    private WatchLineFlags() {
    }

    static WatchLineFlags parse(List<String> words) {
        WatchLineFlags flags = new WatchLineFlags();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("--")) {
                flags.positional.addAll(words.subList(i + 1, words.size()));
                break;
            }
            if (word.startsWith("--")) {
                String[] nameValue = word.substring(2).split("=", 2);
                String value = nameValue.length > 1 ? nameValue[1] : null;
                if (nameValue[0].equals("rev") && value == null) {
                    if (i + 1 >= words.size()) {
                        throw CliException.badArgs("flag needs an argument: --rev");
                    }
                    value = words.get(++i);
                }
                flags.set(nameValue[0], "--" + nameValue[0], value, "unknown flag: --" + nameValue[0]);
            } else if (word.startsWith("-") && word.length() > 1) {
                String[] nameValue = word.substring(1).split("=", 2);
                if (!nameValue[0].equals("i")) {
                    throw CliException.badArgs("unknown shorthand flag: '" + nameValue[0].charAt(0) + "' in " + word);
                }
                flags.set("interactive", "-i", nameValue.length > 1 ? nameValue[1] : null, null);
            } else {
                flags.positional.add(word);
            }
        }
        return flags;
    }

    private void set(String name, String shownName, String value, String unknown) {
        switch (name) {
            case "prefix" -> prefix = bool(value, shownName);
            case "prev-kv" -> prevKv = bool(value, shownName);
            case "interactive", "progress-notify" -> bool(value, shownName);
            case "rev" -> {
                try {
                    rev = GoNumbers.parseInt(value, 10);
                } catch (NumberFormatException e) {
                    throw invalid(value, shownName, e.getMessage());
                }
            }
            default -> throw CliException.badArgs(unknown);
        }
    }

    private static boolean bool(String value, String shownName) {
        if (value == null) {
            return true;
        }
        try {
            return GoBooleans.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(value, shownName, e.getMessage());
        }
    }

    private static CliException invalid(String value, String name, String reason) {
        return CliException.badArgs("invalid argument \"" + value + "\" for \"" + name + "\" flag: " + reason);
    }
}
