package org.veristep.score;

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

    /**
     * Creates the scorer registered as {@code name}.
     *
     * @throws VeristepException.NonRetriable when no scorer has that name, or an option is not one the
     *     scorer supports (the message lists the names or options that exist)
     */
    public static StepScorer create(String name, ScorerOptions options) {
        Map<String, StepScorerProvider> all = providers();
        StepScorerProvider provider = all.get(name);
        if (provider == null) {
            throw new VeristepException.NonRetriable(
                    "no scorer named '" + name + "'; known scorers: " + String.join(", ", all.keySet()));
        }
        for (String option : options.values().keySet()) {
            if (!provider.options().containsKey(option)) {
                throw new VeristepException.NonRetriable("scorer '" + name + "' does not support option '" + option
                        + "'; it supports: "
                        + (provider.options().isEmpty()
                                ? "none"
                                : String.join(", ", provider.options().keySet())));
            }
        }
        return provider.create(options);
    }
}
