package org.veristep.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veristep.BadInputException;
import org.veristep.TestData;
import org.veristep.json.Json;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Problem;
import org.veristep.trace.Provenance;
import org.veristep.trace.StepLabel;
import org.veristep.trace.StepScores;
import org.veristep.trace.Trace;

/** Math-Shepherd, OmegaPRM MATH-APS, TRL stepwise, Step-DPO and Veristep's own JSONL. */
class TrainingFormatsTest {
    private static final StepLabel C = StepLabel.CORRECT;
    private static final StepLabel I = StepLabel.INCORRECT;

    @TempDir
    Path tmp;

    @Test
    void mathShepherdRowsRoundTripAndRebuildFromTheirTraces() {
        List<MathShepherdRow> rows = RoundTrips.assertByteIdentical(
                TestData.file("math_shepherd/openr_samples_math-shepherd.jsonl"),
                MathShepherdFormat.CODEC,
                MathShepherdFormat.FILE_STYLE,
                tmp);
        assertEquals(7, rows.size());
        // line 1: 5 steps, label tags "+ + + + -" ("... The answer is: 13520 -")
        LabeledTrace t = rows.getFirst().labeled("ms:1");
        assertEquals(List.of(C, C, C, C, I), t.labels());
        assertEquals(4, t.firstError());
        assertTrue(t.trace().problem().text().startsWith("Janet pays $40/hour"));
        assertTrue(t.trace().problem().text().endsWith("in a year?"));
        assertEquals(
                "Step 1: Janet spends 3 hours + 5 hours = <<3+5=8>>8 hours per week on music lessons.",
                t.trace().steps().getFirst().text());
        // writing a row back from its normalised trace gives the published input and label exactly
        for (int i = 0; i < rows.size(); i++) {
            MathShepherdRow r = rows.get(i);
            MathShepherdRow again = MathShepherdRow.of(r.labeled("x"), r.task(), true);
            assertEquals(r, again, "line " + (i + 1));
        }
    }

    @Test
    void mathShepherdLabelMismatchIsNamed() throws IOException {
        Path f = tmp.resolve("ms.jsonl");
        Files.writeString(
                f,
                "{\"input\": \"Q? Step 1: a \\u043a\\u0438\\nStep 2: b \\u043a\\u0438\", \"label\": \"Q? Step 1: a +\\nStep 2: b ?\", \"task\": \"GSM8K\"}\n"
                        + "{\"input\": \"Q? Step 1: a \\u043a\\u0438\", \"label\": \"Q? Step 1: a -\", \"task\": \"GSM8K\"}\n");
        List<BadInputException> bad = new ArrayList<>();
        List<MathShepherdRow> good = new ArrayList<>();
        MathShepherdFormat.read(f, OnBadRecord.skip(bad::add), good::add);
        assertEquals(1, good.size());
        assertEquals(0, good.getFirst().labeled("x").firstError());
        assertEquals(1, bad.size());
        assertEquals("label", bad.getFirst().field());
        assertEquals(1, bad.getFirst().line());
        assertTrue(
                bad.getFirst().getMessage().contains("+ or - at the position of tag 2"),
                bad.getFirst().getMessage());
    }

    @Test
    void kiTaggedProcessLabelsAreOnePerTag() {
        // openr_prm_test_ki_tagged.json record 1: 4 steps, "labels": [1,1,1,0] (the $17 step is wrong).
        // The file is hand-formatted (labels inline), so only values round-trip, not bytes.
        List<TaggedProcess> rows = DatasetFiles.readAll(
                TestData.file("math_shepherd/openr_prm_test_ki_tagged.json"), MathShepherdFormat.TAGGED_CODEC);
        assertEquals(3, rows.size());
        RoundTrips.assertValueRoundTrip(rows, MathShepherdFormat.TAGGED_CODEC);
        LabeledTrace t = rows.getFirst().labeled("ki:1");
        assertEquals(List.of(C, C, C, I), t.labels());
        assertEquals(3, t.firstError());
        assertEquals(
                "Step 1: Janet's ducks lay 16 eggs per day.",
                t.trace().steps().getFirst().text());
    }

