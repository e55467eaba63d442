package io.github.jetcdctl.cli.kv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;

import io.etcd.jetcd.api.Compare;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.cli.gosyntax.GoNumbers;
import io.github.jetcdctl.cli.gosyntax.GoScanner;
import io.github.jetcdctl.output.EtcdctlLine;
import io.github.jetcdctl.output.GoQuote;

/**
 * One comparison line of {@code txn}, read as etcdctl reads it: {@code target("key") op "value"} with
 * Go's {@code Sscanf("%q) %s %q")}, so text after the value is ignored and its error messages show what
 * was scanned so far.
 */
final class TxnCompareParser {
    /** etcd's {@code Compare.CompareTarget.LEASE} and the number of {@code Compare.lease} (etcd 3.3 and later). */
    static final int LEASE_TARGET = 4;
    static final int LEASE_FIELD = 8;

    private TxnCompareParser() {
    }

    static Compare parse(byte[] line, EtcdctlLine etcdctlLine) {
        String text = new String(line, StandardCharsets.UTF_8);
        int paren = indexOf(line, (byte) '(');
        if (paren < 0) {
            throw invalid("malformed comparison: " + text);
        }
        String target = new String(line, 0, paren, StandardCharsets.UTF_8);
        Scanned scanned = scan(Arrays.copyOfRange(line, paren + 1, line.length));
        if (scanned.count != 3) {
            throw invalid("malformed comparison: " + text + "; got " + target + "(" + GoQuote.quote(scanned.key)
                    + ") " + new String(scanned.op, StandardCharsets.UTF_8) + " " + GoQuote.quote(scanned.value));
        }
        String op = new String(scanned.op, StandardCharsets.UTF_8);
        Compare.Builder compare = Compare.newBuilder().setKey(ByteString.copyFrom(scanned.key));
        switch (target) {
            case "ver", "version" -> compare.setTarget(Compare.CompareTarget.VERSION)
                    .setVersion(number(scanned.value, 10, text));
            case "c", "create" -> compare.setTarget(Compare.CompareTarget.CREATE)
                    .setCreateRevision(number(scanned.value, 10, text));
            case "m", "mod" -> compare.setTarget(Compare.CompareTarget.MOD)
                    .setModRevision(number(scanned.value, 10, text));
            case "val", "value" -> compare.setTarget(Compare.CompareTarget.VALUE)
                    .setValue(ByteString.copyFrom(scanned.value));
            case "lease" -> {
                if (!etcdctlLine.txnComparesLeases()) {
                    result(op, text);
                    // etcdctl 3.5 and 3.7 panic here ("bad value"): they build no lease comparison
                    throw invalid("malformed comparison: " + text + " (lease comparisons are not supported by "
                            + "etcdctl " + etcdctlLine + "'s txn syntax)");
                }
                long id = number(scanned.value, 16, text);
                // jetcd's protos predate the LEASE target: its number and the lease field as etcd's API has them
                compare.setTargetValue(LEASE_TARGET).setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(LEASE_FIELD, UnknownFieldSet.Field.newBuilder().addVarint(id).build()).build());
            }
            default -> throw invalid("malformed comparison: " + text + " (unknown target " + target + ")");
        }
        return compare.setResult(result(op, text)).build();
    }

    /** etcdctl panics ("Unknown result op") on any other operator; we say so instead. */
    private static Compare.CompareResult result(String op, String line) {
        return switch (op) {
            case "=" -> Compare.CompareResult.EQUAL;
            case "!=" -> Compare.CompareResult.NOT_EQUAL;
            case ">" -> Compare.CompareResult.GREATER;
            case "<" -> Compare.CompareResult.LESS;
            default -> throw invalid("malformed comparison: " + line + " (unknown operator " + op
                    + "; expected =, !=, < or >)");
        };
    }

    private static long number(byte[] value, int base, String line) {
        try {
            return GoNumbers.parseInt(new String(value, StandardCharsets.UTF_8), base);
        } catch (NumberFormatException e) {
            throw invalid("invalid txn compare request: " + line);
        }
    }

    /** The three verbs of {@code "%q) %s %q"}; {@code count} says how many succeeded, as Sscanf's n. */
    private static Scanned scan(byte[] rest) {
        Scanned scanned = new Scanned();
        GoScanner scanner = new GoScanner(rest);
        try {
            scanned.key = scanner.quoted();
            scanned.count = 1;
            scanner.literal(')');
            scanner.space();
            scanned.op = scanner.word();
            scanned.count = 2;
            scanner.space();
            scanned.value = scanner.quoted();
            scanned.count = 3;
        } catch (GoScanner.ScanException e) {
            // the message only reports what was scanned
        }
        return scanned;
    }

    private static final class Scanned {
        int count;
        byte[] key = new byte[0];
        byte[] op = new byte[0];
        byte[] value = new byte[0];
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static CliException invalid(String message) {
        return new CliException(ExitCodes.INVALID_INPUT, message);
    }
}
