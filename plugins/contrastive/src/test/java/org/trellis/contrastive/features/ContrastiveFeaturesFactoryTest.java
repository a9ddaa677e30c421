package org.trellis.contrastive.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.trellis.contrastive.ContrastiveTestSupport;
import org.trellis.runtime.data.ColumnarBarSeries;

class ContrastiveFeaturesFactoryTest {

    @Test
    void registeredThroughServiceLoaderAsContrastive() {
        FeatureSetFactory found = null;
        for (FeatureSetFactory f : ServiceLoader.load(FeatureSetFactory.class)) {
            if (f.name().equals("contrastive")) {
                found = f;
            }
        }
        assertTrue(found instanceof ContrastiveFeaturesFactory, "ServiceLoader finds the 'contrastive' feature set");
        assertEquals(ApiVersion.CURRENT, found.apiVersion());
        assertEquals(PartKind.FEATURE_SET, found.kind());
    }

    @Test
    void namesWarmUpAndParameters() {
        FeatureSet set = new ContrastiveFeaturesFactory().create(Params.empty());
        List<String> names = set.names();
        assertEquals(14, names.size());
        assertEquals(14, names.stream().distinct().count());
        assertEquals("log_return_1_z100", names.get(0));
        assertEquals("day_of_week_cos_z100", names.get(13));
        for (String n : names) {
            assertTrue(n.matches("[a-z0-9]+(_[a-z0-9]+)*"), "snake_case: " + n);
        }
        int width = FractionalDifferencing.weights(0.4).length;
        assertEquals(width + 99, set.warmUp());
        ContrastiveFeatures raw = (ContrastiveFeatures) new ContrastiveFeaturesFactory()
                .create(Params.of(Map.of("normalize", "false")));
        assertFalse(raw.normalize());
        assertEquals(ContrastiveFeatures.RAW_NAMES, raw.names());
        assertEquals(width, raw.warmUp());
        ContrastiveFeatures z50 = (ContrastiveFeatures) new ContrastiveFeaturesFactory()
                .create(Params.of(Map.of("zscore-window", 50)));
        assertEquals("rsi_14_z50", z50.names().get(1));
        assertEquals(width + 49, z50.warmUp());
        ContrastiveFeatures rawTime = (ContrastiveFeatures) new ContrastiveFeaturesFactory()
                .create(Params.of(Map.of("normalize-time", false)));
        assertEquals("ffd_close_d04_z100", rawTime.names().get(9));
        assertEquals("hour_sin", rawTime.names().get(10));
        assertEquals("day_of_week_cos", rawTime.names().get(13));
        assertEquals(List.of("normalize", "zscore-window", "normalize-time"),
                new ContrastiveFeaturesFactory().params().stream().map(ParamSpec::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ContrastiveFeaturesFactory().create(Params.of(Map.of("zscore-window", 1))));
        assertTrue(e.getMessage().contains("zscore-window"), e.getMessage());
    }

    @Test
    void updateAndWriteAllocateNothing() {
        ColumnarBarSeries s = ContrastiveTestSupport.randomWalk(3, 20_000, 5000, 1_600_000_000_000L, 60_000L);
        ContrastiveFeatures set = new ContrastiveFeatures();
        double[] out = new double[ContrastiveFeatures.COUNT];
        BarCursor cursor = new BarCursor(s);
        for (int round = 0; round < 3; round++) { // let the JIT compile the loop
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
        for (double v : out) {
            assertTrue(Double.isFinite(v), "all features defined after the warm-up");
        }
    }
}
