package org.trellis.runtime.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.Order;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.market.Instrument;
import org.trellis.ml.spi.StrategyTrades;

/**
 * Pairs every closed trade of a run with the entry order that opened it: the decision's bar,
 * direction, probability and feature row. Entry orders are remembered until they fill, a filled entry
 * until its instrument's position closes (the engine holds one position per instrument and sends
 * exits and entries as separate orders, so the pairing is unambiguous).
 */
public final class SignalTradeRecorder implements RunListener {
    private record Signal(long time, int direction, double probability, double[] features) {
    }

    private final Map<Long, Signal> ordered = new HashMap<>();
    private final Map<Instrument, Signal> open = new HashMap<>();
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
        Signal signal = ordered.remove(fill.order().id());
        if (signal != null) {
            open.put(fill.order().instrument(), signal);
        }
    }

    @Override
    public void onTradeClosed(ClosedTrade trade) {
        Signal signal = open.remove(trade.instrument());
        if (signal == null) {
            throw new IllegalStateException("a " + trade.instrument().symbol() + " trade closed at " + trade.exitTime()
                    + " without a recorded entry order");
        }
        trades.add(new StrategyTrades.Trade(signal.time(), signal.direction(), signal.probability(), signal.features(),
                trade.exitTime(), trade.pnl(), trade.returnOnNotional(), trade.exitReason()));
    }

    public StrategyTrades result() {
        return new StrategyTrades(features, trades, ordered.size());
    }
}
