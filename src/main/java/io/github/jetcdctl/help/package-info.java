/**
 * Help text in the layout of the selected etcdctl line: etcdctl's own cobra template (3.5 with tabs, 3.6 indented
 * with examples) or cobra's grouped help (3.7), rendered from the picocli model of any command, so that every
 * command and flag, etcdctl's or jetcdctl's own, appears in the same form.
 *
 * <p>What a command's annotations mean here: the first line of {@code description} is cobra's Short (the command
 * lists), the other lines its Long (DESCRIPTION); {@code footer} follows the Long; {@code customSynopsis}, when
 * given, is cobra's Use ({@code get [options] <key> [range_end]}), else the name and the visible arguments' labels;
 * {@link io.github.jetcdctl.help.Examples} gives the examples; {@link io.github.jetcdctl.help.LineAddition} on a
 * command or an option field leaves it out of older lines' help; a flag's default and Go type come from its field
 * (and an unsigned converter), so descriptions do not repeat the default. A flag that an older line's etcdctl
 * described in other words gets those words on that line from the one table in
 * {@link io.github.jetcdctl.help.OlderWords}.
 */
package io.github.jetcdctl.help;
