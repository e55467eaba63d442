package io.github.jetcdctl.k8s;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

import io.github.jetcdctl.output.GoDuration;

/**
 * A decoded Kubernetes message as the API shows it in JSON: field names as declared (they are the API's names),
 * in declaration order; maps sorted by key; {@code []byte} as base64; and the apimachinery types that have their
 * own JSON form written in it (times as RFC 3339 in UTC, quantities as their string, int-or-string as either,
 * durations as Go prints them, embedded JSON and embedded objects decoded). Fields that were not stored, empty
 * strings and zero times are left out; false and 0 are shown when the API server stored them.
 */
final class ObjectTree {
    private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1.";
    private static final String RUNTIME = "k8s.io.apimachinery.pkg.runtime.";
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROSECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    /** Marks a value to leave out. */
    private static final Object OMIT = new Object();
    /**
     * The fields that hold a Go struct embedded in its parent ({@code json:""} in k8s.io/api's types), whose members
     * JSON shows in the parent's place, by field name and message type. The descriptors do not tell them apart
     * from fields named after their type (labelSelector, securityContext...), so they are listed here.
     */
    static final Map<String, String> EMBEDDED = Map.of(
            "volumeSource", "VolumeSource",
            "persistentVolumeSource", "PersistentVolumeSource",
            "localObjectReference", "LocalObjectReference",
            "handler", "ProbeHandler",
            "ephemeralContainerCommon", "EphemeralContainerCommon",
            "ingressRuleValue", "IngressRuleValue",
            "deviceConfiguration", "DeviceConfiguration",
            "ruleWithOperations", "RuleWithOperations",
            "rule", "Rule");

    private final KubernetesDecoder decoder;

    ObjectTree(KubernetesDecoder decoder) {
        this.decoder = decoder;
    }

    /** The message's fields, as members of a JSON object. */
    Map<String, Object> fields(Message message) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            Object value = field(message, field);
            if (value == OMIT) {
                continue;
            }
            if (isEmbedded(field) && value instanceof Map<?, ?> members) {
                members.forEach((name, member) -> object.put((String) name, member));
            } else {
                object.put(field.getName(), value); // Kubernetes names its proto fields as its JSON
            }
        }
        return object;
    }

    static boolean isEmbedded(FieldDescriptor field) {
        return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated()
                && field.getMessageType().getName().equals(EMBEDDED.get(field.getName()));
    }

    private Object field(Message message, FieldDescriptor field) {
        if (field.isMapField()) {
            List<?> entries = (List<?>) message.getField(field);
            if (entries.isEmpty()) {
                return OMIT;
            }
            FieldDescriptor keyField = field.getMessageType().findFieldByNumber(1);
            FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
            Map<String, Object> map = new TreeMap<>();
            for (Object entry : entries) {
                Message e = (Message) entry;
                Object value = single(valueField, e.getField(valueField));
                map.put(String.valueOf(e.getField(keyField)), value == OMIT ? null : value);
            }
            return map;
        }
        if (field.isRepeated()) {
            List<?> items = (List<?>) message.getField(field);
            if (items.isEmpty()) {
                return OMIT;
            }
            List<Object> list = new ArrayList<>(items.size());
            for (Object item : items) {
                Object value = single(field, item);
                list.add(value == OMIT ? null : value);
            }
            return list;
        }
        if (!message.hasField(field)) {
            return OMIT;
        }
        Object value = single(field, message.getField(field));
        return "".equals(value) ? OMIT : value;
    }

    private Object single(FieldDescriptor field, Object value) {
        switch (field.getJavaType()) {
            case MESSAGE:
                return message((Message) value);
            case BYTE_STRING:
                return Base64.getEncoder().encodeToString(((ByteString) value).toByteArray());
            case INT:
                return ((Integer) value).longValue();
            case FLOAT:
                return ((Float) value).doubleValue();
            case ENUM:
                return ((EnumValueDescriptor) value).getName();
            default: // LONG, DOUBLE, BOOLEAN, STRING
                return value;
        }
    }

    /** A nested message: one of the types with a JSON form of their own, else an object. */
    private Object message(Message m) {
        Descriptor type = m.getDescriptorForType();
        String name = type.getFullName();
        switch (name) {
            case META + "Time":
                return isZeroTime(m) ? OMIT : SECONDS.format(instant(m));
            case META + "MicroTime":
                return isZeroTime(m) ? OMIT : MICROSECONDS.format(instant(m));
            case META + "Duration":
                return GoDuration.format((Long) m.getField(type.findFieldByName("duration")));
            case META + "FieldsV1":
                return embeddedJson(bytes(m, "Raw"));
            case RUNTIME + "RawExtension":
                return embeddedObject(bytes(m, "raw"));
            case RUNTIME + "Unknown":
                return decoder.embeddedUnknown(m);
            case "k8s.io.apimachinery.pkg.api.resource.Quantity":
            case "k8s.io.apimachinery.pkg.api.resource.QuantityValue":
                return m.getField(type.findFieldByName("string"));
            case "k8s.io.apimachinery.pkg.util.intstr.IntOrString":
                return intOrString(m);
            case META + "Verbs":
                return m.getField(type.findFieldByName("items"));
            default:
                break;
        }
        if (type.getName().equals("ExtraValue")) { // authentication/authorization/certificates: a Go []string
            return m.getField(type.findFieldByName("items"));
        }
        if (type.getName().equals("JSON") && name.startsWith("k8s.io.apiextensions_apiserver.")) {
            return embeddedJson(bytes(m, "raw"));
        }
        return fields(m);
    }

    /** A zero Go time is stored as an empty message. */
    private static boolean isZeroTime(Message time) {
        return time.getAllFields().isEmpty();
    }

    private static Instant instant(Message time) {
        Descriptor type = time.getDescriptorForType();
        long seconds = (Long) time.getField(type.findFieldByName("seconds"));
        int nanos = (Integer) time.getField(type.findFieldByName("nanos"));
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static Object intOrString(Message m) {
        Descriptor type = m.getDescriptorForType();
        boolean isString = (Long) m.getField(type.findFieldByName("type")) == 1;
        return isString ? m.getField(type.findFieldByName("strVal"))
                : ((Integer) m.getField(type.findFieldByName("intVal"))).longValue();
    }

    private static ByteString bytes(Message m, String fieldName) {
        return (ByteString) m.getField(m.getDescriptorForType().findFieldByName(fieldName));
    }

    /** JSON bytes as their value; bytes that are not JSON as base64, as Go would marshal them. */
    private static Object embeddedJson(ByteString raw) {
        if (raw.isEmpty()) {
            return OMIT;
        }
        return JsonTree.parse(raw).orElseGet(() -> Base64.getEncoder().encodeToString(raw.toByteArray()));
    }

    /** A RawExtension holds an object as JSON or in Kubernetes' protobuf envelope. */
    private Object embeddedObject(ByteString raw) {
        if (raw.isEmpty()) {
            return OMIT;
        }
        if (KubernetesDecoder.isEnvelope(raw)) {
            return decoder.embeddedEnvelope(raw);
        }
        return embeddedJson(raw);
    }
}
