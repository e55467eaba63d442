package io.github.jetcdctl.client;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Just enough DER to find a curve OID in a SEC1 key and to wrap keys into PKCS#8. */
final class DerReader {
    private final byte[] data;
    private int pos;
    private final int end;

    DerReader(byte[] data) {
        this(data, 0, data.length);
    }

    private DerReader(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    boolean hasMore() {
        return pos < end;
    }

    int peekTag() throws TlsConfigException {
        check(pos < end);
        return data[pos] & 0xff;
    }

    /** Enters the constructed element at the cursor, which must carry the given tag. */
    DerReader enter(int tag) throws TlsConfigException {
        check(peekTag() == tag);
        int[] header = header();
        DerReader inner = new DerReader(data, header[0], header[0] + header[1]);
        pos = header[0] + header[1];
        return inner;
    }

    /** The whole element at the cursor, tag and length included. */
    byte[] element() throws TlsConfigException {
        int start = pos;
        int[] header = header();
        pos = header[0] + header[1];
        return Arrays.copyOfRange(data, start, pos);
    }

    void skip() throws TlsConfigException {
        element();
    }

    private int[] header() throws TlsConfigException {
        check(pos + 2 <= end);
        int p = pos + 1;
        int length = data[p++] & 0xff;
        if (length >= 0x80) {
            int octets = length & 0x7f;
            check(octets >= 1 && octets <= 3 && p + octets <= end);
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (data[p++] & 0xff);
            }
        }
        check(p + length <= end);
        return new int[] {p, length};
    }

    private static void check(boolean ok) throws TlsConfigException {
        if (!ok) {
            throw new TlsConfigException("malformed DER in private key");
        }
    }

    static byte[] encode(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
