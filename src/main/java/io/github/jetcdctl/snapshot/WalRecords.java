package io.github.jetcdctl.snapshot;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a WAL directory, frame by frame: each frame is a little-endian u64 whose low 56 bits give the
 * length of a walpb.Record and whose top byte, when its high bit is set, gives the padding after it. A zero frame
 * (preallocated space) or a torn tail ends a file. CRCs are not checked.
 */
public final class WalRecords {
    public static final int METADATA = 1;
    public static final int ENTRY = 2;
    public static final int STATE = 3;
    public static final int SNAPSHOT = 5;

    /** The WAL directory cannot be read as etcd needs it; the message is etcd's. */
    public static final class UnreadableWalException extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadableWalException(String message) {
            super(message);
        }
    }

    /** Receives a record's type and data (null when the record has none). */
    @FunctionalInterface
    public interface Visitor {
        void record(long type, byte[] data) throws IOException;
    }

    private WalRecords() {
    }

    /** The {@code *.wal} files of {@code walDir}, in name order. */
    public static List<Path> files(Path walDir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(walDir, "*.wal")) {
            dir.forEach(files::add);
        } catch (NoSuchFileException e) {
            throw new UnreadableWalException("[readWALNames] fileutil.ReadDir failed: open " + walDir
                    + ": no such file or directory");
        }
        if (files.isEmpty()) {
            throw new UnreadableWalException("wal: file not found");
        }
        files.sort(null);
        return files;
    }

    /** Every record of every file of {@code walDir}, in order. */
    public static void read(Path walDir, Visitor visitor) throws IOException {
        for (Path file : files(walDir)) {
            readFile(file, visitor);
        }
    }

    public static void readFile(Path file, Visitor visitor) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                long frame;
                try {
                    frame = Long.reverseBytes(in.readLong());
                } catch (EOFException e) {
                    return;
                }
                if (frame == 0) {
                    return; // preallocated space
                }
                long length = frame & 0x00FF_FFFF_FFFF_FFFFL;
                int padding = frame < 0 ? (int) ((frame >>> 56) & 0x7) : 0;
                if (length > Integer.MAX_VALUE - 8) {
                    return; // a torn tail
                }
                byte[] record = new byte[(int) length];
                try {
                    in.readFully(record);
                    in.skipNBytes(padding);
                } catch (EOFException e) {
                    return;
                }
                ProtoFields r = new ProtoFields(record);
                long type = 0;
                byte[] data = null;
                while (r.next()) {
                    switch (r.field()) {
                        case 1 -> type = r.varint();
                        case 3 -> data = r.bytes();
                        default -> r.skip();
                    }
                }
                visitor.record(type, data);
            }
        }
    }

    /** A raftpb.Entry's, a walpb.Snapshot's or a raftpb.HardState's numbered varint fields, by field number. */
    public static long[] varints(byte[] message, int fields) throws IOException {
        long[] values = new long[fields + 1];
        ProtoFields f = new ProtoFields(message);
        while (f.next()) {
            if (f.field() <= fields && f.wireType() == 0) {
                values[f.field()] = f.varint();
            } else {
                f.skip();
            }
        }
        return values;
    }
}
