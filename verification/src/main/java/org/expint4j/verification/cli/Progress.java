package org.expint4j.verification.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar with an estimated time to completion, redrawn in place on standard
 * error. It appears only once a task has run for a second (short runs stay silent), redraws at
 * most ten times a second, and is erased when the task ends, so that standard output carries
 * only results. When standard error is not a terminal (a log file, a pipe), it prints a plain
 * line at every further tenth of the work instead, so logs stay readable.
 */
final class Progress {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 24;

    private final PrintWriter err;
    private final boolean enabled;
    private final String label;
    private final boolean interactive = System.console() != null;
    private int lastTenth;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastWidth;

    /**
     * @param err where to draw
     * @param enabled false for {@code --quiet}
     * @param label what is running
     */
    Progress(PrintWriter err, boolean enabled, String label) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
    }

    /**
     * @param fraction the part done, in [0, 1]
     * @param what the current item
     */
    void update(double fraction, String what) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        long elapsed = now - start;
        if (elapsed < SHOW_AFTER_NANOS || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double f = Math.min(1, Math.max(0, fraction));
        int filled = (int) Math.round(f * BAR);
        String eta = f > 0.02 ? formatSeconds(elapsed * 1e-9 * (1 - f) / f) : "?";
        String line = String.format(Locale.ROOT, "%s [%s%s] %3.0f%%  ETA %s  %s", label, "#".repeat(filled),
                "-".repeat(BAR - filled), 100 * f, eta, what);
        if (!interactive) {
            int tenth = (int) (f * 10);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                err.println(line);
                err.flush();
            }
            return;
        }
        // Pad with blanks to overwrite a longer previous line.
        int width = line.length();
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - width)));
        err.flush();
        lastWidth = width;
    }

    /** Erases the bar, if it was drawn. */
    void done() {
        if (lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }

    /** @return seconds since this progress began */
    double elapsedSeconds() {
        return (System.nanoTime() - start) * 1e-9;
    }

    private static String formatSeconds(double s) {
        if (s < 60) {
            return String.format(Locale.ROOT, "%.0fs", Math.ceil(s));
        }
        return String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60);
    }
}
