package io.github.jetcdctl.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.airlift.compress.zstd.ZstdInputStream;
import io.airlift.compress.zstd.ZstdOutputStream;

/**
 * How a snapshot file is stored: plain, gzip (from the JDK) or zstd (pure Java). Recognised by magic bytes,
 * never by name: a bbolt file starts with its zero page id, which neither magic number can be mistaken for.
 */
public enum SnapshotCompression {
    NONE("none", "", new byte[0]),
    GZIP("gzip", ".gz", new byte[] {0x1f, (byte) 0x8b}),
    ZSTD("zstd", ".zst", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});

    private static final int BUFFER_BYTES = 1 << 16;

    private final String flagValue;
    private final String extension;
    private final byte[] magic;

    SnapshotCompression(String flagValue, String extension, byte[] magic) {
        this.flagValue = flagValue;
        this.extension = extension;
        this.magic = magic;
    }

    public String flagValue() {
        return flagValue;
    }

    /** What a compressed file's name adds after {@code .db}: {@code .gz}, {@code .zst}, or nothing. */
    public String extension() {
        return extension;
    }

    public static SnapshotCompression fromFlag(String value) {
        for (SnapshotCompression c : values()) {
            if (c.flagValue.equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown compression \"" + value + "\" (none, gzip or zstd)");
    }

    /** The compression of the file's first bytes; {@link #NONE} for anything else, an empty file included. */
    public static SnapshotCompression detect(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            return NONE; // the bbolt reader reports a directory as etcdutl does
        }
        byte[] head = new byte[4];
        int length = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(head);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                length = buffer.position();
            }
        }
        for (SnapshotCompression c : values()) {
            if (c != NONE && length >= c.magic.length && Arrays.equals(head, 0, c.magic.length, c.magic, 0,
                    c.magic.length)) {
                return c;
            }
        }
        return NONE;
    }

    /** Wraps {@code raw}; closing the result finishes the compressed stream and closes {@code raw}. */
    public OutputStream compressing(OutputStream raw) throws IOException {
        return switch (this) {
            case NONE -> raw;
            case GZIP -> new GZIPOutputStream(raw, BUFFER_BYTES);
            case ZSTD -> new ZstdOutputStream(raw);
        };
    }

    /** Wraps {@code compressed}, which is read in small blocks: memory stays bounded whatever the file size. */
    public InputStream decompressing(InputStream compressed) throws IOException {
        return switch (this) {
            case NONE -> compressed;
            case GZIP -> new GZIPInputStream(compressed, BUFFER_BYTES);
            case ZSTD -> new ZstdInputStream(compressed);
        };
    }
}
