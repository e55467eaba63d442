package io.github.jetcdctl.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.ByteString;

/**
 * JSON text read into maps (in document order), lists, strings, booleans, nulls and numbers: {@link Long} for
 * integers that fit, else {@link BigDecimal} as written, so no digit is lost.
 */
final class JsonTree {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {
    }

    /** Whether the bytes may hold a JSON object (the first non-blank byte is '{'); cheap, before parsing. */
    static boolean mayBeObject(ByteString bytes) {
        for (int i = 0; i < bytes.size(); i++) {
            byte b = bytes.byteAt(i);
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    /** The object the bytes hold, if they are exactly one JSON object. */
    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> parseObject(ByteString bytes) {
        return parse(bytes).filter(Map.class::isInstance).map(v -> (Map<String, Object>) v);
    }

    /** The value the bytes hold, if they are exactly one JSON value. */
    static Optional<Object> parse(ByteString bytes) {
        try (InputStream in = bytes.newInput(); JsonParser parser = FACTORY.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            Object value = read(parser, first);
            return parser.nextToken() == null ? Optional.of(value) : Optional.empty();
        } catch (IOException e) { // including Jackson's parse errors
            return Optional.empty();
        }
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("unexpected end of JSON");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, read(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(read(parser, t));
                }
                return array;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? new BigDecimal(parser.getText())
                        : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return new BigDecimal(parser.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected JSON token " + token);
        }
    }
}
