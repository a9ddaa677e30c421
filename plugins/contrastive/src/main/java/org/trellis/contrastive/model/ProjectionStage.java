package org.trellis.contrastive.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The block trained in the contrastive stage: the agent's encoder and projection head, the forward
 * pass giving the unit projections {@code [batch, projectionDim]} that {@link SupConLoss} reads. The
 * agent's direction and confidence heads take no part.
 */
final class ProjectionStage extends AbstractBlock {
    private static final byte VERSION = 1;

    private final TransformerAgent agent;

    ProjectionStage(TransformerAgent agent) {
        super(VERSION);
        this.agent = addChildBlock("agent", agent);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(agent.project(parameterStore, inputs.singletonOrThrow(), training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        agent.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), agent.config().projectionDim())};
    }
}
