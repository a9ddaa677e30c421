package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.trellis.api.execution.Fill;
import org.trellis.api.risk.HealthEvent;
import org.trellis.api.risk.OrderIntent;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.RunListener;
import org.trellis.runtime.report.Times;

/** Paper mode's running commentary: one line per fill, closed trade and veto, as it happens. */
final class LiveLog implements RunListener {
    private final PrintWriter out;
    private final String prefix;

    /** {@code strategy}: shown in front of each line when several strategies share the terminal, else null. */
    LiveLog(PrintWriter out, String strategy) {
        this.out = out;
        this.prefix = strategy == null ? "" : "[" + strategy + "] ";
    }

    @Override
    public void onFill(Fill fill) {
        print(String.format(Locale.ROOT, "%s  fill   %-4s %s %s @ %s  fee %s  (%s)", Times.iso(fill.time()),
                fill.order().side(), fill.order().instrument(), num(fill.quantity()), num(fill.price()),
                num(fill.fee()), fill.order().reason()));
    }

    @Override
    public void onTradeClosed(ClosedTrade t) {
        print(String.format(Locale.ROOT, "%s  closed %-5s %s pnl %s (%s)", Times.iso(t.exitTime()),
                t.direction().name().toLowerCase(Locale.ROOT), t.instrument(), num(t.pnl()), t.exitReason()));
    }

    @Override
    public void onHealth(HealthEvent e) {
        print(String.format(Locale.ROOT, "%s  health %s %s%s%s", Times.iso(e.time()), e.level().name().toLowerCase(Locale.ROOT),
                e.instrument() == null ? "system" : e.instrument(), e.action().isEmpty() ? "" : " (" + e.action() + ")",
                e.message().isEmpty() ? "" : ": " + e.message()));
    }

    @Override
    public void onVeto(OrderIntent intent, String reason) {
        print(String.format(Locale.ROOT, "%s  veto   %-4s %s (%s)", Times.iso(intent.time()), intent.side(),
                intent.instrument(), reason));
    }

    private void print(String line) {
        synchronized (out) {
            out.println(prefix + line);
            out.flush();
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
