package org.trellis.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.trellis.ml.data.SequenceWindows;

/**
 * Copies windows into one reusable buffer and hands them to the engine as a [batch, time, features]
 * array: the only place windows are materialised, one batch at a time.
 */
final class WindowBatches {
    private final SequenceWindows windows;
    private final float[] inputs;
    private final float[] labels;

    WindowBatches(SequenceWindows windows, int batchSize) {
        this.windows = windows;
        this.inputs = new float[batchSize * windows.length() * windows.features()];
        this.labels = new float[batchSize];
    }

    /** Windows {@code order[from .. to - 1]} as inputs. */
    NDArray inputs(NDManager manager, int[] order, int from, int to) {
        int size = windows.length() * windows.features();
        for (int i = from; i < to; i++) {
            windows.copy(order[i], inputs, (i - from) * size);
        }
        int batch = to - from;
        return manager.create(java.nio.FloatBuffer.wrap(inputs, 0, batch * size),
                new Shape(batch, windows.length(), windows.features()));
    }

    /** Their labels as a [batch] array. */
    NDArray labels(NDManager manager, int[] order, int from, int to) {
        for (int i = from; i < to; i++) {
            labels[i - from] = windows.label(order[i]);
        }
        return manager.create(java.nio.FloatBuffer.wrap(labels, 0, to - from), new Shape(to - from));
    }
}
