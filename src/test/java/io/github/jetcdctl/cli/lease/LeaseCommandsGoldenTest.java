package io.github.jetcdctl.cli.lease;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Etcdctl;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/** lease subcommands side by side with the real etcdctl 3.5.16 in every format, error paths included. */
class LeaseCommandsGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.single();

    static final List<String> FORMATS = List.of("simple", "json", "fields", "protobuf", "table");
    private static final Pattern GRANTED_ID = Pattern.compile("lease ([0-9a-f]{16}) granted");

    static Etcdctl etcdctl;
    static Jetcdctl jetcdctl;

    @BeforeAll
    static void setUp() {
        etcdctl = ETCD.etcdctl();
        jetcdctl = Jetcdctl.forCluster(ETCD.cluster());
    }

    @Test
    void grantMatchesUpToTheNewLeaseId() {
        for (String format : FORMATS) {
            for (List<String> ttl : List.of(List.of("300"), List.of("0"), List.of("--", "-5"))) {
                List<String> args = new ArrayList<>(List.of("lease", "grant", "-w", format));
                args.addAll(ttl);
                assertSameResult(withoutLeaseIds(etcdctl.run(args)), withoutLeaseIds(jetcdctl.run(args, null)),
                        String.join(" ", args));
            }
        }
    }

    @Test
    void revokeMatchesInEveryFormat() {
        for (String format : FORMATS) {
            String first = grant("300");
            String second = grant("300");
            ProcessResult expected = etcdctl.run("lease", "revoke", first, "-w", format);
            ProcessResult actual = jetcdctl.run("lease", "revoke", second, "-w", format);
            assertSameResult(withoutLeaseIds(expected), withoutLeaseIds(actual), "lease revoke -w " + format);
        }
    }

    @Test
    void timeToLiveMatchesUpToTheRemainingSeconds() {
        String id = grant("1000");
        // one key only: the server lists several keys in no fixed order
        etcdctl.run("put", "ttl/\u00e9 \"q\"\t", "1", "--lease=" + id);
        String empty = grant("1000");
        for (String format : FORMATS) {
            for (List<String> args : List.of(List.of("lease", "timetolive", id, "--keys"),
                    List.of("lease", "timetolive", id), List.of("lease", "timetolive", empty, "--keys"),
                    List.of("lease", "timetolive", "1234", "--keys"), List.of("lease", "timetolive", "1234"))) {
                List<String> all = new ArrayList<>(args);
                all.addAll(List.of("-w", format));
                assertSameResult(withoutRemainingTtl(etcdctl.run(all)), withoutRemainingTtl(jetcdctl.run(all, null)),
                        String.join(" ", all));
            }
        }
    }

    @Test
    void listMatchesInEveryFormat() {
        revokeAll();
        assertListsMatch("no leases");
        grant("600");
        assertListsMatch("one lease");
    }

    @Test
    void keepAliveOnceMatchesInEveryFormat() {
        String id = grant("600");
        for (String format : FORMATS) {
            for (String lease : List.of(id, "1234")) {
                List<String> args = List.of("lease", "keep-alive", "--once", lease, "-w", format);
                assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
            }
        }
    }

    @Test
    void keepAliveOfAMissingLeaseEndsAtOnce() {
        for (String format : FORMATS) {
            List<String> args = List.of("lease", "keep-alive", "1234", "-w", format);
            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
        }
    }

    @Test
    void keepAliveRenewsUntilTheLeaseIsRevoked() throws Exception {
        for (String format : List.of("simple", "json", "fields")) {
            ProcessResult expected = keepAliveRevokedAfterASecond(format, id -> () -> etcdctl.run("lease",
                    "keep-alive", id, "-w", format));
            ProcessResult actual = keepAliveRevokedAfterASecond(format, id -> () -> jetcdctl.run("lease",
                    "keep-alive", id, "-w", format));
            assertSameResult(withoutLeaseIds(expected), withoutLeaseIds(actual), "lease keep-alive -w " + format);
            assertEquals(format.equals("fields") ? 6 : format.equals("simple") ? 2 : 1,
                    actual.stdoutText().split("\n").length, actual.toString());
        }
    }

    @Test
    void argumentErrorsMatchEtcdctl() {
        List<List<String>> bad = List.of(
                List.of("lease", "grant"),
                List.of("lease", "grant", "abc"),
                List.of("lease", "grant", "1", "2"),
                List.of("lease", "grant", "9999999999999"),
                List.of("lease", "grant", "99999999999999999999"),
                List.of("lease", "revoke"),
                List.of("lease", "revoke", "zz"),
                List.of("lease", "revoke", "1234"),
                List.of("lease", "revoke", "1234", "-w", "protobuf"),
                List.of("lease", "timetolive"),
                List.of("lease", "timetolive", "zz"),
                List.of("lease", "timetolive", "zz", "-w", "yaml"),
                List.of("lease", "timetolive", "1", "2"),
                List.of("lease", "keep-alive"),
                List.of("lease", "keep-alive", "zz"),
                List.of("lease", "keep-alive", "--once", "zz"),
                List.of("lease", "list", "-w", "yaml"));
        for (List<String> args : bad) {
            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), String.join(" ", args));
        }
    }

    private static ProcessResult keepAliveRevokedAfterASecond(String format,
            java.util.function.Function<String, Supplier<ProcessResult>> keepAlive) throws Exception {
        String id = grant("6");
        CompletableFuture<ProcessResult> running = CompletableFuture.supplyAsync(keepAlive.apply(id));
        Thread.sleep(1000);
        etcdctl.run("lease", "revoke", id);
        return running.get();
    }

    private static void assertListsMatch(String what) {
        for (String format : FORMATS) {
            List<String> args = List.of("lease", "list", "-w", format);
            assertSameResult(etcdctl.run(args), jetcdctl.run(args, null), what + ": " + String.join(" ", args));
        }
    }

    private static void revokeAll() {
        String[] lines = etcdctl.run("lease", "list").stdoutText().split("\n");
        for (int i = 1; i < lines.length; i++) {
            etcdctl.run("lease", "revoke", lines[i]);
        }
    }

    private static String grant(String ttl) {
        Matcher m = GRANTED_ID.matcher(etcdctl.run("lease", "grant", ttl).stdoutText());
        if (!m.find()) {
            throw new IllegalStateException("no lease granted");
        }
        return m.group(1);
    }

    private static final Pattern LEASE_IDS = Pattern.compile(
            "(lease )[0-9a-f]{16}|(\"ID\"\\s?:\\s?)\\d+");

    private static ProcessResult withoutLeaseIds(ProcessResult r) {
        return r.withStdout(LEASE_IDS.matcher(r.stdoutText()).replaceAll("$1$2ID").getBytes(StandardCharsets.UTF_8));
    }

    private static final Pattern REMAINING = Pattern.compile(
            "(remaining\\()\\d+|(\"ttl\":)\\d+|(\"TTL\" : )\\d+");

    private static ProcessResult withoutRemainingTtl(ProcessResult r) {
        return r.withStdout(REMAINING.matcher(r.stdoutText()).replaceAll("$1$2$3N").getBytes(StandardCharsets.UTF_8));
    }
}