    @Test
    void mathApsFlatAndTreeRoundTrip() {
        List<MathApsItem> flat = RoundTrips.assertByteIdentical(
                TestData.file("math_shepherd/openr_samples_math-aps.jsonl"),
                OmegaPrmFormat.FLAT,
                OmegaPrmFormat.FILE_STYLE,
                tmp);
        // line 1: question_id 2, final_answer "64", 90 prefixes of which 86 have mc_value > 0.5;
        // the first prefix is the question alone with mc_value 0.75
        MathApsItem q2 = flat.getFirst();
        assertEquals(2, q2.questionId());
        assertEquals("64", q2.finalAnswer());
        List<TraceRecord> ex = q2.examples("aps-2");
        assertEquals(90, ex.size());
        assertEquals(86, ex.stream().filter(r -> r.labeled().firstError() == -1).count());
        assertEquals("", ex.getFirst().trace().steps().getFirst().text());
        assertEquals(0.75, ex.getFirst().scores().get(0));

        List<MathApsTree> trees = RoundTrips.assertByteIdentical(
                TestData.file("math_shepherd/openr_samples_math-aps-tree.jsonl"),
                OmegaPrmFormat.TREE,
                OmegaPrmFormat.FILE_STYLE,
                tmp);
        // line 1: question_id 0, root mc_value 0.9375, 16 children (15 leaves with mc 1.0, the 16th
        // with mc 0.96875 and 33 children), 143 nodes, 137 leaves
        MathApsTree t0 = trees.getFirst();
        assertEquals(0, t0.questionId());
        assertEquals(143, t0.root().size());
        List<TraceRecord> rollouts = t0.rollouts("tree-0");
        assertEquals(137, rollouts.size());
        TraceRecord r0 = rollouts.getFirst();
        assertEquals("tree-0/0", r0.trace().id());
        assertEquals(1, r0.trace().size());
        assertEquals(1.0, r0.scores().get(0));
        assertTrue(rollouts.stream().anyMatch(r -> r.trace().id().startsWith("tree-0/15.")));
        TraceRecord deep = rollouts.stream()
                .filter(r -> r.trace().id().startsWith("tree-0/15."))
                .findFirst()
                .orElseThrow();
        assertEquals(0.96875, deep.scores().get(0));
    }

