package org.trellis.contrastive.model;

import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.trellis.ml.nn.BlockWeights;
import org.trellis.ml.nn.IncompatibleWeightsException;

/**
 * The weights file of a saved contrastive model: the agent's parameters and the linear probe in
 * one file, so that the model folder's single checksum covers both. Numbers only, nothing that
 * turns into code:
 *
 * <pre>
 * "trellis-contrastive-weights" (UTF), version (int)
 * agent: length (int), then the agent's parameters as {@link BlockWeights#save} writes them
 * probe: dimension d (int), weights (d floats), bias (float), mean (d floats), std (d floats)
 * </pre>
 */
public final class ContrastiveWeights {
    private static final String MAGIC = "trellis-contrastive-weights";
    private static final int VERSION = 1;

    private ContrastiveWeights() {
    }

    public static byte[] encode(TransformerAgent agent, LinearProbe probe) {
        try {
            ByteArrayOutputStream agentBytes = new ByteArrayOutputStream();
            BlockWeights.save(agent, agentBytes);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(agentBytes.size());
            agentBytes.writeTo(out);
            int d = probe.weights().length;
            out.writeInt(d);
            writeFloats(out, probe.weights());
            out.writeFloat(probe.bias());
            writeFloats(out, probe.mean());
            writeFloats(out, probe.std());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the contrastive model's weights: " + e.getMessage(), e);
        }
    }

    /**
     * Loads the agent's parameters into {@code agent} (initialised with its input shape, arrays made by
     * {@code manager}) and returns the probe.
     *
     * @throws IncompatibleWeightsException when the bytes are not this layout or do not fit the agent
     */
    public static LinearProbe decode(byte[] weights, TransformerAgent agent, NDManager manager) throws IncompatibleWeightsException {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights));
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IncompatibleWeightsException("not a contrastive model's weights file (it starts with '" + magic + "')");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IncompatibleWeightsException("weights layout version " + version + "; this Trellis reads " + VERSION);
            }
            int agentLength = in.readInt();
            if (agentLength < 0 || agentLength > in.available()) {
                throw new IncompatibleWeightsException("the agent's part claims " + agentLength + " bytes, more than the file holds");
            }
            byte[] agentBytes = in.readNBytes(agentLength);
            BlockWeights.load(agent, manager, new ByteArrayInputStream(agentBytes));
            int d = in.readInt();
            if (d != agent.config().dModel()) {
                throw new IncompatibleWeightsException("the probe reads " + d + "-d embeddings but the agent's d_model is "
                        + agent.config().dModel());
            }
            float[] w = readFloats(in, d);
            float bias = in.readFloat();
            float[] mean = readFloats(in, d);
            float[] std = readFloats(in, d);
            if (in.read() != -1) {
                throw new IncompatibleWeightsException("the weights file holds more than the agent and its probe");
            }
            return new LinearProbe(w, bias, mean, std);
        } catch (EOFException e) {
            throw new IncompatibleWeightsException("the weights file ends early: truncated", e);
        } catch (IOException e) {
            throw new IncompatibleWeightsException("the weights cannot be read: " + e.getMessage(), e);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = in.readFloat();
        }
        return out;
    }
}
