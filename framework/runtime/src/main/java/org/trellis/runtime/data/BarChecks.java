package org.trellis.runtime.data;

/** The sanity rules every loaded bar must pass; returns the offending field and why, or null. */
final class BarChecks {
    private BarChecks() {
    }

    /** @return {@code {field, problem}} for the first broken rule, or {@code null} when the bar is sound */
    static String[] problem(double o, double h, double l, double c, double v) {
        String[] price = positive("open", o);
        if (price == null) {
            price = positive("high", h);
        }
        if (price == null) {
            price = positive("low", l);
        }
        if (price == null) {
            price = positive("close", c);
        }
        if (price != null) {
            return price;
        }
        if (Double.isNaN(v) || Double.isInfinite(v) || v < 0) {
            return new String[] {"volume", "volume must be a finite number >= 0, got " + v};
        }
        if (h < l) {
            return new String[] {"high", "high " + h + " is below low " + l};
        }
        if (o > h || o < l) {
            return new String[] {"open", "open " + o + " lies outside [low " + l + ", high " + h + "]"};
        }
        if (c > h || c < l) {
            return new String[] {"close", "close " + c + " lies outside [low " + l + ", high " + h + "]"};
        }
        return null;
    }

    static String[] positive(String field, double price) {
        if (Double.isNaN(price) || Double.isInfinite(price) || price <= 0) {
            return new String[] {field, "price must be a finite number > 0, got " + price};
        }
        return null;
    }
}
