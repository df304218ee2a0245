package org.veristep.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.veristep.json.Json;

/**
 * ReasonEval MR-MATH files ({@code GAIR-NLP/ReasonEval}; JSONL despite the {@code .json} name):
 * the solutions ({@link #DATASET}: {@code {id, question, ground_truth_answer, generator,
 * [model_output], model_output_step_format: [[line]], [model_output_answer_correctness,
 * model_output_solution_correctness, model_output_solution_first_error_step: int | "N/A"],
 * [rating: [int]]}}) and the evaluator outputs ({@link #RESULTS}: {@code {id, scores}} or a judge's
 * {@code {id, response, correctness_pred, error_step_pred}}). Index convention: {@code
 * first_error_step} is 1-based over step groups (see {@link MrMathRecord}). Written by {@code
 * json.dumps}; {@link #FILE_STYLE} writes lines back byte for byte.
 */
public final class ReasonEvalFormat {
    private ReasonEvalFormat() {}

    /** The layout of the published files ({@code json.dumps} defaults, non-ASCII escaped). */
    public static final JsonStyle FILE_STYLE = JsonStyle.PYTHON_LINE_ASCII;

    private static final String FIRST_ERROR = "model_output_solution_first_error_step";
    private static final List<String> ORDER = List.of(
            "id",
            "question",
            "ground_truth_answer",
            "generator",
            "model_output",
            "model_output_step_format",
            "model_output_answer_correctness",
            "model_output_solution_correctness",
            FIRST_ERROR,
            "rating");
    private static final Set<String> MODELLED = Set.copyOf(ORDER);

