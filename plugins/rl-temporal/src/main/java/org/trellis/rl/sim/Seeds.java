package org.trellis.rl.sim;

/**
 * Independent random streams derived from one run seed. Each asset's trade process and book noise get
 * their own stream, so changing one (e.g. perturbing a tape) never shifts the draws of another.
 */
public final class Seeds {
    private Seeds() {
    }

    /** A seed for one purpose of one asset, mixed with SplitMix64 so nearby inputs give unrelated seeds. */
    public static long derive(long seed, String asset, String purpose) {
        long h = mix(seed);
        h = mix(h ^ asset.hashCode());
        return mix(h ^ purpose.hashCode());
    }

    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
