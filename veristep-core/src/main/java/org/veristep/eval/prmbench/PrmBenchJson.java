package org.veristep.eval.prmbench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.veristep.eval.EvalJson;
import org.veristep.json.Json;

/**
 * PRMBench results and per-item outcomes as JSON, the shapes of {@code metrics.json} and {@code
 * predictions.jsonl}. Fractions are in [0, 1]; an undefined F1 is written as null.
 */
public final class PrmBenchJson {
    private PrmBenchJson() {}

    /** {@return the result's figures (without provenance, which the caller adds)} */
    public static ObjectNode metrics(PrmBenchResult r) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("benchmark", "prmbench");
        o.put(
                "metric",
                "PRMScore = 0.5*F1(valid steps) + 0.5*F1(erroneous steps), steps pooled per class;"
                        + " a step is valid iff score > threshold; multi_solutions scored by F1(valid) alone");
        o.put("threshold", r.threshold());
        o.put("items", r.items());
        o.put("failed", r.failed());
        o.put("duplicates_skipped", r.duplicatesSkipped());
        o.put("out_of_range_error_steps", r.outOfRangeErrorSteps());
        o.set("overall", classJson(r.overall()));
        ObjectNode classes = o.putObject("classes");
        for (ClassScore c : r.classes()) classes.set(c.classification(), classJson(c));
        ObjectNode cats = o.putObject("categories");
        for (PrmBenchResult.Category c : r.categoryScores()) {
            ObjectNode j = cats.putObject(c.name());
            j.put("prm_score", c.prmScore());
            var members = j.putArray("classes");
            c.classes().forEach(members::add);
        }
        return o;
    }

    static ObjectNode classJson(ClassScore c) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("prm_score", c.prmScore());
        if (c.ci() != null) o.set("prm_score_ci", EvalJson.interval(c.ci()));
        putNullable(o, "f1_positive", c.confusion().f1Positive());
        putNullable(o, "f1_negative", c.confusion().f1Negative());
        o.put("items", c.items());
        o.put("failed", c.failed());
        o.put("tp", c.confusion().tp());
        o.put("fp", c.confusion().fp());
        o.put("tn", c.confusion().tn());
        o.put("fn", c.confusion().fn());
        return o;
    }

    /** {@return one predictions line: ids, 0-based error steps, scores, judgements and counts} */
    public static ObjectNode prediction(PrmBenchEval.ItemOutcome out, double threshold) {
        PrmBenchItem item = out.item();
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", item.id());
        o.put("classification", item.classification());
        o.put("source", item.source());
        o.put("steps", item.steps().size());
        ArrayNode err = o.putArray("error_steps");
        item.errorSteps().forEach(err::add);
        if (out.error() != null) {
            o.put("error", out.error());
            return o;
        }
        ArrayNode s = o.putArray("step_scores");
        ArrayNode v = o.putArray("judged_valid");
        for (double d : out.scores()) {
            s.add(d);
            v.add(d > threshold);
        }
        o.put("tp", out.confusion().tp());
        o.put("fp", out.confusion().fp());
        o.put("tn", out.confusion().tn());
        o.put("fn", out.confusion().fn());
        return o;
    }

    private static void putNullable(ObjectNode o, String field, double v) {
        if (Double.isNaN(v)) o.putNull(field);
        else o.put(field, v);
    }
}
