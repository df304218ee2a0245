package org.veristep.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.veristep.score.ScoringJob;

/**
 * A {@link ScoringJob.Listener} that draws a progress bar on the command's stderr: done/total
 * (counting traces resumed from an earlier run), rate, ETA, and the scorer's retries and failures.
 * Closed by its creator, which ends the bar's line.
 */
final class ProgressDisplay implements ScoringJob.Listener, AutoCloseable {
    private final PrintWriter err;
    private final String task;
    private ProgressBar bar;

    ProgressDisplay(PrintWriter err, String task) {
        this.err = err;
        this.task = task;
    }

    @Override
    public void progress(ScoringJob.Progress p) {
        if (bar == null) {
            // Built at the first report, so that traces resumed from an earlier run do not count in the rate.
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(p.total())
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .showSpeed()
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .startsFrom(p.resumed(), Duration.ZERO)
                    .setConsumer(new WriterConsumer(err))
                    .build();
        }
        bar.stepTo(p.done());
        bar.setExtraMessage(String.format(
                Locale.ROOT,
                " | resumed %d, failed %d, requests %d, retries %d, tokens %s in / %s out",
                p.resumed(),
                p.failed(),
                p.requests().requests(),
                p.requests().retries(),
                human(p.requests().promptTokens()),
                human(p.requests().completionTokens())));
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }

    /** Writes the bar to a PrintWriter, redrawing the line with a carriage return. */
    private static final class WriterConsumer implements ProgressBarConsumer {
        private final PrintWriter err;

        WriterConsumer(PrintWriter err) {
            this.err = err;
        }

        @Override
        public int getMaxRenderedLength() {
            return 160;
        }

        @Override
        public void accept(String rendered) {
            err.print('\r');
            err.print(rendered);
            err.flush();
        }

        @Override
        public void close() {
            err.println();
            err.flush();
        }
    }

    /** {@return a count as 950, 12.3k, 4.56M} */
    static String human(long n) {
        if (n < 1000) return Long.toString(n);
        if (n < 1_000_000) return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        return String.format(Locale.ROOT, "%.2fM", n / 1e6);
    }

    /** {@return a duration as h:mm:ss} */
    static String hms(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
