package org.trellis.sweep;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.trellis.runtime.engine.BacktestEngine;
import org.trellis.runtime.engine.ProgressListener;
import org.trellis.runtime.sweep.SweepData;
import org.trellis.runtime.sweep.SweepJob;
import org.trellis.runtime.sweep.SweepRow;
import org.trellis.runtime.sweep.SweepRunner;
import org.trellis.runtime.sweep.SweepTable;
import org.trellis.runtime.sweep.SweepTask;
import org.trellis.runtime.sweep.TrialJob;
import org.trellis.ml.spi.TrialOutcome;
import org.trellis.ml.spi.TrialRequest;

/**
 * Sweeps on Apache Spark: one Spark task per backtest. The market data and the job (script text,
 * settings) are broadcast, so each executor receives them once, not once per task; results come back
 * in task order. On a cluster the plugins folder travels with the job (zipped: {@code addArchive}) and so do the
 * framework's jars ({@code spark.jars}); locally everything is already in this JVM.
 */
public final class SparkSweepRunner implements SweepRunner {
    /** Opens the runner for the framework ({@code META-INF/services}). */
    public static final class Provider implements SweepRunner.Provider {
        @Override
        public SweepRunner open(String master) {
            return new SparkSweepRunner(master);
        }
    }

    private final String master;
    private final boolean local;
    private final SparkSession spark;
    private final JavaSparkContext context;
    private String shippedPlugins;
    private final ch.qos.logback.classic.Logger engineLog =
            (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(BacktestEngine.class);
    private final ch.qos.logback.classic.Level engineLevel = engineLog.getLevel();

    public SparkSweepRunner(String master) {
        if (master == null || master.isBlank()) {
            throw new IllegalArgumentException("--spark-master needs a value: local[*], local[N] or a cluster URL such as spark://host:7077");
        }
        this.master = master;
        this.local = master.equals("local") || master.startsWith("local[");
        SparkSession.Builder builder = SparkSession.builder().master(master).appName("trellis-sweep")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false");
        if (local) {
            // nothing leaves this machine: no host-name lookup, no listening on outside interfaces
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        } else {
            builder.config("spark.jars", String.join(",", frameworkJars()));
        }
        try {
            this.spark = builder.getOrCreate();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot start Spark with master " + master + ": " + e.getMessage(), e);
        }
        this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // one INFO line per backtest would bury the sweep's own output; warnings and errors still show
        if (!engineLog.isDebugEnabled()) {
            engineLog.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /**
     * The jars executors need besides their own Spark: this JVM's class path without Spark's and Scala's
     * jars (a cluster's workers have those, in the same versions).
     */
    private static List<String> frameworkJars() {
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar") && !name.startsWith("spark-") && !name.startsWith("scala-") && !name.startsWith("hadoop-client-")) {
                jars.add(Path.of(entry).toAbsolutePath().toUri().toString());
            }
        }
        return jars;
    }

    @Override
    public String describe() {
        return "Spark " + spark.version() + ", " + master + (local ? " (" + context.defaultParallelism() + " cores)" : "");
    }

    @Override
    public List<SweepRow> run(SweepJob job, SweepData data, List<SweepTask> tasks, ProgressListener progress) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        String plugins = pluginsFor(job.pluginsDir());
        boolean shipped = !local;
        Broadcast<SweepData> bars = context.broadcast(data);
        Broadcast<SweepJob> work = context.broadcast(job);
        try {
            return counted(tasks.size(), progress, () -> context.parallelize(tasks, tasks.size())
                    .map(t -> work.value().run(t, bars.value(), pluginsHere(plugins, shipped))).collect());
        } finally {
            bars.unpersist();
            work.unpersist();
        }
    }

    /**
     * One Spark task per trial; each task runs its trial in a JVM of its own on the executor's machine
     * ({@link TrialJob#fork}: PyTorch's random generator is one per process, so trials sharing a JVM would
     * not be reproducible). The job, with the search's bars, is broadcast.
     */
    @Override
    public List<TrialOutcome> runTrials(TrialJob job, List<TrialRequest> trials, ProgressListener progress) {
        if (trials.isEmpty()) {
            return List.of();
        }
        String plugins = pluginsFor(job.pluginsDir());
        boolean shipped = !local;
        Broadcast<TrialJob> work = context.broadcast(job);
        try {
            return counted(trials.size(), progress, () -> context.parallelize(trials, trials.size())
                    .map(t -> work.value().fork(t, pluginsHere(plugins, shipped))).collect());
        } finally {
            work.unpersist();
        }
    }

    /** Runs {@code job} (one partition per task: Spark balances them over the cores one by one) while counting finished tasks. */
    private <T> List<T> counted(int total, ProgressListener progress, java.util.function.Supplier<List<T>> job) {
        AtomicInteger done = new AtomicInteger();
        SparkListener counter = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().successful()) {
                    progress.progress(Math.min(total, done.incrementAndGet()), total);
                }
            }
        };
        spark.sparkContext().addSparkListener(counter);
        try {
            List<T> rows = job.get();
            progress.progress(total, total);
            return rows;
        } finally {
            spark.sparkContext().removeSparkListener(counter);
        }
    }

    /**
     * Locally the folder itself; on a cluster the name of the archive it was shipped as (Spark ships
     * files and archives, not folders; executors unpack the archive into a folder of that name).
     */
    private String pluginsFor(Path dir) {
        if (local) {
            return dir.toString();
        }
        if (shippedPlugins == null) {
            Path zip = zip(dir);
            context.sc().addArchive(zip.toString());
            shippedPlugins = zip.getFileName().toString();
        }
        return shippedPlugins;
    }

    /** The plugins folder (plugin JARs and plugin folders with their lib/) as a zip in a temporary folder. */
    private static Path zip(Path dir) {
        try {
            Path zip = Files.createTempDirectory("trellis-sweep").resolve("trellis-plugins.zip");
            // deleteOnExit runs in reverse order of registration: the folder first, so that its zip goes before it
            zip.getParent().toFile().deleteOnExit();
            zip.toFile().deleteOnExit();
            try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
                if (Files.isDirectory(dir)) {
                    List<Path> files;
                    try (var walk = Files.walk(dir)) {
                        files = walk.filter(Files::isRegularFile).sorted().toList();
                    }
                    for (Path f : files) {
                        out.putNextEntry(new java.util.zip.ZipEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                        Files.copy(f, out);
                        out.closeEntry();
                    }
                }
            }
            return zip;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot pack the plugins folder " + dir + " to ship it to the cluster: "
                    + e.getMessage(), e);
        }
    }

    /** The plugins folder as an executor sees it. */
    private static Path pluginsHere(String plugins, boolean shipped) {
        return shipped ? Path.of(SparkFiles.get(plugins)) : Path.of(plugins);
    }

    @Override
    public void writeParquet(SweepTable table, Path dir) {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            fields.add(DataTypes.createStructField(table.columns().get(i), type(table.types().get(i)), true));
        }
        List<Row> rows = new ArrayList<>();
        for (List<Object> r : table.rows()) {
            rows.add(RowFactory.create(r.toArray()));
        }
        spark.createDataFrame(rows, DataTypes.createStructType(fields)).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(dir.toAbsolutePath().toString());
    }

    private static DataType type(SweepTable.Type t) {
        return switch (t) {
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case STRING -> DataTypes.StringType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }

    /** The Spark session, for reading results back (tests). */
    public SparkSession session() {
        return spark;
    }

    @Override
    public void close() {
        engineLog.setLevel(engineLevel);
        spark.stop();
    }
}
