package org.trellis.rl.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trellis.api.execution.Fill;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.risk.ForceClose;
import org.trellis.api.risk.HealthEvent;
import org.trellis.api.risk.HealthReporter;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.ml.spi.MarketRequest;
import org.trellis.ml.spi.MarketResult;
import org.trellis.rl.Lacuna;
import org.trellis.rl.infer.DecisionNetwork;
import org.trellis.rl.sim.BinaryMarketSimulator;
import org.trellis.rl.sim.FillMode;
import org.trellis.rl.sim.SimulatorConfig;
import org.trellis.rl.sim.SyntheticProcess;
import org.trellis.rl.sim.Underlying;
import org.trellis.rl.state.StateTracker;

/** The agent on simulated markets in evaluation mode: accounting, guards' view and powers, determinism. */
class MarketRunTest {
    private static final int TICK = 15;
    private static final int WINDOWS = 6;
    private static final double CAPITAL = 1_000;
    private static final double FEE = 0.01;

    private static BinaryMarketSimulator sim(long seed) {
        List<Underlying> assets = List.of(Underlying.synthetic("eth", SyntheticProcess.typical(2_500)),
                Underlying.synthetic("sol", SyntheticProcess.typical(100)));
        return new BinaryMarketSimulator(SimulatorConfig.of(assets, seed, WINDOWS).withTickSeconds(TICK).withFees(FEE, FillMode.WALK_BOOK));
    }

    private static MarketResult run(List<RiskGuard> guards, long from, FeedOutages outages) {
        BinaryMarketSimulator sim = sim(11);
        return new MarketRun(sim, new DecisionNetwork(Lacuna.weights()), guards, CAPITAL, 5, from, outages, HealthReporter.NONE,
                (done, total) -> { }, Map.of()).run();
    }

    private static MarketResult run(List<RiskGuard> guards) {
        return run(guards, Long.MIN_VALUE, noOutages());
    }

    private static FeedOutages noOutages() {
        return new FeedOutages(0, 0, TICK, 11, List.of("eth", "sol"));
    }

    @Test
    void everyDollarIsAccountedForAndEveryMarketEndsSettledOrClosed() {
        MarketResult r = run(List.of());
        assertTrue(r.trades().size() > 20, "the upstream agent trades: " + r.trades().size());
        double pnl = r.trades().stream().mapToDouble(MarketResult.Trade::pnl).sum();
        double fees = r.trades().stream().mapToDouble(MarketResult.Trade::fees).sum();
        double last = r.equity()[r.equity().length - 1];
        assertEquals(CAPITAL + pnl, last, 1e-9, "after the last settlement equity is capital plus every trade's PnL");
        assertEquals(r.feesPaid(), fees, 1e-9, "every fee paid belongs to a trade");
        assertTrue(fees > 0);
        for (MarketResult.Trade t : r.trades()) {
            // a DOWN position is a short UP position: one PnL identity for both, in UP prices
            double gross = (t.exitPrice() - t.entryPrice()) * t.quantity() * (t.isLong() ? 1 : -1);
            assertEquals(gross - t.fees(), t.pnl(), 1e-9, t.toString());
            assertTrue(t.entryPrice() > 0 && t.entryPrice() < 1, t.toString());
            assertTrue(t.exitTime() > t.entryTime() || t.exitReason().equals(MarketRun.SETTLED) && t.exitTime() >= t.entryTime(),
                    t.toString());
            if (t.exitReason().equals(MarketRun.SETTLED)) {
                assertTrue(t.exitPrice() == 0 || t.exitPrice() == 1, "settles at 0 or 1: " + t);
                assertEquals(0, t.exitTime() % 900_000, "at a window end: " + t);
            }
        }
        assertTrue(r.trades().stream().anyMatch(t -> !t.isLong()), "DOWN positions too");
        assertEquals(WINDOWS * 900 / TICK * 2, r.steps(), "argmax: one decision per asset per tick");
        assertEquals(List.of("ETH-UP-15m", "SOL-UP-15m"), r.series().stream().map(MarketResult.Series::symbol).toList());
    }

