package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.ModelPaths;
import org.trellis.runtime.dsl.ScriptContents;
import org.trellis.runtime.dsl.ScriptException;
import org.trellis.runtime.dsl.ScriptHost;
import org.trellis.runtime.dsl.TrainUse;
import org.trellis.runtime.dsl.ScriptPlan;
import org.trellis.runtime.dsl.StrategySpec;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.Controls;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.engine.RunMode;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * The strategies of scripts, planned and run: each strategy block with its own data, settings,
 * guards and portfolio, so that one strategy's losses never block another's trades.
 */
final class ScriptRuns {
    /** A strategy block ready to run, with its data loaded and the command line's flags applied. */
    record Ready(Path script, ScriptPlan plan, EngineSettings settings, List<ColumnarBarSeries> data) {
    }

    /** Exit code of a check that could not check a script because its models are not trained yet. */
    static final int NOT_CHECKED = 4;

    private final RunOptions options;
    private final TrellisConfig config;
    private final PartRegistry registry;
    private final boolean unsafe;
    private final Controls controls;

    ScriptRuns(RunOptions options, boolean unsafe) {
        this(options, unsafe, null);
    }

    /** {@code controls}: what the status page's control endpoints act on (null: none). */
    ScriptRuns(RunOptions options, boolean unsafe, Controls controls) {
        this.options = options;
        this.config = options.configOptions.config();
        this.registry = options.configOptions.parts(config);
        this.unsafe = unsafe;
        this.controls = controls;
    }

    TrellisConfig config() {
        return config;
    }

    PartRegistry registry() {
        return registry;
    }

    /**
     * Compiles and runs the script's setup, trains the models its train statements name that do not
     * exist yet (progress on err), resolves every part, loads the data: everything but trading.
     */
    List<Ready> prepare(Path script, PrintWriter err) {
        return prepare(script, err, List.of());
    }

    /** The same, with {@code data} (when not empty) instead of the data each strategy names. */
    List<Ready> prepare(Path script, PrintWriter err, List<String> data) {
        ScriptContents contents = new ScriptHost(registry, unsafe).read(script);
        for (TrainUse t : contents.trainings()) {
            trainIfMissing(script, t, err);
        }
        List<Ready> ready = new ArrayList<>();
        for (StrategySpec spec : contents.strategies()) {
            ScriptPlan plan = ScriptPlan.of(spec, registry, config.engine(), config.defaultData());
            EngineSettings settings = options.applyFlags(plan.settings());
            if (plan.market() != null && (options.from != null || options.to != null || !data.isEmpty())) {
                throw new ScriptException(plan.market().where() + ": strategy '" + plan.name() + "' trades the simulated market '"
                        + plan.market().market().name() + "', which brings its own data: --data/--from/--to do not apply (the "
                        + "market's parameters say what it simulates, e.g. from: and windows:)");
            }
            // a market block brings its own data (plan.data() is empty)
            ready.add(new Ready(script, plan, settings, options.load(data.isEmpty() ? plan.data() : data, config, settings.seed(), err)));
        }
        return ready;
    }

    /** The script's train statements whose model does not exist yet (what its first run will train). */
    List<TrainUse> untrained(Path script) {
        return new ScriptHost(registry, unsafe).read(script).trainings().stream()
                .filter(t -> !exists(ModelPaths.resolve(t.out()))).toList();
    }

    /**
     * What {@code check} can do for a script whose models are not trained yet: every part name and
     * parameter, and its data; returns the number of strategies.
     */
    int validate(Path script, PrintWriter err) {
        List<StrategySpec> specs = new ScriptHost(registry, unsafe).read(script).strategies();
        for (StrategySpec spec : specs) {
            List<String> data = ScriptPlan.validate(spec, registry, config.defaultData());
            options.load(data, config, config.seed(), err);
        }
        return specs.size();
    }

    /**
     * For the checks, which never train: when the script still has models to train, says so on out after
     * {@code headline} and returns true (its parts open those models, so it cannot be checked yet).
     */
    boolean untrainedSaid(Path script, String headline, PrintWriter out) {
        List<TrainUse> untrained = untrained(script);
        if (untrained.isEmpty()) {
            return false;
        }
        out.printf(java.util.Locale.ROOT, "%s %s: its first run trains %d model(s) first:%n", headline, script, untrained.size());
        for (TrainUse t : untrained) {
            out.printf(java.util.Locale.ROOT, "    %-16s -> %s (%s)%n", t.family(), t.out(), t.where());
        }
        return true;
    }

