package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.runtime.cli.Main;

/** A guard stack changes a backtest as it should, visibly in the report and the trade export. */
class GuardStackBacktestTest {

    static JsonNode backtest(Path dir, String name, String... guards) throws Exception {
        Path json = dir.resolve(name + ".json");
        List<String> args = new java.util.ArrayList<>(List.of("backtest", "--strategy", "sma-cross", "--data", "btc-usd-1m",
                "--quiet", "--journal", dir.resolve(name + ".db").toString(), "--report-json", json.toString(),
                "--export-trades", dir.resolve(name + ".csv").toString()));
        for (String g : guards) {
            args.add("--guard");
            args.add(g);
        }
        StringWriter err = new StringWriter();
        int code = Main.execute(args.toArray(new String[0]), new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        return new ObjectMapper().readTree(json.toFile());
    }

    @Test
    void theCircuitBreakerStopsTradingAfterTheDrawdown(@TempDir Path dir) throws Exception {
        JsonNode free = backtest(dir, "free");
        JsonNode guarded = backtest(dir, "guarded", "circuit-breaker:max-drawdown=0.05,drawdown-24h=0,drawdown-7d=0,losses=0");
        assertTrue(free.at("/performance/maxDrawdown/depth").asDouble() > 0.2, "the unguarded run falls far");
        int all = free.at("/performance/trades").asInt();
        int kept = guarded.at("/performance/trades").asInt();
        assertTrue(kept > 0 && kept < all / 2, kept + " of " + all);
        assertTrue(guarded.at("/vetoes/circuit-breaker").asInt() > 0, guarded.at("/vetoes").toString());
        List<String> freeTrades = Files.readAllLines(dir.resolve("free.csv"));
        List<String> guardedTrades = Files.readAllLines(dir.resolve("guarded.csv"));
        // the same trades until the breaker trips, then none: exits are never blocked, so the open one closes as before
        assertEquals(freeTrades.subList(0, guardedTrades.size()), guardedTrades);
        assertTrue(guarded.at("/performance/maxDrawdown/depth").asDouble() < free.at("/performance/maxDrawdown/depth").asDouble());
        // the tripped breaker is in the journal (and so on the status page), with what tripped it
        try (org.trellis.runtime.journal.Journal j = org.trellis.runtime.journal.Journal.open(dir.resolve("guarded.db"))) {
            List<org.trellis.runtime.journal.Journal.GuardStateRow> states = j.guardStates();
            assertEquals(1, states.size());
            assertEquals("circuit-breaker", states.get(0).guard());
            JsonNode state = new ObjectMapper().readTree(states.get(0).state());
            assertTrue(state.get("tripped").asBoolean());
            assertEquals("drawdown", state.get("trippedBy").asText());
        }
    }

    @Test
    void aStackOfGuardsReportsWhyEveryOrderWasRefusedOrClosed(@TempDir Path dir) throws Exception {
        JsonNode r = backtest(dir, "stack", "stop-loss:pct=0.004", "cooldown:bars=30", "loss-streak:limit=4,pause-minutes=120",
                "exposure:per-position=0.5,total=0.5");
        JsonNode vetoes = r.at("/vetoes");
        for (String reason : List.of("cooldown", "loss-streak")) {
            assertTrue(vetoes.path(reason).asInt() > 0, reason + " in " + vetoes);
        }
        List<String> trades = Files.readAllLines(dir.resolve("stack.csv"));
        assertTrue(trades.stream().anyMatch(l -> l.endsWith(",stop-loss")), "stop-loss exits are in the export");
        for (String line : trades.subList(1, trades.size())) {
            String[] f = line.split(",");
            double notional = Double.parseDouble(f[3]) * Double.parseDouble(f[6]);
            assertTrue(notional <= 0.5 * 10_000 * 1.5, "exposure keeps entries near half of equity: " + line);
        }
    }
}
