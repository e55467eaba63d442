package io.github.jetcdctl.snapshot.raft;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** etcd's {@code types.NewURLs}: trims, parses and checks each URL, then sorts them by {@code String()}. */
public final class PeerUrls {
    private PeerUrls() {}

    /**
     * Parses and validates a list of URLs.
     *
     * @return the URLs, sorted as Go sorts their {@code String()} forms
     * @throws RestoreConfigException with etcd's message
     */
    public static List<GoUrl> parse(List<String> strs) throws RestoreConfigException {
        if (strs.isEmpty()) {
            throw new RestoreConfigException("no valid URLs given");
        }
        List<GoUrl> out = new ArrayList<>(strs.size());
        for (String s : strs) {
            String in = goTrimSpace(s);
            GoUrl u;
            try {
                u = GoUrl.parse(in);
            } catch (GoUrl.ParseException e) {
                throw new RestoreConfigException(e.getMessage());
            }
            switch (u.scheme()) {
                case "http", "https" -> {
                    if (GoUrl.splitHostPort(u.host()) == null) {
                        throw new RestoreConfigException("URL address does not have the form \"host:port\": " + in);
                    }
                    if (!u.path().isEmpty()) {
                        throw new RestoreConfigException("URL must not contain a path: " + in);
                    }
                }
                case "unix", "unixs" -> { }
                default -> throw new RestoreConfigException("URL scheme must be http, https, unix, or unixs: " + in);
            }
            out.add(u);
        }
        sort(out);
        return out;
    }

    /** Sorts by {@code String()} in Go byte order. */
    static void sort(List<GoUrl> urls) {
        urls.sort((a, b) -> RaftIds.compareGoStrings(a.toString(), b.toString()));
    }

    /** {@code String()} of each URL. */
    public static List<String> strings(List<GoUrl> urls) {
        List<String> out = new ArrayList<>(urls.size());
        urls.forEach(u -> out.add(u.toString()));
        return Collections.unmodifiableList(out);
    }

    /** Go {@code strings.TrimSpace} (ASCII white space plus Unicode spaces). */
    static String goTrimSpace(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isGoSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && isGoSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    private static boolean isGoSpace(char c) {
        return switch (c) {
            case '\t', '\n', 0x0b, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200a;
        };
    }
}
