package io.github.jetcdctl.output;

import com.google.protobuf.MessageOrBuilder;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds compact JSON documents for the places where etcdctl marshals its own Go structs or maps
 * (endpoint health, lease wrappers, ...) with the same string escaping as {@link GoJson}. The
 * caller decides which members to write; nothing is omitted automatically.
 */
public final class GoJsonWriter {

    private final StringBuilder out = new StringBuilder();
    private final Deque<Level> open = new ArrayDeque<>();
    private boolean afterName;

    private static final class Level {
        final boolean object;
        boolean hasElement;

        Level(boolean object) {
            this.object = object;
        }
    }

    public GoJsonWriter beginObject() {
        beforeValue();
        out.append('{');
        open.push(new Level(true));
        return this;
    }

    public GoJsonWriter endObject() {
        return close(true, '}');
    }

    public GoJsonWriter beginArray() {
        beforeValue();
        out.append('[');
        open.push(new Level(false));
        return this;
    }

    public GoJsonWriter endArray() {
        return close(false, ']');
    }

    /** Starts an object member; the next call writes its value. */
    public GoJsonWriter name(String name) {
        if (open.isEmpty() || !open.peek().object || afterName) {
            throw new IllegalStateException("a member name needs an open object");
        }
        separate();
        GoJson.appendString(out, name);
        out.append(':');
        afterName = true;
        return this;
    }

    public GoJsonWriter value(String s) {
        beforeValue();
        GoJson.appendString(out, s);
        return this;
    }

    /** A Go {@code string} holding raw bytes (invalid UTF-8 becomes {@code \ufffd}). */
    public GoJsonWriter utf8Value(byte[] utf8) {
        beforeValue();
        GoJson.appendString(out, utf8);
        return this;
    }

    /** A Go {@code []byte}: standard base64 with padding. */
    public GoJsonWriter base64Value(byte[] bytes) {
        beforeValue();
        GoJson.appendBase64(out, bytes);
        return this;
    }

    public GoJsonWriter value(long signed) {
        beforeValue();
        out.append(signed);
        return this;
    }

    /** A Go {@code uint64} kept in a Java {@code long}. */
    public GoJsonWriter unsignedValue(long unsigned) {
        beforeValue();
        out.append(Long.toUnsignedString(unsigned));
        return this;
    }

    public GoJsonWriter value(boolean b) {
        beforeValue();
        out.append(b);
        return this;
    }

    /** A nil Go slice, map or pointer. */
    public GoJsonWriter nullValue() {
        beforeValue();
        out.append("null");
        return this;
    }

    /** A protobuf message rendered by {@link GoJson#marshal}. */
    public GoJsonWriter message(MessageOrBuilder message) {
        beforeValue();
        GoJson.appendMessage(out, message);
        return this;
    }

    /** An already-encoded JSON value, inserted verbatim. */
    public GoJsonWriter raw(String json) {
        beforeValue();
        out.append(json);
        return this;
    }

    /** The document so far, without a trailing newline. */
    @Override
    public String toString() {
        return out.toString();
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (open.isEmpty()) {
            if (out.length() > 0) {
                throw new IllegalStateException("a JSON document holds a single top-level value");
            }
            return;
        }
        if (open.peek().object) {
            throw new IllegalStateException("an object member needs a name first");
        }
        separate();
    }

    private void separate() {
        Level level = open.peek();
        if (level.hasElement) {
            out.append(',');
        }
        level.hasElement = true;
    }

    private GoJsonWriter close(boolean object, char bracket) {
        if (open.isEmpty() || open.peek().object != object || afterName) {
            throw new IllegalStateException("nothing to close with " + bracket);
        }
        open.pop();
        out.append(bracket);
        return this;
    }
}
