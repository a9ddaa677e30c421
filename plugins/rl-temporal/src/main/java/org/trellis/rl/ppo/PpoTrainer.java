package org.trellis.rl.ppo;

import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import org.trellis.rl.model.AgentModel;
import org.trellis.rl.model.AgentSizes;
import org.trellis.rl.model.AgentWeights;
import org.trellis.rl.model.RewardStats;
import org.trellis.rl.nn.AgentNetworks;
import org.trellis.rl.nn.AgentOutputs;

/**
 * Online PPO training of the agent on one engine. It owns the actor and critic, acts (sampling for
 * training, argmax for evaluation), takes the experiences one at a time, and runs an update whenever
 * the buffer holds {@code bufferSize} steps:
 * <pre>
 *   AgentAction a = trainer.act(history);                  // per asset and tick
 *   ... the simulator applies a.action() ...
 *   trainer.record(Experience.of(asset, history, a, reward, done)).ifPresent(report -> ...checkpoint...);
 * </pre>
 * A step enters the buffer once the value it bootstraps from is known: at once when it is done, else
 * when the same stream's next experience arrives (its value, from its own forward pass, is the
 * bootstrap). So each stream's last step waits for one more tick of that stream, and steps of several
 * interleaved markets are linked per stream, never across markets.
 *
 * <p>Rewards are z-scored at update time with running statistics (Welford) that include the buffer's
 * rewards; the statistics are saved with the weights. Deterministic for a seed on one engine: the
 * initial weights, action sampling and minibatch shuffling each draw from their own seeded generator.
 * Not thread-safe. After an exception from {@link #record} the trainer should only be saved and closed.
 */
public final class PpoTrainer implements AutoCloseable {
    private final PpoSettings settings;
    private final AgentNetworks networks;
    private final PpoUpdate update;
    private final Rollout rollout;
    private final SplittableRandom sampling;
    private final BootstrapQueue bootstrapQueue = new BootstrapQueue();
    private RewardStats rewardStats;
    private int updates;

    private PpoTrainer(AgentNetworks networks, RewardStats rewardStats, PpoSettings settings, SplittableRandom seeds) {
        this.settings = settings;
        this.networks = networks;
        this.rewardStats = rewardStats;
        this.sampling = seeds.split();
        this.update = new PpoUpdate(networks, settings, seeds.split());
        this.rollout = new Rollout(settings.bufferSize(), networks.sizes().historyValues());
    }

    /** A fresh agent of {@code sizes} on {@code engine}, its initial weights drawn from the settings' seed. */
    public static PpoTrainer create(AgentSizes sizes, String engine, PpoSettings settings) {
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        return start(InitialWeights.draw(sizes, seeds.split()), RewardStats.NONE, engine, settings, seeds);
    }

    /** Continues training a saved (or imported) agent: its weights and reward statistics. Adam starts afresh. */
    public static PpoTrainer resume(AgentModel model, String engine, PpoSettings settings) {
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        seeds.split(); // the initial weights' generator, unused, so sampling and shuffling draw as in create()
        RewardStats stats = model.rewardStats() != null ? model.rewardStats() : RewardStats.NONE;
        return start(model.weights(), stats, engine, settings, seeds);
    }

    private static PpoTrainer start(AgentWeights weights, RewardStats stats, String engine, PpoSettings settings, SplittableRandom seeds) {
        AgentNetworks networks = AgentNetworks.of(weights, engine);
        try {
            return new PpoTrainer(networks, stats, settings, seeds);
        } catch (RuntimeException e) {
            networks.close();
            throw e;
        }
    }

    /** Training: an action sampled from the actor's distribution, with its log-probability and the critic's value. */
    public AgentAction act(float[] history) {
        AgentOutputs out = forward(history);
        float[] p = out.probabilities();
        double u = sampling.nextDouble();
        int action = 0;
        double cumulative = p[0];
        // u falls past the float sum of the probabilities only by rounding: the last action then
        while (u >= cumulative && action < p.length - 1) {
            action++;
            cumulative += p[action];
        }
        if (p[action] == 0) {
            // landed on a zero-probability last action by that rounding: never act on what the policy excludes
            action = argmax(p);
        }
        return new AgentAction(action, (float) Math.log(p[action]), out.values()[0], p);
    }

