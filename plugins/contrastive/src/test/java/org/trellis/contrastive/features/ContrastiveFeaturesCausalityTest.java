package org.trellis.contrastive.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trellis.api.market.BarCursor;
import org.trellis.api.market.BarSeries;
import org.trellis.contrastive.ContrastiveTestSupport;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;

/**
 * Incremental, batch and block-wise values are identical, and no feature looks ahead: after the bars
 * following a cut t are replaced (prices x1000, a random walk with jumps, a flat line, the future
 * played backwards, the same bars 3h17m apart so the calendar changes), every feature at every bar
 * {@code <= t} stays bit-identical, for cuts before, at and after the warm-up.
 */
class ContrastiveFeaturesCausalityTest {

    enum Perturbation {
        TIMES_1000, RANDOM_JUMPS, FLAT, REVERSED, TIMES_STRETCHED
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"btc-usd-1m", "eth-usd-5m", "aapl-1d"})
    void incrementalBatchAndBlocksAreIdentical(String dataset) {
        BarSeries s = BundledData.bars(dataset);
        for (boolean normalize : new boolean[] {true, false}) {
            ContrastiveFeatures set = new ContrastiveFeatures(normalize, 100);
            double[][] inc = ContrastiveTestSupport.incremental(new ContrastiveFeatures(normalize, 100), s);
            double[][] batch = set.batch(s);
            double[][] again = set.batch(s); // batch resets the instance
            int width = ContrastiveFeatures.COUNT;
            for (int i = 0; i < s.size(); i++) {
                if (i + 1 < set.warmUp()) {
                    double[] nan = new double[width];
                    Arrays.fill(nan, Double.NaN);
                    assertArrayEquals(nan, batch[i], "batch row " + i + " is before the warm-up");
                } else {
                    assertArrayEquals(inc[i], batch[i], "batch vs incremental at bar " + i);
                }
                assertArrayEquals(batch[i], again[i], "second batch at bar " + i);
            }
            int[] blocks = {1, 3, 7, 13, 29, 51, 97, 5, 211, 9, 1001};
            int stride = width + 3;
            double[] flat = new double[5 + s.size() * stride];
            ContrastiveFeatures blockwise = new ContrastiveFeatures(normalize, 100);
            BarCursor cursor = new BarCursor(s);
            int from = 0;
            for (int b = 0; from < s.size(); b++) {
                int to = Math.min(s.size(), from + blocks[b % blocks.length]);
                blockwise.updateAll(cursor, from, to, flat, 5 + from * stride, stride);
                from = to;
            }
            for (int i = 0; i < s.size(); i++) {
                assertArrayEquals(inc[i], Arrays.copyOfRange(flat, 5 + i * stride, 5 + i * stride + width), "blocks at bar " + i);
            }
            blockwise.reset();
            assertArrayEquals(inc[s.size() - 1], ContrastiveTestSupport.incremental(blockwise, s)[s.size() - 1]);
        }
    }

    @ParameterizedTest(name = "normalize = {0}")
    @ValueSource(booleans = {true, false})
    void noFeatureLooksAhead(boolean normalize) {
        ColumnarBarSeries full = BundledData.bars("btc-usd-1m");
        ColumnarBarSeries s = full.between(full.time(0), full.time(1200));
        int size = s.size();
        ContrastiveFeatures probe = new ContrastiveFeatures(normalize, 100);
        int warmUp = probe.warmUp();
        int[] cuts = {0, 1, 14, 15, 25, 26, 120, warmUp - 2, warmUp - 1, warmUp, warmUp + 1, size / 2, size - 3, size - 2};
        double[][] base = ContrastiveTestSupport.incremental(new ContrastiveFeatures(normalize, 100), s);
        List<String> names = probe.names();
        boolean[] futureMatters = new boolean[names.size()];
        for (int t : cuts) {
            for (Perturbation p : Perturbation.values()) {
                ColumnarBarSeries changed = perturbAfter(s, t, p);
                double[][] rows = ContrastiveTestSupport.incremental(new ContrastiveFeatures(normalize, 100), changed);
                double[][] batch = new ContrastiveFeatures(normalize, 100).batch(changed);
                for (int i = 0; i <= t; i++) {
                    for (int j = 0; j < names.size(); j++) {
                        if (!ContrastiveTestSupport.sameBits(base[i][j], rows[i][j])
                                || (i + 1 >= warmUp && !ContrastiveTestSupport.sameBits(base[i][j], batch[i][j]))) {
                            fail(names.get(j) + " looks ahead: at bar " + i + " it changed when the bars after " + t
                                    + " were replaced (" + p + "): " + base[i][j] + " became " + rows[i][j]);
                        }
                    }
                }
                for (int i = t + 1; i < size; i++) {
                    for (int j = 0; j < names.size(); j++) {
                        futureMatters[j] |= !ContrastiveTestSupport.sameBits(base[i][j], rows[i][j]);
                    }
                }
            }
        }
        List<String> inert = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (!futureMatters[j]) {
                inert.add(names.get(j));
            }
        }
        assertTrue(inert.isEmpty(), "no perturbation changed these features after the cut, so the probe proved nothing: " + inert);
        assertEquals(ContrastiveFeatures.COUNT, names.size());
    }

    /** The series with every bar after {@code t} replaced; the bar count stays the same. */
    static ColumnarBarSeries perturbAfter(BarSeries s, int t, Perturbation p) {
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(s.instrument(), "perturbed after " + t + " (" + p + ")");
        SplittableRandom rnd = new SplittableRandom(7919L * (t + 1) + p.ordinal());
        double walk = s.close(t);
        for (int i = 0; i < s.size(); i++) {
            if (i <= t) {
                b.add(s.time(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
                continue;
            }
            long time = s.time(i);
            double o;
            double c;
            switch (p) {
                case TIMES_1000 -> {
                    o = s.open(i) * 1000;
                    c = s.close(i) * 1000;
                }
                case RANDOM_JUMPS -> {
                    o = walk;
                    walk *= Math.exp(0.5 * (rnd.nextDouble() - 0.5) + (rnd.nextDouble() < 0.05 ? 3 * (rnd.nextDouble() - 0.5) : 0));
                    c = walk;
                }
                case FLAT -> {
                    o = s.close(t);
                    c = s.close(t);
                }
                case REVERSED -> {
                    int mirror = s.size() - 1 - (i - t - 1);
                    o = s.close(mirror);
                    c = s.open(mirror);
                }
                case TIMES_STRETCHED -> {
                    time = s.time(t) + (i - t) * (3 * 3_600_000L + 17 * 60_000L);
                    o = s.open(i);
                    c = s.close(i);
                }
                default -> throw new IllegalStateException(p.name());
            }
            b.add(time, o, Math.max(o, c) * 1.001, Math.min(o, c) * 0.999, c, s.volume(i));
        }
        return b.build();
    }
}
