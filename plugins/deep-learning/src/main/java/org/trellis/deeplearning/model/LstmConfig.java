package org.trellis.deeplearning.model;

/**
 * Sizes of the {@link BiLstmClassifier}.
 *
 * @param hidden hidden size of each direction (the last time step is {@code 2 * hidden} wide)
 * @param layers number of stacked bidirectional layers
 * @param dropout drop rate between layers and before the output layer, in [0, 1)
 */
public record LstmConfig(int hidden, int layers, float dropout) implements ClassifierConfig {
    /** The spec's sizes: hidden 128, 2 layers, dropout 0.2. */
    public static final LstmConfig DEFAULT = new LstmConfig(128, 2, 0.2f);

    public LstmConfig {
        if (hidden <= 0) {
            throw new IllegalArgumentException("LSTM hidden size must be > 0, got " + hidden);
        }
        if (layers <= 0) {
            throw new IllegalArgumentException("LSTM layers must be > 0, got " + layers);
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("LSTM dropout must be in [0, 1), got " + dropout);
        }
    }

    @Override
    public BiLstmClassifier build(int features, int window) {
        return new BiLstmClassifier(this, features, window);
    }
}
