package org.trellis.rl.train;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.trellis.rl.model.AgentModel;
import org.trellis.rl.model.AgentSizes;
import org.trellis.rl.ppo.PpoSettings;
import org.trellis.rl.ppo.PpoTrainer;
import org.trellis.rl.ppo.UpdateReport;
import org.trellis.rl.sim.BinaryMarketSimulator;
import org.trellis.rl.sim.SimulatorConfig;

/**
 * One training run's lifecycle around the {@link TrainingLoop}: starts the agent (fresh or resumed),
 * saves a checkpoint after every update, saves on a normal end and when a {@link StopRequest} stops the
 * loop, and on any exception saves an emergency checkpoint and rethrows naming it. Every save replaces
 * the model folder atomically (trellis-ml {@code ModelDirectory}): a crash mid-save leaves the previous one.
 */
final class OnlineTraining {
    /**
     * @param simulator      the markets to train on
     * @param engine         PyTorch or MXNet (canonical name)
     * @param ppo            PPO settings (their seed seeds the agent)
     * @param baseDollars    base order size before confidence sizing
     * @param updates        updates to run
     * @param out            the model folder every save writes
     * @param resume         a saved agent to continue from, or null to start fresh
     * @param description    what is trained on, recorded in model.json as the model's source
     * @param trellisVersion recorded in model.json
     */
    record Request(SimulatorConfig simulator, String engine, PpoSettings ppo, double baseDollars, int updates, Path out,
                          Path resume, String description, String trellisVersion) {
        public Request {
            Objects.requireNonNull(simulator, "simulator");
            Objects.requireNonNull(out, "out");
            if (updates < 1) {
                throw new IllegalArgumentException("--updates must be at least 1, got " + updates);
            }
        }
    }

    /**
     * @param ending  why training stopped
     * @param updates updates run
     * @param total   closed trades and settled markets of the whole run
     * @param saved   the model folder written last
     */
    record Outcome(TrainingLoop.Ending ending, int updates, TradeTally total, Path saved) {
    }

    /** What a run reports while it trains (the console, or a test). */
    interface Progress extends TrainingLoop.Listener {
        /** After the checkpoint of update {@code update} was written. */
        default void onCheckpoint(int update, Path dir) {
        }

        /**
         * Once, after the last save (or the failure), before a waiting signal handler is released: how
         * the run ended, {@link #FINISHED}, {@link #DATA_ENDED}, {@link #STOPPED} or {@link #FAILED}.
         */
        default void onEnd(String status) {
        }
    }

    static final String FINISHED = "finished";
    static final String DATA_ENDED = "data-ended";
    static final String STOPPED = "stopped";
    static final String FAILED = "failed";

    private OnlineTraining() {
    }

    /**
     * Trains until {@code request.updates()} updates ran, the data ended or {@code stop} was requested.
     * {@code stop} is told when the last save is done, whatever happened.
     *
     * @throws TrainingFailedException on any error once training has started, after the emergency save
     */
    static Outcome run(Request request, Progress progress, StopRequest stop) {
        String status = FAILED;
        try {
            BinaryMarketSimulator sim = new BinaryMarketSimulator(request.simulator());
            long earlierTo = trainedTo(request.resume());
            try (PpoTrainer trainer = start(request)) {
                TrainingLoop loop = new TrainingLoop(sim, trainer::act, trainer::record, request.baseDollars());
                TrainingLoop.Listener listener = new TrainingLoop.Listener() {
                    @Override
                    public void onTick(long tick) {
                        progress.onTick(tick);
                    }

                    @Override
                    public void onUpdate(int update, UpdateReport report, TradeTally sinceLast) {
                        save(trainer, request, sim, Math.max(earlierTo, loop.now()), "after update " + update + " of " + request.updates());
                        progress.onCheckpoint(update, request.out());
                        progress.onUpdate(update, report, sinceLast);
                    }
                };
                TrainingLoop.Ending ending;
                try {
                    ending = loop.run(request.updates(), stop, listener);
                } catch (RuntimeException | Error e) {
                    throw emergencySave(trainer, request, sim, Math.max(earlierTo, loop.now()), loop, e);
                }
                String when = switch (ending) {
                    case UPDATES_DONE -> "after update " + loop.updates() + " of " + request.updates() + " (done)";
                    case DATA_ENDED -> "after update " + loop.updates() + " of " + request.updates() + " (the data ended)";
                    case STOPPED -> "after update " + loop.updates() + " of " + request.updates() + " (stopped by a signal)";
                };
                save(trainer, request, sim, Math.max(earlierTo, loop.now()), when);
                status = switch (ending) {
                    case UPDATES_DONE -> FINISHED;
                    case DATA_ENDED -> DATA_ENDED;
                    case STOPPED -> STOPPED;
                };
                return new Outcome(ending, loop.updates(), loop.total(), request.out());
            }
        } finally {
            try {
                progress.onEnd(status);
            } finally {
                stop.finished();
            }
        }
    }

    private static PpoTrainer start(Request request) {
        if (request.resume() == null) {
            return PpoTrainer.create(AgentSizes.PHASE5, request.engine(), request.ppo());
        }
        return PpoTrainer.resume(AgentModel.open(request.resume()), request.engine(), request.ppo());
    }

    /**
     * The last tick a resumed agent had trained on (epoch s; Long.MIN_VALUE when unknown or not resuming): a
     * resumed run starts again at the simulator's start, so its period is the union of both, kept by
     * recording the later end.
     */
    private static long trainedTo(java.nio.file.Path resume) {
        if (resume == null) {
            return Long.MIN_VALUE;
        }
        org.trellis.ml.model.ModelMetadata.DataRange data = AgentModel.open(resume).metadata().data();
        return data == null || data.to() == null ? Long.MIN_VALUE : java.time.Instant.parse(data.to()).getEpochSecond();
    }

    /** {@code lastTick}: the tick trained on last, epoch s (recorded so that evaluation can start after it). */
    private static void save(PpoTrainer trainer, Request request, BinaryMarketSimulator sim, long lastTick, String when) {
        String from = java.time.Instant.ofEpochSecond(sim.start()).toString();
        String to = lastTick < sim.start() ? null : java.time.Instant.ofEpochSecond(lastTick).toString();
        trainer.save(request.out(), "train rl-temporal: " + request.description() + ", " + when, from, to, request.trellisVersion());
    }

    private static TrainingFailedException emergencySave(PpoTrainer trainer, Request request, BinaryMarketSimulator sim, long lastTick,
                                                         TrainingLoop loop, Throwable cause) {
        String where = String.format(Locale.ROOT, "training failed at tick %d (epoch s), %d of %d updates done: %s", loop.now(),
                loop.updates(), request.updates(), cause);
        try {
            // a non-finite gradient throws before its step changes a weight (PpoTrainer), so the weights saved are usable
            save(trainer, request, sim, lastTick, "emergency save after update " + loop.updates() + " of " + request.updates());
            return new TrainingFailedException(where + "; emergency checkpoint saved in " + request.out()
                    + " (continue with --resume " + request.out() + ")", cause);
        } catch (RuntimeException | Error saveFailure) {
            cause.addSuppressed(saveFailure);
            return new TrainingFailedException(where + "; the emergency save to " + request.out() + " failed too (" + saveFailure
                    + "); the folder holds the last checkpoint that succeeded, if any", cause);
        }
    }
}
