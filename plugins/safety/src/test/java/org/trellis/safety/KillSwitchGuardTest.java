package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.safety.Fake.BTC;
import static org.trellis.safety.Fake.MIN;
import static org.trellis.safety.Fake.T0;
import static org.trellis.safety.Fake.entry;
import static org.trellis.safety.Fake.onBar;
import static org.trellis.safety.Fake.review;
import static org.trellis.safety.Fake.trade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.risk.KillSwitch;
import org.trellis.api.risk.Verdict;
import org.trellis.runtime.cli.Main;
import org.trellis.runtime.journal.Journal;

class KillSwitchGuardTest {
    final Fake.Portfolio portfolio = new Fake.Portfolio();
    final List<String> engagedBy = new ArrayList<>();
    final KillSwitch recorder = new KillSwitch() {
        @Override
        public void engage(String cause) {
            engagedBy.add(cause);
        }

        @Override
        public boolean engaged() {
            return !engagedBy.isEmpty();
        }
    };

    @Test
    void tripsAtTheMaximumLossOfCapitalAndThenRefusesEntries() {
        KillSwitchGuard guard = new KillSwitchGuard(0.10);
        guard.attach(recorder);
        portfolio.cash = 9_000.01;
        onBar(guard, portfolio, BTC, T0, 100);
        assertTrue(engagedBy.isEmpty());
        assertEquals(Verdict.Outcome.ALLOW, review(guard, entry(BTC, T0, 1, 100, Double.NaN), portfolio).outcome());
        portfolio.cash = 9_000;
        onBar(guard, portfolio, BTC, T0 + MIN, 100);
        assertEquals(List.of("kill-switch (lost 10% of capital)"), engagedBy);
        Verdict v = review(guard, entry(BTC, T0 + MIN, 1, 100, Double.NaN), portfolio);
        assertEquals(Verdict.Outcome.VETO, v.outcome());
        assertEquals("kill-switch", v.reason());
        onBar(guard, portfolio, BTC, T0 + 2 * MIN, 100);
        assertEquals(1, engagedBy.size(), "engaged once");
    }

    @Test
    void dailyLossAndLossStreakTripTheSwitchOnlyWhenAskedTo() {
        DailyLossGuard quiet = new DailyLossGuard(0.05, 0, false);
        quiet.attach(recorder);
        DailyLossGuard loud = new DailyLossGuard(0.05, 0, true);
        loud.attach(recorder);
        onBar(quiet, portfolio, BTC, T0, 100);
        onBar(loud, portfolio, BTC, T0, 100);
        portfolio.cash = 9_400;
        onBar(quiet, portfolio, BTC, T0 + MIN, 100);
        assertTrue(engagedBy.isEmpty());
        onBar(loud, portfolio, BTC, T0 + MIN, 100);
        onBar(loud, portfolio, BTC, T0 + 2 * MIN, 100);
        assertEquals(List.of("daily-loss"), engagedBy);

        LossStreakGuard streak = new LossStreakGuard(2, 0, true);
        streak.attach(recorder);
        trade(streak, portfolio, BTC, T0 + MIN, -1, "signal");
        trade(streak, portfolio, BTC, T0 + 2 * MIN, -1, "signal");
        assertEquals(List.of("daily-loss", "loss-streak"), engagedBy);
    }

    @Test
    void inARunTheKillSwitchClosesEverythingStopsEntriesAndIsJournaledAsAHealthEvent(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Path csv = dir.resolve("t.csv");
        Path db = dir.resolve("j.db");
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"backtest", "--strategy", "sma-cross", "--data", "btc-usd-1m", "--quiet",
                "--guard", "kill-switch:max-loss=0.03", "--report-json", json.toString(), "--export-trades", csv.toString(),
                "--journal", db.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertTrue(r.at("/vetoes/kill-switch").asInt() > 0, "entries refused after the trip: " + r.at("/vetoes"));
        List<String> trades = Files.readAllLines(csv);
        String last = trades.get(trades.size() - 1);
        // on these bars the 3% loss is reached with a position open: the switch closes it, and nothing opens after
        assertTrue(last.endsWith(",kill-switch"), "the open position was closed by the switch: " + last);
        assertEquals(1, trades.stream().filter(l -> l.endsWith(",kill-switch")).count());
        assertTrue(r.at("/performance/finalEquity").asDouble() > 10_000 * (1 - 0.03) - 200, "stopped near the limit");
        try (Journal j = Journal.open(db)) {
            List<Journal.HealthRow> health = j.health(null);
            assertEquals(1, health.size());
            assertEquals("critical", health.get(0).level());
            assertTrue(health.get(0).message().contains("tripped by kill-switch (lost 3% of capital)"), health.get(0).message());
        }
    }
}
