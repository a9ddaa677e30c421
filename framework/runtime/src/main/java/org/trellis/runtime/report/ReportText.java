package org.trellis.runtime.report;

import java.util.Locale;
import java.util.Map;

/** The report as people read it in a terminal. */
public final class ReportText {
    private ReportText() {
    }

    public static String render(BacktestReport r) {
        Performance p = r.performance();
        StringBuilder sb = new StringBuilder();
        sb.append("Backtest: ").append(r.strategy());
        if (!r.params().isEmpty()) {
            sb.append(' ').append(r.params());
        }
        sb.append('\n');
        for (DataInfo d : r.data()) {
            line(sb, "Data", d.instrument() + "  " + d.source() + "  (" + d.bars() + " bars of " + d.barSize() + ")");
        }
        line(sb, "Period", r.start() + " .. " + r.end());
        line(sb, "Bars", String.valueOf(r.bars()) + "  (warm-up " + r.warmUpBars() + ")");
        line(sb, "Costs", String.format(Locale.ROOT, "fee %.1f bps, slippage %.1f bps, fill at %s%s",
                r.settings().feeBps(), r.settings().slippageBps(),
                r.settings().fillTiming().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                r.settings().allowShort() ? ", shorts allowed" : ", long only"));
        line(sb, "Seed", String.valueOf(r.settings().seed()));
        sb.append('\n');
        line(sb, "Initial capital", money(p.initialCapital()));
        line(sb, "Final equity", money(p.finalEquity()));
        line(sb, "Total return", pct(p.totalReturn()));
        line(sb, "CAGR", pct(p.cagr()));
        line(sb, "Sharpe", ratio(p.sharpe()));
        line(sb, "Sortino", ratio(p.sortino()));
        line(sb, "Calmar", ratio(p.calmar()));
        Drawdown dd = p.maxDrawdown();
        line(sb, "Max drawdown", pct(-dd.depth()) + (dd.depth() > 0 ? "  (peak " + dd.peak() + ", trough " + dd.trough()
                + ", " + (dd.recovery() == null ? "not recovered" : "recovered " + dd.recovery()) + ")" : ""));
        line(sb, "Trades", p.trades() + "  (" + p.wins() + " won, " + p.losses() + " lost)");
        line(sb, "Win rate", pct(p.winRate()));
        line(sb, "Profit factor", ratio(p.profitFactor()));
        line(sb, "Expectancy", money(p.expectancy()) + " per trade (" + pct(p.expectancyReturn()) + ")");
        line(sb, "Exposure", pct(p.exposure()));
        line(sb, "Fees paid", money(p.feesPaid()));
        if (!r.vetoes().isEmpty()) {
            StringBuilder v = new StringBuilder();
            for (Map.Entry<String, Integer> e : r.vetoes().entrySet()) {
                v.append(v.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
            }
            line(sb, "Vetoed orders", v.toString());
        }
        if (r.cancelledOrders() > 0) {
            line(sb, "Unfilled at end", r.cancelledOrders() + " order(s) cancelled");
        }
        sb.append('\n').append(String.format(Locale.ROOT, "  %-14s %7s %7s %14s %12s%n", "Instrument", "Trades", "Won", "PnL", "Fees"));
        for (InstrumentPnl i : r.instruments()) {
            sb.append(String.format(Locale.ROOT, "  %-14s %7d %7d %14s %12s%n", i.instrument(), i.trades(), i.wins(),
                    money(i.pnl()), money(i.fees())));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "  %-16s %s%n", label, value));
    }

    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", v * 100) : "n/a";
    }

    static String ratio(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "n/a";
    }

    static String money(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.2f", v) : "n/a";
    }
}
