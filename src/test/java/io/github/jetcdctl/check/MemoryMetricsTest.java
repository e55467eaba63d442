package io.github.jetcdctl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How etcdctl finds process_resident_memory_bytes in a metrics page, and its messages when it cannot. */
class MemoryMetricsTest {
    private final List<String> problems = new ArrayList<>();

    @Test
    void theFirstLineStartingWithTheNameGivesTheValue() {
        String page = "# HELP process_resident_memory_bytes Resident memory size in bytes.\n"
                + "# TYPE process_resident_memory_bytes gauge\n"
                + "process_resident_memory_bytes 4.2643456e+07\n"
                + "process_resident_memory_bytes 1\n";
        assertEquals(4.2643456e7, MemoryMetrics.residentBytes(page, problems::add), 0.0);
        assertEquals(List.of(), problems);
    }

    @Test
    void aMissingMetricIsReportedAsEtcdctlDoes() {
        assertEquals(0, MemoryMetrics.residentBytes("go_goroutines 12\n", problems::add), 0.0);
        assertEquals(0, MemoryMetrics.residentBytes("process_resident_memory_bytes   \n", problems::add), 0.0);
        assertEquals(List.of("could not find: process_resident_memory_bytes",
                "could not find: process_resident_memory_bytes"), problems);
    }

    @Test
    void aValueThatIsNoNumberIsGosParseError() {
        assertEquals(0, MemoryMetrics.residentBytes("process_resident_memory_bytes_total 7\n", problems::add), 0.0);
        assertEquals(0, MemoryMetrics.residentBytes("process_resident_memory_bytes 12d\n", problems::add), 0.0);
        assertEquals(List.of("parse error: strconv.ParseFloat: parsing \"_total 7\": invalid syntax",
                "parse error: strconv.ParseFloat: parsing \"12d\": invalid syntax"), problems);
    }

    @Test
    void goFloatSyntax() {
        assertEquals(12.0, MemoryMetrics.parseGoFloat("12"), 0.0);
        assertEquals(-0.5, MemoryMetrics.parseGoFloat("-.5"), 0.0);
        assertEquals(1e9, MemoryMetrics.parseGoFloat("1E+09"), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, MemoryMetrics.parseGoFloat("+Inf"), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, MemoryMetrics.parseGoFloat("-infinity"), 0.0);
        assertEquals(true, Double.isNaN(MemoryMetrics.parseGoFloat("NaN")));
    }
}
