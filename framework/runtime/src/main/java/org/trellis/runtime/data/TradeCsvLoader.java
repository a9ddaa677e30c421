package org.trellis.runtime.data;

import java.io.Reader;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.csv.CSVRecord;
import org.trellis.api.market.Instrument;

/**
 * Loads a trade tape from a CSV with header {@code timestamp,price,amount} (time in any format
 * {@link TimeParser} reads). Trades may share a timestamp but never go back in time.
 */
public final class TradeCsvLoader {
    private static final String[] COLUMNS = {"timestamp", "price", "amount"};
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
        Tape tape = new Tape();
        SkippedRows skipped = new SkippedRows();
        int[] cols = new int[COLUMNS.length];
        CsvRows.read(reader, source, ',', COLUMNS, cols, (row, line) -> {
            try {
                tape.add(row, line, cols, source);
            } catch (DataException problem) {
                skipped.handle(problem, options);
            }
        });
        if (tape.n == 0) {
            throw new DataException(source, skipped.count() > 0
                    ? "no usable trades (" + skipped.count() + " skipped; first: " + skipped.examples().get(0) + ")"
                    : "no trades after the header");
        }
        return TradeTape.of(instrument, source, tape.time, tape.price, tape.amount, tape.n, skipped);
    }

    /** The columns being filled. */
    private final class Tape {
        long[] time = new long[4096];
        double[] price = new double[4096];
        double[] amount = new double[4096];
        int n;

        void add(CSVRecord row, long line, int[] cols, String source) {
            if (row.size() < COLUMNS.length) {
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
        }
    }

    private static double number(String cell, String source, long line, String field) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new DataException(source, line, field, "not a number: '" + cell + "'");
        }
    }
}
