package org.trellis.rl.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trellis.ml.spi.TrainingJournal;
import org.trellis.rl.ppo.UpdateReport;

/**
 * The console progress plus the host's journal: each update's progress-line figures become one
 * journaled update (step = the update's number in this run), and the run's end its session's status.
 */
final class JournaledProgress implements OnlineTraining.Progress {
    private final OnlineTraining.Progress console;
    private final TrainingJournal journal;

    JournaledProgress(OnlineTraining.Progress console, TrainingJournal journal) {
        this.console = console;
        this.journal = journal;
    }

    @Override
    public void onTick(long tick) {
        console.onTick(tick);
    }

    @Override
    public void onCheckpoint(int update, Path dir) {
        console.onCheckpoint(update, dir);
    }

    @Override
    public void onUpdate(int update, UpdateReport report, TradeTally sinceLast) {
        console.onUpdate(update, report, sinceLast);
        journal.update(update, metrics(report, sinceLast));
    }

    @Override
    public void onEnd(String status) {
        try {
            console.onEnd(status);
        } finally {
            journal.end(status);
        }
    }

    /** The figures of the progress line, by name, in its order (win rate NaN without closed trades). */
    static Map<String, Double> metrics(UpdateReport r, TradeTally trades) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("policy_loss", r.policyLoss());
        m.put("value_loss", r.valueLoss());
        m.put("entropy", r.entropy());
        m.put("approx_kl", r.approxKl());
        m.put("clip_fraction", r.clipFraction());
        m.put("explained_variance", r.explainedVariance());
        m.put("kl_stop", r.stoppedByKl() ? 1.0 : 0.0);
        m.put("trades", (double) trades.trades());
        m.put("pnl", trades.pnl());
        m.put("win_rate", trades.winRate());
        return m;
    }
}
