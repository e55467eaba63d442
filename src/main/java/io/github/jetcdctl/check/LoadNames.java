package io.github.jetcdctl.check;

import java.util.Map;

/** etcdctl's load names and their aliases; an unknown name is etcdctl's "unknown load option" error. */
final class LoadNames {
    private static final Map<String, String> CANONICAL = Map.of(
            "s", "s", "small", "s",
            "m", "m", "medium", "m",
            "l", "l", "large", "l",
            "xl", "xl", "xLarge", "xl");

    private LoadNames() {
    }

    static String canonical(String name) {
        String canonical = CANONICAL.get(name);
        if (canonical == null) {
            throw new IllegalArgumentException("unknown load option " + name);
        }
        return canonical;
    }
}
