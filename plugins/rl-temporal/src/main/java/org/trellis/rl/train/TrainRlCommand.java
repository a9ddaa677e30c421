package org.trellis.rl.train;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trellis.ml.engine.Engines;
import org.trellis.ml.spi.TrainingContext;
import org.trellis.ml.spi.TrainingJournal;
import org.trellis.rl.model.AgentModel;
import org.trellis.rl.ppo.PpoSettings;
import org.trellis.rl.sim.BookConfig;
import org.trellis.rl.sim.FillMode;
import org.trellis.rl.sim.MarketWindow;
import org.trellis.rl.sim.SimulatorConfig;
import org.trellis.rl.sim.Underlying;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trellis train rl-temporal}: PPO trained online on the binary-market simulator, paper mode. */
@Command(name = "rl-temporal", mixinStandardHelpOptions = true,
        description = {"Train the PPO agent online on simulated 15-minute up/down markets (paper mode): it acts by sampling, "
                + "sizes by confidence (0.25 + 0.75 x |p - 0.5| x 2 of --base-size), and earns the realized PnL of each close and "
                + "the settlement PnL at expiry.",
                "BTC replays the bundled Bitstamp tape (btc-usd-trades) unless --synthetic-btc; ETH, SOL and XRP are seeded synthetic.",
                "Saves the model folder after every update, on exit, on Ctrl-C/SIGTERM and (emergency save) on any error."})
public final class TrainRlCommand implements Callable<Integer> {
    /** How long a signal waits for the loop's save: one update plus a tick, generously. */
    static final Duration SIGNAL_SAVE_TIMEOUT = Duration.ofSeconds(60);

    private final TrainingContext context;

    @Option(names = "--markets", split = ",", defaultValue = "btc,eth,sol,xrp",
            description = "Assets, comma-separated, of btc, eth, sol, xrp (default: ${DEFAULT-VALUE}).")
    List<String> markets;

    @Option(names = "--updates", defaultValue = "50", description = "PPO updates to run (default: ${DEFAULT-VALUE}).")
    int updates;

    @Option(names = "--engine", description = "PyTorch or MXNet (default: trellis.ml.engine).")
    String engine;

    @Option(names = "--seed", description = "Seeds the agent, its sampling and the simulator (default: trellis.seed).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Model folder (default: the --resume folder, else <models-dir>/rl-temporal).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue from this saved agent (weights and reward statistics; Adam starts afresh).")
    Path resume;

    @Option(names = "--tick-seconds", defaultValue = "5",
            description = "Simulated seconds per decision; must divide 900 (default: ${DEFAULT-VALUE}).")
    int tickSeconds;

    @Option(names = "--base-size", paramLabel = "DOLLARS", defaultValue = "5",
            description = "Order size at full confidence, dollars (default: ${DEFAULT-VALUE}, the source's $10 x 0.5).")
    double baseSize;

    @Option(names = "--fee", paramLabel = "RATE", defaultValue = "0",
            description = "Fee per fill as a fraction of its notional (default: ${DEFAULT-VALUE}); fills walk the book.")
    double fee;

    @Option(names = "--synthetic-btc", description = "BTC from a seeded synthetic process instead of the recorded tape.")
    boolean syntheticBtc;

    @Option(names = "--windows", defaultValue = "0",
            description = "Stop the simulator after this many 15-minute windows; 0: when the BTC tape ends, or never when every asset is synthetic (default: ${DEFAULT-VALUE}).")
    int windows;

    @Option(names = "--momentum", paramLabel = "KAPPA", defaultValue = "0",
            description = "Momentum planted in the synthetic assets, in [0, 1): a recent rise keeps rising, which the books' fair value ignores (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--buffer", defaultValue = "256", description = "Steps per PPO update (default: ${DEFAULT-VALUE}).")
    int buffer;

    @Option(names = "--minibatch", defaultValue = "64", description = "Steps per gradient step (default: ${DEFAULT-VALUE}).")
    int minibatch;

    @Option(names = "--epochs", defaultValue = "10", description = "Passes over the buffer per update (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--journal", paramLabel = "PATH",
            description = "Journal file each update is recorded in, as a session of mode train (default trellis.journal, i.e. var/trellis.db).")
    Path journal;

    @Option(names = "--no-journal", description = "Do not journal the updates.")
    boolean noJournal;

