package org.trellis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trellis.api.execution.Fill;
import org.trellis.api.execution.Order;
import org.trellis.api.execution.OrderPurpose;
import org.trellis.api.execution.OrderSide;
import org.trellis.api.feature.FeatureSchema;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.Params;
import org.trellis.api.risk.Verdict;
import org.trellis.api.strategy.Decision;
import org.trellis.api.strategy.Side;

class ApiContractTest {
    @Test
    void apiVersionFollowsSemanticVersioning() {
        assertTrue(ApiVersion.supports(ApiVersion.CURRENT));
        assertTrue(ApiVersion.supports(ApiVersion.MAJOR + ".0"));
        assertFalse(ApiVersion.supports(ApiVersion.MAJOR + "." + (ApiVersion.MINOR + 1)));
        assertFalse(ApiVersion.supports((ApiVersion.MAJOR + 1) + ".0"));
        assertThrows(IllegalArgumentException.class, () -> ApiVersion.supports("1"));
    }

    @Test
    void paramsConvertAndNameTheParameterOnError() {
        Params p = Params.of(Map.of("n", "1_000", "x", 0.5, "b", "yes", "s", "text"));
        assertEquals(1000, p.getInt("n", 0));
        assertEquals(0.5, p.getDouble("x", 0));
        assertTrue(p.getBoolean("b", false));
        assertEquals(7, p.getInt("missing", 7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.getInt("s", 0));
        assertTrue(e.getMessage().contains("'s'"));
        assertThrows(IllegalArgumentException.class, () -> p.getInt("x", 0));
        assertEquals(Params.of(Map.of("a", 1)), Params.of(Map.of("a", 1)));
    }

    @Test
    void binaryContractsSettleAtZeroOrOne() {
        Instrument up = Instrument.binary("BTC-UP-1200", 1_700_000_000_000L);
        assertEquals(1.0, up.settlementPrice(true));
        assertEquals(0.0, up.settlementPrice(false));
        assertThrows(IllegalStateException.class, () -> Instrument.spot("BTC/USD").settlementPrice(true));
        assertThrows(IllegalArgumentException.class,
                () -> new Instrument("X", org.trellis.api.market.InstrumentKind.BINARY, Long.MAX_VALUE));
    }

    @Test
    void decisionValidatesAndResets() {
        Decision d = new Decision();
        d.set(Side.BUY, 0.8, 0.5).because("model");
        assertEquals(Side.BUY, d.side());
        assertEquals("model", d.reason());
        d.reset();
        assertEquals(Side.HOLD, d.side());
        assertTrue(Double.isNaN(d.probability()));
        assertThrows(IllegalArgumentException.class, () -> d.set(Side.BUY, 1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> d.set(Side.BUY, 0.5, -1));
    }

    @Test
    void verdictRefusesAResizeToZero() {
        Verdict v = new Verdict();
        v.veto("max-drawdown");
        assertEquals(Verdict.Outcome.VETO, v.outcome());
        assertEquals("max-drawdown", v.reason());
        assertThrows(IllegalArgumentException.class, () -> v.resize(0, "x"));
        v.reset();
        assertEquals(Verdict.Outcome.ALLOW, v.outcome());
    }

    @Test
    void ordersAndFillsRejectImpossibleNumbers() {
        Instrument i = Instrument.spot("X");
        assertThrows(IllegalArgumentException.class, () -> new Order(1, i, OrderSide.BUY, 0, OrderPurpose.ENTRY, "", 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Order(1, i, OrderSide.BUY, Double.NaN, OrderPurpose.ENTRY, "", 0));
        Order o = new Order(1, i, OrderSide.SELL, 2, OrderPurpose.EXIT, "signal", 0);
        assertEquals(-1, o.side().sign());
        assertThrows(IllegalArgumentException.class, () -> new Fill(o, 2, Double.NaN, 0, 0));
    }

    @Test
    void schemaRejectsDuplicateNamesAndListsKnownOnes() {
        assertThrows(IllegalArgumentException.class, () -> new FeatureSchema(List.of("a", "a")));
        FeatureSchema s = new FeatureSchema(List.of("sma10", "sma30"));
        assertEquals(1, s.indexOf("sma30"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.indexOf("sma20"));
        assertTrue(e.getMessage().contains("sma10"));
    }
}
