package io.github.jetcdctl.k8s;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import com.google.protobuf.Descriptors.FileDescriptor;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;

/**
 * Where Kubernetes' published descriptors (client-java-proto) are loaded from. It is the largest jar we ship (4,000
 * entries, 13 MB): on the class path, every class or resource lookup that misses (libraries probe for optional
 * classes on every run) would read its index, for commands that never decode anything. So it sits in {@code lib/}
 * beside the other jars but outside the class path, and a class loader of its own opens it the first time a value
 * is decoded. A class path that holds it already (tests, an IDE) is used as it is.
 */
final class KubernetesProtos {
    static final String PACKAGE = "io.kubernetes.client.proto.";
    private static final String JAR_PREFIX = "client-java-proto-";

    private static ClassLoader loader;

    private KubernetesProtos() {
    }

    /** The descriptor of the proto file whose outer class is {@code PACKAGE + outerClass}. */
    static FileDescriptor fileDescriptor(String outerClass) throws ReflectiveOperationException {
        Class<?> outer = Class.forName(PACKAGE + outerClass, true, loader());
        return (FileDescriptor) outer.getMethod("getDescriptor").invoke(null);
    }

    /** The descriptor of a proto file every decoding needs; its absence is an error of the installation. */
    static FileDescriptor requiredFileDescriptor(String outerClass) {
        try {
            return fileDescriptor(outerClass);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new CliException(ExitCodes.ERROR, "cannot decode Kubernetes objects: their types ("
                    + JAR_PREFIX + "*.jar beside jetcdctl.jar in lib/) are missing", e);
        }
    }

    private static synchronized ClassLoader loader() {
        if (loader == null) {
            ClassLoader ours = KubernetesProtos.class.getClassLoader();
            loader = ours.getResource(PACKAGE.replace('.', '/') + "Runtime.class") != null ? ours
                    : new URLClassLoader(new URL[] {jarBesideOurs()}, ours);
        }
        return loader;
    }

    private static URL jarBesideOurs() {
        try {
            Path ours = Path.of(KubernetesProtos.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            File[] found = ours.resolveSibling("lib").toFile()
                    .listFiles((dir, name) -> name.startsWith(JAR_PREFIX) && name.endsWith(".jar"));
            // without it, the lookups fail and say so; a URL that names no file is harmless here
            File jar = found != null && found.length > 0 ? found[0] : ours.resolveSibling("lib").toFile();
            return jar.toURI().toURL();
        } catch (URISyntaxException | MalformedURLException | RuntimeException e) {
            throw new CliException(ExitCodes.ERROR, "cannot find lib/" + JAR_PREFIX + "*.jar: " + e.getMessage(), e);
        }
    }
}