    @Test
    void trlRowsFromMathShepherdRoundTrip() {
        List<MathShepherdRow> rows =
                MathShepherdFormat.readAll(TestData.file("math_shepherd/openr_samples_math-shepherd.jsonl"));
        List<TrlStepwiseRow> trl = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++)
            trl.add(TrlStepwiseRow.of(rows.get(i).labeled("ms:" + (i + 1)), true));
        // line 1 -> labels [true, true, true, true, false], as TRL's math_shepherd.py gives
        assertEquals(List.of(true, true, true, true, false), trl.getFirst().labels());
        Path f = tmp.resolve("trl.jsonl");
        try (DatasetFiles.RecordWriter<TrlStepwiseRow> w = TrainingFormats.trlWriter(f)) {
            trl.forEach(w::write);
        }
        List<TrlStepwiseRow> back = new ArrayList<>();
        TrainingFormats.readTrl(f, OnBadRecord.fail(), back::add);
        assertEquals(trl, back);
        assertEquals(rows.getFirst().labeled("ms:1"), back.getFirst().labeled("ms:1"));
    }

    @Test
    void trlWriterCutsUnjudgedStepsAfterTheFirstError() {
        Trace t = Trace.of("pb", new Problem("pb", "2+2?", "4"), List.of("a", "b", "c", "d"));
        TrlStepwiseRow row = TrlStepwiseRow.of(LabeledTrace.fromFirstError(t, 1), true);
        assertEquals(List.of("a", "b"), row.completions());
        assertEquals(List.of(true, false), row.labels());
        LabeledTrace unknownFirst = new LabeledTrace(t, List.of(StepLabel.UNKNOWN, C, C, C), -1);
        assertThrows(IllegalArgumentException.class, () -> TrlStepwiseRow.of(unknownFirst, true));
        LabeledTrace neutral = new LabeledTrace(t, List.of(C, StepLabel.NEUTRAL, C, C), -1);
        assertEquals(
                List.of(true, false, true, true),
                TrlStepwiseRow.of(neutral, false).labels());
    }

    @Test
    void trlBadLabelIsNamed() throws IOException {
        Path f = tmp.resolve("bad.jsonl");
        Files.writeString(f, "{\"prompt\": \"p\", \"completions\": [\"a\", \"b\"], \"labels\": [true, 1]}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> DatasetFiles.readAll(f, TrainingFormats.TRL));
        assertEquals(f + ":1: field 'labels[1]': record 1: expected true or false", e.getMessage());
    }

    @Test
    void stepDpoPairsRoundTripAndNormalise() {
        StepDpoPair p = StepDpoPair.of(
                "What is 2+3*4?", List.of("Step 1: 3*4 = 12."), "Step 2: 2+12 = 14.", "Step 2: 2+12 = 15.", "\n");
        assertEquals("Step 1: 3*4 = 12.\n", p.initialReasonSteps());
        LabeledTrace rejected = p.rejectedTrace("dpo-0", "\n");
        assertEquals(1, rejected.firstError());
        assertEquals(List.of(C, I), rejected.labels());
        assertEquals(-1, p.chosenTrace("dpo-0", "\n").firstError());
        ObjectNode extra =
                Json.mapper().createObjectNode().put("dataset", "MATH").put("answer", "14");
        StepDpoPair withExtras = new StepDpoPair("q", "", "c", "r", extra);
        assertEquals(List.of(), withExtras.prefixSteps("\n"));
        Path f = tmp.resolve("dpo.jsonl");
        DatasetFiles.write(f, TrainingFormats.STEP_DPO, TrainingFormats.STYLE, List.of(p, withExtras));
        List<StepDpoPair> back = new ArrayList<>();
        TrainingFormats.readStepDpo(f, OnBadRecord.fail(), back::add);
        assertEquals(List.of(p, withExtras), back);
        // the dataset's field order: dataset before prompt, answer last
        assertEquals(
                "{\"dataset\": \"MATH\", \"prompt\": \"q\", \"initial_reason_steps\": \"\", \"chosen\": \"c\", \"rejected\": \"r\", \"answer\": \"14\"}",
                DatasetFiles.toText(TrainingFormats.STEP_DPO, TrainingFormats.STYLE, withExtras));
    }

    @Test
    void veristepJsonlRoundTripsWithScoresLabelsAndProvenance() throws IOException {
        Trace t = new Trace(
                "t1",
                new Problem("p1", "1+1?", "2"),
                List.of(new org.veristep.trace.Step("1+1 = 3"), new org.veristep.trace.Step("so 3")),
                "3",
                "gen");
        ObjectNode detail = Json.mapper().createObjectNode().put("why", "1+1 is 2");
        Provenance prov = new Provenance(
                "0.1.0", "file", null, null, Map.of("threshold", "0.5"), 7L, Instant.parse("2026-11-29T16:00:00Z"));
        TraceRecord full = new TraceRecord(
                t,
                LabeledTrace.fromFirstError(t, 0),
                new StepScores("t1", new double[] {0.25, 1e-05}),
                List.of(detail, detail),
                prov);
        TraceRecord bare = TraceRecord.of(t);
        Path f = tmp.resolve("v.jsonl");
        VeristepJsonl.write(f, List.of(full, bare));
        List<TraceRecord> back = new ArrayList<>();
        VeristepJsonl.read(f, back::add);
        assertEquals(List.of(full, bare), back);
        assertTrue(Files.readString(f).contains("\"step_scores\": [0.25, 1e-05]"));
        Files.writeString(f, Files.readString(f) + "{\"id\": \"x\"}\n");
        List<BadInputException> bad = new ArrayList<>();
        assertEquals(2, VeristepJsonl.read(f, OnBadRecord.skip(bad::add), r -> {}));
        assertEquals(1, bad.size());
        assertEquals(3, bad.getFirst().line());
        assertEquals("problem", bad.getFirst().field());
    }
}
