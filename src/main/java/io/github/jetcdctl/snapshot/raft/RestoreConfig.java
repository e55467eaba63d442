package io.github.jetcdctl.snapshot.raft;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The membership flags of {@code snapshot restore}, as given on the command line, and their
 * validation into a {@link ClusterPlan} in etcdutl 3.5's order: parse
 * {@code --initial-advertise-peer-urls}, parse {@code --initial-cluster}, local name present,
 * advertise URLs match the local member's URLs (after resolution), no duplicate URL, member IDs
 * non-zero and distinct.
 *
 * @param name {@code --name}
 * @param initialCluster {@code --initial-cluster}, unparsed
 * @param initialClusterToken {@code --initial-cluster-token}
 * @param initialAdvertisePeerUrls {@code --initial-advertise-peer-urls}, unparsed (comma list)
 */
public record RestoreConfig(String name, String initialCluster, String initialClusterToken,
        String initialAdvertisePeerUrls) {
    public static final String DEFAULT_NAME = "default";
    public static final String DEFAULT_INITIAL_CLUSTER = InitialCluster.DEFAULT;
    public static final String DEFAULT_INITIAL_CLUSTER_TOKEN = "etcd-cluster";
    public static final String DEFAULT_INITIAL_ADVERTISE_PEER_URLS = "http://localhost:2380";

    /** All defaults (what etcdutl uses when none of the four flags is given). */
    public static RestoreConfig defaults() {
        return new RestoreConfig(DEFAULT_NAME, DEFAULT_INITIAL_CLUSTER, DEFAULT_INITIAL_CLUSTER_TOKEN,
                DEFAULT_INITIAL_ADVERTISE_PEER_URLS);
    }

    public RestoreConfig withName(String v) {
        return new RestoreConfig(v, initialCluster, initialClusterToken, initialAdvertisePeerUrls);
    }

    public RestoreConfig withInitialCluster(String v) {
        return new RestoreConfig(name, v, initialClusterToken, initialAdvertisePeerUrls);
    }

    public RestoreConfig withInitialClusterToken(String v) {
        return new RestoreConfig(name, initialCluster, v, initialAdvertisePeerUrls);
    }

    public RestoreConfig withInitialAdvertisePeerUrls(String v) {
        return new RestoreConfig(name, initialCluster, initialClusterToken, v);
    }

    /** Validates with the system resolver and no resolution events. */
    public ClusterPlan plan() throws RestoreConfigException {
        return plan(UrlResolver.system(), UrlResolver.Listener.NONE);
    }

    /**
     * Validates the flags and computes the members and IDs. Nothing is written. The resolver is
     * only consulted when the advertise URLs and the local member's URLs differ as text; the
     * listener then hears each resolved URL (etcdutl logs {@code resolved URL Host} lines).
     *
     * @throws RestoreConfigException with etcdutl's message (exit code 1)
     */
    public ClusterPlan plan(UrlResolver resolver, UrlResolver.Listener listener) throws RestoreConfigException {
        List<GoUrl> peerUrls = PeerUrls.parse(Arrays.asList(initialAdvertisePeerUrls.split(",", -1)));
        InitialCluster ic = InitialCluster.parse(initialCluster);

        List<GoUrl> local = ic.urls(name);
        if (local == null) {
            throw new RestoreConfigException("couldn't find local name " + GoText.quote(name)
                    + " in the initial cluster configuration");
        }
        advertiseMatchesCluster(peerUrls, local, resolver, listener);
        if (ic.hasDuplicateUrl()) {
            throw new RestoreConfigException("initial cluster " + ic + " has duplicate url");
        }

        Map<Long, Member> byId = new HashMap<>();
        List<Member> members = new ArrayList<>();
        Member localMember = null;
        for (Map.Entry<String, List<GoUrl>> e : ic.asMap().entrySet()) {
            Member m = Member.create(e.getKey(), PeerUrls.strings(e.getValue()), initialClusterToken);
            if (byId.containsKey(m.id())) {
                throw new RestoreConfigException("member exists with identical ID " + goMemberString(m));
            }
            if (m.id() == 0) {
                throw new RestoreConfigException("cannot use 0 as member id");
            }
            byId.put(m.id(), m);
            members.add(m);
            if (m.name().equals(name)) {
                localMember = m;
            }
        }
        return ClusterPlan.of(members, localMember);
    }

    /** Go's {@code %v} of a {@code *membership.Member}. */
    private static String goMemberString(Member m) {
        return "&{" + m.hexId() + " {[" + String.join(" ", m.peerUrls()) + "] false} {" + m.name() + " []}}";
    }

    private void advertiseMatchesCluster(List<GoUrl> peerUrls, List<GoUrl> clusterUrls, UrlResolver resolver,
            UrlResolver.Listener listener) throws RestoreConfigException {
        List<String> apurls = new ArrayList<>(PeerUrls.strings(peerUrls));
        apurls.sort(RaftIds::compareGoStrings);
        List<String> urls = PeerUrls.strings(clusterUrls); // already sorted
        String err = urlStringsEqual(apurls, urls, resolver, listener);
        if (err == null) {
            return;
        }
        TreeSet<String> initSet = new TreeSet<>(RaftIds::compareGoStrings);
        initSet.addAll(urls);
        TreeSet<String> apSet = new TreeSet<>(RaftIds::compareGoStrings);
        apSet.addAll(apurls);

        List<String> missing = new ArrayList<>();
        for (String u : initSet) {
            if (!apSet.contains(u)) {
                missing.add(name + "=" + u);
            }
        }
        if (!missing.isEmpty()) {
            throw new RestoreConfigException("--initial-cluster has " + String.join(",", missing)
                    + " but missing from --initial-advertise-peer-urls=" + String.join(",", apurls) + " (" + err + ")");
        }
        for (String u : apSet) {
            if (!initSet.contains(u)) {
                missing.add(u);
            }
        }
        Map<String, List<GoUrl>> umap = new LinkedHashMap<>();
        umap.put(name, peerUrls);
        if (!missing.isEmpty()) {
            throw new RestoreConfigException("--initial-advertise-peer-urls has " + String.join(",", missing)
                    + " but missing from --initial-cluster=" + InitialCluster.mapString(umap));
        }
        throw new RestoreConfigException("failed to resolve " + String.join(",", apurls)
                + " to match --initial-cluster=" + InitialCluster.mapString(umap) + " (" + err + ")");
    }

    /** Go's {@code netutil.URLStringsEqual}; returns null when equal, else the error text. */
    private static String urlStringsEqual(List<String> a, List<String> b, UrlResolver resolver,
            UrlResolver.Listener listener) {
        if (a.size() != b.size()) {
            return "len(" + GoText.quoteList(a) + ") != len(" + GoText.quoteList(b) + ")";
        }
        List<GoUrl> ua;
        List<GoUrl> ub;
        try {
            ua = parseAll(a);
            ub = parseAll(b);
        } catch (GoUrl.ParseException e) {
            return e.getMessage();
        }
        PeerUrls.sort(ua);
        PeerUrls.sort(ub);
        if (ua.equals(ub)) {
            return null;
        }
        try {
            ua = resolveAll(ua, resolver, listener);
            ub = resolveAll(ub, resolver, listener);
        } catch (IOException e) {
            return e.getMessage();
        }
        PeerUrls.sort(ua);
        PeerUrls.sort(ub);
        for (int i = 0; i < ua.size(); i++) {
            if (!ua.get(i).equals(ub.get(i))) {
                return "resolved urls: " + GoText.quote(ua.get(i).toString()) + " != "
                        + GoText.quote(ub.get(i).toString());
            }
        }
        return null;
    }

    private static List<GoUrl> parseAll(List<String> s) throws GoUrl.ParseException {
        List<GoUrl> out = new ArrayList<>();
        for (String x : s) {
            out.add(GoUrl.parse(x));
        }
        return out;
    }

    private static List<GoUrl> resolveAll(List<GoUrl> us, UrlResolver resolver, UrlResolver.Listener listener)
            throws IOException {
        List<GoUrl> out = new ArrayList<>();
        for (GoUrl u : us) {
            if (u.scheme().equals("unix") || u.scheme().equals("unixs")) {
                out.add(u);
                continue;
            }
            String[] hp = GoUrl.splitHostPort(u.host());
            if (hp == null) {
                throw new IOException("failed to resolve " + GoText.quote(u.toString())
                        + " (address " + u.host() + ": missing port in address)");
            }
            if (hp[0].equals("localhost")) {
                out.add(u);
                continue;
            }
            String resolved;
            try {
                resolved = resolver.resolve(hp[0], hp[1]);
            } catch (IOException e) {
                throw new IOException("failed to resolve " + GoText.quote(u.toString()) + " (" + e.getMessage() + ")");
            }
            listener.resolved(u.toString(), u.host(), resolved);
            out.add(resolved.isEmpty() ? u : u.withHost(resolved));
        }
        return out;
    }
}
