package org.trellis.runtime.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV with a header row for the loaders: finds the wanted columns by name (case-insensitive,
 * a UTF-8 byte-order mark ignored), then hands each row over with its real line number (blank lines
 * counted). Whatever goes wrong in the file itself (an unterminated quote, bytes that are not UTF-8)
 * becomes a {@link DataException} naming the line.
 */
final class CsvRows {
    /** Receives one data row; {@code line} is 1-based, counting the header and blank lines. */
    @FunctionalInterface
    interface RowHandler {
        void row(CSVRecord row, long line);
    }

    private CsvRows() {
    }

    /**
     * Reads every row, calling {@code handler} with the positions of {@code wanted} columns resolved.
     *
     * @param columns receives, per wanted name, its index in the header
     */
    static void read(Reader reader, String source, char delimiter, String[] wanted, int[] columns, RowHandler handler) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw problem(source, 1, e);
        }
        try (parser) {
            locate(parser.getHeaderNames(), source, wanted, columns);
            Iterator<CSVRecord> rows = parser.iterator();
            long lastGood = 1;
            while (true) {
                CSVRecord row;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    // the parser may have read to the end looking for a closing quote: the broken
                    // record starts right after the last good one
                    throw problem(source, lastGood + 1, e);
                }
                lastGood = parser.getCurrentLineNumber();
                handler.row(row, lastGood);
            }
        } catch (IOException e) {
            throw problem(source, -1, e);
        }
    }

    private static void locate(List<String> header, String source, String[] wanted, int[] columns) {
        List<String> names = new ArrayList<>();
        for (String h : header) {
            names.add(h.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
        }
        for (int k = 0; k < wanted.length; k++) {
            columns[k] = names.indexOf(wanted[k].toLowerCase(Locale.ROOT));
            if (columns[k] < 0) {
                throw new DataException(source, 1, wanted[k], "column missing from the header " + names
                        + " (column names and time format are set under trellis.data.csv in conf/application.conf)");
            }
        }
    }

    private static DataException problem(String source, long line, Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return new DataException(source, line, null, "not UTF-8 text (save the file as UTF-8)");
        }
        return new DataException(source, line, null, "malformed CSV: " + cause.getMessage());
    }
}
