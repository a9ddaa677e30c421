package org.trellis.rl.sim;

import org.trellis.ml.spi.TradeStream;

/** A recorded trade tape (e.g. the bundled Bitstamp BTC trades) replayed as it is. */
public final class RecordedTrades implements TradeCursor {
    private final TradeStream tape;
    private int index;

    /**
     * @throws IllegalArgumentException when the tape is empty, goes back in time, or holds a price <= 0 or an
     *                                  amount < 0 (naming the tape and the trade)
     */
    public RecordedTrades(TradeStream tape) {
        this.tape = tape;
        check(tape);
    }

    private static void check(TradeStream tape) {
        if (tape.size() == 0) {
            throw new IllegalArgumentException("trade tape " + tape.source() + " is empty");
        }
        for (int i = 0; i < tape.size(); i++) {
            if (i > 0 && tape.time()[i] < tape.time()[i - 1]) {
                throw new IllegalArgumentException("trade tape " + tape.source() + " goes back in time at trade " + i + ": "
                        + tape.time()[i] + " after " + tape.time()[i - 1]);
            }
            if (!(tape.price()[i] > 0) || !(tape.amount()[i] >= 0) || Double.isInfinite(tape.price()[i] + tape.amount()[i])) {
                throw new IllegalArgumentException("trade tape " + tape.source() + ", trade " + i + ": price must be > 0 and amount >= 0, got "
                        + tape.price()[i] + " and " + tape.amount()[i]);
            }
        }
    }

    /** Epoch ms of the tape's first trade. */
    public long firstTime() {
        return tape.time()[0];
    }

    /** Epoch ms of the tape's last trade. */
    public long lastTime() {
        return tape.time()[tape.size() - 1];
    }

    public String source() {
        return tape.source();
    }

    @Override
    public boolean hasTrade() {
        return index < tape.size();
    }

    @Override
    public long time() {
        return tape.time()[index];
    }

    @Override
    public double price() {
        return tape.price()[index];
    }

    @Override
    public double amount() {
        return tape.amount()[index];
    }

    @Override
    public void next() {
        index++;
    }
}
