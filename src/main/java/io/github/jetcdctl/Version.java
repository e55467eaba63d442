package io.github.jetcdctl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Versions jetcdctl reports. */
public final class Version {
    /** Our own version, from the jar manifest (the Maven project version), or "dev" when run from classes. */
    public static final String TOOL = toolVersion();

    private static final Pattern JETCD_JAR = Pattern.compile("jetcd-core-([^/]+)\\.jar$");

    private Version() {
    }

    private static String toolVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    /** The running JVM: its full version, name and vendor. */
    public static String jvm() {
        return Runtime.version() + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")";
    }

    /** jetcd's version, from the name of the jar it was loaded from (its manifest names none). */
    public static String jetcd() {
        try {
            String jar = io.etcd.jetcd.Client.class.getProtectionDomain().getCodeSource().getLocation().getPath();
            Matcher version = JETCD_JAR.matcher(jar);
            return version.find() ? version.group(1) : "unknown";
        } catch (RuntimeException e) {
            return "unknown";
        }
    }
}
