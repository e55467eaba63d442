package io.github.jetcdctl.snapshot.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemberJsonTest {
    @Test
    void simple() {
        Member m = Member.create("m1", List.of("http://127.0.0.1:23391"), "tok3");
        assertEquals("{\"id\":3198708726468764110,\"peerURLs\":[\"http://127.0.0.1:23391\"],\"name\":\"m1\"}", m.toJson());
        assertEquals("{\"peerURLs\":[\"http://127.0.0.1:23391\"]}", m.raftAttributesJson());
    }

    @Test
    void htmlEscapingAndTwoUrls() {
        Member m = Member.create("x&y<z>", List.of("http://127.0.0.1:23390", "http://127.0.0.2:23390"), "tok \"quoted\"");
        assertEquals("{\"id\":3837240520333429148,\"peerURLs\":[\"http://127.0.0.1:23390\",\"http://127.0.0.2:23390\"],"
                + "\"name\":\"x\\u0026y\\u003cz\\u003e\"}", m.toJson());
    }

    @Test
    void emptyNameOmitted() {
        Member m = new Member(1, "", List.of("http://a:1"));
        assertEquals("{\"id\":1,\"peerURLs\":[\"http://a:1\"]}", m.toJson());
    }

    @Test
    void goJsonEscapes() {
        // as etcdutl 3.5.16 (Go 1.24) wrote it into the WAL (see J1.wal-records.bin)
        String name = "a\bb\fc\u0001d\u007fe\u2028f\tg\"h\\i<>&\u00e9\uD83D\uDE00";
        assertEquals("\"a\\bb\\fc\\u0001d\u007fe\\u2028f\\tg\\\"h\\\\i\\u003c\\u003e\\u0026\u00e9\uD83D\uDE00\"",
                GoText.jsonString(name));
        assertEquals("\"\\ufffd\"", GoText.jsonString("\uD800"));
    }

    @Test
    void goQuote() {
        assertEquals("\"a \\\"b\\\" \\x01\\t\u00e9\\u00a0\"", GoText.quote("a \"b\" \u0001\t\u00e9\u00a0"));
        assertEquals("[\"a\" \"b\"]", GoText.quoteList(List.of("a", "b")));
    }
}
