package org.trellis.safety;

import java.util.List;
import java.util.function.Function;
import org.trellis.api.plugin.ApiVersion;
import org.trellis.api.plugin.ParamSpec;
import org.trellis.api.plugin.Params;
import org.trellis.api.plugin.RiskGuardFactory;
import org.trellis.api.risk.RiskGuard;

/** The factory every guard of this plugin shares: a name, a line of description, parameters, a constructor. */
abstract class GuardFactory implements RiskGuardFactory {
    private final String name;
    private final String description;
    private final List<ParamSpec> params;
    private final Function<Params, RiskGuard> make;

    GuardFactory(String name, String description, List<ParamSpec> params, Function<Params, RiskGuard> make) {
        this.name = name;
        this.description = description;
        this.params = params;
        this.make = make;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public List<ParamSpec> params() {
        return params;
    }

    @Override
    public RiskGuard create(Params p) {
        return make.apply(p);
    }
}
