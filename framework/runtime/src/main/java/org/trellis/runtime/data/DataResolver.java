package org.trellis.runtime.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trellis.api.market.Instrument;
import org.trellis.runtime.plugin.Names;

/**
 * Turns what a user typed after {@code --data} into bars: a bundled dataset name, a path to a bar
 * CSV (or a trade CSV, detected by its header, aggregated to {@code trades-bar} bars), or
 * {@code synthetic[:bars=N,seed=S,bar=1m]}.
 */
public final class DataResolver {
    private final CsvLayout layout;
    private final LoadOptions options;
    private final long defaultSeed;
    private final long tradeBarMillis;

    public DataResolver(CsvLayout layout, LoadOptions options, long defaultSeed, long tradeBarMillis) {
        this.layout = layout;
        this.options = options;
        this.defaultSeed = defaultSeed;
        this.tradeBarMillis = tradeBarMillis;
    }

    public LoadedSeries resolve(String spec) {
        if (BundledData.exists(spec)) {
            return new LoadedSeries(BundledData.bars(spec), new SkippedRows());
        }
        if (spec.equals("synthetic") || spec.startsWith("synthetic:")) {
            return new LoadedSeries(synthetic(spec), new SkippedRows());
        }
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("--data " + spec + " is a directory; give a CSV file or a dataset name");
        }
        if (Files.isRegularFile(path)) {
            String symbol = symbolOf(path);
            if (looksLikeTrades(path)) {
                TradeTape tape = new TradeCsvLoader(new TimeParser(layout.timeFormat(), layout.zone()), options)
                        .load(path, Instrument.spot(symbol));
                return new LoadedSeries(tape.toBars(tradeBarMillis), tape.skipped());
            }
            return new CsvBarLoader(layout, options).load(path, Instrument.spot(symbol));
        }
        List<String> known = new ArrayList<>();
        BundledData.DATASETS.forEach(d -> known.add(d.name()));
        known.add("synthetic");
        throw new IllegalArgumentException("no dataset or file named '" + spec + "'." + Names.suggestion(spec, known)
                + " Bundled datasets: " + String.join(", ", known) + "; or give a path to a CSV file.");
    }

    /** A trade tape: the bundled {@code btc-usd-trades} or a trade CSV (timestamp,price,amount). */
    public TradeTape trades(String spec) {
        if (spec.equals("btc-usd-trades")) {
            return BundledData.btcTrades();
        }
        Path path = Path.of(spec);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no trade tape named '" + spec + "': give btc-usd-trades (bundled) or a trade CSV "
                    + "with the columns timestamp,price,amount");
        }
        return new TradeCsvLoader(new TimeParser(layout.timeFormat(), layout.zone()), options).load(path, Instrument.spot(symbolOf(path)));
    }

    private ColumnarBarSeries synthetic(String spec) {
        int bars = 100_000;
        long seed = defaultSeed;
        long barMillis = 60_000L;
        if (spec.startsWith("synthetic:")) {
            for (String kv : spec.substring("synthetic:".length()).split(",")) {
                String[] p = kv.split("=", 2);
                if (p.length != 2) {
                    throw new IllegalArgumentException("synthetic data options look like synthetic:bars=100000,seed=7,bar=1m; got '" + kv + "'");
                }
                switch (p[0].trim()) {
                    case "bars" -> bars = whole(p[1], "bars");
                    case "seed" -> seed = whole(p[1], "seed");
                    case "bar" -> barMillis = Durations.parseMillis(p[1].trim());
                    default -> throw new IllegalArgumentException("unknown synthetic data option '" + p[0]
                            + "' (known: bars, seed, bar)");
                }
            }
        }
        return new SyntheticBars(seed, barMillis, 1_577_836_800_000L, 100.0).generate(bars);
    }

    private static int whole(String text, String option) {
        try {
            return Integer.parseInt(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("synthetic data option " + option + " must be a whole number, got '" + text + "'");
        }
    }

    private static boolean looksLikeTrades(Path path) {
        try (var lines = Files.lines(path)) {
            String header = lines.findFirst().orElse("").toLowerCase(Locale.ROOT).replace(" ", "");
            return header.startsWith("timestamp,price,amount");
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static String symbolOf(Path path) {
        String file = path.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
