package org.trellis.runtime.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trellis.runtime.engine.EngineSettings;

/**
 * How report figures are worded, shared by the text and HTML reports so that both show the same
 * numbers the same way. Undefined figures (NaN) read "n/a".
 */
final class ReportFormat {
    private static final MathContext SIX_DIGITS = new MathContext(6);

    private ReportFormat() {
    }

    /** A labelled figure of the metrics table. */
    record Row(String label, String value) {
    }

    static String pct(double v) {
        // v + 0.0 turns -0.0 into 0.0: no "-0.00%" for a drawdown that never happened
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f%%", (v + 0.0) * 100) : "n/a";
    }

    static String ratio(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "n/a";
    }

    static String money(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.2f", v) : "n/a";
    }

    /** A simulated market's figure: fractional numbers as money (2 decimals), whole ones and text as they are. */
    static String figure(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return money(((Number) v).doubleValue());
        }
        return String.valueOf(v);
    }

    /** A price or quantity to six significant digits, without trailing zeros (812.34, 0.000123457). */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(SIX_DIGITS).stripTrailingZeros().toPlainString();
    }

    static String costs(BacktestReport r) {
        if (!r.market().isEmpty()) { // a simulated market's fills walk its book
            return String.format(Locale.ROOT, "fee %.1f bps, fills walk the simulated order book", r.settings().feeBps());
        }
        return costs(r.settings());
    }

    static String costs(EngineSettings s) {
        return String.format(Locale.ROOT, "fee %.1f bps, slippage %.1f bps, fill at %s%s", s.feeBps(), s.slippageBps(),
                s.fillTiming().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                s.allowShort() ? ", shorts allowed" : ", long only");
    }

    /** The figures of a run, in the order both reports show them. */
    static List<Row> metrics(BacktestReport r) {
        Performance p = r.performance();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Initial capital", money(p.initialCapital())));
        rows.add(new Row("Final equity", money(p.finalEquity())));
        rows.add(new Row("Total return", pct(p.totalReturn())));
        rows.add(new Row("CAGR", pct(p.cagr())));
        rows.add(new Row("Sharpe", ratio(p.sharpe())));
        rows.add(new Row("Sortino", ratio(p.sortino())));
        rows.add(new Row("Calmar", ratio(p.calmar())));
        Drawdown dd = p.maxDrawdown();
        rows.add(new Row("Max drawdown", pct(-dd.depth()) + (dd.depth() > 0 ? "  (peak " + dd.peak() + ", trough "
                + dd.trough() + ", " + (dd.recovery() == null ? "not recovered" : "recovered " + dd.recovery()) + ")" : "")));
        rows.add(new Row("Trades", p.trades() + "  (" + p.wins() + " won, " + p.losses() + " lost)"));
        rows.add(new Row("Win rate", pct(p.winRate())));
        rows.add(new Row("Profit factor", ratio(p.profitFactor())));
        rows.add(new Row("Expectancy", money(p.expectancy()) + " per trade (" + pct(p.expectancyReturn()) + ")"));
        rows.add(new Row("Exposure", pct(p.exposure())));
        rows.add(new Row("Fees paid", money(p.feesPaid())));
        if (!r.vetoes().isEmpty()) {
            StringBuilder v = new StringBuilder();
            for (Map.Entry<String, Integer> e : r.vetoes().entrySet()) {
                v.append(v.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
            }
            rows.add(new Row("Vetoed orders", v.toString()));
        }
        if (r.cancelledOrders() > 0) {
            rows.add(new Row("Unfilled at end", r.cancelledOrders() + " order(s) cancelled"));
        }
        return rows;
    }
}
