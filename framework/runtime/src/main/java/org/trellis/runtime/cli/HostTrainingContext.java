package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.util.List;
import org.trellis.ml.predict.ModelFormats;
import org.trellis.ml.spi.BarClassifier;
import org.trellis.ml.spi.ModelFormat;
import org.trellis.api.plugin.PartKind;
import org.trellis.api.plugin.Params;
import org.trellis.ml.spi.StrategyReplay;
import org.trellis.ml.spi.TradeStream;
import org.trellis.runtime.data.TradeTape;
import org.trellis.ml.spi.StrategyTrades;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.Pipeline;
import org.trellis.runtime.engine.RunMode;
import org.trellis.runtime.engine.SignalTradeRecorder;
import org.trellis.runtime.engine.Sizing;
import org.trellis.runtime.plugin.PartRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.trellis.ml.spi.TrainingJournal;
import org.trellis.api.market.BarSeries;
import org.trellis.ml.spi.TrainingContext;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.DataResolver;
import org.trellis.runtime.data.LoadedSeries;
import org.trellis.ml.spi.ModelTrainer;
import org.trellis.ml.spi.TrialOutcome;
import org.trellis.ml.spi.TrialProgress;
import org.trellis.ml.spi.TrialRequest;
import org.trellis.runtime.plugin.PluginFolder;
import org.trellis.runtime.sweep.SweepData;
import org.trellis.runtime.sweep.SweepRunner;
import org.trellis.runtime.sweep.TrialJob;

/** The runtime's services for a plugin's trainer: data loaded like every run's, configured paths and engine. */
final class HostTrainingContext implements TrainingContext {
    private final TrellisConfig config;
    private final PrintWriter out;
    private final PrintWriter err;
    private final PartRegistry registry;
    /** Where a training journals when its command names no file; null: nowhere (a run with --no-journal). */
    private final Path defaultJournal;
    /** Where trials run: null in this process, one after another; else a Spark master (tune --spark-master). */
    private final TrialPlace trialPlace;
    /** The bars loaded so far, by name: what trials run elsewhere receive. */
    private final Map<String, ColumnarBarSeries> loaded = new java.util.LinkedHashMap<>();

    private boolean trialsRun;

    /** Whether a trainer has run trials through {@link #runTrials} (a search that did not ignored --spark-master). */
    boolean trialsRun() {
        return trialsRun;
    }

    /** Where a search's trials run: a Spark master and the plugins folder executors load the trainer from. */
    record TrialPlace(String master, PluginFolder plugins) {
    }

    HostTrainingContext(TrellisConfig config, PrintWriter out, PrintWriter err, PartRegistry registry) {
        this(config, out, err, registry, config.journal());
    }

    /** {@code defaultJournal}: the journal of the run that trains (null: that run journals nothing, nor does its training). */
    HostTrainingContext(TrellisConfig config, PrintWriter out, PrintWriter err, PartRegistry registry, Path defaultJournal) {
        this(config, out, err, registry, defaultJournal, null);
    }

    /** {@code trialPlace}: where {@link #runTrials} runs trials (null: in this process). */
    HostTrainingContext(TrellisConfig config, PrintWriter out, PrintWriter err, PartRegistry registry, Path defaultJournal,
                        TrialPlace trialPlace) {
        this.trialPlace = trialPlace;
        this.config = config;
        this.out = out;
        this.err = err;
        this.registry = registry;
        this.defaultJournal = defaultJournal;
    }

    @Override
    public BarSeries data(String spec) {
        ColumnarBarSeries bars = load(config, spec, err);
        loaded.put(spec, bars);
        return bars;
    }

    /** Bars by dataset name or path, as every run loads them; skipped bad rows (when allowed) are shown on err. */
    static ColumnarBarSeries load(TrellisConfig config, String spec, PrintWriter err) {
        DataResolver resolver = new DataResolver(config.csvLayout(), config.loadOptions(), config.seed(), config.tradeBarMillis());
        LoadedSeries loaded = resolver.resolve(spec);
        if (loaded.skipped().count() > 0) {
            err.println("warning: skipped " + loaded.skipped().count() + " bad row(s) in " + spec + ", e.g.:");
            loaded.skipped().examples().forEach(e -> err.println("  " + e));
        }
        return loaded.series();
    }

    @Override
    public String defaultData() {
        return config.defaultData();
    }

