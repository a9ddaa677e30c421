package org.trellis.api.plugin;

import org.trellis.api.execution.Executor;

/** SPI: contributes an {@link Executor} under a name. */
public interface ExecutorFactory extends PartFactory<Executor> {
    @Override
    default PartKind kind() {
        return PartKind.EXECUTOR;
    }
}
