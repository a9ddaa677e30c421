package org.trellis.runtime.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trellis.runtime.alert.Alerts;
import org.trellis.runtime.engine.Controls;
import org.trellis.runtime.journal.Journal;
import org.trellis.runtime.plugin.PluginListing;

/**
 * The status page and its JSON API, served by Javalin from a journal: sessions, open positions
 * with live PnL, trades, equity and drawdown, health events, statistics, guard states, model
 * training curves and loaded plugins, updated live over server-sent events. Control endpoints
 * (kill switch, close a position, close all) act on the sessions of this process and need the
 * configured token; without one the page is read-only.
 */
public final class StatusServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusServer.class);
    /** The bundled uPlot webjar's version: keep in step with uplot.version in the parent POM. */
    static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";

    /** Where to listen and the control token ("" = controls off). */
    public record Options(String host, int port, String token) {
    }

    private final Javalin app;
    private final Journal journal;
    private final ScheduledExecutorService poller;
    private final List<SseClient> clients = new CopyOnWriteArrayList<>();

    private StatusServer(Javalin app, Journal journal, ScheduledExecutorService poller) {
        this.app = app;
        this.journal = journal;
        this.poller = poller;
    }

    /**
     * Starts serving {@code journalFile}. {@code controls} are the running sessions' (null when the
     * journal is only read, as by {@code trellis serve}).
     */
    public static StatusServer start(Options options, Path journalFile, Controls controls, List<PluginListing.Row> plugins) {
        return start(options, journalFile, controls, plugins, Alerts.NONE);
    }

    /** The same, telling {@code alerts} about kill-switch changes. */
    public static StatusServer start(Options options, Path journalFile, Controls controls, List<PluginListing.Row> plugins,
                                     Alerts alerts) {
        if (!isLoopback(options.host()) && options.token().isEmpty()) {
            throw new IllegalArgumentException("the status page may listen on " + options.host() + " (not a loopback address) "
                    + "only with a control token: set trellis.web.token (or TRELLIS_WEB_TOKEN)");
        }
        Journal journal = Journal.openReader(journalFile);
        StatusData data = new StatusData(journal);
        ControlEndpoints control = new ControlEndpoints(controls, options.token(), alerts);
        Javalin app = Javalin.create(config -> config.showJavalinBanner = false);
        app.get("/", ctx -> page(ctx, "status.html", "text/html; charset=utf-8"));
        app.get("/assets/status.js", ctx -> page(ctx, "status.js", "text/javascript; charset=utf-8"));
        app.get("/assets/status.css", ctx -> page(ctx, "status.css", "text/css; charset=utf-8"));
        app.get("/assets/uplot.js", ctx -> webjar(ctx, UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"));
        app.get("/assets/uplot.css", ctx -> webjar(ctx, UPLOT + "uPlot.min.css", "text/css; charset=utf-8"));
        app.get("/api/sessions", ctx -> ctx.json(data.sessions()));
        app.get("/api/positions", ctx -> ctx.json(data.positions()));
        app.get("/api/trades", ctx -> ctx.json(data.trades(session(ctx), limit(ctx))));
        app.get("/api/equity", ctx -> ctx.json(data.equity(requiredSession(ctx))));
        app.get("/api/health", ctx -> ctx.json(data.health(session(ctx))));
        app.get("/api/stats", ctx -> ctx.json(Map.of("sessions", data.sessions(), "instruments", data.instrumentStats())));
        app.get("/api/guards", ctx -> ctx.json(data.guards()));
        app.get("/api/models", ctx -> ctx.json(data.models()));
        app.get("/api/plugins", ctx -> ctx.json(plugins));
        app.get("/api/controls", ctx -> ctx.json(control.state()));
        app.post("/api/kill-switch", control::killSwitch);
        app.post("/api/positions/close-all", control::closeAll);
        app.post("/api/positions/{instrument}/close", control::close);
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage())));
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trellis-status-updates");
            t.setDaemon(true);
            return t;
        });
        StatusServer server = new StatusServer(app, journal, poller);
        app.sse("/api/events", server::subscribe);
        try {
            app.start(options.host(), options.port());
        } catch (RuntimeException e) { // e.g. the port is taken: leave nothing running behind
            poller.shutdownNow();
            journal.close();
            throw new IllegalArgumentException("the status page cannot listen on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
        poller.scheduleWithFixedDelay(server.changes(data, controls), 250, 250, TimeUnit.MILLISECONDS);
        LOG.info("status page on http://{}:{}/ (journal {}; controls {})", options.host(), app.port(), journalFile,
                options.token().isEmpty() ? "off: no token" : controls == null ? "off: no session in this process" : "on");
        return server;
    }

    public int port() {
        return app.port();
    }

    private void subscribe(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendEvent("hello", "{}");
    }

    /** Tells every page to refresh when the journal changed (another connection committed) or the controls did. */
    private Runnable changes(StatusData data, Controls controls) {
        long[] seen = {Long.MIN_VALUE, 0};
        return () -> {
            try {
                long version = data.version();
                long kill = controls != null && controls.killSwitchEngaged() ? 1 : 0;
                if (version != seen[0] || kill != seen[1]) {
                    seen[0] = version;
                    seen[1] = kill;
                    for (SseClient c : clients) {
                        c.sendEvent("update", "{\"version\":" + version + "}");
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("status update poll failed", e);
            }
        };
    }

    @Override
    public void close() {
        poller.shutdownNow();
        clients.forEach(SseClient::close);
        app.stop();
        journal.close();
    }

    private static Long session(Context ctx) {
        String s = ctx.queryParam("session");
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("session must be a session id (a whole number), got '" + s + "'");
        }
    }

    private static long requiredSession(Context ctx) {
        Long s = session(ctx);
        if (s == null) {
            throw new IllegalArgumentException("give the session: /api/equity?session=ID");
        }
        return s;
    }

    private static int limit(Context ctx) {
        String l = ctx.queryParam("limit");
        try {
            return l == null ? 100 : Math.max(1, Math.min(10_000, Integer.parseInt(l.trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number, got '" + l + "'");
        }
    }

    private static void page(Context ctx, String name, String type) {
        ctx.contentType(type).result(resource(StatusServer.class.getResourceAsStream(name), name));
    }

    private static void webjar(Context ctx, String path, String type) {
        ctx.contentType(type).header("Cache-Control", "max-age=86400")
                .result(resource(StatusServer.class.getClassLoader().getResourceAsStream(path), path));
    }

    private static byte[] resource(InputStream in, String name) {
        if (in == null) {
            throw new IllegalStateException("status page resource " + name + " is missing from the classpath");
        }
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host for the status page: " + host, e);
        }
    }
}
