package org.trellis.rl.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes float32 tensors as a safetensors image that {@link SafetensorsReader}, the Python
 * {@code safetensors} package and DJL read: tensors laid out in the order given, the header padded
 * with spaces to a multiple of 8 bytes (as the reference implementation does, so data stays aligned).
 */
public final class SafetensorsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsWriter() {
    }

    public static byte[] write(Collection<Tensor> tensors) {
        Map<String, Object> header = new LinkedHashMap<>();
        long offset = 0;
        for (Tensor t : tensors) {
            long bytes = (long) t.values().length * Float.BYTES;
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", "F32");
            entry.put("shape", t.shape());
            entry.put("data_offsets", List.of(offset, offset + bytes));
            if (header.put(t.name(), entry) != null) {
                throw new IllegalArgumentException("two tensors are named '" + t.name() + "'");
            }
            offset += bytes;
        }
        byte[] json = json(header);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (Tensor t : tensors) {
            out.asFloatBuffer().put(t.values());
            out.position(out.position() + t.values().length * Float.BYTES);
        }
        return out.array();
    }

    private static byte[] json(Map<String, Object> header) {
        try {
            return JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a safetensors header", e);
        }
    }
}
