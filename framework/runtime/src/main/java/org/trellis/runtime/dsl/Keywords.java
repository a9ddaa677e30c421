package org.trellis.runtime.dsl;

import java.lang.reflect.Method;
import java.util.List;
import java.util.TreeSet;

/** The keywords of a DSL class: its methods marked {@link Keyword}, by the names scripts use. */
final class Keywords {
    private Keywords() {
    }

    static List<String> of(Class<?> dsl) {
        TreeSet<String> names = new TreeSet<>();
        for (Method m : dsl.getMethods()) {
            if (m.isAnnotationPresent(Keyword.class)) {
                String n = m.getName();
                names.add(n.startsWith("get") && n.length() > 3 && Character.isUpperCase(n.charAt(3)) ? n.substring(3) : n);
            }
        }
        return List.copyOf(names);
    }

    static boolean isKeyword(Method m) {
        return m.isAnnotationPresent(Keyword.class);
    }
}
