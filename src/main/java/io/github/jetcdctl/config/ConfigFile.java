package io.github.jetcdctl.config;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * {@code $XDG_CONFIG_HOME/jetcdctl/config.yaml} (else {@code ~/.config/jetcdctl/config.yaml}): the named
 * contexts. A missing file is an empty configuration; the file is written whole, mode 0600, and renamed into
 * place, so a reader never sees half of it.
 */
public final class ConfigFile {
    private static final String HEADER = """
            # jetcdctl named contexts, written by `jetcdctl context add|use|remove`.
            # A setting applies when neither its flag nor its ETCDCTL_* variable is given.
            # Passwords are never kept here: password-file names a file that holds one.
            """;

    private final Path path;

    public ConfigFile(Path path) {
        this.path = path;
    }

    /**
     * The file for this environment, found by the XDG base-directory rules. With neither XDG_CONFIG_HOME nor
     * HOME set there is none (as Go's os.UserConfigDir), and so no context.
     */
    public static ConfigFile locate(Map<String, String> env) {
        String configHome = env.getOrDefault("XDG_CONFIG_HOME", "");
        Path base;
        if (!configHome.isEmpty() && Path.of(configHome).isAbsolute()) {
            base = Path.of(configHome);
        } else if (!env.getOrDefault("HOME", "").isEmpty()) {
            base = Path.of(env.get("HOME"), ".config");
        } else {
            return new ConfigFile(null);
        }
        return new ConfigFile(base.resolve("jetcdctl").resolve("config.yaml"));
    }

    /** Where the file is (or would be); null when the environment names no config directory. */
    public Path path() {
        return path;
    }

    public ContextConfig load() {
        if (path == null) {
            return ContextConfig.empty();
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return ContextConfig.empty();
        } catch (AccessDeniedException e) {
            throw new ConfigException(path + ": permission denied");
        } catch (IOException e) {
            throw new ConfigException(path + ": " + e.getMessage(), e);
        }
        Object document;
        try {
            document = new Load(LoadSettings.builder().setLabel(path.toString()).build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new ConfigException(path + ": not valid YAML: " + oneLine(e.getMessage()), e);
        }
        try {
            return parse(document);
        } catch (ConfigException e) {
            throw new ConfigException(path + ": " + e.getMessage(), e);
        }
    }

    public void save(ContextConfig config) {
        if (path == null) {
            throw new ConfigException("no config directory: neither XDG_CONFIG_HOME nor HOME is set");
        }
        Path dir = path.getParent();
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            Path temp = Files.createTempFile(dir, ".config.yaml.", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                        Writer writer = java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8)) {
                    writer.write(HEADER);
                    writer.write(dump(config));
                    writer.flush();
                    channel.force(true);
                }
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (AccessDeniedException e) {
            throw new ConfigException(path + ": permission denied");
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static ContextConfig parse(Object document) {
        if (document == null) {
            return ContextConfig.empty();
        }
        Map<?, ?> top = asMap(document, "the file");
        for (Object key : top.keySet()) {
            if (!"current-context".equals(key) && !"contexts".equals(key)) {
                throw new ConfigException("unknown key \"" + key + "\" (known: current-context, contexts)");
            }
        }
        ContextConfig config = ContextConfig.empty();
        Object contexts = top.get("contexts");
        if (contexts != null) {
            for (Map.Entry<?, ?> entry : asMap(contexts, "contexts").entrySet()) {
                String name = String.valueOf(entry.getKey());
                Map<String, String> settings = new LinkedHashMap<>();
                Object body = entry.getValue();
                if (body != null) {
                    for (Map.Entry<?, ?> setting : asMap(body, "context \"" + name + "\"").entrySet()) {
                        settings.put(String.valueOf(setting.getKey()), settingText(name, setting.getValue()));
                    }
                }
                config = config.with(new NamedContext(name, settings));
            }
        }
        Object current = top.get("current-context");
        if (current != null && !String.valueOf(current).isEmpty()) {
            String name = String.valueOf(current);
            if (config.find(name).isEmpty()) {
                throw new ConfigException("current-context \"" + name + "\" is not among the contexts");
            }
            config = config.withCurrent(name);
        }
        return config;
    }

    /** A scalar as its text, a list (endpoints) joined by commas. */
    private static String settingText(String context, Object value) {
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object item : list) {
                items.add(String.valueOf(item));
            }
            return String.join(",", items);
        }
        if (value instanceof Map<?, ?>) {
            throw new ConfigException("context \"" + context + "\": a setting must be a value or a list");
        }
        return value == null ? "" : String.valueOf(value);
    }

    private static Map<?, ?> asMap(Object node, String what) {
        if (node instanceof Map<?, ?> map) {
            return map;
        }
        throw new ConfigException(what + " must be a mapping");
    }

    private static String dump(ContextConfig config) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("current-context", config.current().orElse(""));
        Map<String, Object> contexts = new LinkedHashMap<>();
        for (NamedContext context : config.contexts()) {
            Map<String, Object> settings = new LinkedHashMap<>();
            for (Map.Entry<String, String> setting : context.settings().entrySet()) {
                settings.put(setting.getKey(), yamlValue(setting.getKey(), setting.getValue(), context));
            }
            contexts.put(context.name(), settings);
        }
        top.put("contexts", contexts);
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        return new Dump(settings).dumpToString(top);
    }

    /** Lists for endpoints and YAML booleans for the insecure flags, so the file reads naturally. */
    private static Object yamlValue(String setting, String text, NamedContext context) {
        if (setting.equals("endpoints")) {
            return context.endpoints();
        }
        if (setting.startsWith("insecure-") && (text.equals("true") || text.equals("false"))) {
            return Boolean.valueOf(text);
        }
        return text;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\n\\s*", "; ");
    }
}
