package org.trellis.runtime.alert;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.trellis.runtime.report.Times;

/** How an alert is written for a webhook: Discord's message JSON, or a plain JSON event. */
public enum WebhookFormat {
    /** {"username": "Trellis", "content": "**title**\ndetail"}: what Discord (and Slack-style receivers) expect. */
    DISCORD {
        @Override
        Map<String, Object> body(Alert a) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("username", "Trellis");
            String text = "**" + a.title() + "**" + (a.detail().isEmpty() ? "" : "\n" + a.detail()) + "\n" + Times.iso(a.time());
            m.put("content", text.length() > 2000 ? text.substring(0, 1997) + "..." : text);
            return m;
        }
    },
    /** {"event", "title", "detail", "time", "session", "strategy"}: for receivers of your own. */
    JSON {
        @Override
        Map<String, Object> body(Alert a) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", a.event());
            m.put("title", a.title());
            m.put("detail", a.detail());
            m.put("time", Times.iso(a.time()));
            m.put("session", a.session());
            m.put("strategy", a.strategy());
            return m;
        }
    };

    abstract Map<String, Object> body(Alert a);

    public static WebhookFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook format must be discord or json, not '" + text + "'");
        }
    }
}
