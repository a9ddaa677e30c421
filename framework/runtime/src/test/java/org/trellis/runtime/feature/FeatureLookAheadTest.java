package org.trellis.runtime.feature;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.plugin.FeatureSetFactory;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.PartFactory;
import org.trellis.api.plugin.PartKind;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.testing.LookAheadProbe;

/**
 * No look-ahead, and batch equals incremental, for every feature set the runtime registers (with
 * its default parameters, so a new built-in is covered as soon as it is registered) and for the
 * built-ins at short and long periods, on real daily and minute bars.
 */
class FeatureLookAheadTest {

    static Stream<Arguments> featureSets() {
        List<Arguments> out = new ArrayList<>();
        PartRegistry registry = PartRegistry.discover();
        for (PartFactory<?> f : registry.factories(PartKind.FEATURE_SET)) {
            FeatureSetFactory factory = (FeatureSetFactory) f;
            add(out, factory.name() + " (defaults)", () -> factory.create(Params.of(Map.of())));
        }
        for (int period : new int[] {1, 2, 10, 30}) {
            add(out, "sma " + period, () -> new SmaFeatures(period));
            add(out, "ema " + period, () -> new EmaFeatures(period));
            add(out, "rsi " + period, () -> new RsiFeatures(period));
        }
        return out.stream();
    }

    private static void add(List<Arguments> out, String label, Supplier<FeatureSet> make) {
        for (String dataset : new String[] {"aapl-1d", "btc-usd-1m"}) {
            out.add(Arguments.of(label, dataset, make));
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("featureSets")
    void valuesUpToTIgnoreLaterBars(String label, String dataset, Supplier<FeatureSet> make) {
        ColumnarBarSeries series = BundledData.bars(dataset);
        LookAheadProbe.assertFeatureSetCausal(make, series);
    }

    @Test
    void everyBuiltInIsProbed() {
        var names = PartRegistry.discover().names(PartKind.FEATURE_SET);
        assertTrue(names.containsAll(List.of("sma", "ema", "rsi")), "built-in feature sets: " + names);
    }

    /** The probe itself must catch a feature set that peeks at the next bar. */
    @Test
    void probeCatchesAPeek() {
        ColumnarBarSeries series = BundledData.bars("aapl-1d");
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> LookAheadProbe.assertNoLookAhead("peeking close", series, s -> {
                    double[][] rows = new double[s.size()][1];
                    for (int i = 0; i < s.size(); i++) {
                        rows[i][0] = s.close(Math.min(i + 1, s.size() - 1)); // tomorrow's close: look-ahead
                    }
                    return rows;
                }, LookAheadProbe.cuts(series.size(), 1)));
        assertTrue(e.getMessage().contains("looks ahead"), e.getMessage());
    }
}
