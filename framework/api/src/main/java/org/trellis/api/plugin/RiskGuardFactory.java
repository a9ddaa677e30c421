package org.trellis.api.plugin;

import org.trellis.api.risk.RiskGuard;

/** SPI: contributes a {@link RiskGuard} under a name. */
public interface RiskGuardFactory extends PartFactory<RiskGuard> {
    @Override
    default PartKind kind() {
        return PartKind.RISK_GUARD;
    }
}
