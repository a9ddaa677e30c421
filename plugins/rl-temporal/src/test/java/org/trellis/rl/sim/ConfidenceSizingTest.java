package org.trellis.rl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The spec's sizing, by hand: base x (0.25 + 0.75 x |p - 0.5| x 2), HOLD 0. */
class ConfidenceSizingTest {
    @Test
    void sizesByTheChosenActionsProbability() {
        assertEquals(10.0, ConfidenceSizing.dollars(10, Action.BUY, 1.0), 1e-12);
        assertEquals(2.5, ConfidenceSizing.dollars(10, Action.SELL, 0.5), 1e-12);
        assertEquals(10 * (0.25 + 0.75 * 0.6), ConfidenceSizing.dollars(10, Action.BUY, 0.8), 1e-12);
        assertEquals(10 * (0.25 + 0.75 * 0.6), ConfidenceSizing.dollars(10, Action.SELL, 0.2), 1e-12);
        assertEquals(0.0, ConfidenceSizing.dollars(10, Action.HOLD, 0.9), 0);
    }
}
