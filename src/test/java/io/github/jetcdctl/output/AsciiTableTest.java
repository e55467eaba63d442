package io.github.jetcdctl.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AsciiTableTest {

    private static final List<String> MEMBER_COLUMNS =
            List.of("ID", "Status", "Name", "Peer Addrs", "Client Addrs", "Is Learner");
    private static final List<String> STATUS_COLUMNS =
            List.of("endpoint", "ID", "version", "db size", "is leader", "is learner", "raft term",
                    "raft index", "raft applied index", "errors");
    private static final List<String> HEALTH_COLUMNS = List.of("endpoint", "health", "took", "error");

    @Test
    void memberListWithUnstartedLearnerFromEtcdctl3516() {
        AsciiTable table = new AsciiTable(MEMBER_COLUMNS)
                .addRow(List.of("e3faf5c05a71b300", "unstarted", "", "http://127.0.0.1:32390", "", "true"))
                .addRow(List.of("f96b36ef9c15ecec", "started", "n<&>é", "http://127.0.0.1:32380",
                        "http://127.0.0.1:32379", "false"));
        assertEquals(GoldenFiles.text("table/member-list-learner.txt"), table.render());
    }

    @Test
    void endpointStatusWithTwoAlarmsWrapsTheErrorsCell() {
        String alarm = "memberID:17972519140695862508 alarm:";
        AsciiTable table = new AsciiTable(STATUS_COLUMNS)
                .addRow(List.of("127.0.0.1:32379", "f96b36ef9c15ecec", "3.5.16", "29 kB", "true", "false",
                        "12", "86", "86", alarm + "NOSPACE , " + alarm + "CORRUPT "));
        assertEquals(GoldenFiles.text("table/endpoint-status-alarms.txt"), table.render());
    }

    @Test
    void wideCharactersCountTwoColumns() {
        AsciiTable table = new AsciiTable(HEALTH_COLUMNS)
                .addRow(List.of("127.0.0.1:32379", "true", "3.137572ms", ""))
                .addRow(List.of("http://日本語のホスト名.invalid:32379", "false", "1.000262455s",
                        "context deadline exceeded"));
        assertEquals(GoldenFiles.text("table/endpoint-health-wide.txt"), table.render());
    }

    @Test
    void wideCharactersWrapByDisplayWidthAndDoubleSpacesSurvive() {
        AsciiTable table = new AsciiTable(HEALTH_COLUMNS)
                .addRow(List.of("127.0.0.1:32379", "true", "1.555269ms", ""))
                .addRow(List.of("日本 語の ホスト 名前 は 長い です ね x y z  end:1", "false", "1.000293334s",
                        "context deadline exceeded"));
        assertEquals(GoldenFiles.text("table/endpoint-health-wrap-wide.txt"), table.render());
    }

    @Test
    void endpointStatusFromReference34Transcript() {
        AsciiTable table = new AsciiTable(STATUS_COLUMNS)
                .addRow(List.of("127.0.0.1:22389", "bb7dc7975462b2b6", "3.4.23", "352 kB", "true", "false",
                        "3", "76", "76", "memberID:13510173909951099574 alarm:NOSPACE "));
        assertEquals(String.join("\n",
                "+-----------------+------------------+---------+---------+-----------+------------+-----------+------------+--------------------+--------------------------------+",
                "|    ENDPOINT     |        ID        | VERSION | DB SIZE | IS LEADER | IS LEARNER | RAFT TERM | RAFT INDEX | RAFT APPLIED INDEX |             ERRORS             |",
                "+-----------------+------------------+---------+---------+-----------+------------+-----------+------------+--------------------+--------------------------------+",
                "| 127.0.0.1:22389 | bb7dc7975462b2b6 |  3.4.23 |  352 kB |      true |      false |         3 |         76 |                 76 |  memberID:13510173909951099574 |",
                "|                 |                  |         |         |           |            |           |            |                    |                 alarm:NOSPACE  |",
                "+-----------------+------------------+---------+---------+-----------+------------+-----------+------------+--------------------+--------------------------------+",
                ""), table.render());
    }

    @Test
    void snapshotStatusAndHashKvFromReference() {
        assertEquals(String.join("\n",
                "+----------+----------+------------+------------+",
                "|   HASH   | REVISION | TOTAL KEYS | TOTAL SIZE |",
                "+----------+----------+------------+------------+",
                "| b8d9514b |       17 |         21 |      20 kB |",
                "+----------+----------+------------+------------+",
                ""), new AsciiTable(List.of("hash", "revision", "total keys", "total size"))
                        .addRow(List.of("b8d9514b", "17", "21", "20 kB")).render());
        assertEquals(String.join("\n",
                "+----------------+------------+---------------+",
                "|    ENDPOINT    |    HASH    | HASH REVISION |",
                "+----------------+------------+---------------+",
                "| 127.0.0.1:2379 | 1312144132 |            31 |",
                "+----------------+------------+---------------+",
                ""), new AsciiTable(List.of("endpoint", "hash", "hash_revision"))
                        .addRow(List.of("127.0.0.1:2379", "1312144132", "31")).render());
    }

    @Test
    void longErrorWrapsIntoThreeLinesFromReference() {
        AsciiTable table = new AsciiTable(HEALTH_COLUMNS)
                .addRow(List.of("127.0.0.1:2379", "false", "5.0s",
                        "rpc error: code = Unavailable desc = etcdserver: rpc not supported for learner"));
        assertEquals(String.join("\n",
                "+----------------+--------+------+--------------------------------+",
                "|    ENDPOINT    | HEALTH | TOOK |             ERROR              |",
                "+----------------+--------+------+--------------------------------+",
                "| 127.0.0.1:2379 |  false | 5.0s |  rpc error: code = Unavailable |",
                "|                |        |      |     desc = etcdserver: rpc not |",
                "|                |        |      |          supported for learner |",
                "+----------------+--------+------+--------------------------------+",
                ""), table.render());
    }

    @Test
    void noRowsGivesFourLines() {
        assertEquals(String.join("\n",
                "+----------+--------+------+-------+",
                "| ENDPOINT | HEALTH | TOOK | ERROR |",
                "+----------+--------+------+-------+",
                "+----------+--------+------+-------+",
                ""), new AsciiTable(HEALTH_COLUMNS).render());
    }

    @Test
    void oddGapPutsTheExtraHeaderSpaceOnTheRight() {
        String rendered = new AsciiTable(List.of("Status")).addRow(List.of("started")).render();
        assertEquals("| STATUS  |", rendered.split("\n")[1]);
    }

    @Test
    void headerTitleFormatting() {
        assertEquals("RAFT APPLIED INDEX", AsciiTable.headerTitle("raft applied index"));
        assertEquals("HASH REVISION", AsciiTable.headerTitle("hash_revision"));
        assertEquals("VERSION 1.5", AsciiTable.headerTitle("version 1.5"));
        assertEquals("A B", AsciiTable.headerTitle("a.b"));
        assertEquals("X", AsciiTable.headerTitle("_x_"));
        assertEquals(" ", AsciiTable.headerTitle("__"));
        assertEquals("", AsciiTable.headerTitle(""));
        assertEquals("STRASSE ß", AsciiTable.headerTitle("strasse ß")); // simple case mapping only
    }

    @Test
    void wrapKeepsEmptyWordsAndPrefersEarliestBreakOnTies() {
        assertEquals(List.of("memberID:13510173909951099574", "alarm:NOSPACE "),
                AsciiTable.wrap("memberID:13510173909951099574 alarm:NOSPACE ", 30));
        assertEquals(List.of("aaa", "bb"), AsciiTable.wrap("aaa bb", 3));
        assertEquals(List.of("a", "b", "c"), AsciiTable.wrap("a b c", 1));
        assertEquals(List.of(""), AsciiTable.wrap("", 0));
    }

    @Test
    void overlongWordRaisesTheLimit() {
        assertEquals(List.of("abcdefghij", "k"), AsciiTable.wrap("abcdefghij k", 4));
    }

    @Test
    void newlinesInACellAreReflowed() {
        String rendered = new AsciiTable(List.of("h")).addRow(List.of("ab\ncd")).render();
        assertEquals(String.join("\n", "+----+", "| H  |", "+----+", "| ab |", "| cd |", "+----+", ""),
                rendered);
    }
}
