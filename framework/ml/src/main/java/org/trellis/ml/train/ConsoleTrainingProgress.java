package org.trellis.ml.train;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Training progress on the console: a bar that redraws in place during each epoch (on a terminal),
 * and one permanent line per epoch with losses, validation accuracy, learning rate and ETA (always,
 * so logs show them too).
 */
public final class ConsoleTrainingProgress implements TrainingListener {
    private static final int WIDTH = 24;
    private final PrintWriter out;
    private final boolean interactive;
    private final String prefix;
    private final String unit;
    private long start;
    private long lastDraw;
    private long epochStart;
    private boolean drawn;

    public ConsoleTrainingProgress(PrintWriter out, boolean interactive) {
        this(out, interactive, "");
    }

    /** @param stage printed before "epoch" on every line (empty for none) */
    public ConsoleTrainingProgress(PrintWriter out, boolean interactive, String stage) {
        this(out, interactive, stage, "epoch");
    }

    /**
     * @param stage printed first on every line (empty for none)
     * @param unit  what one {@code onEpoch} completes, e.g. "epoch", or "trial" for a search whose
     *              steps are the folds of a trial
     */
    public ConsoleTrainingProgress(PrintWriter out, boolean interactive, String stage, String unit) {
        this.out = out;
        this.interactive = interactive;
        this.prefix = stage == null || stage.isEmpty() ? "" : stage + " ";
        this.unit = unit;
    }

    @Override
    public void onStep(int epoch, int step, int steps, double runningLoss) {
        long now = System.nanoTime();
        if (step == 1) {
            epochStart = now;
            if (start == 0) {
                start = now; // the clock starts with training, not with feature computation
            }
        }
        if (!interactive || step < steps && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int filled = (int) Math.round((double) step / steps * WIDTH);
        double eta = (now - epochStart) / 1e9 / step * (steps - step);
        out.print(String.format(Locale.ROOT, "\r%s%s %d [%s%s] %d/%d loss %.4f, %s ETA %.0fs", prefix, unit, epoch, "#".repeat(filled),
                ".".repeat(WIDTH - filled), step, steps, runningLoss, unit, eta));
        out.flush();
        drawn = true;
    }

    @Override
    public void onEpoch(EpochResult r, int maxEpochs) {
        double seconds = (System.nanoTime() - start) / 1e9;
        double eta = seconds / r.epoch() * (maxEpochs - r.epoch());
        clearBar();
        if (Double.isNaN(r.validationLoss())) {
            out.println(String.format(Locale.ROOT, "%s%s %d/%d  loss %.4f  lr %.2g  %.0fs, ETA <= %.0fs", prefix, unit, r.epoch(),
                    maxEpochs, r.trainLoss(), r.learningRate(), seconds, eta));
        } else {
            // a stage scored by a loss alone (e.g. SupCon) has no accuracy to show
            String accuracy = Double.isNaN(r.validationAccuracy()) ? ""
                    : String.format(Locale.ROOT, "  val acc %.3f", r.validationAccuracy());
            out.println(String.format(Locale.ROOT, "%s%s %d/%d  loss %.4f  val loss %.4f%s  lr %.2g  %s  %.0fs, ETA <= %.0fs",
                    prefix, unit, r.epoch(), maxEpochs, r.trainLoss(), r.validationLoss(), accuracy, r.learningRate(),
                    r.improved() ? "best" : "    ", seconds, eta));
        }
        out.flush();
    }

    @Override
    public void onLearningRateReduced(int epoch, double from, double to) {
        out.println(String.format(Locale.ROOT, "  validation plateau: learning rate %.2g -> %.2g", from, to));
    }

    @Override
    public void onEarlyStop(int epoch, int bestEpoch) {
        out.println("  early stop after epoch " + epoch + ": no validation improvement since epoch " + bestEpoch
                + " (its weights are kept)");
    }

    private void clearBar() {
        if (drawn) {
            out.print("\r" + " ".repeat(WIDTH + 64 + prefix.length()) + "\r");
            drawn = false;
        }
    }
}
