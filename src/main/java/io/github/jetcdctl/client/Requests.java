package io.github.jetcdctl.client;

import com.google.protobuf.UnknownFieldSet;

import io.etcd.jetcd.api.MemberListRequest;

/** Requests that need fields jetcd's bundled protos lack. */
public final class Requests {
    /** etcd 3.5's MemberListRequest field 1, {@code linearizable}, which jetcd's rpc.proto predates. */
    private static final int MEMBER_LIST_LINEARIZABLE = 1;

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
}
