package org.trellis.rl.sim;

import java.util.List;
import org.trellis.api.market.Instrument;
import org.trellis.ml.spi.TradeStream;
import org.trellis.runtime.data.BundledData;

/** Trade tapes for tests: hand-built, drawn from a synthetic process, and the bundled Bitstamp BTC tape. */
public final class Tapes {
    /** A window boundary (2024-01-01T00:00Z). */
    public static final long T0 = SimulatorConfig.SYNTHETIC_EPOCH;

    private Tapes() {
    }

    /** A tape of trades at these epoch seconds and prices, amount 1 each. */
    public static TradeStream of(long[] seconds, double[] prices) {
        long[] millis = new long[seconds.length];
        double[] amounts = new double[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            millis[i] = seconds[i] * 1000;
            amounts[i] = 1;
        }
        return new TradeStream(Instrument.spot("TEST/USD"), "hand-built", millis, prices, amounts);
    }

    /** The first {@code count} trades of a synthetic process started at epoch second {@code start}, as a recorded tape. */
    public static TradeStream drawn(SyntheticProcess process, long start, long seed, int count) {
        SyntheticTrades trades = new SyntheticTrades(process, start * 1000, seed);
        long[] time = new long[count];
        double[] price = new double[count];
        double[] amount = new double[count];
        for (int i = 0; i < count; i++) {
            time[i] = trades.time();
            price[i] = trades.price();
            amount[i] = trades.amount();
            trades.next();
        }
        return new TradeStream(Instrument.spot("SYN/USD"), "drawn", time, price, amount);
    }

    /** The bundled Bitstamp BTC/USD tape (2013-11-25..12-01, 100,000 trades), as the host hands it to trainers. */
    public static TradeStream bitstamp() {
        return BundledData.btcTrades().toStream();
    }

    /** BTC, ETH, SOL and XRP, all synthetic with typical parameters. */
    public static List<Underlying> fourSynthetic() {
        return List.of(Underlying.synthetic("btc", SyntheticProcess.typical(40_000)), Underlying.synthetic("eth", SyntheticProcess.typical(2_200)),
                Underlying.synthetic("sol", SyntheticProcess.typical(100)), Underlying.synthetic("xrp", SyntheticProcess.typical(0.6)));
    }
}
