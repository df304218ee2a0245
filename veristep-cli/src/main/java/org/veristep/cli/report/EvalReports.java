package org.veristep.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.veristep.eval.Bootstrap;
import org.veristep.eval.bon.BonPoint;
import org.veristep.eval.bon.BonResult;
import org.veristep.eval.bon.SelectionPoint;
import org.veristep.eval.bon.SelectionResult;
import org.veristep.eval.prmbench.ClassScore;
import org.veristep.eval.prmbench.PrmBenchResult;

/** The HTML reports of {@code veristep eval bon} and {@code veristep eval prmbench}. */
public final class EvalReports {
    private EvalReports() {}

    /**
     * Best-of-N: a table of accuracy at every n per method and aggregation, and the chart "best-of-N
     * accuracy against n per method".
     *
     * @param metrics the metrics.json object (its provenance is shown)
     */
    public static HtmlReport bestOfN(BonResult r, ObjectNode metrics) {
        HtmlReport report = new HtmlReport(
                "Best-of-N: " + metrics.path("provenance").path("model").asText("?"));
        report.paragraph(String.format(
                Locale.ROOT,
                "%d problems, n = %s over the first n candidates; answers grouped by %s. naive@n: the answer of the"
                        + " highest aggregated score; weighted@n: the answer whose equivalence class has the largest"
                        + " sum of scores; maj@n: the most frequent answer; pass@n: any candidate correct."
                        + " Intervals: seeded percentile bootstrap over problems, 95%%.",
                r.problems(),
                r.ns(),
                r.grouping()));
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (BonPoint p : r.points()) {
            String key = p.method().label()
                    + (p.aggregation() == null ? "" : "/" + p.aggregation().label());
            series.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {p.n(), 100 * p.accuracy()});
            if (p.n() == r.maxN()) {
                rows.add(List.of(
                        key,
                        p.correct() + "/" + p.problems(),
                        pct(p.accuracy()) + ci(p.ci()),
                        Long.toString(p.candidatesGenerated()),
                        Long.toString(p.candidatesScored())));
            }
        }
        report.heading("Results at n = " + r.maxN())
                .table(List.of("method", "correct", "accuracy (%)", "generated", "scored"), rows);
        report.heading("Charts")
                .chart(
                        Charts.lines(
                                "Best-of-N accuracy against n",
                                "n",
                                "accuracy (%)",
                                series,
                                Double.NaN,
                                true,
                                Double.NaN),
                        "Accuracy of each method (and aggregation of step scores) as the number of candidates grows.");
        report.provenance(metrics.path("provenance"));
        return report;
    }

    /** RewardMATH top-1 selection or RewardBench pairwise accuracy per aggregation. */
    public static HtmlReport selection(SelectionResult r, ObjectNode metrics) {
        boolean pairs = r.benchmark().equals("rewardbench");
        HtmlReport report = new HtmlReport((pairs ? "RewardBench pairs: " : "RewardMATH: ") + r.model());
        report.paragraph(
                pairs
                        ? r.problems() + " chosen/rejected pairs; correct when the chosen solution scores strictly"
                                + " higher (a tie fails)."
                        : r.problems() + " problems of " + r.candidates() + " candidates; correct when candidate 0 (the"
                                + " correct one) scores strictly higher than every wrong one (a tie fails). MRR: rank ="
                                + " 1 + wrong scoring higher + wrong scoring equal.");
        List<List<String>> rows = new ArrayList<>();
        Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
        bars.put("accuracy", new LinkedHashMap<>());
        bars.put("MRR", new LinkedHashMap<>());
        for (SelectionPoint p : r.points()) {
            rows.add(List.of(
                    p.aggregation(),
                    p.correct() + "/" + p.problems(),
                    pct(p.accuracy()) + ci(p.ci()),
                    String.format(Locale.ROOT, "%.3f", p.mrr()) + ci(p.mrrCi())));
            bars.get("accuracy").put(p.aggregation(), 100 * p.accuracy());
            bars.get("MRR").put(p.aggregation(), 100 * p.mrr());
        }
        report.heading("Results").table(List.of("aggregation", "correct", "accuracy (%)", "MRR"), rows);
        report.heading("Charts")
                .chart(
                        Charts.bars("Accuracy and MRR per aggregation", "% (MRR ×100)", bars, 100),
                        "How each way of turning step scores into a solution score selects the correct solution.");
        report.provenance(metrics.path("provenance"));
        return report;
    }

    /** PRMBench: PRMScore overall and per error class. */
    public static HtmlReport prmBench(PrmBenchResult r, ObjectNode metrics) {
        HtmlReport report = new HtmlReport(
                "PRMBench: " + metrics.path("provenance").path("scorer").asText("?"));
        report.paragraph(String.format(
                Locale.ROOT,
                "%d items, threshold %.2f (a step is valid when its score is above it). PRMScore = 0.5·F1(valid)"
                        + " + 0.5·F1(erroneous), steps pooled within each class; overall pools all steps.",
                r.items(),
                r.threshold()));
        List<List<String>> rows = new ArrayList<>();
        Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
        bars.put("PRMScore", new LinkedHashMap<>());
        List<ClassScore> all = new ArrayList<>(r.classes());
        all.add(0, r.overall());
        for (ClassScore c : all) {
            rows.add(List.of(c.classification(), Integer.toString(c.items()), pct(c.prmScore()) + ci(c.ci())));
            bars.get("PRMScore").put(c.classification(), 100 * c.prmScore());
        }
        for (PrmBenchResult.Category c : r.categoryScores()) {
            rows.add(List.of("category: " + c.name(), "", pct(c.prmScore())));
        }
        report.heading("Results").table(List.of("class", "items", "PRMScore (%)"), rows);
        report.heading("Charts")
                .chart(
                        Charts.bars("PRMScore per error class", "PRMScore (%)", bars, 100),
                        "Overall first, then each class.");
        report.provenance(metrics.path("provenance"));
        return report;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", 100 * v);
    }

    private static String ci(Bootstrap.Interval ci) {
        return ci == null ? "" : String.format(Locale.ROOT, " [%.1f, %.1f]", 100 * ci.low(), 100 * ci.high());
    }
}