    public TrainRlCommand(TrainingContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String engineName = Engines.canonicalName(engine != null ? engine : context.defaultEngine());
        if (!Engines.TRAINABLE.contains(engineName)) {
            throw new IllegalArgumentException("--engine: " + engineName + " cannot train; use one of " + Engines.TRAINABLE);
        }
        if (tickSeconds < 1 || MarketWindow.SECONDS % tickSeconds != 0) {
            throw new IllegalArgumentException("--tick-seconds must divide 900 (e.g. 1, 5, 10, 30, 60), got " + tickSeconds);
        }
        if (windows < 0) {
            throw new IllegalArgumentException("--windows must be >= 0, got " + windows);
        }
        long runSeed = seed != null ? seed : context.seed();
        List<Underlying> underlyings = Markets.underlyings("--markets", markets, syntheticBtc, momentum, () -> context.trades(Markets.BTC_TAPE));
        boolean anyRecorded = underlyings.stream().anyMatch(Underlying::isRecorded);
        // all-synthetic markets never end: the updates end the run
        int maxWindows = windows > 0 || anyRecorded ? windows : Integer.MAX_VALUE / 2;
        SimulatorConfig simulator = new SimulatorConfig(underlyings, runSeed, tickSeconds, fee, FillMode.WALK_BOOK, BookConfig.DEFAULT,
                SimulatorConfig.SYNTHETIC_EPOCH, maxWindows);
        PpoSettings ppo = PpoSettings.defaults().toBuilder().bufferSize(buffer).minibatchSize(minibatch).epochs(epochs).seed(runSeed).build();
        Path folder = out != null ? out : resume != null ? resume : context.modelsDir().resolve(AgentModel.FAMILY);
        String description = "simulator " + Markets.describe(underlyings) + ", tick " + tickSeconds + " s, fee " + fee
                + (momentum > 0 ? ", momentum " + momentum : "") + ", engine " + engineName + ", seed " + runSeed;
        OnlineTraining.Request request = new OnlineTraining.Request(simulator, engineName, ppo, baseSize, updates, folder, resume,
                description, context.trellisVersion());
        if (engineName.equals(Engines.PYTORCH)) {
            TorchThreads.preferOne();
        }

        PrintWriter err = context.err();
        err.printf(Locale.ROOT, "Training rl-temporal%s on %s; %d updates of %d steps (minibatch %d, %d epochs), base size $%.2f%s -> %s%n",
                resume != null ? " from " + resume : "", description, updates, buffer, minibatch, epochs, baseSize,
                engineName.equals(Engines.PYTORCH) ? ", " + TorchThreads.describe() : "", folder);
        err.flush();
        TrainingJournal journaled = noJournal ? TrainingJournal.NONE
                : context.journal(AgentModel.FAMILY, runSeed, settings(engineName, runSeed, folder), journal);
        StopRequest stop = new StopRequest();
        OnlineTraining.Outcome outcome;
        try (SignalSave ignored = SignalSave.install(stop, SIGNAL_SAVE_TIMEOUT, folder, err)) {
            outcome = OnlineTraining.run(request,
                    new JournaledProgress(new ProgressLines(err, context.interactive(), updates, buffer), journaled), stop);
        }
        TradeTally total = outcome.total();
        String why = switch (outcome.ending()) {
            case UPDATES_DONE -> "";
            case DATA_ENDED -> " (the recorded data ended before update " + (outcome.updates() + 1) + ")";
            case STOPPED -> " (stopped by a signal)";
        };
        PrintWriter o = context.out();
        o.printf(Locale.ROOT, "Saved %s after %d of %d updates%s: %d trades, PnL %+.2f, win rate %s, %d markets settled%n", outcome.saved(),
                outcome.updates(), updates, why, total.trades(), total.pnl(),
                Double.isNaN(total.winRate()) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * total.winRate()), total.episodes());
        o.flush();
        return 0;
    }

    /** The run's settings, as its journal session's config. */
    private Map<String, Object> settings(String engineName, long runSeed, Path folder) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("markets", markets);
        m.put("updates", updates);
        m.put("engine", engineName);
        m.put("seed", runSeed);
        m.put("out", folder.toString());
        m.put("resume", resume == null ? null : resume.toString());
        m.put("tick_seconds", tickSeconds);
        m.put("base_size", baseSize);
        m.put("fee", fee);
        m.put("synthetic_btc", syntheticBtc);
        m.put("windows", windows);
        m.put("momentum", momentum);
        m.put("buffer", buffer);
        m.put("minibatch", minibatch);
        m.put("epochs", epochs);
        return m;
    }
}
