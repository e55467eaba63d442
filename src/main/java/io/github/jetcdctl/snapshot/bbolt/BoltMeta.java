package io.github.jetcdctl.snapshot.bbolt;

/**
 * A bbolt meta page (the 64 bytes at page offset 16).
 *
 * @param page        which meta page it came from (0 or 1)
 * @param magic       must be {@link Bolt#MAGIC}
 * @param version     must be 2
 * @param pageSize    page size in bytes
 * @param flags       meta flags (0)
 * @param root        page id of the root bucket's root page
 * @param sequence    root bucket sequence
 * @param freelist    freelist page id or {@link Bolt#NO_FREELIST}
 * @param pgid        high-water mark: number of pages in use
 * @param txid        transaction id
 * @param checksum    stored FNV-1a 64 checksum
 * @param computed    checksum computed over the first 56 bytes
 */
public record BoltMeta(int page, int magic, int version, long pageSize, int flags, long root, long sequence,
                       long freelist, long pgid, long txid, long checksum, long computed) {

    /** Parses the meta at {@code off} (the start of the 64-byte meta, i.e. page start + 16). */
    static BoltMeta parse(int page, byte[] b, int off) {
        return new BoltMeta(page, (int) Bolt.u32(b, off), (int) Bolt.u32(b, off + 4), Bolt.u32(b, off + 8),
                (int) Bolt.u32(b, off + 12), Bolt.u64(b, off + 16), Bolt.u64(b, off + 24), Bolt.u64(b, off + 32),
                Bolt.u64(b, off + 40), Bolt.u64(b, off + 48), Bolt.u64(b, off + 56), Bolt.fnv1a64(b, off, 56));
    }

    /** bbolt's validation: null when valid, else bbolt's error text. */
    public String validationError() {
        if (magic != Bolt.MAGIC) {
            return "invalid database";
        }
        if (version != Bolt.VERSION) {
            return "version mismatch";
        }
        if (checksum != computed) {
            return "checksum error";
        }
        return null;
    }

    public boolean isValid() {
        return validationError() == null;
    }

    /** {@code pgid × pageSize}: bbolt's {@code tx.Size()}. */
    public long totalSize() {
        return pgid * pageSize;
    }

    public boolean hasFreelist() {
        return freelist != Bolt.NO_FREELIST;
    }

    /** Encodes a meta into {@code b} at {@code off} (64 bytes) with a fresh checksum. */
    static void write(byte[] b, int off, long pageSize, long root, long freelist, long pgid, long txid) {
        Bolt.put32(b, off, Bolt.MAGIC);
        Bolt.put32(b, off + 4, Bolt.VERSION);
        Bolt.put32(b, off + 8, pageSize);
        Bolt.put32(b, off + 12, 0);
        Bolt.put64(b, off + 16, root);
        Bolt.put64(b, off + 24, 0);
        Bolt.put64(b, off + 32, freelist);
        Bolt.put64(b, off + 40, pgid);
        Bolt.put64(b, off + 48, txid);
        Bolt.put64(b, off + 56, Bolt.fnv1a64(b, off, 56));
    }
}
