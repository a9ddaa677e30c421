package org.trellis.regime.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.RiskGuardFactory;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.Verdict;
import org.trellis.ml.model.ModelNotFoundException;
import org.trellis.ml.spi.ModelFormat;
import org.trellis.ml.spi.ModelTrainer;
import org.trellis.regime.hmm.SyntheticRegimes;
import org.trellis.regime.model.RegimeModelTest;

class HmmRegimeGuardTest {
    static final Instrument CALM = Instrument.spot("CALM/USD");
    static final Instrument WILD = Instrument.spot("WILD/USD");

    @Test
    void theFactoriesAreFoundByServiceLoader() {
        assertTrue(ServiceLoader.load(RiskGuardFactory.class).stream().anyMatch(p -> p.get().name().equals("hmm")));
        assertTrue(ServiceLoader.load(ModelTrainer.class).stream().anyMatch(p -> p.get().name().equals("regime")));
        assertTrue(ServiceLoader.load(ModelFormat.class).stream().anyMatch(p -> p.get().name().equals("regime")));
    }

    static OrderIntent intent(Instrument i, OrderPurpose purpose) {
        return new OrderIntent(i, purpose == OrderPurpose.ENTRY ? OrderSide.BUY : OrderSide.SELL, 1, purpose, 100, Double.NaN, 0);
    }

    static Verdict review(HmmRegimeGuard guard, Instrument i, OrderPurpose purpose) {
        Verdict v = new Verdict();
        guard.review(intent(i, purpose), null, v);
        return v;
    }

    @Test
    void entriesInTheBlockedRegimeAreVetoedPerInstrumentAndClosesNever(@TempDir Path dir) {
        RegimeModelTest.save(dir, RegimeModelTest.fitted());
        HmmRegimeGuard guard = (HmmRegimeGuard) new HmmRegimeGuard.Factory().create(Params.of(Map.of("path", dir.toString())));
        // before 25 bars the regime is unknown: entries pass
        assertEquals(Verdict.Outcome.ALLOW, review(guard, CALM, OrderPurpose.ENTRY).outcome());
        java.util.Random r = new java.util.Random(4);
        double calm = 100;
        double wild = 100;
        for (int t = 0; t < 300; t++) {
            calm *= Math.exp(0.0005 * r.nextGaussian());
            wild *= Math.exp(0.004 * r.nextGaussian());
            guard.observe(CALM, calm);
            guard.observe(WILD, wild);
            if (t == 23) {
                assertEquals(-1, guard.regime(CALM));
                assertEquals("warming up", ((Map<?, ?>) ((Map<?, ?>) guard.state().get("instruments")).get("CALM/USD")).get("regime"));
            }
        }
        assertEquals(0, guard.regime(CALM));
        assertTrue(guard.regime(WILD) > 0, "the wild series is not in the calmest regime");
        assertTrue(guard.blockedProbability(CALM) >= 0.5);
        Verdict entry = review(guard, CALM, OrderPurpose.ENTRY);
        assertEquals(Verdict.Outcome.VETO, entry.outcome());
        assertEquals(HmmRegimeGuard.REASON, entry.reason());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, CALM, OrderPurpose.EXIT).outcome());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, CALM, OrderPurpose.FORCED_EXIT).outcome());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, WILD, OrderPurpose.ENTRY).outcome());

        Map<String, Object> state = guard.state();
        assertEquals(List.of(0), state.get("blocked"));
        Map<?, ?> calmState = (Map<?, ?>) ((Map<?, ?>) state.get("instruments")).get("CALM/USD");
        assertEquals(0, calmState.get("regime"));
        assertEquals(true, calmState.get("entriesBlocked"));
        assertEquals(3, ((List<?>) calmState.get("probabilities")).size());

        guard.reset();
        assertEquals(-1, guard.regime(CALM));
    }

    @Test
    void parametersAreChecked(@TempDir Path dir) {
        RegimeModelTest.save(dir, RegimeModelTest.fitted());
        HmmRegimeGuard.Factory f = new HmmRegimeGuard.Factory();
        IllegalArgumentException noPath = assertThrows(IllegalArgumentException.class, () -> f.create(Params.empty()));
        assertTrue(noPath.getMessage().contains("needs path"), noPath.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> f.create(Params.of(Map.of("path", dir.toString(), "block", "0,3"))));
        assertTrue(range.getMessage().contains("states 0..2"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.create(Params.of(Map.of("path", dir.toString(), "block", "calm"))));
        ModelNotFoundException missing = assertThrows(ModelNotFoundException.class,
                () -> f.create(Params.of(Map.of("path", dir.resolve("nothing").toString()))));
        assertTrue(missing.getMessage().contains("train it with ./trellis train regime"), missing.getMessage());
        // two blocked states add up
        HmmRegimeGuard both = (HmmRegimeGuard) f.create(Params.of(Map.of("path", dir.toString(), "block", "1, 2",
                "min-probability", 0.9)));
        double[] closes = SyntheticRegimes.generate(500, 2).closes();
        for (double c : closes) {
            both.observe(CALM, c);
        }
        assertTrue(both.blockedProbability(CALM) >= 0 && both.blockedProbability(CALM) <= 1);
    }
}
