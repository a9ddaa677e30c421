package org.trellis.runtime.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trellis.runtime.alert.Alert;
import org.trellis.runtime.alert.Alerts;
import org.trellis.runtime.engine.Controls;

/**
 * The endpoints that change things: kill switch, close a position, close all. Each needs
 * {@code Authorization: Bearer <token>} with the configured token (401 without, 403 with a wrong
 * one, 403 when no token is configured) and a session running in this process (409 otherwise).
 */
final class ControlEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(ControlEndpoints.class);
    private final Controls controls;
    private final String token;
    private final Alerts alerts;

    ControlEndpoints(Controls controls, String token, Alerts alerts) {
        this.controls = controls;
        this.token = token;
        this.alerts = alerts;
    }

    Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", controls != null && !token.isEmpty());
        m.put("killSwitch", controls != null && controls.killSwitchEngaged());
        return m;
    }

    void killSwitch(Context ctx) {
        if (allowed(ctx)) {
            Map<?, ?> body = ctx.bodyAsClass(Map.class);
            if (!(body.get("engaged") instanceof Boolean engaged)) {
                throw new IllegalArgumentException("send {\"engaged\": true} or {\"engaged\": false}");
            }
            controls.killSwitch(engaged);
            LOG.warn("kill switch {} from the status page ({})", engaged ? "ENGAGED" : "released", ctx.ip());
            alerts.send(new Alert("kill-switch", "kill switch " + (engaged ? "ENGAGED: closing every position, no new entries"
                    : "released: entries allowed again"), "from the status page (" + ctx.ip() + ")", System.currentTimeMillis(), 0, ""));
            ctx.json(state());
        }
    }

    void close(Context ctx) {
        if (allowed(ctx)) {
            String instrument = ctx.pathParam("instrument");
            controls.close(instrument);
            LOG.warn("close of {} requested from the status page ({})", instrument, ctx.ip());
            ctx.status(HttpStatus.ACCEPTED).json(Map.of("close", instrument));
        }
    }

    void closeAll(Context ctx) {
        if (allowed(ctx)) {
            controls.closeAll();
            LOG.warn("close of every position requested from the status page ({})", ctx.ip());
            ctx.status(HttpStatus.ACCEPTED).json(Map.of("close", "all"));
        }
    }

    private boolean allowed(Context ctx) {
        if (token.isEmpty()) {
            ctx.status(HttpStatus.FORBIDDEN).json(Map.of("error", "controls are off: set trellis.web.token to enable them"));
            return false;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            ctx.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer")
                    .json(Map.of("error", "this endpoint needs Authorization: Bearer <token>"));
            return false;
        }
        byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8))) {
            ctx.status(HttpStatus.FORBIDDEN).json(Map.of("error", "wrong token"));
            return false;
        }
        if (controls == null) {
            ctx.status(HttpStatus.CONFLICT).json(Map.of("error", "no session runs in this process (trellis serve only reads the journal)"));
            return false;
        }
        return true;
    }
}
