package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.RunMode;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.journal.Journal;
import org.trellis.runtime.journal.JournalListener;
import org.trellis.runtime.plugin.PartRegistry;

/** In a run, a feed that goes silent is closed out by the stale-book guard and its health transitions are journaled. */
class StaleFeedBacktestTest {
    static final long MIN = 60_000;
    static final long T0 = 1_385_337_600_000L;

    /** One-minute bars at a flat price, with no bars from {@code gapFrom} to {@code gapTo} (minutes). */
    static ColumnarBarSeries bars(Instrument i, int minutes, int gapFrom, int gapTo) {
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(i, "test " + i);
        for (int m = 0; m < minutes; m++) {
            if (m < gapFrom || m >= gapTo) {
                b.add(T0 + m * MIN, 100, 100, 100, 100, 1);
            }
        }
        return b.build();
    }

    @Test
    void aSilentFeedsPositionIsClosedAndItsHealthJournaled(@TempDir Path dir) {
        PartRegistry registry = PartRegistry.discover();
        registry.register(Fake.alwaysLong());
        Instrument btc = Instrument.spot("BTC/USD");
        Instrument eth = Instrument.spot("ETH/USD");
        EngineSettings settings = new EngineSettings(10_000, 0, 0, org.trellis.runtime.execution.FillTiming.NEXT_OPEN, false, 0.4, 1.0,
                true, 42);
        RunResult r;
        long session;
        try (Journal journal = Journal.open(dir.resolve("j.db"))) {
            session = journal.startSession(new Journal.SessionStart("stale", null, "backtest", "{}", 42, 0));
            JournalListener listener = new JournalListener(journal, session, false);
            r = new BacktestEngine(registry, settings).run(org.trellis.runtime.engine.Pipeline.of(registry, "always-long", Params.empty()),
                    List.of(bars(btc, 120, 999, 999), bars(eth, 120, 30, 60)),
                    List.of(registry.riskGuard("stale-book", Params.empty())), // the defaults: 30 s / 60 s late
                    (d, t) -> { }, RunMode.BACKTEST, listener);
            listener.finish(r.equity());
            ClosedTrade closed = r.trades().stream().filter(t -> t.instrument().equals(eth)).findFirst().orElseThrow();
            assertEquals("stale-book", closed.exitReason());
            // the close is ordered ~2.5 minutes into the silence; a simulated market order for a silent
            // instrument can only fill at its next price, the first bar after the gap
            assertEquals(T0 + 60 * MIN, closed.exitTime());
            long criticalAt = journal.health(session).stream().filter(h -> h.level().equals("critical")).findFirst().orElseThrow().time();
            // ETH's last bar closes at minute 30; the next is due at 31; more than 60 s late at the close of minute 33
            assertEquals(T0 + 33 * MIN, criticalAt);
            List<String> levels = journal.health(session).stream().map(h -> (h.instrument() == null ? "system" : h.instrument())
                    + " " + h.level()).toList();
            assertEquals(List.of("ETH/USD degraded", "system degraded", "ETH/USD critical", "ETH/USD recovered", "system recovered"),
                    levels);
            List<ClosedTrade> ethTrades = r.trades().stream().filter(t -> t.instrument().equals(eth)).toList();
            assertEquals(2, ethTrades.size(), "re-entered once the feed recovered");
            assertEquals("end-of-data", ethTrades.get(1).exitReason());
        }
    }
}
