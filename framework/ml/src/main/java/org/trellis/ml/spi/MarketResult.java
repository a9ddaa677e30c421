package org.trellis.ml.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link SimulatedMarket} run produced, in the terms every run report uses: a price series per
 * traded instrument, closed trades, the equity curve, fees and vetoes, plus the market's own figures.
 *
 * @param series      one price series per instrument the trades name (plotted, trades marked on it)
 * @param trades      closed trades in the order they closed
 * @param equityTimes epoch ms of each equity point, ascending
 * @param equity      equity at each point
 * @param invested    whether a position was open at each point
 * @param feesPaid    every fee paid
 * @param vetoes      orders vetoed, per reason code
 * @param figures     the market's own figures for the report, in the order shown (numbers or text;
 *                    e.g. ROI with its definition)
 * @param steps       decisions taken (one per instrument per tick)
 */
public record MarketResult(List<Series> series, List<Trade> trades, long[] equityTimes, double[] equity, boolean[] invested,
                           double feesPaid, Map<String, Integer> vetoes, Map<String, Object> figures, long steps) {
    public MarketResult {
        series = List.copyOf(series);
        trades = List.copyOf(trades);
        Objects.requireNonNull(equityTimes, "equityTimes");
        if (equity.length != equityTimes.length || invested.length != equityTimes.length) {
            throw new IllegalArgumentException("equity times, values and invested flags differ in length");
        }
        vetoes = Map.copyOf(vetoes);
        figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
    }

    /**
     * An instrument's price at each step.
     *
     * @param stepMillis time between steps
     */
    public record Series(String symbol, long stepMillis, long[] times, double[] prices) {
        public Series {
            Objects.requireNonNull(symbol, "symbol");
            if (times.length != prices.length || times.length == 0) {
                throw new IllegalArgumentException(symbol + ": a series needs as many prices as times, at least one");
            }
        }
    }

    /**
     * A closed position.
     *
     * @param isLong     true for a long position, false for a short one (a bought DOWN token is a short
     *                   UP position: same shares, same PnL)
     * @param quantity   shares
     * @param pnl        after every fee of the trade
     * @param exitReason why it closed (a signal, a guard's reason code, {@code settled})
     */
    public record Trade(String symbol, boolean isLong, long entryTime, double entryPrice, long exitTime, double exitPrice,
                        double quantity, double pnl, double fees, String entryReason, String exitReason) {
    }
}
