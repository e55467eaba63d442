package io.github.jetcdctl;

/** Versions jetcdctl reports. */
public final class Version {
    /** Our own version, from the jar manifest (the Maven project version), or "dev" when run from classes. */
    public static final String TOOL = toolVersion();
    /** The etcd API version whose etcdctl we match. */
    public static final String API = "3.5";

    private Version() {
    }

    private static String toolVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
