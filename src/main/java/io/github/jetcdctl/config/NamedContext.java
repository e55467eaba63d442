package io.github.jetcdctl.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named set of connection settings. Each setting is a global flag's name without dashes and the flag's
 * text ({@code endpoints} joined by commas), except {@code password-file}: passwords are never stored.
 */
public record NamedContext(String name, Map<String, String> settings) {
    /** What a context may hold, in the order it is shown and saved. */
    public static final List<String> SETTINGS = List.of("endpoints", "discovery-srv", "discovery-srv-name", "cacert",
            "cert", "key", "user", "password-file", "dial-timeout", "command-timeout", "keepalive-time",
            "keepalive-timeout", "insecure-transport", "insecure-skip-tls-verify", "insecure-discovery", "compat");
    public static final String PASSWORD_FILE = "password-file";
    /** The etcdctl line whose output the context's commands reproduce (recorded from the server by context add). */
    public static final String COMPAT = "compat";

    /** Plain words only, so a name never needs quoting in a shell or completes oddly. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");

    public NamedContext {
        checkName(name);
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String setting : SETTINGS) {
            String value = settings.get(setting);
            if (value != null) {
                ordered.put(setting, value);
            }
        }
        for (String setting : settings.keySet()) {
            if (!SETTINGS.contains(setting)) {
                throw new ConfigException(unknownSetting(name, setting));
            }
        }
        settings = java.util.Collections.unmodifiableMap(ordered);
    }

    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConfigException("invalid context name \"" + name + "\": use letters, digits and . _ @ -, "
                    + "starting with a letter or digit");
        }
    }

    public Optional<String> get(String setting) {
        return Optional.ofNullable(settings.get(setting));
    }

    /** The endpoints setting split at commas; empty when the context has none. */
    public List<String> endpoints() {
        String joined = settings.get("endpoints");
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return List.of(joined.split(","));
    }

    private static String unknownSetting(String name, String setting) {
        if (setting.equals("password")) {
            return "context \"" + name + "\": passwords are not kept in clear text; use password-file";
        }
        return "context \"" + name + "\": unknown setting \"" + setting + "\" (known: " + String.join(", ", SETTINGS)
                + ")";
    }
}
