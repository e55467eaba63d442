package io.github.jetcdctl.cli.maintenance;

import static io.github.jetcdctl.testing.SideBySide.assertSameResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.jetcdctl.testing.EtcdCluster;
import io.github.jetcdctl.testing.EtcdClusterExtension;
import io.github.jetcdctl.testing.Jetcdctl;
import io.github.jetcdctl.testing.ProcessResult;

/**
 * alarm list and disarm side by side with etcdctl 3.5 on a member whose tiny backend quota makes it raise
 * NOSPACE. Each disarm runs on a freshly raised alarm, once with each tool.
 */
class AlarmCommandsGoldenTest {
    @RegisterExtension
    static final EtcdClusterExtension ETCD = EtcdClusterExtension.of(
            EtcdCluster.builder().extraArgs("--quota-backend-bytes=262144"));

    static final List<String> FORMATS = List.of("simple", "json", "fields", "protobuf", "table");

    private Jetcdctl jetcdctl() {
        return Jetcdctl.forCluster(ETCD.cluster());
    }

    @Test
    void argumentErrorsMatchEtcdctl() {
        for (List<String> args : List.of(List.of("alarm", "list", "x"), List.of("alarm", "disarm", "x"),
                List.of("alarm", "list", "-w", "yaml"))) {
            assertSameResult(ETCD.etcdctl().run(args), jetcdctl().run(args, null), String.join(" ", args));
        }
    }

    @Test
    void listAndDisarmMatchEtcdctlWithAndWithoutAnAlarm() {
        disarmQuietly();
        for (String format : FORMATS) {
            for (String command : List.of("list", "disarm")) {
                if (command.equals("disarm") && format.equals("fields")) {
                    continue; // etcdctl 3.5 panics: see disarmInFieldsPrintsTheAlarmsWhereEtcdctlPanics
                }
                List<String> args = List.of("alarm", command, "-w", format);
                assertSameResult(ETCD.etcdctl().run(args), jetcdctl().run(args, null), "no alarm: " + args);
            }
        }
        raiseNoSpace();
        for (String format : FORMATS) {
            List<String> list = List.of("alarm", "list", "-w", format);
            assertSameResult(ETCD.etcdctl().run(list), jetcdctl().run(list, null), "NOSPACE: " + list);
        }
        ProcessResult simple = jetcdctl().run("alarm", "list");
        assertTrue(simple.stdoutText().matches("memberID:\\d+ alarm:NOSPACE \n"), simple.toString());
        for (String format : List.of("simple", "json", "protobuf", "table")) {
            List<String> disarm = List.of("alarm", "disarm", "-w", format);
            raiseNoSpace();
            ProcessResult expected = ETCD.etcdctl().run(disarm);
            assertEquals("", ETCD.etcdctl().run("alarm", "list").stdoutText(), "etcdctl disarmed");
            raiseNoSpace();
            ProcessResult actual = jetcdctl().run(disarm, null);
            assertEquals("", ETCD.etcdctl().run("alarm", "list").stdoutText(), "jetcdctl disarmed");
            assertSameResult(expected, actual, "NOSPACE: " + disarm);
            assertTrue(!format.equals("simple") || expected.stdoutText().contains("alarm:NOSPACE"), expected.toString());
            assertTrue(!format.equals("json") || expected.stdoutText().contains("\"alarm\":1"), expected.toString());
        }
    }

    /** etcdctl 3.5 dereferences the missing header of a disarm response; jetcdctl prints just the alarms. */
    @Test
    void disarmInFieldsPrintsTheAlarmsWhereEtcdctlPanics() {
        raiseNoSpace();
        ProcessResult list = jetcdctl().run("alarm", "list", "-w", "fields");
        ProcessResult disarm = jetcdctl().run("alarm", "disarm", "-w", "fields");
        assertEquals(0, disarm.exitCode(), disarm.toString());
        String alarms = list.stdoutText().substring(list.stdoutText().indexOf("\"MemberID\"",
                list.stdoutText().indexOf("\"RaftTerm\"")));
        assertTrue(alarms.endsWith("\"AlarmType\" : NOSPACE\n\n"), list.toString());
        assertEquals(alarms, disarm.stdoutText());
        assertEquals("", jetcdctl().run("alarm", "disarm", "-w", "fields").stdoutText());
        ProcessResult etcdctl = ETCD.etcdctl().run("alarm", "disarm", "-w", "fields");
        assertEquals(2, etcdctl.exitCode(), "etcdctl 3.5.16 panics: " + etcdctl);
    }

    /** Puts 64 KiB values until the quota is exceeded; the put that fails raises NOSPACE. */
    private static void raiseNoSpace() {
        String value = "x".repeat(64 * 1024);
        for (int i = 0; i < 100; i++) {
            ProcessResult put = ETCD.etcdctl().run("put", "fill/" + i, value);
            if (put.stderrText().contains("database space exceeded")) {
                return;
            }
        }
        throw new AssertionError("no NOSPACE alarm after 100 puts");
    }

    private static void disarmQuietly() {
        ETCD.etcdctl().run("alarm", "disarm");
    }
}
