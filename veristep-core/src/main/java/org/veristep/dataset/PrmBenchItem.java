package org.veristep.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Problem;
import org.veristep.trace.StepLabel;
import org.veristep.trace.Trace;

/**
 * One PRMBench item ({@code ssmisya/PRMBench}, {@code mr_eval/tasks/prmtest_classified/data/*.jsonl}):
 * a PRM800K solution ({@code original_process}) and a copy with injected errors ({@code
 * modified_process}) of one of nine error classes.
 *
 * @param originalQuestion the question before modification
 * @param modifiedQuestion the question the modified process answers
 * @param originalProcess the original PRM800K steps, indexed from 0
 * @param modifiedProcess the steps to evaluate, indexed from 0 (texts start with "N. ")
 * @param modifiedSteps <b>1-based</b> numbers of the steps that were changed, as in the file
 * @param errorSteps <b>1-based</b> numbers of every erroneous step, as in the file (empty: no error).
 *     42 published items name a step beyond the end of {@code modifiedProcess}; the reference
 *     evaluation ({@code eval_on_hallucination_step}) never reaches such a step, and neither does
 *     {@link #labeled()}; {@link #errorStepsOutOfRange()} lists them
 * @param reason the annotator's explanation of the injected error
 * @param groundTruth the reference answer (only in {@code multi_solutions} items), or null
 * @param idx the item id, e.g. {@code prm_test_p1_0}; unique only within a classification
 * @param question the raw MATH problem
 * @param classification the error class: circular, confidence, counterfactual, deception,
 *     domain_inconsistency, missing_condition, redundency [sic], step_contradiction, multi_solutions
 * @param originalResponse the original model response (only in {@code multi_solutions}), or null
 * @param extras fields not listed above, in file order (none in the published files)
 */
public record PrmBenchItem(
        String originalQuestion,
        String modifiedQuestion,
        List<String> originalProcess,
        List<String> modifiedProcess,
        List<Integer> modifiedSteps,
        List<Integer> errorSteps,
        String reason,
        String groundTruth,
        String idx,
        String question,
        String classification,
        String originalResponse,
        ObjectNode extras) {
    public PrmBenchItem {
        Objects.requireNonNull(originalQuestion, "originalQuestion");
        Objects.requireNonNull(modifiedQuestion, "modifiedQuestion");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(idx, "idx");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(classification, "classification");
        originalProcess = List.copyOf(originalProcess);
        modifiedProcess = List.copyOf(modifiedProcess);
        modifiedSteps = List.copyOf(modifiedSteps);
        errorSteps = List.copyOf(errorSteps);
        extras = Fields.copy(extras);
    }

    /** {@return the id used by the reference evaluation: {@code <classification>_<idx>}} */
    public String id() {
        return classification + "_" + idx;
    }

    /**
     * {@return the modified process with its labels}: the steps named by {@code error_steps}
     * (1-based, converted to 0-based) {@link StepLabel#INCORRECT}, every other step {@link
     * StepLabel#CORRECT}; the first error is the smallest of them (0-based), -1 when none is in
     * range. The trace id is {@link #id()}, the problem is {@code modified_question}. Step texts are
     * kept as written, with their "N. " numbering; the reference evaluation strips that prefix
     * ({@code remove_step_prefix}) before a PRM scores the steps.
     */
    public LabeledTrace labeled() {
        Trace trace = Trace.of(id(), new Problem(idx, modifiedQuestion, groundTruth), modifiedProcess);
        List<StepLabel> labels = new ArrayList<>(modifiedProcess.size());
        for (int i = 0; i < modifiedProcess.size(); i++) labels.add(StepLabel.CORRECT);
        int first = -1;
        for (int oneBased : errorSteps) {
            int i = oneBased - 1;
            if (i < 0 || i >= modifiedProcess.size()) continue;
            labels.set(i, StepLabel.INCORRECT);
            if (first < 0 || i < first) first = i;
        }
        return new LabeledTrace(trace, labels, first);
    }

    /**
     * {@return the original process as an error-free trace}, id {@code correct_<idx>}: the "correct"
     * class the reference evaluation builds from each {@code redundency} item
     */
    public LabeledTrace originalLabeled() {
        Trace trace = Trace.of("correct_" + idx, new Problem(idx, originalQuestion, groundTruth), originalProcess);
        return LabeledTrace.fromFirstError(trace, -1);
    }

    /** {@return the 1-based error steps beyond the modified process (or below 1), in file order} */
    public List<Integer> errorStepsOutOfRange() {
        return errorSteps.stream()
                .filter(s -> s < 1 || s > modifiedProcess.size())
                .toList();
    }
}
