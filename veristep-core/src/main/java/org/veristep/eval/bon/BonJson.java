package org.veristep.eval.bon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.veristep.eval.EvalJson;
import org.veristep.json.Json;
import org.veristep.score.Aggregation;

/**
 * Best-of-N and top-1 selection results as JSON: the shapes of {@code metrics.json} and {@code
 * predictions.jsonl} written by {@code veristep eval bon}. Accuracies are fractions in [0, 1].
 */
public final class BonJson {
    private BonJson() {}

    /**
     * {@return best-of-N figures: problems, max_n, ns, grouping, and one entry per point with
     * method, aggregation (null for maj/pass), n, correct, problems, accuracy, ci,
     * candidates_generated, candidates_scored}
     */
    public static ObjectNode metrics(BonResult r) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("benchmark", "best-of-n");
        o.put("problems", r.problems());
        o.put("max_n", r.maxN());
        ArrayNode ns = o.putArray("ns");
        r.ns().forEach(ns::add);
        o.put("grouping", r.grouping());
        o.put("selection", "the first n candidates of each problem; ties go to the earliest candidate / class");
        ArrayNode points = o.putArray("points");
        for (BonPoint p : r.points()) {
            ObjectNode j = points.addObject();
            j.put("label", p.label());
            j.put("method", p.method().label());
            if (p.aggregation() == null) j.putNull("aggregation");
            else j.put("aggregation", p.aggregation().label());
            j.put("n", p.n());
            j.put("correct", p.correct());
            j.put("problems", p.problems());
            j.put("accuracy", p.accuracy());
            j.set("ci", EvalJson.interval(p.ci()));
            j.put("candidates_generated", p.candidatesGenerated());
            j.put("candidates_scored", p.candidatesScored());
        }
        return o;
    }

    /**
     * {@return one predictions line per problem}: its candidates (answer, class key, correct, raw
     * scores, aggregated scores) and, per point label, the selected candidate index and whether it
     * is correct
     *
     * @param p problem index into {@code sets}
     */
    public static ObjectNode bonPrediction(
            List<CandidateSet> sets,
            int p,
            AnswerGrouping grouping,
            List<Aggregation> aggregations,
            List<BestOfN.Selections> selections) {
        CandidateSet set = sets.get(p);
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", set.id());
        ArrayNode cands = o.putArray("candidates");
        for (Candidate c : set.candidates()) {
            ObjectNode j = cands.addObject();
            j.put("answer", c.answer());
            j.put("key", grouping.keyOf(c.answer()));
            j.put("correct", c.correct());
            ArrayNode s = j.putArray("scores");
            for (double d : c.stepScores()) s.add(d);
            ObjectNode agg = j.putObject("aggregated");
            for (Aggregation a : aggregations) agg.put(a.label(), a.apply(c.stepScores()));
        }
        ObjectNode sel = o.putObject("selected");
        ObjectNode hit = o.putObject("correct");
        for (BestOfN.Selections s : selections) {
            String label = s.point().label();
            if (s.selected()[p] >= 0) sel.put(label, s.selected()[p]);
            hit.put(label, s.hit()[p]);
        }
        return o;
    }

    /**
     * {@return top-1 selection figures: benchmark, model, problems, candidates, step_level, and per
     * aggregation correct, problems, accuracy, ci, mrr, mrr_ci}
     */
    public static ObjectNode metrics(SelectionResult r) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("benchmark", r.benchmark());
        o.put("model", r.model());
        o.put("problems", r.problems());
        o.put("candidates", r.candidates());
        o.put("step_level", r.stepLevel());
        o.put(
                "metric",
                "accuracy: candidate 0 (the correct one) scores strictly higher than every other"
                        + " (a tie fails); MRR: rank = 1 + (#wrong higher) + (#wrong equal)");
        ObjectNode points = o.putObject("aggregations");
        for (SelectionPoint p : r.points()) {
            ObjectNode j = points.putObject(p.aggregation());
            j.put("correct", p.correct());
            j.put("problems", p.problems());
            j.put("accuracy", p.accuracy());
            j.set("ci", EvalJson.interval(p.ci()));
            j.put("mrr", p.mrr());
            j.set("mrr_ci", EvalJson.interval(p.mrrCi()));
        }
        return o;
    }

    /** {@return one predictions line per problem: solution scores and rank of candidate 0, per aggregation} */
    public static ObjectNode selectionPrediction(String id, List<Top1Selection.Item> items) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", id);
        o.put("correct_candidate", 0);
        ObjectNode scores = o.putObject("solution_scores");
        ObjectNode ranks = o.putObject("rank");
        for (Top1Selection.Item it : items) {
            ArrayNode a = scores.putArray(it.aggregation());
            for (double d : it.solutionScores()) a.add(d);
            ranks.put(it.aggregation(), it.rank());
        }
        return o;
    }
}
