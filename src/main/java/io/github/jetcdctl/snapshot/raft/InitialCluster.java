package io.github.jetcdctl.snapshot.raft;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --initial-cluster name=url[,name=url...]} as etcd's {@code types.NewURLsMap} reads it:
 * items split on {@code ,}, empty items skipped, each item split at its first {@code =}, URLs
 * grouped by name (a name may repeat), each group validated and sorted by {@link PeerUrls}.
 */
public final class InitialCluster {
    /** etcdutl's default {@code --initial-cluster} (independent of {@code --name}). */
    public static final String DEFAULT = "default=http://localhost:2380";

    private final Map<String, List<GoUrl>> byName;

    private InitialCluster(Map<String, List<GoUrl>> byName) {
        this.byName = byName;
    }

    /** Parses and validates the flag value. Names keep the order of their first appearance. */
    public static InitialCluster parse(String s) throws RestoreConfigException {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        for (String item : s.split(",", -1)) {
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String name = eq >= 0 ? item.substring(0, eq) : item;
            String url = eq >= 0 ? item.substring(eq + 1) : "";
            raw.computeIfAbsent(name, k -> new ArrayList<>()).add(url);
        }
        Map<String, List<GoUrl>> m = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : raw.entrySet()) {
            m.put(e.getKey(), Collections.unmodifiableList(PeerUrls.parse(e.getValue())));
        }
        return new InitialCluster(Collections.unmodifiableMap(m));
    }

    /** Names in order of first appearance. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The sorted URLs of a name, or {@code null} if the name is absent. */
    public List<GoUrl> urls(String name) {
        return byName.get(name);
    }

    /** The sorted URL strings of a name, or {@code null} if absent. */
    public List<String> urlStrings(String name) {
        List<GoUrl> u = byName.get(name);
        return u == null ? null : PeerUrls.strings(u);
    }

    /** All entries. */
    public Map<String, List<GoUrl>> asMap() {
        return byName;
    }

    /** Go {@code URLsMap.String()}: every {@code name=url} pair, sorted as strings, joined by commas. */
    @Override
    public String toString() {
        return mapString(byName);
    }

    static String mapString(Map<String, List<GoUrl>> m) {
        List<String> pairs = new ArrayList<>();
        m.forEach((name, urls) -> urls.forEach(u -> pairs.add(name + "=" + u)));
        pairs.sort(RaftIds::compareGoStrings);
        return String.join(",", pairs);
    }

    /** Go's {@code CheckDuplicateURL}: true if any URL string appears twice. */
    public boolean hasDuplicateUrl() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (List<GoUrl> urls : byName.values()) {
            for (GoUrl u : urls) {
                if (!seen.add(u.toString())) {
                    return true;
                }
            }
        }
        return false;
    }
}
