package org.veristep.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.veristep.BadInputException;
import org.veristep.TestData;

/** RewardMATH, RewardBench and Qwen RM@8 readers on the real files of ../shared/data. */
class BonFormatsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Math_Shepherd_reward.json",
                "Easy_to_hard_reward.json",
                "ReasonEval_7B_reward.json",
                "ReasonEval_34B_reward.json",
                "ArmoRM_reward.json",
                "skywork_llama3_reward.json"
            })
    void rewardMathFilesRoundTripByteForByte(String name) {
        List<RewardMathProblem> all = RoundTrips.assertByteIdentical(
                TestData.file("rewardmath/RewardMATH/" + name),
                RewardMathFormat.CODEC,
                RewardMathFormat.FILE_STYLE,
                tmp);
        assertEquals(483, all.size());
        assertTrue(all.stream().allMatch(p -> p.candidateCount() == 10));
        assertTrue(all.stream().allMatch(p -> p.solutionReference().get(0).equals("human_to_GPT-4")));
    }

    @Test
    void rewardMathGoldenValues() {
        // Math_Shepherd_reward.json, record 1: "$441+2(21)(19)+361=x$. Solve for $x$."; score[0] is
        // [0.5538036823272705, 0.5126745104789734, 0.5003342628479004, 0.5644342303276062,
        //  0.5409210324287415, 0.6442806124687195, 0.26695704460144043]
        List<RewardMathProblem> ms =
                RewardMathFormat.readAll(TestData.file("rewardmath/RewardMATH/Math_Shepherd_reward.json"));
        RewardMathProblem p = ms.getFirst();
        assertEquals("$441+2(21)(19)+361=x$. Solve for $x$.", p.problem());
        assertTrue(p.stepwise());
        assertArrayEquals(
                new double[] {
                    0.5538036823272705,
                    0.5126745104789734,
                    0.5003342628479004,
                    0.5644342303276062,
                    0.5409210324287415,
                    0.6442806124687195,
                    0.26695704460144043
                },
                p.candidateScores(0));
        assertEquals("peiyi9979/mistral-7b-sft", p.solutionReference().get(9));
        // record 483, candidate 9: 7 steps, last score 0.0957908108830452
        double[] last = ms.getLast().candidateScores(9);
        assertEquals(7, last.length);
        assertEquals(0.0957908108830452, last[6]);
        // skywork_llama3_reward.json, record 2: score [-12.0, -15.4375, -4.28125, -18.625, ...]
        List<RewardMathProblem> sky =
                RewardMathFormat.readAll(TestData.file("rewardmath/RewardMATH/skywork_llama3_reward.json"));
        assertFalse(sky.get(1).stepwise());
        assertArrayEquals(new double[] {-12.0}, sky.get(1).candidateScores(0));
        assertArrayEquals(new double[] {2.21875}, sky.get(1).candidateScores(8));
        assertEquals("Math_Shepherd", RewardMathFormat.modelName(Path.of("x/Math_Shepherd_reward.json")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "rewardbench_Math_Shepherd.json",
                "rewardbench_Easy_to_hard.json",
                "rewardbench_ReasonEval_7B.json",
                "rewardbench_ReasonEval_34B.json"
            })
    void rewardBenchFilesRoundTripByteForByte(String name) {
        List<RewardBenchSolution> all = RoundTrips.assertByteIdentical(
                TestData.file("rewardmath/RewardBench/" + name),
                RewardBenchFormat.CODEC,
                RewardBenchFormat.FILE_STYLE,
                tmp);
        assertEquals(894, all.size());
        assertEquals(447, RewardBenchFormat.pairs(all).size());
    }

    @Test
    void rewardBenchGoldenValues() {
        List<RewardBenchSolution> ms =
                RewardBenchFormat.readAll(TestData.file("rewardmath/RewardBench/rewardbench_Math_Shepherd.json"));
        // record 1: problem_id 0, chosen, 2 steps, output.step_scores [0.6451495885848999, 0.2109081745147705]
        RewardBenchSolution s = ms.getFirst();
        assertTrue(s.chosen());
        assertEquals(0, s.problemId());
        assertEquals(1, s.level());
        assertEquals("Algebra", s.subject());
        assertEquals("rewardbench-0-chosen", s.trace().id());
        assertEquals(2, s.trace().size());
        assertArrayEquals(
                new double[] {0.6451495885848999, 0.2109081745147705},
                s.scores().toArray());
        assertFalse(ms.get(1).chosen());
        assertEquals(8, ms.get(1).steps().size());
        // Easy_to_hard record 401: problem_id 200, chosen, 2 steps but 3 step scores
        // [0.9207897186279297, 0.3812195360660553, 0.42823341488838196]: kept, flagged, not scorable
        RewardBenchSolution odd = RewardBenchFormat.readAll(
                        TestData.file("rewardmath/RewardBench/rewardbench_Easy_to_hard.json"))
                .get(400);
        assertEquals(200, odd.problemId());
        assertFalse(odd.aligned());
        assertEquals(3, odd.stepScores().size());
        assertThrows(IllegalStateException.class, odd::scores);
    }

    @Test
    void qwenRmFileRoundTripsLineForLine() {
        List<QwenRmProblem> all = RoundTrips.assertByteIdentical(
                TestData.file("bon/qwen25math_rm_maj_example/math_cot_100.jsonl"),
                QwenRmFormat.CODEC,
                QwenRmFormat.FILE_STYLE,
                tmp);
        assertEquals(100, all.size());
        // PROVENANCE.md: pass@8 = 96/100 (some sample marked correct)
        assertEquals(
                96,
                all.stream()
                        .filter(p -> p.candidates().stream().anyMatch(QwenRmProblem.Candidate::correct))
                        .count());
    }

    @Test
    void qwenRmGoldenValues() {
        // line 4: idx 3, gt "4:30p..", pred 8 × "4:30", score 8 × false,
        // pred_score [[0.62109375], [1.4921875], [1.4609375], ...]
        QwenRmProblem p;
        try (Stream<QwenRmProblem> s = QwenRmFormat.stream(
                TestData.file("bon/qwen25math_rm_maj_example/math_cot_100.jsonl"), OnBadRecord.fail())) {
            p = s.skip(3).findFirst().orElseThrow();
        }
        assertEquals(3, p.idx());
        assertEquals("4:30p..", p.gt());
        assertEquals(8, p.candidates().size());
        assertTrue(p.candidates().stream().allMatch(c -> c.pred().equals("4:30") && !c.correct()));
        assertEquals(0.62109375, p.candidates().get(0).rmScore());
        assertEquals(1.4921875, p.candidates().get(1).rmScore());
        assertEquals("qwen-rm-3-1", p.trace(1).id());
        assertEquals("4:30", p.trace(1).finalAnswer());
        assertTrue(p.extras().has("gt_cot")
                && p.extras().has("history")
                && !p.extras().has("pred"));
    }

    @Test
    void badRecordsNameFileRecordAndField() throws IOException {
        Path f = tmp.resolve("bad_reward.json");
        Files.writeString(f, """
                [
                  {"problem": "p", "solution_reference": ["a", "b"], "score": [[0.5], [0.2, 0.1]]},
                  {"problem": "q", "solution_reference": ["a", "b"], "score": [[0.5], 0.3]},
                  {"problem": "r", "solution_reference": ["a", "b"], "score": [[0.5]]}
                ]""");
        BadInputException e = assertThrows(BadInputException.class, () -> RewardMathFormat.readAll(f));
        assertEquals(f.toString(), e.source());
        assertEquals(3, e.line());
        assertEquals("score[1]", e.field());
        assertTrue(e.getMessage().contains("record 2"), e.getMessage());
        assertTrue(e.getMessage().contains("a list of step scores"), e.getMessage());

        List<BadInputException> reported = new ArrayList<>();
        List<RewardMathProblem> good = new ArrayList<>();
        RewardMathFormat.read(f, OnBadRecord.skip(reported::add), good::add);
        assertEquals(1, good.size());
        assertEquals(
                List.of("score[1]", "score"),
                reported.stream().map(BadInputException::field).toList());
        assertEquals(
                List.of(3L, 4L), reported.stream().map(BadInputException::line).toList());

        Path q = tmp.resolve("bad.jsonl");
        Files.writeString(q, """
                {"idx": 0, "question": "q", "gt": "1", "level": "Level 1", "pred": ["1"], "score": [true], "response": ["r"], "pred_score": [[1.0]]}
                {"idx": 1, "question": "q", "gt": "1", "level": "Level 1", "pred": ["1"], "score": ["yes"], "response": ["r"], "pred_score": [[1.0]]}
                not json
                """);
        reported.clear();
        List<QwenRmProblem> ok = new ArrayList<>();
        QwenRmFormat.read(q, OnBadRecord.skip(reported::add), ok::add);
        assertEquals(1, ok.size());
        assertEquals(2, reported.size());
        assertEquals("score[0]", reported.get(0).field());
        assertEquals(2, reported.get(0).line());
        assertTrue(reported.get(0).getMessage().contains("true or false"));
        assertEquals(3, reported.get(1).line());
        BadInputException first = assertThrows(BadInputException.class, () -> QwenRmFormat.readAll(q));
        assertEquals(q + ":2: field 'score[0]': record 2: expected true or false", first.getMessage());
    }
}
