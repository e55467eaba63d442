package io.github.jetcdctl.cli.docs;

import java.util.ArrayList;
import java.util.List;

import io.github.jetcdctl.cli.GlobalFlag;
import io.github.jetcdctl.help.HelpLayout;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * jetcdctl(1) in roff (man macros), written from the picocli model so the page always matches the commands
 * and flags. picocli-codegen writes AsciiDoc, which needs asciidoctor to become roff; this needs nothing.
 */
public final class ManPage {
    private final StringBuilder roff = new StringBuilder();

    private ManPage() {
    }

    public static String render(CommandLine root, String version) {
        return new ManPage().page(root.getCommandSpec(), version);
    }

    private String page(CommandSpec root, String version) {
        line(".TH JETCDCTL 1 \"\" \"jetcdctl " + text(version) + "\" \"User Commands\"");
        line(".nh");
        line(".SH NAME");
        line("jetcdctl \\- " + text(String.join(" ", root.usageMessage().description())));
        line(".SH SYNOPSIS");
        line(".B jetcdctl");
        line("[\\fIglobal flags\\fR] \\fIcommand\\fR [\\fIflags\\fR] [\\fIarguments\\fR]");
        line(".SH DESCRIPTION");
        paragraph("jetcdctl is a drop-in replacement for etcdctl and etcdutl 3.5, 3.6 and 3.7 (--compat or "
                + "ETCDCTL_COMPAT picks the line; 3.6 by default): the same commands, flags, ETCDCTL_* "
                + "variables, output formats, error messages and exit codes. Global flags may come before or after "
                + "the command words. jetcdctl help COMMAND, and COMMAND --help, print a command's usage.");
        line(".SH GLOBAL FLAGS");
        for (OptionSpec option : sorted(root.options())) {
            option(option);
        }
        line(".SH COMMANDS");
        for (CommandLine sub : root.subcommands().values()) {
            command(sub.getCommandSpec());
        }
        environment();
        files();
        line(".SH EXIT STATUS");
        paragraph("0 on success; 1 for errors from the server, timeouts and parse errors; 2 when no client could "
                + "be built; 4 for an unsupported output format; 5 for an interrupted or failed snapshot save; 128 "
                + "for bad arguments; 141 when standard output was closed (as a process ended by SIGPIPE).");
        line(".SH SEE ALSO");
        line(".BR etcdctl (1),");
        line(".BR etcdutl (1)");
        return roff.toString();
    }

    private void command(CommandSpec spec) {
        if (spec.usageMessage().hidden()) {
            return;
        }
        line(".SS \"" + text(spec.qualifiedName()) + synopsisArguments(spec) + "\"");
        // the first line is the command's short text, the rest its long text: a paragraph each
        for (String description : spec.usageMessage().description()) {
            paragraph(description);
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (!positional.hidden()) {
                line(".TP");
                line("\\fI" + text(positional.paramLabel()) + "\\fR");
                line(text(String.join(" ", positional.description())));
            }
        }
        for (OptionSpec option : sorted(spec.options())) {
            if (!option.inherited() && !option.usageHelp()) {
                option(option);
            }
        }
        for (CommandLine sub : spec.subcommands().values()) {
            command(sub.getCommandSpec());
        }
    }

    private void option(OptionSpec option) {
        if (option.hidden()) {
            return;
        }
        line(".TP");
        List<String> names = new ArrayList<>();
        for (String name : option.names()) {
            names.add("\\fB" + text(name) + "\\fR");
        }
        String label = "";
        if (option.arity().max() > 0) {
            String param = "\\fI" + text(option.paramLabel()) + "\\fR";
            label = option.arity().min() == 0 ? "[=" + param + "]" : "=" + param;
        }
        line(String.join(", ", names) + label);
        line(text(HelpLayout.describedWithDefault(option)));
    }

