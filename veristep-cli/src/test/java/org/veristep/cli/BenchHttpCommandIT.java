package org.veristep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code veristep bench http} runs and prints one line per client and concurrency (figures are not asserted). */
class BenchHttpCommandIT {
    @Test
    void printsAFigureLinePerSetting() {
        CliRun run = CliRun.of("bench", "http", "--requests", "200", "--concurrency", "1,4");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines =
                run.out().lines().filter(l -> l.contains(" req/s, p50 ")).toList();
        assertEquals(4, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("OpenAiClient.pooling     concurrency   1:"), lines.get(0));
        assertTrue(lines.get(3).startsWith("qwen-prm score(1 trace)  concurrency   4:"), lines.get(3));
        assertEquals(2, CliRun.of("bench", "http", "--concurrency", "0").exitCode());
    }
}
