package io.github.jetcdctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.AlarmType;
import io.etcd.jetcd.api.Compare;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.Member;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.ResponseOp;
import io.etcd.jetcd.api.TxnResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoJsonTest {

    @Test
    void emptyMessageIsEmptyObject() {
        assertEquals("{}", GoJson.marshal(ResponseHeader.getDefaultInstance()));
    }

    @Test
    void uint64FieldsAreUnsignedAndInt64FieldsSigned() {
        ResponseHeader header =
                ResponseHeader.newBuilder().setClusterId(-1L).setMemberId(Long.MIN_VALUE).setRevision(-5).build();
        assertEquals(
                "{\"cluster_id\":18446744073709551615,\"member_id\":9223372036854775808,\"revision\":-5}",
                GoJson.marshal(header));
    }

    @Test
    void bytesAreStandardBase64WithPadding() {
        KeyValue kv =
                KeyValue.newBuilder()
                        .setKey(ByteString.copyFrom(new byte[] {(byte) 0xfb, (byte) 0xff, (byte) 0xfe}))
                        .setValue(ByteString.copyFromUtf8("bar2"))
                        .build();
        assertEquals("{\"key\":\"+//+\",\"value\":\"YmFyMg==\"}", GoJson.marshal(kv));
    }

    @Test
    void zeroValuesAreOmittedButNonZeroKeptInDeclarationOrder() {
        KeyValue kv = KeyValue.newBuilder().setLease(7).setVersion(0).setModRevision(3).build();
        assertEquals("{\"mod_revision\":3,\"lease\":7}", GoJson.marshal(kv));
    }

    @Test
    void enumsAreNumbersAndZeroEnumIsOmitted() {
        assertEquals(
                "{\"memberID\":1,\"alarm\":2}", // CORRUPT is missing from jetcd's AlarmType, the number survives
                GoJson.marshal(AlarmMember.newBuilder().setMemberID(1).setAlarmValue(2).build()));
        assertEquals(
                "{\"memberID\":1}",
                GoJson.marshal(AlarmMember.newBuilder().setMemberID(1).setAlarm(AlarmType.NONE).build()));
    }

    @Test
    void memberJsonNamesFollowTheProtoNames() {
        Member m =
                Member.newBuilder()
                        .setID(1)
                        .setName("a")
                        .addPeerURLs("p")
                        .addClientURLs("c")
                        .setIsLearner(true)
                        .build();
        assertEquals(
                "{\"ID\":1,\"name\":\"a\",\"peerURLs\":[\"p\"],\"clientURLs\":[\"c\"],\"isLearner\":true}",
                GoJson.marshal(m));
    }

    @Test
    void unsetSubMessageIsOmittedButSetEmptyOneIsKept() {
        assertEquals("{}", GoJson.marshal(PutResponse.getDefaultInstance()));
        assertEquals(
                "{\"header\":{}}",
                GoJson.marshal(PutResponse.newBuilder().setHeader(ResponseHeader.getDefaultInstance()).build()));
    }

    @Test
    void oneofIsWrappedUnderItsGoNameWithTheCaseUnderItsProtoName() {
        TxnResponse txn =
                TxnResponse.newBuilder()
                        .addResponses(
                                ResponseOp.newBuilder()
                                        .setResponseRange(RangeResponse.newBuilder().setCount(1).build()))
                        .addResponses(ResponseOp.newBuilder().setResponsePut(PutResponse.getDefaultInstance()))
                        .addResponses(ResponseOp.getDefaultInstance())
                        .build();
        assertEquals(
                "{\"responses\":[{\"Response\":{\"response_range\":{\"count\":1}}},"
                        + "{\"Response\":{\"response_put\":{}}},{\"Response\":null}]}",
                GoJson.marshal(txn));
    }

    @Test
    void scalarOneofCaseIsOmittedInsideItsWrapperWhenZero() {
        assertEquals(
                "{\"key\":\"YQ==\",\"TargetUnion\":{\"version\":5}}",
                GoJson.marshal(Compare.newBuilder().setKey(ByteString.copyFromUtf8("a")).setVersion(5).build()));
        assertEquals(
                "{\"TargetUnion\":{}}", GoJson.marshal(Compare.newBuilder().setVersion(0).build()));
    }

    @Test
    void goFieldNameIsCamelCaseOfTheSnakeCaseName() {
        assertEquals("Response", GoJson.goFieldName("response"));
        assertEquals("TargetUnion", GoJson.goFieldName("target_union"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "plain            | abc              | '\"abc\"'",
                "html             | a<b&c>é          | '\"a\\u003cb\\u0026c\\u003eé\"'",
                "quote-backslash  | '\"\\/'          | '\"\\\"\\\\/\"'",
                "micro            | 782.9µs          | '\"782.9µs\"'",
                "emoji            | 😀               | '\"😀\"'",
            })
    void escapesLikeGo(String label, String input, String expected) {
        assertEquals(expected, GoJson.quote(input));
    }

    @Test
    void controlCharactersUseGo122ShortFormsOrUnicodeEscapes() {
        assertEquals(
                "\"\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u007f\"",
                GoJson.quote("\b\f\n\r\t\u0000\u0001\u001f\u007f"));
    }

    @Test
    void lineAndParagraphSeparatorsAreEscaped() {
        assertEquals("\"\\u2028\\u2029\u2027\"", GoJson.quote("\u2028\u2029\u2027"));
    }

    @Test
    void loneSurrogateBecomesReplacementEscape() {
        assertEquals("\"a\\ufffdb\"", GoJson.quote("a\ud800b"));
    }

    @Test
    void invalidUtf8BytesBecomeOneReplacementEscapeEach() {
        byte[] bytes = {'b', (byte) 0xff, (byte) 0xfe, 'u', (byte) 0xe2, (byte) 0x82, (byte) 0xc3, (byte) 0xa9};
        assertEquals("\"b\\ufffd\\ufffdu\\ufffd\\ufffdé\"", GoJson.quote(bytes));
    }

    @Test
    void byteAndStringQuotingAgreeOnValidText() {
        String s = "n<&>é\u2028\t\u0001😀";
        assertEquals(GoJson.quote(s), GoJson.quote(s.getBytes(StandardCharsets.UTF_8)));
    }
}
