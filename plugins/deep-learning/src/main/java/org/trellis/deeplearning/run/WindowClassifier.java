package org.trellis.deeplearning.run;

import java.util.List;
import org.trellis.ml.data.Scaler;

/** What the model strategy needs of a classifier: its inputs, its scaler, and P(up) for scaled windows. */
interface WindowClassifier {
    /** Input features in column order. */
    List<String> features();

    Scaler scaler();

    int window();

    /** Where it was loaded from, for messages. */
    String location();

    /** P(up) for {@code count} scaled windows laid out [window][time][feature]. */
    double[] probabilities(float[] scaled, int count);
}
