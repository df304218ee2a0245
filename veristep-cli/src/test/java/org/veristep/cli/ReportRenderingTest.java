package org.veristep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a real report in headless Chromium (Debian's {@code chromium}) and checks that the
 * screenshot shows the charts: bars and lines are drawn in the report palette's colours, so each
 * colour must cover a visible area of the picture.
 */
class ReportRenderingTest {
    @TempDir
    Path tmp;

    static Path chromium() {
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            if (Files.isExecutable(Path.of(p))) return Path.of(p);
        }
        return null;
    }

    @Test
    void reportShowsItsChartsInChromium() throws Exception {
        Path browser = chromium();
        assumeTrue(
                browser != null, "headless Chromium is not installed (apt-get install chromium); .ci/run installs it");

        // Scores that make error_acc, correct_acc and F1 all non-zero, so every bar colour appears.
        Path input = tmp.resolve("toy.jsonl");
        Path scores = tmp.resolve("scores.jsonl");
        StringBuilder in = new StringBuilder(), sc = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            int label = i % 3 == 0 ? -1 : i % 4;
            in.append(
                    "{\"id\":\"r-%d\",\"generator\":\"g\",\"problem\":\"p\",\"steps\":[\"a\",\"b\",\"c\",\"d\"],\"final_answer_correct\":%s,\"label\":%d}\n"
                            .formatted(i, label == -1, label));
            double low = i % 5 == 0 ? 0.9 : 0.2;
            int wrongAt = label == -1 ? (i % 2 == 0 ? 3 : -1) : label;
            StringBuilder s = new StringBuilder();
            for (int j = 0; j < 4; j++) s.append(j == 0 ? "" : ",").append(j == wrongAt ? low : 0.95);
            sc.append("{\"id\":\"r-%d\",\"step_scores\":[%s]}\n".formatted(i, s));
        }
        Files.writeString(input, in);
        Files.writeString(scores, sc);
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of(
                "eval",
                "processbench",
                "--scorer",
                "file",
                "--scores",
                scores.toString(),
                "--input",
                input.toString(),
                "--output",
                out.toString(),
                "--quiet");
        assertEquals(0, run.exitCode(), run.err());

        Path png = tmp.resolve("shot.png");
        Process p = new ProcessBuilder(
                        browser.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--hide-scrollbars",
                        "--user-data-dir=" + tmp.resolve("profile"),
                        "--window-size=1200,2600",
                        "--screenshot=" + png,
                        out.resolve("report.html").toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("chromium.log").toFile())
                .start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish within 90 s");
        assertTrue(Files.size(png) > 10_000, "no screenshot: " + Files.readString(tmp.resolve("chromium.log")));

        BufferedImage image = ImageIO.read(png.toFile());
        // Palette of report/Charts: blue (error_acc), orange (correct_acc), green (F1), red (omnimath / missed).
        assertTrue(pixelsNear(image, 0x1f77b4) > 2000, "blue bars/lines not visible");
        assertTrue(pixelsNear(image, 0xff7f0e) > 2000, "orange bars/lines not visible");
        assertTrue(pixelsNear(image, 0x2ca02c) > 2000, "green bars/lines not visible");
    }

    /** {@return how many pixels are within a small distance of {@code rgb}} */
    static int pixelsNear(BufferedImage image, int rgb) {
        int r0 = rgb >> 16 & 0xff, g0 = rgb >> 8 & 0xff, b0 = rgb & 0xff, n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int c = image.getRGB(x, y);
                int dr = (c >> 16 & 0xff) - r0, dg = (c >> 8 & 0xff) - g0, db = (c & 0xff) - b0;
                if (dr * dr + dg * dg + db * db < 600) n++;
            }
        }
        return n;
    }

    @Test
    void reportIsSelfContained() throws IOException {
        Path out = tmp.resolve("ac");
        CliRun run = CliRun.of(
                "eval",
                "processbench",
                "--scorer",
                "all-correct",
                "--data-dir",
                CliRun.dataDir().toString(),
                "--subsets",
                "gsm8k",
                "--output",
                out.toString(),
                "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg"));
        assertTrue(!html.contains("<script"), "no script");
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "no external resource");
    }
}