    @Test
    void theFirstTickActsOnTheMostProbableActionSizedByConfidence() {
        BinaryMarketSimulator probe = sim(11);
        probe.advance();
        DecisionNetwork network = new DecisionNetwork(Lacuna.weights());
        MarketResult r = run(List.of());
        int checked = 0;
        for (int a = 0; a < probe.assets(); a++) {
            StateTracker tracker = new StateTracker();
            tracker.update(probe.asset(a));
            float[] p = new float[3];
            network.actionProbabilities(tracker.history(), 0, p);
            int best = p[1] > p[0] && p[1] >= p[2] ? 1 : p[2] > p[0] && p[2] > p[1] ? 2 : 0;
            String symbol = MarketRun.symbol(probe.asset(a).asset());
            List<MarketResult.Trade> first = r.trades().stream()
                    .filter(t -> t.symbol().equals(symbol) && t.entryTime() == probe.start() * 1000).toList();
            if (best == 0) {
                assertTrue(first.isEmpty(), symbol + " holds at the first tick");
                continue;
            }
            assertEquals(1, first.size(), symbol + " opens at the first tick");
            MarketResult.Trade t = first.get(0);
            assertEquals(best == 1, t.isLong(), "BUY opens UP (long), SELL opens DOWN (short UP)");
            double tokenPrice = t.isLong() ? t.entryPrice() : 1 - t.entryPrice();
            double dollars = 5 * (0.25 + 0.75 * Math.abs(p[best] - 0.5) * 2);
            assertEquals(dollars, t.quantity() * tokenPrice, 1e-6, "confidence sizing of the base $5");
            checked++;
        }
        assertTrue(checked > 0, "at least one asset opened at the first tick");
    }

    @Test
    void theSameSeedGivesTheSameTrades() {
        assertEquals(run(List.of()).trades(), run(List.of()).trades());
    }

