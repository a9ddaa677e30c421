package org.trellis.rl.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one .npy image (format versions 1 to 3) of little-endian {@code <f8}, {@code <f4} or
 * {@code <i8} values in C order. The header is a Python dict literal, read here with patterns rather
 * than evaluated. Object arrays are refused: numpy stores them as pickles, and unpickling runs code.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Map<String, Integer> DTYPES = Map.of("<f8", 8, "<f4", 4, "<i8", 8);
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    /** Integers beyond this lose precision as doubles. */
    private static final long EXACT_IN_DOUBLE = 1L << 53;

    private NpyReader() {
    }

    /**
     * @param where the array's name and file, named in every error
     * @throws IllegalArgumentException when the image is not a plain numeric array this reader supports
     */
    public static NpyArray read(String name, byte[] bytes, String where) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !ByteBuffer.wrap(bytes, 0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            throw new IllegalArgumentException(where + " is not a .npy array (no \\x93NUMPY magic)");
        }
        int major = bytes[6];
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(in.getShort(8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            headerLength = bytes.length < 12 ? -1 : in.getInt(8);
            headerStart = 12;
        } else {
            throw new IllegalArgumentException(where + ": unsupported .npy format version " + major);
        }
        if (headerLength < 0 || headerStart + (long) headerLength > bytes.length) {
            throw new IllegalArgumentException(where + ": header length " + headerLength + " runs past the end of the array");
        }
        String header = new String(bytes, headerStart, headerLength, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String dtype = group(DESCR, header, "descr", where);
        if (dtype.contains("O") || !DTYPES.containsKey(dtype)) {
            throw new IllegalArgumentException(where + ": dtype '" + dtype + "' refused; only " + DTYPES.keySet()
                    + " are read (object arrays are pickles, and unpickling would run code)");
        }
        int[] shape = shape(group(SHAPE, header, "shape", where), where);
        if (group(FORTRAN, header, "fortran_order", where).equals("True") && shape.length > 1) {
            throw new IllegalArgumentException(where + ": Fortran-order arrays are not read; save it in C order");
        }
        long count = Tensor.elements(shape);
        int width = DTYPES.get(dtype);
        int dataStart = headerStart + headerLength;
        if (count < 0 || bytes.length - dataStart != count * width) {
            throw new IllegalArgumentException(where + ": " + (bytes.length - dataStart) + " bytes of data do not hold shape "
                    + java.util.Arrays.toString(shape) + " of " + dtype);
        }
        double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            int at = dataStart + i * width;
            values[i] = switch (dtype) {
                case "<f8" -> in.getDouble(at);
                case "<f4" -> in.getFloat(at);
                default -> exact(in.getLong(at), where);
            };
        }
        return new NpyArray(name, dtype, shape, values);
    }

    private static double exact(long value, String where) {
        if (Math.abs(value) > EXACT_IN_DOUBLE) {
            throw new IllegalArgumentException(where + ": integer " + value + " is too large to read exactly");
        }
        return value;
    }

    private static String group(Pattern pattern, String header, String key, String where) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(where + ": the header has no '" + key + "': " + header.strip());
        }
        return m.group(1);
    }

    private static int[] shape(String tuple, String where) {
        String[] parts = tuple.split(",");
        int dims = 0;
        int[] shape = new int[parts.length];
        for (String part : parts) {
            if (part.isBlank()) {
                continue; // "(3,)" and "()"
            }
            try {
                shape[dims++] = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ": invalid shape (" + tuple + ")", e);
            }
        }
        return java.util.Arrays.copyOf(shape, dims);
    }
}
