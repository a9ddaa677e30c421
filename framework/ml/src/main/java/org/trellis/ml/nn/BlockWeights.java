package org.trellis.ml.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves and loads a block's weights (DJL's {@code saveParameters} format) and checks that loaded
 * weights fit the block.
 *
 * <p>The check is needed because DJL 0.35.1 does not make it: {@code Parameter.load} only compares
 * parameter names, and names do not depend on sizes. Weights of a BiLSTM with hidden 16 load into
 * one with hidden 8 without a word; PyTorch then runs the forward pass on the wrong arrays, MXNet
 * fails later with "Shape inconsistent".
 */
public final class BlockWeights {
    private BlockWeights() {
    }

    /** Writes the block's weights; the caller closes {@code out}. */
    public static void save(Block block, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
        block.saveParameters(data);
        data.flush();
    }

    /**
     * Loads weights saved by {@link #save} into {@code block}, which must already be initialised with
     * its input shape (so that the shapes its architecture expects are known). Arrays are made by
     * {@code manager}: pass the model's own manager.
     *
     * <p>After a failure the block holds a mix of old and loaded arrays: discard it.
     *
     * @throws IncompatibleWeightsException when the weights were saved by another architecture or
     *     with other sizes, or the stream is truncated or holds more than the block
     * @throws IOException when reading fails
     */
    public static void load(Block block, NDManager manager, InputStream in)
            throws IncompatibleWeightsException, IOException {
        if (!block.isInitialized()) {
            throw new IllegalStateException("initialise the block with its input shape before loading weights: "
                    + "the expected parameter shapes come from it");
        }
        Map<String, Shape> expected = shapes(block);
        DataInputStream data = new DataInputStream(new BufferedInputStream(in));
        try {
            block.loadParameters(manager, data);
        } catch (EOFException e) {
            throw new IncompatibleWeightsException(
                    "the weights end before the model's last parameter: truncated, or saved by a smaller model", e);
        } catch (MalformedModelException e) {
            throw new IncompatibleWeightsException(
                    "the weights were saved by another architecture: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a foreign stream can make DJL decode nonsense shapes or data types
            throw new IncompatibleWeightsException("the weights cannot be read as this model's: " + e, e);
        }
        if (data.read() != -1) {
            throw new IncompatibleWeightsException(
                    "the weights hold more than this model's parameters: saved by a larger model");
        }
        Map<String, Shape> loaded = shapes(block);
        for (Map.Entry<String, Shape> parameter : expected.entrySet()) {
            Shape got = loaded.get(parameter.getKey());
            if (!parameter.getValue().equals(got)) {
                throw new IncompatibleWeightsException("the weights do not fit this model: parameter '"
                        + parameter.getKey() + "' has shape " + got + " in the weights but " + parameter.getValue()
                        + " in the model; build the model with the configuration the weights were saved with");
            }
        }
    }

    private static Map<String, Shape> shapes(Block block) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            shapes.put(parameter.getKey(), parameter.getValue().getArray().getShape());
        }
        return shapes;
    }
}
