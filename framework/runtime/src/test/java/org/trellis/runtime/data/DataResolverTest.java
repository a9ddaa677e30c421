package org.trellis.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataResolverTest {
    private final DataResolver resolver = new DataResolver(CsvLayout.standard(), LoadOptions.strict(), 7, 60_000);

    @Test
    void unknownNameListsDatasetsAndSuggests() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolver.resolve("btc-usd-1x"));
        assertTrue(e.getMessage().contains("Did you mean 'btc-usd-1m'?"), e.getMessage());
        assertTrue(e.getMessage().contains("aapl-1d"), e.getMessage());
    }

    @Test
    void syntheticIsSeededAndLabelled() {
        ColumnarBarSeries a = resolver.resolve("synthetic:bars=500,seed=3").series();
        ColumnarBarSeries b = resolver.resolve("synthetic:bars=500,seed=3").series();
        ColumnarBarSeries c = resolver.resolve("synthetic:bars=500,seed=4").series();
        assertEquals(500, a.size());
        assertTrue(a.source().contains("synthetic"));
        assertTrue(a.instrument().symbol().startsWith("SYN"));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.close(i), b.close(i));
        }
        assertTrue(a.close(499) != c.close(499));
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve("synthetic:bar5=1"));
    }

    @Test
    void syntheticBarsAreValidBars() {
        ColumnarBarSeries s = resolver.resolve("synthetic:bars=20000,seed=11,bar=5m").series();
        assertEquals(300_000, s.barMillis());
        for (int i = 0; i < s.size(); i++) {
            assertEquals(null, BarChecks.problem(s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i)), "bar " + i);
        }
    }

    @Test
    void csvPathAndTradeCsvPath(@TempDir Path dir) throws Exception {
        Path bars = dir.resolve("mybars.csv");
        Files.writeString(bars, "date,open,high,low,close,volume\n2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,0.5,1.5,10\n");
        LoadedSeries b = resolver.resolve(bars.toString());
        assertEquals("mybars", b.series().instrument().symbol());
        Path trades = dir.resolve("tape.csv");
        Files.writeString(trades, "timestamp,price,amount\n0,1,1\n30,2,1\n61,3,1\n");
        assertEquals(2, resolver.resolve(trades.toString()).series().size());
    }
}
