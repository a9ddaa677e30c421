package org.trellis.ml.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trellis.api.market.BarSeries;

/** The SPI's default: trials one after another in this process; a failure is that trial's error, the others run. */
class RunTrialsTest {
    static final class Squares implements ModelTrainer {
        @Override
        public String name() {
            return "squares";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public Object command(TrainingContext context) {
            return null;
        }

        @Override
        public String trial(TrainingContext context, List<String> args) {
            int n = Integer.parseInt(args.get(0));
            if (n < 0) {
                throw new IllegalArgumentException("--n must be >= 0, got " + n);
            }
            return Integer.toString(n * n);
        }
    }

    static final class Bare implements TrainingContext {
        @Override
        public BarSeries data(String spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String defaultData() {
            return "none";
        }

        @Override
        public Path modelsDir() {
            return Path.of("models");
        }

        @Override
        public String defaultEngine() {
            return "PyTorch";
        }

        @Override
        public long seed() {
            return 1;
        }

        @Override
        public String trellisVersion() {
            return "test";
        }

        @Override
        public PrintWriter out() {
            return new PrintWriter(new StringWriter());
        }

        @Override
        public PrintWriter err() {
            return out();
        }

        @Override
        public boolean interactive() {
            return false;
        }
    }

    @Test
    void trialsRunInOrderAndAFailureIsThatTrialsError() {
        List<String> told = new ArrayList<>();
        List<TrialOutcome> out = new Bare().runTrials(new Squares(), List.of(new TrialRequest(1, List.of("3")),
                new TrialRequest(2, List.of("-1")), new TrialRequest(3, List.of("x")), new TrialRequest(4, List.of("5"))),
                (done, total) -> told.add(done + "/" + total));
        assertEquals("9", out.get(0).result());
        assertNull(out.get(0).error());
        assertEquals("--n must be >= 0, got -1", out.get(1).error());
        assertEquals("For input string: \"x\"", out.get(2).error(), "an IllegalArgumentException's message");
        assertEquals("25", out.get(3).result());
        assertEquals(List.of("1/4", "2/4", "3/4", "4/4"), told);
    }

    @Test
    void aTrainerWithoutTrialsSaysSo() {
        ModelTrainer none = new ModelTrainer() {
            @Override
            public String name() {
                return "plain";
            }

            @Override
            public String description() {
                return "";
            }

            @Override
            public Object command(TrainingContext context) {
                return null;
            }
        };
        TrialOutcome o = new Bare().runTrials(none, List.of(new TrialRequest(1, List.of())), TrialProgress.NONE).get(0);
        assertEquals("UnsupportedOperationException: plain has no hyperparameter trials", o.error());
    }
}
