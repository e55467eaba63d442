package io.github.jetcdctl.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;

import io.etcd.jetcd.api.AuthUserAddRequest;
import io.etcd.jetcd.api.MemberListRequest;

/** Requests that need fields jetcd's bundled protos lack. */
public final class Requests {
    /** etcd 3.5's MemberListRequest field 1, {@code linearizable}, which jetcd's rpc.proto predates. */
    private static final int MEMBER_LIST_LINEARIZABLE = 1;
    /** etcd 3.5's AuthUserAddRequest field 3, {@code options} (authpb.UserAddOptions). */
    private static final int USER_ADD_OPTIONS = 3;
    /** authpb.UserAddOptions field 1, {@code no_password}. */
    private static final int USER_ADD_OPTIONS_NO_PASSWORD = 1;

    private Requests() {
    }

    /** A linearizable member list, as etcdctl 3.5 asks for. */
    public static MemberListRequest linearizableMemberList() {
        return MemberListRequest.newBuilder()
                .setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(MEMBER_LIST_LINEARIZABLE, UnknownFieldSet.Field.newBuilder().addVarint(1).build())
                        .build())
                .build();
    }

    /**
     * A user add as etcdctl 3.5 sends it: the options message is always present (empty unless
     * {@code --no-password}), which jetcd's AuthUserAddRequest cannot express.
     */
    public static AuthUserAddRequest userAdd(ByteString name, ByteString password, boolean noPassword) {
        ByteString options = noPassword
                ? ByteString.copyFrom(new byte[] {(byte) (USER_ADD_OPTIONS_NO_PASSWORD << 3), 1})
                : ByteString.EMPTY;
        return AuthUserAddRequest.newBuilder()
                .setNameBytes(name)
                .setPasswordBytes(password)
                .setUnknownFields(UnknownFieldSet.newBuilder()
                        .addField(USER_ADD_OPTIONS, UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(options).build())
                        .build())
                .build();
    }
}
