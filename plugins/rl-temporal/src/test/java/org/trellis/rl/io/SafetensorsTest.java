package org.trellis.rl.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trellis.rl.Lacuna;

/** Reading the upstream file, writing it back, and refusing damaged or foreign files with the file and tensor named. */
class SafetensorsTest {
    @Test
    void readsTheUpstreamHeaderAndData() throws Exception {
        Map<String, Tensor> tensors = SafetensorsReader.read(Lacuna.WEIGHTS);
        assertEquals(36, tensors.size());
        assertArrayEquals(new int[] {64, 90}, tensors.get("actor.temporal_encoder.fc1.weight").shape());
        assertArrayEquals(new int[] {1, 96}, tensors.get("critic.fc3.weight").shape());
        // critic.fc3.bias is the 4 bytes at data offset 37760, read independently of the reader
        byte[] file = Files.readAllBytes(Lacuna.WEIGHTS);
        long headerLength = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        float bias = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getFloat((int) (8 + headerLength + 37760));
        assertEquals(bias, tensors.get("critic.fc3.bias").values()[0]);
    }

    @Test
    void writtenTensorsReadBackBitForBit() {
        List<Tensor> tensors = List.of(new Tensor("a", new int[] {2, 3}, new float[] {1, -0f, Float.MIN_VALUE, 4, 5, 6}),
                new Tensor("b", new int[] {}, new float[] {7}));
        byte[] image = SafetensorsWriter.write(tensors);
        assertEquals(0, (image.length - 6 * 4 - 4) % 8, "header padded to 8 bytes");
        Map<String, Tensor> back = SafetensorsReader.read(image, "mem");
        assertEquals(List.of("a", "b"), List.copyOf(back.keySet()));
        assertTrue(back.get("a").sameBits(tensors.get(0)) && back.get("b").sameBits(tensors.get(1)));
    }

    @Test
    void refusesAHeaderLengthBeyondTheFile() {
        byte[] image = SafetensorsWriter.write(List.of(new Tensor("w", new int[] {2}, new float[] {1, 2})));
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putLong(0, image.length);
        String message = refusal(image);
        assertTrue(message.contains("f.safetensors") && message.contains("header length"), message);
        assertTrue(refusal(new byte[5]).contains("shorter than the 8-byte header length"));
    }

    @Test
    void refusesOffsetsOutsideTheData() {
        String message = refusal(header("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 8));
        assertTrue(message.contains("tensor 'w'") && message.contains("outside the 8 bytes of data"), message);
    }

    @Test
    void refusesOffsetsThatDoNotSpanTheShape() {
        String message = refusal(header("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8));
        assertTrue(message.contains("tensor 'w'") && message.contains("needs 12"), message);
    }

    @Test
    void refusesOverlappingTensors() {
        String message = refusal(header("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12));
        assertTrue(message.contains("'a' and 'b' overlap"), message);
    }

    @Test
    void refusesOtherDtypes() {
        String message = refusal(header("{\"w\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4));
        assertTrue(message.contains("tensor 'w'") && message.contains("dtype F16"), message);
    }

    @Test
    void refusesAHeaderThatIsNotJson() {
        assertTrue(refusal(header("{\"w\": [", 0)).contains("not valid JSON"));
    }

    private static String refusal(byte[] image) {
        return assertThrows(IllegalArgumentException.class, () -> SafetensorsReader.read(image, "f.safetensors")).getMessage();
    }

    private static byte[] header(String json, int dataBytes) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h).array();
    }
}
