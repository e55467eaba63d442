package io.github.jetcdctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvListTest {
    @Test
    void splitsOnCommas() {
        assertEquals(List.of("a:1", "b:2", "c:3"), CsvList.parse("a:1,b:2,c:3"));
    }

    @Test
    void keepsQuotedCommas() {
        assertEquals(List.of("a,b", "c"), CsvList.parse("\"a,b\",c"));
    }

    @Test
    void emptyTextIsAnEmptyList() {
        assertEquals(List.of(), CsvList.parse(""));
    }

    @Test
    void keepsSpacesAsGiven() {
        assertEquals(List.of("127.0.0.1:1", " 127.0.0.1:2"), CsvList.parse("127.0.0.1:1, 127.0.0.1:2"));
    }
}
