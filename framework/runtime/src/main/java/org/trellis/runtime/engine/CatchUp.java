package org.trellis.runtime.engine;

/**
 * A paced mode that first runs through the bars up to {@code until} without waiting: how a resumed
 * paper session rebuilds its state (features, strategy, guards, positions, statistics) by
 * replaying what it had already done, deterministically, before going back to real time.
 */
public final class CatchUp implements RunMode {
    private final RunMode paced;
    private final long until;

    public CatchUp(RunMode paced, long until) {
        this.paced = paced;
        this.until = until;
    }

    @Override
    public String name() {
        return paced.name();
    }

    @Override
    public void awaitBar(long barTimeMillis) throws InterruptedException {
        if (barTimeMillis > until) {
            paced.awaitBar(barTimeMillis);
        }
    }

    @Override
    public int featureBlockBars() {
        return paced.featureBlockBars();
    }

    @Override
    public boolean paced() {
        return paced.paced();
    }

    @Override
    public boolean stopRequested() {
        return paced.stopRequested();
    }
}
