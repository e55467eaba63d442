package io.github.jetcdctl.snapshot.raft;

import java.io.ByteArrayOutputStream;

/**
 * Minimal protobuf writer for hand-encoding gogo-generated messages: the caller writes fields in
 * field-number order and decides itself which zero values to emit (gogo emits non-nullable proto2
 * scalars even when zero).
 */
final class Pb {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Varint field (wire type 0); {@code value} is treated as unsigned 64-bit. */
    Pb varint(int field, long value) {
        rawVarint((long) field << 3);
        rawVarint(value);
        return this;
    }

    /** Length-delimited field (wire type 2). */
    Pb bytes(int field, byte[] value) {
        rawVarint(((long) field << 3) | 2);
        rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    private void rawVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** {@code raftpb.ConfState} with voters only: one non-packed {@code 08 <id>} per voter, then {@code auto_leave = false}. */
    static byte[] confState(long[] voters) {
        Pb p = new Pb();
        for (long v : voters) {
            p.varint(1, v);
        }
        return p.varint(5, 0).toByteArray();
    }
}
