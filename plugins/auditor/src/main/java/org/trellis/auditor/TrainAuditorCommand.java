package org.trellis.auditor;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trellis.api.market.BarSeries;
import org.trellis.ml.data.SeriesSlice;
import org.trellis.ml.model.ModelPaths;
import org.trellis.ml.spi.TrainingContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trellis train auditor --primary MODEL | --labels FILE.csv}: trains the XGBoost meta-label
 * auditor and saves it.
 */
@Command(name = "auditor", mixinStandardHelpOptions = true,
        description = {"Train the XGBoost meta-label auditor: P(the trade an entry opens is profitable).",
                "--primary MODEL: backtest the saved model's strategy alone on the first --train-share of --data (its training "
                        + "split) and learn from each trade it opened: the run's features at the signal bar, 'confidence' (the "
                        + "signal's probability) and 'direction' (+1 buy / -1 sell); label 1 when the trade made money after costs.",
                "--labels FILE.csv: the same rows made elsewhere, one per primary signal in time order: a header of input names "
                        + "and a 'label' column (1 = profitable). Empty cells are missing values.",
                "Trained on the chronological first rows; the last --holdout share is scored, never trained on. Saves x.json "
                        + "(XGBoost JSON, readable by Python) and x.inputs.json (the input names).",
                "Use it in a script: auditor 'xgboost', path: 'models/auditor.json', approve: 0.6"})
public final class TrainAuditorCommand implements Callable<Integer> {
    private final TrainingContext context;

    /** Where the meta-labels come from: exactly one. */
    static final class Source {
        @Option(names = "--primary", paramLabel = "MODEL", description = "A saved primary model (folder or file) whose trades to label.")
        String primary;

        @Option(names = "--labels", paramLabel = "FILE.csv", description = "Meta-labels made elsewhere.")
        Path labels;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--data", paramLabel = "DATA", description = "With --primary: bundled dataset or CSV (default: trellis.data.default).")
    String data;

    @Option(names = "--train-share", defaultValue = "0.7",
            description = "With --primary: the chronological share of --data the primary trades on (default: ${DEFAULT-VALUE}).")
    double trainShare;

    @Option(names = "--threshold", defaultValue = "0.5",
            description = "With --primary: the probability its decisions need, as the script's threshold (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--fee-bps", defaultValue = "10", description = "With --primary: fee per fill, bps (default: ${DEFAULT-VALUE}).")
    double feeBps;

    @Option(names = "--slippage-bps", defaultValue = "5",
            description = "With --primary: slippage per fill, bps (default: ${DEFAULT-VALUE}).")
    double slippageBps;

