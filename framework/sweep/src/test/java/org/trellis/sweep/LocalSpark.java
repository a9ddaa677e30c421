package org.trellis.sweep;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One embedded local[2] Spark per test class (starting Spark takes seconds), and an empty plugins folder. */
abstract class LocalSpark {
    static SparkSweepRunner runner;

    @TempDir
    static Path plugins;

    @BeforeAll
    static void startSpark() {
        runner = new SparkSweepRunner("local[2]");
    }

    @AfterAll
    static void stopSpark() {
        runner.close();
    }
}
