package org.trellis.runtime.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.trellis.runtime.cli.Main;

/** Runs the {@code trellis} command line in-process and keeps what it printed. */
public final class Cli {
    private Cli() {
    }

    /** Exit code and the two streams of one command. */
    public record Outcome(int code, String out, String err) {
    }

    public static Outcome trellis(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }
}
