package org.trellis.runtime.engine;

import org.trellis.api.strategy.Decision;

/** How large an entry is, as a fraction of the strategy's equity, given the decision that asks for it. */
public interface Sizing {

    /** The fraction of equity to put into the entry {@code decision} asks for. */
    double size(Decision decision, double defaultSize);

    /** One line for reports and logs. */
    String describe();

    /** The strategy's own size when it gives one, else the run's default ({@code trellis.backtest.size}). */
    Sizing STRATEGY = new Sizing() {
        @Override
        public double size(Decision decision, double defaultSize) {
            return Double.isNaN(decision.size()) ? defaultSize : decision.size();
        }

        @Override
        public String describe() {
            return "strategy";
        }
    };

    /** Always {@code fraction} of equity. */
    static Sizing fixed(double fraction) {
        if (!(fraction > 0) || Double.isInfinite(fraction)) {
            throw new IllegalArgumentException("a fixed size must be a positive fraction of equity, got " + fraction);
        }
        return new Sizing() {
            @Override
            public double size(Decision decision, double defaultSize) {
                return fraction;
            }

            @Override
            public String describe() {
                return "fixed(" + fraction + ")";
            }
        };
    }

    /**
     * {@code floor + (1 - floor) * |p - 0.5| * 2} of equity, where {@code p} is the decision's
     * probability: a coin flip gets the floor, certainty gets everything. The source systems used
     * floor 0.25. Decisions without a probability get the run's default.
     */
    static Sizing confidence(double floor) {
        if (!(floor >= 0 && floor <= 1)) {
            throw new IllegalArgumentException("the confidence sizing floor must be in [0, 1], got " + floor);
        }
        return new Sizing() {
            @Override
            public double size(Decision decision, double defaultSize) {
                double p = decision.probability();
                return Double.isNaN(p) ? defaultSize : floor + (1 - floor) * Math.abs(p - 0.5) * 2;
            }

            @Override
            public String describe() {
                return "confidence(" + floor + ")";
            }
        };
    }
}
