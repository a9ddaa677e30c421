package org.trellis.rl.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads an .npz file (numpy's {@code savez}: a zip of .npy arrays, stored or deflated) into named
 * arrays, each parsed by {@link NpyReader}: numbers only, never pickles.
 */
public final class NpzReader {
    /** Larger entries are refused rather than read into memory: reward statistics are a few bytes. */
    private static final long MAX_ENTRY_BYTES = 64L << 20;

    private NpzReader() {
    }

    /**
     * The arrays of {@code file} by name (the entry name without {@code .npy}), in file order.
     *
     * @throws IllegalArgumentException naming the file and array when one is malformed or refused
     */
    public static Map<String, NpyArray> read(Path file) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName().endsWith(".npy") ? entry.getName().substring(0, entry.getName().length() - 4) : entry.getName();
                String where = file + ": array '" + name + "'";
                if (entry.getSize() > MAX_ENTRY_BYTES) {
                    throw new IllegalArgumentException(where + " is " + entry.getSize() + " bytes, more than this reader accepts");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(name, NpyReader.read(name, in.readNBytes((int) MAX_ENTRY_BYTES), where));
                }
            }
        } catch (ZipException e) {
            throw new IllegalArgumentException(file + " is not an .npz (zip) file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return arrays;
    }
}
