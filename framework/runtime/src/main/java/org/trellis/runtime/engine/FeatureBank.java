package org.trellis.runtime.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.feature.FeatureVector;
import org.trellis.api.market.BarCursor;
import org.trellis.api.market.BarSeries;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * The feature sets of one instrument, laid side by side in one vector per bar. Identical requests
 * (same name and parameters) are computed once.
 *
 * <p>Features depend on bars only, never on orders or positions, so where the bars ahead are already
 * known (a backtest) they are computed a block of bars at a time: each feature set runs over the
 * whole block in one tight loop ({@link FeatureSet#updateAll}), which is several times faster than
 * interleaving it with the rest of the engine's per-bar work. Every set still sees every bar once,
 * in order, so the values are those of bar-by-bar computation; and the vector shows the row of the
 * current bar only. Where bars arrive one at a time (paper, live) the block is one bar.
 */
final class FeatureBank implements FeatureVector {
    /** Doubles a block may hold: 64 KiB, small enough to stay in the CPU's L2 cache. */
    private static final int BLOCK_DOUBLES = 8192;
    private final FeatureSet[] sets;
    private final int[] offsets;
    private final int width;
    private final FeatureSchema schema;
    private final int warmUp;
    private final BarCursor cursor;
    private final int maxBlockBars;
    private final double[] block;
    private int blockStart;
    private int blockEnd;
    private int row;
    private int current = -1;

    FeatureBank(List<FeatureSet> sets, BarSeries series, int maxBlockBars) {
        this.sets = sets.toArray(new FeatureSet[0]);
        this.offsets = new int[this.sets.length];
        List<String> names = new ArrayList<>();
        int w = 0;
        for (int i = 0; i < this.sets.length; i++) {
            offsets[i] = names.size();
            names.addAll(this.sets[i].names());
            w = Math.max(w, this.sets[i].warmUp());
        }
        this.schema = new FeatureSchema(names);
        this.width = names.size();
        this.warmUp = w;
        this.cursor = new BarCursor(series);
        this.maxBlockBars = Math.max(1, Math.min(maxBlockBars, BLOCK_DOUBLES / Math.max(1, width)));
        this.block = new double[this.maxBlockBars * width];
    }

    static FeatureBank build(PartRegistry registry, List<FeatureRequest> requests, BarSeries series, int maxBlockBars) {
        Map<FeatureRequest, FeatureSet> unique = new LinkedHashMap<>();
        for (FeatureRequest r : requests) {
            unique.computeIfAbsent(r, k -> registry.featureSet(k.featureSet(), k.params()));
        }
        return new FeatureBank(new ArrayList<>(unique.values()), series, maxBlockBars);
    }

    /**
     * Shows the features of bar {@code index}, the bar after the previous one shown. When it is not
     * computed yet, computes it and the bars after it, up to {@code available} (exclusive) and the
     * block size.
     */
    void moveTo(int index, int available) {
        if (index >= blockEnd) {
            compute(index, Math.min(available, index + maxBlockBars));
        }
        row = (index - blockStart) * width;
        current = index;
    }

    private void compute(int from, int to) {
        blockStart = from;
        blockEnd = to;
        for (int s = 0; s < sets.length; s++) {
            sets[s].updateAll(cursor, from, to, block, offsets[s], width);
        }
    }

    /** A copy of the current bar's features (the row is reused for the next bar). */
    double[] row() {
        return current < 0 ? new double[width] : Arrays.copyOfRange(block, row, row + width);
    }

    FeatureSchema schema() {
        return schema;
    }

    int warmUp() {
        return warmUp;
    }

    @Override
    public double get(int index) {
        // without the check, an index past the row would silently read the next bar's features
        return block[row + java.util.Objects.checkIndex(index, width)];
    }

    @Override
    public int size() {
        return width;
    }

    @Override
    public boolean ready() {
        return current + 1 >= warmUp;
    }

    @Override
    public String toString() {
        return schema.names() + "=" + Arrays.toString(Arrays.copyOfRange(block, row, row + width));
    }
}
