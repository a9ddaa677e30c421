package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.plugin.PluginFolder;
import org.trellis.runtime.plugin.PluginListing;
import org.trellis.runtime.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trellis plugins}: every part Trellis can use, where it comes from, and why any did not load. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every discovered part (strategies, feature sets, risk guards, executors): kind, name, "
                + "version, plugin, API version it needs, and whether it loaded (or why not).")
final class PluginsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON for machines instead of a table.")
    boolean json;

    @Mixin
    ConfigOptions configOptions;

    /** Exit code 0 when everything loaded, 3 when some plugin or part did not (scripts can check). */
    @Override
    public Integer call() throws Exception {
        PluginFolder folder = configOptions.plugins(configOptions.config());
        List<PluginListing.Row> rows;
        try (PartRegistry registry = PartRegistry.discover(folder)) {
            rows = PluginListing.of(registry);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("api", ApiVersion.CURRENT);
            doc.put("pluginsDir", folder.dir().toAbsolutePath().normalize().toString());
            doc.put("parts", rows);
            out.println(ReportJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } else {
            printTable(rows, folder, out);
        }
        out.flush();
        return rows.stream().allMatch(PluginListing.Row::loaded) ? 0 : 3;
    }

    private static void printTable(List<PluginListing.Row> rows, PluginFolder folder, PrintWriter out) {
        int kindW = width(rows, PluginListing.Row::kind, "KIND");
        int nameW = width(rows, PluginListing.Row::name, "NAME");
        int versionW = width(rows, PluginListing.Row::version, "VERSION");
        int pluginW = width(rows, r -> r.plugin() + " " + r.location(), "PLUGIN");
        String format = "%-" + kindW + "s  %-" + nameW + "s  %-" + versionW + "s  %-" + pluginW + "s  %-4s  %s%n";
        out.printf(Locale.ROOT, format, "KIND", "NAME", "VERSION", "PLUGIN", "API", "STATUS");
        for (PluginListing.Row r : rows) {
            out.printf(Locale.ROOT, format, r.kind(), r.name(), r.version(), r.plugin() + " " + r.location(), r.apiVersion(),
                    r.status());
        }
        out.println();
        out.println("Trellis API " + ApiVersion.CURRENT + "; plugins folder: " + PluginFolder.display(folder.dir())
                + (java.nio.file.Files.isDirectory(folder.dir()) ? "" : " (does not exist)"));
    }

    private static int width(List<PluginListing.Row> rows, java.util.function.Function<PluginListing.Row, String> field,
                             String header) {
        int w = header.length();
        for (PluginListing.Row r : rows) {
            w = Math.max(w, field.apply(r).length());
        }
        return w;
    }
}
