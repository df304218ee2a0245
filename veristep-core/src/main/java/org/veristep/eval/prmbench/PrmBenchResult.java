package org.veristep.eval.prmbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of a PRMBench run.
 *
 * @param threshold a step is judged valid when its score is strictly above this (reference: 0.5)
 * @param items items read (after removing duplicates)
 * @param failed items the scorer could not score (excluded from every figure)
 * @param duplicatesSkipped input lines skipped as repeats of an earlier id
 * @param outOfRangeErrorSteps {@code error_steps} entries outside their item's steps (ignored, as in
 *     the reference)
 * @param overall PRMScore over the steps of all items pooled (the leaderboard's "Overall")
 * @param classes one entry per error class, sorted by name
 */
public record PrmBenchResult(
        double threshold,
        int items,
        int failed,
        int duplicatesSkipped,
        int outOfRangeErrorSteps,
        ClassScore overall,
        List<ClassScore> classes) {
    public PrmBenchResult {
        classes = List.copyOf(classes);
    }

    /**
     * The leaderboard's three category averages (PRMBench README; {@code form_latex_strs.ipynb}):
     * the unweighted mean of the member classes' PRMScores.
     *
     * @param name simplicity, soundness or sensitivity
     * @param classes the member classes
     * @param prmScore the mean of their PRMScores, in [0, 1]
     */
    public record Category(String name, List<String> classes, double prmScore) {
        public Category {
            classes = List.copyOf(classes);
        }
    }

    /** The leaderboard's categories and their classes, in leaderboard order. */
    public static final Map<String, List<String>> CATEGORIES = categories();

    private static Map<String, List<String>> categories() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("simplicity", List.of("redundency", "circular"));
        m.put("soundness", List.of("counterfactual", "step_contradiction", "domain_inconsistency", "confidence"));
        m.put("sensitivity", List.of("missing_condition", "deception", "multi_solutions"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * {@return the category averages whose member classes are all present} (a run on a subset of
     * the files has fewer)
     */
    public List<Category> categoryScores() {
        List<Category> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : CATEGORIES.entrySet()) {
            double sum = 0;
            boolean all = true;
            for (String c : e.getValue()) {
                Optional<ClassScore> s = of(c);
                if (s.isEmpty() || s.get().items() == 0) {
                    all = false;
                    break;
                }
                sum += s.get().prmScore();
            }
            if (all)
                out.add(new Category(
                        e.getKey(), e.getValue(), sum / e.getValue().size()));
        }
        return out;
    }

    /** {@return the figures of one class, if present} */
    public Optional<ClassScore> of(String classification) {
        return classes.stream()
                .filter(c -> c.classification().equals(classification))
                .findFirst();
    }
}
