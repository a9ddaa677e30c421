package org.trellis.rl.ppo;

import java.util.Arrays;

/**
 * The steps collected for one update, in the order their bootstrap values became known, in flat
 * arrays (one history = {@code width} values). Each step carries the value it bootstraps from: the
 * critic's value of the same stream's next history, or 0 when the step is done.
 */
public final class Rollout {
    private final int capacity;
    private final int width;
    final float[] histories;
    final int[] actions;
    final float[] logProbs;
    final float[] values;
    final float[] nextValues;
    final float[] rewards;
    final boolean[] dones;
    final int[] streams;
    private int size;

    /** An empty rollout of {@code capacity} steps whose histories are {@code width} values each. */
    public Rollout(int capacity, int width) {
        this.capacity = capacity;
        this.width = width;
        histories = new float[capacity * width];
        actions = new int[capacity];
        logProbs = new float[capacity];
        values = new float[capacity];
        nextValues = new float[capacity];
        rewards = new float[capacity];
        dones = new boolean[capacity];
        streams = new int[capacity];
    }

    /**
     * Appends a step.
     *
     * @param nextValue the value bootstrapped after it (ignored when the step is done)
     */
    public void add(Experience step, float nextValue) {
        if (size == capacity) {
            throw new IllegalStateException("the rollout already holds its " + capacity + " steps: update and clear it first");
        }
        if (step.history().length != width) {
            throw new IllegalArgumentException("an experience's history must hold " + width + " values (ticks x features), got "
                    + step.history().length);
        }
        System.arraycopy(step.history(), 0, histories, size * width, width);
        actions[size] = step.action();
        logProbs[size] = step.logProb();
        values[size] = step.value();
        nextValues[size] = step.done() ? 0f : nextValue;
        rewards[size] = step.reward();
        dones[size] = step.done();
        streams[size] = step.stream();
        size++;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Values in one history. */
    public int width() {
        return width;
    }

    public boolean isFull() {
        return size == capacity;
    }

    public void clear() {
        size = 0;
    }

    /** The raw rewards of the steps held, in order. */
    float[] rewardsHeld() {
        return Arrays.copyOf(rewards, size);
    }
}
