package io.github.jetcdctl.space;

/** One of the largest objects: its key and the bytes of key and current value together. */
public record LargeObject(byte[] key, long bytes) {
}
