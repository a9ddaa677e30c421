package org.trellis.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.api.market.Instrument;
import org.trellis.api.plugin.Params;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.SyntheticBars;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.ClosedTrade;
import org.trellis.runtime.engine.EngineSettings;
import org.trellis.runtime.engine.ProgressListener;
import org.trellis.runtime.engine.RunResult;
import org.trellis.runtime.plugin.PartRegistry;

class ReportHtmlTest {
    private static final int ONE_MB = 1 << 20;
    private static RunResult btc;
    private static String btcHtml;

    @BeforeAll
    static void runSmaCrossOnBitcoin() throws Exception {
        btc = run(EngineSettings.defaults(), BundledData.bars("btc-usd-1m"));
        btcHtml = ReportHtml.render(BacktestReport.of(btc), btc);
        // Set -Dtrellis.report.html=/tmp/trellis-report.html to keep the page for a look in a browser.
        String keep = System.getProperty("trellis.report.html");
        if (keep != null && !keep.isBlank()) {
            ReportHtml.write(BacktestReport.of(btc), btc, Path.of(keep));
        }
    }

    @Test
    void realRunHasTheChartsAndOneEntryMarkerPerTrade() {
        assertTrue(btc.trades().size() > 10);
        assertTrue(btcHtml.startsWith("<!DOCTYPE html>"));
        assertTrue(btcHtml.contains("<svg class=\"chart\" id=\"equity\""));
        assertTrue(btcHtml.contains("<svg class=\"chart\" id=\"drawdown\""));
        assertTrue(btcHtml.contains("<svg class=\"chart\" id=\"price-0\""));
        assertEquals(btc.trades().size(), count(btcHtml, "class=\"entry long\"") + count(btcHtml, "class=\"entry short\""));
        assertEquals(btc.trades().size(), count(btcHtml, "class=\"exit\""));
        assertEquals(btc.trades().size(), count(btcHtml, "<g class=\"trade "));
        // The metrics are worded as in the text report.
        for (ReportFormat.Row row : ReportFormat.metrics(BacktestReport.of(btc))) {
            assertTrue(btcHtml.contains("<th>" + Html.escape(row.label()) + "</th><td>" + Html.escape(row.value()) + "</td>"), row.label());
        }
        assertTrue(btcHtml.length() < ONE_MB, "size " + btcHtml.length());
    }

    @Test
    void pageIsSelfContained() {
        assertFalse(btcHtml.contains("<link"));
        assertFalse(btcHtml.contains(" src="));
        assertFalse(btcHtml.contains(" href="));
        assertFalse(btcHtml.contains("url("));
        assertFalse(btcHtml.contains("@import"));
        assertFalse(btcHtml.replace("http://www.w3.org/2000/svg", "").contains("http"), "no address but the SVG namespace");
    }

    @Test
    void linesAreThinnedToTheBound() {
        for (String points : polylinePoints(btcHtml)) {
            assertTrue(points.split(" ").length <= SvgChart.MAX_POINTS);
        }
    }

    @Test
    void userTextIsEscaped(@TempDir Path dir) throws Exception {
        ColumnarBarSeries btcBars = BundledData.bars("btc-usd-1m");
        ColumnarBarSeries.Builder b = ColumnarBarSeries.builder(Instrument.spot("BTC<i>&\"x'"), "<script>src</script>");
        for (int i = 0; i < btcBars.size(); i++) {
            b.add(btcBars.time(i), btcBars.open(i), btcBars.high(i), btcBars.low(i), btcBars.close(i), btcBars.volume(i));
        }
        RunResult r = run(EngineSettings.defaults(), b.build());
        List<ClosedTrade> hostile = r.trades().stream().map(t -> new ClosedTrade(t.instrument(), t.direction(), t.entryTime(),
                t.entryPrice(), t.exitTime(), t.exitPrice(), t.quantity(), t.pnl(), t.fees(), "<b>in</b>",
                "<img src=x onerror=alert(1)>")).toList();
        RunResult run = new RunResult("<strategy>", r.params(), r.settings(), r.data(), hostile, r.equity(), r.feesPaid(),
                Map.of("veto<&>", 3), r.cancelledOrders(), r.warmUpBars(), r.mode(), r.stoppedEarly(), r.barsProcessed());
        Path file = dir.resolve("report.html");
        ReportHtml.write(BacktestReport.of(run), run, file);
        String html = Files.readString(file, StandardCharsets.UTF_8);

        assertFalse(html.contains("<img"));
        assertFalse(html.contains("<i>"));
        assertFalse(html.contains("<b>in"));
        assertFalse(html.contains("<strategy>"));
        assertFalse(html.contains("veto<&>"));
        assertEquals(1, count(html, "<script"), "only the page's own script");
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertTrue(html.contains("BTC&lt;i&gt;&amp;&quot;x&#39;"));
        assertTrue(html.contains("&lt;script&gt;src&lt;/script&gt;"));
    }

