package org.trellis.runtime.sweep;

import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.trellis.api.market.BarSeries;
import org.trellis.ml.spi.ModelTrainer;
import org.trellis.ml.spi.TrainingContext;
import org.trellis.ml.spi.TrialOutcome;
import org.trellis.ml.spi.TrialRequest;
import org.trellis.runtime.plugin.PartRegistry;
import org.trellis.runtime.plugin.PluginFolder;

/**
 * The trials of a hyperparameter search ({@code trellis tune FAMILY --spark-master URL}) in a form that
 * travels to executors: the family, the plugins folder, the host settings a trainer reads, and the bars
 * the search loaded on the driver (shipped with the job, so executors need not read the driver's files).
 *
 * <p>On an executor each trial runs in a JVM of its own ({@link #fork}): trainers seed the engine's
 * generator, and PyTorch has one generator per process, so two trials training on two threads of one
 * JVM would draw from each other's sequence and results would depend on timing. A trial's JVM runs
 * {@link #runHere}: the trainer re-created from the plugins folder, called with the trial's arguments.
 */
public final class TrialJob implements Serializable {
    /**
     * Trial JVMs running now: killed when this JVM exits (Ctrl-C of the driver, an executor stopped), so no
     * PyTorch process outlives the search that started it.
     */
    private static final Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "trellis-trial-cleanup"));
    }

    private static final long serialVersionUID = 1L;

    /** System properties a trial's JVM inherits from the executor's (engine, offline mode, config, home). */
    private static final List<String> INHERITED = List.of("ai.djl.", "config.", "trellis.", "logback.", "java.io.tmpdir");
    /** PyTorch threads per trial JVM unless set: one (trials run side by side; more threads also made seeded results differ). */
    static final List<String> TORCH_THREADS = List.of("ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads");

    /** Per JVM: plugin registries by plugins folder. */
    private static final Map<String, PartRegistry> REGISTRIES = new ConcurrentHashMap<>();

    private final String family;
    private final String pluginsDir;
    private final List<String> sharedPackages;
    private final String defaultData;
    private final String modelsDir;
    private final String engine;
    private final long seed;
    private final String version;
    private final Map<String, SweepData> data;

    /**
     * @param data the bars the search has loaded, by the name it loaded them with (a trial's
     *             {@link TrainingContext#data} finds them here)
     */
    public TrialJob(String family, PluginFolder plugins, String defaultData, Path modelsDir, String engine, long seed, String version,
                    Map<String, SweepData> data) {
        this.family = family;
        this.pluginsDir = plugins.dir().toAbsolutePath().normalize().toString();
        this.sharedPackages = List.copyOf(plugins.sharedPackages());
        this.defaultData = defaultData;
        this.modelsDir = modelsDir.toString();
        this.engine = engine;
        this.seed = seed;
        this.version = version;
        this.data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data)); // in the order loaded: messages list them so
    }

    /** The plugins folder on the machine that made the job. */
    public Path pluginsDir() {
        return Path.of(pluginsDir);
    }

    public String family() {
        return family;
    }

    /**
     * Runs one trial in this JVM: the family's trainer from {@code plugins} (loaded once per JVM) on a
     * context that serves the shipped bars. A failure becomes the outcome's error.
     */
    public TrialOutcome runHere(TrialRequest request, Path plugins) {
        return TrialOutcome.of(request, () -> trainer(plugins).trial(new Context(), request.args()));
    }

    private ModelTrainer trainer(Path plugins) {
        PartRegistry registry = REGISTRIES.computeIfAbsent(plugins.toAbsolutePath().normalize().toString(),
                k -> PartRegistry.discover(new PluginFolder(plugins, sharedPackages)));
        List<ModelTrainer> trainers = registry.extensions(ModelTrainer.class);
        return trainers.stream().filter(t -> t.name().equals(family)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no trainer for '" + family + "' in the plugins at " + plugins
                        + "; found: " + trainers.stream().map(ModelTrainer::name).toList()));
    }

    /**
     * Runs one trial in a new JVM on this machine (this JVM's java, class path and engine settings) and
     * waits for it. The trial's console goes to a log file; when the JVM fails its last lines are the error.
     */
    public TrialOutcome fork(TrialRequest request, Path plugins) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("trellis-trial-" + request.number() + "-");
            Path in = dir.resolve("trial.in");
            Path out = dir.resolve("trial.out");
            Path log = dir.resolve("trial.log");
            try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(in))) {
                o.writeObject(this);
                o.writeObject(request);
                o.writeObject(plugins.toAbsolutePath().toString());
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String name : System.getProperties().stringPropertyNames().stream().sorted().toList()) {
                if (INHERITED.stream().anyMatch(name::startsWith)) {
                    command.add("-D" + name + "=" + System.getProperty(name));
                }
            }
            for (String name : TORCH_THREADS) {
                if (System.getProperty(name) == null) {
                    command.add("-D" + name + "=1");
                }
            }
            command.add("-cp");
            command.add(String.join(File.pathSeparator, classPath()));
            command.add(TrialJob.class.getName());
            command.add(in.toString());
            command.add(out.toString());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            RUNNING.add(p);
            int code;
            try {
                code = p.waitFor();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                return new TrialOutcome(request.number(), null, "interrupted (the search was stopped)");
            } finally {
                RUNNING.remove(p);
            }
            if (code != 0 || !Files.exists(out)) {
                return new TrialOutcome(request.number(), null, "the trial's JVM exited with code " + code + ": " + tail(log));
            }
            try (ObjectInputStream i = new ObjectInputStream(Files.newInputStream(out))) {
                return (TrialOutcome) i.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            return new TrialOutcome(request.number(), null, "cannot run the trial in its own JVM: " + e);
        } finally {
            delete(dir);
        }
    }

    /**
     * This JVM's class path: {@code java.class.path}, then the jars its context class loaders add (on a
     * Spark executor, the jars shipped with the job).
     */
    static List<String> classPath() {
        Set<String> entries = new LinkedHashSet<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        try {
                            entries.add(Path.of(url.toURI()).toString());
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            // not a local file: nothing a child JVM could load
                        }
                    }
                }
            }
        }
        entries.removeIf(String::isBlank);
        return List.copyOf(entries);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size())).strip();
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /** A trial's JVM: reads the job, the request and the plugins folder from {@code args[0]}, writes the outcome to {@code args[1]}. */
    public static void main(String[] args) throws Exception {
        TrialJob job;
        TrialRequest request;
        String plugins;
        try (ObjectInputStream i = new ObjectInputStream(Files.newInputStream(Path.of(args[0])))) {
            job = (TrialJob) i.readObject();
            request = (TrialRequest) i.readObject();
            plugins = (String) i.readObject();
        }
        TrialOutcome outcome = job.runHere(request, Path.of(plugins));
        Path tmp = Path.of(args[1] + ".tmp");
        try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(tmp))) {
            o.writeObject(outcome);
        }
        Files.move(tmp, Path.of(args[1]));
        System.out.flush();
        // the engine's and the plugins' non-daemon threads must not keep the trial's JVM alive
        System.exit(0);
    }

    /** What a trial sees of the host: the shipped bars, the job's settings; its console is the trial's log. */
    private final class Context implements TrainingContext {
        private final PrintWriter out = new PrintWriter(System.out, true);
        private final PrintWriter err = new PrintWriter(System.err, true);

        @Override
        public BarSeries data(String spec) {
            SweepData d = data.get(spec);
            if (d == null) {
                throw new IllegalArgumentException("the data '" + spec + "' was not shipped with the trials (shipped: "
                        + String.join(", ", data.keySet()) + "); a trial may only read data its search loaded first");
            }
            return d.series().get(0);
        }

        @Override
        public String defaultData() {
            return defaultData;
        }

        @Override
        public Path modelsDir() {
            return Path.of(modelsDir);
        }

        @Override
        public String defaultEngine() {
            return engine;
        }

        @Override
        public long seed() {
            return seed;
        }

        @Override
        public String trellisVersion() {
            return version;
        }

        @Override
        public PrintWriter out() {
            return out;
        }

        @Override
        public PrintWriter err() {
            return err;
        }

        @Override
        public boolean interactive() {
            return false;
        }
    }

}
