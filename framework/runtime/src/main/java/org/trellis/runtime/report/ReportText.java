package org.trellis.runtime.report;

import java.util.Locale;

/** The report as people read it in a terminal. */
public final class ReportText {
    private ReportText() {
    }

    public static String render(BacktestReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.mode().equals("backtest") ? "Backtest: " : "Paper: ").append(r.strategy());
        if (!r.params().isEmpty()) {
            sb.append(' ').append(r.params());
        }
        sb.append('\n');
        for (DataInfo d : r.data()) {
            line(sb, "Data", d.instrument() + "  " + d.source() + "  (" + d.bars() + " bars of " + d.barSize() + ")");
        }
        line(sb, "Period", r.start() + " .. " + r.end());
        line(sb, "Bars", String.valueOf(r.bars()) + "  (warm-up " + r.warmUpBars() + ")"
                + (r.stoppedEarly() ? ", stopped before the data ended" : ""));
        line(sb, "Costs", ReportFormat.costs(r));
        line(sb, "Seed", String.valueOf(r.settings().seed()));
        if (!r.market().isEmpty()) {
            sb.append("\nMarket:\n");
            int width = r.market().keySet().stream().mapToInt(String::length).max().orElse(16);
            r.market().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-" + width + "s  %s%n", k, ReportFormat.figure(v))));
        }
        sb.append('\n');
        for (ReportFormat.Row row : ReportFormat.metrics(r)) {
            line(sb, row.label(), row.value());
        }
        sb.append('\n').append(String.format(Locale.ROOT, "  %-14s %7s %7s %14s %12s%n", "Instrument", "Trades", "Won", "PnL", "Fees"));
        for (InstrumentPnl i : r.instruments()) {
            sb.append(String.format(Locale.ROOT, "  %-14s %7d %7d %14s %12s%n", i.instrument(), i.trades(), i.wins(),
                    ReportFormat.money(i.pnl()), ReportFormat.money(i.fees())));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "  %-16s %s%n", label, value));
    }
}
