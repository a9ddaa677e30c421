package org.trellis.rl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.rl.Cli;
import org.trellis.rl.model.AgentModel;
import org.trellis.rl.ppo.PpoSettings;
import org.trellis.rl.ppo.UpdateReport;
import org.trellis.rl.sim.SimulatorConfig;
import org.trellis.rl.sim.SyntheticProcess;
import org.trellis.rl.sim.Underlying;

/** Checkpoints, the emergency save on an error and the save on a signal, on a tiny all-synthetic run. */
class OnlineTrainingTest {
    static OnlineTraining.Request request(Path out, int updates, int windows) {
        SimulatorConfig sim = SimulatorConfig.of(List.of(Underlying.synthetic("eth", SyntheticProcess.typical(2500)),
                Underlying.synthetic("sol", SyntheticProcess.typical(100))), 5, windows).withTickSeconds(30);
        PpoSettings ppo = PpoSettings.defaults().toBuilder().bufferSize(16).minibatchSize(8).epochs(2).seed(5).build();
        return new OnlineTraining.Request(sim, "PyTorch", ppo, 5, updates, out, null, "test markets", "test");
    }

    private static String source(Path model) {
        return AgentModel.open(model).metadata().data().source();
    }

    @Test
    void aCheckpointIsWrittenAfterEveryUpdate(@TempDir Path dir) {
        Path out = dir.resolve("agent");
        List<String> seen = new ArrayList<>();
        OnlineTraining.Outcome outcome = OnlineTraining.run(request(out, 3, 100), new OnlineTraining.Progress() {
            @Override
            public void onCheckpoint(int update, Path saved) {
                seen.add(source(saved));
            }

            @Override
            public void onEnd(String status) {
                seen.add(status);
            }
        }, new StopRequest());
        assertEquals(TrainingLoop.Ending.UPDATES_DONE, outcome.ending());
        assertEquals(4, seen.size());
        assertEquals(OnlineTraining.FINISHED, seen.get(3));
        for (int u = 1; u <= 3; u++) {
            assertTrue(seen.get(u - 1).endsWith("after update " + u + " of 3"), seen.get(u - 1));
        }
        assertTrue(source(out).endsWith("after update 3 of 3 (done)"), source(out));
    }

    @Test
    void theDataEndingFirstIsReportedAndSaved(@TempDir Path dir) {
        Path out = dir.resolve("agent");
        // one window of 30 ticks x 2 assets = 60 steps: 3 updates of 16, not 100
        List<String> ends = new ArrayList<>();
        OnlineTraining.Outcome outcome = OnlineTraining.run(request(out, 100, 1), new OnlineTraining.Progress() {
            @Override
            public void onEnd(String status) {
                ends.add(status);
            }
        }, new StopRequest());
        assertEquals(TrainingLoop.Ending.DATA_ENDED, outcome.ending());
        assertEquals(List.of(OnlineTraining.DATA_ENDED), ends);
        assertEquals(3, outcome.updates());
        assertEquals(2, outcome.total().episodes(), "both markets settled");
        assertTrue(source(out).endsWith("(the data ended)"), source(out));
    }

    @Test
    void anErrorMidTrainingLeavesALoadableEmergencyCheckpoint(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("agent");
        int[] updates = {0};
        List<String> ends = new ArrayList<>();
        OnlineTraining.Progress failing = new OnlineTraining.Progress() {
            @Override
            public void onEnd(String status) {
                ends.add(status);
            }

            @Override
            public void onUpdate(int update, UpdateReport report, TradeTally sinceLast) {
                updates[0] = update;
            }

            @Override
            public void onTick(long tick) {
                if (updates[0] == 1) {
                    throw new IllegalStateException("injected failure");
                }
            }
        };
        StopRequest stop = new StopRequest();
        TrainingFailedException e = assertThrows(TrainingFailedException.class, () -> OnlineTraining.run(request(out, 5, 100), failing, stop));
        assertTrue(e.getMessage().contains("injected failure") && e.getMessage().contains("1 of 5 updates done"), e.getMessage());
        assertTrue(e.getMessage().contains("emergency checkpoint saved in " + out) && e.getMessage().contains("--resume " + out),
                e.getMessage());
        assertTrue(source(out).endsWith("emergency save after update 1 of 5"), source(out));
        assertEquals(List.of(OnlineTraining.FAILED), ends);
        Cli.Outcome predicted = Cli.trellis("models", "predict", out.toString(), "--input", TrainRlCliTest.oneStateInput(dir).toString());
        assertEquals(0, predicted.code(), predicted.err());
        assertTrue(stopFinished(stop), "a signal arriving now would not wait");
    }

    @Test
    void aSignalStopsTheLoopAtATickAndWaitsForItsSave(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("agent");
        CountDownLatch firstUpdate = new CountDownLatch(1);
        StopRequest stop = new StopRequest();
        List<String> ends = new java.util.concurrent.CopyOnWriteArrayList<>();
        OnlineTraining.Progress progress = new OnlineTraining.Progress() {
            @Override
            public void onCheckpoint(int update, Path saved) {
                firstUpdate.countDown();
            }

            @Override
            public void onEnd(String status) {
                ends.add(status);
            }
        };
        CompletableFuture<OnlineTraining.Outcome> training = CompletableFuture.supplyAsync(
                () -> OnlineTraining.run(request(out, 1_000_000, 10_000), progress, stop));
        assertTrue(firstUpdate.await(60, TimeUnit.SECONDS), "training started");
        StringWriter messages = new StringWriter();
        // what the JVM runs on SIGINT/SIGTERM, played here without ending the test JVM
        SignalSave.detached(stop, Duration.ofSeconds(60), out, new PrintWriter(messages, true)).run();
        // the hook returns only after the loop's final save: the folder already says so
        assertTrue(source(out).endsWith("of 1000000 (stopped by a signal)"), source(out));
        assertEquals(List.of(OnlineTraining.STOPPED), ends, "the journal session ended before the JVM may exit");
        OnlineTraining.Outcome outcome = training.get(60, TimeUnit.SECONDS);
        assertEquals(TrainingLoop.Ending.STOPPED, outcome.ending());
        assertTrue(messages.toString().contains("saved to " + out), messages.toString());
        assertFalse(messages.toString().contains("did not finish"), messages.toString());
    }

    @Test
    void aSignalThatOutwaitsItsTimeoutSaysWhatIsOnDisk(@TempDir Path dir) {
        StringWriter messages = new StringWriter();
        StopRequest neverFinishing = new StopRequest();
        SignalSave.detached(neverFinishing, Duration.ofMillis(50), dir, new PrintWriter(messages, true)).run();
        assertTrue(neverFinishing.requested());
        assertTrue(messages.toString().contains("did not finish within") && messages.toString().contains("last finished update"),
                messages.toString());
    }

    private static boolean stopFinished(StopRequest stop) {
        try {
            return stop.awaitFinished(Duration.ZERO);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
