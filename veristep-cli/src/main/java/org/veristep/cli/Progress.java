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
 * The one progress bar of the CLI (me.tongfei progressbar), on the command's stderr, for work that
 * lasts more than about two seconds: nothing is drawn before then, so quick runs stay quiet, and
 * nothing at all when stderr is not a terminal.
 * Thread-safe. Closed by its creator, which ends the bar's line.
 */
final class Progress implements AutoCloseable {
    static final long SHOW_AFTER_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final String task;
    private final long total;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long done;
    private long startsFrom;
    private String extra = "";
    private ProgressBar bar;

    /**
     * @param err where to draw (the command's stderr)
     * @param task what is being done, e.g. "scoring"
     * @param total number of units of work
     * @param quiet true to draw nothing (--quiet)
     */
    Progress(PrintWriter err, String task, long total, boolean quiet) {
        this.err = err;
        this.task = task;
        this.total = total;
        // bin/veristep sets veristep.progress=false when stderr is not a terminal (a log file, a pipe).
        this.enabled = !quiet && !"false".equals(System.getProperty("veristep.progress"));
    }

    /** Records {@code n} more units done. */
    synchronized void advance(long n) {
        done += n;
        update();
    }

    /** Sets the units done so far. */
    synchronized void stepTo(long value) {
        done = value;
        update();
    }

    /** Sets a short status shown after the bar (e.g. "retries 3, failed 1"). */
    synchronized void status(String text) {
        extra = text;
        update();
    }

    /**
     * {@return a listener that shows a {@link ScoringJob}'s progress}: done/total (counting traces
     * resumed from an earlier run, which do not count in the rate), rate, ETA, failures, requests,
     * retries and tokens
     */
    ScoringJob.Listener scoringListener() {
        return p -> {
            synchronized (this) {
                if (bar == null) startsFrom = p.resumed();
                done = Math.max(done, p.done()); // reports from several workers may arrive out of order
                extra = String.format(
                        Locale.ROOT,
                        " | resumed %d, failed %d, requests %d, retries %d, tokens %s in / %s out",
                        p.resumed(),
                        p.failed(),
                        p.requests().requests(),
                        p.requests().retries(),
                        human(p.requests().promptTokens()),
                        human(p.requests().completionTokens()));
                update();
            }
        };
    }

    private void update() {
        if (!enabled) return;
        if (bar == null) {
            if (System.nanoTime() - startNanos < SHOW_AFTER_NANOS) return;
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .showSpeed()
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .startsFrom(startsFrom, Duration.ZERO)
                    .setConsumer(new WriterConsumer(err))
                    .build();
        }
        bar.stepTo(done);
        bar.setExtraMessage(extra);
    }

    @Override
    public synchronized void close() {
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
