/**
 * Go-compatible parsing of arguments and text, as etcdctl's pflag and strconv read them: booleans, integers,
 * durations, quoted strings, flag sets and input lines; picocli converters built on them.
 */
package io.github.jetcdctl.cli.gosyntax;