    /** The codec of one solution line. */
    public static final RecordCodec<MrMathRecord> DATASET = new RecordCodec<>() {
        @Override
        public MrMathRecord parse(JsonNode node, RecordRef at) {
            ObjectNode o = Fields.object(node, at);
            ArrayNode groups = Fields.array(o, "model_output_step_format", "model_output_step_format", at);
            List<List<String>> stepGroups = new ArrayList<>(groups.size());
            for (int g = 0; g < groups.size(); g++) {
                JsonNode gn = groups.get(g);
                String p = "model_output_step_format[" + g + "]";
                if (!gn.isArray()) throw at.bad(p, "a list of lines");
                List<String> lines = new ArrayList<>(gn.size());
                for (int j = 0; j < gn.size(); j++) {
                    if (!gn.get(j).isTextual()) throw at.bad(p + "[" + j + "]", "a string");
                    lines.add(gn.get(j).textValue());
                }
                stepGroups.add(lines);
            }
            MrMathRecord.Judgement judgement = null;
            if (o.has("model_output_solution_correctness") || o.has(FIRST_ERROR)) {
                JsonNode fe = o.get(FIRST_ERROR);
                Integer first;
                if (fe != null && fe.isTextual() && fe.textValue().equals("N/A")) {
                    first = null;
                } else if (fe != null
                        && fe.isIntegralNumber()
                        && fe.intValue() >= 1
                        && fe.intValue() <= groups.size()) {
                    first = fe.intValue();
                } else {
                    throw at.bad(FIRST_ERROR, "\"N/A\" or a 1-based step-group number in 1.." + groups.size());
                }
                String sc = Fields.text(o, "model_output_solution_correctness", at);
                if (sc.equals("wrong") != (first != null)) {
                    throw at.bad(
                            FIRST_ERROR, "a step number exactly when the solution is \"wrong\" (it is \"" + sc + "\")");
                }
                judgement =
                        new MrMathRecord.Judgement(Fields.text(o, "model_output_answer_correctness", at), sc, first);
            }
            List<Integer> rating = null;
            if (o.has("rating")) {
                rating = Fields.integers(o, "rating", at);
                if (rating.size() != groups.size()) {
                    throw at.bad("rating", "one rating per step group (" + groups.size() + "), got " + rating.size());
                }
                for (int i = 0; i < rating.size(); i++) {
                    if (rating.get(i) != 0 && rating.get(i) != 1) throw at.bad("rating[" + i + "]", "0 or 1");
                }
            }
            return new MrMathRecord(
                    Fields.integer(o, "id", "id", at),
                    Fields.text(o, "question", at),
                    Fields.text(o, "ground_truth_answer", at),
                    Fields.text(o, "generator", at),
                    Fields.textOrNull(o, "model_output", "model_output", at),
                    stepGroups,
                    judgement,
                    rating,
                    Fields.extras(o, MODELLED));
        }

        @Override
        public ObjectNode toJson(MrMathRecord r) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("id", r.id());
            o.put("question", r.question());
            o.put("ground_truth_answer", r.groundTruthAnswer());
            o.put("generator", r.generator());
            if (r.modelOutput() != null) o.put("model_output", r.modelOutput());
            ArrayNode groups = o.putArray("model_output_step_format");
            r.stepGroups().forEach(g -> groups.add(Fields.stringArray(g)));
            if (r.judgement() != null) {
                o.put("model_output_answer_correctness", r.judgement().answerCorrectness());
                o.put("model_output_solution_correctness", r.judgement().solutionCorrectness());
                if (r.judgement().firstErrorStep() == null) o.put(FIRST_ERROR, "N/A");
                else o.put(FIRST_ERROR, r.judgement().firstErrorStep());
            }
            if (r.rating() != null) o.set("rating", Fields.intArray(r.rating()));
            return Fields.merge(ORDER, o, r.extras());
        }
    };

    /** The codec of one evaluator-output line. */
    public static final RecordCodec<ReasonEvalResult> RESULTS = new RecordCodec<>() {
        @Override
        public ReasonEvalResult parse(JsonNode node, RecordRef at) {
            ObjectNode o = Fields.object(node, at);
            int id = Fields.integer(o, "id", "id", at);
            ObjectNode extras = Fields.extras(o, Set.of("id", "scores"));
            JsonNode s = o.get("scores");
            if (s == null) return new ReasonEvalResult(id, ReasonEvalResult.Shape.JUDGE, List.of(), extras);
            if (s.isNumber()) {
                return new ReasonEvalResult(
                        id, ReasonEvalResult.Shape.SOLUTION, List.of(List.of(s.doubleValue())), extras);
            }
            if (!s.isArray()) throw at.bad("scores", "a number, a list of numbers or a list of [p_neg, p_neu, p_pos]");
            boolean triples = !s.isEmpty() && s.get(0).isArray();
            List<List<Double>> scores = new ArrayList<>(s.size());
            for (int i = 0; i < s.size(); i++) {
                String p = "scores[" + i + "]";
                if (triples) {
                    List<Double> t = Fields.numbers(s.get(i), p, at);
                    if (t.size() != 3) throw at.bad(p, "[p_negative, p_neutral, p_positive]");
                    scores.add(t);
                } else {
                    scores.add(List.of(Fields.number(s.get(i), p, at)));
                }
            }
            return new ReasonEvalResult(
                    id, triples ? ReasonEvalResult.Shape.LINE_3CLASS : ReasonEvalResult.Shape.LINE, scores, extras);
        }

        @Override
        public ObjectNode toJson(ReasonEvalResult r) {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("id", r.id());
            switch (r.shape()) {
                case LINE -> {
                    ArrayNode a = o.putArray("scores");
                    r.scores().forEach(x -> a.add(x.get(0)));
                }
                case LINE_3CLASS -> {
                    ArrayNode a = o.putArray("scores");
                    r.scores().forEach(x -> a.add(Fields.numberArray(x)));
                }
                case SOLUTION -> o.put("scores", r.scores().get(0).get(0));
                case JUDGE -> {}
            }
            o.setAll(r.extras());
            return o;
        }
    };

    /** Streams the solutions of one dataset file to {@code sink}; see {@link DatasetFiles#read}. */
    public static long readDataset(Path file, OnBadRecord onBad, Consumer<? super MrMathRecord> sink) {
        return DatasetFiles.read(file, DATASET, onBad, sink);
    }

    /** Streams the lines of one evaluator-output file to {@code sink}; see {@link DatasetFiles#read}. */
    public static long readResults(Path file, OnBadRecord onBad, Consumer<? super ReasonEvalResult> sink) {
        return DatasetFiles.read(file, RESULTS, onBad, sink);
    }
}
