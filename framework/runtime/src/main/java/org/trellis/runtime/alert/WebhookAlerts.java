package org.trellis.runtime.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts to webhooks from a background thread: {@link #send} only puts the alert in a
 * bounded queue (when it is full the alert is dropped with a warning rather than wait), and the
 * sender retries each delivery with growing pauses (0.5 s, 1 s, 2 s, ...) on errors and on HTTP
 * 429 and 5xx answers.
 */
public final class WebhookAlerts implements Alerts {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookAlerts.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Alert STOP = new Alert("stop", "", "", 0, 0, "");

    /** One receiver. */
    public record Webhook(URI url, WebhookFormat format) {
    }

    private final List<Webhook> hooks;
    private final int attempts;
    private final long firstPauseMillis;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BlockingQueue<Alert> queue = new ArrayBlockingQueue<>(1000);
    private final Thread sender;

    /** {@code attempts}: deliveries tried per alert and webhook (at least 1). */
    public WebhookAlerts(List<Webhook> hooks, int attempts, long firstPauseMillis) {
        this.hooks = List.copyOf(hooks);
        this.attempts = Math.max(1, attempts);
        this.firstPauseMillis = firstPauseMillis;
        this.sender = new Thread(this::deliverAll, "trellis-alerts");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void send(Alert alert) {
        if (!queue.offer(alert)) {
            LOG.warn("alert queue full: dropped '{}'", alert.title());
        }
    }

    private void deliverAll() {
        try {
            while (true) {
                Alert a = queue.take();
                if (a == STOP) {
                    return;
                }
                for (Webhook h : hooks) {
                    deliver(h, a);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Webhook hook, Alert alert) throws InterruptedException {
        String body;
        try {
            body = JSON.writeValueAsString(hook.format().body(alert));
        } catch (JsonProcessingException e) {
            LOG.warn("alert '{}' cannot be written as JSON: {}", alert.title(), e.getMessage());
            return;
        }
        long pause = firstPauseMillis;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            String problem;
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(hook.url()).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() < 300) {
                    return;
                }
                problem = "HTTP " + r.statusCode();
                if (r.statusCode() < 500 && r.statusCode() != 429) {
                    LOG.warn("webhook {} refused alert '{}': {} (not retried)", hook.url(), alert.title(), problem);
                    return;
                }
            } catch (java.io.IOException e) {
                problem = e.toString();
            }
            if (attempt == attempts) {
                LOG.warn("webhook {} did not take alert '{}' after {} attempts: {}", hook.url(), alert.title(), attempts, problem);
                return;
            }
            TimeUnit.MILLISECONDS.sleep(pause);
            pause *= 2;
        }
    }

    /** Delivers what is queued (waiting up to 10 s), then stops the sender. */
    @Override
    public void close() {
        queue.offer(STOP);
        try {
            sender.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender.isAlive()) {
            sender.interrupt();
        }
    }
}