    private void environment() {
        line(".SH ENVIRONMENT");
        paragraph("Each global flag can also come from its ETCDCTL_* variable: the flag's name in capitals with "
                + "dashes as underscores (--dial-timeout is ETCDCTL_DIAL_TIMEOUT). A variable fills a flag that "
                + "is not on the command line; a flag given both ways is a fatal error; an unknown ETCDCTL_* "
                + "variable draws a warning; commands that need no server ignore the environment.");
        for (GlobalFlag flag : GlobalFlag.values()) {
            line(".TP");
            line("\\fB" + flag.envName() + "\\fR");
            line("as " + text(flag.longName()));
        }
        definition("ETCDCTL_API", "may be unset, empty or 3.");
        definition("XDG_CONFIG_HOME", "where the config file is looked for (else ~/.config).");
        definition("JAVA_HOME", "the JVM the launcher runs (else java on PATH).");
        definition("JETCDCTL_JAVA_OPTS", "extra JVM flags for the launcher.");
        definition("JETCDCTL_NO_CDS", "when set, the launcher keeps no class-data sharing archive.");
    }

    private void files() {
        line(".SH FILES");
        line(".TP");
        line("\\fI$XDG_CONFIG_HOME/jetcdctl/config.yaml\\fR, else \\fI~/.config/jetcdctl/config.yaml\\fR");
        line("Named contexts, written by \\fBjetcdctl context add\\fR (mode 0600). Each setting of the selected "
                + "context applies when neither its flag nor its ETCDCTL_* variable is given: flag, then "
                + "variable, then context, then the built-in default. The context is selected by --context, "
                + "else ETCDCTL_CONTEXT, else \\fBjetcdctl context use\\fR. Passwords are never stored; "
                + "password-file names a file that holds one. Without the file jetcdctl behaves exactly as "
                + "etcdctl.");
        line(".PP");
        line("Example:");
        line(".PP");
        line(".nf");
        line(".RS");
        for (String example : List.of("current-context: prod", "contexts:", "  prod:", "    endpoints:",
                "    - https://10.0.0.1:2379", "    cacert: /etc/kubernetes/pki/etcd/ca.crt",
                "    cert: /etc/kubernetes/pki/etcd/healthcheck-client.crt",
                "    key: /etc/kubernetes/pki/etcd/healthcheck-client.key", "    dial-timeout: 5s")) {
            line(text(example));
        }
        line(".RE");
        line(".fi");
        line(".TP");
        line("\\fI$XDG_CACHE_HOME/jetcdctl/cds\\fR, else \\fI~/.cache/jetcdctl/cds\\fR");
        line("The launcher's class-data sharing archives (safe to delete).");
    }

    private static String synopsisArguments(CommandSpec spec) {
        StringBuilder arguments = new StringBuilder();
        if (!spec.subcommands().isEmpty()) {
            arguments.append(" COMMAND");
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (!positional.hidden()) {
                String label = positional.paramLabel() + (positional.arity().max() > 1 ? "..." : "");
                arguments.append(' ').append(positional.arity().min() == 0 ? "[" + label + "]" : label);
            }
        }
        return text(arguments.toString());
    }

    private static List<OptionSpec> sorted(List<OptionSpec> options) {
        List<OptionSpec> sorted = new ArrayList<>(options);
        sorted.sort((a, b) -> bareName(a).compareTo(bareName(b)));
        return sorted;
    }

    private static String bareName(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    private void definition(String term, String meaning) {
        line(".TP");
        line("\\fB" + term + "\\fR");
        line(text(meaning));
    }

    private void paragraph(String text) {
        line(".PP");
        line(text(text));
    }

    private void line(String line) {
        roff.append(line).append('\n');
    }

    /** Text safe in roff: backslashes and dashes escaped, no line starting as a request. */
    static String text(String plain) {
        String escaped = plain.replace("\\", "\\e").replace("-", "\\-").replace("\n", " ");
        if (escaped.startsWith(".") || escaped.startsWith("'")) {
            escaped = "\\&" + escaped;
        }
        return escaped;
    }
}
