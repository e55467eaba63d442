package io.github.jetcdctl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** etcdctl 3.5's check load tables (etcdctl/ctlv3/command/check.go) and load names. */
class LoadsTest {
    @Test
    void perfLoadsAndTheirAliases() {
        assertEquals(new PerfLoad(150, 50, 60), PerfLoad.named("s"));
        assertEquals(new PerfLoad(150, 50, 60), PerfLoad.named("small"));
        assertEquals(new PerfLoad(1000, 200, 60), PerfLoad.named("m"));
        assertEquals(new PerfLoad(1000, 200, 60), PerfLoad.named("medium"));
        assertEquals(new PerfLoad(8000, 500, 60), PerfLoad.named("l"));
        assertEquals(new PerfLoad(8000, 500, 60), PerfLoad.named("large"));
        assertEquals(new PerfLoad(15000, 1000, 60), PerfLoad.named("xl"));
        assertEquals(new PerfLoad(15000, 1000, 60), PerfLoad.named("xLarge"));
        assertEquals(9001, PerfLoad.named("s").maxPuts());
    }

    @Test
    void datascaleLoadsAndTheirAliases() {
        assertEquals(new DatascaleLoad(10_000, 1024, 50), DatascaleLoad.named("small"));
        assertEquals(new DatascaleLoad(100_000, 1024, 200), DatascaleLoad.named("m"));
        assertEquals(new DatascaleLoad(1_000_000, 1024, 500), DatascaleLoad.named("large"));
        assertEquals(new DatascaleLoad(3_000_000, 1024, 1000), DatascaleLoad.named("xLarge"));
        assertEquals(512, DatascaleLoad.named("s").keyBytes());
        assertEquals(512, DatascaleLoad.named("s").valueBytes());
    }

    @Test
    void namesAreCaseSensitiveAsInEtcdctl() {
        for (String name : new String[] {"big", "S", "xlarge", "XL", "", " s"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PerfLoad.named(name));
            assertEquals("unknown load option " + name, e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> DatascaleLoad.named(name));
        }
    }
}
