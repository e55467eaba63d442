package io.github.jetcdctl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The JDKs a user's launcher may run on: the one running the tests and every JDK under {@code /usr/lib/jvm}
 * (where the launcher itself looks), one per major version. {@code JETCDCTL_TEST_JDKS=17,25} makes the
 * listed majors mandatory, so a machine that lost one fails instead of quietly testing less.
 */
public final class InstalledJdks {
    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    private InstalledJdks() {
    }

    /** A JDK's {@code bin/java} and its major version. */
    public record Jdk(int major, Path java) {
        @Override
        public String toString() {
            return "JDK " + major;
        }
    }

    public static List<Jdk> all() {
        Map<Integer, Path> byMajor = new TreeMap<>();
        Path running = Path.of(System.getProperty("java.home"));
        major(running).ifPresent(m -> byMajor.put(m, running.resolve("bin/java")));
        if (Files.isDirectory(JVM_DIR)) {
            try (Stream<Path> homes = Files.list(JVM_DIR)) {
                homes.sorted().forEach(home -> major(home).ifPresent(m -> {
                    if (Files.isExecutable(home.resolve("bin/java"))) {
                        byMajor.putIfAbsent(m, home.resolve("bin/java"));
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Jdk> jdks = new ArrayList<>();
        byMajor.forEach((m, java) -> jdks.add(new Jdk(m, java)));
        String required = System.getenv("JETCDCTL_TEST_JDKS");
        if (required != null && !required.isBlank()) {
            for (String major : required.split(",")) {
                int m = Integer.parseInt(major.trim());
                if (byMajor.keySet().stream().noneMatch(found -> found >= m)) {
                    throw new IllegalStateException("JETCDCTL_TEST_JDKS asks for a JDK " + m + " or newer, found only "
                            + byMajor.keySet() + " (the running JVM and " + JVM_DIR + ")");
                }
            }
        }
        return jdks;
    }

    /** The major version in a JDK home's {@code release} file. */
    static Optional<Integer> major(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                    .map(l -> l.substring(l.indexOf('"') + 1)).map(v -> v.startsWith("1.") ? v.substring(2) : v)
                    .map(v -> Arrays.stream(v.split("[^0-9]")).findFirst().orElse(""))
                    .filter(v -> !v.isEmpty()).map(Integer::valueOf).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
