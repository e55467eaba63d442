package io.github.jetcdctl.client;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;

import io.etcd.jetcd.api.AuthGrpc;
import io.etcd.jetcd.api.ResponseHeader;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.AbstractBlockingStub;
import io.grpc.stub.ClientCalls;

/**
 * etcd 3.5's {@code Auth/AuthStatus} RPC. jetcd's bundled rpc.proto predates it, so there is no generated
 * stub or message class: we describe the two messages at run time (reusing jetcd's ResponseHeader type) and
 * exchange {@link DynamicMessage}s over the connection's own channel, which keeps the auth token, deadline
 * and error mapping of every other call. The reply is a full protobuf message, so the json and protobuf
 * printers render it like any generated response.
 */
public final class AuthStatusRpc {
    private static final FileDescriptor FILE = buildFile();
    private static final Descriptor REQUEST = FILE.findMessageTypeByName("AuthStatusRequest");
    private static final Descriptor RESPONSE = FILE.findMessageTypeByName("AuthStatusResponse");
    private static final FieldDescriptor ENABLED = RESPONSE.findFieldByName("enabled");
    private static final FieldDescriptor AUTH_REVISION = RESPONSE.findFieldByName("authRevision");

    private static final MethodDescriptor<DynamicMessage, DynamicMessage> METHOD =
            MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(AuthGrpc.SERVICE_NAME, "AuthStatus"))
                    .setRequestMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(REQUEST)))
                    .setResponseMarshaller(ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(RESPONSE)))
                    .build();

    private AuthStatusRpc() {
    }

    /** Asks the server whether authentication is enabled; gRPC failures become etcdctl's error line. */
    public static Message call(EtcdConnection connection) {
        return EtcdConnection.call(() -> connection.stub(Stub::new).authStatus());
    }

    public static boolean enabled(Message response) {
        return (Boolean) response.getField(ENABLED);
    }

    public static long authRevision(Message response) {
        return (Long) response.getField(AUTH_REVISION);
    }

    private static FileDescriptor buildFile() {
        FileDescriptor rpc = ResponseHeader.getDescriptor().getFile();
        FileDescriptorProto file = FileDescriptorProto.newBuilder()
                .setName("jetcdctl/auth_status.proto")
                .setPackage(rpc.getPackage())
                .setSyntax("proto3")
                .addDependency(rpc.getName())
                .addMessageType(DescriptorProto.newBuilder().setName("AuthStatusRequest"))
                .addMessageType(DescriptorProto.newBuilder().setName("AuthStatusResponse")
                        .addField(field("header", 1, FieldDescriptorProto.Type.TYPE_MESSAGE)
                                .setTypeName("." + ResponseHeader.getDescriptor().getFullName()))
                        .addField(field("enabled", 2, FieldDescriptorProto.Type.TYPE_BOOL))
                        .addField(field("authRevision", 3, FieldDescriptorProto.Type.TYPE_UINT64)))
                .build();
        try {
            return FileDescriptor.buildFrom(file, new FileDescriptor[] {rpc});
        } catch (DescriptorValidationException e) {
            throw new IllegalStateException("invalid AuthStatus message description", e);
        }
    }

    private static FieldDescriptorProto.Builder field(String name, int number, FieldDescriptorProto.Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setJsonName(name);
    }

    /** A blocking stub so that {@link EtcdConnection#stub} applies its deadline and wait-for-ready. */
    static final class Stub extends AbstractBlockingStub<Stub> {
        Stub(Channel channel) {
            this(channel, CallOptions.DEFAULT);
        }

        private Stub(Channel channel, CallOptions options) {
            super(channel, options);
        }

        @Override
        protected Stub build(Channel channel, CallOptions options) {
            return new Stub(channel, options);
        }

        DynamicMessage authStatus() {
            return ClientCalls.blockingUnaryCall(getChannel(), METHOD, getCallOptions(),
                    DynamicMessage.getDefaultInstance(REQUEST));
        }
    }
}
