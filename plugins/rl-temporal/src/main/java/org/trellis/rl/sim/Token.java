package org.trellis.rl.sim;

/** The token a position holds: UP pays 1 when the underlying ends above its window-start price, DOWN the complement. */
public enum Token {
    UP(1), DOWN(-1);

    private final int sign;

    Token(int sign) {
        this.sign = sign;
    }

    /** +1 for UP, -1 for DOWN: the position-side feature. */
    public int sign() {
        return sign;
    }

    /** This token's price given the UP token's price (DOWN is priced as 1 - UP). */
    public double price(double upPrice) {
        return this == UP ? upPrice : 1 - upPrice;
    }
}