    /** Evaluation: the most probable action (the first on ties), with its log-probability and the critic's value. */
    public AgentAction actGreedy(float[] history) {
        AgentOutputs out = forward(history);
        int action = argmax(out.probabilities());
        return new AgentAction(action, (float) Math.log(out.probabilities()[action]), out.values()[0], out.probabilities());
    }

    private AgentOutputs forward(float[] history) {
        if (history.length != networks.sizes().historyValues()) {
            throw new IllegalArgumentException("a history must hold " + networks.sizes().historyValues() + " values ("
                    + networks.sizes().history() + " ticks x " + networks.sizes().features() + " features), got " + history.length);
        }
        return networks.forward(history, 1);
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int a = 1; a < p.length; a++) {
            if (p[a] > p[best]) {
                best = a;
            }
        }
        return best;
    }

    /**
     * Takes one experience. Returns the report of the update it triggered, if the buffer became full.
     *
     * @throws IllegalArgumentException when the experience does not fit the agent (history length, action)
     */
    public Optional<UpdateReport> record(Experience experience) {
        int actions = networks.sizes().actions();
        if (experience.action() < 0 || experience.action() >= actions) {
            throw new IllegalArgumentException("an action must be in [0, " + actions + "), got " + experience.action());
        }
        if (experience.history().length != rollout.width()) {
            throw new IllegalArgumentException("an experience's history must hold " + rollout.width() + " values, got "
                    + experience.history().length);
        }
        UpdateReport[] report = new UpdateReport[1];
        // with a buffer of >= 2 steps one experience readies at most two steps: at most one update
        bootstrapQueue.offer(experience, (step, nextValue) -> add(step, nextValue).ifPresent(r -> report[0] = r));
        return Optional.ofNullable(report[0]);
    }

    private Optional<UpdateReport> add(Experience step, float nextValue) {
        rollout.add(step, nextValue);
        if (!rollout.isFull()) {
            return Optional.empty();
        }
        float[] raw = rollout.rewardsHeld();
        for (float r : raw) {
            rewardStats = rewardStats.plus(r);
        }
        float[] scaled = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            scaled[i] = (float) rewardStats.zScore(raw[i]);
        }
        UpdateReport report = update.run(rollout, scaled);
        rollout.clear();
        updates++;
        return Optional.of(report);
    }

    /**
     * Saves the current actor, critic and reward statistics as the plugin's model folder (what a
     * checkpoint or an emergency save writes; the buffer and Adam's moments are not saved).
     */
    public AgentModel save(Path dir, String source, String trellisVersion) {
        return save(dir, source, null, null, trellisVersion);
    }

    /** As {@link #save(Path, String, String)}, recording the period trained on (ISO-8601 or null; see {@link AgentModel}). */
    public AgentModel save(Path dir, String source, String from, String to, String trellisVersion) {
        return AgentModel.save(dir, networks.weights(), rewardStats, source, from, to, trellisVersion);
    }

    public RewardStats rewardStats() {
        return rewardStats;
    }

    /** Updates run so far. */
    public int updates() {
        return updates;
    }

    /** Steps in the buffer, waiting for the next update. */
    public int buffered() {
        return rollout.size();
    }

    /** Steps waiting for their stream's next experience (their bootstrap value) before they enter the buffer. */
    public int awaitingBootstrap() {
        return bootstrapQueue.waiting();
    }

    public PpoSettings settings() {
        return settings;
    }

    /** The networks being trained (for reading their weights or outputs; do not close them). */
    public AgentNetworks networks() {
        return networks;
    }

    @Override
    public void close() {
        networks.close();
    }
}
