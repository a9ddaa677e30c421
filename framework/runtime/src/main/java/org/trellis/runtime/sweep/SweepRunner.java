package org.trellis.runtime.sweep;

import java.nio.file.Path;
import java.util.List;
import org.trellis.runtime.engine.ProgressListener;

/**
 * Runs the tasks of a sweep, each an independent backtest, wherever it runs them (the sweep module:
 * Apache Spark, embedded or on a cluster). Found with {@link java.util.ServiceLoader} through
 * {@link Provider}, so the framework never links against Spark.
 */
public interface SweepRunner extends AutoCloseable {
    /** Where the tasks run, e.g. {@code Spark 4.1.1, local[*] (2 cores)}. */
    String describe();

    /**
     * Runs every task; the rows come back in task order, a failed task as a row with its error.
     * {@code data} is shipped to each executor once; {@code progress} counts finished tasks.
     */
    List<SweepRow> run(SweepJob job, SweepData data, List<SweepTask> tasks, ProgressListener progress);

    /**
     * Runs the trials of a hyperparameter search ({@code tune FAMILY --spark-master URL}), each in a JVM
     * of its own on an executor ({@link TrialJob#fork}); the outcomes come back in request order, a failed
     * trial with its error. The job (with its bars) is shipped to each executor once; {@code progress}
     * counts finished trials.
     */
    List<org.trellis.ml.spi.TrialOutcome> runTrials(TrialJob job, List<org.trellis.ml.spi.TrialRequest> trials,
                                                    ProgressListener progress);

    /** Writes a table as Parquet into the folder {@code dir} (replacing it). */
    void writeParquet(SweepTable table, Path dir);

    @Override
    void close();

    /** Opens runners; listed in {@code META-INF/services/org.trellis.runtime.sweep.SweepRunner$Provider}. */
    interface Provider {
        /** {@code master}: {@code local[*]}, {@code local[N]} or a cluster's URL such as {@code spark://host:7077}. */
        SweepRunner open(String master);
    }

    /** The runner on the classpath, or an error saying how to get one. */
    static SweepRunner open(String master) {
        for (Provider p : java.util.ServiceLoader.load(Provider.class, SweepRunner.class.getClassLoader())) {
            return p.open(master);
        }
        throw new IllegalArgumentException("sweeps (and tune --spark-master) run on Apache Spark, in the sweep module (framework/sweep), "
                + "which is not on the classpath; run them through ./trellis sweep, ./trellis walk-forward or ./trellis tune FAMILY "
                + "--spark-master URL, which build that module on first use");
    }
}
