package org.trellis.runtime.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A script's {@code train 'family', out: 'models/x', ...}: the model a strategy needs, trained on
 * first use with {@code trellis train family --out models/x ...} and reused once it exists.
 *
 * @param options every option but {@code out}, as written (camelCase or kebab-case names)
 */
public record TrainUse(String family, String out, Map<String, Object> options, String where) {
    public TrainUse {
        options = new LinkedHashMap<>(options);
    }

    /**
     * The trainer's command line: {@code --out} then each option as {@code --kebab-name value};
     * {@code true} is a bare flag, {@code false} leaves it out.
     */
    public List<String> arguments(String resolvedOut) {
        List<String> args = new ArrayList<>(List.of("--out", resolvedOut));
        for (Map.Entry<String, Object> e : options.entrySet()) {
            String flag = "--" + kebab(e.getKey());
            Object v = e.getValue();
            if (Boolean.TRUE.equals(v)) {
                args.add(flag);
            } else if (!Boolean.FALSE.equals(v)) {
                args.add(flag);
                args.add(String.valueOf(v));
            }
        }
        return args;
    }

    static String kebab(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append('-').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