    @Test
    void renderingIsDeterministic() {
        assertEquals(btcHtml, ReportHtml.render(BacktestReport.of(btc), btc));
        RunResult again = run(EngineSettings.defaults(), BundledData.bars("btc-usd-1m"));
        assertEquals(btcHtml, ReportHtml.render(BacktestReport.of(again), again));
    }

    @Test
    void shortTradesGetDownwardMarkers() {
        RunResult r = run(EngineSettings.defaults().withAllowShort(true), BundledData.bars("btc-usd-1m"));
        String html = ReportHtml.render(BacktestReport.of(r), r);
        long shorts = r.trades().stream().filter(t -> t.direction() == ClosedTrade.Direction.SHORT).count();
        assertTrue(shorts > 0);
        assertEquals(shorts, count(html, "class=\"entry short\""));
        assertEquals(r.trades().size() - shorts, count(html, "class=\"entry long\""));
    }

    @Test
    void runWithoutTradesStillRenders() {
        ColumnarBarSeries few = BundledData.bars("btc-usd-1m");
        few = few.between(few.time(0), few.time(20)); // shorter than the slow average: no signal at all
        RunResult r = run(EngineSettings.defaults(), few);
        assertEquals(0, r.trades().size());
        String html = ReportHtml.render(BacktestReport.of(r), r);
        assertTrue(html.contains("<p class=\"note\">No trades.</p>"));
        assertTrue(html.contains("id=\"equity\"") && html.contains("id=\"price-0\""));
        assertEquals(0, count(html, "class=\"entry "));
    }

    @Test
    void millionBarRunStaysLight() {
        ColumnarBarSeries bars = new SyntheticBars(11, 60_000L, 1_600_000_000_000L, 100).generate(1_000_000);
        RunResult r = run(EngineSettings.defaults(), bars);
        String html = ReportHtml.render(BacktestReport.of(r), r);
        assertTrue(html.length() < ONE_MB, "size " + html.length());
        for (String points : polylinePoints(html)) {
            assertTrue(points.split(" ").length <= SvgChart.MAX_POINTS);
        }
        int marked = Math.min(r.trades().size(), ReportHtml.MAX_MARKED_TRADES);
        assertEquals(marked, count(html, "class=\"entry "));
        assertEquals(Math.min(r.trades().size(), ReportHtml.MAX_TABLE_TRADES), tradeRows(html));
        if (r.trades().size() > ReportHtml.MAX_TABLE_TRADES) {
            assertTrue(html.contains("Showing the last 500 of "));
        }
    }

    private static int tradeRows(String html) {
        return count(html.substring(html.indexOf("<h2>Trades</h2>")), "<tr><td class=\"num\">");
    }

    private static RunResult run(EngineSettings settings, ColumnarBarSeries bars) {
        return new BacktestEngine(PartRegistry.discover(), settings).run("sma-cross", Params.of(Map.of("fast", 10, "slow", 30)),
                List.of(bars), List.of(), ProgressListener.NONE);
    }

    private static List<String> polylinePoints(String html) {
        Matcher m = Pattern.compile("<poly(?:line|gon) [^>]*points=\"([^\"]*)\"").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        assertTrue(out.size() >= 3);
        return out;
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
