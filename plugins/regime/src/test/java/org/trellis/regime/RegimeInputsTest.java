package org.trellis.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;

class RegimeInputsTest {
    @Test
    void barByBarEqualsBatchExactlyAndNothingBefore25Bars() {
        ColumnarBarSeries btc = BundledData.bars("btc-usd-1m");
        double[][] batch = RegimeInputs.of(btc);
        RegimeInputs inputs = new RegimeInputs();
        for (int t = 0; t < btc.size(); t++) {
            boolean ready = inputs.update(btc.close(t));
            assertEquals(t >= 24, ready, "bar " + t);
            assertEquals(Double.doubleToLongBits(batch[t][0]), Double.doubleToLongBits(inputs.logReturn()), "return at " + t);
            assertEquals(Double.doubleToLongBits(batch[t][1]), Double.doubleToLongBits(inputs.volatility()), "volatility at " + t);
        }
        assertTrue(Double.isNaN(batch[23][1]) && Double.isNaN(batch[23][0]));
        assertFalse(Double.isNaN(batch[24][1]));
    }

    @Test
    void valuesMatchAPlainReference() {
        double[] close = new double[60];
        java.util.Random r = new java.util.Random(1);
        close[0] = 100;
        for (int i = 1; i < close.length; i++) {
            close[i] = close[i - 1] * Math.exp(0.01 * r.nextGaussian());
        }
        double[][] rows = RegimeInputs.of(close);
        for (int t = 24; t < close.length; t++) {
            // sample standard deviation (n - 1) of the 24 log returns ending at t, via E[r^2] - E[r]^2 in BigDecimal
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            java.math.BigDecimal squares = java.math.BigDecimal.ZERO;
            for (int i = t - 23; i <= t; i++) {
                java.math.BigDecimal v = new java.math.BigDecimal(Math.log(close[i] / close[i - 1]));
                sum = sum.add(v);
                squares = squares.add(v.multiply(v));
            }
            java.math.MathContext mc = java.math.MathContext.DECIMAL128;
            double variance = squares.subtract(sum.multiply(sum).divide(java.math.BigDecimal.valueOf(24), mc))
                    .divide(java.math.BigDecimal.valueOf(23), mc).doubleValue();
            assertEquals(Math.sqrt(variance), rows[t][1], 1e-15, "t=" + t);
            assertEquals(Math.log(close[t] / close[t - 1]), rows[t][0], 0.0);
        }
    }

    @Test
    void aBadCloseRestartsTheWindowAlikeInBothWays() {
        double[] close = new double[80];
        for (int i = 0; i < close.length; i++) {
            close[i] = 100 + Math.sin(i);
        }
        close[40] = Double.NaN;
        close[41] = -1;
        double[][] batch = RegimeInputs.of(close);
        RegimeInputs inputs = new RegimeInputs();
        for (int t = 0; t < close.length; t++) {
            inputs.update(close[t]);
            assertEquals(Double.doubleToLongBits(batch[t][1]), Double.doubleToLongBits(inputs.volatility()), "t=" + t);
        }
        assertTrue(Double.isNaN(batch[65][1]), "needs 25 good closes (42..66) after the bad ones");
        assertFalse(Double.isNaN(batch[66][1]));
        assertFalse(Double.isNaN(batch[39][1]));
    }
}
