package org.trellis.ml.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import org.trellis.ml.data.SequenceWindows;

/** Probabilities of a window classifier over a set of windows, in inference mode (no dropout). */
public final class Prediction {
    private Prediction() {
    }

    public static double[] probabilities(Model model, SequenceWindows windows, int batchSize) {
        double[] p = new double[windows.size()];
        int[] order = new int[windows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        WindowBatches batches = new WindowBatches(windows, batchSize);
        ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            try (NDManager batch = model.getNDManager().newSubManager()) {
                NDArray x = batches.inputs(batch, order, from, to);
                NDArray logits = model.getBlock().forward(parameters, new NDList(x), false).singletonOrThrow().reshape(-1);
                float[] values = Activation.sigmoid(logits).toFloatArray();
                for (int i = from; i < to; i++) {
                    p[i] = values[i - from];
                }
            }
        }
        return p;
    }

    public static int[] labels(SequenceWindows windows) {
        int[] labels = new int[windows.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = windows.label(i);
        }
        return labels;
    }

    public static BinaryMetrics metrics(Model model, SequenceWindows windows, int batchSize) {
        return BinaryMetrics.of(probabilities(model, windows, batchSize), labels(windows));
    }
}
