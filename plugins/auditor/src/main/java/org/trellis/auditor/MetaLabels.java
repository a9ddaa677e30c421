package org.trellis.auditor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV of meta-labels, one row per primary signal in time order: a header naming the auditor's
 * inputs (run features, {@code confidence}, {@code direction}) and a {@value #LABEL} column (1 =
 * the signal's trade was profitable, 0 = not). Empty cells and {@code NaN} are missing values.
 * Errors name the file, line and column.
 */
record MetaLabels(List<String> inputs, float[][] rows, int[] labels) {
    static final String LABEL = "label";

    static MetaLabels read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IllegalArgumentException(file + " is empty: expected a header of input names and a '" + LABEL + "' column");
        }
        String[] header = split(lines.get(0));
        int labelColumn = -1;
        List<String> inputs = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (header[c].equals(LABEL)) {
                if (labelColumn >= 0) {
                    throw new IllegalArgumentException(file + " line 1: two '" + LABEL + "' columns (" + (labelColumn + 1) + " and "
                            + (c + 1) + ")");
                }
                labelColumn = c;
            } else if (header[c].isEmpty()) {
                throw new IllegalArgumentException(file + " line 1: column " + (c + 1) + " has no name");
            } else if (inputs.contains(header[c])) {
                throw new IllegalArgumentException(file + " line 1: column " + (c + 1) + " repeats the input name '" + header[c] + "'");
            } else {
                inputs.add(header[c]);
            }
        }
        if (labelColumn < 0) {
            throw new IllegalArgumentException(file + " line 1: no '" + LABEL + "' column among " + List.of(header));
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException(file + " line 1: no input columns besides '" + LABEL + "'");
        }
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int l = 1; l < lines.size(); l++) {
            if (lines.get(l).isBlank()) {
                continue;
            }
            String[] cells = split(lines.get(l));
            if (cells.length != header.length) {
                throw new IllegalArgumentException(file + " line " + (l + 1) + ": " + cells.length + " cells for " + header.length
                        + " columns");
            }
            float[] row = new float[inputs.size()];
            int k = 0;
            for (int c = 0; c < cells.length; c++) {
                if (c == labelColumn) {
                    switch (cells[c]) {
                        case "1", "1.0" -> labels.add(1);
                        case "0", "0.0" -> labels.add(0);
                        default -> throw new IllegalArgumentException(file + " line " + (l + 1) + ", column '" + LABEL + "': '" + cells[c]
                                + "' is not 0 or 1");
                    }
                } else {
                    row[k++] = number(cells[c], file, l + 1, header[c]);
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + " has a header but no rows");
        }
        return new MetaLabels(inputs, rows.toArray(new float[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static float number(String cell, Path file, int line, String column) {
        if (cell.isEmpty() || cell.equalsIgnoreCase("nan")) {
            return Float.NaN;
        }
        try {
            double v = Double.parseDouble(cell);
            if (Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return (float) v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ", column '" + column + "': '" + cell + "' is not a number");
        }
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].strip();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1);
            }
            cells[i] = c;
        }
        return cells;
    }
}
