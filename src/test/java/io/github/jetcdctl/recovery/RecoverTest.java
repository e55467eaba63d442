package io.github.jetcdctl.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import io.github.jetcdctl.k8s.StoredObjects;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * recover against a real etcd: a namespace's ConfigMaps, Deployment and Pod, as the API server stores them, are
 * backed up and then deleted. Each comes back as a manifest equal, field by field, to the object as it was (read
 * with get --decode=k8s before the delete) less the fields the API server sets, which the manifest names; a whole
 * namespace comes back in one file; a plain value is put back only when confirmed and only while unchanged.
 */
class RecoverTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();
    static final String NS = "team";
    static final Map<String, byte[]> OBJECTS = new LinkedHashMap<>();

    @TempDir
    static Path dir;
    static Jetcdctl jetcdctl;
    static Etcdctl etcdctl;
    static Path backups;
    /** The objects as get --decode=k8s showed them before they were deleted, by key. */
    static Map<String, Map<String, Object>> asTheyWere = new LinkedHashMap<>();
    static long featureOn;

    @BeforeAll
    static void storeBackUpAndDelete() throws IOException {
        jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
        etcdctl = ETCD.etcdctl();
        OBJECTS.put("/registry/configmaps/team/flags",
                StoredObjects.envelope("v1", "ConfigMap", StoredObjects.configMap(NS, "flags")));
        OBJECTS.put("/registry/configmaps/team/settings",
                StoredObjects.envelope("v1", "ConfigMap", StoredObjects.configMap(NS, "settings")));
        OBJECTS.put("/registry/deployments/team/api",
                StoredObjects.envelope("apps/v1", "Deployment", StoredObjects.deployment(NS, "api")));
        OBJECTS.put("/registry/pods/team/web-0", StoredObjects.envelope("v1", "Pod", StoredObjects.pod(NS, "web-0")));
        OBJECTS.put("/registry/configmaps/other/kept",
                StoredObjects.envelope("v1", "ConfigMap", StoredObjects.configMap("other", "kept")));
        OBJECTS.forEach(RecoverTest::put);
        put("plain/feature", "on".getBytes(StandardCharsets.UTF_8));
        featureOn = OfflineGetTest.revisionOf(etcdctl);
        put("plain/feature", "off".getBytes(StandardCharsets.UTF_8));
        for (String key : OBJECTS.keySet()) {
            String yaml = jetcdctl.run("get", key, "--decode=k8s").stdoutText();
            asTheyWere.put(key, load(yaml));
        }
        backups = dir.resolve("backups");
        Files.createDirectories(backups);
        Backups.take(jetcdctl, backups, "gzip");
        for (String resource : List.of("configmaps", "deployments", "pods")) {
            assertTrue(etcdctl.run("del", "/registry/" + resource + "/team/", "--prefix").succeeded());
        }
    }

    static void put(String key, byte[] value) {
        ProcessResult put = etcdctl.runWithStdin(value, "put", key);
        assertTrue(put.succeeded(), put.toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String yaml) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> loadAll(String yaml) {
        List<Map<String, Object>> all = new ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(yaml).forEach(d -> all.add((Map<String, Object>) d));
        return all;
    }

    /** The object as it was, less what the API server sets. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> expected(String key) {
        Map<String, Object> object = new LinkedHashMap<>(asTheyWere.get(key));
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) object.get("metadata"));
        for (String field : List.of("resourceVersion", "uid", "creationTimestamp", "managedFields", "generation")) {
            metadata.remove(field);
        }
        object.put("metadata", metadata);
        object.remove("status");
        return object;
    }

    @Test
    void aDeletedConfigMapIsFoundInTheBackupsAndComesBackAsAManifest() throws IOException {
        String key = "/registry/configmaps/team/flags";
        ProcessResult found = jetcdctl.run("history", "/registry/configmaps/team/", "--prefix", "--deleted",
                "--from", backups.toString(), "--cluster", "--keys-only");
        assertEquals(0, found.exitCode(), found.toString());
        assertTrue(found.stdoutText().contains(" DELETE " + key + " in cluster\n"), found.stdoutText());
        Path manifest = dir.resolve("flags.yaml");
        ProcessResult recovered = jetcdctl.run("recover", key, "--from", backups.toString(), "--output",
                manifest.toString());
        assertEquals(0, recovered.exitCode(), recovered.toString());
        String text = Files.readString(manifest);
        assertTrue(text.startsWith("---\n# " + key + " at revision "), text);
        assertTrue(text.contains("\n# removed, set by the API server: metadata.uid, metadata.creationTimestamp, "
                + "metadata.generation\n"), text);
        List<Map<String, Object>> documents = loadAll(text);
        assertEquals(List.of(expected(key)), documents);
    }

    @Test
    void aWholeNamespaceComesBackInOneFile() {
        ProcessResult recovered = jetcdctl.run("recover", "/registry/", "--prefix", "--namespace", NS, "--from",
                backups.toString());
        assertEquals(0, recovered.exitCode(), recovered.toString());
        List<Map<String, Object>> documents = loadAll(recovered.stdoutText());
        List<Map<String, Object>> expected = new ArrayList<>();
        for (String key : OBJECTS.keySet()) {
            if (key.contains("/team/")) {
                expected.add(expected(key));
            }
        }
        assertEquals(expected, documents);
        assertTrue(recovered.stdoutText().contains("metadata.managedFields"), "the Pod's managed fields");
        assertTrue(recovered.stdoutText().contains(", status\n"), "the Pod's and the Deployment's status");
    }

    @Test
    void aPlainValueIsPutBackOnlyWhenConfirmedAndUnchanged() {
        ProcessResult unconfirmed = jetcdctl.run("recover", "plain/feature", "--rev", Long.toString(featureOn),
                "--from", backups.toString(), "--put-back");
        assertEquals(128, unconfirmed.exitCode(), unconfirmed.toString());
        ProcessResult object = jetcdctl.run("recover", "/registry/configmaps/team/flags", "--from",
                backups.toString(), "--put-back", "--confirm");
        assertEquals(1, object.exitCode(), object.toString());
        assertTrue(object.stderrText().contains("holds a Kubernetes object"), object.stderrText());

        ProcessResult putBack = jetcdctl.run("recover", "plain/feature", "--rev", Long.toString(featureOn),
                "--from", backups.toString(), "--put-back", "--confirm");
        assertEquals(0, putBack.exitCode(), putBack.toString());
        assertEquals("OK\n", putBack.stdoutText());
        assertEquals("on\n", etcdctl.run("get", "plain/feature", "--print-value-only").stdoutText());

        ProcessResult again = jetcdctl.run("recover", "plain/feature", "--rev", Long.toString(featureOn),
                "--from", backups.toString(), "--put-back", "--confirm");
        assertEquals(1, again.exitCode(), again.toString());
        assertTrue(again.stderrText().startsWith("Error: plain/feature: the key changed since revision "),
                again.stderrText());
    }

    @Test
    void nothingToBringBackIsOneClearError() {
        ProcessResult none = jetcdctl.run("recover", "/registry/secrets/", "--prefix", "--from", backups.toString());
        assertEquals(1, none.exitCode());
        assertTrue(none.stderrText().startsWith("Error: no value to bring back: "), none.stderrText());
    }
}
