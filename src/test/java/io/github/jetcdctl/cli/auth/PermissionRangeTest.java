package io.github.jetcdctl.cli.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.jetcdctl.CliException;

class PermissionRangeTest {
    @Test
    void singleKeyPrefixFromKeyAndExplicitEnd() {
        assertRange("k", "", range(false, false, "k"));
        assertRange("k", "l", range(true, false, "k"));
        assertRange("k", "\0", range(false, true, "k"));
        assertRange("a", "z", range(false, false, "a", "z", "ignored"));
    }

    @Test
    void anEmptyKeyIsSpelledAsZeroByte() {
        assertRange("\0", "", range(false, false, ""));
        assertRange("\0", "\0", range(true, false, ""));
        assertRange("\0", "\0", range(false, true, "", "end is ignored"));
    }

    @Test
    void conflictingFlagsAreRejectedWithEtcdctlsWords() {
        assertEquals("--from-key and --prefix flags are mutually exclusive",
                assertThrows(CliException.class, () -> range(true, true, "k")).getMessage());
        assertEquals("--from-key and --prefix flags are mutually exclusive",
                assertThrows(CliException.class, () -> range(true, true, "")).getMessage());
        assertEquals("unexpected endkey argument with --prefix flag",
                assertThrows(CliException.class, () -> range(true, false, "a", "b")).getMessage());
        assertEquals("unexpected endkey argument with --from-key flag",
                assertThrows(CliException.class, () -> range(false, true, "a", "b")).getMessage());
    }

    private static PermissionRange range(boolean prefix, boolean fromKey, String... args) {
        List<byte[]> bytes = new ArrayList<>();
        for (String arg : args) {
            bytes.add(arg.getBytes(StandardCharsets.UTF_8));
        }
        return PermissionRange.of(bytes, prefix, fromKey);
    }

    private static void assertRange(String key, String end, PermissionRange range) {
        assertArrayEquals(key.getBytes(StandardCharsets.UTF_8), range.key());
        assertArrayEquals(end.getBytes(StandardCharsets.UTF_8), range.rangeEnd());
    }
}
