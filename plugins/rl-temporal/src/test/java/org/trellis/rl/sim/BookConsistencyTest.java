package org.trellis.rl.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BookConsistencyTest {
    @Test
    void everyBookOfALongSeededRunIsWellFormed() {
        // 24 windows of 4 synthetic assets, one tick a second: 86,400 books, fair values across (0.01, 0.99)
        BinaryMarketSimulator sim = new BinaryMarketSimulator(SimulatorConfig.of(Tapes.fourSynthetic(), 11, 24));
        int books = 0;
        double lowestMid = 1;
        double highestMid = 0;
        while (sim.advance() && sim.marketsOpen()) {
            for (int a = 0; a < sim.assets(); a++) {
                OrderBook book = sim.asset(a).book();
                String where = sim.asset(a).asset() + " at " + sim.now();
                assertEquals(OrderBook.LEVELS, book.bidLevels(), where);
                assertEquals(OrderBook.LEVELS, book.askLevels(), where);
                assertTrue(book.bidPrice(0) < book.askPrice(0), where);
                for (int k = 0; k < OrderBook.LEVELS; k++) {
                    assertTrue(book.bidPrice(k) > 0 && book.askPrice(k) < 1, where + " level " + k);
                    assertTrue(book.bidSize(k) > 0 && book.askSize(k) > 0, where + " level " + k);
                    if (k > 0) {
                        assertTrue(book.bidPrice(k) < book.bidPrice(k - 1) && book.askPrice(k) > book.askPrice(k - 1), where + " level " + k);
                    }
                }
                lowestMid = Math.min(lowestMid, book.mid());
                highestMid = Math.max(highestMid, book.mid());
                books++;
            }
        }
        assertEquals(24 * 900 * 4, books);
        assertTrue(lowestMid < 0.05 && highestMid > 0.95, "the run reaches near-certain markets: " + lowestMid + " .. " + highestMid);
    }
}
