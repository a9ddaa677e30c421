package org.trellis.ml.model;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where a model path given in a script or on the command line points. */
public final class ModelPaths {
    private ModelPaths() {
    }

    /**
     * Absolute paths as they are; a relative one from the working directory when it exists there,
     * else from the Trellis home ({@code trellis.home}, set by the launcher), like the models folder.
     */
    public static Path resolve(String path) {
        Path p = Path.of(path);
        String home = System.getProperty("trellis.home");
        if (p.isAbsolute() || Files.exists(p) || home == null) {
            return p;
        }
        return Path.of(home).resolve(p);
    }

    /**
     * A dataset name or CSV path as part of a default model folder name: the file name without its
     * extension, anything but letters, digits, '_' and '-' replaced by '-' (btc-usd-1m, data/x.csv -> x).
     */
    public static String stem(String data) {
        String name = Path.of(data).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_-]+", "-");
    }
}
