package org.trellis.runtime.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.trellis.api.market.Instrument;

/**
 * The real market data that ships with Trellis, read from the resources of
 * {@code org.ta4j:ta4j-examples:0.18} (MIT licence): Bitstamp BTC/USD trades 2013-11-25..12-01,
 * ETH/USD 5-minute bars from Binance.US 2023-03-13..15, and Apple daily bars for 2013.
 */
public final class BundledData {
    private static final String TA4J = "org.ta4j:ta4j-examples:0.18 (MIT licence)";
    private static final String BTC_TRADES = "bitstamp_trades_from_20131125_usd.csv";
    private static final String ETH_BARS = "ETH-USD-PT5M-2023-3-13_2023-3-15.json";
    private static final String AAPL_BARS = "appleinc_bars_from_20130101_usd.csv";

    public static final List<Dataset> DATASETS = List.of(
            new Dataset("btc-usd-trades", "BTC/USD", "Bitstamp BTC/USD trade tape, 100,000 trades",
                    "Bitstamp via " + TA4J, "trades"),
            new Dataset("btc-usd-1m", "BTC/USD", "Bitstamp BTC/USD trades aggregated to 1-minute bars",
                    "Bitstamp via " + TA4J, "1m"),
            new Dataset("btc-usd-1h", "BTC/USD", "Bitstamp BTC/USD trades aggregated to 1-hour bars",
                    "Bitstamp via " + TA4J, "1h"),
            new Dataset("eth-usd-5m", "ETH/USD", "ETH/USD 5-minute bars", "Binance.US via " + TA4J, "5m"),
            new Dataset("aapl-1d", "AAPL", "Apple Inc. daily bars, 2013", "Yahoo Finance via " + TA4J, "1d"));

    private static final Map<String, ColumnarBarSeries> CACHE = new ConcurrentHashMap<>();
    private static volatile TradeTape btcTape;

    private BundledData() {
    }

    public static boolean exists(String name) {
        return DATASETS.stream().anyMatch(d -> d.name().equals(name));
    }

    /** The bars of a bar dataset; loaded once per JVM (series are immutable). */
    public static ColumnarBarSeries bars(String name) {
        return CACHE.computeIfAbsent(name, BundledData::loadBars);
    }

    public static TradeTape btcTrades() {
        TradeTape tape = btcTape;
        if (tape == null) {
            try (Reader reader = reader(BTC_TRADES)) {
                tape = new TradeCsvLoader(TimeParser.auto(), LoadOptions.strict())
                        .load(reader, "btc-usd-trades (" + BTC_TRADES + ")", Instrument.spot("BTC/USD"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            btcTape = tape;
        }
        return tape;
    }

    private static ColumnarBarSeries loadBars(String name) {
        switch (name) {
            case "btc-usd-1m":
                return btcTrades().toBars(60_000L, "btc-usd-1m (" + BTC_TRADES + ", 1-minute bars)");
            case "btc-usd-1h":
                return btcTrades().toBars(3_600_000L, "btc-usd-1h (" + BTC_TRADES + ", 1-hour bars)");
            case "eth-usd-5m":
                try (InputStream in = stream(ETH_BARS)) {
                    return new Ta4jJsonBarLoader().load(in, "eth-usd-5m (" + ETH_BARS + ")", Instrument.spot("ETH/USD"), 300_000L);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            case "aapl-1d":
                try (Reader reader = reader(AAPL_BARS)) {
                    return new CsvBarLoader(CsvLayout.standard(), LoadOptions.strict())
                            .load(reader, "aapl-1d (" + AAPL_BARS + ")", Instrument.spot("AAPL")).series();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            case "btc-usd-trades":
                throw new IllegalArgumentException("btc-usd-trades is a trade tape, not bars: use btc-usd-1m or btc-usd-1h");
            default:
                throw new IllegalArgumentException("unknown dataset '" + name + "'");
        }
    }

    private static InputStream stream(String resource) {
        InputStream in = BundledData.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("bundled data file " + resource + " is missing from the classpath: "
                    + "the org.ta4j:ta4j-examples:0.18 jar must be on it (rebuild with ./trellis --rebuild)");
        }
        return in;
    }

    private static Reader reader(String resource) {
        return new InputStreamReader(stream(resource), StandardCharsets.UTF_8);
    }
}
