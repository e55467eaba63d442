package io.github.jetcdctl.config;

import java.util.Collection;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The contents of the config file: named contexts, sorted by name, and the one selected by default. */
public final class ContextConfig {
    private final String current;
    private final SortedMap<String, NamedContext> contexts;

    private ContextConfig(String current, SortedMap<String, NamedContext> contexts) {
        this.current = current;
        this.contexts = contexts;
    }

    public static ContextConfig empty() {
        return new ContextConfig("", new TreeMap<>());
    }

    /** The context {@code context use} selected; empty when none is. */
    public Optional<String> current() {
        return current.isEmpty() ? Optional.empty() : Optional.of(current);
    }

    public Collection<NamedContext> contexts() {
        return contexts.values();
    }

    public Optional<NamedContext> find(String name) {
        return Optional.ofNullable(contexts.get(name));
    }

    public ContextConfig with(NamedContext context) {
        SortedMap<String, NamedContext> all = new TreeMap<>(contexts);
        all.put(context.name(), context);
        return new ContextConfig(current, all);
    }

    /** Without the named context; when it was the selected one, nothing is selected any more. */
    public ContextConfig without(String name) {
        SortedMap<String, NamedContext> all = new TreeMap<>(contexts);
        all.remove(name);
        return new ContextConfig(name.equals(current) ? "" : current, all);
    }

    /** Selects a context by name, or none with an empty name. */
    public ContextConfig withCurrent(String name) {
        if (!name.isEmpty() && !contexts.containsKey(name)) {
            throw new IllegalArgumentException("no context " + name);
        }
        return new ContextConfig(name, contexts);
    }
}
