package org.trellis.regime.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trellis.ml.model.ModelException;
import org.trellis.regime.hmm.GaussianHmm;

/**
 * The parameter file of a regime model (the model folder's weights file): UTF-8 text, one record
 * per line, numbers as Java writes doubles (so they read back bit for bit), nothing ever
 * deserialized into objects:
 *
 * <pre>
 * # comment lines and blank lines are ignored
 * trellis-gaussian-hmm 1          format name and version
 * states 3                        K
 * dimensions 2                    D
 * start p_0 ... p_(K-1)           P(s_1 = i)
 * transition i a_i0 ... a_i(K-1)  one line per state i, in order: P(s_(t+1) = j | s_t = i)
 * mean i m_i0 ... m_i(D-1)        one line per state i, in order
 * variance i v_i0 ... v_i(D-1)    one line per state i, in order (diagonal covariance)
 * </pre>
 *
 * Lines come in exactly this order. Reading checks every count, index and number, and the model's
 * own rules (probabilities sum to 1, variances positive), naming the file and line of a problem.
 */
public final class HmmText {
    public static final String MAGIC = "trellis-gaussian-hmm";
    public static final int VERSION = 1;

    private HmmText() {
    }

    public static byte[] write(GaussianHmm hmm, List<String> comments) {
        StringBuilder s = new StringBuilder();
        for (String c : comments) {
            s.append("# ").append(c).append('\n');
        }
        s.append(MAGIC).append(' ').append(VERSION).append('\n');
        s.append("states ").append(hmm.states()).append('\n');
        s.append("dimensions ").append(hmm.dimensions()).append('\n');
        s.append("start");
        for (double v : hmm.start()) {
            s.append(' ').append(v);
        }
        s.append('\n');
        row(s, "transition", hmm.transition());
        row(s, "mean", hmm.means());
        row(s, "variance", hmm.variances());
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder s, String key, double[][] rows) {
        for (int i = 0; i < rows.length; i++) {
            s.append(key).append(' ').append(i);
            for (double v : rows[i]) {
                s.append(' ').append(v);
            }
            s.append('\n');
        }
    }

    /**
     * Parse a parameter file.
     *
     * @param source the file, for messages
     * @throws ModelException naming the file and line of the first problem
     */
    public static GaussianHmm parse(byte[] bytes, String source) {
        String[] all = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        List<String[]> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            String line = all[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                lines.add(line.split("\\s+"));
                numbers.add(i + 1);
            }
        }
        Reader r = new Reader(lines, numbers, source);
        String[] head = r.next(MAGIC, 2);
        if (!head[1].equals(Integer.toString(VERSION))) {
            throw r.problem("version " + head[1] + " of " + MAGIC + " is not readable here (expected " + VERSION + ")");
        }
        int k = r.count("states");
        int d = r.count("dimensions");
        double[] start = r.distribution(r.numbers(r.next("start", k + 1), 1), "start");
        double[][] transition = r.rows("transition", k, k);
        double[][] means = r.rows("mean", k, d);
        double[][] variances = r.rows("variance", k, d);
        if (r.at < lines.size()) {
            r.at++;
            throw r.problem("unexpected line after the variances: '" + String.join(" ", lines.get(r.at - 1)) + "'");
        }
        try {
            return new GaussianHmm(start, transition, means, variances);
        } catch (IllegalArgumentException e) {
            throw new ModelException(source + ": not a valid HMM: " + e.getMessage());
        }
    }

    private static final class Reader {
        final List<String[]> lines;
        final List<Integer> numbers;
        final String source;
        int at;

        Reader(List<String[]> lines, List<Integer> numbers, String source) {
            this.lines = lines;
            this.numbers = numbers;
            this.source = source;
        }

        ModelException problem(String message) {
            String where = at == 0 ? "" : ":" + numbers.get(Math.min(at, numbers.size()) - 1);
            return new ModelException(source + where + ": " + message);
        }

        String[] next(String key, int fields) {
            if (at >= lines.size()) {
                at = lines.size();
                throw new ModelException(source + ": ends before its '" + key + "' line");
            }
            String[] f = lines.get(at++);
            if (!f[0].equals(key)) {
                throw problem("expected a '" + key + "' line, found '" + f[0] + "'");
            }
            if (f.length != fields) {
                throw problem("'" + key + "' needs " + (fields - 1) + " value(s), found " + (f.length - 1));
            }
            return f;
        }

        int count(String key) {
            String[] f = next(key, 2);
            try {
                int v = Integer.parseInt(f[1]);
                if (v < 1 || v > 1000) {
                    throw problem("'" + key + "' must be from 1 to 1000, got " + v);
                }
                return v;
            } catch (NumberFormatException e) {
                throw problem("'" + key + "' is not an integer: '" + f[1] + "'");
            }
        }

        double[] numbers(String[] f, int from) {
            double[] v = new double[f.length - from];
            for (int i = from; i < f.length; i++) {
                try {
                    v[i - from] = Double.parseDouble(f[i]);
                } catch (NumberFormatException e) {
                    throw problem("'" + f[0] + "' value " + (i - from + 1) + " is not a number: '" + f[i] + "'");
                }
                if (!Double.isFinite(v[i - from])) {
                    throw problem("'" + f[0] + "' value " + (i - from + 1) + " is not finite: '" + f[i] + "'");
                }
            }
            return v;
        }

        double[][] rows(String key, int k, int width) {
            double[][] out = new double[k][];
            for (int i = 0; i < k; i++) {
                String[] f = next(key, width + 2);
                if (!f[1].equals(Integer.toString(i))) {
                    throw problem(String.format(Locale.ROOT, "expected '%s %d', found '%s %s'", key, i, key, f[1]));
                }
                out[i] = numbers(f, 2);
                // checked here, where the line is known, rather than by the HMM's constructor
                if (key.equals("transition")) {
                    distribution(out[i], "transition " + i);
                } else if (key.equals("variance")) {
                    for (int j = 0; j < width; j++) {
                        if (!(out[i][j] > 0)) {
                            throw problem("'variance " + i + "' value " + (j + 1) + " must be > 0, got " + out[i][j]);
                        }
                    }
                }
            }
            return out;
        }

        /** Probabilities in [0, 1] that sum to 1, as the HMM needs them. */
        double[] distribution(double[] p, String what) {
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                if (!(p[i] >= 0 && p[i] <= 1)) {
                    throw problem("'" + what + "' value " + (i + 1) + " is not a probability: " + p[i]);
                }
                sum += p[i];
            }
            if (Math.abs(sum - 1) > GaussianHmm.SUM_TOLERANCE) {
                throw problem("'" + what + "' probabilities must sum to 1, got " + sum);
            }
            return p;
        }
    }
}
