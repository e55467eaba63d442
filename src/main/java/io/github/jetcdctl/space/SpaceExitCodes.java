package io.github.jetcdctl.space;

/** Exit codes of {@code space} beyond etcdctl's own (1 for errors, 128 for bad arguments). */
public final class SpaceExitCodes {
    /** The encryption audit found a plaintext value, or a value under a key not allowed, in a named resource. */
    public static final int AUDIT_FAILED = 20;

    /** For {@code space --help} (a picocli footer, hence {@code %n}). */
    public static final String HELP = "%nExit codes:%n"
            + "  0   report printed (and the audit, if asked, passed)%n"
            + "  1   the report could not be made (server, file or db error)%n"
            + "  " + AUDIT_FAILED + "  --require-encrypted: a named resource holds a plaintext value, or a value under "
            + "a key not in --allowed-keys%n"
            + "  128 bad arguments%n";

    private SpaceExitCodes() {
    }
}
