package io.github.jetcdctl.snapshot.raft;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The restores made with etcdutl 3.5.16 (resources captured from its output). */
final class Vectors {
    private Vectors() {}

    static byte[] resource(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClusterPlan plan(String token, String localName, Object... nameUrls) {
        java.util.Map<String, List<String>> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameUrls.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> urls = (List<String>) nameUrls[i + 1];
            m.put((String) nameUrls[i], urls);
        }
        List<Member> members = m.entrySet().stream()
                .map(e -> Member.create(e.getKey(), e.getValue(), token)).toList();
        Member local = members.stream().filter(x -> x.name().equals(localName)).findFirst().orElseThrow();
        return ClusterPlan.of(members, local);
    }

    static ClusterPlan a1() {
        return plan("tokA", "r1", "r1", List.of("http://127.0.0.1:23390"));
    }

    static ClusterPlan b3(String local) {
        return plan("tok3", local, "m1", List.of("http://127.0.0.1:23391"),
                "m2", List.of("http://127.0.0.1:23393"), "m3", List.of("http://127.0.0.1:23395"));
    }

    static ClusterPlan defaults() {
        return plan("etcd-cluster", "default", "default", List.of("http://localhost:2380"));
    }

    static ClusterPlan qx(String local) {
        return plan("tok \"quoted\"", local,
                "x&y<z>", List.of("http://127.0.0.1:23390", "http://127.0.0.2:23390"),
                "\u00fcn\u00ef", List.of("http://127.0.0.1:23392"),
                "q", List.of("https://[::1]:23394"));
    }

    static final String J1_NAME = "a\bb\fc\u0001d\u007fe\u2028f\tg\"h\\i<>&\u00e9\uD83D\uDE00";

    static ClusterPlan j1() {
        return plan("etcd-cluster", J1_NAME, J1_NAME, List.of("http://127.0.0.1:23390"));
    }
}
