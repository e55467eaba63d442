package io.github.jetcdctl.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The encryption-at-rest audit: each named resource (a group name such as {@code secrets}) must hold no
 * plaintext value and, when allowed key names are given, no value under any other key. An allowed entry names a
 * key ({@code key2}, the last part of {@code k8s:enc:aescbc:v1:key2}; for KMS, the provider name) or a longer
 * tail of the prefix ({@code aescbc:v1:key2}, or the whole {@code k8s:enc:aescbc:v1:key2}).
 */
public final class EncryptionAudit {
    private final List<String> resources;
    private final List<String> allowedKeys;

    /** {@code allowedKeys} empty: any key name passes. */
    public EncryptionAudit(List<String> resources, List<String> allowedKeys) {
        this.resources = List.copyOf(resources);
        this.allowedKeys = List.copyOf(allowedKeys);
    }

    public boolean requested() {
        return !resources.isEmpty();
    }

    /** One line of the audit per named resource, in the order given, its namespaces added up. */
    public List<Finding> check(List<GroupTotals> groups) {
        List<Finding> findings = new ArrayList<>();
        for (String resource : resources) {
            byte[] name = resource.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            long values = 0;
            long plaintext = 0;
            Map<String, Long> disallowed = new TreeMap<>();
            for (GroupTotals g : groups) {
                if (!Arrays.equals(g.name().name(), name)) {
                    continue;
                }
                values += g.keys();
                for (Map.Entry<String, Long> e : g.storedAs().entrySet()) {
                    if (e.getKey().equals(GroupTotals.PLAINTEXT)) {
                        plaintext += e.getValue();
                    } else if (!allowed(e.getKey())) {
                        disallowed.merge(e.getKey(), e.getValue(), Long::sum);
                    }
                }
            }
            findings.add(new Finding(resource, values, plaintext, disallowed));
        }
        return findings;
    }

    private boolean allowed(String prefix) {
        if (allowedKeys.isEmpty()) {
            return true;
        }
        for (String key : allowedKeys) {
            if (prefix.equals(key) || prefix.endsWith(":" + key)) {
                return true;
            }
        }
        return false;
    }

    /** What the audit found in one resource: its values, how many are plaintext, and under which other keys. */
    public record Finding(String resource, long values, long plaintext, Map<String, Long> disallowed) {
        public Finding {
            disallowed = java.util.Collections.unmodifiableMap(new TreeMap<>(disallowed));
        }

        public boolean passed() {
            return plaintext == 0 && disallowed.isEmpty();
        }

        public long disallowedValues() {
            return disallowed.values().stream().mapToLong(Long::longValue).sum();
        }

        /** {@code secrets: 2 plaintext values, 1 under a key not allowed (k8s:enc:aescbc:v1:key1 1)}. */
        public String describe() {
            if (values == 0) {
                return resource + ": no values";
            }
            if (passed()) {
                return resource + ": " + values + (values == 1 ? " value" : " values")
                        + ", all encrypted under allowed keys";
            }
            List<String> problems = new ArrayList<>();
            if (plaintext > 0) {
                problems.add(plaintext + " plaintext " + (plaintext == 1 ? "value" : "values"));
            }
            if (!disallowed.isEmpty()) {
                List<String> each = new ArrayList<>();
                disallowed.forEach((k, v) -> each.add(k + " " + v));
                problems.add(disallowedValues() + " under keys not allowed (" + String.join(", ", each) + ")");
            }
            return resource + ": " + String.join(", ", problems) + " of " + values;
        }
    }
}
