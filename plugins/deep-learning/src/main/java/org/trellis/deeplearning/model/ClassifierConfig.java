package org.trellis.deeplearning.model;

/**
 * The sizes of a sequence classifier. The architecture always comes from code: a saved model keeps
 * only its weights and this configuration (in its metadata), and is rebuilt with {@link #build}.
 */
public sealed interface ClassifierConfig permits LstmConfig, TransformerConfig {

    /** A new, uninitialised classifier for windows of {@code window} bars of {@code features} features. */
    SequenceClassifier build(int features, int window);
}
