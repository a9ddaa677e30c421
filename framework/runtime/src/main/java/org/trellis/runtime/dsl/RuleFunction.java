package org.trellis.runtime.dsl;

import org.trellis.api.strategy.Side;

/**
 * A rule written in a script: {@code rule { f -> f.rsi14 < 30 ? BUY : HOLD }}. The script compiler
 * turns the closure into a statically compiled Java lambda of this type, and {@code f.rsi14} into
 * an array read, so a rule runs at Java speed.
 */
@FunctionalInterface
public interface RuleFunction {
    /** BUY, SELL or HOLD (null counts as HOLD). */
    Side decide(Features f);
}
