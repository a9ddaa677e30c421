package org.trellis.rl.sim;

/** The standard normal distribution function. */
public final class StandardNormal {
    private StandardNormal() {
    }

    /**
     * Phi(x) by Hart's double-precision algorithm 5666 (as given by G. West, "Better approximations to
     * cumulative normal functions", Wilmott 2005): absolute error below 1e-14, no library needed.
     */
    public static double cdf(double x) {
        double z = Math.abs(x);
        double tail;
        if (z > 37) {
            tail = 0;
        } else if (z < 7.07106781186547) {
            double e = Math.exp(-z * z / 2);
            double num = ((((((3.52624965998911e-02 * z + 0.700383064443688) * z + 6.37396220353165) * z + 33.912866078383) * z
                    + 112.079291497871) * z + 221.213596169931) * z + 220.206867912376);
            double den = (((((((8.83883476483184e-02 * z + 1.75566716318264) * z + 16.064177579207) * z + 86.7807322029461) * z
                    + 296.564248779674) * z + 637.333633378831) * z + 793.826512519948) * z + 440.413735824752);
            tail = e * num / den;
        } else {
            double e = Math.exp(-z * z / 2);
            double b = z + 1 / (z + 2 / (z + 3 / (z + 4 / (z + 0.65))));
            tail = e / b / 2.506628274631;
        }
        return x > 0 ? 1 - tail : tail;
    }
}
