package org.trellis.rl.predict;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trellis.ml.model.ModelDirectory;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.spi.LoadedModel;
import org.trellis.ml.spi.ModelFormat;
import org.trellis.ml.spi.Sample;
import org.trellis.rl.infer.DecisionNetwork;
import org.trellis.rl.model.AgentModel;
import org.trellis.rl.model.AgentSizes;
import org.trellis.rl.nn.AgentNetworks;
import org.trellis.rl.nn.AgentOutputs;

/**
 * Saved rl-temporal agents for {@code trellis models predict}: each sample is a history [5][18]
 * (oldest first, the current state last; shorter ones are zero-padded at the front); the output is
 * [p_hold, p_buy, p_sell, value]. Without {@code --engine} the plain-Java decision path computes it;
 * with one, the DJL networks on that engine (the same weights run on PyTorch and MXNet).
 */
public final class AgentFormat implements ModelFormat {
    @Override
    public String name() {
        return AgentModel.FAMILY;
    }

    @Override
    public String description() {
        return "Trellis model folder of the rl-temporal plugin; input [5][18] state history (oldest first), output "
                + "[p_hold, p_buy, p_sell, value]";
    }

    @Override
    public boolean canOpen(Path path) {
        try {
            return Files.isDirectory(path) && ModelDirectory.isModel(path)
                    && AgentModel.FAMILY.equals(ModelDirectory.open(path, "").metadata().family());
        } catch (ModelException e) {
            return false; // unreadable model.json: the caller reports that no format opens it
        }
    }

    @Override
    public LoadedModel open(Path path, String engine) {
        AgentModel model = AgentModel.open(path);
        AgentSizes sizes = model.weights().sizes();
        return engine == null || engine.isBlank() ? plain(model, sizes, path) : onEngine(model, sizes, path, engine);
    }

    private static LoadedModel plain(AgentModel model, AgentSizes sizes, Path path) {
        DecisionNetwork network = new DecisionNetwork(model.weights());
        return new AgentPredictions(path + " (plain Java)") {
            @Override
            public List<float[]> predict(List<Sample> samples) {
                float[] histories = HistoryInputs.flatten(samples, sizes, path);
                List<float[]> out = new ArrayList<>(samples.size());
                for (int s = 0; s < samples.size(); s++) {
                    float[] row = new float[sizes.actions() + 1];
                    network.actionProbabilities(histories, s * sizes.historyValues(), row);
                    row[sizes.actions()] = network.value(histories, s * sizes.historyValues());
                    out.add(row);
                }
                return out;
            }
        };
    }

    private static LoadedModel onEngine(AgentModel model, AgentSizes sizes, Path path, String engine) {
        AgentNetworks networks = AgentNetworks.of(model.weights(), engine);
        return new AgentPredictions(path + " on " + networks.engine()) {
            @Override
            public List<float[]> predict(List<Sample> samples) {
                AgentOutputs outputs = networks.forward(HistoryInputs.flatten(samples, sizes, path), samples.size());
                List<float[]> out = new ArrayList<>(samples.size());
                for (int s = 0; s < samples.size(); s++) {
                    float[] row = new float[sizes.actions() + 1];
                    System.arraycopy(outputs.probabilities(), s * sizes.actions(), row, 0, sizes.actions());
                    row[sizes.actions()] = outputs.values()[s];
                    out.add(row);
                }
                return out;
            }

            @Override
            public void close() {
                networks.close();
            }
        };
    }

    /** What both paths share: the description and a four-number output. */
    private abstract static class AgentPredictions implements LoadedModel {
        private final String where;

        AgentPredictions(String where) {
            this.where = where;
        }

        @Override
        public String describe() {
            return AgentModel.FAMILY + " " + AgentModel.ARCHITECTURE + " " + where;
        }

        @Override
        public boolean scalarOutput() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
