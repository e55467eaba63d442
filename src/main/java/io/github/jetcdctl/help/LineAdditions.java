package io.github.jetcdctl.help;

import java.lang.reflect.AnnotatedElement;

import io.github.jetcdctl.output.EtcdctlLine;

/** Reads {@link LineAddition}: whether a command's class or an option's field exists on a line. */
public final class LineAdditions {
    private LineAdditions() {
    }

    /**
     * Whether the line's etcdctl has the command or flag that {@code member} (a command object, or an option's
     * field as picocli's {@code userObject()} gives it) declares; anything not marked is on every line.
     */
    public static boolean onLine(Object member, EtcdctlLine line) {
        AnnotatedElement element = member instanceof AnnotatedElement annotated ? annotated
                : member == null ? null : member.getClass();
        LineAddition addition = element == null ? null : element.getAnnotation(LineAddition.class);
        return addition == null || line.has(addition.value());
    }
}
