package org.trellis.rl;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.trellis.runtime.cli.Main;

/** Runs a command line through the real CLI in this JVM, as a user would type it. */
public final class Cli {
    public record Outcome(int code, String out, String err) {
    }

    private Cli() {
    }

    public static Outcome trellis(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }
}
