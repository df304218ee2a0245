package org.veristep.trace;

import java.util.List;
import java.util.Objects;

/**
 * A solution to a problem written as steps.
 *
 * @param id stable identifier of this trace, unique within a dataset; never null
 * @param problem the problem solved
 * @param steps the steps in order, indexed from 0; never null, immutable copy
 * @param finalAnswer the final answer the trace arrives at, or null when not extracted
 * @param generator name of the model or person that wrote the trace, or null when unknown
 */
public record Trace(String id, Problem problem, List<Step> steps, String finalAnswer, String generator) {
    public Trace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(problem, "problem");
        steps = List.copyOf(steps);
    }

    /** Builds a trace from plain step texts. */
    public static Trace of(String id, Problem problem, List<String> stepTexts) {
        return new Trace(id, problem, stepTexts.stream().map(Step::new).toList(), null, null);
    }

    /** {@return the number of steps} */
    public int size() {
        return steps.size();
    }

    /** {@return the step texts, indexed like {@link #steps()}} */
    public List<String> stepTexts() {
        return steps.stream().map(Step::text).toList();
    }
}
