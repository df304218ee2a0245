package org.veristep.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for work that lasts more than about two seconds: nothing is drawn
 * before then, so quick runs stay quiet. Thread-safe. Close it when the work ends.
 */
final class Progress implements AutoCloseable {
    static final long SHOW_AFTER_NANOS = 2_000_000_000L;

    private final String task;
    private final long total;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long done;
    private String extra = "";
    private ProgressBar bar;

    /**
     * @param task what is being done, e.g. "scoring"
     * @param total number of units of work
     * @param quiet true to draw nothing (--quiet)
     */
    Progress(String task, long total, boolean quiet) {
        this.task = task;
        this.total = total;
        this.enabled = !quiet;
    }

    /** Records {@code n} more units done. */
    synchronized void advance(long n) {
        done += n;
        update();
    }

    /** Sets a short status shown after the bar (e.g. "retries 3, failed 1"). */
    synchronized void status(String text) {
        extra = text;
        update();
    }

    private void update() {
        if (!enabled) return;
        if (bar == null) {
            if (System.nanoTime() - startNanos < SHOW_AFTER_NANOS) return;
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(
                            new me.tongfei.progressbar.ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                    .setUpdateIntervalMillis(200)
                    .showSpeed()
                    .build();
        }
        bar.stepTo(done);
        bar.setExtraMessage(extra);
    }

    @Override
    public synchronized void close() {
        if (bar != null) bar.close();
    }
}
