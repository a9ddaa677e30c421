package org.trellis.deeplearning.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.BarCursor;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.FeatureSetFactory;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.PartKind;
import org.trellis.runtime.data.ColumnarBarSeries;

class CandleFeaturesFactoryTest {

    @Test
    void registeredThroughServiceLoaderAsCandles() {
        FeatureSetFactory found = null;
        for (FeatureSetFactory f : ServiceLoader.load(FeatureSetFactory.class)) {
            if (f.name().equals("candles")) {
                found = f;
            }
        }
        assertTrue(found instanceof CandleFeaturesFactory, "ServiceLoader finds the 'candles' feature set");
        assertEquals(ApiVersion.CURRENT, found.apiVersion());
        assertEquals(PartKind.FEATURE_SET, found.kind());
        assertTrue(found.description().contains("75"));
    }

    @Test
    void declaresOnlyTheRegimeParameters() {
        List<ParamSpec> params = new CandleFeaturesFactory().params();
        assertEquals(List.of("regime-span", "regime-stay"), params.stream().map(ParamSpec::name).toList());
        assertEquals(500, params.get(0).defaultValue());
        assertEquals("int", params.get(0).type());
        assertEquals(0.95, params.get(1).defaultValue());
        assertEquals("double", params.get(1).type());
        assertTrue(params.get(0).rangeProblem(0) != null);
        assertTrue(params.get(1).rangeProblem(1.5) != null);
    }

    @Test
    void createsTheSeventyFiveFeatures() {
        FeatureSet set = new CandleFeaturesFactory().create(Params.empty());
        assertEquals(75, set.names().size());
        assertEquals(CandleFeatures.COUNT, set.names().size());
        assertEquals(75, set.names().stream().distinct().count());
        assertEquals(51, set.warmUp());
        assertEquals("return_5", set.names().get(0));
        assertEquals("regime", set.names().get(74));
        CandleFeatures custom = (CandleFeatures) new CandleFeaturesFactory()
                .create(Params.of(Map.of("regime-span", "120", "regime-stay", 0.9)));
        assertEquals(120, custom.regimeSpan());
        assertEquals(0.9, custom.regimeStay());
    }

    @Test
    void badParametersAreRejectedClearly() {
        CandleFeaturesFactory f = new CandleFeaturesFactory();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> f.create(Params.of(Map.of("regime-stay", 1.0))));
        assertTrue(e.getMessage().contains("regime-stay"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.create(Params.of(Map.of("regime-stay", 0))));
        assertTrue(e.getMessage().contains("regime-stay"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.create(Params.of(Map.of("regime-span", 0))));
        assertTrue(e.getMessage().contains("regime-span"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> f.create(Params.of(Map.of("regime-span", "many"))));
        assertTrue(e.getMessage().contains("regime-span"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CandleFeatures(500, Double.NaN));
    }

    @Test
    void updateAndWriteAllocateNothing() {
        ColumnarBarSeries s = CandleTestSupport.randomWalk(3, 20_000, 5000, 1_600_000_000_000L, 60_000L);
        CandleFeatures set = new CandleFeatures();
        double[] out = new double[CandleFeatures.COUNT];
        BarCursor cursor = new BarCursor(s);
        for (int round = 0; round < 5; round++) { // let the JIT compile the loop
            set.reset();
            for (int i = 0; i < s.size(); i++) {
                set.update(cursor.moveTo(i));
                set.write(out, 0);
            }
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        set.reset();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < s.size(); i++) {
            set.update(cursor.moveTo(i));
            set.write(out, 0);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < 1024, s.size() + " bars allocated " + allocated + " bytes");
    }
}
