package org.trellis.ml.predict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.spi.ModelFormat;

/** Picks the format that opens a path, or says which formats exist. */
public final class ModelFormats {
    private final List<ModelFormat> formats;

    public ModelFormats(List<ModelFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    public List<ModelFormat> all() {
        return formats;
    }

    public ModelFormat forPath(Path path) {
        if (!Files.exists(path)) {
            throw new ModelException("no model at " + path);
        }
        for (ModelFormat format : formats) {
            if (format.canOpen(path)) {
                return format;
            }
        }
        if (ModelDirectory.isModel(path)) {
            // say what is wrong with the folder (unreadable, tampered) or which plugin it needs
            String family = ModelDirectory.open(path, "trellis train").metadata().family();
            throw new ModelException(path + " holds a '" + family + "' model but no loaded plugin opens that family; "
                    + "is its plugin in the plugins folder? (./trellis plugins)");
        }
        throw new ModelException("no model format opens " + path + "; known formats: "
                + formats.stream().map(f -> f.name() + " (" + f.description() + ")").collect(Collectors.joining("; ")));
    }
}
