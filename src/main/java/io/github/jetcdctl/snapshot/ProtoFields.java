package io.github.jetcdctl.snapshot;

import java.util.Arrays;

/**
 * Reads the fields of one protobuf message in wire order: {@link #next()} moves to a field, then exactly one of
 * {@link #varint()}, {@link #bytes()} or {@link #skip()} consumes its value. Enough for the few etcd records read
 * offline (mvcc key-values, WAL records), without their generated classes.
 */
final class ProtoFields {
    private final byte[] buf;
    private int pos;
    private int field;
    private int wireType;

    ProtoFields(byte[] message) {
        this.buf = message;
    }

    /** Moves to the next field; false at the end of the message. */
    boolean next() throws SnapshotFormatException {
        if (pos >= buf.length) {
            return false;
        }
        long tag = readVarint();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        return true;
    }

    int field() {
        return field;
    }

    int wireType() {
        return wireType;
    }

    long varint() throws SnapshotFormatException {
        if (wireType != 0) {
            throw malformed();
        }
        return readVarint();
    }

    byte[] bytes() throws SnapshotFormatException {
        if (wireType != 2) {
            throw malformed();
        }
        int end = lengthDelimitedEnd();
        byte[] b = Arrays.copyOfRange(buf, pos, end);
        pos = end;
        return b;
    }

    void skip() throws SnapshotFormatException {
        switch (wireType) {
            case 0 -> readVarint();
            case 1 -> pos = checked(pos + 8L);
            case 2 -> pos = lengthDelimitedEnd();
            case 5 -> pos = checked(pos + 4L);
            default -> throw malformed();
        }
    }

    private int lengthDelimitedEnd() throws SnapshotFormatException {
        long length = readVarint();
        if (length < 0) {
            throw malformed();
        }
        return checked(pos + length);
    }

    private int checked(long end) throws SnapshotFormatException {
        if (end > buf.length) {
            throw malformed();
        }
        return (int) end;
    }

    private long readVarint() throws SnapshotFormatException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= buf.length) {
                throw malformed();
            }
            byte b = buf[pos++];
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw malformed();
    }

    private static SnapshotFormatException malformed() {
        return new SnapshotFormatException("malformed protobuf message");
    }
}
