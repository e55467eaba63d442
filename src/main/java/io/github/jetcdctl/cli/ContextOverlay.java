package io.github.jetcdctl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.jetcdctl.CliException;
import io.github.jetcdctl.ExitCodes;
import io.github.jetcdctl.config.ConfigFile;
import io.github.jetcdctl.config.ContextConfig;
import io.github.jetcdctl.config.NamedContext;

/**
 * The third source of global options, after the command line and ETCDCTL_* variables: the selected named
 * context fills only what neither of them decided. Without a config file nothing changes.
 */
public final class ContextOverlay {
    static final String ENV_NAME = "ETCDCTL_CONTEXT";
    /** The settings that say where the cluster is: they apply together or not at all. */
    private static final Set<GlobalFlag> PLACE = EnumSet.of(GlobalFlag.ENDPOINTS, GlobalFlag.DISCOVERY_SRV,
            GlobalFlag.DISCOVERY_SRV_NAME);

    private ContextOverlay() {
    }

    static void apply(GlobalOptions options, Set<GlobalFlag> decided, boolean contextFlagGiven,
            Map<String, String> env, ConfigFile file, ContextConfig config) {
        Optional<String> name = selected(options.context(), contextFlagGiven, env, config);
        if (name.isEmpty()) {
            return;
        }
        NamedContext context = config.find(name.get()).orElseThrow(() -> new CliException(ExitCodes.ERROR,
                "context \"" + name.get() + "\" not found in " + file.path()));
        options.context = context.name();
        // A user and its password belong together: a user from a flag or variable never gets the context's password.
        boolean credentialsDecided = decided.contains(GlobalFlag.USER) || decided.contains(GlobalFlag.PASSWORD);
        // Where the cluster is, likewise: SRV records beat --endpoints, so --endpoints or ETCDCTL_ENDPOINTS would
        // lose to a context's domain; either of them, or a domain given so, sets aside the context's way there.
        boolean placeDecided = decided.contains(GlobalFlag.ENDPOINTS) || decided.contains(GlobalFlag.DISCOVERY_SRV);
        Map<GlobalFlag, String> settings = flagSettings(context);
        for (Map.Entry<GlobalFlag, String> setting : settings.entrySet()) {
            GlobalFlag flag = setting.getKey();
            if (decided.contains(flag) || (flag == GlobalFlag.USER && credentialsDecided)
                    || (PLACE.contains(flag) && placeDecided)) {
                continue;
            }
            try {
                flag.applyFromContext(options, setting.getValue());
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.ERROR, "context \"" + context.name() + "\": invalid "
                        + flag.longName().substring(2) + " \"" + setting.getValue() + "\" in " + file.path());
            }
        }
        Optional<String> passwordFile = context.get(NamedContext.PASSWORD_FILE);
        if (passwordFile.isPresent() && !credentialsDecided) {
            options.password = readPassword(context.name(), Path.of(passwordFile.get()));
        }
    }

    /** --context (even an empty one, which selects none), else ETCDCTL_CONTEXT, else the file's choice. */
    public static Optional<String> selected(String contextOption, boolean contextFlagGiven, Map<String, String> env,
            ContextConfig config) {
        if (contextFlagGiven) {
            return contextOption.isEmpty() ? Optional.empty() : Optional.of(contextOption);
        }
        String fromEnv = env.getOrDefault(ENV_NAME, "");
        if (!fromEnv.isEmpty()) {
            return Optional.of(fromEnv);
        }
        return config.current();
    }

    /** The global flag each context setting stands for (all but password-file). */
    static Map<GlobalFlag, String> flagSettings(NamedContext context) {
        Map<GlobalFlag, String> flags = new EnumMap<>(GlobalFlag.class);
        for (Map.Entry<String, String> setting : context.settings().entrySet()) {
            flagFor(setting.getKey()).ifPresent(flag -> flags.put(flag, setting.getValue()));
        }
        return flags;
    }

    public static Optional<GlobalFlag> flagFor(String setting) {
        for (GlobalFlag flag : GlobalFlag.values()) {
            if (flag.longName().equals("--" + setting)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }

    /** The file's text without its final line break, as `echo secret > file` leaves it. */
    private static String readPassword(String context, Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.endsWith("\r\n")) {
                return text.substring(0, text.length() - 2);
            }
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, "context \"" + context + "\": password-file: "
                    + IoErrors.goText(e, file));
        }
    }
}
