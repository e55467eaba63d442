package io.github.jetcdctl.cli.space;

import static io.github.jetcdctl.cli.space.SpaceJson.group;
import static io.github.jetcdctl.cli.space.SpaceJson.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.jetcdctl.testing.EtcdBinaries;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * The space report against a real etcd: live counts equal etcdctl's, a snapshot of the same revision gives the
 * same groups plus the kept history, values encrypted at rest with real API-server prefixes are counted per
 * prefix.
 */
class SpaceCommandTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    static final Jetcdctl JETCDCTL = Jetcdctl.create();

    @TempDir
    static Path dir;

    /** Puts and deletes through batch (one process); values by Go escapes so that any byte can be written. */
    @BeforeAll
    static void fill() {
        ETCD.cluster().awaitHealthy();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            lines.append("put /registry/pods/ns").append(i % 3).append("/pod-").append(i).append(" '")
                    .append("p".repeat(100 + i * 10)).append("'\n");
        }
        for (int i = 0; i < 5; i++) {
            lines.append("del /registry/pods/ns0/pod-").append(i * 3).append('\n');
        }
        for (int i = 0; i < 4; i++) {
            lines.append("put /registry/secrets/kube-system/aes-").append(i)
                    .append(" \"k8s:enc:aescbc:v1:key1:\\x01\\x02\\xff").append("c".repeat(40)).append("\"\n");
        }
        lines.append("put /registry/secrets/kube-system/kms-0 \"k8s:enc:kms:v2:my-kms:\\x0a\\x20").append("k".repeat(32))
                .append("\"\n");
        lines.append("put /registry/secrets/default/plain '").append("s".repeat(64)).append("'\n");
        lines.append("put /registry/apps.example.com/widgets/ns1/w1 '{\"kind\":\"Widget\"}'\n");
        lines.append("put /registry/services/specs/default/kubernetes svc\n");
        lines.append("put /registry/services/endpoints/default/kubernetes ep\n");
        lines.append("put /registry/minions/node-1 node\n");
        for (int i = 0; i < 3; i++) {
            lines.append("put /registry/configmaps/default/cm rewrite-").append(i).append('\n');
        }
        lines.append("put /app/users/1 u1\nput /app/users/2 u2\nput /app/orders/1 o1\n");
        ProcessResult result = jetcdctl(lines.toString().getBytes(StandardCharsets.UTF_8), "batch");
        assertEquals(0, result.exitCode(), result.toString());
    }

    private static ProcessResult jetcdctl(byte[] stdin, String... args) {
        // a loaded CI machine can take longer than the default 2 s to answer a fresh cluster's first dial
        List<String> all = new ArrayList<>(List.of("--endpoints=" + ETCD.endpointsFlag(), "--dial-timeout=10s"));
        all.addAll(List.of(args));
        return JETCDCTL.run(all, stdin);
    }

    private static List<Map<String, Object>> spaceJson(String... args) {
        List<String> all = new ArrayList<>(List.of("space", "-w", "json"));
        all.addAll(List.of(args));
        ProcessResult result = jetcdctl(null, all.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("", result.stderrText());
        return SpaceJson.lines(result.stdoutText());
    }

    /** etcdctl's count and the sums of its keys' and values' lengths under a prefix. */
    private static long[] etcdctlTotals(String prefix) {
        ProcessResult count = ETCD.etcdctl().run("get", prefix, "--prefix", "--count-only", "-w", "fields");
        assertEquals(0, count.exitCode(), count.toString());
        long expectedCount = count.stdoutText().lines().filter(l -> l.startsWith("\"Count\" : "))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 2))).findFirst().orElseThrow();
        ProcessResult all = ETCD.etcdctl().run("get", prefix, "--prefix", "-w", "json");
        long keyBytes = 0;
        long valueBytes = 0;
        long listed = 0;
        Map<String, Object> response = SpaceJson.object(all.stdoutText());
        for (Object o : (List<?>) response.getOrDefault("kvs", List.of())) {
            Map<?, ?> kv = (Map<?, ?>) o;
            keyBytes += Base64.getDecoder().decode((String) kv.get("key")).length;
            valueBytes += kv.containsKey("value") ? Base64.getDecoder().decode((String) kv.get("value")).length : 0;
            listed++;
        }
        assertEquals(expectedCount, listed);
        return new long[] {expectedCount, keyBytes, valueBytes};
    }

    private static void assertGroupEquals(long[] expected, Map<String, Object> group) {
        assertEquals(expected[0], number(group, "keys"), group.toString());
        assertEquals(expected[1], number(group, "keyBytes"), group.toString());
        assertEquals(expected[2], number(group, "valueBytes"), group.toString());
    }

    @Test
    void liveCountsEqualWhatEtcdctlGetSays() {
        List<Map<String, Object>> lines = spaceJson();
        assertGroupEquals(etcdctlTotals("/registry/pods/"), group(lines, "pods"));
        assertGroupEquals(etcdctlTotals("/registry/secrets/"), group(lines, "secrets"));
        assertGroupEquals(etcdctlTotals("/registry/services/specs/"), group(lines, "services/specs"));
        assertGroupEquals(etcdctlTotals("/registry/apps.example.com/widgets/"),
                group(lines, "apps.example.com/widgets"));
        assertGroupEquals(etcdctlTotals("/registry/minions/"), group(lines, "minions"));
        assertGroupEquals(etcdctlTotals("/app/"), group(lines, "/app/"));
        Map<String, Object> summary = SpaceJson.ofType(lines, "summary").get(0);
        long[] all = etcdctlTotals("");
        assertEquals(all[0], number(summary, "keys"));
        assertEquals(all[1], number(summary, "keyBytes"));
        assertEquals(all[2], number(summary, "valueBytes"));
        // the server's line decides where the quota is read (SpaceQuotaTest): 3.5 only has it on /metrics
        String quotaSource = EtcdBinaries.lineOf(ETCD.cluster().version()).equals("3.5") ? "metrics" : "server";
        assertEquals(quotaSource, summary.get("quotaSource"));
        assertEquals(2L << 30, number(summary, "quota"), "etcd's default quota, read from the " + quotaSource);
        assertTrue(number(summary, "dbSize") >= number(summary, "dbSizeInUse"), summary.toString());
        // sorted by size, largest first
        List<Map<String, Object>> groups = SpaceJson.ofType(lines, "group");
        for (int i = 1; i < groups.size(); i++) {
            long before = number(groups.get(i - 1), "keyBytes") + number(groups.get(i - 1), "valueBytes");
            long after = number(groups.get(i), "keyBytes") + number(groups.get(i), "valueBytes");
            assertTrue(before >= after, groups.toString());
        }
    }

    @Test
    void aSnapshotOfTheSameRevisionGivesTheSameGroupsAndItsKeptHistory() throws IOException {
        Path snapshot = dir.resolve("same-revision.db");
        ProcessResult saved = ETCD.etcdctl().run("snapshot", "save", snapshot.toString());
        assertEquals(0, saved.exitCode(), saved.toString());
        List<Map<String, Object>> live = spaceJson();
        List<Map<String, Object>> offline = spaceJson("--snapshot", snapshot.toString());
        Map<String, Object> liveSummary = SpaceJson.ofType(live, "summary").get(0);
        Map<String, Object> offlineSummary = SpaceJson.ofType(offline, "summary").get(0);
        assertEquals(liveSummary.get("revision"), offlineSummary.get("revision"), "no write in between");
        for (Map<String, Object> liveGroup : SpaceJson.ofType(live, "group")) {
            Map<String, Object> offlineGroup = group(offline, (String) liveGroup.get("group"));
            for (String field : List.of("keys", "keyBytes", "valueBytes", "storedAs")) {
                assertEquals(liveGroup.get(field), offlineGroup.get(field), field + " of " + liveGroup);
            }
        }
        assertEquals(SpaceJson.ofType(live, "group").size(), SpaceJson.ofType(offline, "group").size());
        // history: every put and every deletion since the (never run) compaction
        assertEquals(30 + 5, number(group(offline, "pods"), "revisions"));
        assertEquals(3, number(group(offline, "configmaps"), "revisions"));
        assertEquals(1, number(group(offline, "configmaps"), "keys"));
        assertEquals(number(liveSummary, "revision") - 1, number(offlineSummary, "revisions"),
                "each revision since the first wrote one entry");
        assertEquals(SpaceJson.ofType(live, "largest"), SpaceJson.ofType(offline, "largest"));

        // a gzip backup of the same file reads the same
        Path gz = dir.resolve("same-revision.db.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(snapshot, out);
        }
        List<Map<String, Object>> fromGzip = spaceJson("--snapshot", gz.toString());
        assertEquals(SpaceJson.ofType(offline, "group"), SpaceJson.ofType(fromGzip, "group"));
    }

    @Test
    void valuesEncryptedAtRestAreCountedPerPrefix() {
        Map<String, Object> secrets = group(spaceJson(), "secrets");
        assertEquals(Map.of("k8s:enc:aescbc:v1:key1", 4L, "k8s:enc:kms:v2:my-kms", 1L, "plaintext", 1L),
                secrets.get("storedAs"));
        ProcessResult text = jetcdctl(null, "space", "/registry/secrets/", "--top", "0");
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.stdoutText().contains("k8s:enc:aescbc:v1:key1"), text.stdoutText());
    }

    @Test
    void namespacesSplitAResourceAndPathsGroupToTheChosenDepth() {
        List<Map<String, Object>> lines = spaceJson("/registry/", "--namespaces");
        List<Map<String, Object>> pods = SpaceJson.ofType(lines, "group").stream()
                .filter(g -> "pods".equals(g.get("group"))).toList();
        assertEquals(3, pods.size(), pods.toString());
        long ns0 = pods.stream().filter(g -> "ns0".equals(g.get("namespace"))).mapToLong(g -> number(g, "keys"))
                .sum();
        assertEquals(10 - 5, ns0);
        Map<String, Object> minions = group(lines, "minions");
        assertEquals("", minions.get("namespace"), "a cluster-scoped object has no namespace");

        List<Map<String, Object>> app = spaceJson("/app/");
        assertEquals(2, number(group(app, "/app/users/"), "keys"));
        assertEquals(1, number(group(app, "/app/orders/"), "keys"));
    }

    @Test
    void binaryKeysPrintAsHexWithHex() {
        ProcessResult put = jetcdctl("put \"/bin/\\xff\\x00k\" v\n".getBytes(StandardCharsets.UTF_8), "batch");
        assertEquals(0, put.exitCode(), put.toString());
        ProcessResult text = jetcdctl(null, "space", "/bin/", "--hex");
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.stdoutText().contains("\\x2f\\x62\\x69\\x6e\\x2f\\xff\\x00\\x6b"), text.stdoutText());
        ProcessResult quoted = jetcdctl(null, "space", "/bin/");
        assertTrue(quoted.stdoutText().contains("\"/bin/\\xff\\x00k\""), quoted.stdoutText());
        ProcessResult table = jetcdctl(null, "space", "/bin/", "--hex", "-w", "table");
        assertEquals(0, table.exitCode(), table.toString());
        assertTrue(table.stdoutText().contains("\\x2f\\x62\\x69\\x6e\\x2f\\xff\\x00\\x6b"), table.stdoutText());
    }

    @Test
    void fieldsIsNotAFormatOfTheReport() {
        ProcessResult result = jetcdctl(null, "space", "-w", "fields");
        assertEquals(4, result.exitCode(), result.toString());
    }

    @Test
    void aMissingFileIsOneErrorLine() {
        ProcessResult result = jetcdctl(null, "space", "--snapshot", dir.resolve("missing.db").toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stderrText().startsWith("Error: "), result.toString());
        assertEquals(1, result.stderrText().lines().count(), result.toString());
    }


    @Test
    void theAuditFailsOnAPlaintextValueInANamedResource() {
        ProcessResult result = jetcdctl(null, "space", "/registry/secrets/", "--require-encrypted", "secrets",
                "-w", "json");
        assertEquals(20, result.exitCode(), result.toString());
        assertEquals("Error: encryption audit failed: secrets: 1 plaintext value of 6\n", result.stderrText());
        Map<String, Object> audit = SpaceJson.ofType(SpaceJson.lines(result.stdoutText()), "audit").get(0);
        assertEquals(false, audit.get("passed"));
        assertEquals(1L, audit.get("plaintext"));
        // a resource that holds nothing passes
        ProcessResult none = jetcdctl(null, "space", "/registry/secrets/", "--require-encrypted", "configmaps");
        assertEquals(0, none.exitCode(), none.toString());
        assertTrue(none.stdoutText().contains("PASS  configmaps: no values"), none.stdoutText());
    }

    @Test
    void afterAKeyRotationOnlyTheAllowedKeysPass() {
        String kubeSystem = "/registry/secrets/kube-system/";
        ProcessResult anyKey = jetcdctl(null, "space", kubeSystem, "--require-encrypted", "secrets");
        assertEquals(0, anyKey.exitCode(), anyKey.toString());
        assertTrue(anyKey.stdoutText().contains("PASS  secrets: 5 values, all encrypted under allowed keys"),
                anyKey.stdoutText());

        ProcessResult rotated = jetcdctl(null, "space", kubeSystem, "--require-encrypted", "secrets",
                "--allowed-keys", "my-kms");
        assertEquals(20, rotated.exitCode(), rotated.toString());
        assertEquals("Error: encryption audit failed: secrets: 4 under keys not allowed (k8s:enc:aescbc:v1:key1 4) "
                + "of 5\n", rotated.stderrText());

        ProcessResult both = jetcdctl(null, "space", kubeSystem, "--require-encrypted", "secrets",
                "--allowed-keys", "aescbc:v1:key1,my-kms");
        assertEquals(0, both.exitCode(), both.toString());
    }

    @Test
    void allowedKeysWithoutAResourceToAuditIsABadArgument() {
        ProcessResult result = jetcdctl(null, "space", "--allowed-keys", "key1");
        assertEquals(128, result.exitCode(), result.toString());
    }
}
