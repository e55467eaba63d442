package io.github.jetcdctl.space;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Which group a key falls into: Kubernetes resources under /registry/, path segments elsewhere. */
class KeyGroupingTest {
    private static String group(KeyGrouping grouping, String key) {
        GroupName name = grouping.groupOf(key.getBytes(StandardCharsets.UTF_8));
        return new String(name.name(), StandardCharsets.UTF_8) + (name.namespace() == null ? "" : "|"
                + name.namespace());
    }

    @Test
    void kubernetesKeysGroupByResource() {
        KeyGrouping g = new KeyGrouping(new byte[0], 1, false, false);
        assertEquals("pods", group(g, "/registry/pods/default/web-0"));
        assertEquals("minions", group(g, "/registry/minions/node-1"));
        assertEquals("services/specs", group(g, "/registry/services/specs/default/kubernetes"));
        assertEquals("services/endpoints", group(g, "/registry/services/endpoints/default/kubernetes"));
        assertEquals("apps.example.com/widgets", group(g, "/registry/apps.example.com/widgets/ns1/w1"));
        assertEquals("apiregistration.k8s.io/apiservices",
                group(g, "/registry/apiregistration.k8s.io/apiservices/v1.apps"));
        assertEquals("masterleases", group(g, "/registry/masterleases"));
    }

    @Test
    void namespacesAreTheSegmentAfterTheResourceWhenANameFollows() {
        KeyGrouping g = new KeyGrouping("/registry/pods/".getBytes(StandardCharsets.UTF_8), 1, true, false);
        assertEquals("pods|default", group(g, "/registry/pods/default/web-0"));
        assertEquals("minions|", group(g, "/registry/minions/node-1"));
        assertEquals("apps.example.com/widgets|ns1", group(g, "/registry/apps.example.com/widgets/ns1/w1"));
    }

    @Test
    void otherKeysGroupByPathSegmentsAfterThePrefix() {
        KeyGrouping one = new KeyGrouping("/app/".getBytes(StandardCharsets.UTF_8), 1, false, false);
        assertEquals("/app/users/", group(one, "/app/users/1"));
        assertEquals("/app/", group(one, "/app/flag"));
        KeyGrouping two = new KeyGrouping(new byte[0], 2, false, false);
        assertEquals("/app/users/", group(two, "/app/users/1"));
        assertEquals("/app/", group(two, "/app/flag"));
        assertEquals("", group(two, "foo"));
        KeyGrouping byPath = new KeyGrouping("/registry/".getBytes(StandardCharsets.UTF_8), 1, false, true);
        assertEquals("/registry/services/", group(byPath, "/registry/services/specs/default/kubernetes"));
    }
}
