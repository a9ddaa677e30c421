package org.trellis.runtime.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.Controls;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.PaperReplay;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.journal.Journal;
import org.trellis.runtime.journal.JournalListener;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.plugin.PluginListing;
import org.trellis.runtime.testing.HeadlessChromium;
import org.trellis.runtime.testing.TestStrategies;

/**
 * The status page beside a paper session that is trading: its JSON API, its token-protected
 * controls, and (where Chromium is installed, as on CI) the page itself in a headless browser.
 */
class StatusPageTest {
    static final String TOKEN = "test-token";
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    Journal writer;
    Controls controls;
    PaperReplay replay;
    Thread session;
    final AtomicReference<RunResult> result = new AtomicReference<>();
    StatusServer server;

    @BeforeEach
    void startASessionAndThePage() {
        start("sma-cross", Params.of(Map.of("fast", 5, "slow", 20)));
    }

    /** A paper session of {@code strategy} trading in the background, journaled, with the page over its journal. */
    void start(String strategy, Params params) {
        Path db = dir.resolve(strategy + ".db");
        writer = Journal.open(db);
        long id = writer.startSession(new Journal.SessionStart(strategy, null, "paper", "{}", 42, System.currentTimeMillis()));
        controls = new Controls();
        // a week of minute bars in ~25 s: long enough to watch it trade, stopped when the test is done
        replay = new PaperReplay(25_000, Clock.systemUTC());
        PartRegistry registry = PartRegistry.discover();
        registry.register(TestStrategies.named("hold", () -> (context, decision) -> decision.buy()));
        BacktestEngine engine = new BacktestEngine(registry, EngineSettings.defaults()).withControls(controls);
        JournalListener listener = new JournalListener(writer, id, true);
        session = new Thread(() -> {
            RunResult r = engine.run(strategy, params, List.of(BundledData.bars("btc-usd-1m")),
                    List.of(), (d, t) -> { }, replay, listener);
            listener.finish(r.equity());
            result.set(r);
        }, "paper-session");
        session.start();
        server = StatusServer.start(new StatusServer.Options("127.0.0.1", 0, TOKEN), db, controls, PluginListing.of(registry));
    }

