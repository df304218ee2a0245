package org.veristep.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.veristep.BadInputException;
import org.veristep.TestData;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.StepLabel;

/**
 * ProcessBench, PRMBench, PRM800K and ReasonEval MR-MATH on the real files: byte-identical round
 * trips and index normalisation checked against records read by hand.
 */
class StepLabelFormatsTest {
    private static final StepLabel C = StepLabel.CORRECT;
    private static final StepLabel I = StepLabel.INCORRECT;
    private static final StepLabel N = StepLabel.NEUTRAL;
    private static final StepLabel U = StepLabel.UNKNOWN;

    @TempDir
    Path tmp;

    static Stream<String> processBenchSubsets() {
        return ProcessBenchFormat.SUBSETS.stream();
    }

    @ParameterizedTest
    @MethodSource("processBenchSubsets")
    void processBenchJsonRoundTripsByteForByte(String subset) {
        List<ProcessBenchCase> cases = RoundTrips.assertByteIdentical(
                TestData.file("processbench/" + subset + ".json"),
                ProcessBenchFormat.codec(subset),
                ProcessBenchFormat.FILE_STYLE,
                tmp);
        assertEquals(subset.equals("gsm8k") ? 400 : 1000, cases.size());
        // the same cases as JSONL read back equal
        Path jsonl = tmp.resolve(subset + ".jsonl");
        ProcessBenchFormat.write(jsonl, cases);
        assertEquals(cases, ProcessBenchFormat.readAll(jsonl, subset));
        assertEquals(subset, ProcessBenchFormat.subsetOf(jsonl));
    }

    @Test
    void processBenchLabelStaysZeroBased() {
        // gsm8k.json record 1: "id": "gsm8k-0", "generator": "Qwen2-7B-Instruct", 4 steps,
        // "final_answer_correct": false, "label": 1 -> step 0 correct, step 1 the first error
        ProcessBenchCase c = ProcessBenchFormat.readAll(TestData.file("processbench/gsm8k.json"), "gsm8k")
                .getFirst();
        assertEquals("gsm8k-0", c.id());
        assertEquals(1, c.label());
        assertEquals(List.of(C, I, U, U), c.labeled().labels());
        assertFalse(c.finalAnswerCorrect());
        assertEquals("Qwen2-7B-Instruct", c.labeled().trace().generator());
        // 193 of the 400 gsm8k cases have no error (label -1)
        long none = ProcessBenchFormat.readAll(TestData.file("processbench/gsm8k.json"), "gsm8k").stream()
                .filter(x -> x.label() == -1)
                .count();
        assertEquals(193, none);
    }

    @Test
    void processBenchBadLabelNamesFileLineAndField() throws IOException {
        Path f = tmp.resolve("pb.jsonl");
        Files.writeString(f, """
                {"id": "a", "generator": "g", "problem": "p", "steps": ["s1", "s2"], "final_answer_correct": true, "label": -1}

                {"id": "b", "generator": "g", "problem": "p", "steps": ["s1", "s2"], "final_answer_correct": true, "label": 2}
                {"id": "c", "generator": "g", "problem": "p", "steps": ["s1", 7], "final_answer_correct": true, "label": 0}
                """);
        BadInputException e = assertThrows(BadInputException.class, () -> ProcessBenchFormat.readAll(f, "x"));
        assertEquals(3, e.line());
        assertEquals("label", e.field());
        assertTrue(e.getMessage().contains("-1 or a step index in [0, 2), got 2"), e.getMessage());
        List<BadInputException> bad = new ArrayList<>();
        List<ProcessBenchCase> good = new ArrayList<>();
        ProcessBenchFormat.read(f, "x", OnBadRecord.skip(bad::add), good::add);
        assertEquals(List.of("a"), good.stream().map(ProcessBenchCase::id).toList());
        assertEquals(
                List.of("label", "steps[1]"),
                bad.stream().map(BadInputException::field).toList());
        assertEquals(List.of(3L, 4L), bad.stream().map(BadInputException::line).toList());
    }

