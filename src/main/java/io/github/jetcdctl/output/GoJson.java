package io.github.jetcdctl.output;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.MessageOrBuilder;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders protobuf messages the way Go's {@code encoding/json} renders etcd's gogo-generated
 * structs, which is what {@code etcdctl -w json} prints.
 *
 * <p>Every generated field carries the tag {@code json:"<proto name>,omitempty"}, so zero values
 * are left out. A oneof is a Go interface field without a tag: it always appears, under the
 * CamelCase oneof name, as an object holding the chosen case under its proto name (or as
 * {@code null} when no case is set).
 */
public final class GoJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJson() {}

    /** Compact JSON of {@code message}, without a trailing newline. */
    public static String marshal(MessageOrBuilder message) {
        StringBuilder out = new StringBuilder();
        appendMessage(out, message);
        return out.toString();
    }

    static void appendMessage(StringBuilder out, MessageOrBuilder message) {
        out.append('{');
        boolean first = true;
        Set<OneofDescriptor> oneofsDone = new HashSet<>();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            OneofDescriptor oneof = field.getRealContainingOneof();
            if (oneof != null) {
                if (!oneofsDone.add(oneof)) {
                    continue;
                }
                first = appendSeparator(out, first);
                appendString(out, goFieldName(oneof.getName()));
                out.append(':');
                appendOneof(out, message, oneof);
                continue;
            }
            if (isEmpty(message, field)) {
                continue;
            }
            first = appendSeparator(out, first);
            appendString(out, field.getName());
            out.append(':');
            appendFieldValue(out, message, field);
        }
        out.append('}');
    }

    private static void appendOneof(StringBuilder out, MessageOrBuilder message, OneofDescriptor oneof) {
        FieldDescriptor chosen = message.getOneofFieldDescriptor(oneof);
        if (chosen == null) {
            out.append("null");
            return;
        }
        // the case lives in its own wrapper struct whose single field is tagged omitempty as well
        out.append('{');
        if (!isZeroScalarOrUnsetMessage(message, chosen)) {
            appendString(out, chosen.getName());
            out.append(':');
            appendFieldValue(out, message, chosen);
        }
        out.append('}');
    }

    private static boolean isZeroScalarOrUnsetMessage(MessageOrBuilder message, FieldDescriptor field) {
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            return false; // a set oneof message case is a non-nil pointer in Go
        }
        return isZero(field, message.getField(field));
    }

    private static boolean isEmpty(MessageOrBuilder message, FieldDescriptor field) {
        if (field.isRepeated()) {
            return message.getRepeatedFieldCount(field) == 0;
        }
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            return !message.hasField(field);
        }
        return isZero(field, message.getField(field));
    }

    private static boolean isZero(FieldDescriptor field, Object value) {
        switch (field.getJavaType()) {
            case INT:
                return (Integer) value == 0;
            case LONG:
                return (Long) value == 0L;
            case FLOAT:
                return (Float) value == 0f;
            case DOUBLE:
                return (Double) value == 0d;
            case BOOLEAN:
                return !(Boolean) value;
            case STRING:
                return ((String) value).isEmpty();
            case BYTE_STRING:
                return ((ByteString) value).isEmpty();
            case ENUM:
                return ((EnumValueDescriptor) value).getNumber() == 0;
            default:
                return false;
        }
    }

    private static void appendFieldValue(StringBuilder out, MessageOrBuilder message, FieldDescriptor field) {
        Object value = message.getField(field);
        if (!field.isRepeated()) {
            appendSingle(out, field, value);
            return;
        }
        out.append('[');
        List<?> items = (List<?>) value;
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendSingle(out, field, items.get(i));
        }
        out.append(']');
    }

    private static void appendSingle(StringBuilder out, FieldDescriptor field, Object value) {
        switch (field.getType()) {
            case UINT32:
            case FIXED32:
                out.append(Integer.toUnsignedString((Integer) value));
                break;
            case UINT64:
            case FIXED64:
                out.append(Long.toUnsignedString((Long) value));
                break;
            case INT32:
            case SINT32:
            case SFIXED32:
            case INT64:
            case SINT64:
            case SFIXED64:
            case BOOL:
                out.append(value);
                break;
            case ENUM:
                out.append(((EnumValueDescriptor) value).getNumber());
                break;
            case STRING:
                appendString(out, (String) value);
                break;
            case BYTES:
                appendBase64(out, ((ByteString) value).toByteArray());
                break;
            case MESSAGE:
            case GROUP:
                appendMessage(out, (MessageOrBuilder) value);
                break;
            default:
                // Go prints floats with its own shortest-representation rules; etcd's messages have none
                throw new IllegalArgumentException(
                        "no Go JSON rendering for field type " + field.getType() + " of " + field.getFullName());
        }
    }

    private static boolean appendSeparator(StringBuilder out, boolean first) {
        if (!first) {
            out.append(',');
        }
        return false;
    }

    /** The Go struct field name protoc-gen-gogo derives from a snake_case proto name. */
    static String goFieldName(String protoName) {
        StringBuilder name = new StringBuilder(protoName.length());
        boolean upperNext = true;
        for (int i = 0; i < protoName.length(); i++) {
            char c = protoName.charAt(i);
            if (c == '_') {
                upperNext = true;
            } else if (upperNext) {
                name.append(Character.toUpperCase(c));
                upperNext = false;
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    /** {@code s} as a quoted Go JSON string. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendString(out, s);
        return out.toString();
    }

    /**
     * Raw bytes as Go JSON renders a Go {@code string} holding them: every byte that does not start
     * a valid UTF-8 sequence becomes one {@code \ufffd}.
     */
    public static String quote(byte[] utf8) {
        StringBuilder out = new StringBuilder(utf8.length + 2);
        appendString(out, utf8);
        return out.toString();
    }

    static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            // a lone surrogate stands where Go would have met undecodable bytes
            boolean loneSurrogate = cp <= 0xFFFF && Character.isSurrogate((char) cp);
            appendCodePoint(out, cp, loneSurrogate);
        }
        out.append('"');
    }

    static void appendString(StringBuilder out, byte[] utf8) {
        out.append('"');
        for (int i = 0; i < utf8.length; ) {
            int decoded = Utf8.decode(utf8, i);
            int width = Utf8.width(decoded);
            appendCodePoint(out, width == 0 ? 0xFFFD : Utf8.codePoint(decoded), width == 0);
            i += Math.max(width, 1);
        }
        out.append('"');
    }

    private static void appendCodePoint(StringBuilder out, int cp, boolean invalidByte) {
        if (invalidByte) {
            out.append("\\ufffd");
            return;
        }
        if (cp >= 0x80) {
            if (cp == 0x2028 || cp == 0x2029) {
                appendUnicodeEscape(out, cp);
            } else {
                out.appendCodePoint(cp);
            }
            return;
        }
        switch (cp) {
            case '"':
                out.append("\\\"");
                return;
            case '\\':
                out.append("\\\\");
                return;
            case '\b':
                out.append("\\b");
                return;
            case '\f':
                out.append("\\f");
                return;
            case '\n':
                out.append("\\n");
                return;
            case '\r':
                out.append("\\r");
                return;
            case '\t':
                out.append("\\t");
                return;
            case '<':
            case '>':
            case '&':
                appendUnicodeEscape(out, cp);
                return;
            default:
                if (cp < 0x20) {
                    appendUnicodeEscape(out, cp);
                } else {
                    out.append((char) cp);
                }
        }
    }

    private static void appendUnicodeEscape(StringBuilder out, int cp) {
        out.append("\\u")
                .append(HEX[(cp >> 12) & 0xF])
                .append(HEX[(cp >> 8) & 0xF])
                .append(HEX[(cp >> 4) & 0xF])
                .append(HEX[cp & 0xF]);
    }

    static void appendBase64(StringBuilder out, byte[] bytes) {
        out.append('"').append(Base64.getEncoder().encodeToString(bytes)).append('"');
    }
}
