package org.trellis.api.strategy;

import java.util.List;
import org.trellis.api.feature.FeatureRequest;
import org.trellis.api.feature.FeatureSchema;

/**
 * Turns features (and its own state) into a {@link Decision}. An instance serves one instrument;
 * its factory makes one per instrument.
 *
 * <p>Lifecycle: {@link #requiredFeatures()} is asked once; the engine builds those feature sets,
 * calls {@link #bind} with the resulting column layout, then {@link #decide} once per closed bar,
 * from the first bar at which every feature has passed its warm-up. While an order of the
 * instrument is still waiting to fill, the decision is heard but not acted on (no order is sent
 * twice). {@code decide} must allocate nothing and must not read beyond the context it is given;
 * the context's clock says the bar's close time.
 */
public interface Strategy {

    /** Feature sets this strategy needs besides those the run already has. */
    default List<FeatureRequest> requiredFeatures() {
        return List.of();
    }

    /** Resolve feature names to indices here, once. */
    default void bind(FeatureSchema schema) {
    }

    void decide(StrategyContext context, Decision decision);

    /** Forget state, for a fresh run. */
    default void reset() {
    }
}
