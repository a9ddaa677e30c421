package org.trellis.runtime.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.trellis.runtime.engine.ClosedTrade;

/** The closed trades of a run as CSV, one round trip per row. */
public final class TradesCsv {
    public static final String[] HEADER = {"instrument", "side", "entry_time", "entry_price", "exit_time", "exit_price",
        "quantity", "pnl", "fees", "exit_reason"};

    private TradesCsv() {
    }

    public static String toCsv(List<ClosedTrade> trades) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (ClosedTrade t : trades) {
                csv.printRecord(t.instrument().symbol(), t.direction().name().toLowerCase(Locale.ROOT),
                        Times.iso(t.entryTime()), num(t.entryPrice()), Times.iso(t.exitTime()), num(t.exitPrice()),
                        num(t.quantity()), num(t.pnl()), num(t.fees()), t.exitReason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(List<ClosedTrade> trades, Path file) {
        ReportFiles.writeAtomically(file, toCsv(trades));
    }

    private static String num(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
