package org.trellis.regime.train;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trellis.api.market.BarSeries;
import org.trellis.ml.model.ModelMetadata;
import org.trellis.regime.RegimeInputs;
import org.trellis.regime.hmm.BaumWelch;
import org.trellis.regime.hmm.ForwardFilter;
import org.trellis.regime.hmm.GaussianHmm;
import org.trellis.regime.model.RegimeModel;

/**
 * Fits a regime model on the chronological first {@value #TRAIN_SHARE} of a series' bars (the rest
 * is never seen: it is held out for judging the filter and strategies that use it), sorts its
 * states by mean volatility and saves it.
 */
public final class RegimeTraining {
    public static final double TRAIN_SHARE = 0.7;

    /** What to fit on and where to save. */
    public record Request(String dataName, BarSeries series, BaumWelch.Settings settings, Path out) {
    }

    /**
     * A fitted, saved model and how its states cover the bars.
     *
     * @param trainBars     bars in the training part (the first 70%)
     * @param observations  training observations (bars with both inputs defined)
     * @param trainShare    per state: share of training observations whose filtered state it is
     * @param heldOutShare  the same over the held-out 30% (NaN when it has no observation)
     */
    public record Outcome(RegimeModel model, BaumWelch.Fit fit, int trainBars, int observations, double[] trainShare,
                          double[] heldOutShare) {
    }

    private RegimeTraining() {
    }

    public static Outcome run(Request request, BaumWelch.Listener listener, String trellisVersion) {
        BarSeries series = request.series();
        int trainBars = trainBars(series.size());
        double[][] rows = RegimeInputs.of(series);
        double[][] x = RegimeInputs.defined(rows, 0, trainBars);
        int k = request.settings().states();
        if (x.length < Math.max(10 * k, 2)) {
            throw new IllegalArgumentException(request.dataName() + " has " + series.size() + " bars: its first 70% give " + x.length
                    + " observations (the first " + RegimeInputs.WARM_UP + " bars have no volatility yet); a " + k
                    + "-state model needs at least " + Math.max(10 * k, 2));
        }
        BaumWelch.Fit fit = BaumWelch.fit(x, request.settings(), listener);
        // Baum-Welch's start is the posterior of the training series' first bar, often one state for sure;
        // a run starts at an arbitrary bar, where the chain's long-run share of each state is the fair prior
        GaussianHmm sorted = fit.model().sortedBy(RegimeInputs.VOLATILITY_COLUMN);
        sorted = sorted.withStart(sorted.stationary());
        double[] trainShare = shares(sorted, rows, 0, trainBars);
        double[] heldOutShare = shares(sorted, rows, trainBars, rows.length);

        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("states", k);
        hyper.put("inputs", RegimeInputs.NAMES);
        hyper.put("iterations", request.settings().maxIterations());
        hyper.put("seed", request.settings().seed());
        hyper.put("tolerance", request.settings().tolerance());
        hyper.put("variance_floor", request.settings().varianceFloor());
        hyper.put("volatility_window", RegimeInputs.WINDOW);
        hyper.put("train_share", TRAIN_SHARE);
        hyper.put("sorted_by", RegimeInputs.VOLATILITY);
        hyper.put(RegimeModel.BAR_MILLIS, series.barMillis());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("log_likelihood", fit.logLikelihood());
        metrics.put("log_likelihood_per_observation", fit.logLikelihood() / x.length);
        metrics.put("iterations_run", (double) fit.iterations());
        metrics.put("converged", fit.converged() ? 1.0 : 0.0);
        metrics.put("train_observations", (double) x.length);
        for (int i = 0; i < k; i++) {
            metrics.put("train_share_state_" + i, trainShare[i]);
            if (!Double.isNaN(heldOutShare[i])) {
                metrics.put("held_out_share_state_" + i, heldOutShare[i]);
            }
        }
        ModelMetadata.DataRange data = new ModelMetadata.DataRange(request.dataName(), iso(series.time(0)),
                iso(series.time(series.size() - 1)), series.size(), iso(series.time(trainBars - 1)), null);
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("trellis", trellisVersion);
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT, ModelMetadata.FORMAT_VERSION, RegimeModel.FAMILY,
                RegimeModel.ARCHITECTURE, null, hyper, RegimeInputs.NAMES, null, data, metrics, versions, null,
                request.settings().seed(), Instant.now().toString());
        RegimeModel saved = RegimeModel.save(request.out(), sorted, metadata);
        return new Outcome(saved, fit, trainBars, x.length, trainShare, heldOutShare);
    }

    /** Bars in the training part of a series of {@code bars} bars: the first 70%. */
    public static int trainBars(int bars) {
        return (int) Math.floor(bars * TRAIN_SHARE);
    }

    /** Per state, the share of defined rows in [from, to) whose filtered state it is (the filter runs from row 0). */
    static double[] shares(GaussianHmm hmm, double[][] rows, int from, int to) {
        ForwardFilter filter = new ForwardFilter(hmm);
        double[] counts = new double[hmm.states()];
        int total = 0;
        for (int t = 0; t < to; t++) {
            if (Double.isNaN(rows[t][0]) || Double.isNaN(rows[t][1])) {
                continue;
            }
            filter.update(rows[t]);
            if (t >= from) {
                counts[filter.state()]++;
                total++;
            }
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] = total == 0 ? Double.NaN : counts[i] / total;
        }
        return counts;
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
