package org.trellis.api.feature;

/** The current features of one instrument, read by index (resolve indices once, in {@code bind}). */
public interface FeatureVector {
    double get(int index);

    int size();

    /** True once every feature set feeding this vector has passed its warm-up. */
    boolean ready();
}
