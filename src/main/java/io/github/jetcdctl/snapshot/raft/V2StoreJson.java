package io.github.jetcdctl.snapshot.raft;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The v2 store that restore embeds in the {@code .snap} file: Go {@code json.Marshal} of a fresh
 * {@code v2store} with directories {@code /0} and {@code /1}, after one {@code raftAttributes}
 * create per member in ascending-ID order (member {@code i}, 1-based, gets etcd index {@code i}).
 */
public final class V2StoreJson {
    private static final String ZT = "\"ExpireTime\":\"0001-01-01T00:00:00Z\"";
    private static final int EVENT_CAPACITY = 1000;

    private V2StoreJson() {}

    /** The JSON bytes (UTF-8, no whitespace). */
    public static byte[] build(List<Member> members) {
        List<Member> byId = new ArrayList<>(members);
        byId.sort((a, b) -> Long.compareUnsigned(a.id(), b.id()));
        int n = byId.size();
        if (n == 0 || n >= EVENT_CAPACITY) {
            throw new IllegalArgumentException("unsupported member count " + n);
        }
        // Go sorts map keys as strings: directories appear in hex-string order.
        List<Integer> byHex = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byHex.add(i);
        }
        byHex.sort(Comparator.comparing(i -> byId.get(i).hexId()));

        StringBuilder b = new StringBuilder(8192);
        b.append("{\"Root\":");
        dirOpen(b, "/", 0);
        b.append("{\"0\":");
        dirOpen(b, "/0", 0);
        b.append("{\"members\":");
        dirOpen(b, "/0/members", 1);
        b.append('{');
        boolean first = true;
        for (int i : byHex) {
            Member m = byId.get(i);
            int index = i + 1;
            if (!first) {
                b.append(',');
            }
            first = false;
            String dir = "/0/members/" + m.hexId();
            GoText.appendJsonString(b, m.hexId());
            b.append(':');
            dirOpen(b, dir, index);
            b.append("{\"raftAttributes\":");
            nodeHead(b, dir + "/raftAttributes", index);
            b.append(",\"Value\":");
            GoText.appendJsonString(b, m.raftAttributesJson());
            b.append(",\"Children\":null}");
            b.append("}}"); // member dir children, member dir
        }
        b.append("}}"); // members children, members dir
        b.append("}}"); // /0 children, /0
        b.append(",\"1\":");
        dirOpen(b, "/1", 0);
        b.append("{}}");
        b.append("}}"); // root children, root
        b.append(",\"WatcherHub\":{\"EventHistory\":{\"Queue\":{\"Events\":[");
        for (int i = 0; i < n; i++) {
            Member m = byId.get(i);
            b.append("{\"action\":\"create\",\"node\":{\"key\":");
            GoText.appendJsonString(b, "/0/members/" + m.hexId() + "/raftAttributes");
            b.append(",\"value\":");
            GoText.appendJsonString(b, m.raftAttributesJson());
            b.append(",\"modifiedIndex\":").append(i + 1).append(",\"createdIndex\":").append(i + 1).append("}},");
        }
        for (int i = n; i < EVENT_CAPACITY; i++) {
            b.append("null");
            if (i + 1 < EVENT_CAPACITY) {
                b.append(',');
            }
        }
        b.append("],\"Size\":").append(n).append(",\"Front\":0,\"Back\":").append(n)
                .append(",\"Capacity\":").append(EVENT_CAPACITY)
                .append("},\"StartIndex\":1,\"LastIndex\":").append(n).append("}}");
        b.append(",\"CurrentIndex\":").append(n);
        b.append(",\"Stats\":{\"getsSuccess\":0,\"getsFail\":0,\"setsSuccess\":0,\"setsFail\":0,"
                + "\"deleteSuccess\":0,\"deleteFail\":0,\"updateSuccess\":0,\"updateFail\":0,"
                + "\"createSuccess\":").append(n).append(",\"createFail\":0,"
                + "\"compareAndSwapSuccess\":0,\"compareAndSwapFail\":0,"
                + "\"compareAndDeleteSuccess\":0,\"compareAndDeleteFail\":0,"
                + "\"expireCount\":0,\"watchers\":0}");
        b.append(",\"CurrentVersion\":2}");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void nodeHead(StringBuilder b, String path, int index) {
        b.append("{\"Path\":");
        GoText.appendJsonString(b, path);
        b.append(",\"CreatedIndex\":").append(index).append(",\"ModifiedIndex\":").append(index)
                .append(',').append(ZT);
    }

    /** Writes a directory node up to and including {@code "Children":}. */
    private static void dirOpen(StringBuilder b, String path, int index) {
        nodeHead(b, path, index);
        b.append(",\"Value\":\"\",\"Children\":");
    }
}
