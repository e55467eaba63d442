package io.github.jetcdctl.cli.docs;

import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The shell completion script: picocli's bash script for the command tree, plus what only exists at run time
 * (context names, asked from {@code jetcdctl context list}) and file names for the TLS flags. zsh runs the
 * same script through bashcompinit, which picocli's preamble loads.
 */
public final class CompletionScript {
    private static final String PICOCLI_REGISTRATION = "complete -F _complete_jetcdctl -o default jetcdctl";

    private static final String RUNTIME_VALUES = """

            # jetcdctl: context names come from the config file at the time of completion; the TLS and
            # password-file flags take file names.
            function _jetcdctl_context_names() {
              "${COMP_WORDS[0]}" context list 2>/dev/null
            }

            # Sets COMPREPLY to the words of $1 (one a line) that start with $2.
            function _jetcdctl_reply_lines() {
              local IFS=$'\\n'
              COMPREPLY=($(compgen -W "$1" -- "$2"))
            }

            function _complete_jetcdctl_with_contexts() {
              local curr_word=${COMP_WORDS[COMP_CWORD]}
              local flag=${COMP_WORDS[COMP_CWORD-1]}
              if [[ $flag == "=" && $COMP_CWORD -ge 2 ]]; then
                flag=${COMP_WORDS[COMP_CWORD-2]}
              fi
              case $flag in
                --context)
                  _jetcdctl_reply_lines "$(_jetcdctl_context_names)" "$curr_word"
                  return 0
                  ;;
                --cacert|--cert|--key|--password-file|--from-kubeadm)
                  _jetcdctl_reply_lines "$(compgen -f -- "$curr_word")" ""
                  return 0
                  ;;
                use|show|remove)
                  if [[ $COMP_CWORD -ge 3 && ${COMP_WORDS[COMP_CWORD-2]} == context && $curr_word != -* ]]; then
                    _jetcdctl_reply_lines "$(_jetcdctl_context_names)" "$curr_word"
                    return 0
                  fi
                  ;;
              esac
              _complete_jetcdctl "$@"
            }

            complete -F _complete_jetcdctl_with_contexts -o default jetcdctl
            """;

    private CompletionScript() {
    }

    public static String bash(CommandLine root) {
        String picocli = AutoComplete.bash("jetcdctl", root);
        int registration = picocli.lastIndexOf(PICOCLI_REGISTRATION);
        if (registration < 0) {
            throw new IllegalStateException("picocli's completion script has changed: no '" + PICOCLI_REGISTRATION
                    + "'");
        }
        return picocli.substring(0, registration) + RUNTIME_VALUES.stripLeading();
    }

    public static String zsh(CommandLine root) {
        return "# jetcdctl completion for zsh: load it with  source <(jetcdctl completion zsh)\n"
                + "# (bash completion run through zsh's bashcompinit, which the script enables)\n"
                + bash(root);
    }
}
