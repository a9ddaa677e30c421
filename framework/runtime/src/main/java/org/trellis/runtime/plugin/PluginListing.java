package org.trellis.runtime.plugin;

import java.util.ArrayList;
import java.util.List;

/** What {@code trellis plugins} shows: one row per part, loaded or not, and one per plugin that did not load at all. */
public final class PluginListing {

    /** One row; {@code status} is "loaded" or says why not. */
    public record Row(String kind, String name, String version, String plugin, String location, String apiVersion,
                      String status, String description) {
        public boolean loaded() {
            return status.equals(LOADED);
        }
    }

    public static final String LOADED = "loaded";

    private PluginListing() {
    }

    public static List<Row> of(PartRegistry registry) {
        List<Row> rows = new ArrayList<>();
        for (PartRegistry.Part part : registry.parts()) {
            var f = part.factory();
            String status = LOADED;
            if (registry.inConflict(part)) {
                String others = registry.parts().stream()
                        .filter(p -> p != part && p.factory().kind() == f.kind() && p.factory().name().equals(f.name()))
                        .map(p -> p.plugin().location()).reduce((a, b) -> a + ", " + b).orElse("?");
                status = "conflict: the name is also taken in " + others;
            }
            rows.add(new Row(f.kind().label(), f.name(), part.plugin().version(), part.plugin().name(), part.plugin().location(),
                    f.apiVersion(), status, f.description()));
        }
        for (PartRegistry.Refusal r : registry.refusals()) {
            rows.add(new Row(r.kind() == null ? "plugin" : r.kind().label(), r.name(), r.plugin().version(), r.plugin().name(),
                    r.plugin().location(), r.plugin().apiVersion(), "not loaded: " + r.reason(), ""));
        }
        return rows;
    }
}
