package org.veristep.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.veristep.eval.ProcessBenchEvaluation;

/** The HTML report of {@code veristep eval processbench}. */
public final class ProcessBenchReport {
    /** Positions 0..MAX_POSITION-1 get their own row/column; later ones share the last. */
    static final int MAX_POSITION = 12;

    private final ProcessBenchEvaluation.Result result;
    private final ObjectNode metrics;

    /**
     * @param result the evaluation
     * @param metrics the metrics.json object (its provenance is shown)
     */
    public ProcessBenchReport(ProcessBenchEvaluation.Result result, ObjectNode metrics) {
        this.result = result;
        this.metrics = metrics;
    }

    /** {@return the report} */
    public HtmlReport build() {
        var prov = metrics.path("provenance");
        HtmlReport r = new HtmlReport("ProcessBench: " + prov.path("scorer").asText("?"));
        r.paragraph(String.format(
                Locale.ROOT,
                "Threshold %.4f (%s). A case's prediction is the first step scoring below the threshold, or -1."
                        + " error_acc: exact-match accuracy on cases with an error; correct_acc: on cases without;"
                        + " F1: their harmonic mean. Headline: unweighted mean of the subset F1s. Intervals: seeded"
                        + " percentile bootstrap, 95%%, %d resamples.",
                result.threshold(),
                result.policy().describe(),
                result.meanF1Ci().resamples()));

        List<List<String>> rows = new ArrayList<>();
        for (ProcessBenchEvaluation.SubsetResult s : result.subsets()) {
            var m = s.metrics();
            rows.add(List.of(
                    s.subset(),
                    Integer.toString(m.errorCases() + m.correctCases()),
                    pct(m.errorAcc()) + ci(s.errorAccCi()),
                    pct(m.correctAcc()) + ci(s.correctAccCi()),
                    pct(m.f1()) + ci(s.f1Ci())));
        }
        rows.add(List.of("mean F1", "", "", "", pct(result.meanF1()) + ci(result.meanF1Ci())));
        r.heading("Results (×100)").table(List.of("subset", "cases", "error_acc", "correct_acc", "F1"), rows);

        Map<String, Map<String, Double>> bars = new LinkedHashMap<>();
        for (String series : List.of("error_acc", "correct_acc", "F1")) bars.put(series, new LinkedHashMap<>());
        for (ProcessBenchEvaluation.SubsetResult s : result.subsets()) {
            bars.get("error_acc").put(s.subset(), 100 * zero(s.metrics().errorAcc()));
            bars.get("correct_acc").put(s.subset(), 100 * zero(s.metrics().correctAcc()));
            bars.get("F1").put(s.subset(), 100 * s.metrics().f1());
        }
        r.heading("Charts");
        r.chart(Charts.bars("F1 per subset", "%", bars, 100), "error_acc, correct_acc and F1 of each subset.");

        Map<String, List<double[]>> curve = new LinkedHashMap<>();
        for (ProcessBenchEvaluation.SubsetResult s : result.subsets()) curve.put(s.subset(), new ArrayList<>());
        curve.put("mean", new ArrayList<>());
        for (ProcessBenchEvaluation.CurvePoint p : result.curve()) {
            p.f1BySubset().forEach((k, v) -> curve.get(k).add(new double[] {p.threshold(), 100 * v}));
            curve.get("mean").add(new double[] {p.threshold(), 100 * p.meanF1()});
        }
        r.chart(
                Charts.lines("F1 against threshold", "threshold", "F1 (%)", curve, result.threshold(), false, 100),
                "F1 of each subset and their mean as the threshold moves; the vertical line is the threshold used.");

        Map<String, Map<String, Double>> kinds = new LinkedHashMap<>();
        for (String k : List.of("exact", "too early", "too late", "missed", "false alarm"))
            kinds.put(k, new LinkedHashMap<>());
        for (ProcessBenchEvaluation.SubsetResult s : result.subsets()) {
            int exact = 0, early = 0, late = 0, missed = 0, falseAlarm = 0, n = 0;
            for (ProcessBenchEvaluation.Prediction p : result.predictions()) {
                if (!p.subset().equals(s.subset())) continue;
                n++;
                if (p.label() == p.prediction()) exact++;
                else if (p.label() == -1) falseAlarm++;
                else if (p.prediction() == -1) missed++;
                else if (p.prediction() < p.label()) early++;
                else late++;
            }
            kinds.get("exact").put(s.subset(), 100.0 * exact / n);
            kinds.get("too early").put(s.subset(), 100.0 * early / n);
            kinds.get("too late").put(s.subset(), 100.0 * late / n);
            kinds.get("missed").put(s.subset(), 100.0 * missed / n);
            kinds.get("false alarm").put(s.subset(), 100.0 * falseAlarm / n);
        }
        r.chart(
                Charts.bars("Predicted vs true first error", "% of cases", kinds, 100),
                "exact: prediction = label; too early / too late: an error predicted before / after the true first error;"
                        + " missed: an erroneous case predicted -1; false alarm: a correct case predicted erroneous.");

        r.heading("Predicted vs true first-error position (all subsets)");
        List<String> labels = new ArrayList<>();
        labels.add("none");
        for (int i = 0; i < MAX_POSITION - 1; i++) labels.add(Integer.toString(i));
        labels.add((MAX_POSITION - 1) + "+");
        int[][] counts = new int[labels.size()][labels.size()];
        for (ProcessBenchEvaluation.Prediction p : result.predictions()) {
            counts[bin(p.label())][bin(p.prediction())]++;
        }
        r.heatmap(
                "Rows: true first-error step (0-based; none = no error). Columns: predicted. The diagonal is exact.",
                "true",
                "predicted",
                labels,
                labels,
                counts);
        r.provenance(prov);
        return r;
    }

    private static int bin(int position) {
        return position < 0 ? 0 : 1 + Math.min(position, MAX_POSITION - 1);
    }

    private static double zero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", 100 * v);
    }

    private static String ci(org.veristep.eval.Bootstrap.Interval ci) {
        return ci == null ? "" : String.format(Locale.ROOT, " [%.1f, %.1f]", 100 * ci.low(), 100 * ci.high());
    }
}
