package org.trellis.runtime.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trellis.runtime.testing.Cli.trellis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.runtime.testing.Cli.Outcome;

/** Alerts reach a local HTTP receiver, with retries, in both formats, without ever holding up the sender. */
class WebhookAlertsTest {
    final ObjectMapper json = new ObjectMapper();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    HttpServer receiver;

    /** A receiver answering {@code statuses} in turn (then 204), after waiting for {@code gate}. */
    URI receive(CountDownLatch gate, int... statuses) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            int n = requests.getAndIncrement();
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = n < statuses.length ? statuses[n] : 204;
            if (status < 300) {
                bodies.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    static Alert alert(String title) {
        return new Alert("kill-switch", title, "from a test", 1_385_337_600_000L, 7, "swing");
    }

    @Test
    void aFailingReceiverIsRetriedUntilItTakesTheAlert() throws Exception {
        URI url = receive(new CountDownLatch(0), 500, 503);
        try (WebhookAlerts alerts = new WebhookAlerts(List.of(new WebhookAlerts.Webhook(url, WebhookFormat.JSON)), 5, 10)) {
            alerts.send(alert("kill switch ENGAGED"));
        }
        assertEquals(3, requests.get(), "two failures, then delivered");
        assertEquals(1, bodies.size());
        JsonNode body = json.readTree(bodies.get(0));
        assertEquals("kill-switch", body.get("event").asText());
        assertEquals("kill switch ENGAGED", body.get("title").asText());
        assertEquals("2013-11-25T00:00:00Z", body.get("time").asText());
        assertEquals(7, body.get("session").asLong());
    }

    @Test
    void discordFormatAndRefusalsThatAreNotRetried() throws Exception {
        URI url = receive(new CountDownLatch(0), 400);
        try (WebhookAlerts alerts = new WebhookAlerts(List.of(new WebhookAlerts.Webhook(url, WebhookFormat.DISCORD)), 5, 10)) {
            alerts.send(alert("refused"));
            alerts.send(alert("taken"));
        }
        assertEquals(2, requests.get(), "a 400 is not retried; the next alert still goes");
        JsonNode body = json.readTree(bodies.get(0));
        assertEquals("Trellis", body.get("username").asText());
        assertTrue(body.get("content").asText().startsWith("**taken**\nfrom a test"), body.toString());
    }

    @Test
    void sendingNeverWaitsForTheReceiver() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        URI url = receive(gate);
        WebhookAlerts alerts = new WebhookAlerts(List.of(new WebhookAlerts.Webhook(url, WebhookFormat.JSON)), 1, 10);
        // the receiver holds every request until the gate opens: send() must return all the same
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 50; i++) {
                alerts.send(alert("alert " + i));
            }
        });
        gate.countDown();
        alerts.close();
        assertEquals(50, bodies.size(), "every queued alert is delivered once the receiver answers");
    }

    @Test
    void aPaperSessionAlertsWhenItStartsAndEnds(@TempDir Path dir) throws Exception {
        URI url = receive(new CountDownLatch(0));
        Path config = Files.writeString(dir.resolve("alerts.conf"),
                "trellis.alerts.webhooks = [{ url = \"" + url + "\", format = json }]\n");
        Path script = Files.writeString(dir.resolve("s.groovy"), "strategy('s') { data 'btc-usd-1h'; model 'sma-cross' }\n");
        Outcome o = trellis("run", script.toString(), "--mode", "paper", "--speed", "1e9", "--config", config.toString(),
                "--journal", dir.resolve("j.db").toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        List<String> events = bodies.stream().map(b -> {
            try {
                return json.readTree(b).get("event").asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(List.of("session-started", "session-finished"), events);
        Outcome backtest = trellis("run", script.toString(), "--config", config.toString(), "--journal", dir.resolve("j.db").toString(),
                "--quiet");
        assertEquals(0, backtest.code());
        assertEquals(2, bodies.size(), "backtests page no one");
    }
}