    static Stream<Path> prmBenchFiles() throws IOException {
        try (Stream<Path> s = Files.list(TestData.file("prmbench"))) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("prmBenchFiles")
    void prmBenchRoundTripsByteForByte(Path file) {
        List<PrmBenchItem> items =
                RoundTrips.assertByteIdentical(file, PrmBenchFormat.CODEC, PrmBenchFormat.FILE_STYLE, tmp);
        for (PrmBenchItem it : items) {
            LabeledTrace lt = it.labeled();
            long errors = lt.labels().stream().filter(l -> l == I).count();
            assertEquals(it.errorSteps().size() - it.errorStepsOutOfRange().size(), errors, it.id());
        }
    }

    @Test
    void prmBenchErrorStepsAreOneBased() {
        List<PrmBenchItem> circular =
                PrmBenchFormat.readAll(TestData.file("prmbench/prm800k_test_p1_4o_circular.jsonl"));
        // line 1: idx prm_test_p1_0, 7 modified steps, "error_steps": [3, 4, 5]
        PrmBenchItem first = circular.getFirst();
        assertEquals("circular_prm_test_p1_0", first.id());
        assertEquals(List.of(C, C, I, I, I, C, C), first.labeled().labels());
        assertEquals(2, first.labeled().firstError());
        assertEquals(List.of(), first.errorStepsOutOfRange());
        // line 54: idx prm_test_p1_62, 33 modified steps, "error_steps": [16, 34]: step 34 does not exist
        PrmBenchItem p62 = circular.get(53);
        assertEquals("prm_test_p1_62", p62.idx());
        assertEquals(33, p62.modifiedProcess().size());
        assertEquals(15, p62.labeled().firstError());
        assertEquals(List.of(34), p62.errorStepsOutOfRange());
        assertEquals(1, p62.labeled().labels().stream().filter(l -> l == I).count());
        // the original process is the "correct" sample of the reference evaluation
        assertEquals("correct_prm_test_p1_0", first.originalLabeled().trace().id());
        assertEquals(-1, first.originalLabeled().firstError());
        // multi_solutions: line 1 has "error_steps": [] and a ground_truth
        PrmBenchItem multi = PrmBenchFormat.readAll(TestData.file("prmbench/prm_test_p12_multi_solutions.jsonl"))
                .getFirst();
        assertEquals(-1, multi.labeled().firstError());
        assertEquals("multi_solutions", multi.classification());
        assertTrue(multi.groundTruth() != null && multi.originalResponse() != null);
    }

    @Test
    void prm800kRoundTripsAndFollowsTheChosenPath() {
        List<Prm800kLine> lines = RoundTrips.assertByteIdentical(
                TestData.file("prm800k/openr_samples_prm800k.jsonl"),
                Prm800kFormat.CODEC,
                Prm800kFormat.FILE_STYLE,
                tmp);
        assertEquals(6, lines.size());
        // line 1 (finish_reason "solution"): step 1 rated 1 (chosen 0); step 2: five completions rated -1,
        // none chosen, a human completion "We have $3p+e=1.24$ and $5p+e=1.82$."; steps 3-6 chosen, rated 1
        Prm800kLine l1 = lines.getFirst();
        LabeledTrace path = l1.chosenPath("l1");
        assertEquals(List.of(C, C, C, C, C, C), path.labels());
        assertEquals(
                "We have $3p+e=1.24$ and $5p+e=1.82$.",
                path.trace().steps().get(1).text());
        assertEquals("29", l1.groundTruthAnswer());
        // branches: the 5 rejected completions of step 2 and the 4 not chosen at step 6, then the path
        List<LabeledTrace> branches = l1.branches("l1");
        assertEquals(10, branches.size());
        LabeledTrace b = branches.getFirst();
        assertEquals("l1/1.0", b.trace().id());
        assertEquals(List.of(C, I), b.labels());
        assertEquals(1, b.firstError());
        assertEquals(
                "The first equation is 3p + e = 124, and the second equation is 5p + e = 182.",
                b.trace().steps().get(1).text());
        // line 2 (found_error): chosen ratings 1, 0, 1, 1, 1, 1, then a step with no chosen completion
        Prm800kLine l2 = lines.get(1);
        assertEquals("found_error", l2.finishReason());
        assertEquals(List.of(C, N, C, C, C, C), l2.chosenPath("l2").labels());
        assertEquals(-1, l2.chosenPath("l2").firstError());
        LabeledTrace wrongLast = l2.branches("l2").getFirst();
        assertEquals("l2/6.0", wrongLast.trace().id());
        assertEquals(6, wrongLast.firstError());
    }

    @Test
    void prm800kBadRatingIsNamed() throws IOException {
        Path f = tmp.resolve("prm.jsonl");
        Files.writeString(
                f,
                "{\"labeler\": \"x\", \"timestamp\": \"t\", \"generation\": null, \"is_quality_control_question\": false,"
                        + " \"is_initial_screening_question\": false, \"question\": {\"problem\": \"p\"}, \"label\": {\"steps\":"
                        + " [{\"completions\": [{\"text\": \"a\", \"rating\": 2, \"flagged\": false}], \"human_completion\": null,"
                        + " \"chosen_completion\": 0}], \"total_time\": 1, \"finish_reason\": \"solution\"}}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> Prm800kFormat.readAll(f));
        assertEquals("label.steps[0].completions[0].rating", e.field());
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("-1, 0, 1 or null"));
    }

    static Stream<String> reasonEvalFiles() {
        List<String> out = new ArrayList<>();
        for (String set : List.of("mr-math_invalid_errors", "mr-math_redundant_errors")) {
            for (String ev : List.of(
                    "math-shepherd_mistral-7b",
                    "reasoneval_llemma-7b",
                    "reasoneval_mistral-7b",
                    "roscoe-sa",
                    "gpt4",
                    "gpt3_5_turbo")) {
                out.add("reasoneval/eval_results/" + set + "/" + ev + "_eval_results.json");
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("reasonEvalFiles")
    void reasonEvalResultsRoundTripByteForByte(String file) {
        List<ReasonEvalResult> r = RoundTrips.assertByteIdentical(
                TestData.file(file), ReasonEvalFormat.RESULTS, ReasonEvalFormat.FILE_STYLE, tmp);
        assertEquals(file.contains("invalid") ? 159 : 300, r.size());
    }

    @Test
    void mrMathFirstErrorIsOneBasedOverGroups() {
        List<MrMathRecord> invalid = RoundTrips.assertByteIdentical(
                TestData.file("reasoneval/dataset/mr-math_invalid_errors.json"),
                ReasonEvalFormat.DATASET,
                ReasonEvalFormat.FILE_STYLE,
                tmp);
        assertEquals(159, invalid.size());
        // line 4: id 3, "wrong", first_error_step 2, step groups of 1, 1, 1, 1, 6, 1 lines
        MrMathRecord r3 = invalid.get(3);
        assertEquals(3, r3.id());
        assertEquals(2, r3.judgement().firstErrorStep());
        assertEquals(1, r3.labeled().firstError());
        assertEquals(List.of(C, I, U, U, U, U), r3.labeled().labels());
        assertEquals(11, r3.lineToGroup().length);
        assertEquals(4, r3.lineToGroup()[9]);
        assertEquals(5, r3.lineToGroup()[10]);
        // line 1: id 0, "correct", "N/A"
        assertEquals(-1, invalid.getFirst().labeled().firstError());
        assertEquals(
                76, invalid.stream().filter(x -> x.labeled().firstError() == -1).count());

        // Math-Shepherd's scores have one entry per line: 11 for id 3, folded by min into 6 groups
        List<ReasonEvalResult> ms = DatasetFiles.readAll(
                TestData.file(
                        "reasoneval/eval_results/mr-math_invalid_errors/math-shepherd_mistral-7b_eval_results.json"),
                ReasonEvalFormat.RESULTS);
        ReasonEvalResult s3 = ms.get(3);
        assertEquals(3, s3.id());
        assertEquals(ReasonEvalResult.Shape.LINE, s3.shape());
        double[] lines = s3.lineValidity();
        assertEquals(11, lines.length);
        double minOfGroup4 = Math.min(
                Math.min(Math.min(lines[4], lines[5]), Math.min(lines[6], lines[7])), Math.min(lines[8], lines[9]));
        assertEquals(6, r3.groupScores(lines, Math::min).size());
        assertEquals(minOfGroup4, r3.groupScores(lines, Math::min).get(4));
        for (int k = 0; k < invalid.size(); k++) {
            assertEquals(invalid.get(k).lineToGroup().length, ms.get(k).lineValidity().length, "record " + k);
        }
        // ReasonEval 3-class: validity = p_neutral + p_positive; id 0 line 0 is
        // [0.013193745166063309, 0.15401789546012878, 0.8327884674072266]
        ReasonEvalResult re0 = DatasetFiles.readAll(
                        TestData.file(
                                "reasoneval/eval_results/mr-math_invalid_errors/reasoneval_llemma-7b_eval_results.json"),
                        ReasonEvalFormat.RESULTS)
                .getFirst();
        assertEquals(ReasonEvalResult.Shape.LINE_3CLASS, re0.shape());
        assertEquals(0.15401789546012878 + 0.8327884674072266, re0.lineValidity()[0], 1e-15);
    }

    @Test
    void mrMathRedundantRatingsAreNeutral() {
        List<MrMathRecord> red = RoundTrips.assertByteIdentical(
                TestData.file("reasoneval/dataset/mr-math_redundant_errors.json"),
                ReasonEvalFormat.DATASET,
                ReasonEvalFormat.FILE_STYLE,
                tmp);
        assertEquals(300, red.size());
        // PROVENANCE.md: 2,642 ones and 353 zeros over all ratings
        long neutral = red.stream()
                .flatMap(r -> r.labeled().labels().stream())
                .filter(l -> l == N)
                .count();
        long correct = red.stream()
                .flatMap(r -> r.labeled().labels().stream())
                .filter(l -> l == C)
                .count();
        assertEquals(353, neutral);
        assertEquals(2642, correct);
        assertTrue(red.stream().allMatch(r -> r.labeled().firstError() == -1));
    }

    @Test
    void mrMathInconsistentFirstErrorIsRejected() throws IOException {
        Path f = tmp.resolve("mr.json");
        Files.writeString(
                f,
                "{\"id\": 0, \"question\": \"q\", \"ground_truth_answer\": \"1\", \"generator\": \"g\", \"model_output\": \"o\","
                        + " \"model_output_step_format\": [[\"a\"], [\"b\"]], \"model_output_answer_correctness\": \"correct\","
                        + " \"model_output_solution_correctness\": \"wrong\", \"model_output_solution_first_error_step\": 3}\n");
        BadInputException e =
                assertThrows(BadInputException.class, () -> DatasetFiles.readAll(f, ReasonEvalFormat.DATASET));
        assertEquals("model_output_solution_first_error_step", e.field());
        assertTrue(e.getMessage().contains("1-based step-group number in 1..2"), e.getMessage());
    }
}
