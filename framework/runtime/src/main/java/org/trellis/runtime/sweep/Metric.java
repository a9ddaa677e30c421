package org.trellis.runtime.sweep;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.trellis.runtime.plugin.Names;
import org.trellis.runtime.report.Performance;

/** The report's figures as sweep columns, and which way is better when one is the objective. */
public enum Metric {
    TOTAL_RETURN("total_return", true, Performance::totalReturn),
    CAGR("cagr", true, Performance::cagr),
    SHARPE("sharpe", true, Performance::sharpe),
    SORTINO("sortino", true, Performance::sortino),
    CALMAR("calmar", true, Performance::calmar),
    MAX_DRAWDOWN("max_drawdown", false, p -> p.maxDrawdown().depth()),
    TRADES("trades", true, p -> p.trades()),
    WIN_RATE("win_rate", true, Performance::winRate),
    PROFIT_FACTOR("profit_factor", true, Performance::profitFactor),
    EXPECTANCY("expectancy", true, Performance::expectancy),
    EXPOSURE("exposure", true, Performance::exposure),
    FEES("fees", false, Performance::feesPaid),
    FINAL_EQUITY("final_equity", true, Performance::finalEquity);

    private final String column;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<Performance> value;

    Metric(String column, boolean higherIsBetter, ToDoubleFunction<Performance> value) {
        this.column = column;
        this.higherIsBetter = higherIsBetter;
        this.value = value;
    }

    public String column() {
        return column;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public double of(Performance p) {
        return value.applyAsDouble(p);
    }

    /** Every metric of {@code p}, in declaration order. */
    public static double[] all(Performance p) {
        double[] v = new double[values().length];
        for (Metric m : values()) {
            v[m.ordinal()] = m.of(p);
        }
        return v;
    }

    /** An objective by its column name ({@code sharpe}, {@code total_return}, ...; '-' and '_' alike). */
    public static Metric parse(String name, String option) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Metric m : values()) {
            if (m.column.equals(key)) {
                return m;
            }
        }
        var names = Arrays.stream(values()).map(Metric::column).toList();
        throw new IllegalArgumentException(option + ": no metric named '" + name + "'." + Names.suggestion(key, names)
                + " Metrics: " + String.join(", ", names));
    }

    /** Better first; NaN (undefined for a run) last. */
    public Comparator<Double> better() {
        return (a, b) -> {
            boolean na = Double.isNaN(a);
            boolean nb = Double.isNaN(b);
            if (na || nb) {
                return Boolean.compare(na, nb);
            }
            return higherIsBetter ? Double.compare(b, a) : Double.compare(a, b);
        };
    }
}
