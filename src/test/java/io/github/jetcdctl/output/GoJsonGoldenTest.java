package io.github.jetcdctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import io.etcd.jetcd.api.AlarmResponse;
import io.etcd.jetcd.api.AuthRoleGetResponse;
import io.etcd.jetcd.api.AuthRoleListResponse;
import io.etcd.jetcd.api.AuthUserAddResponse;
import io.etcd.jetcd.api.AuthUserGetResponse;
import io.etcd.jetcd.api.AuthUserListResponse;
import io.etcd.jetcd.api.DeleteRangeResponse;
import io.etcd.jetcd.api.HashKVResponse;
import io.etcd.jetcd.api.MemberListResponse;
import io.etcd.jetcd.api.PutResponse;
import io.etcd.jetcd.api.RangeResponse;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.StatusResponse;
import io.etcd.jetcd.api.TxnResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code -w protobuf} bytes from etcdctl 3.5.16, re-rendered, must equal its {@code -w json}. */
class GoJsonGoldenTest {

    interface Parser {
        MessageOrBuilder parse(byte[] bytes) throws IOException;
    }

    private static Parser parserFor(String type) {
        switch (type) {
            case "Range":
                return RangeResponse::parseFrom;
            case "Put":
                return PutResponse::parseFrom;
            case "DeleteRange":
                return DeleteRangeResponse::parseFrom;
            case "Txn":
                return TxnResponse::parseFrom;
            case "MemberList":
                return MemberListResponse::parseFrom;
            case "AuthUserGet":
                return AuthUserGetResponse::parseFrom;
            case "AuthUserAdd":
                return AuthUserAddResponse::parseFrom;
            case "AuthRoleGet":
                return AuthRoleGetResponse::parseFrom;
            case "AuthRoleList":
                return AuthRoleListResponse::parseFrom;
            case "Alarm":
                return AlarmResponse::parseFrom;
            case "Status":
                return StatusResponse::parseFrom;
            case "HashKV":
                return HashKVResponse::parseFrom;
            default:
                throw new IllegalArgumentException(type);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "get-prefix, Range",
        "get-missing, Range",
        "get-keys-only, Range",
        "get-limit, Range",
        "put-prev-kv, Put",
        "put-new-prev-kv, Put",
        "put-plain, Put",
        "del-prev-kv, DeleteRange",
        "del-prefix-prev-kv, DeleteRange",
        "del-prefix, DeleteRange",
        "del-missing, DeleteRange",
        "txn-succeeded, Txn",
        "txn-failed, Txn",
        "member-list, MemberList",
        "user-get, AuthUserGet",
        "user-add, AuthUserAdd",
        "role-get, AuthRoleGet",
        "role-get-empty, AuthRoleGet",
        "role-list, AuthRoleList",
        "alarm-list, Alarm",
        "alarm-list-empty, Alarm",
    })
    void responseRendersLikeEtcdctl(String name, String type) throws IOException {
        MessageOrBuilder parsed = parserFor(type).parse(GoldenFiles.bytes("json/" + name + ".pb"));
        assertEquals(GoldenFiles.text("json/" + name + ".json"), GoJson.marshal(parsed) + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "endpoint-status, Status",
        "endpoint-status-alarm, Status",
        "endpoint-hashkv, HashKV",
        "endpoint-hashkv-compacted, HashKV",
    })
    void endpointWrapperRendersLikeEtcdctl(String name, String type) throws IOException {
        MessageOrBuilder parsed = parserFor(type).parse(GoldenFiles.bytes("json/" + name + ".pb"));
        String json =
                new GoJsonWriter()
                        .beginArray()
                        .beginObject()
                        .name("Endpoint")
                        .value("127.0.0.1:32379")
                        .name(type)
                        .message(parsed)
                        .endObject()
                        .endArray()
                        .toString();
        assertEquals(GoldenFiles.text("json/" + name + ".json"), json + "\n");
    }

    /**
     * The user list holds a name with invalid UTF-8. protobuf-java (and so jetcd) refuses to parse
     * it, so the fields are read off the wire here and the users rendered from their raw bytes.
     */
    @Test
    void userListWithInvalidUtf8RendersLikeEtcdctl() throws IOException {
        byte[] wire = GoldenFiles.bytes("json/user-list.pb");
        assertThrows(InvalidProtocolBufferException.class, () -> AuthUserListResponse.parseFrom(wire));

        CodedInputStream in = CodedInputStream.newInstance(wire);
        ResponseHeader header = null;
        List<byte[]> users = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (tag >>> 3) {
                case 1:
                    header = ResponseHeader.parseFrom(in.readBytes());
                    break;
                case 2:
                    users.add(in.readByteArray());
                    break;
                default:
                    in.skipField(tag);
            }
        }
        GoJsonWriter json = new GoJsonWriter().beginObject().name("header").message(header);
        json.name("users").beginArray();
        users.forEach(json::utf8Value);
        json.endArray().endObject();

        assertEquals(GoldenFiles.text("json/user-list.json"), json + "\n");
    }
}
