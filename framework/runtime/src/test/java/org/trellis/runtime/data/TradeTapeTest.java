package org.trellis.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.trellis.api.market.Instrument;

class TradeTapeTest {
    private static TradeTape tape(String csv) {
        return new TradeCsvLoader(TimeParser.auto(), LoadOptions.strict())
                .load(new StringReader("timestamp,price,amount\n" + csv), "trades.csv", Instrument.spot("BTC/USD"));
    }

    @Test
    void aggregatesTradesIntoAlignedBarsAndSkipsEmptyIntervals() {
        // 00:00:10 100, 00:00:50 103, 00:01:00 99 (next minute), 00:03:05 101 (minute 3; minute 2 empty)
        TradeTape t = tape("10,100,1\n50,103,2\n60,99,0.5\n185,101,1\n");
        ColumnarBarSeries bars = t.toBars(60_000);
        assertEquals(3, bars.size());
        assertEquals(0, bars.time(0));
        assertEquals(100, bars.open(0));
        assertEquals(103, bars.high(0));
        assertEquals(100, bars.low(0));
        assertEquals(103, bars.close(0));
        assertEquals(3, bars.volume(0));
        assertEquals(60_000, bars.time(1));
        assertEquals(99, bars.close(1));
        assertEquals(180_000, bars.time(2));
    }

    @Test
    void tradesGoingBackInTimeAreRejected() {
        DataException e = assertThrows(DataException.class, () -> tape("10,100,1\n5,100,1\n"));
        assertEquals(3, e.line());
        assertEquals("timestamp", e.field());
    }

    @Test
    void badPriceIsRejected() {
        DataException e = assertThrows(DataException.class, () -> tape("10,-1,1\n"));
        assertEquals("price", e.field());
        assertTrue(e.getMessage().startsWith("trades.csv:2"));
    }

    @Test
    void bundledBitcoinTapeHasItsDocumentedShape() {
        TradeTape t = BundledData.btcTrades();
        assertEquals(100_000, t.size());
        ColumnarBarSeries m = BundledData.bars("btc-usd-1m");
        assertEquals(60_000, m.barMillis());
        assertTrue(m.time(0) >= 1_385_337_600_000L);
        double volume = 0;
        for (int i = 0; i < m.size(); i++) {
            volume += m.volume(i);
        }
        double tapeVolume = 0;
        for (int i = 0; i < t.size(); i++) {
            tapeVolume += t.amount(i);
        }
        assertEquals(tapeVolume, volume, 1e-6, "aggregation must keep every traded unit");
    }

    @Test
    void everyBundledBarDatasetLoads() {
        for (Dataset d : BundledData.DATASETS) {
            if (!d.barSize().equals("trades")) {
                ColumnarBarSeries s = BundledData.bars(d.name());
                assertTrue(s.size() > 100, d.name());
                assertEquals(Durations.parseMillis(d.barSize()), s.barMillis(), d.name());
            }
        }
    }

    @Test
    void skippedTradesAreCountedNotLost() {
        TradeTape t = new TradeCsvLoader(TimeParser.auto(), LoadOptions.lenient()).load(new StringReader(
                "timestamp,price,amount\n10,100,1\n20,x,1\n30,-5,1\n40,101,1\n"), "trades.csv", Instrument.spot("X"));
        assertEquals(2, t.size());
        assertEquals(2, t.skipped().count());
        assertTrue(t.skipped().examples().get(0).startsWith("trades.csv:3"));
    }
}
