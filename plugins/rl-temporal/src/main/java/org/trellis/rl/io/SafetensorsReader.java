package org.trellis.rl.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads float32 tensors from a safetensors file: an 8-byte little-endian header length, a JSON header
 * mapping each tensor name to its dtype, shape and [begin, end) byte offsets in the data that follows,
 * then the raw little-endian data. Only weights are read, never code. Everything is checked before a
 * value is used: the header fits the file, every tensor is F32, its offsets lie inside the data, span
 * exactly its shape and overlap no other tensor's.
 */
public final class SafetensorsReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METADATA = "__metadata__";

    private SafetensorsReader() {
    }

    /** The tensors of a file, in header order. */
    public static Map<String, Tensor> read(Path file) {
        try {
            return read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The tensors of a safetensors image, in header order.
     *
     * @param source the file it came from, named in every error
     * @throws IllegalArgumentException naming the source and the tensor when anything is malformed
     */
    public static Map<String, Tensor> read(byte[] bytes, String source) {
        if (bytes.length < 8) {
            throw new IllegalArgumentException(source + " is not a safetensors file: " + bytes.length
                    + " bytes, shorter than the 8-byte header length");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buffer.getLong(0);
        if (headerLength < 2 || headerLength > bytes.length - 8L) {
            throw new IllegalArgumentException(source + ": header length " + headerLength + " does not fit in the file's "
                    + (bytes.length - 8) + " bytes after the length");
        }
        int dataStart = 8 + (int) headerLength;
        JsonNode header = header(bytes, (int) headerLength, source);
        int dataLength = bytes.length - dataStart;
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        List<long[]> spans = new ArrayList<>();
        List<String> spanNames = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equals(METADATA)) {
                continue; // free-form strings (or null): nothing a weights-only reader needs
            }
            String where = source + ": tensor '" + entry.getKey() + "'";
            TensorEntry t = TensorEntry.parse(entry.getValue(), where);
            if (t.end() > dataLength) {
                throw new IllegalArgumentException(where + ": offsets [" + t.begin() + ", " + t.end() + ") lie outside the "
                        + dataLength + " bytes of data");
            }
            float[] values = new float[(int) ((t.end() - t.begin()) / Float.BYTES)];
            ByteBuffer data = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            data.position(dataStart + (int) t.begin());
            data.asFloatBuffer().get(values);
            tensors.put(entry.getKey(), new Tensor(entry.getKey(), t.shape(), values));
            spans.add(new long[] {t.begin(), t.end(), spanNames.size()});
            spanNames.add(entry.getKey());
        }
        checkDisjoint(spans, spanNames, source);
        return tensors;
    }

    private static JsonNode header(byte[] bytes, int length, String source) {
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, length, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": the header is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (header == null || !header.isObject()) {
            throw new IllegalArgumentException(source + ": the header is not a JSON object of tensors");
        }
        return header;
    }

    private static void checkDisjoint(List<long[]> spans, List<String> names, String source) {
        spans.sort(Comparator.comparingLong(s -> s[0]));
        for (int i = 1; i < spans.size(); i++) {
            long[] previous = spans.get(i - 1);
            long[] current = spans.get(i);
            if (current[0] < previous[1]) {
                throw new IllegalArgumentException(source + ": tensors '" + names.get((int) previous[2]) + "' and '"
                        + names.get((int) current[2]) + "' overlap in the data");
            }
        }
    }

    /** One header entry, checked: F32, a valid shape, offsets that span exactly that shape. */
    private record TensorEntry(int[] shape, long begin, long end) {
        static TensorEntry parse(JsonNode node, String where) {
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(where + ": the header entry is not an object");
            }
            String dtype = node.path("dtype").asText(null);
            if (!"F32".equals(dtype)) {
                throw new IllegalArgumentException(where + ": dtype " + (dtype == null ? "missing" : dtype)
                        + "; only F32 weights are read");
            }
            JsonNode shapeNode = node.get("shape");
            if (shapeNode == null || !shapeNode.isArray()) {
                throw new IllegalArgumentException(where + ": no shape array");
            }
            int[] shape = new int[shapeNode.size()];
            for (int i = 0; i < shape.length; i++) {
                if (!shapeNode.get(i).canConvertToInt() || shapeNode.get(i).asInt() < 0) {
                    throw new IllegalArgumentException(where + ": invalid dimension " + shapeNode.get(i) + " in shape " + shapeNode);
                }
                shape[i] = shapeNode.get(i).asInt();
            }
            JsonNode offsets = node.get("data_offsets");
            if (offsets == null || !offsets.isArray() || offsets.size() != 2 || !offsets.get(0).canConvertToLong()
                    || !offsets.get(1).canConvertToLong()) {
                throw new IllegalArgumentException(where + ": data_offsets must be [begin, end], got " + offsets);
            }
            long begin = offsets.get(0).asLong();
            long end = offsets.get(1).asLong();
            long elements = Tensor.elements(shape);
            if (begin < 0 || end < begin) {
                throw new IllegalArgumentException(where + ": invalid data_offsets [" + begin + ", " + end + "]");
            }
            if (elements < 0 || end - begin != elements * Float.BYTES) {
                throw new IllegalArgumentException(where + ": data_offsets [" + begin + ", " + end + ") hold " + (end - begin)
                        + " bytes but shape " + shapeNode + " of F32 needs " + elements * Float.BYTES);
            }
            return new TensorEntry(shape, begin, end);
        }
    }
}
