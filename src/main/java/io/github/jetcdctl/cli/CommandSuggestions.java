package io.github.jetcdctl.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.github.jetcdctl.help.LineAdditions;
import io.github.jetcdctl.output.EtcdctlLine;
import picocli.CommandLine.Command;

/**
 * The "Did you mean this?" list cobra gives for an unknown command: every visible command of the line but help
 * whose name is within two edits of the word (case ignored) or starts with it, in the order etcdctl registers its
 * commands (jetcdctl's own after them). picocli's suggestions use another measure and offer commands etcdctl would
 * not (`user` and `version` for `mmber`).
 */
final class CommandSuggestions {
    private static final int MAX_EDITS = 2;
    /** etcdctl's registration order (cobra does not sort its suggestions); 3.5's completion came last too. */
    private static final List<String> ETCDCTL_ORDER = List.of("get", "put", "del", "txn", "compaction", "alarm",
            "defrag", "endpoint", "move-leader", "watch", "version", "lease", "member", "snapshot", "make-mirror",
            "lock", "elect", "auth", "user", "role", "check", "completion", "downgrade", "options");

    private CommandSuggestions() {
    }

    /** The suggestions for {@code typed} among the top-level commands of {@code line} (every line's when null). */
    static List<String> forWord(String typed, EtcdctlLine line) {
        String word = typed.toLowerCase(Locale.ROOT);
        List<String> suggestions = new ArrayList<>();
        for (Class<?> command : RootCommand.COMMANDS) {
            Command annotation = command.getAnnotation(Command.class);
            String name = annotation.name();
            if (annotation.hidden() || name.equals("help") || (line != null && !LineAdditions.onLine(command, line))) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (editDistance(word, lower) <= MAX_EDITS || lower.startsWith(word)) {
                suggestions.add(name);
            }
        }
        suggestions.sort(Comparator.comparingInt(CommandSuggestions::registrationIndex));
        return suggestions;
    }

    private static int registrationIndex(String name) {
        int index = ETCDCTL_ORDER.indexOf(name);
        return index >= 0 ? index : ETCDCTL_ORDER.size(); // a stable sort keeps jetcdctl's own in catalog order
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
