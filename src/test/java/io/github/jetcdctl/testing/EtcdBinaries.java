package io.github.jetcdctl.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Locates the real etcd binaries ({@code etcd}, {@code etcdctl}, {@code etcdutl}) of one etcd
 * version. Looked up, in order:
 * <ol>
 *   <li>the directory named by the environment variable {@code ETCD_BIN} (accepted when its
 *       {@code etcd --version} has the requested major.minor version);</li>
 *   <li>the cache filled by {@code scripts/install-etcd.sh}:
 *       {@code ${JETCDCTL_ETCD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jetcdctl/etcd}/<version>/bin};</li>
 *   <li>{@code PATH} (accepted when {@code etcd --version} is exactly the requested version).</li>
 * </ol>
 */
public final class EtcdBinaries {

    /** The pinned release of each etcd line the suite runs: 3.5 from Debian, 3.6 and 3.7 built from Go modules. */
    public static final String V3_5 = "3.5.16";
    public static final String V3_6 = "3.6.17";
    public static final String V3_7 = "3.7.4";

    public static final List<String> LINE_RELEASES = List.of(V3_5, V3_6, V3_7);

    /** {@link #LINE_RELEASES}, for {@code @MethodSource(EtcdBinaries.EACH_LINE)} in a per-line test. */
    public static List<String> lineReleases() {
        return LINE_RELEASES;
    }

    public static final String EACH_LINE = "io.github.jetcdctl.testing.EtcdBinaries#lineReleases";

    private static final Pattern ETCD_VERSION = Pattern.compile("(?m)^etcd Version: (\\S+)");
    private static final Map<String, EtcdBinaries> FOUND = new ConcurrentHashMap<>();

    /**
     * The etcd version the oracle and the default clusters use, and so the line jetcdctl reproduces in the tests
     * that do not name one: jetcdctl's own default line, 3.6 (3.6.17), or 3.5.16 on a machine that cannot build 3.6
     * (no Go, and {@code JETCDCTL_TEST_LINES} does not require it); {@code -Djetcdctl.test.etcd=3.7.4} runs the
     * whole golden set against another line's servers and etcdctl. (Declared after FOUND: choosing it may look the
     * binaries up.)
     */
    public static final String DEFAULT_VERSION = System.getProperty("jetcdctl.test.etcd", defaultRelease());

    private final String version;
    private final Path directory;
    private final Path etcd;
    private final Path etcdctl;
    private final Path etcdutl;

    private EtcdBinaries(String version, Path directory, Path etcd, Path etcdctl, Path etcdutl) {
        this.version = version;
        this.directory = directory;
        this.etcd = etcd;
        this.etcdctl = etcdctl;
        this.etcdutl = etcdutl;
    }

    private static String defaultRelease() {
        if (requiredLines().contains(lineOf(V3_6)) || tryFind(V3_6).isPresent()) {
            return V3_6;
        }
        return V3_5;
    }

    /** The binaries of {@link #DEFAULT_VERSION}; fails with install instructions when absent. */
    public static EtcdBinaries find() {
        return find(DEFAULT_VERSION);
    }

    /** The binaries of {@code version}; fails with install instructions when absent. */
    public static EtcdBinaries find(String version) {
        EtcdBinaries cached = FOUND.get(version);
        if (cached != null) {
            return cached;
        }
        List<String> tried = new ArrayList<>();
        EtcdBinaries found = lookup(version, tried);
        if (found == null) {
            throw new IllegalStateException("etcd " + version + " binaries not found. Tried:\n  "
                    + String.join("\n  ", tried)
                    + "\nInstall them with:  scripts/install-etcd.sh " + version
                    + "\nor set ETCD_BIN to a directory containing etcd and etcdctl " + version + ".");
        }
        FOUND.put(version, found);
        return found;
    }

    /**
     * The binaries of {@code version} for a test that needs them: where they are missing the test is skipped,
     * unless {@code JETCDCTL_TEST_LINES} (set by {@code scripts/test.sh}) names the version's line, as CI's does,
     * and then it fails.
     */
    public static EtcdBinaries forTest(String version) {
        Optional<EtcdBinaries> found = tryFind(version);
        if (found.isEmpty() && !requiredLines().contains(majorMinor(version))) {
            org.junit.jupiter.api.Assumptions.abort("etcd " + version + " is not installed (scripts/install-etcd.sh "
                    + version + ")");
        }
        return found.orElseGet(() -> find(version));
    }

