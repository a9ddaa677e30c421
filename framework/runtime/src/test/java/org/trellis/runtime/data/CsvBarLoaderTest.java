package org.trellis.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.market.Instrument;

class CsvBarLoaderTest {
    private static final String HEADER = "date,open,high,low,close,volume\n";
    private static final Instrument X = Instrument.spot("X");

    private static LoadedSeries load(String csv, LoadOptions options) {
        return new CsvBarLoader(CsvLayout.standard(), options).load(new StringReader(csv), "bars.csv", X);
    }

    private static DataException fails(String csv) {
        return assertThrows(DataException.class, () -> load(csv, LoadOptions.strict()));
    }

    @Test
    void readsIsoDatesAndEpochSecondsAndMillis() {
        ColumnarBarSeries s = load(HEADER
                + "2020-01-01,1,2,0.5,1.5,10\n"
                + "1577923200,1.5,2,1,1.8,11\n"
                + "1578009600000,1.8,2.2,1.7,2,12\n"
                + "2020-01-04T00:00:00Z,2,2.1,1.9,2.05,13\n", LoadOptions.strict()).series();
        assertEquals(4, s.size());
        assertEquals(1_577_836_800_000L, s.time(0));
        assertEquals(1_577_923_200_000L, s.time(1));
        assertEquals(1_578_009_600_000L, s.time(2));
        assertEquals(1_578_096_000_000L, s.time(3));
        assertEquals(86_400_000L, s.barMillis());
        assertEquals(2.05, s.close(3));
    }

    @Test
    void nonNumericCellNamesLineAndField() {
        DataException e = fails(HEADER + "2020-01-01,1,2,0.5,1.5,10\n2020-01-02,1,2,0.5,abc,10\n");
        assertEquals(3, e.line());
        assertEquals("close", e.field());
        assertTrue(e.getMessage().startsWith("bars.csv:3: field 'close': not a number: 'abc'"), e.getMessage());
    }

    @Test
    void nanAndNonPositivePricesAreRejected() {
        assertEquals("open", fails(HEADER + "2020-01-01,NaN,2,0.5,1.5,10\n").field());
        assertEquals("low", fails(HEADER + "2020-01-01,1,2,0,1.5,10\n").field());
        assertEquals("high", fails(HEADER + "2020-01-01,1,-2,0.5,1.5,10\n").field());
        assertEquals("volume", fails(HEADER + "2020-01-01,1,2,0.5,1.5,-1\n").field());
    }

    @Test
    void highBelowLowIsRejected() {
        DataException e = fails(HEADER + "2020-01-01,1,0.5,2,1,10\n");
        assertEquals("high", e.field());
        assertTrue(e.getMessage().contains("below low"), e.getMessage());
    }

    @Test
    void closeOutsideTheRangeIsRejected() {
        assertEquals("close", fails(HEADER + "2020-01-01,1,2,0.5,3,10\n").field());
    }

    @Test
    void unsortedAndDuplicateTimestampsAreRejectedWithTheirLine() {
        DataException unsorted = fails(HEADER + "2020-01-02,1,2,0.5,1.5,10\n2020-01-01,1,2,0.5,1.5,10\n");
        assertEquals(3, unsorted.line());
        assertEquals("date", unsorted.field());
        assertTrue(unsorted.getMessage().contains("earlier"), unsorted.getMessage());
        DataException dup = fails(HEADER + "2020-01-02,1,2,0.5,1.5,10\n2020-01-02,1,2,0.5,1.5,10\n");
        assertTrue(dup.getMessage().contains("duplicate timestamp"), dup.getMessage());
    }

    @Test
    void shortRowAndMissingColumnAndBadTime() {
        assertTrue(fails(HEADER + "2020-01-01,1,2\n").getMessage().contains("row has 3 fields"));
        DataException missing = fails("date,open,high,low,close\n2020-01-01,1,2,0.5,1.5\n");
        assertEquals("volume", missing.field());
        assertEquals(1, missing.line());
        assertEquals("date", fails(HEADER + "yesterday,1,2,0.5,1.5,10\n").field());
    }

