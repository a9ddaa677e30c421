package org.trellis.contrastive.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trellis.contrastive.model.TransformerAgentConfig;

/**
 * The spec's hyperparameter space of the agent: d_model in {96, 128, 144, 192}, heads in {2, 4, 8}
 * dividing d_model, 2-4 layers, learning rate log-uniform in [1e-4, 6e-4], dropout uniform in
 * [0.05, 0.20]. The feed-forward width stays 4 x d_model and the projection 64-d, as in the default.
 */
public final class SearchSpace {
    static final int[] D_MODELS = {96, 128, 144, 192};
    static final int[] HEADS = {2, 4, 8};
    static final int MIN_LAYERS = 2;
    static final int MAX_LAYERS = 4;
    static final double MIN_LR = 1e-4;
    static final double MAX_LR = 6e-4;
    static final double MIN_DROPOUT = 0.05;
    static final double MAX_DROPOUT = 0.20;

    private SearchSpace() {
    }

    /** One random point of the space, for windows of {@code window} bars. */
    public static TransformerAgentConfig sample(SplittableRandom random, int window) {
        int dModel = D_MODELS[random.nextInt(D_MODELS.length)];
        List<Integer> heads = new ArrayList<>();
        for (int h : HEADS) {
            if (dModel % h == 0) {
                heads.add(h);
            }
        }
        int h = heads.get(random.nextInt(heads.size()));
        int layers = MIN_LAYERS + random.nextInt(MAX_LAYERS - MIN_LAYERS + 1);
        double lr = Math.exp(Math.log(MIN_LR) + random.nextDouble() * (Math.log(MAX_LR) - Math.log(MIN_LR)));
        float dropout = (float) (MIN_DROPOUT + random.nextDouble() * (MAX_DROPOUT - MIN_DROPOUT));
        return new TransformerAgentConfig(dModel, h, layers, 4 * dModel, dropout, window, lr,
                TransformerAgentConfig.DEFAULT.projectionDim());
    }
}
