package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.trellis.api.market.BarSeries;
import org.trellis.ml.spi.TrainingContext;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.DataResolver;
import org.trellis.runtime.data.LoadedSeries;

/** The runtime's services for a plugin's trainer: data loaded like every run's, configured paths and engine. */
final class HostTrainingContext implements TrainingContext {
    private final TrellisConfig config;
    private final PrintWriter out;
    private final PrintWriter err;

    HostTrainingContext(TrellisConfig config, PrintWriter out, PrintWriter err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    @Override
    public BarSeries data(String spec) {
        return load(config, spec, err);
    }

    /** Bars by dataset name or path, as every run loads them; skipped bad rows (when allowed) are shown on err. */
    static ColumnarBarSeries load(TrellisConfig config, String spec, PrintWriter err) {
        DataResolver resolver = new DataResolver(config.csvLayout(), config.loadOptions(), config.seed(), config.tradeBarMillis());
        LoadedSeries loaded = resolver.resolve(spec);
        if (loaded.skipped().count() > 0) {
            err.println("warning: skipped " + loaded.skipped().count() + " bad row(s) in " + spec + ", e.g.:");
            loaded.skipped().examples().forEach(e -> err.println("  " + e));
        }
        return loaded.series();
    }

    @Override
    public String defaultData() {
        return config.defaultData();
    }

    @Override
    public Path modelsDir() {
        return config.modelsDir();
    }

    @Override
    public String defaultEngine() {
        return config.mlEngine();
    }

    @Override
    public long seed() {
        return config.seed();
    }

    @Override
    public String trellisVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public PrintWriter err() {
        return err;
    }

    @Override
    public boolean interactive() {
        return System.console() != null;
    }
}