    private static List<String> requiredLines() {
        String lines = System.getenv("JETCDCTL_TEST_LINES");
        return lines == null || lines.isBlank() ? List.of() : List.of(lines.split("\\s*,\\s*"));
    }

    /** The line of a release: {@code 3.6} for {@code 3.6.17}. */
    public static String lineOf(String version) {
        return majorMinor(version);
    }

    /** Like {@link #find(String)} but empty instead of failing. */
    public static Optional<EtcdBinaries> tryFind(String version) {
        try {
            return Optional.of(find(version));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The cache root that {@code scripts/install-etcd.sh} installs into. */
    public static Path cacheRoot() {
        String explicit = System.getenv("JETCDCTL_ETCD_CACHE");
        if (explicit != null && !explicit.isEmpty()) {
            return Paths.get(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty()
                ? Paths.get(xdg)
                : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("jetcdctl").resolve("etcd");
    }

    private static EtcdBinaries lookup(String version, List<String> tried) {
        String etcdBin = System.getenv("ETCD_BIN");
        if (etcdBin != null && !etcdBin.isEmpty()) {
            EtcdBinaries b = inspect(Paths.get(etcdBin), version, false, tried, "ETCD_BIN");
            if (b != null) {
                return b;
            }
        } else {
            tried.add("ETCD_BIN: not set");
        }
        EtcdBinaries b = inspect(cacheRoot().resolve(version).resolve("bin"), version, true, tried, "cache");
        if (b != null) {
            return b;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, "etcd"))) {
                    b = inspect(Paths.get(dir), version, true, tried, "PATH");
                    if (b != null) {
                        return b;
                    }
                }
            }
        }
        tried.add("PATH: no etcd " + version);
        return null;
    }

    private static EtcdBinaries inspect(Path dir, String version, boolean exact, List<String> tried, String source) {
        Path etcd = dir.resolve("etcd");
        Path etcdctl = dir.resolve("etcdctl");
        Path etcdutl = dir.resolve("etcdutl");
        if (!Files.isExecutable(etcd) || !Files.isExecutable(etcdctl)) {
            tried.add(source + ": " + dir + " (no executable etcd and etcdctl)");
            return null;
        }
        String actual = etcdVersion(etcd);
        boolean ok = actual != null && (exact ? actual.equals(version) : majorMinor(actual).equals(majorMinor(version)));
        if (!ok) {
            tried.add(source + ": " + dir + " (etcd --version reports " + actual + ")");
            return null;
        }
        return new EtcdBinaries(actual, dir, etcd, etcdctl, Files.isExecutable(etcdutl) ? etcdutl : null);
    }

    private static String etcdVersion(Path etcd) {
        try {
            ProcessResult r = ProcessRunner.run(List.of(etcd.toString(), "--version"), null, Map.of(), null,
                    Duration.ofSeconds(20), false);
            Matcher m = ETCD_VERSION.matcher(r.stdoutText());
            return r.exitCode() == 0 && m.find() ? m.group(1) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String majorMinor(String v) {
        String[] parts = v.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : v;
    }

    /** The version reported by {@code etcd --version}. */
    public String version() {
        return version;
    }

    /** True for etcd 3.5 and later (has etcdutl, {@code --unsafe-no-fsync}, ...). */
    public boolean isAtLeast35() {
        String[] p = version.split("\\.");
        int major = Integer.parseInt(p[0]);
        int minor = p.length > 1 ? Integer.parseInt(p[1]) : 0;
        return major > 3 || (major == 3 && minor >= 5);
    }

    /** True for etcd 3.6 and later (etcdctl without the v2 tool, etcdutl's hashkv and migrate, ...). */
    public boolean isAtLeast36() {
        String[] p = version.split("\\.");
        int major = Integer.parseInt(p[0]);
        int minor = p.length > 1 ? Integer.parseInt(p[1]) : 0;
        return major > 3 || (major == 3 && minor >= 6);
    }

    /** The directory holding the binaries. */
    public Path directory() {
        return directory;
    }

    public Path etcd() {
        return etcd;
    }

    public Path etcdctl() {
        return etcdctl;
    }

    /** {@code etcdutl}; fails for versions that do not ship it (3.4). */
    public Path etcdutl() {
        if (etcdutl == null) {
            throw new IllegalStateException("no etcdutl in " + directory + " (etcd " + version + ")");
        }
        return etcdutl;
    }

    /** {@code etcdutl} if present. */
    public Optional<Path> etcdutlIfPresent() {
        return Optional.ofNullable(etcdutl);
    }

    @Override
    public String toString() {
        return "etcd " + version + " in " + directory;
    }
}
