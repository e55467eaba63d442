package io.github.jetcdctl.help;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A command's examples (lines of text; blank lines separate them), shown in an {@code Examples:} section by the
 * lines whose etcdctl has one (3.6 and later), each line indented by two spaces as etcdctl's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Examples {
    String value();
}
