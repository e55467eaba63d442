package io.github.jetcdctl.cli.kv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.gosyntax.GoScanner;
import io.github.jetcdctl.output.EtcdctlLine;

/**
 * Splits a txn request line into arguments as etcdctl does: words, "double-quoted" Go literals and
 * 'single-quoted' text. Arguments are bytes, carried as ISO-8859-1 strings (one char per byte) so that
 * the regular expression sees Go's rune classes and no byte is lost.
 */
final class TxnArguments {
    // Go's RE2 \s is [\t\n\f\r ]; (?d) keeps '.' from refusing \u0085 and friends.
    private static final Pattern TOKEN = Pattern.compile(
            "(?d)\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|[^'\"\\t\\n\\f\\r ][^\\t\\n\\f\\r ]*[^'\"\\t\\n\\f\\r ]?");

    private TxnArguments() {
    }

    static List<String> split(byte[] line, EtcdctlLine etcdctlLine) {
        String latin1 = new String(line, StandardCharsets.ISO_8859_1);
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(latin1);
        while (m.find()) {
            tokens.add(m.group());
        }
        List<String> args = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            if (token.charAt(0) == '\'' && etcdctlLine.txnCutsQuotedArgumentsAtArgumentCount()) {
                args.add(singleQuoted(token, tokens.size(), line));
            } else if (token.charAt(0) == '\'') {
                args.add(token.substring(1, token.length() - 1));
            } else if (token.charAt(0) == '"') {
                args.add(doubleQuoted(token));
            } else {
                args.add(token);
            }
        }
        return args;
    }

    /**
     * etcdctl 3.5.16 cuts a single-quoted token at the number of tokens on the line rather than at its own
     * length ('hello world' among three tokens becomes "h"); we keep that, but where the cut would fall
     * outside the token etcdctl crashes, and we report an error instead.
     */
    private static String singleQuoted(String token, int tokenCount, byte[] line) {
        int end = tokenCount - 1;
        if (end < 1 || end > token.length()) {
            throw new CliException(ExitCodes.INVALID_INPUT, "invalid txn request: "
                    + new String(line, StandardCharsets.UTF_8)
                    + " (etcdctl 3.5 cuts a single-quoted argument at the number of arguments on its line,"
                    + " which here falls outside it)");
        }
        return token.substring(1, end);
    }

    private static String doubleQuoted(String token) {
        try {
            byte[] value = new GoScanner(token.getBytes(StandardCharsets.ISO_8859_1)).quoted();
            return new String(value, StandardCharsets.ISO_8859_1);
        } catch (GoScanner.ScanException e) {
            throw new CliException(ExitCodes.INVALID_INPUT, e.getMessage());
        }
    }

    /** The bytes of an argument returned by {@link #split}. */
    static byte[] bytes(String argument) {
        return argument.getBytes(StandardCharsets.ISO_8859_1);
    }
}
