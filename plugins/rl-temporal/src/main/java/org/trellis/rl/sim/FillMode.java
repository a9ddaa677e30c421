package org.trellis.rl.sim;

/** How orders fill. */
public enum FillMode {
    /** Walk the book level by level (the default): the price impact of size is real. */
    WALK_BOOK,
    /**
     * Fill the whole order at the UP mid (DOWN at 1 - mid) with unlimited depth: the source's paper
     * fills, which it warned overstate results by 20-50%; for comparing with it only.
     */
    MID
}
