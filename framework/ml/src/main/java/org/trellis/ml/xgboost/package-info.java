/**
 * XGBoost models through XGBoost4J's Java API: {@link org.trellis.ml.xgboost.XgboostModel} loads,
 * checks, runs and saves a booster in XGBoost's JSON format (the one Python's
 * {@code Booster.save_model("x.json")} writes), {@link org.trellis.ml.xgboost.XgboostFormat} lets
 * {@code trellis models predict} open such files. XGBoost4J lives on the framework class path so
 * that plugins (the auditor) share one copy of its native library.
 */
package org.trellis.ml.xgboost;