    @Test
    void skipBadRowsCountsAndKeepsTheRest() {
        LoadedSeries loaded = load(HEADER
                + "2020-01-01,1,2,0.5,1.5,10\n"
                + "2020-01-02,1,2,0.5,oops,10\n"
                + "2020-01-01,1,2,0.5,1.5,10\n"
                + "2020-01-03,1,2,0.5,1.5,10\n", LoadOptions.lenient());
        assertEquals(2, loaded.series().size());
        assertEquals(2, loaded.skipped().count());
        assertTrue(loaded.skipped().examples().get(0).contains("bars.csv:3"));
    }

    @Test
    void emptyFileSaysSo() {
        assertTrue(fails(HEADER).getMessage().contains("no data rows"));
    }

    @Test
    void configurableColumnsAndTimePattern() {
        CsvLayout layout = new CsvLayout("Time", "O", "H", "L", "C", "V", "dd.MM.yyyy HH:mm", ZoneId.of("UTC"), ';');
        ColumnarBarSeries s = new CsvBarLoader(layout, LoadOptions.strict()).load(new StringReader(
                "V;Time;O;H;L;C\n5;01.02.2021 10:30;1;2;0.5;1.5\n"), "x.csv", X).series();
        assertEquals(1_612_175_400_000L, s.time(0));
        assertEquals(5, s.volume(0));
    }

    @Test
    void missingFileNamesThePath(@TempDir Path dir) {
        Path nope = dir.resolve("nope.csv");
        DataException e = assertThrows(DataException.class,
                () -> new CsvBarLoader(CsvLayout.standard(), LoadOptions.strict()).load(nope, X));
        assertTrue(e.getMessage().contains("nope.csv"));
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("f.csv");
        Files.writeString(f, HEADER + "2020-01-01,1,2,0.5,1.5,10\n");
        assertEquals(1, new CsvBarLoader(CsvLayout.standard(), LoadOptions.strict()).load(f, X).series().size());
    }

    @Test
    void lineNumbersCountBlankLines() {
        DataException e = fails(HEADER + "\n2020-01-01,1,2,0.5,1.5,10\n\n2020-01-02,1,2,0.5,abc,10\n");
        assertEquals(5, e.line(), e.getMessage());
    }

    @Test
    void anUnterminatedQuoteIsALocatedError() {
        DataException e = fails(HEADER + "2020-01-01,1,2,0.5,1.5,10\n2020-01-02,\"1,2,0.5,1.5,10\n2020-01-03,1,2,0.5,1.5,10\n");
        assertTrue(e.getMessage().startsWith("bars.csv:3: malformed CSV"), e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreALocatedErrorNotACrash(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin1.csv");
        byte[] head = (HEADER + "2020-01-01,1,2,0.5,1.5,10\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = "2020-01-02,1,2,0.5,1.5,10 \u00e9t\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(f, concat(head, bad));
        DataException e = assertThrows(DataException.class,
                () -> new CsvBarLoader(CsvLayout.standard(), LoadOptions.strict()).load(f, X));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("latin1.csv"), e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored() {
        ColumnarBarSeries s = load("\uFEFF" + HEADER + "2020-01-01,1,2,0.5,1.5,10\n", LoadOptions.strict()).series();
        assertEquals(1, s.size());
    }

    @Test
    void eightDigitDatesAreDatesNotEpochSeconds() {
        ColumnarBarSeries s = load(HEADER + "20200101,1,2,0.5,1.5,10\n20200102,1,2,0.5,1.5,10\n", LoadOptions.strict()).series();
        assertEquals(1_577_836_800_000L, s.time(0));
        assertEquals(86_400_000L, s.barMillis());
    }
}
