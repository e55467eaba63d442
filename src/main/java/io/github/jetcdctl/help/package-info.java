/**
 * Help text in the layout of the selected etcdctl line: etcdctl's own cobra template (3.5 with tabs, 3.6 indented
 * with examples) or cobra's grouped help (3.7), rendered from the picocli model of any command, so that every
 * command and flag, etcdctl's or jetcdctl's own, appears in the same form.
 */
package io.github.jetcdctl.help;
