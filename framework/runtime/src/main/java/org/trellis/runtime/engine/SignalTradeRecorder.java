package org.trellis.runtime.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.Order;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.market.Instrument;
import org.trellis.ml.spi.StrategyTrades;

/**
 * Pairs every closed trade of a run with the entry order that opened it: the decision's bar,
 * direction, probability and feature row. Entry orders are remembered until they fill, a filled entry
 * until its instrument's position is flat again (the engine holds one position per instrument and
 * sends exits and entries as separate orders, so the pairing is unambiguous; a position closed in
 * parts gives a trade per part, each with the same signal).
 */
public final class SignalTradeRecorder implements RunListener {
    private record Signal(long time, int direction, double probability, double[] features) {
    }

    /** A filled entry and the quantity of it still open. */
    private static final class Open {
        final Signal signal;
        double quantity;

        Open(Signal signal) {
            this.signal = signal;
        }
    }

    private final Map<Long, Signal> ordered = new HashMap<>();
    private final Set<Long> filled = new HashSet<>();
    private final Map<Instrument, Open> open = new HashMap<>();
    private final List<StrategyTrades.Trade> trades = new ArrayList<>();
    private List<String> features = List.of();

    @Override
    public void onOrder(Order order, double probability, MarketState market) {
        if (order.purpose() == OrderPurpose.ENTRY) {
            features = market.featureNames();
            ordered.put(order.id(), new Signal(order.submittedAt(), order.side() == OrderSide.BUY ? 1 : -1, probability,
                    market.featureValues().clone()));
        }
    }

    @Override
    public void onFill(Fill fill) {
        Signal signal = ordered.get(fill.order().id());
        if (signal != null) { // partial fills of one entry add up
            open.computeIfAbsent(fill.order().instrument(), i -> new Open(signal)).quantity += fill.quantity();
            filled.add(fill.order().id());
        }
    }

    @Override
    public void onTradeClosed(ClosedTrade trade) {
        Open position = open.get(trade.instrument());
        if (position == null) {
            throw new IllegalStateException("a " + trade.instrument().symbol() + " trade closed at " + trade.exitTime()
                    + " without a recorded entry order");
        }
        position.quantity -= trade.quantity();
        if (position.quantity <= 1e-9 * trade.quantity()) {
            open.remove(trade.instrument());
        }
        Signal signal = position.signal;
        trades.add(new StrategyTrades.Trade(signal.time(), signal.direction(), signal.probability(), signal.features(),
                trade.exitTime(), trade.pnl(), trade.returnOnNotional(), trade.exitReason()));
    }

    public StrategyTrades result() {
        return new StrategyTrades(features, trades, ordered.size() - filled.size());
    }
}
