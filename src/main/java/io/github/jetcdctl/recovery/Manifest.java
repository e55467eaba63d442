package io.github.jetcdctl.recovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;

import io.github.jetcdctl.k8s.KubernetesDecoder;
import io.github.jetcdctl.k8s.KubernetesYaml;
import io.github.jetcdctl.k8s.StoredValue;

/**
 * A stored Kubernetes object turned into a manifest that {@code kubectl apply} (or {@code create}) takes: the
 * fields the API server sets are removed, and the document says which ones it removed. The rest is the object as
 * it was stored, field for field.
 */
public final class Manifest {
    /** Fields of metadata the API server sets and will not take from a client for a new object. */
    static final List<String> SERVER_SET_METADATA = List.of("resourceVersion", "uid", "creationTimestamp",
            "managedFields", "generation", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");

    private final Map<String, Object> object;
    private final List<String> removed;

    private Manifest(Map<String, Object> object, List<String> removed) {
        this.object = object;
        this.removed = List.copyOf(removed);
    }

    /** The manifest of {@code value}, or null when it holds no Kubernetes object (text, bytes, encrypted...). */
    public static Manifest of(KubernetesDecoder decoder, ByteString value) {
        StoredValue decoded = decoder.decode(value);
        if (!(decoded instanceof StoredValue.KubernetesObject o) || !o.object().containsKey("kind")) {
            return null;
        }
        Map<String, Object> object = copy(o.object());
        List<String> removed = new ArrayList<>();
        if (object.get("metadata") instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) m;
            for (String field : SERVER_SET_METADATA) {
                if (metadata.remove(field) != null) {
                    removed.add("metadata." + field);
                }
            }
        }
        // the status subresource: written by controllers and the API server, ignored on create
        if (object.remove("status") != null) {
            removed.add("status");
        }
        return new Manifest(object, removed);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> nested ? copy((Map<String, Object>) nested) : v));
        return copy;
    }

    public Map<String, Object> object() {
        return object;
    }

    /** The object's metadata.namespace; empty for a cluster-scoped object. */
    public String namespace() {
        return object.get("metadata") instanceof Map<?, ?> m && m.get("namespace") instanceof String ns ? ns : "";
    }

    /** The removed fields, as dotted paths: {@code metadata.uid}, {@code status}. */
    public List<String> removed() {
        return removed;
    }

    /**
     * The document: {@code ---}, comment lines naming the key, the revision, the sources and the removed fields,
     * then the object.
     */
    public String document(HistoryEntry entry, String keyText) {
        StringBuilder doc = new StringBuilder("---\n")
                .append("# ").append(keyText).append(" at revision ").append(entry.revision())
                .append(" (found in ").append(String.join(", ", entry.foundIn())).append(")\n");
        if (!removed.isEmpty()) {
            doc.append("# removed, set by the API server: ").append(String.join(", ", removed)).append('\n');
        }
        return doc.append(KubernetesYaml.of(object)).toString();
    }
}
