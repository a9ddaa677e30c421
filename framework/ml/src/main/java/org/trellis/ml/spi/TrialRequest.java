package org.trellis.ml.spi;

import java.io.Serializable;
import java.util.List;

/**
 * One trial of a hyperparameter search, described as plain data so that the host can run it anywhere
 * (in this process, or as a task on another core or machine): the trainer's own arguments for
 * {@link ModelTrainer#trial}. Everything a trial depends on, its seed included, must be in
 * {@code args}: never the order trials happen to run in.
 *
 * @param number the trial's number in its search (results come back in request order)
 * @param args   what the trainer's {@link ModelTrainer#trial} parses, e.g. {@code --d-model 128 --seed 4 ...}
 */
public record TrialRequest(int number, List<String> args) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TrialRequest {
        args = List.copyOf(args);
    }
}
