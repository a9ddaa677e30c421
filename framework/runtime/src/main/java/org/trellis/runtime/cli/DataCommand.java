package org.trellis.runtime.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import org.trellis.runtime.data.BundledData;
import org.trellis.runtime.data.Dataset;
import org.trellis.runtime.data.TradeTape;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.report.Times;

@Command(name = "data", description = "Market data that ships with Trellis.", subcommands = DataCommand.ListCommand.class,
        mixinStandardHelpOptions = true)
final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "List the bundled datasets: source, period, rows, bar size.", mixinStandardHelpOptions = true)
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            String format = "%-15s %-8s %-6s %-20s %-20s %9s  %s%n";
            out.printf(Locale.ROOT, format, "NAME", "SYMBOL", "BAR", "FROM", "TO", "ROWS", "SOURCE");
            for (Dataset d : BundledData.DATASETS) {
                long from;
                long to;
                int rows;
                if (d.barSize().equals("trades")) {
                    TradeTape tape = BundledData.btcTrades();
                    from = tape.time(0);
                    to = tape.time(tape.size() - 1);
                    rows = tape.size();
                } else {
                    ColumnarBarSeries s = BundledData.bars(d.name());
                    from = s.time(0);
                    to = s.time(s.size() - 1);
                    rows = s.size();
                }
                out.printf(Locale.ROOT, format, d.name(), d.symbol(), d.barSize(), Times.iso(from), Times.iso(to), rows,
                        d.provenance());
            }
            out.println();
            out.println("Also: synthetic[:bars=N,seed=S,bar=1m] (seeded regime-switching GBM with jumps; labelled synthetic),");
            out.println("or any CSV path (date,open,high,low,close,volume; or a trade tape timestamp,price,amount).");
            out.flush();
            return 0;
        }
    }
}
