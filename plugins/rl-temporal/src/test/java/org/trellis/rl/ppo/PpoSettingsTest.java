package org.trellis.rl.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The spec's defaults, and errors that name the setting and its bad value. */
class PpoSettingsTest {
    @Test
    void defaultsAreTheSpecs() {
        PpoSettings d = PpoSettings.defaults();
        assertEquals(new PpoSettings(1e-4, 3e-4, 0.95, 0.95, 0.2, 0.03, 0.5, 0.2, 0.5, 256, 64, 10, 0.02, 42), d);
        assertEquals(d, d.toBuilder().build());
    }

    @Test
    void invalidSettingsAreNamed() {
        assertMessage("PPO settings: minibatch size must be in [1, buffer size 32], got 64",
                PpoSettings.defaults().toBuilder().bufferSize(32));
        assertMessage("PPO settings: clip must be in (0, 1), got 1.5", PpoSettings.defaults().toBuilder().clip(1.5));
        assertMessage("PPO settings: target KL must be > 0 (Infinity: no early stop), got NaN",
                PpoSettings.defaults().toBuilder().targetKl(Double.NaN));
        assertMessage("PPO settings: gamma must be in [0, 1], got 1.01", PpoSettings.defaults().toBuilder().gamma(1.01));
    }

    private static void assertMessage(String expected, PpoSettings.Builder builder) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, builder::build).getMessage());
    }
}
