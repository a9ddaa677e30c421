package org.trellis.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trellis.ml.spi.TrialOutcome;
import org.trellis.ml.spi.TrialRequest;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.data.DataResolver;
import org.trellis.runtime.plugin.PluginFolder;
import org.trellis.runtime.sweep.SweepData;
import org.trellis.runtime.sweep.TrialJob;

/** Trials on the Spark runner: failures come back as errors and the other trials finish, with the in-process results. */
class SparkTrialsTest extends LocalSpark {
    static final String DATA = "synthetic:bars=1000,seed=5";

    static List<String> trial(String dModel, String heads, String data) {
        return List.of("--data", data, "--engine", "PyTorch", "--seed", "3", "--contrastive-epochs", "1", "--probe-epochs", "1",
                "--batch", "128", "--d-model", dModel, "--heads", heads, "--layers", "2", "--lr", "2.5E-4", "--dropout", "0.1");
    }

    static TrialJob job() {
        TrellisConfig c = TrellisConfig.defaults();
        var bars = new DataResolver(c.csvLayout(), c.loadOptions(), c.seed(), c.tradeBarMillis()).resolve(DATA).series();
        return new TrialJob("contrastive", new PluginFolder(plugins), "synthetic", plugins.resolve("models"), "PyTorch", 42, "test",
                Map.of(DATA, SweepData.of(List.of(bars))));
    }

    @Test
    void aFailingTrialIsReportedAndTheOthersFinishWithTheirInProcessResults() {
        TrialJob job = job();
        List<TrialRequest> requests = List.of(new TrialRequest(1, trial("96", "2", DATA)), new TrialRequest(2, trial("96", "5", DATA)),
                new TrialRequest(3, trial("96", "4", "synthetic:bars=900")));
        List<long[]> counts = new ArrayList<>();
        List<TrialOutcome> outcomes = runner.runTrials(job, requests, (done, total) -> counts.add(new long[] {done, total}));

        assertEquals(List.of(1, 2, 3), outcomes.stream().map(TrialOutcome::number).toList(), "request order");
        assertNull(outcomes.get(0).error(), outcomes.get(0).error());
        assertEquals(job.runHere(requests.get(0), plugins).result(), outcomes.get(0).result(),
                "the trial's fold figures in its own JVM equal a run in this one");
        assertEquals(3, outcomes.get(0).result().strip().split("\n").length, "3 folds");

        assertTrue(outcomes.get(1).failed() && outcomes.get(1).error().contains("heads"), "5 heads do not divide 96: "
                + outcomes.get(1).error());
        assertTrue(outcomes.get(2).failed() && outcomes.get(2).error().contains("'synthetic:bars=900' was not shipped"),
                outcomes.get(2).error());
        assertEquals(3, counts.get(counts.size() - 1)[0], "every trial counted as finished");
    }

    @Test
    void anUnknownFamilyFailsEachTrialNamingIt() {
        TrialJob job = job();
        TrialJob other = new TrialJob("no-such-family", new PluginFolder(plugins), "synthetic", plugins.resolve("models"), "PyTorch", 42,
                "test", Map.of());
        TrialOutcome o = runner.runTrials(other, List.of(new TrialRequest(1, List.of())), (d, t) -> { }).get(0);
        assertTrue(o.failed() && o.error().contains("no trainer for 'no-such-family'") && o.error().contains("contrastive"), o.error());
        assertEquals("contrastive", job.family());
    }
}
