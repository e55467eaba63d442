package io.github.jetcdctl.k8s;

import static io.github.jetcdctl.k8s.KubernetesDecoderTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.ByteString;

import io.github.jetcdctl.bench.Loader;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;
import io.github.jetcdctl.testing.ScriptedInput;

/**
 * get and watch with --decode=k8s against a real etcd holding what a Kubernetes API server writes: objects built
 * with the published API classes in their protobuf envelope, values encrypted at rest, a JSON custom resource,
 * plain text and bytes. The output is read back with a YAML and a JSON parser and checked field by field.
 */
class DecodeCommandsTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    static final String POD = "/registry/pods/default/web-0";
    static final String WATCHED = "/registry/pods/monitoring/node-exporter-889hf";
    static final Pattern REVISION = Pattern.compile("\"revision\":(\\d+)");
    static final byte[] CIPHERTEXT = {(byte) 0x8f, 0, 0x12, ':', (byte) 0xfe, 0x0a};

    /** The values under /registry/, in key order. */
    static final Map<String, byte[]> STORED = new LinkedHashMap<>();
    static Jetcdctl jetcdctl;
    static Etcdctl etcdctl;
    static long watchedPutRevision;

    @BeforeAll
    static void storeWhatAnApiServerWrites() throws Exception {
        jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
        etcdctl = ETCD.etcdctl();
        STORED.put("/registry/configmaps/default/settings",
                StoredObjects.envelope("v1", "ConfigMap", StoredObjects.configMap("default", "settings")));
        STORED.put("/registry/deployments/prod/api",
                StoredObjects.envelope("apps/v1", "Deployment", StoredObjects.deployment("prod", "api")));
        STORED.put("/registry/leases/kube-node-lease/node-1", StoredObjects.envelope("coordination.k8s.io/v1",
                "Lease", StoredObjects.lease("kube-node-lease", "node-1")));
        STORED.put("/registry/plain/binary", new byte[] {0, 1, (byte) 0xff, '\n'});
        STORED.put("/registry/plain/text", "ranges: 10.0.0.0/24".getBytes(StandardCharsets.UTF_8));
        STORED.put(POD, StoredObjects.envelope("v1", "Pod", StoredObjects.pod("default", "web-0")));
        STORED.put("/registry/secrets/default/db",
                StoredObjects.envelope("v1", "Secret", StoredObjects.secret("default", "db")));
        STORED.put("/registry/secrets/default/sealed", concat("k8s:enc:aescbc:v1:key1:", CIPHERTEXT));
        STORED.put("/registry/secrets/kube-system/token", concat("k8s:enc:kms:v2:cloud-kms:", CIPHERTEXT));
        STORED.put("/registry/stable.example.com/crontabs/default/nightly", ("{\"apiVersion\":\"stable.example.com/v1\","
                + "\"kind\":\"CronTab\",\"metadata\":{\"name\":\"nightly\",\"namespace\":\"default\"},"
                + "\"spec\":{\"cronSpec\":\"0 3 * * *\",\"replicas\":2,\"on\":true}}").getBytes(StandardCharsets.UTF_8));
        STORED.put("/registry/widgets.k8s.io/widgets/default/w1", StoredObjects.envelope("widgets.k8s.io/v1",
                "Widget", StoredObjects.configMap("default", "w1")));
        List<String> keys = List.copyOf(STORED.keySet());
        Loader.putAll(ETCD.cluster().clientEndpoints().get(0), keys.size(), 100,
                i -> ByteString.copyFromUtf8(keys.get(i)), i -> ByteString.copyFrom(STORED.get(keys.get(i))));

        byte[] exporter = StoredObjects.envelope("v1", "Pod", StoredObjects.pod("monitoring", "node-exporter-889hf"));
        Matcher put = REVISION.matcher(etcdctl.runWithStdin(exporter, "put", WATCHED, "-w", "json").stdoutText());
        assertTrue(put.find());
        watchedPutRevision = Long.parseLong(put.group(1));
        etcdctl.run("del", WATCHED);
    }

    private static byte[] concat(String prefix, byte[] bytes) {
        return ByteString.copyFromUtf8(prefix).concat(ByteString.copyFrom(bytes)).toByteArray();
    }

    /** The documents of a YAML stream, by their title line ({@code --- # TITLE}), in order. */
    static List<Map.Entry<String, Object>> yamlDocuments(String output) {
        List<String> titles = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("---")) {
                assertTrue(line.startsWith("--- # "), line);
                titles.add(line.substring("--- # ".length()));
            }
        }
        List<Object> documents = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(output).forEach(documents::add);
        assertEquals(titles.size(), documents.size(), "one document per title line:\n" + output);
        List<Map.Entry<String, Object>> all = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            all.add(new java.util.AbstractMap.SimpleEntry<>(titles.get(i), documents.get(i)));
        }
        return all;
    }

    /** Each line checked as strict JSON, then read as a tree. */
    static List<Map<String, Object>> jsonLines(String output) throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        Load load = new Load(LoadSettings.builder().build());
        JsonFactory json = new JsonFactory();
        for (String line : output.split("\n")) {
            try (JsonParser parser = json.createParser(line)) {
                while (parser.nextToken() != null) {
                    parser.skipChildren();
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) load.loadFromString(line);
            lines.add(tree);
        }
        return lines;
    }

    private ProcessResult decode(String... args) {
        ProcessResult result = jetcdctl.run(args);
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("", result.stderrText());
        return result;
    }

    @Test
    void aPrefixDecodesEveryKindOfValueAsYaml() {
        List<Map.Entry<String, Object>> documents = yamlDocuments(
                decode("get", "/registry/", "--prefix", "--decode=k8s").stdoutText());
        assertEquals(List.copyOf(STORED.keySet()), documents.stream().map(Map.Entry::getKey).toList());
        Map<String, Object> byKey = new LinkedHashMap<>();
        documents.forEach(d -> byKey.put(d.getKey(), d.getValue()));

        Object pod = byKey.get(POD);
        assertEquals(List.of("apiVersion", "kind", "metadata", "spec", "status"),
                List.copyOf(((Map<?, ?>) pod).keySet()), "sorted keys, apiVersion and kind first");
        assertEquals("v1", at(pod, "apiVersion"));
        assertEquals("Pod", at(pod, "kind"));
        assertEquals("web-0", at(pod, "metadata", "name"));
        assertEquals("2024-03-01T12:00:00Z", at(pod, "metadata", "creationTimestamp"));
        assertEquals("line one\nline two", at(pod, "metadata", "annotations", "note"));
        assertEquals("", at(pod, "metadata", "labels", "tier"));
        assertEquals("500m", at(pod, "spec", "containers", 0, "resources", "limits", "cpu"));
        assertEquals("128Mi", at(pod, "spec", "containers", 0, "resources", "limits", "memory"));
        assertEquals(8080, (Integer) at(pod, "spec", "containers", 0, "ports", 0, "containerPort"));
        assertEquals("http", at(pod, "spec", "containers", 0, "livenessProbe", "httpGet", "port"));
        assertEquals(8080, (Integer) at(pod, "spec", "containers", 0, "readinessProbe", "tcpSocket", "port"));
        assertEquals(Map.of(), at(pod, "spec", "volumes", 0, "emptyDir"));
        assertEquals(false, at(pod, "status", "containerStatuses", 0, "ready"));
        assertEquals("10.1.2.3", at(pod, "status", "podIP"));

        Object deployment = byKey.get("/registry/deployments/prod/api");
        assertEquals("apps/v1", at(deployment, "apiVersion"));
        assertEquals(3, (Integer) at(deployment, "spec", "replicas"));
        assertEquals("25%", at(deployment, "spec", "strategy", "rollingUpdate", "maxSurge"));
        assertEquals(1, (Integer) at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable"));
        assertEquals("registry.k8s.io/api:v1", at(deployment, "spec", "template", "spec", "containers", 0, "image"));

        Object configMap = byKey.get("/registry/configmaps/default/settings");
        assertEquals("color=blue\nsize=3\n", at(configMap, "data", "app.properties"));
        assertEquals("8080", at(configMap, "data", "port"), "a string that looks like a number stays a string");
        assertEquals("AAEC/w==", at(configMap, "binaryData", "blob"));
        assertEquals("czNjcjN0IQ==", at(byKey.get("/registry/secrets/default/db"), "data", "password"));

        Object lease = byKey.get("/registry/leases/kube-node-lease/node-1");
        assertEquals("coordination.k8s.io/v1", at(lease, "apiVersion"));
        assertEquals("2024-03-01T12:00:30.123456Z", at(lease, "spec", "renewTime"));
        assertEquals(40, (Integer) at(lease, "spec", "leaseDurationSeconds"));

        Object cronTab = byKey.get("/registry/stable.example.com/crontabs/default/nightly");
        assertEquals("0 3 * * *", at(cronTab, "spec", "cronSpec"));
        assertEquals(true, at(cronTab, "spec", "on"));

        Object widget = byKey.get("/registry/widgets.k8s.io/widgets/default/w1");
        assertEquals("Widget", at(widget, "kind"));
        assertEquals("w1", at(widget, "metadata", "name"));
        assertEquals("ranges: 10.0.0.0/24", byKey.get("/registry/plain/text"));
        assertEquals(List.of(0, 1, 255, 10), toList((byte[]) byKey.get("/registry/plain/binary")));
        assertNull(byKey.get("/registry/secrets/default/sealed"), "only a comment");
    }

    private static List<Integer> toList(byte[] bytes) {
        List<Integer> list = new ArrayList<>();
        for (byte b : bytes) {
            list.add(b & 0xff);
        }
        return list;
    }

    @Test
    void encryptedValuesAndUnknownKindsSayWhatTheyAre() {
        String output = decode("get", "/registry/", "--prefix", "--decode=k8s").stdoutText();
        assertTrue(output.contains("--- # /registry/secrets/default/sealed\n"
                + "# encrypted at rest by aescbc (k8s:enc:aescbc:v1:key1), 29 bytes\n"), output);
        assertTrue(output.contains("--- # /registry/secrets/kube-system/token\n"
                + "# encrypted at rest by kms (k8s:enc:kms:v2:cloud-kms), 31 bytes\n"), output);
        int raw = StoredObjects.configMap("default", "w1").getSerializedSize();
        assertTrue(output.contains("# no protobuf type for widgets.k8s.io/v1 Widget in this jetcdctl; " + raw
                + " bytes not decoded\n"), output);
    }

    @Test
    void aPrefixDecodesAsJsonLines() throws IOException {
        List<Map<String, Object>> lines = jsonLines(
                decode("get", "/registry/", "--prefix", "--decode=k8s", "--decode-output=json").stdoutText());
        assertEquals(List.copyOf(STORED.keySet()), lines.stream().map(l -> l.get("key")).toList());
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        lines.forEach(l -> byKey.put((String) l.get("key"), l));

        Map<String, Object> pod = byKey.get(POD);
        assertEquals(List.of("key", "object"), List.copyOf(pod.keySet()));
        assertEquals(List.of("apiVersion", "kind", "metadata", "spec", "status"),
                List.copyOf(((Map<?, ?>) pod.get("object")).keySet()), "JSON keeps the API's field order");
        assertEquals("web-0", at(pod, "object", "metadata", "name"));
        assertEquals("500m", at(pod, "object", "spec", "containers", 0, "resources", "limits", "cpu"));
        assertEquals("http", at(pod, "object", "spec", "containers", 0, "livenessProbe", "httpGet", "port"));
        assertEquals(8080, (Integer) at(pod, "object", "spec", "containers", 0, "ports", 0, "containerPort"));
        assertEquals("2024-03-01T12:00:30.123456Z",
                at(byKey.get("/registry/leases/kube-node-lease/node-1"), "object", "spec", "renewTime"));
        assertEquals(Map.of("provider", "aescbc", "version", "v1", "keyName", "key1", "bytes", 29),
                byKey.get("/registry/secrets/default/sealed").get("encrypted"));
        assertEquals("kms", at(byKey.get("/registry/secrets/kube-system/token"), "encrypted", "provider"));
        assertEquals("ranges: 10.0.0.0/24", byKey.get("/registry/plain/text").get("value"));
        assertEquals("AAH/Cg==", byKey.get("/registry/plain/binary").get("valueBase64"));
        assertEquals(2, (Integer) at(byKey.get("/registry/stable.example.com/crontabs/default/nightly"),
                "object", "spec", "replicas"));
        Map<String, Object> widget = byKey.get("/registry/widgets.k8s.io/widgets/default/w1");
        assertEquals("w1", at(widget, "object", "metadata", "name"));
        assertTrue(((String) widget.get("note")).startsWith("no protobuf type for widgets.k8s.io/v1 Widget"));
    }

    @Test
    void oneKeyDecodes() {
        List<Map.Entry<String, Object>> documents = yamlDocuments(decode("get", POD, "--decode", "k8s").stdoutText());
        assertEquals(1, documents.size());
        assertEquals(POD, documents.get(0).getKey());
        assertEquals("nginx:1.27", at(documents.get(0).getValue(), "spec", "containers", 0, "image"));
    }

    @Test
    void watchShowsAPutThenADelete() throws IOException {
        String rev = "--rev=" + watchedPutRevision;
        List<Map.Entry<String, Object>> documents = yamlDocuments(
                jetcdctl.runFor(Duration.ofSeconds(2), "watch", WATCHED, rev, "--decode=k8s").stdoutText());
        assertEquals(List.of("PUT " + WATCHED, "DELETE " + WATCHED),
                documents.stream().map(Map.Entry::getKey).toList());
        assertEquals("node-exporter-889hf", at(documents.get(0).getValue(), "metadata", "name"));
        assertEquals("monitoring", at(documents.get(0).getValue(), "metadata", "namespace"));
        assertNull(documents.get(1).getValue(), "a deleted key has an empty document");

        List<Map.Entry<String, Object>> withPrevious = yamlDocuments(jetcdctl.runFor(Duration.ofSeconds(2),
                "watch", WATCHED, rev, "--prev-kv", "--decode=k8s").stdoutText());
        assertEquals(List.of("PUT " + WATCHED, "DELETE " + WATCHED, "previous " + WATCHED),
                withPrevious.stream().map(Map.Entry::getKey).toList());
        assertEquals("node-exporter-889hf", at(withPrevious.get(2).getValue(), "metadata", "name"));

        List<Map<String, Object>> lines = jsonLines(jetcdctl.runFor(Duration.ofSeconds(2), "watch", WATCHED, rev,
                "--prev-kv", "--decode=k8s", "--decode-output=json").stdoutText());
        assertEquals(2, lines.size());
        assertEquals(List.of("type", "key", "object"), List.copyOf(lines.get(0).keySet()));
        assertEquals("PUT", lines.get(0).get("type"));
        assertEquals("Pod", at(lines.get(0), "object", "kind"));
        assertEquals(List.of("type", "key", "previous"), List.copyOf(lines.get(1).keySet()));
        assertEquals("DELETE", lines.get(1).get("type"));
        assertEquals(WATCHED, lines.get(1).get("key"));
        assertEquals("node-exporter-889hf", at(lines.get(1), "previous", "object", "metadata", "name"));
    }

    @Test
    void interactiveWatchDecodesEveryWatchAndKeepsProgressLinesOutOfTheDocuments() {
        String rev = "--rev=" + watchedPutRevision;
        ScriptedInput input = new ScriptedInput().type("watch " + WATCHED + " " + rev + "\n")
                .pause(Duration.ofMillis(1500)).type("progress\n").pause(Duration.ofMillis(1500));
        String output = jetcdctl.runFor(Duration.ofSeconds(5), input.stream(),
                List.of("watch", "-i", "--decode=k8s")).stdoutText();
        List<Map.Entry<String, Object>> documents = yamlDocuments(output);
        assertEquals(List.of("PUT " + WATCHED, "DELETE " + WATCHED), documents.stream().map(Map.Entry::getKey).toList());
        assertNull(documents.get(1).getValue(), "the progress line is a comment, not part of a document");
        assertTrue(output.matches("(?s).*\n# progress notify: \\d+\n"), output);

        String json = jetcdctl.runFor(Duration.ofSeconds(5), new ScriptedInput().type("watch " + WATCHED + " " + rev
                + "\n").pause(Duration.ofMillis(1500)).type("progress\n").pause(Duration.ofMillis(1500)).stream(),
                List.of("watch", "-i", "--decode=k8s", "--decode-output=json")).stdoutText();
        assertTrue(json.matches("(?s).*\n\\{\"progressNotify\":\\d+}\n"), json);
    }

    @Test
    void watchDecodesEventsAsTheyArrive() throws InterruptedException {
        String key = "/registry/leases/kube-node-lease/live";
        CompletableFuture<ProcessResult> watch = CompletableFuture.supplyAsync(
                () -> jetcdctl.runFor(Duration.ofSeconds(6), "watch", key, "--decode=k8s"));
        Thread.sleep(2500);
        etcdctl.runWithStdin(StoredObjects.envelope("coordination.k8s.io/v1", "Lease",
                StoredObjects.lease("kube-node-lease", "live")), "put", key);
        etcdctl.run("del", key);
        List<Map.Entry<String, Object>> documents = yamlDocuments(watch.join().stdoutText());
        assertEquals(List.of("PUT " + key, "DELETE " + key), documents.stream().map(Map.Entry::getKey).toList());
        assertEquals("2024-03-01T12:00:30.123456Z", at(documents.get(0).getValue(), "spec", "renewTime"));
    }

    @Test
    void aRangeLargerThanOnePageDecodesEveryKeyInOrder() throws Exception {
        int count = 2500;
        Loader.putAll(ETCD.cluster().clientEndpoints().get(0), count, 100, i -> Loader.podKey("/many", i),
                i -> ByteString.copyFrom(StoredObjects.envelope("v1", "Pod", StoredObjects.pod("ns", "pod-" + i))));
        List<Map<String, Object>> lines = jsonLines(
                decode("get", "/many/", "--prefix", "--decode=k8s", "--decode-output=json").stdoutText());
        assertEquals(count, lines.size());
        List<String> keys = lines.stream().map(l -> (String) l.get("key")).toList();
        assertEquals(keys.stream().sorted().toList(), keys);
        for (Map<String, Object> line : lines) {
            String key = (String) line.get("key");
            assertEquals(key.substring(key.lastIndexOf('/') + 1).replaceFirst("^pod-0*(?=\\d)", "pod-"),
                    at(line, "object", "metadata", "name"));
        }
    }
}
