package org.trellis.auditor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.feature.FeatureVector;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.RiskGuardFactory;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;
import org.trellis.api.strategy.StrategyContext;
import org.trellis.ml.model.ModelException;

/** The guard alone: Python's model through it, entries judged, exits never, bind errors. */
class AuditorGuardTest {
    static final Path INTEROP = Path.of("../../data/interop");
    static final Instrument BTC = Instrument.spot("BTC/USD");
    static final Instrument ETH = Instrument.spot("ETH/USD");

    /** Python's example model with its 8 inputs named; the extra columns of the run's schema come first. */
    static Path pythonAuditor(Path dir, String... names) throws Exception {
        Path model = dir.resolve("python.json");
        Files.copy(INTEROP.resolve("auditor_example.json"), model);
        StringBuilder b = new StringBuilder("{\"inputs\": [");
        for (int i = 0; i < names.length; i++) {
            b.append(i == 0 ? "" : ", ").append('"').append(names[i]).append('"');
        }
        Files.writeString(XgboostAuditor.inputsFile(model), b.append("]}"));
        return model;
    }

    static RiskGuard guard(Path model, double approve) {
        RiskGuardFactory factory = ServiceLoader.load(RiskGuardFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals(AuditorGuard.NAME)).findFirst().orElseThrow();
        return factory.create(Params.of(Map.of("path", model.toString(), "approve", approve)));
    }

    static StrategyContext bar(Instrument instrument, double[] features) {
        FeatureVector v = new FeatureVector() {
            @Override
            public double get(int index) {
                return features[index];
            }

            @Override
            public int size() {
                return features.length;
            }

            @Override
            public boolean ready() {
                return true;
            }
        };
        return new StrategyContext() {
            @Override
            public Instrument instrument() {
                return instrument;
            }

            @Override
            public org.trellis.api.market.Bar bar() {
                return null;
            }

            @Override
            public int barIndex() {
                return 0;
            }

            @Override
            public FeatureVector features() {
                return v;
            }

            @Override
            public org.trellis.api.portfolio.PositionView position() {
                return null;
            }

            @Override
            public org.trellis.api.portfolio.PortfolioView portfolio() {
                return null;
            }

            @Override
            public org.trellis.api.market.Clock clock() {
                return null;
            }
        };
    }

    static Verdict review(RiskGuard guard, Instrument i, OrderSide side, OrderPurpose purpose, double confidence) {
        Verdict v = new Verdict();
        guard.review(new OrderIntent(i, side, 1, purpose, 100, confidence, 1_385_337_600_000L), null, v);
        return v;
    }

