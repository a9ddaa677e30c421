package org.trellis.ml.xgboost;

import java.nio.file.Path;
import org.trellis.ml.spi.LoadedModel;
import org.trellis.ml.spi.ModelFormat;

/**
 * XGBoost models saved as JSON ({@code Booster.save_model("x.json")} in Python, or Trellis's
 * auditor), run by XGBoost4J. Claims a {@code .json} file only when its first bytes are an XGBoost
 * model's ({@link XgboostModel#isXgboostJson}): metadata files and model sidecars are left alone.
 */
public final class XgboostFormat implements ModelFormat {
    @Override
    public String name() {
        return "xgboost";
    }

    @Override
    public String description() {
        return "XGBoost model saved as JSON (.json, Booster.save_model), run by XGBoost4J; outputs what its objective "
                + "predicts (P(positive) for binary:logistic)";
    }

    @Override
    public boolean canOpen(Path path) {
        return path.getFileName() != null && path.getFileName().toString().endsWith(".json") && XgboostModel.isXgboostJson(path);
    }

    @Override
    public LoadedModel open(Path path, String engine) {
        if (engine != null && !engine.equalsIgnoreCase("xgboost")) {
            throw new IllegalArgumentException("an XGBoost model runs on XGBoost4J only, not " + engine);
        }
        return XgboostModel.load(path);
    }
}