    @Option(names = "--rounds", defaultValue = "100", description = "Boosting rounds = trees (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--depth", defaultValue = "4", description = "Tree depth (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--eta", defaultValue = "0.1", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double eta;

    @Option(names = "--holdout", defaultValue = "0.3", description = "Share of the last rows held out (default: ${DEFAULT-VALUE}).")
    double holdout;

    @Option(names = "--approve", defaultValue = "0.6",
            description = "The approval threshold the held-out summary uses (default: ${DEFAULT-VALUE}).")
    double approve;

    @Option(names = "--seed", description = "Seed (default: trellis.seed).")
    Long seed;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Model file (default: <models-dir>/auditor.json).")
    Path out;

    public TrainAuditorCommand(TrainingContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!(holdout >= 0 && holdout < 1)) {
            throw new IllegalArgumentException("--holdout must be in [0, 1), got " + holdout);
        }
        MetaLabels data = source.labels != null ? MetaLabels.read(source.labels) : fromPrimary();
        String labels = source.labels != null ? source.labels.toString() : "the trades of " + source.primary;
        int n = data.rows().length;
        int train = holdout == 0 ? n : (int) Math.floor(n * (1 - holdout));
        if (train < 1) {
            throw new IllegalArgumentException(labels + " has " + n + " rows: too few to hold out " + holdout + " of them");
        }
        long runSeed = seed != null ? seed : context.seed();
        Path file = out != null ? out : context.modelsDir().resolve("auditor.json");
        XgboostAuditor.Settings settings = new XgboostAuditor.Settings(rounds, depth, eta, runSeed);
        PrintWriter err = context.err();
        err.printf(Locale.ROOT, "Training an XGBoost auditor (%d trees, depth %d, eta %s, seed %d) on the first %,d of %,d rows of %s "
                + "(%,d held out), inputs %s -> %s%n", rounds, depth, eta, runSeed, train, n, labels, n - train, data.inputs(), file);
        err.flush();
        try (XgboostAuditor auditor = XgboostAuditor.train(Arrays.copyOf(data.rows(), train), Arrays.copyOf(data.labels(), train),
                data.inputs(), settings)) {
            auditor.save(file);
            PrintWriter o = context.out();
            o.printf(Locale.ROOT, "Saved %s and %s: %d trees over %d inputs%n", file, XgboostAuditor.inputsFile(file),
                    auditor.model().trees(), data.inputs().size());
            if (train < n) {
                int right = 0;
                int approved = 0;
                int approvedGood = 0;
                int good = 0;
                for (int i = train; i < n; i++) {
                    double p = auditor.probability(data.rows()[i]);
                    boolean label = data.labels()[i] == 1;
                    right += (p > 0.5) == label ? 1 : 0;
                    good += label ? 1 : 0;
                    if (p > approve) {
                        approved++;
                        approvedGood += label ? 1 : 0;
                    }
                }
                int held = n - train;
                o.printf(Locale.ROOT, "Held out %,d rows: accuracy %.3f; %.1f%% profitable overall; approve %.2f passes %,d (%.1f%%)%s%n",
                        held, (double) right / held, 100.0 * good / held, approve, approved, 100.0 * approved / held,
                        approved == 0 ? "" : String.format(Locale.ROOT, ", %.1f%% of them profitable", 100.0 * approvedGood / approved));
            }
            o.printf(Locale.ROOT, "Use it: auditor 'xgboost', path: '%s', approve: %s%n", file, approve);
            o.flush();
        }
        return 0;
    }

    private MetaLabels fromPrimary() {
        if (!(trainShare > 0 && trainShare <= 1)) {
            throw new IllegalArgumentException("--train-share must be in (0, 1], got " + trainShare);
        }
        String dataName = data != null ? data : context.defaultData();
        BarSeries all = context.data(dataName);
        BarSeries train = SeriesSlice.head(all, (int) Math.floor(all.size() * trainShare));
        PrintWriter err = context.err();
        err.printf(Locale.ROOT, "Backtesting the primary %s alone on the first %,d of %,d bars of %s (threshold %s, fee %s bps, "
                + "slippage %s bps)%n", source.primary, train.size(), all.size(), dataName, threshold, feeBps, slippageBps);
        err.flush();
        PrimarySignals.Result r = PrimarySignals.label(context, ModelPaths.resolve(source.primary), train,
                new PrimarySignals.Settings(threshold, feeBps, slippageBps));
        long good = Arrays.stream(r.labels().labels()).filter(l -> l == 1).count();
        err.printf(Locale.ROOT, "The primary (%s %s) opened %,d trade(s): %,d labelled (%.1f%% profitable), %,d cut short by the end "
                + "of the data and %,d never filled are left out%n", r.strategy(), r.params(), r.trades() + r.unfilled(),
                r.labels().rows().length, 100.0 * good / r.labels().rows().length, r.cutShort(), r.unfilled());
        if (r.inSampleBars() > 0) {
            err.printf(Locale.ROOT, "note: %,d of these %,d bars are ones the primary learned from (its training and validation "
                    + "windows): its signals there are in-sample and look better than they will on new bars%n", r.inSampleBars(),
                    train.size());
        }
        err.flush();
        return r.labels();
    }
}
