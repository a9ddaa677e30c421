package org.trellis.rl.sim;

import java.util.Objects;
import org.trellis.ml.spi.TradeStream;

/**
 * One asset and where its trades come from: a recorded tape, or a seeded synthetic process that starts
 * at the simulator's first window.
 *
 * @param asset     short lowercase name, e.g. "btc"
 * @param tape      the recorded trades, or null for a synthetic asset
 * @param synthetic the process, or null for a recorded asset
 */
public record Underlying(String asset, TradeStream tape, SyntheticProcess synthetic) {
    public Underlying {
        Objects.requireNonNull(asset, "asset");
        if ((tape == null) == (synthetic == null)) {
            throw new IllegalArgumentException("underlying " + asset + " needs exactly one of a recorded tape and a synthetic process");
        }
    }

    public static Underlying recorded(String asset, TradeStream tape) {
        return new Underlying(asset, Objects.requireNonNull(tape, "tape"), null);
    }

    public static Underlying synthetic(String asset, SyntheticProcess process) {
        return new Underlying(asset, null, Objects.requireNonNull(process, "process"));
    }

    public boolean isRecorded() {
        return tape != null;
    }
}
