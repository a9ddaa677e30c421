package org.trellis.ml.spi;

import java.util.List;

/**
 * The trades a {@link StrategyReplay} opened, in entry order, each with the run's feature row at the
 * bar whose decision opened it.
 *
 * @param features the run's feature names, the column order of every trade's {@code features}
 * @param trades   closed trades (a position still open at the end is closed at the last bar)
 * @param unfilled entries decided too late to fill before the data ended (not in {@code trades})
 */
public record StrategyTrades(List<String> features, List<Trade> trades, int unfilled) {
    public StrategyTrades {
        features = List.copyOf(features);
        trades = List.copyOf(trades);
    }

    /**
     * One round trip.
     *
     * @param signalTime       epoch ms at which the bar whose decision opened it closed (its time + bar length)
     * @param direction        +1 long, -1 short
     * @param probability      the deciding decision's probability (NaN when it had none)
     * @param features         the run's features at the signal bar
     * @param exitTime         epoch ms of the bar whose price closed it
     * @param pnl              net of fees and slippage
     * @param returnOnNotional pnl over the entry notional
     * @param exitReason       why it closed (e.g. {@code upper-barrier}, {@code end-of-data})
     */
    public record Trade(long signalTime, int direction, double probability, double[] features, long exitTime, double pnl,
                        double returnOnNotional, String exitReason) {
        public boolean profitable() {
            return pnl > 0;
        }
    }
}
