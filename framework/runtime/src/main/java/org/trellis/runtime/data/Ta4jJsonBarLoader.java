package org.trellis.runtime.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.trellis.api.market.Instrument;

/**
 * Reads the bar JSON used by ta4j's examples: {@code {"name":..., "ohlc":[{"endTime": ms,
 * "openPrice":..., "highPrice":..., "lowPrice":..., "closePrice":..., "volume":...}, ...]}}.
 * Bars are stamped with their open time, {@code endTime + 1 - barMillis}.
 */
public final class Ta4jJsonBarLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ColumnarBarSeries load(InputStream in, String source, Instrument instrument, long barMillis) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new DataException(source, "not valid JSON: " + e.getMessage());
        }
        JsonNode rows = root == null ? null : root.get("ohlc");
        if (rows == null || !rows.isArray()) {
            throw new DataException(source, "missing the 'ohlc' array");
        }
        ColumnarBarSeries.Builder bars = ColumnarBarSeries.builder(instrument, source);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            String where = "ohlc[" + i + "]";
            long end = field(r, "endTime", source, where).asLong();
            double o = field(r, "openPrice", source, where).asDouble();
            double h = field(r, "highPrice", source, where).asDouble();
            double l = field(r, "lowPrice", source, where).asDouble();
            double c = field(r, "closePrice", source, where).asDouble();
            double v = field(r, "volume", source, where).asDouble();
            String[] problem = BarChecks.problem(o, h, l, c, v);
            if (problem != null) {
                throw new DataException(source + " " + where, -1, problem[0], problem[1]);
            }
            long open = end + 1 - barMillis;
            if (open <= bars.lastTime()) {
                throw new DataException(source + " " + where, -1, "endTime", "not after the previous bar");
            }
            bars.add(open, o, h, l, c, v);
        }
        return bars.build();
    }

    private static JsonNode field(JsonNode row, String name, String source, String where) {
        JsonNode n = row.get(name);
        if (n == null || !n.isNumber()) {
            throw new DataException(source + " " + where, -1, name, "missing or not a number");
        }
        return n;
    }
}
