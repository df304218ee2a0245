package org.veristep.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.veristep.VeristepException;

/** The registry of step scorers, found by name through {@link ServiceLoader}. */
public final class StepScorers {
    private StepScorers() {}

    /** {@return every registered provider, by name} */
    public static Map<String, StepScorerProvider> providers() {
        Map<String, StepScorerProvider> byName = new TreeMap<>();
        for (StepScorerProvider p : ServiceLoader.load(StepScorerProvider.class)) {
            StepScorerProvider previous = byName.putIfAbsent(p.name(), p);
            if (previous != null) {
                throw new VeristepException.NonRetriable("two scorers are registered as '" + p.name() + "': "
                        + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return byName;
    }

    /** The prefix of composite scorer names: {@code composite:AGG:a,b}. */
    public static final String COMPOSITE = "composite:";

    /**
     * Creates the scorer registered as {@code name}, or a {@link CompositeScorer} for a name {@code
     * composite:AGG:a,b[,...]} (AGG = {@code min} or {@code product}; {@code a}, {@code b} registered
     * names). A composite gives each option to every component that supports it; {@code a.key=value}
     * gives it to component {@code a} only.
     *
     * @throws VeristepException.NonRetriable when no scorer has that name, or an option is not one the
     *     scorer supports (the message lists the names or options that exist)
     */
    public static StepScorer create(String name, ScorerOptions options) {
        if (name.startsWith(COMPOSITE)) return composite(name, options);
        Map<String, StepScorerProvider> all = providers();
        StepScorerProvider provider = all.get(name);
        if (provider == null) {
            throw new org.veristep.UsageException(
                    "no scorer named '" + name + "'; known scorers: " + String.join(", ", all.keySet()));
        }
        for (String option : options.values().keySet()) {
            if (!provider.options().containsKey(option)) {
                throw new org.veristep.UsageException("scorer '" + name + "' does not support option '" + option
                        + "'; it supports: "
                        + (provider.options().isEmpty()
                                ? "none"
                                : String.join(", ", provider.options().keySet())));
            }
        }
        return provider.create(options);
    }

    private static StepScorer composite(String name, ScorerOptions options) {
        String spec = name.substring(COMPOSITE.length());
        int colon = spec.indexOf(':');
        if (colon < 0 || colon == spec.length() - 1) {
            throw new VeristepException.NonRetriable(
                    "composite scorer '" + name + "': expected composite:AGG:a,b (e.g. composite:min:symbolic,file)");
        }
        CompositeScorer.Aggregation agg = CompositeScorer.Aggregation.of(spec.substring(0, colon));
        List<String> names = List.of(spec.substring(colon + 1).split(","));
        Map<String, StepScorerProvider> all = providers();
        for (String n : names) {
            if (!all.containsKey(n)) {
                throw new VeristepException.NonRetriable("composite scorer '" + name + "': no scorer named '" + n
                        + "'; known scorers: " + String.join(", ", all.keySet()));
            }
        }
        // route each option: "a.key" to a, "key" to every component that supports it
        Map<String, Map<String, String>> perComponent = new LinkedHashMap<>();
        for (String n : names) perComponent.put(n, new LinkedHashMap<>());
        for (Map.Entry<String, String> o : options.values().entrySet()) {
            String key = o.getKey();
            int dot = key.indexOf('.');
            if (dot > 0 && perComponent.containsKey(key.substring(0, dot))) {
                perComponent.get(key.substring(0, dot)).put(key.substring(dot + 1), o.getValue());
                continue;
            }
            boolean used = false;
            for (String n : names) {
                if (all.get(n).options().containsKey(key)) {
                    perComponent.get(n).put(key, o.getValue());
                    used = true;
                }
            }
            if (!used) {
                throw new VeristepException.NonRetriable(
                        "composite scorer '" + name + "': no component supports option '" + key
                                + "' (prefix it with a component name, e.g. " + names.get(0) + "." + key + ")");
            }
        }
        List<StepScorer> components = new ArrayList<>();
        try {
            for (String n : names) components.add(create(n, new ScorerOptions(perComponent.get(n))));
        } catch (RuntimeException e) {
            for (StepScorer c : components) c.close();
            throw e;
        }
        return new CompositeScorer(agg, components);
    }
}
