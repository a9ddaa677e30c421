package org.trellis.runtime.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Rows dropped under {@code --skip-bad-rows}: how many, and the first few reasons. */
public final class SkippedRows {
    private static final int KEEP = 5;
    private final List<String> examples = new ArrayList<>();
    private long count;

    void add(DataException problem) {
        count++;
        if (examples.size() < KEEP) {
            examples.add(problem.getMessage());
        }
    }

    public long count() {
        return count;
    }

    public List<String> examples() {
        return Collections.unmodifiableList(examples);
    }

    /** Either rethrows (strict mode) or records the problem (lenient mode). */
    void handle(DataException problem, LoadOptions options) {
        if (!options.skipBadRows()) {
            throw problem;
        }
        add(problem);
    }
}
