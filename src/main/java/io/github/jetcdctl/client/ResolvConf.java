package io.github.jetcdctl.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stub resolver settings of {@code /etc/resolv.conf}, read the way Go's own resolver (and so etcdctl) reads
 * them: at most three {@code nameserver} IP addresses (default 127.0.0.1 and ::1), each as {@code host:53};
 * {@code search} or {@code domain} (default: the host name's domain); {@code options ndots:, timeout:,
 * attempts:, rotate}. Anything else is ignored.
 */
record ResolvConf(List<String> servers, List<String> search, int ndots, Duration timeout, int attempts,
        boolean rotate) {
    static final Path FILE = Path.of("/etc/resolv.conf");
    private static final Path HOSTNAME = Path.of("/proc/sys/kernel/hostname");
    private static final List<String> DEFAULT_SERVERS = List.of("127.0.0.1:53", "[::1]:53");
    private static final int MAX_SERVERS = 3;
    /** A name's longest presentation form (see {@link DomainNames#isDomainName}). */
    private static final int MAX_NAME_LENGTH = 254;

    static ResolvConf read() {
        String text;
        try {
            text = Files.readString(FILE, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            text = "";
        }
        return parse(text, hostname());
    }

    static ResolvConf parse(String text, String hostname) {
        List<String> servers = new ArrayList<>();
        List<String> search = new ArrayList<>();
        int ndots = 1;
        int timeoutSeconds = 5;
        int attempts = 2;
        boolean rotate = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split("[ \r\t]+");
            if (f.length == 0 || f[0].isEmpty()) {
                continue;
            }
            switch (f[0]) {
                case "nameserver" -> {
                    if (f.length > 1 && servers.size() < MAX_SERVERS && IpLiterals.isIp(f[1])) {
                        servers.add(f[1].indexOf(':') >= 0 ? "[" + f[1] + "]:53" : f[1] + ":53");
                    }
                }
                case "domain" -> {
                    if (f.length > 1) {
                        search = new ArrayList<>(List.of(rooted(f[1])));
                    }
                }
                case "search" -> {
                    search = new ArrayList<>();
                    for (int i = 1; i < f.length; i++) {
                        String suffix = rooted(f[i]);
                        if (!suffix.equals(".")) {
                            search.add(suffix);
                        }
                    }
                }
                case "options" -> {
                    for (int i = 1; i < f.length; i++) {
                        String option = f[i];
                        if (option.startsWith("ndots:")) {
                            ndots = Math.min(15, leadingNumber(option.substring(6)));
                        } else if (option.startsWith("timeout:")) {
                            timeoutSeconds = Math.max(1, leadingNumber(option.substring(8)));
                        } else if (option.startsWith("attempts:")) {
                            attempts = Math.max(1, leadingNumber(option.substring(9)));
                        } else if (option.equals("rotate")) {
                            rotate = true;
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (servers.isEmpty()) {
            servers = DEFAULT_SERVERS;
        }
        if (search.isEmpty()) {
            search = defaultSearch(hostname);
        }
        return new ResolvConf(List.copyOf(servers), List.copyOf(search), ndots, Duration.ofSeconds(timeoutSeconds),
                attempts, rotate);
    }

    /**
     * The fully qualified names to try for {@code name}, in order: a rooted name alone; else the name itself
     * first when it has at least {@code ndots} dots, then with each search suffix, then itself if not yet tried.
     */
    List<String> nameList(String name) {
        boolean isRooted = name.endsWith(".");
        if (name.length() > MAX_NAME_LENGTH || name.length() == MAX_NAME_LENGTH && !isRooted) {
            return List.of();
        }
        if (isRooted) {
            return avoidDns(name) ? List.of() : List.of(name);
        }
        boolean hasNdots = name.chars().filter(c -> c == '.').count() >= ndots;
        String fqdn = name + ".";
        List<String> names = new ArrayList<>();
        if (hasNdots && !avoidDns(fqdn)) {
            names.add(fqdn);
        }
        for (String suffix : search) {
            String candidate = fqdn + suffix;
            if (!avoidDns(candidate) && candidate.length() <= MAX_NAME_LENGTH) {
                names.add(candidate);
            }
        }
        if (!hasNdots && !avoidDns(fqdn)) {
            names.add(fqdn);
        }
        return names;
    }

    /** .onion names never go to DNS (RFC 7686), as in Go. */
    private static boolean avoidDns(String name) {
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return bare.isEmpty() || bare.toLowerCase(Locale.ROOT).endsWith(".onion");
    }

    private static List<String> defaultSearch(String hostname) {
        int dot = hostname.indexOf('.');
        if (dot >= 0 && dot < hostname.length() - 1) {
            return List.of(rooted(hostname.substring(dot + 1)));
        }
        return List.of();
    }

    private static String rooted(String name) {
        return name.endsWith(".") ? name : name + ".";
    }

    /** The decimal digits a value starts with, as Go's dtoi reads them: none is 0, a huge number stays huge. */
    private static int leadingNumber(String text) {
        long n = 0;
        for (int i = 0; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
            n = Math.min(0xFFFFFF, n * 10 + (text.charAt(i) - '0'));
        }
        return (int) n;
    }

    private static String hostname() {
        try {
            return Files.readString(HOSTNAME, StandardCharsets.ISO_8859_1).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
