package org.trellis.runtime.cli;

import java.util.Arrays;
import org.trellis.api.plugin.Params;

/** A part named on the command line with its parameters: {@code cooldown} or {@code cooldown:bars=5,after=loss}. */
record PartSpec(String name, Params params) {

    static PartSpec parse(String text, String option) {
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException(option + " expects NAME or NAME:key=value,key=value; got '" + text + "'");
        }
        if (colon < 0) {
            return new PartSpec(name, Params.of(java.util.Map.of()));
        }
        return new PartSpec(name, Params.of(KeyValues.parse(Arrays.asList(text.substring(colon + 1).split(",")), option + " " + name)));
    }
}
