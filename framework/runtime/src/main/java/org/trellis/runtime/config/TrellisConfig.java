package org.trellis.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.trellis.runtime.data.CsvLayout;
import org.trellis.runtime.data.Durations;
import org.trellis.runtime.data.LoadOptions;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.execution.FillTiming;

/**
 * Trellis settings from Typesafe Config: {@code conf/application.conf} (defaults, documented there),
 * an optional file from {@code --config}, and {@code --set key=value} overrides on top.
 */
public final class TrellisConfig {
    private final Config config;

    private TrellisConfig(Config config) {
        this.config = config;
    }

    public static TrellisConfig load(Path overrideFile, Map<String, String> overrides) {
        Config base = ConfigFactory.load();
        if (overrideFile != null) {
            if (!Files.isRegularFile(overrideFile)) {
                throw new IllegalArgumentException("config file " + overrideFile + " does not exist");
            }
            base = ConfigFactory.parseFile(overrideFile.toFile(), ConfigParseOptions.defaults().setAllowMissing(false))
                    .withFallback(base).resolve();
        }
        if (overrides != null && !overrides.isEmpty()) {
            for (String key : overrides.keySet()) {
                if (!base.hasPath(key)) {
                    throw new IllegalArgumentException("--set " + key + ": no such setting (see conf/application.conf)");
                }
            }
            base = ConfigFactory.parseMap(overrides, "--set").withFallback(base).resolve();
        }
        return new TrellisConfig(base);
    }

    public static TrellisConfig defaults() {
        return load(null, Map.of());
    }

    public Config raw() {
        return config;
    }

    public long seed() {
        return get(() -> config.getLong("trellis.seed"), "trellis.seed");
    }

    public EngineSettings engine() {
        return get(() -> new EngineSettings(
                config.getDouble("trellis.backtest.capital"),
                config.getDouble("trellis.backtest.fee-bps"),
                config.getDouble("trellis.backtest.slippage-bps"),
                FillTiming.parse(config.getString("trellis.backtest.fill")),
                config.getBoolean("trellis.backtest.allow-short"),
                config.getDouble("trellis.backtest.size"),
                config.getDouble("trellis.backtest.max-leverage"),
                config.getBoolean("trellis.backtest.close-at-end"),
                seed()), "trellis.backtest");
    }

