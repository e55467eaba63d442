package io.github.jetcdctl.cli;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Keeps library logging (gRPC and Netty through java.util.logging, jetcd through slf4j-simple) off stdout
 * and quiet; --debug or ETCDCTL_DEBUG turns it up, on stderr.
 */
public final class Logging {
    private Logging() {
    }

    public static void configure(String[] args, java.util.Map<String, String> env) {
        boolean debug = debugRequested(args, env);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "debug" : "off");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        if (debug) {
            java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
            handler.setLevel(Level.FINE);
            root.addHandler(handler);
            root.setLevel(Level.FINE);
        } else {
            root.setLevel(Level.OFF);
        }
    }

    /** Whether --debug or ETCDCTL_DEBUG asks for library logging. */
    public static boolean debugRequested(String[] args, java.util.Map<String, String> env) {
        boolean debug = env.getOrDefault("ETCDCTL_DEBUG", "").equalsIgnoreCase("true");
        for (String arg : args) {
            if (arg.equals("--debug") || arg.equals("--debug=true")) {
                debug = true;
            }
        }
        return debug;
    }
}
