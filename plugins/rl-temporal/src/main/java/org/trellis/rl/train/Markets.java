package org.trellis.rl.train;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.trellis.ml.spi.TradeStream;
import org.trellis.rl.sim.SyntheticProcess;
import org.trellis.rl.sim.Underlying;

/**
 * The assets of {@code --markets}: BTC replays the bundled Bitstamp tape unless asked to be synthetic;
 * the others (no recorded tapes exist for them) are seeded synthetic processes, BTC-like
 * ({@link SyntheticProcess#typical}) from a start price of their own order of magnitude.
 */
public final class Markets {
    /** The source system's four assets and the synthetic start prices (only the returns matter to the agent). */
    public static final Map<String, Double> START_PRICES = Map.of("btc", 40_000.0, "eth", 2_500.0, "sol", 100.0, "xrp", 0.5);
    public static final String BTC_TAPE = "btc-usd-trades";
    /** Time scale of a planted momentum, seconds (see {@link SyntheticProcess#withMomentum}). */
    static final double MOMENTUM_SECONDS = 300;

    private Markets() {
    }

    /**
     * @param option       how the user named the list (an option or a parameter), for messages
     * @param names        lowercase asset names, comma-separated on the command line
     * @param syntheticBtc BTC from a synthetic process instead of the recorded tape
     * @param momentum     kappa planted in every synthetic process, in [0, 1)
     * @param btcTape      loads the recorded BTC tape, when needed
     * @throws IllegalArgumentException naming an unknown or repeated asset
     */
    public static List<Underlying> underlyings(String option, List<String> names, boolean syntheticBtc, double momentum, Supplier<TradeStream> btcTape) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException(option + " needs at least one of " + known());
        }
        List<Underlying> underlyings = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String raw : names) {
            String asset = raw.trim().toLowerCase(Locale.ROOT);
            if (!START_PRICES.containsKey(asset)) {
                throw new IllegalArgumentException(option + ": unknown asset '" + raw + "'; use some of " + known());
            }
            if (!seen.add(asset)) {
                throw new IllegalArgumentException(option + " names " + asset + " twice");
            }
            if (asset.equals("btc") && !syntheticBtc) {
                underlyings.add(Underlying.recorded(asset, btcTape.get()));
            } else {
                underlyings.add(Underlying.synthetic(asset, SyntheticProcess.typical(START_PRICES.get(asset))
                        .withMomentum(momentum, MOMENTUM_SECONDS)));
            }
        }
        return underlyings;
    }

    /** "btc (btc-usd-trades), eth (synthetic)": what the model's source records. */
    public static String describe(List<Underlying> underlyings) {
        return String.join(", ", underlyings.stream()
                .map(u -> u.asset() + (u.isRecorded() ? " (" + u.tape().source() + ")" : " (synthetic)")).toList());
    }

    private static String known() {
        return "btc, eth, sol, xrp";
    }
}
