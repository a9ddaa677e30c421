package org.trellis.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket, with the JDK's own client):
 * open a page, evaluate JavaScript in it, take a screenshot. Enough for browser tests without a
 * WebDriver.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();

    /** The Chromium binary on this machine, or null. */
    public static Path find() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    public static HeadlessChromium open(Path binary, String url, Path profile) throws Exception {
        Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--window-size=1280,2000",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, url)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                p.destroyForcibly();
                throw new IllegalStateException("Chromium did not open its DevTools port");
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String page = null;
        while (page == null) {
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode t : targets) {
                if (t.get("type").asText().equals("page")) {
                    page = t.get("webSocketDebuggerUrl").asText();
                }
            }
            if (page == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Chromium opened no page");
                }
                Thread.sleep(100);
            }
        }
        return new HeadlessChromium(p, http, page);
    }

    private HeadlessChromium(Process process, HttpClient http, String pageSocket) throws Exception {
        this.process = process;
        StringBuilder partial = new StringBuilder();
        this.socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        JsonNode message = JSON.readTree(partial.toString());
                        if (message.has("id")) {
                            CompletableFuture<JsonNode> f = replies.remove(message.get("id").asInt());
                            if (f != null) {
                                f.complete(message);
                            }
                        }
                    } catch (IOException e) {
                        // not a reply of ours
                    }
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).get(10, TimeUnit.SECONDS);
        JsonNode r = reply.get(30, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IllegalStateException(method + ": " + r.get("error"));
        }
        return r.get("result");
    }

    /** Evaluates {@code expression} in the page; returns its value as JSON. */
    public JsonNode eval(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException(expression + " threw: " + r.get("exceptionDetails"));
        }
        return r.get("result").get("value");
    }

    /** Waits (up to {@code seconds}) until {@code condition} is true in the page. */
    public void await(String condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try {
                JsonNode v = eval("Boolean(" + condition + ")");
                if (v != null && v.asBoolean()) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // the page is still loading: the elements the condition reads are not there yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page never met: " + condition + "; body: "
                        + eval("document.body ? document.body.innerText.slice(0, 2000) : '(no body)'"));
            }
            Thread.sleep(200);
        }
    }

    public void screenshot(Path file) throws Exception {
        JsonNode r = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
    }

    @Override
    public void close() {
        socket.abort();
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
