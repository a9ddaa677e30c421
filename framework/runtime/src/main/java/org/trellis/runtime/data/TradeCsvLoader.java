package org.trellis.runtime.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.trellis.api.market.Instrument;

/**
 * Loads a trade tape from a CSV with header {@code timestamp,price,amount} (time in any format
 * {@link TimeParser} reads). Trades may share a timestamp but never go back in time.
 */
public final class TradeCsvLoader {
    private final TimeParser times;
    private final LoadOptions options;

    public TradeCsvLoader(TimeParser times, LoadOptions options) {
        this.times = times;
        this.options = options;
    }

    public TradeTape load(Path file, Instrument instrument) {
        return TextFiles.read(file, (reader, source) -> load(reader, source, instrument));
    }

    public TradeTape load(Reader reader, String source, Instrument instrument) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        long[] time = new long[4096];
        double[] price = new double[4096];
        double[] amount = new double[4096];
        int n = 0;
        SkippedRows skipped = new SkippedRows();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            int[] cols = columns(parser, source);
            for (CSVRecord row : parser) {
                long line = row.getRecordNumber() + 1;
                try {
                    if (row.size() < 3) {
                        throw new DataException(source, line, null, "row has " + row.size() + " fields, expected 3");
                    }
                    long t;
                    try {
                        t = times.parse(row.get(cols[0]));
                    } catch (IllegalArgumentException e) {
                        throw new DataException(source, line, "timestamp", e.getMessage());
                    }
                    double p = number(row.get(cols[1]), source, line, "price");
                    double a = number(row.get(cols[2]), source, line, "amount");
                    String[] bad = BarChecks.positive("price", p);
                    if (bad != null) {
                        throw new DataException(source, line, bad[0], bad[1]);
                    }
                    if (!(a >= 0) || Double.isInfinite(a)) {
                        throw new DataException(source, line, "amount", "amount must be a finite number >= 0, got " + a);
                    }
                    if (n > 0 && t < time[n - 1]) {
                        throw new DataException(source, line, "timestamp", "time " + row.get(cols[0])
                                + " is earlier than the previous trade's (trades must be in time order)");
                    }
                    if (n == time.length) {
                        time = Arrays.copyOf(time, n * 2);
                        price = Arrays.copyOf(price, n * 2);
                        amount = Arrays.copyOf(amount, n * 2);
                    }
                    time[n] = t;
                    price[n] = p;
                    amount[n] = a;
                    n++;
                } catch (DataException problem) {
                    skipped.handle(problem, options);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (n == 0) {
            throw new DataException(source, "no trades");
        }
        return TradeTape.of(instrument, source, time, price, amount, n);
    }

    private static double number(String cell, String source, long line, String field) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new DataException(source, line, field, "not a number: '" + cell + "'");
        }
    }

    private static int[] columns(CSVParser parser, String source) {
        var header = parser.getHeaderNames().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        String[] wanted = {"timestamp", "price", "amount"};
        int[] cols = new int[3];
        for (int k = 0; k < 3; k++) {
            cols[k] = header.indexOf(wanted[k]);
            if (cols[k] < 0) {
                throw new DataException(source, 1, wanted[k], "column missing from the header " + header);
            }
        }
        return cols;
    }
}
