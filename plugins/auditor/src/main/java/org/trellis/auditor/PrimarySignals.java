package org.trellis.auditor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trellis.api.market.BarSeries;
import org.trellis.ml.spi.BarClassifier;
import org.trellis.ml.spi.StrategyReplay;
import org.trellis.ml.spi.StrategyTrades;
import org.trellis.ml.spi.TrainingContext;

/**
 * Meta-labels made from a primary model's own trades: the model's strategy part is backtested alone
 * on the bars; each trade it opened becomes a row of the run's features at the signal bar, its
 * {@value XgboostAuditor#CONFIDENCE} (the decision's probability) and {@value XgboostAuditor#DIRECTION},
 * labelled 1 when the trade made money after costs. Trades the end of the data closed are left out:
 * their outcome was cut short, not decided by the market.
 */
final class PrimarySignals {
    static final String END_OF_DATA = "end-of-data";
    static final int MIN_TRADES = 10;

    /** How the primary trades while the auditor watches. */
    record Settings(double threshold, double feeBps, double slippageBps) {
    }

    /**
     * The labels and what the primary's run looked like; {@code inSampleBars} of the replayed bars are
     * ones the primary itself learned from (its training or validation windows), -1 when it does not say.
     */
    record Result(MetaLabels labels, String strategy, Map<String, Object> params, int trades, int cutShort, int unfilled,
                  int inSampleBars) {
    }

    private PrimarySignals() {
    }

    static Result label(TrainingContext context, Path primary, BarSeries bars, Settings settings) {
        String strategy;
        Map<String, Object> params;
        int inSample;
        try (BarClassifier model = context.openClassifier(primary)) {
            strategy = model.strategy();
            params = model.strategyParams();
            inSample = inSample(bars, model.lastSeenMillis());
        }
        StrategyTrades run = context.replay(new StrategyReplay(strategy, params, bars, settings.threshold(), settings.feeBps(),
                settings.slippageBps()));
        List<String> inputs = new ArrayList<>(run.features());
        inputs.add(XgboostAuditor.CONFIDENCE);
        inputs.add(XgboostAuditor.DIRECTION);
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int cutShort = 0;
        for (StrategyTrades.Trade trade : run.trades()) {
            if (END_OF_DATA.equals(trade.exitReason())) {
                cutShort++;
                continue;
            }
            float[] row = new float[inputs.size()];
            for (int f = 0; f < trade.features().length; f++) {
                row[f] = (float) trade.features()[f];
            }
            row[row.length - 2] = (float) trade.probability();
            row[row.length - 1] = trade.direction();
            rows.add(row);
            labels.add(trade.profitable() ? 1 : 0);
        }
        String shown = strategy + " " + params + " on " + bars.size() + " bars";
        if (rows.size() < MIN_TRADES) {
            throw new IllegalArgumentException("the primary " + primary + " (" + shown + ", threshold " + settings.threshold()
                    + ") opened " + rows.size() + " complete trade(s); an auditor needs at least " + MIN_TRADES
                    + " to learn from: lower --threshold, or give more --data");
        }
        long good = labels.stream().filter(l -> l == 1).count();
        if (good == 0 || good == rows.size()) {
            throw new IllegalArgumentException("every one of the " + rows.size() + " trades of the primary " + primary + " ("
                    + shown + ") was " + (good == 0 ? "a loss" : "profitable") + ": nothing for an auditor to tell apart");
        }
        MetaLabels meta = new MetaLabels(List.copyOf(inputs), rows.toArray(new float[0][]),
                labels.stream().mapToInt(Integer::intValue).toArray());
        return new Result(meta, strategy, params, run.trades().size(), cutShort, run.unfilled(), inSample);
    }

    private static int inSample(BarSeries bars, long lastSeen) {
        if (lastSeen == Long.MIN_VALUE) {
            return -1;
        }
        int n = 0;
        while (n < bars.size() && bars.time(n) <= lastSeen) {
            n++;
        }
        return n;
    }
}
