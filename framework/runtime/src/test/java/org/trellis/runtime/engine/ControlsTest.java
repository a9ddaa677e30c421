package org.trellis.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.testing.TestStrategies;

/** One Controls object serves several strategies trading side by side: no request is lost to any of them. */
class ControlsTest {

    @Test
    void theKillSwitchClosesEveryStrategysPositionAndStopsTheirEntries() throws Exception {
        PartRegistry registry = PartRegistry.discover();
        registry.register(TestStrategies.named("hold", () -> (context, decision) -> decision.buy()));
        Controls shared = new Controls();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<RunResult>> runs = new java.util.ArrayList<>();
            for (String data : List.of("btc-usd-1m", "btc-usd-1m", "btc-usd-1m")) {
                PaperReplay replay = new PaperReplay(300_000, Clock.systemUTC()); // a week of minutes in ~2 s
                runs.add(pool.submit(() -> new BacktestEngine(registry, EngineSettings.defaults()).withControls(shared)
                        .run("hold", Params.empty(), List.of(BundledData.bars(data)), List.of(), (d, t) -> { }, replay,
                                RunListener.NONE)));
            }
            Thread.sleep(600);
            shared.killSwitch(true);
            for (Future<RunResult> f : runs) {
                RunResult r = f.get();
                assertEquals(1, r.trades().size(), "held from the start, closed by the switch, never reopened");
                assertEquals(Controls.KILL_SWITCH, r.trades().get(0).exitReason());
                assertTrue(r.vetoes().get(Controls.KILL_SWITCH) > 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requestsAreNumberedAndKeptSoEveryReaderSeesEachOnce() {
        Controls c = new Controls();
        c.close("BTC/USD");
        c.closeAll();
        c.killSwitch(true);
        assertEquals(3, c.latest());
        assertEquals(List.of("BTC/USD", "*", "*"), c.since(0).stream().map(Controls.Request::symbol).toList());
        assertEquals(List.of(Controls.KILL_SWITCH), c.since(2).stream().map(Controls.Request::reason).toList());
        assertEquals(List.of(), c.since(3));
    }
}
