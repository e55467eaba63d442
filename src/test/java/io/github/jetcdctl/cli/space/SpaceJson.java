package io.github.jetcdctl.cli.space;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** Reads JSON lines (and etcdctl's json) into maps and lists, for assertions. */
final class SpaceJson {
    private static final JsonFactory JSON = new JsonFactory();

    private SpaceJson() {
    }

    static List<Map<String, Object>> lines(String text) {
        List<Map<String, Object>> lines = new ArrayList<>();
        text.lines().forEach(line -> lines.add(object(line)));
        return lines;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            parser.nextToken();
            return (Map<String, Object>) value(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_NUMBER_INT: // etcd's member IDs are uint64: above a long, kept as a BigInteger
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue()
                        : (Object) p.getLongValue();
            case VALUE_STRING:
                return p.getText();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return p.getBooleanValue();
            default:
                return null;
        }
    }

    static List<Map<String, Object>> ofType(List<Map<String, Object>> lines, String type) {
        return lines.stream().filter(l -> type.equals(l.get("type"))).toList();
    }

    static Map<String, Object> group(List<Map<String, Object>> lines, String name) {
        return ofType(lines, "group").stream().filter(l -> name.equals(l.get("group"))).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + name + " in " + lines));
    }

    static long number(Map<String, Object> line, String name) {
        return (Long) line.get(name);
    }
}
