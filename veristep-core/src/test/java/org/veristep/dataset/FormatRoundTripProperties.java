package org.veristep.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.veristep.trace.LabeledTrace;
import org.veristep.trace.Problem;
import org.veristep.trace.Step;
import org.veristep.trace.Trace;

/** parse(write(x)) == x through real files, for arbitrary text (any Unicode, control characters). */
class FormatRoundTripProperties {
    @Provide
    Arbitrary<List<ProcessBenchCase>> caseLists() {
        return cases().list().ofMaxSize(5);
    }

    Arbitrary<ProcessBenchCase> cases() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<List<String>> steps = text.list().ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(
                        text, text, steps, Arbitraries.integers().between(-1, 5), Arbitraries.of(true, false))
                .as((id, problem, st, label, fac) -> {
                    int fe = Math.min(label, st.size() - 1);
                    Trace t = new Trace(
                            id,
                            new Problem(id, problem, null),
                            st.stream().map(Step::new).toList(),
                            null,
                            "gen");
                    return new ProcessBenchCase("x", LabeledTrace.fromFirstError(t, fe), fac);
                });
    }

    @Property(tries = 200)
    void processBenchRoundTripsAsJsonAndJsonl(@ForAll("caseLists") List<ProcessBenchCase> cases) throws IOException {
        for (String ext : List.of(".json", ".jsonl")) {
            Path f = Files.createTempFile("pb", ext);
            try {
                ProcessBenchFormat.write(f, cases);
                assertEquals(cases, ProcessBenchFormat.readAll(f, "x"));
            } finally {
                Files.delete(f);
            }
        }
    }

    @Property(tries = 200)
    void trlRowsRoundTrip(
            @ForAll @Size(max = 30) String prompt,
            @ForAll @Size(max = 6) List<@Size(max = 30) String> completions,
            @ForAll long seed)
            throws IOException {
        List<Boolean> labels = new ArrayList<>();
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < completions.size(); i++) labels.add(r.nextBoolean());
        TrlStepwiseRow row = new TrlStepwiseRow(prompt, completions, labels, null);
        Path f = Files.createTempFile("trl", ".jsonl");
        try {
            DatasetFiles.write(f, TrainingFormats.TRL, TrainingFormats.STYLE, List.of(row, row));
            assertEquals(List.of(row, row), DatasetFiles.readAll(f, TrainingFormats.TRL));
        } finally {
            Files.delete(f);
        }
    }
}