    @Override
    public Path modelsDir() {
        return config.modelsDir();
    }

    @Override
    public String defaultEngine() {
        return config.mlEngine();
    }

    @Override
    public long seed() {
        return config.seed();
    }

    @Override
    public String trellisVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public PrintWriter err() {
        return err;
    }

    @Override
    public boolean interactive() {
        return System.console() != null;
    }

    @Override
    public TradeStream trades(String spec) {
        TradeTape tape = new DataResolver(config.csvLayout(), config.loadOptions(), config.seed(), config.tradeBarMillis()).trades(spec);
        if (tape.skipped().count() > 0) {
            err.println("warning: skipped " + tape.skipped().count() + " bad row(s) in " + spec);
        }
        return tape.toStream();
    }

    @Override
    public BarClassifier openClassifier(Path model) {
        return new ModelFormats(registry.extensions(ModelFormat.class)).forPath(model).openClassifier(model, null);
    }

    /**
     * A {@code train} session in {@code file}, else in the default journal: {@code trellis.journal} (the journal
     * runs use by default), or the journal of the script run that trains (none when it has --no-journal).
     */
    @Override
    public TrainingJournal journal(String sessionName, long seed, Map<String, Object> settings, Path file) {
        Path target = file != null ? file : defaultJournal;
        return target == null ? TrainingJournal.NONE : HostTrainingJournal.start(target, sessionName, seed, settings, err);
    }

    /** The strategy part alone on the bars, with the configured engine settings and the request's costs. */
    @Override
    public StrategyTrades replay(StrategyReplay request) {
        Params params = Params.of(request.params());
        Params effective = registry.effectiveParams(PartKind.STRATEGY, request.strategy(), params);
        Pipeline pipeline = new Pipeline(request.strategy(), effective, () -> registry.strategy(request.strategy(), params),
                List.of(), request.threshold(), Sizing.STRATEGY);
        EngineSettings settings = config.engine().withCosts(request.feeBps(), request.slippageBps());
        SignalTradeRecorder recorder = new SignalTradeRecorder();
        new BacktestEngine(registry, settings).run(pipeline, List.of(columnar(request.bars())), List.of(),
                interactive() ? ConsoleProgress.forTerminal(request.strategy()) : (done, total) -> { }, RunMode.BACKTEST, recorder);
        return recorder.result();
    }

    /**
     * In this process one after another (the SPI's default), or with {@code --spark-master} as Spark tasks,
     * each trial in a JVM of its own, with the bars loaded so far shipped once; prints where and how long.
     */
    @Override
    public List<TrialOutcome> runTrials(ModelTrainer trainer, List<TrialRequest> trials, TrialProgress progress) {
        trialsRun = true;
        if (trialPlace == null) {
            return TrainingContext.super.runTrials(trainer, trials, progress);
        }
        Map<String, SweepData> shipped = new java.util.LinkedHashMap<>();
        loaded.forEach((name, bars) -> shipped.put(name, SweepData.of(List.of(bars))));
        TrialJob job = new TrialJob(trainer.name(), trialPlace.plugins(), config.defaultData(), config.modelsDir(), config.mlEngine(),
                config.seed(), trellisVersion(), shipped);
        long start = System.nanoTime();
        try (SweepRunner runner = SweepRunner.open(trialPlace.master())) {
            // Spark's listener thread counts the finished tasks; the runner repeats the total at the end
            java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
            List<TrialOutcome> outcomes = runner.runTrials(job, trials, (done, total) -> {
                if (told.getAndAccumulate((int) done, Math::max) < done) {
                    progress.finished((int) done, (int) total);
                }
            });
            long failed = outcomes.stream().filter(TrialOutcome::failed).count();
            err.printf(java.util.Locale.ROOT, "ran %d trials in %.1f s on %s, each in its own JVM%s%n", outcomes.size(),
                    (System.nanoTime() - start) / 1e9, runner.describe(), failed == 0 ? "" : "; " + failed + " failed");
            return outcomes;
        }
    }

    private static ColumnarBarSeries columnar(BarSeries bars) {
        if (bars instanceof ColumnarBarSeries c) {
            return c;
        }
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(bars.instrument(), bars.instrument().symbol());
        for (int i = 0; i < bars.size(); i++) {
            b.add(bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        }
        return b.build();
    }
}
