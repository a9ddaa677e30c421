package org.trellis.runtime.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import org.trellis.api.plugin.Params;

/**
 * A part a script names: which keyword ({@code model}, {@code features}, {@code guard},
 * {@code regime}, {@code auditor}), the part's name, its parameters, and where in the script.
 */
record PartUse(String keyword, String name, Map<String, Object> params, Object positional, String where) {
    PartUse {
        params = new LinkedHashMap<>(params);
    }

    Params asParams() {
        return Params.of(params);
    }
}
