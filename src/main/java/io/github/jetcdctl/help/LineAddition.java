package io.github.jetcdctl.help;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.jetcdctl.output.EtcdctlLine;

/**
 * Marks a command or a flag that an etcdctl line added: the help of an older line leaves it out, as that line's
 * etcdctl does not know it (the command itself refuses it there through the session).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface LineAddition {
    EtcdctlLine.Addition value();
}
