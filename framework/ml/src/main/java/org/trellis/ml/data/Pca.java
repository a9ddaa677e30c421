package org.trellis.ml.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Principal components of some feature columns, fitted on the training split only and stored with the
 * model (the source fitted its PCA on all the data, label columns included). The projected columns
 * become {@code pc1 .. pcK}, the fewest components whose eigenvalues explain at least the kept share
 * of the variance; the other columns pass through unchanged, after them, in their order.
 *
 * <p>Each component's sign is fixed so that its largest-magnitude loading is positive: an
 * eigenvector's sign is arbitrary, and a refit must give the same model.
 *
 * <p>Stored as JSON: {@code inputs} (every input column, in row order), {@code projected} (the
 * columns the components read), {@code mean} (their training means), {@code components}
 * ({@code [k][projected]} unit loadings, largest eigenvalue first), {@code eigenvalues} (the variance
 * along each, population covariance) and {@code total} (the projected columns' total variance).
 */
public final class Pca {
    private final List<String> inputs;
    private final List<String> projected;
    private final double[] mean;
    private final double[][] components;
    private final double[] eigenvalues;
    private final double total;
    private final int[] columns;
    private final int[] passed;

    @JsonCreator
    public Pca(@JsonProperty("inputs") List<String> inputs, @JsonProperty("projected") List<String> projected,
               @JsonProperty("mean") double[] mean, @JsonProperty("components") double[][] components,
               @JsonProperty("eigenvalues") double[] eigenvalues, @JsonProperty("total") double total) {
        require(inputs != null && projected != null && mean != null && components != null && eigenvalues != null,
                "PCA statistics need inputs, projected, mean, components and eigenvalues");
        require(Set.copyOf(inputs).size() == inputs.size(), "PCA inputs repeat a name: " + inputs);
        require(total > 0 && Double.isFinite(total), "PCA total variance must be finite and > 0, got " + total);
        require(Arrays.stream(mean).allMatch(Double::isFinite) && Arrays.stream(eigenvalues).allMatch(v -> v >= 0 && v <= total * (1 + 1e-9))
                && Arrays.stream(components).allMatch(c -> c != null && Arrays.stream(c).allMatch(Double::isFinite)),
                "PCA statistics must be finite: means, loadings, and eigenvalues in [0, total]");
        this.inputs = List.copyOf(inputs);
        this.projected = List.copyOf(projected);
        this.mean = mean.clone();
        this.components = Arrays.stream(components).map(double[]::clone).toArray(double[][]::new);
        this.eigenvalues = eigenvalues.clone();
        this.total = total;
        if (!inputs.containsAll(projected) || projected.isEmpty()) {
            throw new IllegalArgumentException("PCA projects " + projected + ", which must be some of its inputs " + inputs);
        }
        if (mean.length != projected.size() || components.length == 0 || components.length != eigenvalues.length) {
            throw new IllegalArgumentException("PCA statistics do not fit " + projected.size() + " projected columns: " + mean.length
                    + " means, " + components.length + " components, " + eigenvalues.length + " eigenvalues");
        }
        for (double[] c : components) {
            if (c.length != projected.size()) {
                throw new IllegalArgumentException("a PCA component has " + c.length + " loadings for " + projected.size() + " columns");
            }
        }
        this.columns = indices(inputs, projected);
        this.passed = java.util.stream.IntStream.range(0, inputs.size()).filter(c -> !projected.contains(inputs.get(c))).toArray();
    }

    @JsonProperty
    public List<String> inputs() {
        return inputs;
    }

    @JsonProperty
    public List<String> projected() {
        return projected;
    }

    @JsonProperty
    public double[] mean() {
        return mean.clone();
    }

    @JsonProperty
    public double[][] components() {
        return Arrays.stream(components).map(double[]::clone).toArray(double[][]::new);
    }

    @JsonProperty
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    @JsonProperty
    public double total() {
        return total;
    }

    /**
     * Fit on rows {@code from .. to - 1} of {@code matrix} (rows missing a projected value are skipped).
     *
     * @param projected the columns to project (the rest pass through)
     * @param keep      share of the variance to keep, in (0, 1]
     */
    public static Pca fit(FeatureMatrix matrix, int from, int to, List<String> projected, double keep) {
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("PCA keeps a share of the variance in (0, 1], got " + keep);
        }
        if (from < 0 || to > matrix.rows() || from > to) {
            throw new IllegalArgumentException("cannot fit PCA on rows " + from + ".." + to + " of " + matrix.rows());
        }
        int[] cols = indices(matrix.names(), projected);
        int d = cols.length;
        double[] mean = new double[d];
        double[][] comoment = new double[d][d];
        int n = 0;
        double[] delta = new double[d];
        for (int r = from; r < to; r++) {
            if (!projectedFinite(matrix, r, cols)) {
                continue;
            }
            n++;
            // Welford's update of the co-moments: stable where the columns sit far from zero
            for (int i = 0; i < d; i++) {
                delta[i] = matrix.get(r, cols[i]) - mean[i];
                mean[i] += delta[i] / n;
            }
            for (int i = 0; i < d; i++) {
                double after = matrix.get(r, cols[i]) - mean[i];
                for (int j = 0; j < d; j++) {
                    comoment[i][j] += delta[j] * after;
                }
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("cannot fit PCA on " + n + " complete rows (rows " + from + ".." + to + "): use more data");
        }
        double[][] covariance = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                covariance[i][j] = (comoment[i][j] + comoment[j][i]) / (2.0 * n); // symmetric to the last bit
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(covariance, false));
        Integer[] order = new Integer[d];
        double[] values = eigen.getRealEigenvalues();
        for (int i = 0; i < d; i++) {
            order[i] = i;
            values[i] = Math.max(0, values[i]); // round-off can make a zero eigenvalue slightly negative
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double total = Arrays.stream(values).sum();
        if (!(total > 0)) {
            throw new IllegalArgumentException("the columns " + projected + " are constant on rows " + from + ".." + to
                    + ": nothing for PCA to keep");
        }
        List<double[]> kept = new ArrayList<>();
        List<Double> keptValues = new ArrayList<>();
        double explained = 0;
        for (int i = 0; i < d && explained < keep * total * (1 - 1e-12); i++) {
            double[] v = eigen.getEigenvector(order[i]).toArray();
            orient(v);
            kept.add(v);
            keptValues.add(values[order[i]]);
            explained += values[order[i]];
        }
        return new Pca(matrix.names(), projected, mean, kept.toArray(new double[0][]),
                keptValues.stream().mapToDouble(Double::doubleValue).toArray(), total);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The output columns: {@code pc1 .. pcK}, then the columns passed through. */
    public List<String> outputs() {
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= components.length; k++) {
            out.add("pc" + k);
        }
        for (int c : passed) {
            out.add(inputs.get(c));
        }
        return out;
    }

    /** Share of the projected columns' variance the kept components explain. */
    @JsonIgnore
    public double explained() {
        return Arrays.stream(eigenvalues).sum() / total;
    }

    /** Project one row of {@link #inputs} into {@code out} ({@link #outputs} order); a missing value gives NaN components. */
    public void apply(double[] row, double[] out) {
        for (int k = 0; k < components.length; k++) {
            double sum = 0;
            for (int i = 0; i < columns.length; i++) {
                sum += components[k][i] * (row[columns[i]] - mean[i]);
            }
            out[k] = sum;
        }
        for (int p = 0; p < passed.length; p++) {
            out[components.length + p] = row[passed[p]];
        }
    }

    /** Every row of the matrix projected (rows with a missing value get NaN components). */
    public FeatureMatrix apply(FeatureMatrix matrix) {
        if (!matrix.names().equals(inputs)) {
            throw new IllegalArgumentException("the PCA was fitted on " + inputs + " but the data has " + matrix.names());
        }
        int width = outputs().size();
        float[] values = new float[matrix.rows() * width];
        long[] times = new long[matrix.rows()];
        double[] row = new double[inputs.size()];
        double[] out = new double[width];
        for (int r = 0; r < matrix.rows(); r++) {
            times[r] = matrix.time(r);
            for (int c = 0; c < row.length; c++) {
                row[c] = matrix.get(r, c);
            }
            apply(row, out);
            for (int c = 0; c < width; c++) {
                values[r * width + c] = (float) out[c];
            }
        }
        return new FeatureMatrix(outputs(), times, values);
    }

    private static boolean projectedFinite(FeatureMatrix matrix, int row, int[] cols) {
        for (int c : cols) {
            if (!Float.isFinite(matrix.get(row, c))) {
                return false;
            }
        }
        return true;
    }

    private static int[] indices(List<String> names, List<String> wanted) {
        int[] out = new int[wanted.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = names.indexOf(wanted.get(i));
            if (out[i] < 0) {
                throw new IllegalArgumentException("PCA column '" + wanted.get(i) + "' is not among " + names);
            }
        }
        return out;
    }

    private static void orient(double[] v) {
        int largest = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[largest])) {
                largest = i;
            }
        }
        if (v[largest] < 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pca p && inputs.equals(p.inputs) && projected.equals(p.projected) && Arrays.equals(mean, p.mean)
                && Arrays.deepEquals(components, p.components) && Arrays.equals(eigenvalues, p.eigenvalues) && total == p.total;
    }

    @Override
    public int hashCode() {
        return inputs.hashCode() * 31 + Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "Pca" + projected + " -> " + components.length + " components";
    }
}
