package org.trellis.ml.engine;

import ai.djl.engine.Engine;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The deep-learning engines Trellis runs on, chosen by name. DJL silently picks MXNet as its default
 * when several engines are present, so nothing in Trellis ever asks for "the default engine": every
 * model names its engine, and every array is made by that model's own NDManager.
 *
 * <p>Natives come from Maven artifacts on the classpath; {@code ai.djl.offline} is set before the
 * first engine starts so that DJL never tries to download anything.
 */
public final class Engines {
    public static final String PYTORCH = "PyTorch";
    public static final String MXNET = "MXNet";
    public static final String ONNX_RUNTIME = "OnnxRuntime";

    /** Engines that can build and train models from code. */
    public static final List<String> TRAINABLE = List.of(PYTORCH, MXNET);

    private Engines() {
    }

    /**
     * The engine of this name (case-insensitive: {@code pytorch}, {@code mxnet}, {@code onnxruntime}).
     *
     * @throws IllegalArgumentException naming the engines that exist, or why the engine did not start
     */
    public static Engine get(String name) {
        String canonical = canonicalName(name);
        goOffline();
        try {
            return Engine.getEngine(canonical);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalArgumentException("the " + canonical + " engine did not start: " + e.getMessage(), e);
        }
    }

    /** The canonical spelling of an engine name. */
    public static String canonicalName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("no engine named; use one of " + known());
        }
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "pytorch", "pt", "torch":
                return PYTORCH;
            case "mxnet", "mx":
                return MXNET;
            case "onnxruntime", "onnx", "ort":
                return ONNX_RUNTIME;
            default:
                throw new IllegalArgumentException("unknown engine '" + name + "'; use one of " + known());
        }
    }

    /** Engines whose DJL engine provider is on the classpath. */
    public static Set<String> known() {
        return new TreeSet<>(List.of(PYTORCH, MXNET, ONNX_RUNTIME));
    }

    /** Trellis never downloads natives or models at run time; set before any engine starts. */
    public static void goOffline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
