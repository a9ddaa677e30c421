package org.trellis.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicksTest {
    private static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void dayTicksFallOnUtcMidnightWithTheYearOnce() {
        List<Ticks.TimeTick> ticks = Ticks.time(t("2013-11-25T00:00:00Z"), t("2013-12-01T16:02:00Z"), 9);
        assertEquals(7, ticks.size());
        assertEquals(t("2013-11-25T00:00:00Z"), ticks.get(0).time());
        assertEquals("25 Nov", ticks.get(0).label());
        assertEquals("2013", ticks.get(0).context());
        assertEquals("1 Dec", ticks.get(6).label());
        assertEquals("", ticks.get(6).context());
    }

    @Test
    void hourTicksNameTheDateWhereItChanges() {
        List<Ticks.TimeTick> ticks = Ticks.time(t("2023-03-13T17:10:00Z"), t("2023-03-15T18:15:00Z"), 9);
        assertEquals("18:00", ticks.get(0).label());
        assertEquals("13 Mar 2023", ticks.get(0).context());
        Ticks.TimeTick midnight = ticks.stream().filter(k -> k.label().equals("00:00")).findFirst().orElseThrow();
        assertEquals("14 Mar 2023", midnight.context());
        assertTrue(ticks.size() <= 9);
    }

    @Test
    void monthTicksStartOnTheFirst() {
        List<Ticks.TimeTick> ticks = Ticks.time(t("2020-09-13T12:26:40Z"), t("2022-08-08T23:05:40Z"), 9);
        assertEquals(t("2020-10-01T00:00:00Z"), ticks.get(0).time());
        assertEquals("Oct", ticks.get(0).label());
        assertEquals("2020", ticks.get(0).context());
        assertTrue(ticks.size() <= 9);
    }

    @Test
    void valueTicksAreRoundAndLabelledToTheirStep() {
        assertEquals(1000, Ticks.niceStep(5100, 5), 1e-9);
        assertEquals(0.2, Ticks.niceStep(0.51, 3), 1e-12);
        List<Ticks.ValueTick> pct = Ticks.values(-0.49, 0.02, 0.2, true);
        assertEquals(List.of("-40%", "-20%", "0%"), pct.stream().map(Ticks.ValueTick::label).toList());
        List<Ticks.ValueTick> money = Ticks.values(5400, 10500, 1000, false);
        assertEquals("6,000", money.get(0).label());
        assertEquals("10,000", money.get(money.size() - 1).label());
        assertEquals(List.of("0.25", "0.50", "0.75"),
                Ticks.values(0.1, 0.8, 0.25, false).stream().map(Ticks.ValueTick::label).toList());
    }
}
