package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.engine.Controls;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.plugin.PluginListing;
import org.trellis.runtime.web.StatusServer;
import picocli.CommandLine.Option;

/** {@code --serve}, {@code --port}, {@code --host}: the status page beside a run. */
final class WebOptions {
    @Option(names = "--serve", description = "Serve the status page (sessions, positions, trades, equity, health; live) "
            + "while the run goes, and after it until Ctrl-C.")
    boolean serve;

    @Option(names = "--port", paramLabel = "N", description = "Status page port (default trellis.web.port, 7070).")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", description = "Status page address (default trellis.web.host, 127.0.0.1; "
            + "anything but loopback needs trellis.web.token).")
    String host;

    /** Starts the page over {@code journal} with {@code controls} (null: read-only). */
    StatusServer start(TrellisConfig config, Path journal, Controls controls, PartRegistry registry, PrintWriter out,
                       org.trellis.runtime.alert.Alerts alerts) {
        if (journal == null) {
            throw new IllegalArgumentException("--serve shows the journal: drop --no-journal");
        }
        StatusServer.Options options = config.web(host, port);
        List<PluginListing.Row> plugins = PluginListing.of(registry);
        StatusServer server = StatusServer.start(options, journal, controls, plugins, alerts);
        out.println("status page: http://" + options.host() + ":" + server.port() + "/");
        out.flush();
        return server;
    }

    /** Keeps the process (and the page) up until Ctrl-C or SIGTERM ends it. */
    static void serveUntilStopped(PrintWriter out) throws InterruptedException {
        out.println("serving until Ctrl-C");
        out.flush();
        Thread.currentThread().join();
    }
}
