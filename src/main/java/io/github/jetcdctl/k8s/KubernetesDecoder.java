package io.github.jetcdctl.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;


/**
 * Tells what an etcd value under /registry holds and decodes it: the API server's protobuf envelope (the bytes
 * {@code k8s\0}, then a runtime.Unknown with the object's apiVersion, kind and bytes), a value encrypted at rest,
 * a JSON object (custom resources and the API types stored as JSON), or anything else, kept as it is.
 */
public final class KubernetesDecoder {
    private static final ByteString PROTOBUF_MAGIC = ByteString.copyFrom(new byte[] {'k', '8', 's', 0});
    /**
     * Everything is parsed as DynamicMessage from the library's descriptors, never through its generated classes:
     * their code predates protobuf 3.21.7, and the 4.x runtime warns on stderr when it parses with them.
     */
    private final Descriptor unknownType = KubernetesProtos.requiredFileDescriptor("Runtime")
            .findMessageTypeByName("Unknown");

    private final ApiTypes types = new ApiTypes();
    private final ObjectTree tree = new ObjectTree(this);

    public StoredValue decode(ByteString value) {
        if (isEnvelope(value)) {
            return envelope(value);
        }
        Optional<StoredValue.Encrypted> encrypted = EncryptionPrefix.parse(value);
        if (encrypted.isPresent()) {
            return encrypted.get();
        }
        if (JsonTree.mayBeObject(value)) {
            Optional<Map<String, Object>> object = JsonTree.parseObject(value);
            if (object.isPresent()) {
                return new StoredValue.KubernetesObject(object.get());
            }
        }
        return value.isValidUtf8() ? new StoredValue.Text(value.toStringUtf8())
                : new StoredValue.Binary(value.toByteArray());
    }

    static boolean isEnvelope(ByteString value) {
        return value.startsWith(PROTOBUF_MAGIC);
    }

    private StoredValue envelope(ByteString value) {
        ByteString body = value.substring(PROTOBUF_MAGIC.size());
        DynamicMessage unknown;
        try {
            unknown = DynamicMessage.parseFrom(unknownType, body);
        } catch (InvalidProtocolBufferException e) {
            return new StoredValue.PartialObject(new LinkedHashMap<>(),
                    "starts as Kubernetes' protobuf envelope but does not parse as one (" + value.size() + " bytes)");
        }
        return object(unknown);
    }

    /** The object of an envelope (a runtime.Unknown): its typeMeta first, then the fields of its raw bytes. */
    private StoredValue object(Message unknown) {
        Message typeMeta = (Message) field(unknown, "typeMeta");
        String apiVersion = (String) field(typeMeta, "apiVersion");
        String kind = (String) field(typeMeta, "kind");
        ByteString raw = (ByteString) field(unknown, "raw");
        String contentEncoding = (String) field(unknown, "contentEncoding");
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        if (!contentEncoding.isEmpty()) {
            return new StoredValue.PartialObject(object, raw.size() + " bytes in content encoding "
                    + contentEncoding + " not decoded");
        }
        if (((String) field(unknown, "contentType")).contains("json")) {
            Optional<Map<String, Object>> json = JsonTree.parseObject(raw);
            if (json.isPresent()) {
                json.get().forEach(object::putIfAbsent);
                return new StoredValue.KubernetesObject(object);
            }
        }
        Optional<Descriptor> type = types.find(apiVersion, kind);
        if (type.isEmpty()) {
            metadataOfUnknownType(raw).ifPresent(metadata -> object.put("metadata", metadata));
            return new StoredValue.PartialObject(object, "no protobuf type for " + apiVersion + " " + kind
                    + " in this jetcdctl; " + raw.size() + " bytes not decoded");
        }
        try {
            object.putAll(tree.fields(DynamicMessage.parseFrom(type.get(), raw)));
        } catch (InvalidProtocolBufferException e) {
            return new StoredValue.PartialObject(object, raw.size() + " bytes do not parse as "
                    + type.get().getFullName() + ": " + e.getMessage());
        }
        return new StoredValue.KubernetesObject(object);
    }

    private static Object field(Message message, String name) {
        return message.getField(message.getDescriptorForType().findFieldByName(name));
    }

    /**
     * Every Kubernetes object keeps its ObjectMeta in field 1: shown when it parses as one with a name, so that an
     * object of a type this build does not know still says what it is.
     */
    private Optional<Map<String, Object>> metadataOfUnknownType(ByteString raw) {
        try {
            UnknownFieldSet fields = UnknownFieldSet.parseFrom(raw);
            List<ByteString> first = fields.hasField(1) ? fields.getField(1).getLengthDelimitedList() : List.of();
            if (first.size() != 1) {
                return Optional.empty();
            }
            Descriptor objectMeta = KubernetesProtos.requiredFileDescriptor("Meta").findMessageTypeByName("ObjectMeta");
            DynamicMessage metadata = DynamicMessage.parseFrom(objectMeta, first.get(0));
            FieldDescriptor name = objectMeta.findFieldByName("name");
            if (!metadata.getUnknownFields().asMap().isEmpty() || !metadata.hasField(name)) {
                return Optional.empty();
            }
            return Optional.of(tree.fields(metadata));
        } catch (InvalidProtocolBufferException e) {
            return Optional.empty();
        }
    }

    /** An object inside another one's RawExtension, in the protobuf envelope. */
    Object embeddedEnvelope(ByteString raw) {
        return asMap(envelope(raw));
    }

    /** A runtime.Unknown field of another object. */
    Object embeddedUnknown(Message unknown) {
        return asMap(object(unknown));
    }

    private static Map<String, Object> asMap(StoredValue value) {
        if (value instanceof StoredValue.KubernetesObject o) {
            return o.object();
        }
        return ((StoredValue.PartialObject) value).object();
    }
}
