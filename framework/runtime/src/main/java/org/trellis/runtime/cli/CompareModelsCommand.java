package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trellis.api.plugin.Params;
import org.trellis.ml.data.HorizonLabels;
import org.trellis.ml.data.FeatureMatrices;
import org.trellis.ml.predict.ModelFormats;
import org.trellis.ml.spi.BarClassifier;
import org.trellis.ml.spi.ModelFormat;
import org.trellis.ml.train.BinaryMetrics;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.Pipeline;
import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.engine.RunMode;
import org.trellis.runtime.engine.ProgressListener;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.report.Comparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code trellis compare-models A B ...}: scores saved models on the same held-out bars (those after
 * every model's training and validation data) and backtests each through its strategy on them.
 */
@Command(name = "compare-models", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare saved models on the same held-out bars: accuracy, log loss and AUC of their P(up), "
                + "then a backtest of each (its model strategy, default thresholds) on those bars, side by side.",
                "Held out: the bars after the last window any of the models trained or validated on, and after that "
                        + "window's label; on bars after all of that (another period or dataset), every bar. The backtests "
                        + "trade from the first held-out bar; a few bars before it only warm the models up."})
final class CompareModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "MODEL", description = "Model folders (or any format a plugin can score on bars).")
    List<Path> models;

    @Option(names = "--data", paramLabel = "NAME|CSV", description = "Bars to compare on (default: the first model's training data).")
    String data;

    @Option(names = "--html", paramLabel = "FILE", defaultValue = "reports/compare-models.html",
            description = "Where to write the backtests' HTML comparison (default ${DEFAULT-VALUE}).")
    Path html;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() {
        TrellisConfig config = configOptions.config();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (PartRegistry registry = configOptions.parts(config)) {
            ModelFormats formats = new ModelFormats(registry.extensions(ModelFormat.class));
            registry.extensionProblems().forEach(p -> err.println("warning: " + p));
            List<BarClassifier> classifiers = new ArrayList<>();
            try {
                for (Path model : models) {
                    classifiers.add(formats.forPath(model).openClassifier(model, null));
                }
                String spec = data != null ? data : classifiers.get(0).trainedOn();
                if (spec == null) {
                    throw new IllegalArgumentException("the first model does not say what it was trained on: give --data");
                }
                ColumnarBarSeries series = HostTrainingContext.load(config, spec, err);
                int start = heldOutStart(classifiers, series);
                if (series.size() - start < 50) {
                    throw new IllegalArgumentException("only " + Math.max(0, series.size() - start) + " bars of " + spec
                            + " are held out from every model; compare on other data with --data");
                }
                out.printf(Locale.ROOT, "Held-out bars: %,d of %s, %s .. %s%n%n", series.size() - start, spec,
                        Instant.ofEpochMilli(series.time(start)), Instant.ofEpochMilli(series.time(series.size() - 1)));
                printScores(classifiers, series, start, out);
                // the backtests trade from the first held-out bar; the bars just before it only warm the
                // models up (past data: causal), so every model can act from the start
                int warmUp = classifiers.stream().mapToInt(BarClassifier::warmUpBars).max().orElse(0) * 2;
                ColumnarBarSeries backtested = series.between(series.time(Math.max(0, start - warmUp)), series.time(series.size() - 1) + 1);
                long tradeFrom = series.time(start);
                BacktestEngine engine = new BacktestEngine(registry, config.engine());
                List<Comparison.Entry> entries = new ArrayList<>();
                for (int i = 0; i < classifiers.size(); i++) {
                    BarClassifier c = classifiers.get(i);
                    Pipeline plain = Pipeline.of(registry, c.strategy(), Params.of(c.strategyParams()));
                    Pipeline heldOutOnly = new Pipeline(plain.name(), plain.params(), () -> new TradesFrom(plain.strategies().get(), tradeFrom),
                            plain.features(), plain.threshold(), plain.sizing());
                    RunResult run = engine.run(heldOutOnly, List.of(backtested), List.of(), ProgressListener.NONE, RunMode.BACKTEST,
                            RunListener.NONE);
                    entries.add(Comparison.Entry.of(label(i), run));
                }
                out.println();
                Comparison.publish(entries, html, out);
                return 0;
            } finally {
                classifiers.forEach(BarClassifier::close);
            }
        }
    }

    private String label(int i) {
        Path p = models.get(i).getFileName();
        return p == null ? models.get(i).toString() : p.toString();
    }

    /**
     * First bar whose window no model trained or validated on, and whose label reads no bar those
     * labels read: after each model's last seen window end plus its label's reach. Decided by time,
     * not by the dataset's name, so a renamed or re-sampled copy of the training data is cut too.
     */
    private static int heldOutStart(List<BarClassifier> classifiers, ColumnarBarSeries series) {
        int start = 0;
        for (BarClassifier c : classifiers) {
            if (c.lastSeenMillis() == Long.MIN_VALUE) {
                throw new IllegalArgumentException(c.describe() + " does not record which bars it saw, so nothing can be called "
                        + "held out from it");
            }
            int last = -1;
            while (last + 1 < series.size() && series.time(last + 1) <= c.lastSeenMillis()) {
                last++;
            }
            if (last >= 0) {
                start = Math.max(start, last + HorizonLabels.reach(c.horizon()) + 1);
            }
        }
        return start;
    }

    private void printScores(List<BarClassifier> classifiers, ColumnarBarSeries series, int start, PrintWriter out) {
        double[] closes = FeatureMatrices.closes(series);
        List<BinaryMetrics> scores = new ArrayList<>();
        for (BarClassifier c : classifiers) {
            double[] p = c.probabilities(series);
            byte[] labels = HorizonLabels.upDown(closes, c.horizon());
            List<Double> ps = new ArrayList<>();
            List<Integer> ys = new ArrayList<>();
            for (int i = start; i < series.size(); i++) {
                if (Double.isFinite(p[i]) && labels[i] != HorizonLabels.UNKNOWN) {
                    ps.add(p[i]);
                    ys.add((int) labels[i]);
                }
            }
            scores.add(BinaryMetrics.of(ps.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToInt(Integer::intValue).toArray()));
        }
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-22s", "held-out scores"));
        for (int i = 0; i < classifiers.size(); i++) {
            header.append(String.format(Locale.ROOT, " %20s", label(i)));
        }
        out.println(header);
        row(out, "bars scored", scores, m -> String.format(Locale.ROOT, "%,d", m.samples()));
        row(out, "accuracy", scores, m -> String.format(Locale.ROOT, "%.4f", m.accuracy()));
        row(out, "log loss", scores, m -> String.format(Locale.ROOT, "%.4f", m.logLoss()));
        row(out, "AUC", scores, m -> String.format(Locale.ROOT, "%.4f", m.auc()));
        row(out, "share of up bars", scores, m -> String.format(Locale.ROOT, "%.4f", m.positiveRate()));
    }

    private static void row(PrintWriter out, String name, List<BinaryMetrics> scores, java.util.function.Function<BinaryMetrics, String> cell) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s", name));
        for (BinaryMetrics m : scores) {
            line.append(String.format(Locale.ROOT, " %20s", cell.apply(m)));
        }
        out.println(line);
    }
}