    /**
     * The plugins folder: {@code trellis.plugins.dir}, a relative path taken from the Trellis home
     * (system property {@code trellis.home}, set by the launcher) or else the working directory.
     */
    public org.trellis.runtime.plugin.PluginFolder plugins(Path overrideDir) {
        Path dir = overrideDir;
        if (dir == null) {
            dir = fromHome(Path.of(get(() -> config.getString("trellis.plugins.dir"), "trellis.plugins.dir")));
        } else if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--plugins " + dir + ": no such folder");
        }
        return new org.trellis.runtime.plugin.PluginFolder(dir,
                get(() -> config.getStringList("trellis.plugins.shared-packages"), "trellis.plugins.shared-packages"));
    }

    /** The journal file ({@code trellis.journal}), relative paths taken from the Trellis home like the plugins folder. */
    public Path journal() {
        return fromHome(Path.of(get(() -> config.getString("trellis.journal"), "trellis.journal")));
    }

    /** Where models are saved and listed ({@code trellis.ml.models-dir}), relative to the Trellis home. */
    public Path modelsDir() {
        return fromHome(Path.of(get(() -> config.getString("trellis.ml.models-dir"), "trellis.ml.models-dir")));
    }

    /** The engine for training and for models without a recorded one ({@code trellis.ml.engine}). */
    public String mlEngine() {
        return org.trellis.ml.engine.Engines.canonicalName(get(() -> config.getString("trellis.ml.engine"), "trellis.ml.engine"));
    }

    private static Path fromHome(Path p) {
        String home = System.getProperty("trellis.home");
        return !p.isAbsolute() && home != null ? Path.of(home).resolve(p) : p;
    }

    /** Where the status page listens and its control token ({@code trellis.web}); flags override host and port. */
    public org.trellis.runtime.web.StatusServer.Options web(String host, Integer port) {
        return get(() -> new org.trellis.runtime.web.StatusServer.Options(
                host != null ? host : config.getString("trellis.web.host"),
                port != null ? port : config.getInt("trellis.web.port"),
                config.getString("trellis.web.token")), "trellis.web");
    }

    /** The alert webhooks ({@code trellis.alerts}); {@link org.trellis.runtime.alert.Alerts#NONE} when none is set. */
    public org.trellis.runtime.alert.Alerts alerts() {
        List<org.trellis.runtime.alert.WebhookAlerts.Webhook> hooks = get(() -> {
            List<org.trellis.runtime.alert.WebhookAlerts.Webhook> out = new java.util.ArrayList<>();
            for (Config c : config.getConfigList("trellis.alerts.webhooks")) {
                out.add(new org.trellis.runtime.alert.WebhookAlerts.Webhook(webhookUrl(c.getString("url")),
                        org.trellis.runtime.alert.WebhookFormat.parse(c.hasPath("format") ? c.getString("format") : "json")));
            }
            String single = config.getString("trellis.alerts.webhook");
            if (!single.isBlank()) {
                out.add(new org.trellis.runtime.alert.WebhookAlerts.Webhook(webhookUrl(single),
                        org.trellis.runtime.alert.WebhookFormat.DISCORD));
            }
            return out;
        }, "trellis.alerts");
        if (hooks.isEmpty()) {
            return org.trellis.runtime.alert.Alerts.NONE;
        }
        return new org.trellis.runtime.alert.WebhookAlerts(hooks, get(() -> config.getInt("trellis.alerts.attempts"),
                "trellis.alerts.attempts"), 500);
    }

    private static java.net.URI webhookUrl(String text) {
        try {
            java.net.URI u = new java.net.URI(text.trim());
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                throw new IllegalArgumentException("a webhook url must be http(s), got '" + text + "'");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a webhook url: '" + text + "'");
        }
    }

    public String defaultData() {
        return get(() -> config.getString("trellis.data.default"), "trellis.data.default");
    }

    public LoadOptions loadOptions() {
        return new LoadOptions(get(() -> config.getBoolean("trellis.data.skip-bad-rows"), "trellis.data.skip-bad-rows"));
    }

    public long tradeBarMillis() {
        return get(() -> Durations.parseMillis(config.getString("trellis.data.trade-bar")), "trellis.data.trade-bar");
    }

    public CsvLayout csvLayout() {
        return get(() -> {
            Config c = config.getConfig("trellis.data.csv");
            String delimiter = c.getString("delimiter");
            if (delimiter.length() != 1) {
                throw new IllegalArgumentException("trellis.data.csv.delimiter must be one character, got '" + delimiter + "'");
            }
            ZoneId zone;
            try {
                zone = ZoneId.of(c.getString("zone"));
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("trellis.data.csv.zone: " + e.getMessage() + " (e.g. UTC, Europe/London)");
            }
            try {
                new org.trellis.runtime.data.TimeParser(c.getString("time-format"), zone);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("trellis.data.csv.time-format '" + c.getString("time-format")
                        + "': " + e.getMessage() + " (auto, epoch-s, epoch-ms or a java.time pattern)");
            }
            return new CsvLayout(c.getString("time-column"), c.getString("open-column"), c.getString("high-column"),
                    c.getString("low-column"), c.getString("close-column"), c.getString("volume-column"),
                    c.getString("time-format"), zone, delimiter.charAt(0));
        }, "trellis.data.csv");
    }

    private static <T> T get(java.util.function.Supplier<T> read, String where) {
        try {
            return read.get();
        } catch (ConfigException e) {
            throw new IllegalArgumentException("bad setting under " + where + ": " + e.getMessage(), e);
        }
    }
}
