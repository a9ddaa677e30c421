package org.trellis.contrastive.features;

import java.util.List;
import org.trellis.api.feature.FeatureSet;
import org.trellis.api.market.Bar;
import org.trellis.contrastive.data.WilderAtr;

/**
 * One column, {@code wilder_atr_<period>}: the raw Wilder ATR the triple-barrier labels are built
 * on, computed from the first bar of the run. The contrastive strategy reads it to place its exit
 * barriers; it cannot keep the ATR itself, because a strategy is only asked from the end of the
 * warm-up on, and an ATR started there differs from the labels' (Wilder's average never forgets
 * its start). The name is not {@code atr_14}, so that it never clashes with the raw contrastive
 * feature set's column in one run.
 */
public final class WilderAtrFeatures implements FeatureSet {
    private final WilderAtr atr;
    private final List<String> names;

    public WilderAtrFeatures(int period) {
        this.atr = new WilderAtr(period);
        this.names = List.of(name(period));
    }

    /** The column name for a period. */
    public static String name(int period) {
        return "wilder_atr_" + period;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public int warmUp() {
        return atr.period() + 1;
    }

    @Override
    public void update(Bar bar) {
        atr.update(bar.high(), bar.low(), bar.close());
    }

    @Override
    public void write(double[] out, int offset) {
        out[offset] = atr.value();
    }

    @Override
    public void reset() {
        atr.reset();
    }
}
