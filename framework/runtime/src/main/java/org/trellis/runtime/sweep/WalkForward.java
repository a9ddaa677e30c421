package org.trellis.runtime.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.Durations;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.EquityCurve;
import org.trellis.runtime.engine.RunResult;

/**
 * Walk-forward optimisation: windows that train on {@code train} of history and test on the
 * {@code test} that follows, moved on by {@code step}; the best grid point of each training window
 * (by the objective, ties to the lower grid index) is run on its test window only, and the test
 * windows' equity is stitched into one out-of-sample curve.
 */
public final class WalkForward {
    private WalkForward() {
    }

    /** Training bars: {@code trainFrom <= t < trainTo}; test bars: {@code testFrom <= t < testTo}, testFrom = trainTo. */
    public record Window(int index, long trainFrom, long trainTo, long testFrom, long testTo) {
    }

    /** A duration option such as {@code 30d}, {@code 12h}. */
    public static long duration(String text, String option) {
        try {
            return Durations.parseMillis(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + text + ": expected a positive number and a unit (s, m, h or d), e.g. 30d");
        }
    }

    /**
     * Every window whose test part ends within the data ({@code start} inclusive to {@code end}
     * exclusive).
     */
    public static List<Window> windows(long start, long end, long train, long test, long step) {
        if (step < test) {
            throw new IllegalArgumentException("--step " + Durations.format(step) + " is shorter than --test " + Durations.format(test)
                    + ": test windows would overlap and their equity could not be stitched; use --step equal to --test");
        }
        if (step > test) {
            throw new IllegalArgumentException("--step " + Durations.format(step) + " is longer than --test " + Durations.format(test)
                    + ": no test window would cover the time between them, and the stitched out-of-sample curve would count it as "
                    + "idle time (understating its Sharpe and CAGR); use --step equal to --test");
        }
        List<Window> out = new ArrayList<>();
        for (long from = start; from + train + test <= end; from += step) {
            out.add(new Window(out.size(), from, from + train, from + train, from + train + test));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the data spans %s, shorter than --train %s + --test %s: no walk-forward window fits",
                    Durations.format(end - start), Durations.format(train), Durations.format(test)));
        }
        return out;
    }

    /** The optimisation's tasks: every grid point on every window's training bars (and only those), window by window. */
    public static List<SweepTask> tasks(List<Window> windows, List<GridPoint> points) {
        List<SweepTask> tasks = new ArrayList<>();
        for (Window w : windows) {
            for (GridPoint p : points) {
                tasks.add(new SweepTask(tasks.size(), w.index(), p, w.trainFrom(), w.trainTo()));
            }
        }
        return tasks;
    }

    /**
     * The best row of each window by {@code objective}, in window order; a window whose every task failed
     * or whose objective is undefined everywhere stops with the first error.
     */
    public static List<SweepRow> best(List<SweepRow> rows, int windows, Metric objective) {
        List<SweepRow> best = new ArrayList<>();
        Comparator<Double> better = objective.better();
        for (int w = 0; w < windows; w++) {
            int k = w;
            List<SweepRow> mine = rows.stream().filter(r -> r.task().window() == k).toList();
            if (mine.stream().allMatch(SweepRow::failed)) {
                String error = mine.stream().map(SweepRow::error).findFirst().orElse("no tasks");
                throw new IllegalArgumentException("walk-forward window " + w + ": every combination failed, e.g. " + error);
            }
            SweepRow winner = mine.stream().filter(r -> !r.failed() && Double.isFinite(r.metric(objective)))
                    .min(Comparator.comparing((SweepRow r) -> r.metric(objective), better).thenComparingInt(r -> r.point().index()))
                    .orElse(null);
            if (winner == null) {
                throw new IllegalArgumentException("walk-forward window " + w + ": " + objective.column() + " is undefined for every "
                        + "combination on its training bars (too short for the indicators' warm-up, or no trades): lengthen --train "
                        + "or choose another --objective");
            }
            best.add(winner);
        }
        return best;
    }

    /**
     * The test runs one after another, compounded, as one run: each starts from the equity the previous
     * one ended with (its equity, trades and fees scaled by that equity over its capital).
     *
     * @param data the bars the test windows cover (for the report's price charts)
     */
    public static RunResult stitch(List<RunResult> tests, EngineSettings settings, String strategy, List<ColumnarBarSeries> data) {
        List<Long> times = new ArrayList<>();
        List<Double> equity = new ArrayList<>();
        List<Boolean> invested = new ArrayList<>();
        List<ClosedTrade> trades = new ArrayList<>();
        Map<String, Integer> vetoes = new TreeMap<>();
        double fees = 0;
        double level = settings.capital();
        long bars = 0;
        int cancelled = 0;
        for (RunResult r : tests) {
            double scale = level / r.settings().capital();
            EquityCurve c = r.equity();
            for (int i = 0; i < c.size(); i++) {
                if (!times.isEmpty() && c.time(i) <= times.get(times.size() - 1)) {
                    continue;
                }
                times.add(c.time(i));
                equity.add(c.equity(i) * scale);
                invested.add(c.invested(i));
            }
            for (ClosedTrade t : r.trades()) {
                trades.add(new ClosedTrade(t.instrument(), t.direction(), t.entryTime(), t.entryPrice(), t.exitTime(), t.exitPrice(),
                        t.quantity() * scale, t.pnl() * scale, t.fees() * scale, t.entryReason(), t.exitReason()));
            }
            r.vetoes().forEach((k, v) -> vetoes.merge(k, v, Integer::sum));
            fees += r.feesPaid() * scale;
            bars += r.barsProcessed();
            cancelled += r.cancelledOrders();
            if (c.size() > 0) {
                level = c.last() * scale;
            }
        }
        long[] t = new long[times.size()];
        double[] e = new double[times.size()];
        boolean[] inv = new boolean[times.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = times.get(i);
            e[i] = equity.get(i);
            inv[i] = invested.get(i);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("walk-forward", tests.size() + " out-of-sample windows");
        return new RunResult(strategy, Params.of(params), settings, data, trades, EquityCurve.of(t, e, inv), fees, vetoes, cancelled,
                tests.isEmpty() ? 0 : tests.get(0).warmUpBars(), "backtest", false, bars);
    }
}
