package org.trellis.rl.predict;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.trellis.ml.spi.Sample;
import org.trellis.rl.model.AgentSizes;

/**
 * Turns {@code models predict} samples into the flat histories the networks read: each sample is
 * [ticks][features], oldest first, the current state last; fewer ticks than the history are
 * zero-padded at the front, as the agent pads a market's first ticks.
 */
final class HistoryInputs {
    private HistoryInputs() {
    }

    static float[] flatten(List<Sample> samples, AgentSizes sizes, Path model) {
        int width = sizes.historyValues();
        float[] histories = new float[samples.size() * width];
        for (int s = 0; s < samples.size(); s++) {
            int[] shape = samples.get(s).shape();
            if (shape.length != 2 || shape[1] != sizes.features() || shape[0] < 1 || shape[0] > sizes.history()) {
                throw new IllegalArgumentException("input " + s + " has shape " + Arrays.toString(shape) + "; " + model + " expects ["
                        + sizes.history() + ", " + sizes.features() + "]: up to " + sizes.history() + " rows of the "
                        + sizes.features() + " state features, oldest first, the current state last");
            }
            float[] values = samples.get(s).values();
            System.arraycopy(values, 0, histories, (s + 1) * width - values.length, values.length);
        }
        return histories;
    }
}