    private void trainIfMissing(Path script, TrainUse t, PrintWriter err) {
        Path out = ModelPaths.resolve(t.out());
        if (exists(out)) {
            // the statement's options may have changed since: say which model is used, and how to retrain it
            err.printf(java.util.Locale.ROOT, "%s: using the %s model at %s (delete it to train it again)%n", t.where(), t.family(), out);
            return;
        }
        List<String> args = t.arguments(out.toString());
        err.printf(java.util.Locale.ROOT, "%s: no model at %s yet: training it (trellis train %s %s)%n", t.where(), out, t.family(),
                String.join(" ", args));
        err.flush();
        int code;
        try {
            // the training journals where the run does (nowhere with --no-journal)
            code = new Trainers(registry, config, err, err, options.journalOptions.file(config)).train(t.family(), args);
        } catch (IllegalArgumentException e) {
            throw new ScriptException(t.where() + ": " + e.getMessage(), e);
        }
        if (code != 0) {
            throw new ScriptException(t.where() + ": training '" + t.family() + "' failed (exit code " + code
                    + ", its message is above); nothing was saved at " + out);
        }
        if (!exists(out)) {
            throw new ScriptException(t.where() + ": trellis train " + t.family() + " finished but saved nothing at " + out
                    + "; does the trainer take --out?");
        }
    }

    /** A model folder with its metadata, or a model file. */
    private static boolean exists(Path out) {
        return java.nio.file.Files.isDirectory(out) ? ModelDirectory.isModel(out) : java.nio.file.Files.isRegularFile(out);
    }

    /** Backtests, one strategy after another (they share nothing, so order does not matter). */
    List<RunResult> backtest(List<Ready> strategies, boolean progress) {
        return backtest(strategies, progress, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** {@code out}, {@code err}: the command's, where a simulated market's plugin may speak (data loading notes). */
    List<RunResult> backtest(List<Ready> strategies, boolean progress, PrintWriter out, PrintWriter err) {
        List<RunResult> results = new ArrayList<>();
        for (Ready r : strategies) {
            if (r.plan().market() != null) {
                results.add(options.journalOptions.run(config, about(r), RunMode.BACKTEST, RunListener.NONE,
                        (mode, listener) -> MarketRuns.run(r, registry, config, options.journalOptions.file(config), listener,
                                progress, out, err)));
                continue;
            }
            results.add(options.journalOptions.run(config, about(r), RunMode.BACKTEST, RunListener.NONE,
                    (mode, listener) -> engine(r).run(r.plan().pipeline(), r.data(), r.plan().guards(),
                            progress ? ConsoleProgress.forTerminal(r.plan().name()) : (done, total) -> { }, mode, listener)));
        }
        return results;
    }

    /** Paper trading: every strategy at once, each on its own replay of its data, until the data ends or Ctrl-C. */
    /**
     * Paper trading inside {@code session} (the caller runs this within {@link PaperSession#run}, with
     * whatever must still happen before a Ctrl-C exit, such as writing the reports).
     */
    List<RunResult> paper(List<Ready> strategies, PaperSession session, PrintWriter out) throws Exception {
        for (Ready r : strategies) {
            if (r.plan().market() != null) {
                throw new ScriptException(r.plan().market().where() + ": strategy '" + r.plan().name() + "' trades the simulated market '"
                        + r.plan().market().market().name() + "', which runs in backtest mode only (the simulator is its paper venue): "
                        + "drop --mode paper");
            }
        }
        List<RunMode> replays = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            replays.add(session.replay());
        }
        ExecutorService pool = Executors.newFixedThreadPool(strategies.size(), r -> {
            Thread t = new Thread(r, "trellis-paper");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult>> running = new ArrayList<>();
            for (int i = 0; i < strategies.size(); i++) {
                Ready r = strategies.get(i);
                RunMode replay = replays.get(i);
                String label = strategies.size() > 1 ? r.plan().name() : null;
                running.add(pool.submit(() -> options.journalOptions.run(config, about(r), replay, new LiveLog(out, label),
                        (mode, listener) -> engine(r).run(r.plan().pipeline(), r.data(), r.plan().guards(),
                                (done, total) -> { }, mode, listener))));
            }
            List<RunResult> results = new ArrayList<>();
            for (Future<RunResult> f : running) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
            // the command closes the shared journal next: let every strategy end its session first
            pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static JournalOptions.About about(Ready r) {
        return RunOptions.about(r.plan().name(), r.script().toString(), r.plan().params().asMap(), r.settings(),
                r.data(), r.plan().guardNames());
    }

    private BacktestEngine engine(Ready r) {
        BacktestEngine engine = new BacktestEngine(registry, r.settings());
        return controls == null ? engine : engine.withControls(controls);
    }
}
