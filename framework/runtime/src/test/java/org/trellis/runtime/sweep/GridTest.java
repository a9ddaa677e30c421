package org.trellis.runtime.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridTest {
    @Test
    void rangesIncludeTheirEndAndTheFirstAxisVariesSlowest() {
        Grid g = Grid.parse(List.of("fast=5:15:5", "slow=20:40:10"), "--grid");
        List<GridPoint> points = g.points();
        assertEquals(9, points.size());
        assertEquals(Map.of("fast", 5, "slow", 20), points.get(0).values());
        assertEquals(Map.of("fast", 5, "slow", 30), points.get(1).values());
        assertEquals(Map.of("fast", 15, "slow", 40), points.get(8).values());
        assertEquals(List.of("fast", "slow"), List.copyOf(points.get(4).values().keySet()));
        assertEquals(4, points.get(4).index());
        assertEquals("fast (3 values) x slow (3 values) = 9 combinations", g.describe());
    }

    @Test
    void decimalStepsGiveExactDecimalsAndAStepThatOvershootsStopsBeforeTo() {
        Grid g = Grid.parse(List.of("stop-loss.pct=0.01:0.05:0.01", "n=1:10:4"), "--grid");
        assertEquals(List.of(0.01, 0.02, 0.03, 0.04, 0.05), g.axes().get(0).values());
        assertEquals(List.of(1, 5, 9), g.axes().get(1).values());
    }

    @Test
    void listsTakeNumbersBooleansAndWords() {
        Grid g = Grid.parse(List.of("a=1,2.5,true,next-open"), "--grid");
        assertEquals(List.of(1, 2.5, true, "next-open"), g.axes().get(0).values());
    }

    @Test
    void badSyntaxNamesTheFlagAndTheValue() {
        for (String bad : List.of("fast", "fast=", "=5:10:5", "fast=5:10", "fast=a:10:1", "fast=5:10:0", "fast=10:5:1", "fast=1,,2")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Grid.parse(List.of(bad), "--grid"), bad);
            assertTrue(e.getMessage().startsWith("--grid"), e.getMessage());
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grid.parse(List.of("a=1:2:1", "a=3,4"), "--grid"))
                .getMessage().contains("given twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grid.parse(List.of(), "--grid")).getMessage().contains("--grid"));
    }

    @Test
    void seedsDependOnTheValuesAloneNotOnTheirPlaceInTheGrid() {
        GridPoint a = Grid.parse(List.of("fast=5,10", "slow=20"), "--grid").points().get(1);
        GridPoint b = Grid.parse(List.of("fast=10", "slow=20,30"), "--grid").points().get(0);
        assertNotEquals(a.index(), b.index()); // different places in different grids, same values
        assertEquals(a.seed(42), b.seed(42));
        assertNotEquals(a.seed(42), a.seed(43));
        assertNotEquals(a.seed(42), Grid.parse(List.of("fast=5", "slow=20"), "--grid").points().get(0).seed(42));
        assertEquals("fast=10 slow=20", a.label());
    }
}