    @AfterEach
    void stop() throws Exception {
        if (server == null) {
            return;
        }
        replay.requestStop();
        session.join(30_000);
        server.close();
        writer.close();
        server = null;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    JsonNode awaitJson(String path, java.util.function.Predicate<JsonNode> ok) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = json.readTree(get(path).body());
            if (ok.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never met the condition; last: " + last);
    }

    @Test
    void theApiServesTheRunningSessionLive() throws Exception {
        JsonNode sessions = awaitJson("/api/sessions", s -> s.size() == 1 && s.get(0).get("trades").asInt() > 0);
        assertEquals("running", sessions.get(0).get("status").asText());
        JsonNode positions = awaitJson("/api/positions", p -> p.size() == 1);
        assertEquals("BTC/USD", positions.get(0).get("instrument").asText());
        assertTrue(positions.get(0).has("unrealizedPnl") && positions.get(0).has("mark"));
        JsonNode trades = json.readTree(get("/api/trades?limit=5").body());
        assertTrue(trades.size() >= 1 && trades.size() <= 5);
        long session = sessions.get(0).get("id").asLong();
        JsonNode equity = json.readTree(get("/api/equity?session=" + session).body());
        assertTrue(equity.size() > 10 && equity.get(0).get("equity").asDouble() > 0);
        assertEquals(200, get("/api/health").statusCode());
        JsonNode stats = json.readTree(get("/api/stats").body());
        assertEquals("BTC/USD", stats.get("instruments").get(0).get("instrument").asText());
        assertTrue(json.readTree(get("/api/plugins").body()).size() >= 5);
        assertEquals(400, get("/api/equity").statusCode(), "the equity of which session?");
        assertTrue(get("/api/trades?session=x").body().contains("session must be a session id"));
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Trellis status</title>"));
        assertTrue(get("/assets/uplot.js").body().contains("uPlot"), "the chart library is served from the bundled webjar");
    }

    @Test
    void controlsNeedTheTokenAndTheKillSwitchClosesEverythingAndStopsEntries() throws Exception {
        stop();
        start("hold", Params.empty()); // always wants to be long: only the kill switch can close it
        awaitJson("/api/positions", p -> p.size() == 1);
        assertEquals(401, post("/api/kill-switch", "{\"engaged\":true}", null).statusCode());
        assertEquals(403, post("/api/kill-switch", "{\"engaged\":true}", "wrong").statusCode());
        assertEquals(401, post("/api/positions/close-all", "", null).statusCode());
        assertEquals(401, post("/api/positions/BTC%2FUSD/close", "", null).statusCode());
        assertFalse(controls.killSwitchEngaged(), "refused requests changed nothing");
        assertEquals(400, post("/api/kill-switch", "{\"on\":true}", TOKEN).statusCode());
        HttpResponse<String> engaged = post("/api/kill-switch", "{\"engaged\":true}", TOKEN);
        assertEquals(200, engaged.statusCode(), engaged.body());
        assertTrue(json.readTree(get("/api/controls").body()).get("killSwitch").asBoolean());
        awaitJson("/api/positions", p -> p.size() == 0);
        JsonNode closed = awaitJson("/api/trades", t -> t.size() == 1);
        assertEquals("kill-switch", closed.get(0).get("exitReason").asText());
        assertTrue(closed.get(0).get("forced").asBoolean());
        Thread.sleep(1500); // a second and a half of replay: the strategy asks to buy on every bar
        assertEquals(0, json.readTree(get("/api/positions").body()).size(), "no new entries while the kill switch is engaged");
        assertEquals(1, json.readTree(get("/api/trades").body()).size());
    }

    @Test
    void aReadOnlyPageRefusesControlsAndMayNotListenBeyondLoopback() throws Exception {
        try (StatusServer readOnly = StatusServer.start(new StatusServer.Options("127.0.0.1", 0, ""), dir.resolve("sma-cross.db"),
                null, List.of())) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + readOnly.port()
                    + "/api/kill-switch")).POST(HttpRequest.BodyPublishers.ofString("{\"engaged\":true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode());
            assertTrue(r.body().contains("set trellis.web.token"), r.body());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StatusServer.start(
                new StatusServer.Options("0.0.0.0", 0, ""), dir.resolve("sma-cross.db"), null, List.of()));
        assertTrue(e.getMessage().contains("only with a control token"), e.getMessage());
    }

    @Test
    void thePageInHeadlessChromiumShowsPositionsTheEquityChartAndLiveUpdates() throws Exception {
        Path chromium = HeadlessChromium.find();
        assumeTrue(chromium != null, "Chromium is not installed (.ci/run installs it)");
        try (HeadlessChromium page = HeadlessChromium.open(chromium, uri("/").toString(), Files.createDirectories(dir.resolve("profile")))) {
            page.await("document.querySelector('#live').textContent === 'live'", 30);
            page.await("[...document.querySelectorAll('#positions td')].some(td => td.textContent === 'BTC/USD')", 30);
            page.await("document.querySelector('#equity-chart canvas') !== null", 30);
            page.await("document.querySelector('#drawdown-chart canvas') !== null", 30);
            int trades = page.eval("document.querySelectorAll('#trades tr').length").asInt();
            page.await("Number(document.body.dataset.updates) >= 2", 30);
            page.await("document.querySelectorAll('#trades tr').length > " + trades
                    + " || document.querySelectorAll('#trades tr').length >= 51", 30);
            page.screenshot(Path.of("target/status-page.png"));
            assertTrue(Files.size(Path.of("target/status-page.png")) > 10_000);
            assertEquals(Boolean.TRUE, page.eval("document.querySelector('#kill').hidden").asBoolean());
            post("/api/kill-switch", "{\"engaged\":true}", TOKEN);
            page.await("document.querySelector('#kill').hidden === false", 30);
        }
    }
}
