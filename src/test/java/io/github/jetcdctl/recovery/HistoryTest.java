package io.github.jetcdctl.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
 * history against a real etcd: ConfigMaps as the API server stores them, changed and deleted (one, then their
 * whole namespace) between three backups taken by {@code backup}, and the cluster compacted at the end. Each change
 * is found once, naming the backups that hold it; the cluster's own history (before and after the compaction)
 * agrees with the files'.
 */
class HistoryTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();
    static final String CM = "/registry/configmaps/team/";

    @TempDir
    static Path dir;
    static Jetcdctl jetcdctl;
    static Etcdctl etcdctl;
    static Path backups;
    static List<Path> backupFiles = new ArrayList<>();
    static String liveBeforeCompaction;
    static long compactedAt;
    static long settingsChanged;

    @BeforeAll
    static void changeDeleteAndBackUp() throws IOException {
        jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
        etcdctl = ETCD.etcdctl();
        backups = dir.resolve("backups");
        Files.createDirectories(backups);
        for (String name : List.of("settings", "flags", "routes")) {
            put(CM + name, StoredObjects.envelope("v1", "ConfigMap", StoredObjects.configMap("team", name)));
        }
        put("plain/x", "v1".getBytes());
        backUp();
        put(CM + "settings", StoredObjects.envelope("v1", "ConfigMap",
                StoredObjects.configMap("team", "settings").toBuilder().putData("port", "9090").build()));
        settingsChanged = OfflineGetTest.revisionOf(etcdctl);
        assertTrue(etcdctl.run("del", CM + "flags").succeeded());
        put("plain/x", "v2".getBytes());
        backUp();
        assertTrue(etcdctl.run("del", CM, "--prefix").succeeded());
        liveBeforeCompaction = history("history", CM, "--prefix", "-w", "json").stdoutText();
        compactedAt = OfflineGetTest.revisionOf(etcdctl);
        assertTrue(etcdctl.run("compaction", Long.toString(compactedAt)).succeeded());
        put("plain/x", "v3".getBytes());
        backUp();
    }

    static void put(String key, byte[] value) {
        ProcessResult put = etcdctl.runWithStdin(value, "put", key);
        assertTrue(put.succeeded(), put.toString());
    }

    static void backUp() throws IOException {
        Backups.take(jetcdctl, backups, "zstd");
        try (Stream<Path> files = Files.list(backups)) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".db.zst")).sorted().toList();
            Path newest = all.stream().filter(f -> !backupFiles.contains(f)).findFirst().orElseThrow();
            backupFiles.add(newest);
        }
    }

    static ProcessResult history(String... args) {
        ProcessResult result = jetcdctl.run(args);
        assertEquals(0, result.exitCode(), result.toString());
        return result;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> entries(String json) {
        Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(json);
        return (List<Map<String, Object>>) doc.get("history");
    }

    @SuppressWarnings("unchecked")
    static String key(Map<String, Object> entry) {
        return new String(Base64.getDecoder().decode((String) ((Map<String, Object>) entry.get("kv")).get("key")));
    }

    static String b(int i) {
        return backupFiles.get(i).toString();
    }

    @Test
    void aDeletedObjectIsFoundOnceWithTheBackupsThatHoldIt() {
        List<Map<String, Object>> flags = entries(history("history", CM + "flags", "--from", backups.toString(),
                "-w", "json").stdoutText());
        assertEquals(2, flags.size(), flags.toString());
        assertEquals("PUT", flags.get(0).get("type"));
        assertEquals(List.of(b(0), b(1)), flags.get(0).get("found_in"));
        assertEquals("DELETE", flags.get(1).get("type"));
        assertEquals(List.of(b(1)), flags.get(1).get("found_in"), "the compaction dropped it from the last backup");
    }

    @Test
    void aDeletedNamespaceIsFoundWithDeleted() {
        List<Map<String, Object>> lost = entries(history("history", CM, "--prefix", "--deleted", "--from",
                backups.toString(), "-w", "json").stdoutText());
        List<String> deletes = lost.stream().filter(e -> e.get("type").equals("DELETE")).map(HistoryTest::key)
                .toList();
        assertEquals(List.of(CM + "flags", CM + "routes", CM + "settings"), deletes.stream().sorted().toList());
        assertEquals(7, lost.size(), "three creates, one change, and the deletes of flags and the other two:\n"
                + lost);
    }

    @Test
    void theClusterBeforeItsCompactionTellsTheSameHistoryAsTheBackups() {
        List<Map<String, Object>> live = entries(liveBeforeCompaction);
        List<Map<String, Object>> files = entries(history("history", CM, "--prefix", "--from", b(0), "--from",
                b(1), "--from", b(2), "-w", "json").stdoutText());
        assertEquals(withoutSources(files), withoutSources(live));
        live.forEach(e -> assertEquals(List.of("cluster"), e.get("found_in")));
    }

    private static List<Map<String, Object>> withoutSources(List<Map<String, Object>> entries) {
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>(e);
            copy.remove("found_in");
            kept.add(copy);
        }
        return kept;
    }

    @Test
    void theClusterAfterItsCompactionAndTheBackupsMerge() {
        List<Map<String, Object>> x = entries(history("history", "plain/x", "--from", backups.toString(),
                "--cluster", "-w", "json").stdoutText());
        List<String> values = x.stream().map(e -> new String(Base64.getDecoder().decode(
                (String) ((Map<?, ?>) e.get("kv")).get("value")))).toList();
        assertEquals(List.of("v1", "v2", "v3"), values);
        assertEquals(List.of(b(0), b(1)), x.get(0).get("found_in"));
        assertEquals(List.of(b(1), b(2), "cluster"), x.get(1).get("found_in"), "kept by the compaction as the "
                + "newest value before it");
        assertEquals(List.of(b(2), "cluster"), x.get(2).get("found_in"));
        String simple = history("history", "plain/x").stdoutText();
        assertTrue(simple.startsWith(x.get(1).get("revision") + " PUT plain/x create_revision="), simple);
        assertTrue(simple.endsWith(" in cluster\nv3\n"), simple);
    }

    /** The table is drawn in the line's style, as jetcdctl's other tables: box characters on 3.7. */
    @Test
    void theTableFollowsTheLinesStyle() {
        for (String line : List.of("3.5", "3.6", "3.7")) {
            ProcessResult table = jetcdctl.forLine(line).run("history", "plain/x", "--from", backups.toString(),
                    "-w", "table");
            assertEquals(0, table.exitCode(), table.toString());
            String first = table.stdoutText().lines().findFirst().orElse("");
            assertTrue(first.startsWith(line.equals("3.7") ? "┌" : "+"), line + ":\n" + table.stdoutText());
            assertTrue(table.stdoutText().contains(" plain/x "), table.stdoutText());
        }
    }

    @Test
    void aChangedObjectIsShownAsADiff() {
        String diff = history("history", CM + "settings", "--from", backups.toString(), "--decode=k8s", "--diff")
                .stdoutText();
        assertTrue(diff.contains("--- # " + settingsChanged + " PUT " + CM + "settings in " + b(1)
                + " (diff from revision "), diff);
        assertTrue(diff.contains("\n-  port: \"8080\"\n+  port: \"9090\"\n"), diff);
        assertTrue(diff.contains(" DELETE " + CM + "settings in "), diff);
    }

    @Test
    void aDamagedBackupIsOneClearError() throws IOException {
        Path cut = dir.resolve("cut.db.zst");
        byte[] whole = Files.readAllBytes(backupFiles.get(0));
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        ProcessResult read = jetcdctl.run("history", CM, "--prefix", "--from", cut.toString());
        assertEquals(1, read.exitCode());
        assertTrue(read.stderrText().startsWith("Error: " + cut), read.stderrText());
        assertEquals(1, read.stderrText().split("\n").length, read.stderrText());
    }
}
