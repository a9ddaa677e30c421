package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.market.Instrument;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;

/** Properties every run must keep, over random order streams. */
class GuardPropertiesTest {
    static final List<Instrument> INSTRUMENTS = List.of(Fake.BTC, Fake.ETH, Fake.Instrument2.SOL, Instrument.spot("XRP/USD"));

    /** An entry someone wants: which instrument, how much of equity, at what price. */
    record Want(int instrument, double fraction, double price) {
    }

    @Provide
    Arbitrary<List<Want>> wants() {
        return Combinators.combine(Arbitraries.integers().between(0, INSTRUMENTS.size() - 1),
                Arbitraries.doubles().between(0.001, 2.0).ofScale(4), Arbitraries.doubles().between(0.5, 5_000).ofScale(4))
                .as(Want::new).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 300)
    void noAcceptedEntryEverBreaksAnExposureCap(@ForAll("wants") List<Want> wants,
                                                @ForAll @DoubleRange(min = 0.05, max = 1.0) double perPosition,
                                                @ForAll @DoubleRange(min = 0.05, max = 2.0) double total) {
        ExposureGuard guard = new ExposureGuard(perPosition, total, 0, 0, false);
        Fake.Portfolio portfolio = new Fake.Portfolio();
        for (Want w : wants) {
            Instrument i = INSTRUMENTS.get(w.instrument());
            Fake.Position p = (Fake.Position) portfolio.position(i);
            p.mark = w.price(); // prices move between orders
            double equity = portfolio.equity();
            if (!(equity > 0)) {
                return;
            }
            double quantity = w.fraction() * equity / w.price();
            Verdict v = Fake.review(guard, Fake.entry(i, Fake.T0, quantity, w.price(), Double.NaN), portfolio);
            if (v.outcome() == Verdict.Outcome.VETO) {
                continue;
            }
            double filled = v.outcome() == Verdict.Outcome.RESIZE ? v.quantity() : quantity;
            // the fill: cash pays for the position at the order's price
            p.entryPrice = p.quantity == 0 ? w.price() : p.entryPrice;
            p.quantity += filled;
            portfolio.cash -= filled * w.price();
            double e = portfolio.equity();
            assertTrue(Math.abs(p.quantity) * w.price() <= perPosition * e * (1 + 1e-9) + 1e-9, "per-position cap");
            assertTrue(portfolio.grossExposure() <= total * e * (1 + 1e-9) + 1e-9, "total cap");
        }
    }

    @Property(tries = 200)
    void onceTheBreakerTripsNothingOpensUntilReset(@ForAll @Size(min = 2, max = 60) List<@DoubleRange(min = -0.3, max = 0.3) Double> moves,
                                                    @ForAll @DoubleRange(min = 0.02, max = 0.5) double maxDrawdown) {
        CircuitBreakerGuard guard = new CircuitBreakerGuard(maxDrawdown, 0, 0, 0);
        Fake.Portfolio portfolio = new Fake.Portfolio();
        long t = Fake.T0;
        boolean tripped = false;
        double peak = Double.NEGATIVE_INFINITY;
        for (double m : moves) {
            portfolio.cash *= 1 + m;
            t += Fake.MIN;
            Fake.onBar(guard, portfolio, Fake.BTC, t, 100);
            // the drawdown, worked out here from the equity path rather than asked of the guard
            peak = Math.max(peak, portfolio.cash);
            tripped |= portfolio.cash <= peak * (1 - maxDrawdown);
            Verdict v = Fake.review(guard, Fake.entry(Fake.BTC, t, 1, 100, 0.99), portfolio);
            assertEquals(tripped ? Verdict.Outcome.VETO : Verdict.Outcome.ALLOW, v.outcome());
        }
        guard.reset();
        assertEquals(Verdict.Outcome.ALLOW, Fake.review(guard, Fake.entry(Fake.BTC, t, 1, 100, 0.99), portfolio).outcome());
    }

    /** A guard that judges entries, tripped, and an entry it now refuses. */
    record Tripped(RiskGuard guard, Instrument refused) {
    }

    /** Every guard that judges entries, tripped as hard as it can be. */
    static List<Tripped> trippedEntryGuards(long t) {
        Fake.Portfolio p = new Fake.Portfolio();
        LossStreakGuard streak = new LossStreakGuard(1, 0);
        Fake.trade(streak, p, Fake.BTC, t, -1, "signal");
        StoplossGuard stoploss = new StoplossGuard(1, 60, 60, Set.of("stop-loss"));
        Fake.trade(stoploss, p, Fake.BTC, t, -1, "stop-loss");
        LowProfitGuard lowProfit = new LowProfitGuard(60, 1, 1.0, 60);
        Fake.trade(lowProfit, p, Fake.BTC, t, -1, "signal");
        CooldownGuard cooldown = new CooldownGuard(100);
        Fake.trade(cooldown, p, Fake.BTC, t, -1, "signal");
        CircuitBreakerGuard breaker = new CircuitBreakerGuard(0, 0, 0, 1);
        Fake.trade(breaker, p, Fake.BTC, t, -1, "signal");
        DailyLossGuard daily = new DailyLossGuard(0, 0.01);
        Fake.onBar(daily, p, Fake.BTC, t, 100);
        p.cash = 1;
        Fake.onBar(daily, p, Fake.BTC, t, 100);
        Instrument fresh = Instrument.spot("NEW/USD");
        return List.of(new Tripped(streak, fresh), new Tripped(stoploss, fresh), new Tripped(lowProfit, Fake.BTC),
                new Tripped(cooldown, Fake.BTC), new Tripped(breaker, fresh), new Tripped(daily, fresh),
                new Tripped(new ConfidenceFloorGuard(1.0), fresh), new Tripped(new ExposureGuard(1e-9, 1e-9, 0, 0, true), fresh),
                new Tripped(new MaxPositionsGuard(1), fresh), new Tripped(new PreExpiryGuard(5), Instrument.binary("NEW-UP", t + Fake.MIN)));
    }

    @Property(tries = 100)
    void closesAreNeverBlockedByEntryGuards(@ForAll @IntRange(min = 0, max = 3) int instrument, @ForAll boolean forced) {
        long t = Fake.T0 + 10 * Fake.MIN;
        Fake.Portfolio portfolio = new Fake.Portfolio();
        portfolio.position(INSTRUMENTS.get(instrument), 5, 100, Fake.T0);
        portfolio.position(Fake.ETH, 5, 100, Fake.T0);
        for (Tripped tripped : trippedEntryGuards(t)) {
            RiskGuard g = tripped.guard();
            OrderIntent close = Fake.exit(INSTRUMENTS.get(instrument), t, forced ? OrderPurpose.FORCED_EXIT : OrderPurpose.EXIT);
            assertEquals(Verdict.Outcome.ALLOW, Fake.review(g, close, portfolio).outcome(), g.getClass().getSimpleName());
            OrderIntent open = Fake.entry(tripped.refused(), t, 1, 100, 0.5);
            assertEquals(Verdict.Outcome.VETO, Fake.review(g, open, portfolio).outcome(), g.getClass().getSimpleName() + " is tripped");
        }
    }
}
