package io.github.jetcdctl.k8s;

import java.util.Map;

/** An object as one YAML document body, written as --decode=k8s and kubectl write it (keys sorted, block style). */
public final class KubernetesYaml {
    private KubernetesYaml() {
    }

    public static String of(Map<String, Object> object) {
        return new YamlDocuments(null).body(new StoredValue.KubernetesObject(object));
    }
}
