package org.trellis.safety;

import java.util.LinkedHashMap;
import java.util.Map;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.Order;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.feature.FeatureVector;
import org.trellis.api.market.Bar;
import org.trellis.api.market.Clock;
import org.trellis.api.market.Instrument;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.portfolio.PositionView;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;
import org.trellis.api.strategy.StrategyContext;

/** A small, mutable market for guard tests: one portfolio, positions by instrument, a bar and a clock. */
final class Fake {
    static final Instrument BTC = Instrument.spot("BTC/USD");
    static final Instrument ETH = Instrument.spot("ETH/USD");

    /** A third instrument. */
    static final class Instrument2 {
        static final Instrument SOL = Instrument.spot("SOL/USD");
    }
    static final long T0 = 1_385_337_600_000L; // 2013-11-25T00:00Z
    static final long MIN = 60_000;

    static final class Position implements PositionView {
        final Instrument instrument;
        double quantity;
        double entryPrice;
        long entryTime;
        double mark;

        Position(Instrument instrument) {
            this.instrument = instrument;
        }

        @Override
        public Instrument instrument() {
            return instrument;
        }

        @Override
        public double quantity() {
            return quantity;
        }

        @Override
        public double entryPrice() {
            return entryPrice;
        }

        @Override
        public long entryTime() {
            return entryTime;
        }

        @Override
        public double unrealizedPnl() {
            return quantity == 0 ? 0 : (mark - entryPrice) * quantity;
        }

        @Override
        public double unrealizedReturn() {
            return quantity == 0 ? 0 : unrealizedPnl() / (entryPrice * Math.abs(quantity));
        }
    }

    static final class Portfolio implements PortfolioView {
        final Map<Instrument, Position> positions = new LinkedHashMap<>();
        double cash = 10_000;
        double realized;
        int pendingEntries;
        double pendingNotional;

        @Override
        public double pendingEntryNotional() {
            return pendingNotional;
        }

        @Override
        public int pendingEntries() {
            return pendingEntries;
        }

        Position position(Instrument i, double quantity, double entryPrice, long entryTime) {
            Position p = (Position) position(i);
            p.quantity = quantity;
            p.entryPrice = entryPrice;
            p.entryTime = entryTime;
            p.mark = entryPrice;
            return p;
        }

        @Override
        public double initialCapital() {
            return 10_000;
        }

        @Override
        public double cash() {
            return cash;
        }

        @Override
        public double equity() {
            double e = cash;
            for (Position p : positions.values()) {
                e += p.quantity * p.mark;
            }
            return e;
        }

        @Override
        public double peakEquity() {
            return equity();
        }

        @Override
        public PositionView position(Instrument instrument) {
            return positions.computeIfAbsent(instrument, Position::new);
        }

        @Override
        public int openPositions() {
            return (int) positions.values().stream().filter(PositionView::isOpen).count();
        }

        @Override
        public double grossExposure() {
            return positions.values().stream().mapToDouble(p -> Math.abs(p.quantity * p.mark)).sum();
        }

        @Override
        public double realizedPnl() {
            return realized;
        }

        @Override
        public double feesPaid() {
            return 0;
        }
    }

    /** One instrument's bar at {@code now} (its close is the clock's time), in {@code portfolio}. */
    static StrategyContext at(Portfolio portfolio, Instrument instrument, long now, double close) {
        Bar bar = new Bar() {
            public long time() { return now - MIN; }
            public double open() { return close; }
            public double high() { return close; }
            public double low() { return close; }
            public double close() { return close; }
            public double volume() { return 1; }
        };
        Position p = (Position) portfolio.position(instrument);
        p.mark = close;
        Clock clock = () -> now;
        return new StrategyContext() {
            public Instrument instrument() { return instrument; }
            public Bar bar() { return bar; }
            public int barIndex() { return 0; }
            public FeatureVector features() { throw new UnsupportedOperationException("guards here read no features"); }
            public PositionView position() { return p; }
            public PortfolioView portfolio() { return portfolio; }
            public Clock clock() { return clock; }
        };
    }

    static ForceClose onBar(RiskGuard guard, Portfolio portfolio, Instrument instrument, long now, double close) {
        ForceClose f = new ForceClose();
        guard.onBar(at(portfolio, instrument, now, close), f);
        return f;
    }

    static OrderIntent entry(Instrument i, long time, double quantity, double price, double probability) {
        return new OrderIntent(i, OrderSide.BUY, quantity, OrderPurpose.ENTRY, price, probability, time);
    }

    static OrderIntent exit(Instrument i, long time, OrderPurpose purpose) {
        return new OrderIntent(i, OrderSide.SELL, 1, purpose, 100, Double.NaN, time);
    }

    static Verdict review(RiskGuard guard, OrderIntent intent, Portfolio portfolio) {
        Verdict v = new Verdict();
        guard.review(intent, portfolio, v);
        return v;
    }

    /** A fill of {@code purpose}; an exit first books {@code pnl} into the portfolio's realised PnL, as the engine does. */
    static void fill(RiskGuard guard, Portfolio portfolio, Instrument i, OrderPurpose purpose, String reason, double quantity,
                     double price, long time, double pnl) {
        portfolio.realized += pnl;
        Order o = new Order(1, i, purpose == OrderPurpose.ENTRY ? OrderSide.BUY : OrderSide.SELL, quantity, purpose, reason, time);
        guard.onFill(new Fill(o, quantity, price, 0, time), portfolio);
    }

    /** A whole round trip: entry then exit of 1 unit at 100, closing with {@code pnl}. */
    static void trade(RiskGuard guard, Portfolio portfolio, Instrument i, long exitTime, double pnl, String reason) {
        fill(guard, portfolio, i, OrderPurpose.ENTRY, "signal", 1, 100, exitTime - MIN, 0);
        fill(guard, portfolio, i, OrderPurpose.EXIT, reason, 1, 100 + pnl, exitTime, pnl);
    }

    /** A strategy that wants to be long on every bar: for runs where only the guards decide what happens. */
    static org.trellis.api.plugin.StrategyFactory alwaysLong() {
        return new org.trellis.api.plugin.StrategyFactory() {
            public String name() { return "always-long"; }
            public String description() { return "test: long on every bar"; }
            public String apiVersion() { return org.trellis.api.plugin.ApiVersion.CURRENT; }
            public org.trellis.api.strategy.Strategy create(org.trellis.api.plugin.Params p) {
                return (context, decision) -> decision.buy();
            }
        };
    }

    private Fake() {
    }
}
