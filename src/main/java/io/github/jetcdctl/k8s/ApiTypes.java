package io.github.jetcdctl.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * Finds the protobuf message type of an (apiVersion, kind) among Kubernetes' published descriptors
 * (client-java-proto). A group's types live in the proto package {@code ...<segment>.<version>}, whose segment is
 * the group's first label ({@code apps}, {@code rbac} for rbac.authorization.k8s.io, {@code apiextensions}) or, for
 * a few, its labels before k8s.io joined in reverse ({@code apiserverinternal} for internal.apiserver.k8s.io); the
 * core group ("v1") is {@code k8s.io.api.core.v1}. The library names the Java class holding a package's descriptor
 * after its version and segment ({@code V1Apps}, {@code V1beta1Apiextensions}, {@code V1} for core); those classes
 * load only when a value of their group is decoded. Groups of other domains (custom resources, stored as JSON) have
 * no protobuf type here.
 */
final class ApiTypes {
    private final Map<String, Optional<Descriptor>> byTypeMeta = new HashMap<>();
    private final Map<String, Optional<FileDescriptor>> byClassName = new HashMap<>();

    /** The message type of objects of this apiVersion and kind, if the library has one. */
    Optional<Descriptor> find(String apiVersion, String kind) {
        return byTypeMeta.computeIfAbsent(apiVersion + " " + kind, k -> lookUp(apiVersion, kind));
    }

    private Optional<Descriptor> lookUp(String apiVersion, String kind) {
        int slash = apiVersion.lastIndexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (version.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        for (String segment : segments(group)) {
            Optional<FileDescriptor> file = byClassName.computeIfAbsent(className(version, segment),
                    ApiTypes::descriptorOf);
            if (file.isEmpty() || !file.get().getPackage().endsWith("." + segment + "." + version)) {
                continue;
            }
            Descriptor type = file.get().findMessageTypeByName(kind);
            if (type != null) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The package segments a group's types may live under, most likely first. */
    static List<String> segments(String group) {
        if (group.isEmpty()) {
            return List.of("core");
        }
        List<String> labels = List.of(group.split("\\."));
        if (group.endsWith(".k8s.io")) {
            labels = labels.subList(0, labels.size() - 2);
        } else if (labels.size() > 1) {
            return List.of(); // another domain's group: not one of Kubernetes' API types
        }
        if (labels.isEmpty() || labels.get(0).isEmpty()) {
            return List.of();
        }
        List<String> segments = new ArrayList<>();
        segments.add(labels.get(0));
        if (labels.size() > 1) {
            StringBuilder reversed = new StringBuilder();
            for (int i = labels.size() - 1; i >= 0; i--) {
                reversed.append(labels.get(i));
            }
            segments.add(reversed.toString());
        }
        return segments;
    }

    private static String className(String version, String segment) {
        String name = capitalize(version) + (segment.equals("core") ? "" : capitalize(segment));
        return name.replaceAll("[^A-Za-z0-9]", "");
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    private static Optional<FileDescriptor> descriptorOf(String className) {
        try {
            return Optional.of(KubernetesProtos.fileDescriptor(className));
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            return Optional.empty();
        }
    }
}
