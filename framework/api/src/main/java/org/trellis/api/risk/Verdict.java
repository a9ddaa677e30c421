package org.trellis.api.risk;

/**
 * A guard's answer to an {@link OrderIntent}: allow it, resize it, or veto it with a reason code.
 * The engine owns the instance and resets it per intent.
 */
public final class Verdict {
    public enum Outcome { ALLOW, RESIZE, VETO }

    private Outcome outcome = Outcome.ALLOW;
    private double quantity = Double.NaN;
    private String reason = "";

    public Verdict reset() {
        outcome = Outcome.ALLOW;
        quantity = Double.NaN;
        reason = "";
        return this;
    }

    public void allow() {
        reset();
    }

    /** Change the quantity (must be > 0: use {@link #veto} to block). */
    public void resize(double newQuantity, String reasonCode) {
        if (!(newQuantity > 0)) {
            throw new IllegalArgumentException("resize to " + newQuantity + ": use veto() to block an order");
        }
        outcome = Outcome.RESIZE;
        quantity = newQuantity;
        reason = reasonCode;
    }

    public void veto(String reasonCode) {
        outcome = Outcome.VETO;
        quantity = 0;
        reason = reasonCode;
    }

    public Outcome outcome() {
        return outcome;
    }

    public double quantity() {
        return quantity;
    }

    public String reason() {
        return reason;
    }
}