    @Test
    void aVetoingGuardStopsEveryEntryAndIsCounted() {
        RiskGuard noEntries = new RiskGuard() {
            @Override
            public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
                if (intent.isEntry()) {
                    verdict.veto("no-entries");
                }
            }
        };
        MarketResult r = run(List.of(noEntries));
        assertTrue(r.trades().isEmpty());
        assertTrue(r.vetoes().get("no-entries") > 20, r.vetoes().toString());
        assertEquals(CAPITAL, r.equity()[r.equity().length - 1]);
    }

    @Test
    void aResizingGuardHalvesEveryEntry() {
        MarketResult full = run(List.of());
        RiskGuard half = new RiskGuard() {
            @Override
            public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
                if (intent.isEntry()) {
                    verdict.resize(intent.quantity() / 2, "half");
                }
            }
        };
        MarketResult halved = run(List.of(half));
        MarketResult.Trade a = full.trades().get(0);
        MarketResult.Trade b = halved.trades().get(0);
        assertEquals(a.entryTime(), b.entryTime(), "the same first decision");
        assertEquals(a.quantity() / 2, b.quantity(), a.quantity() * 0.05, "half the shares (the book's levels move the price a little)");
    }

    /** Closes any position held for {@code seconds} and records what it saw. */
    private static class AgeGuard implements RiskGuard {
        final long seconds;
        final List<String> problems = new ArrayList<>();
        final Map<String, Long> lastSeen = new HashMap<>();
        long longestGap;
        int fills;

        AgeGuard(long seconds) {
            this.seconds = seconds;
        }

        @Override
        public void onBar(StrategyContext c, ForceClose close) {
            long now = c.clock().nowMillis();
            Long before = lastSeen.put(c.instrument().symbol(), now);
            if (before != null) {
                longestGap = Math.max(longestGap, now - before);
            }
            if (!c.instrument().isBinary() || c.instrument().expiryMillis() % 900_000 != 0 || c.instrument().expiryMillis() <= now) {
                problems.add("not the current market: " + c.instrument() + " at " + now);
            }
            if (c.bar().time() + TICK * 1000L != now || !(c.bar().close() > 0 && c.bar().close() < 1)) {
                problems.add("bar " + c.bar().time() + " " + c.bar().close() + " at " + now);
            }
            if (c.features().size() != 18) {
                problems.add("features " + c.features().size());
            }
            if (c.position().isOpen() && now - c.position().entryTime() >= seconds * 1000) {
                close.close("test-age");
            }
        }

        @Override
        public void onFill(Fill fill, PortfolioView portfolio) {
            fills++;
        }
    }

    @Test
    void guardsSeeEachMarketEveryTickAndTheirClosesAreObeyed() {
        AgeGuard guard = new AgeGuard(60);
        MarketResult r = run(List.of(guard));
        assertEquals(List.of(), guard.problems);
        assertEquals(TICK * 1000L, guard.longestGap, "every asset every tick");
        List<MarketResult.Trade> aged = r.trades().stream().filter(t -> t.exitReason().equals("test-age")).toList();
        assertFalse(aged.isEmpty());
        for (MarketResult.Trade t : r.trades()) {
            assertTrue(t.exitTime() - t.entryTime() <= 60_000, "held at most 60 s: " + t);
        }
        assertEquals(2L * r.trades().size(), guard.fills, "a fill per entry and per exit, settlements included");
    }

    /** Counts the venue's failures it hears of. */
    private static final class VenueWatcher extends AgeGuard {
        int apiErrors;
        int orderFailures;

        VenueWatcher(long seconds) {
            super(seconds);
        }

        @Override
        public void onApiError(String call, String message, long time) {
            apiErrors++;
        }

        @Override
        public void onOrderFailed(org.trellis.api.execution.Order order, String reason, long time) {
            orderFailures++;
        }
    }

    private static MarketResult run(List<RiskGuard> guards, VenueFailures venue, double slippageWarning, List<HealthEvent> events) {
        return run(sim(11), guards, 5, venue, slippageWarning, events, MarketRequest.Events.NONE);
    }

    private static MarketResult run(BinaryMarketSimulator sim, List<RiskGuard> guards, double baseDollars, VenueFailures venue,
                                    double slippageWarning, List<HealthEvent> health, MarketRequest.Events events) {
        return new MarketRun(sim, new DecisionNetwork(Lacuna.weights()), guards, CAPITAL, baseDollars, Long.MIN_VALUE, noOutages(),
                venue, slippageWarning, health::add, (done, total) -> { }, events, Map.of()).run();
    }

    @Test
    void guardsSeeEachPositionInTheTokenItHolds() {
        List<String> problems = new ArrayList<>();
        List<OrderIntent> entries = new ArrayList<>();
        RiskGuard watcher = new RiskGuard() {
            @Override
            public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
                if (intent.isEntry()) {
                    entries.add(intent);
                }
            }

            @Override
            public void onBar(StrategyContext c, ForceClose close) {
                if (c.position().isOpen()) {
                    double notional = c.position().quantity() * c.position().entryPrice();
                    if (!(c.position().quantity() > 0) || !(notional > 1.2 && notional <= 5.0 + 1e-9)) {
                        problems.add("a long position in its token worth what the agent paid: " + notional);
                    }
                    if (!(c.bar().close() > 0 && c.bar().close() < 1)) {
                        problems.add("bar " + c.bar().close());
                    }
                } else if (!Double.isNaN(c.position().entryPrice()) || c.position().entryTime() != Long.MIN_VALUE) {
                    problems.add("flat: entry price NaN and time MIN_VALUE, got " + c.position().entryPrice() + " " + c.position().entryTime());
                }
            }
        };
        MarketResult r = run(List.of(watcher));
        assertEquals(List.of(), problems.subList(0, Math.min(5, problems.size())));
        assertTrue(r.trades().stream().anyMatch(t -> !t.isLong()), "DOWN positions were held");
        for (OrderIntent e : entries) {
            // a $5 order at full confidence: DOWN entries are as small as UP ones in the guards' eyes
            assertTrue(e.quantity() * e.referencePrice() <= 5.0 + 1e-9 && e.side() == org.trellis.api.execution.OrderSide.BUY, e.toString());
        }
    }

    @Test
    void ordersTooBigForTheBookFillWhatTheyCanAndTheAccountsStillAddUp() {
        MarketResult r = run(sim(11), List.of(new AgeGuard(60)), 400, VenueFailures.none(), 0.10, new ArrayList<>(),
                MarketRequest.Events.NONE);
        double unabsorbed = (double) r.figures().get("entry dollars the book could not absorb");
        assertTrue(unabsorbed > 0, "$400 orders outgrow books of ~10 x 200 shares: " + r.figures());
        double pnl = r.trades().stream().mapToDouble(MarketResult.Trade::pnl).sum();
        assertEquals(CAPITAL + pnl, r.equity()[r.equity().length - 1], 1e-6, "partial fills keep cash and PnL consistent");
        for (MarketResult.Trade t : r.trades()) {
            double gross = (t.exitPrice() - t.entryPrice()) * t.quantity() * (t.isLong() ? 1 : -1);
            assertEquals(gross - t.fees(), t.pnl(), 1e-9, t.toString());
        }
    }

    @Test
    void theKillSwitchClosesEveryPositionAndRefusesEveryEntry() {
        long[] engagedAt = {Long.MAX_VALUE};
        RiskGuard tripper = new RiskGuard() {
            org.trellis.api.risk.KillSwitch kill;

            @Override
            public void attach(org.trellis.api.risk.KillSwitch k) {
                kill = k;
            }

            @Override
            public void onBar(StrategyContext c, ForceClose close) {
                if (c.portfolio().openPositions() == 2 && !kill.engaged()) {
                    engagedAt[0] = c.clock().nowMillis();
                    kill.engage("test");
                }
            }
        };
        List<HealthEvent> health = new ArrayList<>();
        MarketResult r = run(sim(11), List.of(tripper), 5, VenueFailures.none(), 0.10, health, MarketRequest.Events.NONE);
        assertTrue(engagedAt[0] < Long.MAX_VALUE, "two positions were open at once");
        List<MarketResult.Trade> killed = r.trades().stream().filter(t -> t.exitReason().equals(MarketRun.KILL_SWITCH)).toList();
        assertEquals(2, killed.size(), "both closed by the switch: " + killed);
        assertTrue(killed.stream().allMatch(t -> t.exitTime() <= engagedAt[0] + TICK * 1000L));
        assertTrue(r.trades().stream().allMatch(t -> t.entryTime() <= engagedAt[0]), "no entry after it engaged");
        assertTrue(r.vetoes().get(MarketRun.KILL_SWITCH) > 0);
        assertTrue(health.stream().anyMatch(e -> e.level() == HealthEvent.Level.CRITICAL && e.message().equals("tripped by test")));
    }

    @Test
    void everythingIsTheSameOnTheSameSeedGuardsOutagesAndFailuresIncluded() {
        java.util.function.Supplier<MarketResult> once = () -> new MarketRun(sim(11), new DecisionNetwork(Lacuna.weights()),
                List.of(new AgeGuard(120)), CAPITAL, 5, Long.MIN_VALUE, new FeedOutages(2, 60, TICK, 11, List.of("eth", "sol")),
                new VenueFailures(0.05, 0.2, 11), 0.10, HealthReporter.NONE, (done, total) -> { }, MarketRequest.Events.NONE,
                Map.of()).run();
        MarketResult a = once.get();
        MarketResult b = once.get();
        assertEquals(a.trades(), b.trades());
        assertTrue(java.util.Arrays.equals(a.equity(), b.equity()));
        assertEquals(a.figures(), b.figures());
        assertEquals(a.vetoes(), b.vetoes());
    }

    @Test
    void closedTradesAndVetoesAreReportedAsTheyHappen() {
        List<MarketResult.Trade> told = new ArrayList<>();
        List<String> vetoed = new ArrayList<>();
        RiskGuard everyOther = new RiskGuard() {
            int n;

            @Override
            public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
                if (intent.isEntry() && n++ % 2 == 0) {
                    verdict.veto("every-other");
                }
            }
        };
        MarketResult r = run(sim(11), List.of(everyOther), 5, VenueFailures.none(), 0.10, new ArrayList<>(), new MarketRequest.Events() {
            @Override
            public void onTradeClosed(MarketResult.Trade trade) {
                told.add(trade);
            }

            @Override
            public void onVeto(OrderIntent intent, String reason) {
                vetoed.add(reason);
            }
        });
        assertEquals(r.trades(), told);
        assertEquals(r.vetoes().get("every-other"), vetoed.size());
    }

    @Test
    void failedBookRequestsAreApiErrorsAndLeaveTheAssetUndecidedThatTick() {
        VenueWatcher watcher = new VenueWatcher(Long.MAX_VALUE / 2_000);
        MarketResult r = run(List.of(watcher), new VenueFailures(0.1, 0, 5), 0.10, new ArrayList<>());
        assertTrue(watcher.apiErrors > 50, "about a tenth of " + WINDOWS * 900 / TICK * 2 + ": " + watcher.apiErrors);
        assertEquals(WINDOWS * 900 / TICK * 2 - watcher.apiErrors, r.steps());
        assertEquals(watcher.apiErrors + " failed book requests, 0 failed orders", r.figures().get("venue failures"));
    }

    @Test
    void aFailedOrIncompleteEmergencyCloseIsRetriedAfter5And10SecondsThenGivenUp() {
        VenueWatcher watcher = new VenueWatcher(60);
        List<HealthEvent> events = new ArrayList<>();
        MarketResult r = run(List.of(watcher), new VenueFailures(0, 0.5, 5), 0.10, events);
        assertTrue(watcher.orderFailures > 10, "orders failed: " + watcher.orderFailures);
        assertTrue(r.figures().get("venue failures").toString().endsWith(watcher.orderFailures + " failed orders"), r.figures().toString());
        List<HealthEvent> critical = events.stream().filter(e -> e.level() == HealthEvent.Level.CRITICAL).toList();
        assertTrue(critical.stream().anyMatch(e -> e.action().equals("emergency close (test-age) incomplete: retry in 5 s")
                && e.message().equals("the venue rejected the order (attempt 1 of 3)")), critical.toString());
        List<HealthEvent> givenUp = critical.stream().filter(e -> e.action().contains("given up")).toList();
        assertTrue(!givenUp.isEmpty(), "with half the orders failing, some close fails three times: " + critical.size() + " events");
        for (HealthEvent e : givenUp) {
            assertTrue(e.message().endsWith("(attempt 3 of 3)"), e.toString());
            // its two earlier attempts: the first, then one due 5 s later (the next 15 s tick)
            assertTrue(critical.stream().anyMatch(x -> x.instrument().equals(e.instrument()) && x.time() == e.time() - TICK * 1000L
                    && x.message().endsWith("(attempt 2 of 3)")), "retried at the tick before: " + e);
        }
        assertTrue(r.figures().get("emergency closes").toString().endsWith(givenUp.size() + " given up"), r.figures().toString());
        for (HealthEvent e : critical) {
            int attempt = Integer.parseInt(e.message().replaceAll(".*\\(attempt (\\d) of 3\\)$", "$1"));
            // every retry follows its own earlier attempt on the previous tick (none carried over from a settled market)
            assertTrue(attempt == 1 || critical.stream().anyMatch(x -> x.instrument().equals(e.instrument())
                    && x.time() == e.time() - TICK * 1000L && x.message().endsWith("(attempt " + (attempt - 1) + " of 3)")), e.toString());
        }
    }

    @Test
    void guardsAskingAgainEveryTickDoNotHurryTheRetries() {
        List<Underlying> assets = List.of(Underlying.synthetic("eth", SyntheticProcess.typical(2_500)),
                Underlying.synthetic("sol", SyntheticProcess.typical(100)));
        BinaryMarketSimulator oneSecond = new BinaryMarketSimulator(SimulatorConfig.of(assets, 11, 2).withTickSeconds(1));
        List<HealthEvent> events = new ArrayList<>();
        run(oneSecond, List.of(new AgeGuard(30)), 5, new VenueFailures(0, 0.5, 5), 0.10, events, MarketRequest.Events.NONE);
        Map<String, Long> firstAttempt = new HashMap<>();
        int retries = 0;
        for (HealthEvent e : events) {
            if (e.level() != HealthEvent.Level.CRITICAL) {
                continue;
            }
            int attempt = Integer.parseInt(e.message().replaceAll(".*\\(attempt (\\d) of 3\\)$", "$1"));
            if (attempt == 1) {
                firstAttempt.put(e.instrument(), e.time());
            } else {
                retries++;
                long since = e.time() - firstAttempt.get(e.instrument());
                assertEquals(attempt == 2 ? 5_000 : 10_000, since, "retried on the 0, 5, 10 s schedule with 1 s ticks: " + e + "\n"
                        + events.stream().filter(x -> x.instrument().equals(e.instrument()) && x.time() <= e.time()).toList());
            }
        }
        assertTrue(retries > 0, "some close was retried");
    }

    @Test
    void anEmergencyCloseStillBeingRetriedEndsWhenItsMarketSettles() {
        RiskGuard lastTick = new RiskGuard() {
            @Override
            public void onBar(StrategyContext c, ForceClose close) {
                if (c.position().isOpen() && c.instrument().expiryMillis() - c.clock().nowMillis() <= TICK * 1000L) {
                    close.close("last-tick");
                }
            }
        };
        List<HealthEvent> events = new ArrayList<>();
        MarketResult r = run(List.of(lastTick), new VenueFailures(0, 0.5, 5), 0.10, events);
        List<HealthEvent> critical = events.stream().filter(e -> e.level() == HealthEvent.Level.CRITICAL).toList();
        assertTrue(critical.stream().anyMatch(e -> e.message().endsWith("(attempt 1 of 3)")), "some last-tick close failed");
        assertTrue(critical.stream().noneMatch(e -> e.message().endsWith("(attempt 2 of 3)")),
                "its retry was due after the market settled: none ran, in that market or the next: " + critical);
        assertTrue(r.trades().stream().anyMatch(t -> t.exitReason().equals(MarketRun.SETTLED)), "those positions settled");
        for (MarketResult.Trade t : r.trades()) {
            assertTrue(!t.exitReason().equals("last-tick") || t.exitTime() % 900_000 == 900_000 - TICK * 1000L,
                    "only a market's last tick closes, never a retry carried into the next market: " + t);
        }
    }

    @Test
    void anEmergencyCloseFarBelowTheMidIsReported() {
        List<HealthEvent> events = new ArrayList<>();
        MarketResult r = run(List.of(new AgeGuard(60)), VenueFailures.none(), 0.0, events);
        List<HealthEvent> warned = events.stream().filter(e -> e.action().startsWith("emergency close (test-age) filled far below")).toList();
        assertFalse(warned.isEmpty(), "with a 0% threshold every close below the mid warns");
        assertTrue(warned.get(0).message().matches("volume-weighted 0\\.\\d{4} vs mid 0\\.\\d{4}: slippage \\d+\\.\\d% > 0\\.0%"),
                warned.get(0).message());
        assertTrue(r.figures().get("emergency closes").toString().startsWith(warned.size() + " slippage warning(s) above 0%"));
        List<HealthEvent> none = new ArrayList<>();
        run(List.of(new AgeGuard(60)), VenueFailures.none(), 1.0, none);
        assertTrue(none.stream().noneMatch(e -> e.action().contains("far below")), "a 100% threshold never warns");
    }

    @Test
    void ticksBeforeFromOnlyWarmUp() {
        long start = sim(11).start();
        long from = start + 2 * 900;
        MarketResult r = run(List.of(), from, noOutages());
        assertEquals(from * 1000, r.equityTimes()[0]);
        assertTrue(r.trades().stream().allMatch(t -> t.entryTime() >= from * 1000));
        assertEquals((WINDOWS - 2) * 900 / TICK * 2, r.steps());
    }

    @Test
    void duringAFeedOutageTheAssetIsNeitherGuardedNorDecided() {
        AgeGuard guard = new AgeGuard(Long.MAX_VALUE / 2_000);
        MarketResult r = run(List.of(guard), Long.MIN_VALUE, new FeedOutages(4, 120, TICK, 11, List.of("eth", "sol")));
        assertTrue(guard.longestGap >= 120_000 + TICK * 1000L, "an outage silences its asset for its length: " + guard.longestGap);
        assertTrue(r.steps() < WINDOWS * 900 / TICK * 2L, "no decisions while out");
        assertTrue(r.figures().get("feed outages").toString().matches("\\d+ of 120 s each"), r.figures().toString());
    }
}
