package org.trellis.runtime.data;

import java.io.Reader;
import java.nio.file.Path;
import org.apache.commons.csv.CSVRecord;
import org.trellis.api.market.Instrument;

/** Loads OHLCV bars from a CSV with a header row, checking every row (see {@link BarChecks}). */
public final class CsvBarLoader {
    private final CsvLayout layout;
    private final LoadOptions options;

    public CsvBarLoader(CsvLayout layout, LoadOptions options) {
        this.layout = layout;
        this.options = options;
    }

    public LoadedSeries load(Path file, Instrument instrument) {
        return TextFiles.read(file, (reader, source) -> load(reader, source, instrument));
    }

    public LoadedSeries load(Reader reader, String source, Instrument instrument) {
        SkippedRows skipped = new SkippedRows();
        ColumnarBarSeries.Builder bars = ColumnarBarSeries.builder(instrument, source);
        TimeParser times = new TimeParser(layout.timeFormat(), layout.zone());
        String[] names = {layout.time(), layout.open(), layout.high(), layout.low(), layout.close(), layout.volume()};
        int[] cols = new int[names.length];
        CsvRows.read(reader, source, layout.delimiter(), names, cols, (row, line) -> {
            try {
                readRow(row, line, cols, names, times, bars, source);
            } catch (DataException problem) {
                skipped.handle(problem, options);
            }
        });
        if (bars.size() == 0) {
            throw new DataException(source, skipped.count() > 0
                    ? "no usable rows (" + skipped.count() + " skipped; first: " + skipped.examples().get(0) + ")"
                    : "no data rows after the header");
        }
        return new LoadedSeries(bars.build(), skipped);
    }

    private static void readRow(CSVRecord row, long line, int[] cols, String[] names, TimeParser times,
                                ColumnarBarSeries.Builder bars, String source) {
        int needed = 0;
        for (int c : cols) {
            needed = Math.max(needed, c + 1);
        }
        if (row.size() < needed) {
            throw new DataException(source, line, null,
                    "row has " + row.size() + " fields, the header promises at least " + needed);
        }
        long t;
        try {
            t = times.parse(row.get(cols[0]));
        } catch (IllegalArgumentException e) {
            throw new DataException(source, line, names[0], e.getMessage());
        }
        double[] v = new double[5];
        for (int k = 0; k < 5; k++) {
            String cell = row.get(cols[k + 1]);
            try {
                v[k] = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new DataException(source, line, names[k + 1], "not a number: '" + cell + "'");
            }
        }
        String[] problem = BarChecks.problem(v[0], v[1], v[2], v[3], v[4]);
        if (problem != null) {
            throw new DataException(source, line, problem[0], problem[1]);
        }
        if (t <= bars.lastTime()) {
            throw new DataException(source, line, names[0], (t == bars.lastTime() ? "duplicate timestamp " : "timestamp ")
                    + row.get(cols[0]) + (t == bars.lastTime() ? "" : " is earlier than the previous row's")
                    + " (rows must be in strictly increasing time order)");
        }
        bars.add(t, v[0], v[1], v[2], v[3], v[4]);
    }
}
