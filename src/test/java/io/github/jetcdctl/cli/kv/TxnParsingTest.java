package io.github.jetcdctl.cli.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.etcd.jetcd.api.Compare;
import io.github.jetcdctl.CliException;
import io.github.jetcdctl.cli.gosyntax.GoLineReader;
import io.github.jetcdctl.cli.gosyntax.GoRunes;
import io.github.jetcdctl.output.EtcdctlLine;

/** The Go emulations behind txn parsing, on cases the golden tests cannot pin down (bytes, buffering). */
class TxnParsingTest {
    @Test
    void linesAreReadThroughAGoSizedBuffer() throws Exception {
        byte[] input = ("a\n" + "x".repeat(5000) + "\nrest").getBytes(StandardCharsets.US_ASCII);
        InputStream stdin = new ByteArrayInputStream(input);
        GoLineReader reader = new GoLineReader(stdin);
        assertArrayEquals("a\n".getBytes(StandardCharsets.US_ASCII), reader.readLine());
        // the first fill took 4096 bytes; what a put line reads from stdin starts right after them
        assertEquals(input.length - 4096, stdin.readAllBytes().length);
        // and the reader itself then meets the end of input before the newline, as etcdctl does
        assertThrows(GoLineReader.EndOfInputException.class, reader::readLine);
    }

    @Test
    void argumentsKeepTheirBytesAndEtcdctlsQuoting() {
        byte[] line = {'p', 'u', 't', ' ', 'k', (byte) 0xff, ' ', '"', '\\', 'x', '4', '1', '\\', 't', '"'};
        List<String> args = TxnArguments.split(line, EtcdctlLine.V3_6);
        assertEquals(3, args.size());
        assertArrayEquals(new byte[] {'k', (byte) 0xff}, TxnArguments.bytes(args.get(1)));
        assertEquals("A\t", args.get(2));
        byte[] singleQuoted = "put q2 'hello world' x y".getBytes(StandardCharsets.UTF_8);
        // 3.5 cuts at the number of arguments (5), 3.6 at the quote
        assertEquals(List.of("put", "q2", "hel", "x", "y"), TxnArguments.split(singleQuoted, EtcdctlLine.V3_5));
        assertEquals(List.of("put", "q2", "hello world", "x", "y"), TxnArguments.split(singleQuoted, EtcdctlLine.V3_6));
        CliException bad = assertThrows(CliException.class,
                () -> TxnArguments.split("put a \"b\\q\"".getBytes(StandardCharsets.UTF_8), EtcdctlLine.V3_6));
        assertEquals("invalid syntax", bad.getMessage());
        assertEquals(3, bad.exitCode());
    }

    @Test
    void comparisonsScanLikeGosSscanf() {
        Compare c = TxnCompareParser.parse("value(\"k\\u00e9\") != `a b`".getBytes(StandardCharsets.UTF_8),
                EtcdctlLine.V3_5);
        assertEquals(Compare.CompareTarget.VALUE, c.getTarget());
        assertEquals(Compare.CompareResult.NOT_EQUAL, c.getResult());
        assertEquals("k\u00e9", c.getKey().toStringUtf8());
        assertEquals("a b", c.getValue().toStringUtf8());
        assertEquals(-1, TxnCompareParser.parse("m(\"k\") > \"-1\" ignored".getBytes(StandardCharsets.UTF_8),
                EtcdctlLine.V3_5).getModRevision());
        CliException e = assertThrows(CliException.class,
                () -> TxnCompareParser.parse("ver(\"k\\x00\")\t>".getBytes(StandardCharsets.UTF_8), EtcdctlLine.V3_5));
        assertEquals("malformed comparison: ver(\"k\\x00\")\t>; got ver(\"k\\x00\") > \"\"", e.getMessage());
    }

    /** Only etcdctl 3.6 builds lease comparisons, reading the ID as hexadecimal; 3.5 and 3.7 crash on them. */
    @Test
    void leaseComparisonsOn36Only() {
        byte[] line = "lease(\"k\") = \"1f\"".getBytes(StandardCharsets.UTF_8);
        Compare lease = TxnCompareParser.parse(line, EtcdctlLine.V3_6);
        assertEquals(TxnCompareParser.LEASE_TARGET, lease.getTargetValue());
        assertEquals(Compare.CompareResult.EQUAL, lease.getResult());
        assertEquals(List.of(31L),
                lease.getUnknownFields().getField(TxnCompareParser.LEASE_FIELD).getVarintList());
        CliException notHex = assertThrows(CliException.class, () -> TxnCompareParser.parse(
                "lease(\"k\") = \"xyz\"".getBytes(StandardCharsets.UTF_8), EtcdctlLine.V3_6));
        assertEquals("invalid txn compare request: lease(\"k\") = \"xyz\"", notHex.getMessage());
        for (EtcdctlLine crashing : List.of(EtcdctlLine.V3_5, EtcdctlLine.V3_7)) {
            CliException refused = assertThrows(CliException.class, () -> TxnCompareParser.parse(line, crashing));
            assertEquals(3, refused.exitCode());
        }
    }

    @Test
    void trimSpaceUsesGosUnicodeSpaces() {
        byte[] padded = "\u00a0\u2003 x y\t\u3000".getBytes(StandardCharsets.UTF_8);
        assertEquals("x y", new String(GoRunes.trimSpace(padded), StandardCharsets.UTF_8));
        assertArrayEquals(new byte[] {(byte) 0xff}, GoRunes.trimSpace(new byte[] {' ', (byte) 0xff, ' '}));
    }
}
