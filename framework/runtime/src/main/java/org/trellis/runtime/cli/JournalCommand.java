package org.trellis.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.trellis.runtime.config.TrellisConfig;
import org.trellis.runtime.journal.Journal;
import org.trellis.runtime.report.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trellis journal sessions|trades|health|updates}: what runs and trainings have journaled. */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "Print what was journaled: sessions, trades, health events or model training updates, as a table or CSV.")
final class JournalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "sessions, trades, health or updates (model training updates, one metric a column).")
    String what;

    @Option(names = "--session", paramLabel = "ID", description = "Only this session (trades, health, updates).")
    Long session;

    @Option(names = "--csv", description = "Print CSV (with a header row) instead of a table.")
    boolean csv;

    @Mixin
    JournalFileOption journalFile;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() {
        TrellisConfig config = configOptions.config();
        Path file = journalFile.existing(config);
        List<String> header;
        List<List<String>> rows = new ArrayList<>();
        try (Journal j = Journal.open(file)) {
            switch (what.toLowerCase(Locale.ROOT)) {
                case "sessions" -> {
                    header = List.of("id", "name", "mode", "status", "seed", "started", "ended", "script");
                    for (Journal.SessionRow s : j.sessions()) {
                        rows.add(List.of(String.valueOf(s.id()), s.name(), s.mode(), s.status(), String.valueOf(s.seed()),
                                Times.iso(s.startedAt()), s.endedAt() == null ? "" : Times.iso(s.endedAt()),
                                s.script() == null ? "" : s.script()));
                    }
                }
                case "trades" -> {
                    header = List.of("session", "instrument", "side", "entry_time", "entry_price", "exit_time", "exit_price", "shares",
                            "pnl", "fees", "exit_reason", "forced");
                    for (Journal.TradeRow t : j.trades(session)) {
                        rows.add(List.of(String.valueOf(t.session()), t.instrument(), t.side(), Times.iso(t.entryTime()),
                                num(t.entryPrice()), Times.iso(t.exitTime()), num(t.exitPrice()), num(t.shares()), num(t.pnl()),
                                num(t.fees()), t.exitReason(), t.forced() ? "yes" : "no"));
                    }
                }
                case "health" -> {
                    header = List.of("session", "time", "instrument", "level", "staleness_ms", "action", "message");
                    for (Journal.HealthRow h : j.health(session)) {
                        rows.add(List.of(String.valueOf(h.session()), Times.iso(h.time()), h.instrument() == null ? "(all)" : h.instrument(),
                                h.level(), h.stalenessMs() == null ? "" : String.valueOf(h.stalenessMs()),
                                h.action() == null ? "" : h.action(), h.message() == null ? "" : h.message()));
                    }
                }
                case "updates" -> header = updates(j.modelUpdates(session), rows);
                default -> throw new IllegalArgumentException("journal shows sessions, trades, health or updates, not '" + what + "'");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (csv) {
            printCsv(header, rows, out);
        } else {
            printTable(header, rows, out);
        }
        out.flush();
        return 0;
    }

    /** The updates as rows (session, time, model, step, then each metric in the order first seen); their header. */
    private static List<String> updates(List<Journal.ModelUpdateRow> updates, List<List<String>> rows) {
        List<Map<String, JsonNode>> metrics = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Journal.ModelUpdateRow u : updates) {
            Map<String, JsonNode> m = new LinkedHashMap<>();
            try {
                JSON.readTree(u.metrics()).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
            } catch (JsonProcessingException e) {
                m.put("metrics", TextNode.valueOf(u.metrics())); // not an object: shown as written
            }
            names.addAll(m.keySet());
            metrics.add(m);
        }
        for (int i = 0; i < updates.size(); i++) {
            Journal.ModelUpdateRow u = updates.get(i);
            List<String> row = new ArrayList<>(List.of(String.valueOf(u.session()), Times.iso(u.time()), u.model(), String.valueOf(u.step())));
            for (String name : names) {
                JsonNode v = metrics.get(i).get(name);
                row.add(v == null || v.isNull() ? "" : v.isNumber() ? num(v.asDouble()) : v.asText());
            }
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("session", "time", "model", "step"));
        header.addAll(names);
        return header;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static void printCsv(List<String> header, List<List<String>> rows, PrintWriter out) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printTable(List<String> header, List<List<String>> rows, PrintWriter out) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < header.size(); c++) {
            line.append(String.format(Locale.ROOT, "%-" + widths[c] + "s  ", header.get(c).toUpperCase(Locale.ROOT)));
        }
        out.println(line.toString().stripTrailing());
        for (List<String> row : rows) {
            line.setLength(0);
            for (int c = 0; c < header.size(); c++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[c] + "s  ", row.get(c)));
            }
            out.println(line.toString().stripTrailing());
        }
        if (rows.isEmpty()) {
            out.println("(none)");
        }
    }
}
