package org.trellis.rl.ppo;

/**
 * How PPO trains the agent. {@link #defaults()} are the spec's (spec/rl-temporal.md, "PPO").
 *
 * @param actorLearningRate  Adam learning rate of the actor
 * @param criticLearningRate Adam learning rate of the critic (a separate Adam)
 * @param gamma              discount per step
 * @param gaeLambda          GAE's lambda
 * @param clip               the policy ratio is clipped to [1 - clip, 1 + clip]
 * @param entropyCoef        weight of the entropy bonus in the actor's loss
 * @param valueCoef          weight of the value loss (the spec's 0.5 in 0.5 * mean(max(...)))
 * @param valueClip          the new value may move at most this far from the old one in the clipped value term
 * @param maxGradNorm        global gradient-norm bound, per network
 * @param bufferSize         steps collected before an update
 * @param minibatchSize      steps per gradient step (the last minibatch of an epoch takes the rest)
 * @param epochs             passes over the buffer per update
 * @param targetKl           an update stops after the epoch whose mean approx-KL exceeds it
 *                           ({@code Double.POSITIVE_INFINITY}: never)
 * @param seed               seeds the initial weights, the action sampling and the minibatch shuffling
 */
public record PpoSettings(double actorLearningRate, double criticLearningRate, double gamma, double gaeLambda, double clip,
                          double entropyCoef, double valueCoef, double valueClip, double maxGradNorm, int bufferSize,
                          int minibatchSize, int epochs, double targetKl, long seed) {
    public PpoSettings {
        require(actorLearningRate > 0 && Double.isFinite(actorLearningRate), "actor learning rate must be > 0, got " + actorLearningRate);
        require(criticLearningRate > 0 && Double.isFinite(criticLearningRate), "critic learning rate must be > 0, got " + criticLearningRate);
        require(gamma >= 0 && gamma <= 1, "gamma must be in [0, 1], got " + gamma);
        require(gaeLambda >= 0 && gaeLambda <= 1, "GAE lambda must be in [0, 1], got " + gaeLambda);
        require(clip > 0 && clip < 1, "clip must be in (0, 1), got " + clip);
        require(entropyCoef >= 0 && Double.isFinite(entropyCoef), "entropy coefficient must be >= 0, got " + entropyCoef);
        require(valueCoef > 0 && Double.isFinite(valueCoef), "value coefficient must be > 0, got " + valueCoef);
        require(valueClip > 0 && Double.isFinite(valueClip), "value clip must be > 0, got " + valueClip);
        require(maxGradNorm > 0 && Double.isFinite(maxGradNorm), "max gradient norm must be > 0, got " + maxGradNorm);
        require(bufferSize >= 2, "buffer size must be >= 2 (advantages are normalized over it), got " + bufferSize);
        require(minibatchSize >= 1 && minibatchSize <= bufferSize,
                "minibatch size must be in [1, buffer size " + bufferSize + "], got " + minibatchSize);
        require(epochs >= 1, "epochs must be >= 1, got " + epochs);
        require(targetKl > 0, "target KL must be > 0 (Infinity: no early stop), got " + targetKl);
    }

    /** The spec's defaults, seed 42. */
    public static PpoSettings defaults() {
        return new PpoSettings(1e-4, 3e-4, 0.95, 0.95, 0.2, 0.03, 0.5, 0.2, 0.5, 256, 64, 10, 0.02, 42);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("PPO settings: " + message);
        }
    }

    /** Changes some settings of a valid set; {@link #build()} validates the result. */
    public static final class Builder {
        private double actorLearningRate;
        private double criticLearningRate;
        private double gamma;
        private double gaeLambda;
        private double clip;
        private double entropyCoef;
        private double valueCoef;
        private double valueClip;
        private double maxGradNorm;
        private int bufferSize;
        private int minibatchSize;
        private int epochs;
        private double targetKl;
        private long seed;

        private Builder(PpoSettings s) {
            actorLearningRate = s.actorLearningRate;
            criticLearningRate = s.criticLearningRate;
            gamma = s.gamma;
            gaeLambda = s.gaeLambda;
            clip = s.clip;
            entropyCoef = s.entropyCoef;
            valueCoef = s.valueCoef;
            valueClip = s.valueClip;
            maxGradNorm = s.maxGradNorm;
            bufferSize = s.bufferSize;
            minibatchSize = s.minibatchSize;
            epochs = s.epochs;
            targetKl = s.targetKl;
            seed = s.seed;
        }

        public Builder learningRates(double actor, double critic) {
            actorLearningRate = actor;
            criticLearningRate = critic;
            return this;
        }

        public Builder gamma(double value) {
            gamma = value;
            return this;
        }

        public Builder gaeLambda(double value) {
            gaeLambda = value;
            return this;
        }

        public Builder clip(double value) {
            clip = value;
            return this;
        }

        public Builder entropyCoef(double value) {
            entropyCoef = value;
            return this;
        }

        public Builder valueCoef(double value) {
            valueCoef = value;
            return this;
        }

        public Builder valueClip(double value) {
            valueClip = value;
            return this;
        }

        public Builder maxGradNorm(double value) {
            maxGradNorm = value;
            return this;
        }

        public Builder bufferSize(int value) {
            bufferSize = value;
            return this;
        }

        public Builder minibatchSize(int value) {
            minibatchSize = value;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder targetKl(double value) {
            targetKl = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public PpoSettings build() {
            return new PpoSettings(actorLearningRate, criticLearningRate, gamma, gaeLambda, clip, entropyCoef, valueCoef, valueClip,
                    maxGradNorm, bufferSize, minibatchSize, epochs, targetKl, seed);
        }
    }
}
