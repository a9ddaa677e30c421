package org.trellis.regime.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trellis.api.market.BarSeries;
import org.trellis.ml.spi.TrainingContext;
import org.trellis.regime.RegimeInputs;
import org.trellis.regime.hmm.BaumWelch;
import org.trellis.regime.hmm.GaussianHmm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trellis train regime}: fits the Gaussian HMM regime model and saves it. */
@Command(name = "regime", mixinStandardHelpOptions = true,
        description = {"Fit a Gaussian HMM (diagonal covariances, Baum-Welch) on the log return and 24-bar volatility of a series.",
                "Fitted on the chronological first 70% of the bars only; states are sorted so that state 0 has the lowest mean "
                        + "volatility. At run time the regime is the forward-filtered state (data up to the bar), never a smoothed one.",
                "Use it in a script: regime 'hmm', path: 'models/regime-btc-usd-1m', block: '0'"})
public final class TrainRegimeCommand implements Callable<Integer> {
    private final TrainingContext context;

    @Option(names = "--data", paramLabel = "NAME|CSV", description = "Bundled dataset or CSV (default: trellis.data.default).")
    String data;

    @Option(names = "--states", defaultValue = "3", description = "Hidden states (default: ${DEFAULT-VALUE}).")
    int states;

    @Option(names = "--iterations", defaultValue = "100", description = "Most Baum-Welch iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--tolerance", defaultValue = "1e-4",
            description = "Stop when an iteration improves the log-likelihood by less than this (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--seed", description = "Seed of the k-means++ initialisation (default: trellis.seed).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Model folder (default: <models-dir>/regime-<data>).")
    Path out;

    public TrainRegimeCommand(TrainingContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (states < 1 || states > 20) {
            throw new IllegalArgumentException("--states must be from 1 to 20, got " + states);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations must be at least 1, got " + iterations);
        }
        String dataName = data != null ? data : context.defaultData();
        BarSeries series = context.data(dataName);
        long runSeed = seed != null ? seed : context.seed();
        Path folder = out != null ? out : context.modelsDir().resolve("regime-" + slug(dataName));
        BaumWelch.Settings settings = new BaumWelch.Settings(states, iterations, tolerance, 1e-3, runSeed, RegimeInputs.VOLATILITY_COLUMN);
        int trainBars = RegimeTraining.trainBars(series.size());
        PrintWriter err = context.err();
        err.printf(Locale.ROOT, "Fitting a %d-state Gaussian HMM on %s: the chronological first 70%% of its bars (%,d of %,d; the "
                        + "last %,d are held out), inputs %s, seed %d, at most %d iterations -> %s%n", states, dataName, trainBars,
                series.size(), series.size() - trainBars, RegimeInputs.NAMES, runSeed, iterations, folder);
        err.flush();
        double[] previous = {Double.NaN};
        RegimeTraining.Outcome outcome = RegimeTraining.run(new RegimeTraining.Request(dataName, series, settings, folder),
                (i, ll) -> {
                    err.printf(Locale.ROOT, "iteration %3d  log-likelihood %.4f%s%n", i, ll,
                            Double.isNaN(previous[0]) ? " (initial)" : String.format(Locale.ROOT, "  (%+.4f)", ll - previous[0]));
                    err.flush();
                    previous[0] = ll;
                }, context.trellisVersion());
        GaussianHmm hmm = outcome.model().hmm();
        PrintWriter o = context.out();
        o.printf(Locale.ROOT, "Saved %s: %d states, log-likelihood %.4f after %d iteration(s)%s, %,d training observations%n", folder,
                hmm.states(), outcome.fit().logLikelihood(), outcome.fit().iterations(),
                outcome.fit().converged() ? " (converged)" : " (iteration limit reached)", outcome.observations());
        o.printf(Locale.ROOT, "%-6s %14s %16s %12s %12s %20s%n", "state", "mean return", "mean volatility", "share train",
                "share held", "expected duration");
        for (int i = 0; i < hmm.states(); i++) {
            double held = outcome.heldOutShare()[i];
            o.printf(Locale.ROOT, "%-6d %14.6g %16.6g %11.1f%% %12s %15.1f bars%n", i, hmm.mean(i, 0),
                    hmm.mean(i, RegimeInputs.VOLATILITY_COLUMN), 100 * outcome.trainShare()[i],
                    Double.isNaN(held) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * held), hmm.expectedDuration(i));
        }
        o.println("  (shares: bars whose forward-filtered most probable state it is; state 0 = lowest mean volatility)");
        o.printf(Locale.ROOT, "Use it: regime 'hmm', path: '%s', block: '0'%n", folder);
        o.flush();
        return 0;
    }

    private static String slug(String data) {
        String name = Path.of(data).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_-]+", "-");
    }
}
