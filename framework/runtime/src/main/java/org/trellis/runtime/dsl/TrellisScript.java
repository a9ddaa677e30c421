package org.trellis.runtime.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;
import java.util.ArrayList;
import java.util.List;

/**
 * The base class of every strategy script: its top level holds {@code strategy('name') { ... }}
 * blocks. Running the script once records them; nothing of it runs per bar.
 */
public abstract class TrellisScript extends Script {
    private final List<StrategySpec> strategies = new ArrayList<>();
    private String file = "script";

    void file(String file) {
        this.file = file;
    }

    /** Declares a strategy; several run side by side, each with its own portfolio and risk budget. */
    @Keyword
    public void strategy(String name,
                         @DelegatesTo(value = StrategySpec.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        String where = ScriptLines.caller(file);
        for (StrategySpec s : strategies) {
            if (s.name.equals(name)) {
                throw new ScriptException(where + ": a second strategy named '" + name + "' (the first is at " + s.where
                        + "); names must be unique within a script");
            }
        }
        StrategySpec spec = new StrategySpec(name, file, where);
        Closure<?> c = body.rehydrate(spec, body.getOwner(), body.getThisObject());
        c.setResolveStrategy(Closure.DELEGATE_ONLY);
        c.call();
        strategies.add(spec);
    }

    List<StrategySpec> strategies() {
        return strategies;
    }
}
