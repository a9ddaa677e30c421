package org.trellis.ml.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A saved model: a directory with {@code model.json} ({@link ModelMetadata}) and a weights file
 * whose SHA-256 the metadata records. Reading checks the checksum before any byte reaches an engine,
 * so a tampered or truncated file is refused with a message instead of loading garbage. Writing goes
 * through temporary files and atomic moves: a crash mid-save leaves the previous model intact.
 */
public final class ModelDirectory {
    public static final String METADATA_FILE = "model.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;
    private final ModelMetadata metadata;

    private ModelDirectory(Path dir, ModelMetadata metadata) {
        this.dir = dir;
        this.metadata = metadata;
    }

    public static boolean isModel(Path dir) {
        return Files.isRegularFile(dir.resolve(METADATA_FILE));
    }

    /**
     * Whether {@code path} is a model folder of {@code family}: the cheap check of a model format's
     * {@code canOpen} (model.json only, no weights). An unreadable model.json is no one's: the caller
     * reports that no format opens it.
     */
    public static boolean holdsFamily(Path path, String family) {
        if (!Files.isDirectory(path) || !isModel(path)) {
            return false;
        }
        try {
            return family.equals(open(path, "").metadata().family());
        } catch (ModelException e) {
            return false;
        }
    }

    /**
     * Save weights and metadata (the metadata's {@code weights} entry is filled in here).
     *
     * @return the metadata as written
     */
    public static ModelMetadata write(Path dir, ModelMetadata metadata, byte[] weights) {
        try {
            Files.createDirectories(dir);
            String sha = sha256(weights);
            // The weights file is named by its checksum: until model.json moves into place it still
            // names the previous weights, which stay untouched, so a crash mid-save loses nothing.
            String file = "weights-" + sha.substring(0, 16) + ".params";
            ModelMetadata complete = metadata.withWeights(new ModelMetadata.Weights(file, weights.length, sha));
            replace(dir.resolve(file), weights);
            replace(dir.resolve(METADATA_FILE), JSON.writeValueAsBytes(complete));
            try (var old = Files.newDirectoryStream(dir, "weights-*.params")) {
                for (Path stale : old) {
                    if (!stale.getFileName().toString().equals(file)) {
                        Files.deleteIfExists(stale);
                    }
                }
            }
            return complete;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Open a saved model.
     *
     * @param howToTrain the command that makes one, for the message when there is none
     * @throws ModelNotFoundException when the directory holds no model
     * @throws ModelException         when model.json is unreadable or the weights do not match it
     */
    public static ModelDirectory open(Path dir, String howToTrain) {
        Path json = dir.resolve(METADATA_FILE);
        if (!Files.isRegularFile(json)) {
            throw new ModelNotFoundException("no model at " + dir + (Files.isDirectory(dir) ? " (the folder has no " + METADATA_FILE + ")" : "")
                    + ": train it with " + howToTrain);
        }
        ModelMetadata metadata;
        try {
            metadata = JSON.readValue(json.toFile(), ModelMetadata.class);
        } catch (JsonProcessingException e) {
            throw new ModelException(json + " is not valid model metadata: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new ModelException("cannot read " + json + ": " + e.getMessage(), e);
        }
        if (!ModelMetadata.FORMAT.equals(metadata.format())) {
            throw new ModelException(json + " is not a Trellis model (format '" + metadata.format() + "', expected '"
                    + ModelMetadata.FORMAT + "')");
        }
        if (metadata.formatVersion() > ModelMetadata.FORMAT_VERSION) {
            throw new ModelException(json + " has format version " + metadata.formatVersion()
                    + "; this Trellis reads up to " + ModelMetadata.FORMAT_VERSION + ": upgrade Trellis");
        }
        if (metadata.weights() == null || metadata.weights().file() == null || metadata.weights().sha256() == null) {
            throw new ModelException(json + " names no weights file and checksum");
        }
        return new ModelDirectory(dir, metadata);
    }

    public Path dir() {
        return dir;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /**
     * The weights, verified against the size and SHA-256 in model.json.
     *
     * @throws ModelException when the file is missing or differs
     */
    public byte[] weights() {
        Path file = weightsFile();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelException("cannot read the weights " + file + ": " + e.getMessage(), e);
        }
        String actual = sha256(bytes);
        if (bytes.length != metadata.weights().bytes() || !actual.equals(metadata.weights().sha256())) {
            throw new ModelException("the weights " + file + " do not match " + dir.resolve(METADATA_FILE) + " ("
                    + bytes.length + " bytes, sha256 " + actual + "; expected " + metadata.weights().bytes() + " bytes, sha256 "
                    + metadata.weights().sha256() + "): the file was changed or damaged; restore it or train the model again");
        }
        return bytes;
    }

    public Path weightsFile() {
        Path file = dir.resolve(metadata.weights().file()).normalize();
        if (!file.startsWith(dir.normalize())) {
            throw new ModelException(dir.resolve(METADATA_FILE) + " points its weights outside the model folder: " + metadata.weights().file());
        }
        return file;
    }

    /** Rewrite only the metadata (e.g. metrics added by an evaluation), keeping the weights. */
    public ModelDirectory withMetadata(ModelMetadata updated) {
        try {
            replace(dir.resolve(METADATA_FILE), JSON.writeValueAsBytes(updated.withWeights(metadata.weights())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + dir.resolve(METADATA_FILE) + ": " + e.getMessage(), e);
        }
        return new ModelDirectory(dir, updated.withWeights(metadata.weights()));
    }

    public static ObjectMapper json() {
        return JSON;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void replace(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
