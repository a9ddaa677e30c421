package org.trellis.runtime.execution;

import java.util.ArrayList;
import java.util.List;
import org.trellis.api.execution.Executor;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.FillListener;
import org.trellis.api.execution.Order;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.market.Bar;
import org.trellis.api.market.Instrument;

/**
 * Fills market orders against bars with a proportional fee and slippage, both in basis points of the
 * traded notional: buys pay {@code price * (1 + slippage)}, sells get {@code price * (1 - slippage)},
 * and binary contracts stay within [0, 1].
 */
public final class SimulatedExecutor implements Executor {
    private final double feeRate;
    private final double slippageRate;
    private final FillTiming timing;
    private final List<Order> pending = new ArrayList<>();

    public SimulatedExecutor(double feeBps, double slippageBps, FillTiming timing) {
        if (!(feeBps >= 0) || !(slippageBps >= 0)) {
            throw new IllegalArgumentException("fee and slippage must be >= 0 bps, got fee=" + feeBps + " slippage=" + slippageBps);
        }
        this.feeRate = feeBps / 10_000.0;
        this.slippageRate = slippageBps / 10_000.0;
        this.timing = timing;
    }

    @Override
    public void submit(Order order, Bar signalBar, FillListener fills) {
        if (timing == FillTiming.SIGNAL_CLOSE) {
            fills.onFill(fill(order, signalBar.close(), signalBar.time()));
        } else {
            pending.add(order);
        }
    }

    @Override
    public void onBar(Instrument instrument, Bar bar, FillListener fills) {
        if (!pending.isEmpty()) {
            fillDue(instrument, bar, fills);
        }
    }

    /** Kept out of {@link #onBar}, which runs every bar, so that the JIT can inline the cheap check. */
    private void fillDue(Instrument instrument, Bar bar, FillListener fills) {
        for (int i = 0; i < pending.size(); i++) {
            Order order = pending.get(i);
            if (order.instrument().equals(instrument)) {
                pending.remove(i--);
                fills.onFill(fill(order, bar.open(), bar.time()));
            }
        }
    }

    /** At the end of the data, fill at the last close whatever the timing. */
    @Override
    public void flatten(Order order, Bar lastBar, FillListener fills) {
        fills.onFill(fill(order, lastBar.close(), lastBar.time()));
    }

    private Fill fill(Order order, double price, long time) {
        double slipped = order.side() == OrderSide.BUY ? price * (1 + slippageRate) : price * (1 - slippageRate);
        if (order.instrument().isBinary()) {
            slipped = Math.min(1.0, Math.max(0.0, slipped));
        }
        double fee = order.quantity() * slipped * feeRate;
        return new Fill(order, order.quantity(), slipped, fee, time);
    }

    @Override
    public boolean hasPending(Instrument instrument) {
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).instrument().equals(instrument)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int cancelAll() {
        int n = pending.size();
        pending.clear();
        return n;
    }
}
