package org.trellis.auditor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaLabelsTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws Exception {
        return Files.writeString(dir.resolve("meta.csv"), text);
    }

    @Test
    void readsInputsLabelsAndMissingValues() throws Exception {
        MetaLabels m = MetaLabels.read(csv("rsi14,label,confidence\n30.5,1,0.8\n,0,NaN\n\n70,1.0,\"0.6\"\n"));
        assertEquals(List.of("rsi14", "confidence"), m.inputs());
        assertArrayEquals(new int[] {1, 0, 1}, m.labels());
        assertArrayEquals(new float[] {30.5f, 0.8f}, m.rows()[0]);
        assertTrue(Float.isNaN(m.rows()[1][0]) && Float.isNaN(m.rows()[1][1]));
        assertArrayEquals(new float[] {70f, 0.6f}, m.rows()[2]);
    }

    @Test
    void badHeadersAndCellsNameTheFileLineAndColumn() throws Exception {
        String f = dir.resolve("meta.csv").toString();
        assertEquals(f + " line 1: no 'label' column among [a, b]", error("a,b\n1,2\n"));
        assertEquals(f + " line 1: two 'label' columns (2 and 3)", error("a,label,label\n1,0,1\n"));
        assertEquals(f + " line 1: column 3 repeats the input name 'a'", error("a,label,a\n1,0,1\n"));
        assertEquals(f + " line 1: column 2 has no name", error("a,,label\n1,2,0\n"));
        assertEquals(f + " line 3, column 'label': '2' is not 0 or 1", error("a,label\n1,0\n1,2\n"));
        assertEquals(f + " line 2, column 'a': 'x' is not a number", error("a,label\nx,0\n"));
        assertEquals(f + " line 2: 3 cells for 2 columns", error("a,label\n1,0,5\n"));
        assertEquals(f + " has a header but no rows", error("a,label\n"));
    }

    private String error(String text) throws Exception {
        Path file = csv(text);
        return assertThrows(IllegalArgumentException.class, () -> MetaLabels.read(file)).getMessage();
    }
}
