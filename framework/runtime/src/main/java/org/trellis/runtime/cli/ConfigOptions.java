package org.trellis.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.plugin.PluginFolder;
import picocli.CommandLine.Option;

/** What every command that reads settings or uses parts takes: config layers and the plugins folder. */
final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "Extra config file layered over conf/application.conf.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config setting, e.g. --set trellis.backtest.capital=5000.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--plugins", paramLabel = "DIR", description = "Plugins folder (default: trellis.plugins.dir, i.e. plugins/).")
    Path pluginsDir;

    TrellisConfig config() {
        return TrellisConfig.load(configFile, KeyValues.parse(sets, "--set"));
    }

    /** The plugins folder: --plugins, else trellis.plugins.dir. */
    PluginFolder plugins(TrellisConfig config) {
        return config.plugins(pluginsDir);
    }

    /** The built-in parts and the plugins folder's. */
    PartRegistry parts(TrellisConfig config) {
        return PartRegistry.discover(plugins(config));
    }
}
