package org.trellis.runtime.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a UTF-8 data file for a loader, turning "no such file" into a {@link DataException} that names it. */
final class TextFiles {
    @FunctionalInterface
    interface ReaderFunction<T> {
        T apply(Reader reader, String source);
    }

    private TextFiles() {
    }

    static <T> T read(Path file, ReaderFunction<T> loader) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return loader.apply(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new DataException(file.toString(), "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
