package io.github.jetcdctl.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import io.etcd.jetcd.api.KeyValue;

class KeyHistoryTest {
    static KeyValue put(String key, long create, long mod, String value) {
        return KeyValue.newBuilder().setKey(ByteString.copyFromUtf8(key)).setCreateRevision(create)
                .setModRevision(mod).setValue(ByteString.copyFromUtf8(value)).build();
    }

    static KeyValue deleted(String key) {
        return KeyValue.newBuilder().setKey(ByteString.copyFromUtf8(key)).build();
    }

    static KeyHistory twoSources() {
        KeyHistory h = new KeyHistory();
        h.add("old.db", 2, put("a", 2, 2, "a1"), false);
        h.add("old.db", 3, put("b", 3, 3, "b1"), false);
        h.add("new.db", 2, put("a", 2, 2, "a1"), false);
        h.add("new.db", 3, put("b", 3, 3, "b1"), false);
        h.add("new.db", 4, put("a", 2, 4, "a2"), false);
        h.add("new.db", 5, deleted("a"), true);
        h.add("cluster", 5, deleted("a"), true);
        return h;
    }

    @Test
    void eachChangeAppearsOnceWithEverySourceThatHoldsIt() {
        List<HistoryEntry> entries = twoSources().entries();
        assertEquals(List.of(2L, 3L, 4L, 5L), entries.stream().map(HistoryEntry::revision).toList());
        assertEquals(List.of("old.db", "new.db"), entries.get(0).foundIn());
        assertEquals(List.of("new.db", "cluster"), entries.get(3).foundIn());
    }

    @Test
    void deletedKeysKeepTheirWholeHistory() {
        List<HistoryEntry> lost = twoSources().deletedKeys();
        assertEquals(List.of(2L, 4L, 5L), lost.stream().map(HistoryEntry::revision).toList());
    }

    @Test
    void chosenIsTheValueBeforeTheDeleteOrTheValueAtARevision() {
        KeyHistory h = twoSources();
        assertEquals(List.of("a2", "b1"), h.chosen(0).stream().map(e -> e.kv().getValue().toStringUtf8()).toList());
        assertEquals(List.of("a1", "b1"), h.chosen(3).stream().map(e -> e.kv().getValue().toStringUtf8()).toList());
        assertEquals(List.of("b1"), h.chosen(5).stream().map(e -> e.kv().getValue().toStringUtf8()).toList(),
                "a was deleted at 5");
        assertEquals(5, h.newest(ByteString.copyFromUtf8("a")).revision());
        assertNull(h.newest(ByteString.copyFromUtf8("c")));
    }
}
