package org.trellis.safety;

import java.util.List;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.portfolio.PortfolioView;
import org.trellis.api.portfolio.PositionView;
import org.trellis.api.risk.OrderIntent;
import org.trellis.api.risk.RiskGuard;
import org.trellis.api.risk.Verdict;

/**
 * Caps what an entry may add, as a share of equity and in quote currency: per position
 * ({@code per-position}, {@code max-amount}) and for all positions together ({@code total},
 * {@code max-total}); one position per instrument unless {@code one-per-instrument} is false. An
 * entry larger than the room left is cut to fit (RESIZE); one with no room is refused. Reason
 * {@value #REASON}. Defaults are the candle system's: 30% per symbol, 90% in total. Each strategy
 * has its own portfolio, so "total" is also the per-strategy cap.
 */
public final class ExposureGuard implements RiskGuard {
    public static final String REASON = "exposure";
    private final double perPosition;
    private final double total;
    private final double maxAmount;
    private final double maxTotal;
    private final boolean onePerInstrument;

    public ExposureGuard(double perPosition, double total, double maxAmount, double maxTotal, boolean onePerInstrument) {
        this.perPosition = perPosition;
        this.total = total;
        this.maxAmount = maxAmount;
        this.maxTotal = maxTotal;
        this.onePerInstrument = onePerInstrument;
    }

    @Override
    public void review(OrderIntent intent, PortfolioView portfolio, Verdict verdict) {
        if (!intent.isEntry()) {
            return;
        }
        PositionView held = portfolio.position(intent.instrument());
        if (onePerInstrument && held.isOpen()) {
            verdict.veto(REASON);
            return;
        }
        double equity = portfolio.equity();
        double price = intent.referencePrice();
        double heldValue = Math.abs(held.quantity()) * price;
        double committed = portfolio.grossExposure() + portfolio.pendingEntryNotional(); // entries not filled yet count
        double room = Math.min(perPosition * equity - heldValue, total * equity - committed);
        if (maxAmount > 0) {
            room = Math.min(room, maxAmount - heldValue);
        }
        if (maxTotal > 0) {
            room = Math.min(room, maxTotal - committed);
        }
        double wanted = intent.quantity() * price;
        if (!(room > 0) || !(price > 0)) {
            verdict.veto(REASON);
        } else if (wanted > room) {
            verdict.resize(room / price, REASON);
        }
    }

    @Override
    public String name() {
        return REASON;
    }

    public static final class Factory extends GuardFactory {
        public Factory() {
            super(REASON, "cap entries per position and in total, as a share of equity and in currency; resize or refuse "
                    + "(reason exposure)",
                    List.of(ParamSpec.number("per-position", 0.30, "largest position as a share of equity").between(1e-9, 100),
                            ParamSpec.number("total", 0.90, "all positions together as a share of equity").between(1e-9, 100),
                            ParamSpec.number("max-amount", 0, "largest position in quote currency; 0 = off").atLeast(0),
                            ParamSpec.number("max-total", 0, "all positions together in quote currency; 0 = off").atLeast(0),
                            ParamSpec.bool("one-per-instrument", true, "refuse adding to an open position")),
                    p -> new ExposureGuard(p.getDouble("per-position", 0.30), p.getDouble("total", 0.90), p.getDouble("max-amount", 0),
                            p.getDouble("max-total", 0), p.getBoolean("one-per-instrument", true)));
        }
    }
}
