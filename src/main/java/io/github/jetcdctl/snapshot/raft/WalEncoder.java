package io.github.jetcdctl.snapshot.raft;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32C;

/**
 * Builds the framed records of a WAL segment that starts a new WAL (previous CRC 0): each record is
 * a {@code walpb.Record{type, crc, data}} preceded by a little-endian u64 length field (padding
 * count in the top byte) and followed by zero padding to 8 bytes. The running CRC-32C covers the
 * data of every record except CRC records.
 */
public final class WalEncoder {
    public static final long TYPE_METADATA = 1;
    public static final long TYPE_ENTRY = 2;
    public static final long TYPE_STATE = 3;
    public static final long TYPE_CRC = 4;
    public static final long TYPE_SNAPSHOT = 5;

    /** {@code raftpb.EntryConfChange}. */
    public static final long ENTRY_CONF_CHANGE = 1;
    /** {@code raftpb.ConfChangeAddNode}. */
    public static final long CONF_CHANGE_ADD_NODE = 0;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CRC32C running = new CRC32C();

    /** A CRC record carrying the current running value (0 for the first segment). */
    public WalEncoder crcRecord() {
        frame(new Pb().varint(1, TYPE_CRC).varint(2, running.getValue()).toByteArray());
        return this;
    }

    /** Metadata record with {@code etcdserverpb.Metadata{NodeID, ClusterID}}. */
    public WalEncoder metadata(long nodeId, long clusterId) {
        return record(TYPE_METADATA, new Pb().varint(1, nodeId).varint(2, clusterId).toByteArray());
    }

    /** Snapshot record {@code walpb.Snapshot{index, term, conf_state}}; {@code voters == null} omits conf_state. */
    public WalEncoder snapshot(long index, long term, long[] voters) {
        Pb p = new Pb().varint(1, index).varint(2, term);
        if (voters != null) {
            p.bytes(3, Pb.confState(voters));
        }
        return record(TYPE_SNAPSHOT, p.toByteArray());
    }

    /** Entry record {@code raftpb.Entry{Type, Term, Index, Data}}. */
    public WalEncoder entry(long type, long term, long index, byte[] data) {
        Pb p = new Pb().varint(1, type).varint(2, term).varint(3, index);
        if (data != null) {
            p.bytes(4, data);
        }
        return record(TYPE_ENTRY, p.toByteArray());
    }

    /** State record {@code raftpb.HardState{term, vote, commit}}. */
    public WalEncoder hardState(long term, long vote, long commit) {
        return record(TYPE_STATE, new Pb().varint(1, term).varint(2, vote).varint(3, commit).toByteArray());
    }

    /** Marshalled {@code raftpb.ConfChange{ID, Type, NodeID, Context}}. */
    public static byte[] confChange(long id, long type, long nodeId, byte[] context) {
        Pb p = new Pb().varint(1, id).varint(2, type).varint(3, nodeId);
        if (context != null) {
            p.bytes(4, context);
        }
        return p.toByteArray();
    }

    private WalEncoder record(long type, byte[] data) {
        running.update(data);
        frame(new Pb().varint(1, type).varint(2, running.getValue()).bytes(3, data).toByteArray());
        return this;
    }

    private void frame(byte[] rec) {
        int len = rec.length;
        int pad = (8 - len % 8) % 8;
        long lenField = len;
        if (pad != 0) {
            lenField |= (0x80L | pad) << 56;
        }
        for (int i = 0; i < 8; i++) {
            out.write((int) (lenField >>> (8 * i)));
        }
        out.writeBytes(rec);
        for (int i = 0; i < pad; i++) {
            out.write(0);
        }
    }

    /** The current running CRC-32C. */
    public long crc() {
        return running.getValue();
    }

    /** All framed records so far. */
    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
