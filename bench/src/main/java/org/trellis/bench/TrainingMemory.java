package org.trellis.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.trellis.deeplearning.features.CandleFeatures;
import org.trellis.deeplearning.model.LstmConfig;
import org.trellis.deeplearning.train.DeepLearningTraining;
import org.trellis.ml.engine.Engines;
import org.trellis.ml.train.TrainingSettings;
import org.trellis.runtime.data.ColumnarBarSeries;
import org.trellis.runtime.data.SyntheticBars;

/**
 * Peak Java heap of one deep-learning training run over 1M synthetic 1-minute bars x all 75 candle
 * features x window 50: the whole pipeline of {@link DeepLearningTraining#run} (feature matrix, labels,
 * windows, split, scaler, batches, training, validation and test metrics, save). The model is tiny
 * (LSTM hidden 8, 1 layer) and each epoch capped at a few steps: the point is the data pipeline's memory,
 * which does not depend on the model's size (its weights and activations live in the engine's native
 * memory, not on the Java heap).
 *
 * <p>Prints, after a {@code System.gc()} baseline taken before the bars are made:
 * <ul>
 *   <li>peak heap used: the sum of every heap memory pool's peak usage (an upper bound: pools peak at
 *       different moments; it includes garbage not yet collected, so it grows with -Xmx);</li>
 *   <li>peak live heap: the largest heap occupancy right after a garbage collection (what the run
 *       actually holds);</li>
 *   <li>-Xmx: the limit it ran under. {@code bench/memory} runs it with {@code -Xmx2g}: finishing at
 *       all proves the run fits in 2 GB.</li>
 * </ul>
 *
 * <p>Usage: {@code TrainingMemory [bars] [engine]} (default 1000000 PyTorch).
 */
public final class TrainingMemory {
    private static final long MB = 1024 * 1024;

    private TrainingMemory() {
    }

    public static void main(String[] args) throws Exception {
        int bars = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String engine = Engines.canonicalName(args.length > 1 ? args[1] : Engines.PYTORCH);
        int window = 50;
        int horizon = 1;
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        AtomicLong peakLive = new AtomicLong();
        listenToCollections(peakLive);
        Engines.get(engine); // the engine's classes and natives load before the baseline

        System.gc();
        long baseline = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        peakLive.set(0);

        long t0 = System.nanoTime();
        ColumnarBarSeries series = new SyntheticBars(42, EngineBenchmark.BAR_MILLIS, EngineBenchmark.START_MILLIS,
                EngineBenchmark.START_PRICE).generate(bars);
        Path out = Files.createTempDirectory("trellis-training-memory");
        DeepLearningTraining.Outcome outcome;
        try {
            TrainingSettings settings = TrainingSettings.defaults().withEpochs(1).withMaxStepsPerEpoch(20);
            outcome = DeepLearningTraining.run(new DeepLearningTraining.Request("lstm", new LstmConfig(8, 1, 0f),
                    "synthetic-1m", series, engine, window, horizon, settings, Map.of(), out.resolve("model")),
                    org.trellis.ml.train.TrainingListener.NONE, "bench");
        } finally {
            deleteTree(out);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        long peakSum = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long max = Runtime.getRuntime().maxMemory();
        long matrix = (long) bars * CandleFeatures.COUNT * Float.BYTES;
        System.out.printf("training memory: %,d synthetic 1-minute bars x %d features x window %d, %s, LSTM hidden 8 x 1,"
                        + " 1 epoch of 20 steps; %,d / %,d / %,d train / validation / test windows; %.1f s%n",
                bars, CandleFeatures.COUNT, window, engine, outcome.trainWindows(), outcome.validationWindows(),
                outcome.testWindows(), seconds);
        System.out.printf("  feature matrix alone (float): %,d MB%n", matrix / MB);
        System.out.printf("  heap after System.gc() before the run (baseline): %,d MB%n", baseline / MB);
        System.out.printf("  peak live heap (largest occupancy after a GC): %,d MB%n", peakLive.get() / MB);
        System.out.printf("  peak heap used (sum of the heap pools' peaks, upper bound): %,d MB%n", peakSum / MB);
        System.out.printf("  max heap (-Xmx): %,d MB%n", max / MB);
        System.out.printf("TRAINING_MEMORY peak_used_mb=%d peak_live_mb=%d baseline_mb=%d xmx_mb=%d%n", peakSum / MB,
                peakLive.get() / MB, baseline / MB, max / MB);
        System.exit(0); // engine threads must not keep the JVM alive
    }

    private static void listenToCollections(AtomicLong peakLive) {
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        return;
                    }
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = 0;
                    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (isHeap(e.getKey())) {
                            used += e.getValue().getUsed();
                        }
                    }
                    peakLive.accumulateAndGet(used, Math::max);
                }, null, null);
            }
        }
    }

    private static boolean isHeap(String pool) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
