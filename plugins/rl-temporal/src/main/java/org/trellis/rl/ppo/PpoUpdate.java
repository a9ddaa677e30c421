package org.trellis.rl.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.trellis.ml.train.Shuffle;
import org.trellis.rl.nn.AgentNetworks;

/**
 * One PPO update of the actor and critic over a full rollout: GAE returns and normalized advantages,
 * then up to {@code epochs} passes in shuffled minibatches, each step minimising
 * <pre>
 *   clipped surrogate - entropyCoef * entropy + valueCoef * mean(max((R - V)^2, (R - Vclipped)^2))
 * </pre>
 * (the actor and critic share no weights, so one backward pass gives each network exactly the gradient
 * of its own terms), each network's gradients clipped to its own global norm and stepped by its own
 * Adam. The update stops after an epoch whose mean approx-KL exceeds the target.
 */
public final class PpoUpdate {
    private static final int POLICY_LOSS = 0;
    private static final int VALUE_LOSS = 1;
    private static final int ENTROPY = 2;
    private static final int KL = 3;
    private static final int CLIP_FRACTION = 4;
    private static final int METRICS = 5;

    private final AgentNetworks networks;
    private final PpoSettings settings;
    private final NetworkOptimizer actorOptimizer;
    private final NetworkOptimizer criticOptimizer;
    private final AdvantageEstimator estimator;
    private final SplittableRandom shuffle;

    /** Takes over training {@code networks}: their parameters get gradients and two Adam optimizers. */
    public PpoUpdate(AgentNetworks networks, PpoSettings settings, SplittableRandom shuffle) {
        this.networks = networks;
        this.settings = settings;
        this.shuffle = shuffle;
        this.actorOptimizer = new NetworkOptimizer("actor", networks.actor(), networks.manager(), settings.actorLearningRate(),
                settings.maxGradNorm());
        this.criticOptimizer = new NetworkOptimizer("critic", networks.critic(), networks.manager(), settings.criticLearningRate(),
                settings.maxGradNorm());
        this.estimator = new AdvantageEstimator(settings.gamma(), settings.gaeLambda());
    }

    /**
     * Updates the networks on the rollout's steps.
     *
     * @param rewards the reward of each step as the update should see it (z-scored), in rollout order
     */
    public UpdateReport run(Rollout rollout, float[] rewards) {
        int n = rollout.size();
        if (n < 2 || rewards.length < n) {
            throw new IllegalArgumentException("an update needs >= 2 steps with a reward each, got " + n + " steps and "
                    + rewards.length + " rewards");
        }
        float[] advantages = new float[n];
        float[] returns = new float[n];
        estimator.estimate(n, rewards, rollout.values, rollout.nextValues, rollout.dones, rollout.streams, advantages, returns);
        double explainedVariance = explainedVariance(rollout.values, returns, n);
        normalize(advantages);
        Minibatch batch = new Minibatch(rollout, advantages, returns, networks.sizes().actions());

        int[] order = new int[n];
        double[] sums = new double[METRICS];
        int stepsRun = 0;
        int epochs = 0;
        boolean stoppedByKl = false;
        while (epochs < settings.epochs() && !stoppedByKl) {
            Shuffle.permutation(order, shuffle);
            double epochKl = 0;
            int epochSteps = 0;
            for (int from = 0; from < n; from += settings.minibatchSize()) {
                float[] metrics = step(batch, order, from, Math.min(n, from + settings.minibatchSize()));
                for (int m = 0; m < METRICS; m++) {
                    sums[m] += metrics[m];
                }
                epochKl += metrics[KL];
                epochSteps++;
            }
            stepsRun += epochSteps;
            epochs++;
            stoppedByKl = epochKl / epochSteps > settings.targetKl();
        }
        return new UpdateReport(sums[POLICY_LOSS] / stepsRun, sums[VALUE_LOSS] / stepsRun, sums[ENTROPY] / stepsRun,
                sums[KL] / stepsRun, sums[CLIP_FRACTION] / stepsRun, explainedVariance, epochs, stoppedByKl, n);
    }

    /** One gradient step on the steps {@code order[from, to)}; returns its metrics, read back from the engine once. */
    private float[] step(Minibatch batch, int[] order, int from, int to) {
        try (NDManager scope = networks.manager().newSubManager()) {
            Minibatch.Arrays b = batch.arrays(scope, order, from, to);
            ParameterStore parameters = new ParameterStore(scope, false);
            NDArray logRatio;
            NDArray ratio;
            NDArray policyLoss;
            NDArray valueLoss;
            NDArray entropy;
            try (GradientCollector collector = networks.manager().getEngine().newGradientCollector()) {
                NDArray logProbs = networks.actor().forward(parameters, new NDList(b.histories()), true).singletonOrThrow().logSoftmax(1);
                logRatio = PpoLosses.taken(logProbs, b.oneHotActions()).sub(b.oldLogProbs());
                ratio = logRatio.exp();
                policyLoss = PpoLosses.clippedSurrogate(ratio, b.advantages(), settings.clip());
                entropy = PpoLosses.entropy(logProbs);
                NDArray values = networks.critic().forward(parameters, new NDList(b.histories()), true).singletonOrThrow()
                        .reshape(to - from);
                valueLoss = PpoLosses.clippedValueLoss(values, b.oldValues(), b.returns(), settings.valueClip(), settings.valueCoef());
                collector.backward(policyLoss.sub(entropy.mul((float) settings.entropyCoef())).add(valueLoss));
            }
            actorOptimizer.step();
            criticOptimizer.step();
            NDArray kl = PpoLosses.approxKl(logRatio);
            NDArray clipFraction = PpoLosses.clipFraction(ratio, settings.clip());
            return NDArrays.stack(new NDList(policyLoss, valueLoss, entropy, kl, clipFraction)).toFloatArray();
        }
    }

    /** 1 - Var(R - V) / Var(R); NaN when the returns do not vary. */
    static double explainedVariance(float[] values, float[] returns, int n) {
        double[] residuals = new double[n];
        double[] targets = new double[n];
        for (int i = 0; i < n; i++) {
            residuals[i] = returns[i] - values[i];
            targets[i] = returns[i];
        }
        double variance = variance(targets);
        return variance == 0 ? Double.NaN : 1 - variance(residuals) / variance;
    }

    /** In place: zero mean, unit (population) standard deviation over the whole rollout. */
    static void normalize(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        double mean = Arrays.stream(d).average().orElse(0);
        double std = Math.sqrt(variance(d));
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) ((x[i] - mean) / (std + 1e-8));
        }
    }

    private static double variance(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return sum / x.length;
    }
}
