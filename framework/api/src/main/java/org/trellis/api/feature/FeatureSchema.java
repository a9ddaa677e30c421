package org.trellis.api.feature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The column layout of a run's feature vector: names in order, looked up by name once. */
public final class FeatureSchema {
    private final List<String> names;
    private final Map<String, Integer> index;

    public FeatureSchema(List<String> names) {
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
        this.index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (index.put(names.get(i), i) != null) {
                throw new IllegalArgumentException("feature name '" + names.get(i) + "' appears twice");
            }
        }
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    public boolean contains(String name) {
        return index.containsKey(name);
    }

    /**
     * The column of a feature.
     *
     * @throws IllegalArgumentException naming the features that do exist
     */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no feature named '" + name + "'; the run has " + names);
        }
        return i;
    }
}
