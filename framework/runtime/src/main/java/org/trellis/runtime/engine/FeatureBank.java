package org.trellis.runtime.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.feature.FeatureVector;
import org.trellis.api.market.Bar;
import org.trellis.runtime.plugin.PartRegistry;

/**
 * The feature sets of one instrument, laid side by side in one vector. Identical requests (same
 * name and parameters) are computed once.
 */
final class FeatureBank implements FeatureVector {
    private final FeatureSet[] sets;
    private final int[] offsets;
    private final double[] values;
    private final FeatureSchema schema;
    private final int warmUp;
    private int seen;

    FeatureBank(List<FeatureSet> sets) {
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
        this.values = new double[names.size()];
        java.util.Arrays.fill(values, Double.NaN);
        this.warmUp = w;
    }

    static FeatureBank build(PartRegistry registry, List<FeatureRequest> requests) {
        Map<FeatureRequest, FeatureSet> unique = new LinkedHashMap<>();
        for (FeatureRequest r : requests) {
            unique.computeIfAbsent(r, k -> registry.featureSet(k.featureSet(), k.params()));
        }
        return new FeatureBank(new ArrayList<>(unique.values()));
    }

    void update(Bar bar) {
        for (int i = 0; i < sets.length; i++) {
            sets[i].update(bar);
            sets[i].write(values, offsets[i]);
        }
        seen++;
    }

    FeatureSchema schema() {
        return schema;
    }

    int warmUp() {
        return warmUp;
    }

    @Override
    public double get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean ready() {
        return seen >= warmUp;
    }
}
