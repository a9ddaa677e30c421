package org.trellis.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * strategies/rl_temporal.groovy end to end through the launcher: its first run trains the agent, then
 * the agent trades the simulated binary markets under the source system's guards from this plugin
 * (pre-expiry, max-age, stale-book), and the report says what they did.
 *
 * <p>The script is the shipped one with three changes, each asserted to apply: the model goes to a
 * temporary folder, training runs 2 updates instead of 50, and the simulation stops after 12 windows.
 */
class RlTemporalScriptIT {
    @Test
    void theAgentTradesTheSimulatedMarketsUnderTheSourcesGuards() throws Exception {
        Path dir = Files.createTempDirectory("trellis-rl");
        String text = Files.readString(DistributionIT.ROOT.resolve("strategies/rl_temporal.groovy"));
        String rewritten = replace(replace(replace(text, "'models/", "'" + dir.resolve("models") + "/"), "updates: 50", "updates: 2"),
                "market  'binary-15m', ", "market  'binary-15m', windows: 12, ");
        Path script = dir.resolve("rl_temporal.groovy");
        Files.writeString(script, rewritten);
        Path json = dir.resolve("r.json");
        Path trades = dir.resolve("t.csv");
        String out = DistributionIT.launcher(5, "run", script.toString(), "--no-journal", "--report-json", json.toString(),
                "--export-trades", trades.toString());
        assertTrue(Files.isDirectory(dir.resolve("models/rl-temporal-btc")), "the agent was trained and kept");
        assertTrue(out.contains("BTC-UP-15m") && out.contains("XRP-UP-15m"), "per-asset PnL:\n" + out);

        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertTrue(r.at("/market/ROI is").asText().startsWith("PnL / (base size x markets)"), r.at("/market").toString());
        assertTrue(r.at("/market/out of sample").asText().contains("after the model's training"), r.at("/market").toString());
        String forced = r.at("/market/forced closes").asText();
        assertTrue(forced.contains("pre-expiry=") && forced.contains("stale-book="), "the guards closed positions: " + forced);
        assertTrue(r.at("/vetoes/pre-expiry").asInt() > 0, "entries refused near expiry: " + r.at("/vetoes"));

        List<String> rows = Files.readAllLines(trades);
        assertTrue(rows.size() > 10, "the agent traded: " + rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            long entry = Instant.parse(f[2]).getEpochSecond();
            long exit = Instant.parse(f[4]).getEpochSecond();
            assertTrue(entry % 900 < 720, "no entry in a market's last 3 minutes: " + row);
            assertTrue(exit - entry <= 840, "max-age: held at most 14 minutes: " + row);
            assertFalse(f[9].equals("settled"), "pre-expiry closed every position before its market settled: " + row);
            if (f[9].equals("pre-expiry")) {
                assertEquals(720, exit % 900, "closed at the first tick 3 minutes before expiry: " + row);
            }
        }
    }

    @Test
    void aVenueThatRejectsOrdersTripsTheCircuitBreaker() throws Exception {
        Path dir = Files.createTempDirectory("trellis-rl-venue");
        String text = Files.readString(DistributionIT.ROOT.resolve("strategies/rl_temporal.groovy"));
        String rewritten = replace(replace(replace(replace(text, "'models/", "'" + dir.resolve("models") + "/"), "updates: 50",
                "updates: 1"), "market  'binary-15m', ", "market  'binary-15m', windows: 4, 'order-failure-rate': 0.5, "),
                "    guard   'pre-expiry'", "    guard   'circuit-breaker'\n    guard   'pre-expiry'");
        Path script = dir.resolve("venue.groovy");
        Files.writeString(script, rewritten);
        Path json = dir.resolve("r.json");
        DistributionIT.launcher(5, "run", script.toString(), "--no-journal", "--quiet", "--report-json", json.toString());
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertTrue(r.at("/market/venue failures").asText().matches("0 failed book requests, \\d+ failed orders"),
                r.at("/market").toString());
        assertTrue(r.at("/vetoes/circuit-breaker").asInt() > 0, "5 failed orders in a row or an hour stop entries: " + r.at("/vetoes"));
    }

    private static String replace(String text, String what, String with) {
        assertTrue(text.contains(what), "the script still has " + what);
        return text.replace(what, with);
    }
}
