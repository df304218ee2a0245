package org.veristep.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Problem;
import org.veristep.trace.Step;
import org.veristep.trace.StepLabel;
import org.veristep.trace.Trace;

/**
 * One raw PRM800K label line ({@code openai/prm800k}, {@code prm800k/data/phase{1,2}_*.jsonl}): a
 * labeler's step-by-step ratings of one solution, with the alternative completions rated at each
 * step.
 *
 * @param labeler the labeler's id
 * @param timestamp when the line was labelled, as written (ISO-8601 without zone)
 * @param generation the generation number (phase 2), or null
 * @param qualityControl {@code is_quality_control_question}
 * @param initialScreening {@code is_initial_screening_question}
 * @param question the {@code question} object as written ({@code problem}, {@code
 *     ground_truth_answer}, in phase 2 also the pre-generated solution fields)
 * @param steps the rated steps, indexed from 0
 * @param labelExtras the fields of {@code label} other than {@code steps} ({@code total_time},
 *     {@code finish_reason}), in file order
 * @param extras top-level fields not listed above, in file order
 */
public record Prm800kLine(
        String labeler,
        String timestamp,
        Integer generation,
        boolean qualityControl,
        boolean initialScreening,
        ObjectNode question,
        List<RatedStep> steps,
        ObjectNode labelExtras,
        ObjectNode extras) {
    public Prm800kLine {
        Objects.requireNonNull(question, "question");
        question = question.deepCopy();
        steps = List.copyOf(steps);
        labelExtras = Fields.copy(labelExtras);
        extras = Fields.copy(extras);
    }

    /**
     * One step: the completions a labeler rated, an optional human-written completion, and which
     * completion the solution continued with.
     *
     * @param completions the rated completions, or null (the file's {@code null})
     * @param humanCompletion the completion the labeler wrote, or null
     * @param chosenCompletion index into {@code completions} of the completion the solution goes on
     *     with, or null
     */
    public record RatedStep(List<Completion> completions, Completion humanCompletion, Integer chosenCompletion) {
        public RatedStep {
            if (completions != null) completions = List.copyOf(completions);
            if (chosenCompletion != null
                    && (completions == null || chosenCompletion < 0 || chosenCompletion >= completions.size())) {
                throw new IllegalArgumentException(
                        "chosen_completion " + chosenCompletion + " is not a completion index");
            }
        }
    }

    /**
     * One completion.
     *
     * @param text the step text
     * @param rating -1 (wrong), 0 (neutral), +1 (correct), or null (not rated, e.g. human-written)
     * @param flagged whether the labeler flagged it, or null when the file says null
     * @param extras other fields ({@code source} on human completions), in file order
     */
    public record Completion(String text, Integer rating, Boolean flagged, ObjectNode extras) {
        public Completion {
            Objects.requireNonNull(text, "text");
            if (rating != null && (rating < -1 || rating > 1)) {
                throw new IllegalArgumentException("rating must be -1, 0 or 1, got " + rating);
            }
            extras = Fields.copy(extras);
        }

        /** {@return the rating as a step label: +1 correct, 0 neutral, −1 incorrect, null unknown} */
        public StepLabel label() {
            if (rating == null) return StepLabel.UNKNOWN;
            return switch (rating) {
                case 1 -> StepLabel.CORRECT;
                case 0 -> StepLabel.NEUTRAL;
                default -> StepLabel.INCORRECT;
            };
        }
    }

    /** {@return the problem text ({@code question.problem})} */
    public String problem() {
        return question.path("problem").asText();
    }

    /** {@return the reference answer ({@code question.ground_truth_answer}), or null} */
    public String groundTruthAnswer() {
        return question.hasNonNull("ground_truth_answer")
                ? question.get("ground_truth_answer").asText()
                : null;
    }

    /** {@return {@code label.finish_reason} ({@code solution}, {@code found_error}, {@code give_up} ...), or null} */
    public String finishReason() {
        return labelExtras.hasNonNull("finish_reason")
                ? labelExtras.get("finish_reason").asText()
                : null;
    }

    /**
     * {@return the solution the labeler followed, with its labels}: at each step the chosen
     * completion (label from its rating: +1 correct, 0 neutral, −1 incorrect), else the human
     * completion (labelled correct: the labeler wrote it), else the path ends (the labeler stopped
     * at a step none of whose completions was chosen). The first error is the first incorrect step.
     *
     * @param id the trace id (lines have none; e.g. {@code <file>-<line>})
     */
    public LabeledTrace chosenPath(String id) {
        List<Step> path = new ArrayList<>();
        List<StepLabel> labels = new ArrayList<>();
        for (RatedStep s : steps) {
            if (s.chosenCompletion() != null) {
                Completion c = s.completions().get(s.chosenCompletion());
                path.add(new Step(c.text()));
                labels.add(c.label());
            } else if (s.humanCompletion() != null) {
                path.add(new Step(s.humanCompletion().text()));
                labels.add(StepLabel.CORRECT);
            } else {
                break;
            }
        }
        return labeled(id, path, labels);
    }

    /**
     * {@return every rated branch}: for each step k and each completion c of it that is not the
     * chosen one, the chosen path's first k steps followed by c (the expansion of TRL's {@code
     * prm800k.py}), then the chosen path itself last. Ids are {@code <id>/<k>.<c>} (0-based) and
     * {@code id} for the chosen path.
     */
    public List<LabeledTrace> branches(String id) {
        List<LabeledTrace> out = new ArrayList<>();
        List<Step> path = new ArrayList<>();
        List<StepLabel> labels = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            RatedStep s = steps.get(k);
            if (s.completions() != null) {
                for (int c = 0; c < s.completions().size(); c++) {
                    if (s.chosenCompletion() != null && c == s.chosenCompletion()) continue;
                    Completion alt = s.completions().get(c);
                    List<Step> p = new ArrayList<>(path);
                    p.add(new Step(alt.text()));
                    List<StepLabel> l = new ArrayList<>(labels);
                    l.add(alt.label());
                    out.add(labeled(id + "/" + k + "." + c, p, l));
                }
            }
            if (s.chosenCompletion() != null) {
                Completion c = s.completions().get(s.chosenCompletion());
                path.add(new Step(c.text()));
                labels.add(c.label());
            } else if (s.humanCompletion() != null) {
                path.add(new Step(s.humanCompletion().text()));
                labels.add(StepLabel.CORRECT);
            } else {
                break;
            }
        }
        out.add(labeled(id, path, labels));
        return out;
    }

    private LabeledTrace labeled(String id, List<Step> path, List<StepLabel> labels) {
        Trace t = new Trace(id, new Problem(id, problem(), groundTruthAnswer()), path, null, labeler);
        return new LabeledTrace(t, labels, labels.indexOf(StepLabel.INCORRECT));
    }
}
