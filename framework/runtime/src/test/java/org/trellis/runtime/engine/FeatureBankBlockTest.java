package org.trellis.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.BarCursor;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.SyntheticBars;
import org.trellis.runtime.plugin.PartRegistry;

/** Features computed a block at a time (backtests) equal those computed bar by bar (paper mode). */
class FeatureBankBlockTest {
    private static final ColumnarBarSeries BARS = new SyntheticBars(5, 60_000L, 0, 100).generate(5_000);
    private static final List<FeatureRequest> REQUESTS = List.of(
            FeatureRequest.of("sma", Map.of("period", 7)), FeatureRequest.of("sma", Map.of("period", 1030)),
            FeatureRequest.of("ema", Map.of("period", 12)), FeatureRequest.of("rsi", Map.of("period", 14)));

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 1000, 1024, 5000})
    void blocksOfAnySizeGiveTheBarByBarValues(int blockBars) {
        PartRegistry registry = PartRegistry.discover();
        FeatureBank blocks = FeatureBank.build(registry, REQUESTS, BARS, blockBars);
        // the reference: fresh sets fed with update/write one bar at a time, no bank involved
        List<FeatureSet> sets = REQUESTS.stream().map(r -> registry.featureSet(r.featureSet(), r.params())).toList();
        double[] expected = new double[blocks.size()];
        BarCursor cursor = new BarCursor(BARS);
        for (int i = 0; i < BARS.size(); i++) {
            blocks.moveTo(i, BARS.size());
            int at = 0;
            for (FeatureSet set : sets) {
                set.update(cursor.moveTo(i));
                set.write(expected, at);
                at += set.names().size();
            }
            for (int f = 0; f < expected.length; f++) {
                assertEquals(Double.doubleToLongBits(expected[f]), Double.doubleToLongBits(blocks.get(f)),
                        "bar " + i + " feature " + blocks.schema().names().get(f));
            }
        }
    }

    @Test
    void readingPastTheRowFailsInsteadOfShowingTheNextBar() {
        FeatureBank bank = FeatureBank.build(PartRegistry.discover(), REQUESTS, BARS, 1024);
        bank.moveTo(0, BARS.size());
        assertThrows(IndexOutOfBoundsException.class, () -> bank.get(bank.size()));
    }
}
