package org.trellis.auditor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trellis.api.market.BarSeries;
import org.trellis.ml.spi.BarClassifier;
import org.trellis.ml.spi.LoadedModel;
import org.trellis.ml.spi.ModelFormat;

/**
 * A test primary: a {@code *.primary} file naming a strategy part and its parameters
 * ({@code sma-cross fast=10 slow=30}), so the auditor's {@code --primary} path can be tested on a
 * known rule without training a network.
 */
public final class RulePrimaryFormat implements ModelFormat {
    @Override
    public String name() {
        return "rule-primary";
    }

    @Override
    public String description() {
        return "test: a strategy part named in a .primary file";
    }

    @Override
    public boolean canOpen(Path path) {
        return path.getFileName().toString().endsWith(".primary");
    }

    @Override
    public LoadedModel open(Path path, String engine) {
        throw new IllegalArgumentException("not a predicting model");
    }

    @Override
    public BarClassifier openClassifier(Path path, String engine) {
        String[] words;
        try {
            words = Files.readString(path).trim().split("\\s+");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (String w : List.of(words).subList(1, words.length)) {
            String[] kv = w.split("=", 2);
            params.put(kv[0], Integer.parseInt(kv[1]));
        }
        return new BarClassifier() {
            @Override
            public String describe() {
                return words[0];
            }

            @Override
            public int horizon() {
                return 1;
            }

            @Override
            public String trainedOn() {
                return null;
            }

            @Override
            public long lastSeenMillis() {
                return Long.MIN_VALUE;
            }

            @Override
            public int warmUpBars() {
                return 0;
            }

            @Override
            public double[] probabilities(BarSeries series) {
                throw new UnsupportedOperationException("a rule has no probabilities");
            }

            @Override
            public String strategy() {
                return words[0];
            }

            @Override
            public Map<String, Object> strategyParams() {
                return params;
            }

            @Override
            public void close() {
            }
        };
    }
}
