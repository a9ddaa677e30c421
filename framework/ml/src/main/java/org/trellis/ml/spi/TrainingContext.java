package org.trellis.ml.spi;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trellis.api.market.BarSeries;

/**
 * What the host gives a trainer: data loaded and checked the way every Trellis run loads it, where
 * models go, the configured engine and seed, and the console.
 */
public interface TrainingContext {
    /**
     * Bars of a bundled dataset name or a CSV path.
     *
     * @throws IllegalArgumentException (or the host's data error) naming the file, line and field of bad input
     */
    BarSeries data(String spec);

    /** The dataset used when none is named ({@code trellis.data.default}). */
    String defaultData();

    /** Where models are saved by default ({@code trellis.ml.models-dir}). */
    Path modelsDir();

    /** The configured engine ({@code trellis.ml.engine}), canonical spelling. */
    String defaultEngine();

    /** The configured seed ({@code trellis.seed}). */
    long seed();

    /** The running Trellis version, recorded in model metadata. */
    String trellisVersion();

    PrintWriter out();

    PrintWriter err();

    /** Whether stderr is a terminal (progress bars redraw in place) or a log (epoch lines only). */
    boolean interactive();

    /**
     * Backtest a strategy part alone on bars and report each trade it opened with the features at its
     * signal bar, exactly as a run of that strategy trades (same engine, fills and costs).
     *
     * @throws UnsupportedOperationException when this host cannot run strategies
     */
    default StrategyTrades replay(StrategyReplay request) {
        throw new UnsupportedOperationException("this host cannot backtest strategies");
    }

    /**
     * A saved model of any loaded format, opened to score bars (the caller closes it).
     *
     * @throws org.trellis.ml.model.ModelException when nothing is there or no loaded plugin opens it
     * @throws UnsupportedOperationException       when this host has no model formats
     */
    default BarClassifier openClassifier(Path model) {
        throw new UnsupportedOperationException("this host cannot open saved models");
    }

    /**
     * A trade tape: the bundled {@code btc-usd-trades} or a trade CSV ({@code timestamp,price,amount}).
     *
     * @throws IllegalArgumentException naming the file, line and field of bad input, or the tapes that exist
     */
    default TradeStream trades(String spec) {
        throw new UnsupportedOperationException("this host has no trade data");
    }

    /**
     * Starts a session (mode {@code train}) in the journal, where the run's updates are recorded:
     * {@code file}, or the host's configured journal ({@code trellis.journal}) when null. A trainer
     * honouring {@code --no-journal} does not call this (it uses {@link TrainingJournal#NONE}). When the
     * journal cannot be opened or written (busy, not a journal), the host says so on stderr and returns
     * a journal that records nothing: training goes on.
     *
     * @param sessionName the session's name, also the model name of its updates (e.g. the family)
     * @param seed        the run's seed
     * @param config      the run's settings, recorded as the session's JSON config
     */
    default TrainingJournal journal(String sessionName, long seed, Map<String, Object> config, Path file) {
        return TrainingJournal.NONE;
    }

    /**
     * Runs independent trials of {@code trainer}'s search ({@link ModelTrainer#trial}) and returns their
     * outcomes in request order; a failed trial comes back with its error and the others still run. The
     * default runs them one after another in this process; a host may run them in parallel elsewhere
     * (Trellis: {@code tune ... --spark-master URL} runs each as a Spark task in a JVM of its own), with the
     * same results, since a trial depends on its request alone.
     */
    default List<TrialOutcome> runTrials(ModelTrainer trainer, List<TrialRequest> trials, TrialProgress progress) {
        List<TrialOutcome> out = new ArrayList<>();
        for (TrialRequest t : trials) {
            out.add(TrialOutcome.of(t, () -> trainer.trial(this, t.args())));
            progress.finished(out.size(), trials.size());
        }
        return out;
    }
}
