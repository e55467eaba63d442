package io.github.jetcdctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.etcd.jetcd.api.ResponseHeader;
import org.junit.jupiter.api.Test;

class GoJsonWriterTest {

    @Test
    void endpointHealthArrayAsEtcdctlPrintsIt() {
        String json =
                new GoJsonWriter()
                        .beginArray()
                        .beginObject()
                        .name("endpoint").value("127.0.0.1:22395")
                        .name("health").value(true)
                        .name("took").value("1.207772ms")
                        .endObject()
                        .beginObject()
                        .name("endpoint").value("127.0.0.1:22399")
                        .name("health").value(false)
                        .name("took").value("5.0s")
                        .name("error").value("context deadline exceeded")
                        .endObject()
                        .endArray()
                        .toString();
        assertEquals(
                "[{\"endpoint\":\"127.0.0.1:22395\",\"health\":true,\"took\":\"1.207772ms\"},"
                        + "{\"endpoint\":\"127.0.0.1:22399\",\"health\":false,\"took\":\"5.0s\","
                        + "\"error\":\"context deadline exceeded\"}]",
                json);
    }

    @Test
    void leaseGrantWithFlattenedHeader() {
        String json =
                new GoJsonWriter()
                        .beginObject()
                        .name("cluster_id").unsignedValue(-2L)
                        .name("member_id").unsignedValue(Long.parseUnsignedLong("14144150464702610041"))
                        .name("ID").value(8825263170368999729L)
                        .name("TTL").value(60)
                        .name("Error").value("")
                        .endObject()
                        .toString();
        assertEquals(
                "{\"cluster_id\":18446744073709551614,\"member_id\":14144150464702610041,"
                        + "\"ID\":8825263170368999729,\"TTL\":60,\"Error\":\"\"}",
                json);
    }

    @Test
    void nullEmptyContainersRawAndMessages() {
        String json =
                new GoJsonWriter()
                        .beginObject()
                        .name("keys").nullValue()
                        .name("empty").beginArray().endArray()
                        .name("obj").beginObject().endObject()
                        .name("raw").raw("[1,2]")
                        .name("header").message(ResponseHeader.newBuilder().setRevision(3).build())
                        .name("b64").base64Value(new byte[] {'f', 'o', 'o'})
                        .name("neg").value(-1)
                        .endObject()
                        .toString();
        assertEquals(
                "{\"keys\":null,\"empty\":[],\"obj\":{},\"raw\":[1,2],\"header\":{\"revision\":3},"
                        + "\"b64\":\"Zm9v\",\"neg\":-1}",
                json);
    }

    @Test
    void namesAndStringsAreEscapedTheGoWay() {
        String json =
                new GoJsonWriter()
                        .beginObject()
                        .name("a<b").value("x&y\n")
                        .name("raw bytes").utf8Value(new byte[] {'o', (byte) 0x80, 'k'})
                        .endObject()
                        .toString();
        assertEquals("{\"a\\u003cb\":\"x\\u0026y\\n\",\"raw bytes\":\"o\\ufffdk\"}", json);
    }

    @Test
    void arraysOfScalars() {
        String json =
                new GoJsonWriter().beginArray().value("a").value(1).value(false).nullValue().endArray().toString();
        assertEquals("[\"a\",1,false,null]", json);
    }

    @Test
    void misuseIsRejected() {
        assertThrows(IllegalStateException.class, () -> new GoJsonWriter().name("x"));
        assertThrows(IllegalStateException.class, () -> new GoJsonWriter().beginObject().value("x"));
        assertThrows(IllegalStateException.class, () -> new GoJsonWriter().beginArray().name("x"));
        assertThrows(IllegalStateException.class, () -> new GoJsonWriter().beginArray().endObject());
        assertThrows(IllegalStateException.class, () -> new GoJsonWriter().value(1).value(2));
        assertThrows(
                IllegalStateException.class, () -> new GoJsonWriter().beginObject().name("a").endObject());
    }
}
