package org.trellis.auditor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.plugin.Params;
import org.trellis.ml.xgboost.InputNames;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.ProgressListener;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.plugin.PartRegistry;

/** {@code train auditor --primary}: meta-labels from the primary's own trades on the training split. */
class AuditorPrimaryTest {
    @TempDir
    Path dir;

    @Test
    void learnsFromEveryCompleteTradeThePrimaryOpenedOnTheTrainingSplit() throws Exception {
        Path primary = Files.writeString(dir.resolve("sma.primary"), "sma-cross fast=10 slow=30");
        Path out = dir.resolve("auditor.json");
        AuditorCliTest.Outcome r = AuditorCliTest.trellis("train", "auditor", "--primary", primary.toString(), "--data", "btc-usd-1m",
                "--fee-bps", "10", "--slippage-bps", "5", "--holdout", "0.25", "--rounds", "20", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out), r.out());
        assertEquals(List.of("sma10", "sma30", XgboostAuditor.CONFIDENCE, XgboostAuditor.DIRECTION),
                InputNames.read(XgboostAuditor.inputsFile(out)));

        // the same strategy backtested directly on the first 70% of the bars, with the same costs
        ColumnarBarSeries btc = BundledData.bars("btc-usd-1m");
        int cut = (int) Math.floor(btc.size() * 0.7);
        RunResult direct = new BacktestEngine(PartRegistry.discover(), TrellisConfig.defaults().engine().withCosts(10, 5)).run(
                "sma-cross", Params.of(Map.of("fast", 10, "slow", 30)), List.of(btc.between(btc.time(0), btc.time(cut))), List.of(),
                ProgressListener.NONE);
        List<ClosedTrade> complete = direct.trades().stream().filter(t -> !t.exitReason().equals("end-of-data")).toList();
        long profitable = complete.stream().filter(ClosedTrade::isWin).count();
        assertTrue(complete.size() > 50, "a real run: " + complete.size());
        assertTrue(r.err().contains(String.format(java.util.Locale.ROOT, "%,d labelled (%.1f%% profitable)", complete.size(),
                100.0 * profitable / complete.size())), r.err());
        assertTrue(r.out().contains("Held out " + (complete.size() - (int) Math.floor(complete.size() * 0.75)) + " rows"), r.out());

        try (XgboostAuditor auditor = XgboostAuditor.load(out)) {
            double p = auditor.probability(new float[] {500, 490, Float.NaN, 1});
            assertTrue(p >= 0 && p <= 1);
        }
    }

    @Test
    void aPrimaryWithTooFewTradesSaysWhatToChange() throws Exception {
        Path primary = Files.writeString(dir.resolve("slow.primary"), "sma-cross fast=50 slow=200");
        AuditorCliTest.Outcome r = AuditorCliTest.trellis("train", "auditor", "--primary", primary.toString(), "--data", "btc-usd-1m",
                "--train-share", "0.05", "--out", dir.resolve("a.json").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("an auditor needs at least 10"), r.err());
        assertTrue(r.err().contains("lower --threshold, or give more --data"), r.err());
        assertTrue(!Files.exists(dir.resolve("a.json")), "nothing saved");
    }

    @Test
    void labelsAndPrimaryAreAlternatives() throws Exception {
        AuditorCliTest.Outcome r = AuditorCliTest.trellis("train", "auditor", "--primary", "x.primary", "--labels", "y.csv");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("mutually exclusive"), r.err());
    }
}