    @Test
    void pythonsModelThroughTheGuardGivesPythonsProbability(@TempDir Path dir) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(INTEROP.resolve("auditor_example_expected.json").toFile());
        // inputs 0-5 and 7 are run features (in another order in the run's schema), input 6 is the entry's confidence
        Path model = pythonAuditor(dir, "f0", "f1", "f2", "f3", "f4", "f5", "confidence", "f7");
        AuditorGuard guard = (AuditorGuard) guard(model, 0.5);
        guard.bind(new FeatureSchema(List.of("close", "f7", "f5", "f4", "f3", "f2", "f1", "f0")));
        int vetoed = 0;
        for (int r = 0; r < 64; r++) {
            JsonNode in = expected.get("inputs").get(r);
            double[] features = {42, in.get(7).asDouble(), in.get(5).asDouble(), in.get(4).asDouble(), in.get(3).asDouble(),
                    in.get(2).asDouble(), in.get(1).asDouble(), in.get(0).asDouble()};
            Instrument i = r % 2 == 0 ? BTC : ETH;
            guard.onBar(bar(i, features), null);
            Verdict v = review(guard, i, OrderSide.BUY, OrderPurpose.ENTRY, in.get(6).asDouble());
            double p = expected.get("p_positive").get(r).asDouble();
            assertEquals(p, guard.lastProbability(i), 1e-6, "row " + r);
            assertEquals(p > 0.5 ? Verdict.Outcome.ALLOW : Verdict.Outcome.VETO, v.outcome(), "row " + r + " p=" + p);
            if (v.outcome() == Verdict.Outcome.VETO) {
                assertEquals(AuditorGuard.REASON, v.reason());
                vetoed++;
            }
        }
        assertTrue(vetoed > 0 && vetoed < 64, vetoed + " of 64 vetoed");
        Map<String, Object> state = guard.state();
        assertEquals(64L, state.get("reviewed"));
        assertEquals((long) vetoed, state.get("rejected"));
        @SuppressWarnings("unchecked")
        Map<String, Object> last = (Map<String, Object>) ((Map<String, Object>) state.get("lastEntries")).get("ETH/USD");
        assertEquals(expected.get("p_positive").get(63).asDouble(), (Double) last.get("probability"), 1e-6);
        assertEquals("BUY", last.get("side"));
    }

    /** The per-bar path (copying the run's features into each instrument's row) allocates nothing. */
    @Test
    void barsAllocateNothing(@TempDir Path dir) throws Exception {
        AuditorGuard guard = (AuditorGuard) guard(pythonAuditor(dir, "f0", "f1", "f2", "f3", "f4", "f5", "confidence", "f7"), 0.5);
        guard.bind(new FeatureSchema(List.of("close", "f7", "f5", "f4", "f3", "f2", "f1", "f0")));
        double[] features = {42, 1, 2, 3, 4, 5, 6, 7};
        StrategyContext btc = bar(BTC, features);
        StrategyContext eth = bar(ETH, features);
        for (int i = 0; i < 100_000; i++) {
            guard.onBar(i % 2 == 0 ? btc : eth, null);
        }
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) {
            features[1] = i;
            guard.onBar(i % 2 == 0 ? btc : eth, null);
        }
        long allocated = bean.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 10_000, allocated + " bytes for 100,000 bars");
    }

    @Test
    void directionIsPlusOneForBuysAndMinusOneForSells(@TempDir Path dir) {
        // trained here: profitable exactly when the entry is a buy
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 400; i++) {
            float direction = random.nextBoolean() ? 1f : -1f;
            rows.add(new float[] {(float) random.nextGaussian(), direction});
            labels.add(direction > 0 ? 1 : 0);
        }
        Path model = dir.resolve("buys.json");
        try (XgboostAuditor trained = XgboostAuditor.train(rows.toArray(new float[0][]), labels.stream().mapToInt(Integer::intValue).toArray(),
                List.of("noise", "direction"), new XgboostAuditor.Settings(20, 2, 0.3, 1))) {
            trained.save(model);
        }
        RiskGuard guard = guard(model, 0.6);
        guard.bind(new FeatureSchema(List.of("noise")));
        guard.onBar(bar(BTC, new double[] {0.3}), null);
        assertEquals(Verdict.Outcome.ALLOW, review(guard, BTC, OrderSide.BUY, OrderPurpose.ENTRY, Double.NaN).outcome());
        assertEquals(Verdict.Outcome.VETO, review(guard, BTC, OrderSide.SELL, OrderPurpose.ENTRY, Double.NaN).outcome());
        // exits and closes always pass, whatever the model thinks of their direction
        for (OrderPurpose purpose : OrderPurpose.values()) {
            if (purpose != OrderPurpose.ENTRY) {
                assertEquals(Verdict.Outcome.ALLOW, review(guard, BTC, OrderSide.SELL, purpose, Double.NaN).outcome(), purpose.name());
            }
        }
        assertEquals(2L, guard.state().get("reviewed"), "exits are not audited");
    }

    @Test
    void aFeatureTheRunDoesNotComputeFailsAtBindNamingItAndTheOnesThatExist(@TempDir Path dir) throws Exception {
        Path model = pythonAuditor(dir, "rsi14", "f1", "f2", "f3", "f4", "f5", "confidence", "direction");
        RiskGuard guard = guard(model, 0.6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> guard.bind(new FeatureSchema(List.of("sma10", "f1", "f2", "f3", "f4", "f5"))));
        assertTrue(e.getMessage().contains("'rsi14'") && e.getMessage().contains("[sma10, f1, f2, f3, f4, f5]")
                && e.getMessage().contains("features keyword"), e.getMessage());
    }

    @Test
    void missingAndBadInputFilesAndParametersSaySo(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("python.json");
        Files.copy(INTEROP.resolve("auditor_example.json"), model);
        ModelException none = assertThrows(ModelException.class, () -> guard(model, 0.6));
        assertTrue(none.getMessage().contains("python.inputs.json"), none.getMessage());
        Files.writeString(XgboostAuditor.inputsFile(model), "{\"inputs\": [\"a\", \"b\"]}");
        ModelException count = assertThrows(ModelException.class, () -> guard(model, 0.6));
        assertTrue(count.getMessage().contains("takes 8 inputs but 2 names"), count.getMessage());
        Files.writeString(XgboostAuditor.inputsFile(model), "{\"inputs\": [\"a\",\n \"b\"");
        ModelException cut = assertThrows(ModelException.class, () -> guard(model, 0.6));
        assertTrue(cut.getMessage().contains("python.inputs.json") && cut.getMessage().contains("line 2"), cut.getMessage());
        Files.writeString(XgboostAuditor.inputsFile(model), "{\"inputs\": [\"a\", \"a\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\"]}");
        ModelException twice = assertThrows(ModelException.class, () -> guard(model, 0.6));
        assertTrue(twice.getMessage().contains("'a' appears twice"), twice.getMessage());
        ModelException missing = assertThrows(ModelException.class, () -> guard(dir.resolve("nothing.json"), 0.6));
        assertTrue(missing.getMessage().contains("nothing.json") && missing.getMessage().contains("train auditor"), missing.getMessage());
        RiskGuardFactory factory = ServiceLoader.load(RiskGuardFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals(AuditorGuard.NAME)).findFirst().orElseThrow();
        IllegalArgumentException noPath = assertThrows(IllegalArgumentException.class, () -> factory.create(Params.of(Map.of())));
        assertTrue(noPath.getMessage().contains("needs path"), noPath.getMessage());
        assertInstanceOf(AuditorGuard.Factory.class, factory);
    }
}
