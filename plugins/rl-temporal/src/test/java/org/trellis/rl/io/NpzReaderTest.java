package org.trellis.rl.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trellis.rl.Lacuna;

/** The upstream statistics as numpy wrote them, and the arrays the reader must refuse. */
class NpzReaderTest {
    @Test
    void readsTheUpstreamStatistics() {
        Map<String, NpyArray> arrays = NpzReader.read(Lacuna.STATS);
        // values printed by numpy 2.4 from the same file
        assertEquals(-0.023961608498789515, arrays.get("reward_mean").scalar());
        assertEquals(31.597165124685738, arrays.get("reward_std").scalar());
        assertEquals(24325, arrays.get("reward_count").scalar());
        assertEquals("<i8", arrays.get("reward_count").dtype());
        assertEquals(0, arrays.get("gamma").shape().length);
    }

    @Test
    void readsShapedFloat32Arrays(@TempDir Path dir) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 6; i++) {
            data.putFloat(i * 0.5f);
        }
        Path npz = zip(dir, "x", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", data.array()));
        NpyArray x = NpzReader.read(npz).get("x");
        assertArrayEquals(new int[] {2, 3}, x.shape());
        assertArrayEquals(new double[] {0, 0.5, 1, 1.5, 2, 2.5}, x.values());
    }

    @Test
    void refusesObjectArraysWhichArePickles(@TempDir Path dir) throws IOException {
        // what np.save writes for np.array([print], dtype=object): a pickle after the header
        byte[] pickle = {(byte) 0x80, 0x04, (byte) 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, (byte) 0x8c, 0x08, 'b', 'u', 'i', 'l', 't', 'i', 'n', 's', '.'};
        Path npz = zip(dir, "evil", npy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", pickle));
        String message = assertThrows(IllegalArgumentException.class, () -> NpzReader.read(npz)).getMessage();
        assertTrue(message.contains("array 'evil'") && message.contains("'|O' refused") && message.contains(npz.toString()), message);
    }

    @Test
    void refusesUnsupportedDtypesAndShortData(@TempDir Path dir) throws IOException {
        Path text = zip(dir, "s", npy("{'descr': '<U3', 'fortran_order': False, 'shape': (1,), }", new byte[12]));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NpzReader.read(text)).getMessage().contains("'<U3' refused"));
        Path shortData = zip(dir, "t", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", new byte[16]));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NpzReader.read(shortData)).getMessage()
                .contains("16 bytes of data do not hold shape [3]"));
    }

    @Test
    void refusesAFileThatIsNotAZip(@TempDir Path dir) throws IOException {
        Path notZip = Files.writeString(dir.resolve("x.npz"), "not a zip");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NpzReader.read(notZip)).getMessage().contains("not an .npz"));
    }

    static byte[] npy(String header, byte[] data) {
        String padded = header + " ".repeat((64 - (10 + header.length() + 1) % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + padded.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) padded.length());
        b.put(padded.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return b.array();
    }

    static Path zip(Path dir, String name, byte[] npy) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name + ".npy"));
            zip.write(npy);
            zip.closeEntry();
        }
        Path file = dir.resolve(name + ".npz");
        try (OutputStream out = Files.newOutputStream(file)) {
            bytes.writeTo(out);
        }
        return file;
    }
}
