package org.trellis.runtime.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base class of every strategy script: its top level holds {@code strategy('name') { ... }}
 * blocks. Running the script once records them; nothing of it runs per bar.
 */
public abstract class TrellisScript extends Script {
    private final List<StrategySpec> strategies = new ArrayList<>();
    private final List<TrainUse> trainings = new ArrayList<>();
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

    /**
     * A model the strategies need, trained on first use: {@code train 'regime', out:
     * 'models/regime-btc-usd-1m', data: 'btc-usd-1m'} runs {@code trellis train regime --out ... --data
     * ...} when {@code out} holds nothing yet; later runs reuse what it saved. Trainings run in the order
     * written, before any strategy is set up (an auditor trained on a primary model comes after it).
     */
    @Keyword
    public void train(Map<String, ?> options, String family) {
        String where = ScriptLines.caller(file);
        Object out = options.get("out");
        if (!(out instanceof CharSequence) || out.toString().isBlank()) {
            throw new ScriptException(where + ": train '" + family + "' needs out: where the model is saved, e.g. train '"
                    + family + "', out: 'models/" + family + "-btc-usd-1m'");
        }
        Map<String, Object> rest = new LinkedHashMap<>(options);
        rest.remove("out");
        for (TrainUse t : trainings) {
            if (t.out().equals(out.toString())) {
                throw new ScriptException(where + ": a second train statement saves to '" + out + "' (the first is at "
                        + t.where() + ")");
            }
        }
        trainings.add(new TrainUse(family, out.toString(), rest, where));
    }

    List<TrainUse> trainings() {
        return trainings;
    }

    List<StrategySpec> strategies() {
        return strategies;
    }
}
