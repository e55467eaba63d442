package io.github.jetcdctl.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a kubeadm etcd static-pod manifest: the etcd container's client URLs give the endpoints, and kubeadm's
 * PKI layout beside its {@code --trusted-ca-file} gives the CA and a client certificate (the health-check
 * client's, else the API server's).
 */
public final class KubeadmManifest {
    public static final String DEFAULT_PATH = "/etc/kubernetes/manifests/etcd.yaml";
    private static final String DEFAULT_CA = "/etc/kubernetes/pki/etcd/ca.crt";

    /** What a context needs from the manifest; every file was readable when it was read. */
    public record Connection(List<String> endpoints, Path cacert, Path cert, Path key) {
    }

    private final Path manifest;

    private KubeadmManifest(Path manifest) {
        this.manifest = manifest;
    }

    public static Connection read(Path manifest) {
        return new KubeadmManifest(manifest.toAbsolutePath().normalize()).read();
    }

    private Connection read() {
        Map<String, String> flags = etcdFlags(etcdContainer(parse()));
        List<String> endpoints = endpoints(flags);
        Path ca = resolve(flags.getOrDefault("trusted-ca-file", DEFAULT_CA));
        Path certDir = ca.getParent();
        Path healthcheckCert = certDir.resolve("healthcheck-client.crt");
        Path healthcheckKey = certDir.resolve("healthcheck-client.key");
        Path apiserverCert = certDir.resolveSibling("apiserver-etcd-client.crt");
        Path apiserverKey = certDir.resolveSibling("apiserver-etcd-client.key");
        requireReadable(ca, "CA certificate");
        if (Files.exists(healthcheckCert) || Files.exists(healthcheckKey)) {
            requireReadable(healthcheckCert, "client certificate");
            requireReadable(healthcheckKey, "client key");
            return new Connection(endpoints, ca, healthcheckCert, healthcheckKey);
        }
        if (Files.exists(apiserverCert) || Files.exists(apiserverKey)) {
            requireReadable(apiserverCert, "client certificate");
            requireReadable(apiserverKey, "client key");
            return new Connection(endpoints, ca, apiserverCert, apiserverKey);
        }
        throw error("no client certificate: neither " + healthcheckCert + " nor " + apiserverCert + " exists");
    }

    private Object parse() {
        String text;
        try {
            text = Files.readString(manifest, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw error("no such file");
        } catch (AccessDeniedException e) {
            throw error("permission denied (kubeadm's files are readable by root only)");
        } catch (IOException e) {
            throw error(String.valueOf(e.getMessage()));
        }
        try {
            return new Load(LoadSettings.builder().setLabel(manifest.toString()).build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw error("not valid YAML: " + String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\n\\s*", "; "));
        }
    }

    /** The container named etcd, else the first whose command is etcd. */
    private Map<?, ?> etcdContainer(Object document) {
        Object spec = document instanceof Map<?, ?> pod ? pod.get("spec") : null;
        Object containers = spec instanceof Map<?, ?> podSpec ? podSpec.get("containers") : null;
        if (!(containers instanceof List<?> list)) {
            throw error("not a pod manifest: no spec.containers");
        }
        Map<?, ?> byCommand = null;
        for (Object item : list) {
            if (item instanceof Map<?, ?> container) {
                if ("etcd".equals(container.get("name"))) {
                    return container;
                }
                List<String> command = strings(container.get("command"));
                if (byCommand == null && !command.isEmpty() && Path.of(command.get(0)).endsWith("etcd")) {
                    byCommand = container;
                }
            }
        }
        if (byCommand == null) {
            throw error("no etcd container in spec.containers");
        }
        return byCommand;
    }

    /** The container's --name=value flags from its command and args ({@code --name value} too). */
    private static Map<String, String> etcdFlags(Map<?, ?> container) {
        List<String> words = new ArrayList<>(strings(container.get("command")));
        words.addAll(strings(container.get("args")));
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                continue;
            }
            int eq = word.indexOf('=');
            if (eq > 0) {
                flags.put(word.substring(2, eq), word.substring(eq + 1));
            } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                flags.put(word.substring(2), words.get(++i));
            }
        }
        return flags;
    }

    /** The advertised client URLs, else the listened ones that name a reachable address. */
    private List<String> endpoints(Map<String, String> flags) {
        List<String> urls = split(flags.get("advertise-client-urls"));
        if (urls.isEmpty()) {
            for (String url : split(flags.get("listen-client-urls"))) {
                if (!url.contains("://0.0.0.0") && !url.contains("://[::]")) {
                    urls.add(url);
                }
            }
        }
        if (urls.isEmpty()) {
            throw error("the etcd container has no --advertise-client-urls or --listen-client-urls");
        }
        return urls;
    }

    private Path resolve(String file) {
        return manifest.getParent().resolve(file).normalize();
    }

    private void requireReadable(Path file, String what) {
        if (!Files.exists(file)) {
            throw error(what + " " + file + ": no such file");
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw error(what + " " + file + ": permission denied (kubeadm's keys are readable by root only)");
        }
    }

    private static List<String> split(String csv) {
        List<String> items = new ArrayList<>();
        if (csv != null) {
            for (String item : csv.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    private static List<String> strings(Object node) {
        List<String> items = new ArrayList<>();
        if (node instanceof List<?> list) {
            for (Object item : list) {
                items.add(String.valueOf(item));
            }
        }
        return items;
    }

    private ConfigException error(String detail) {
        return new ConfigException("kubeadm manifest " + manifest + ": " + detail);
    }
}
