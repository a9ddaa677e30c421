package org.trellis.ml.data;

/**
 * Train / validation / test split in time order, with no shuffling across the boundaries. The last
 * windows before each boundary whose labels read bars of the next part are dropped (an embargo of
 * {@link HorizonLabels#reach} windows).
 */
public record ChronologicalSplit(SequenceWindows train, SequenceWindows validation, SequenceWindows test) {

    /** Default 70 / 15 / 15 as in the source. */
    public static ChronologicalSplit of(SequenceWindows windows, int horizon) {
        return of(windows, 0.70, 0.15, horizon);
    }

    public static ChronologicalSplit of(SequenceWindows windows, double trainShare, double validationShare, int horizon) {
        if (!(trainShare > 0) || !(validationShare > 0) || trainShare + validationShare >= 1) {
            throw new IllegalArgumentException("split shares must be > 0 and leave room for a test split: train "
                    + trainShare + ", validation " + validationShare);
        }
        int n = windows.size();
        int trainEnd = (int) Math.floor(n * trainShare);
        int validationEnd = (int) Math.floor(n * (trainShare + validationShare));
        int embargo = HorizonLabels.reach(horizon);
        SequenceWindows train = windows.slice(0, Math.max(0, trainEnd - embargo));
        SequenceWindows validation = windows.slice(trainEnd, Math.max(trainEnd, validationEnd - embargo));
        SequenceWindows test = windows.slice(validationEnd, n);
        if (train.size() < 1 || validation.size() < 1 || test.size() < 1) {
            throw new IllegalArgumentException("too little data to split: " + n + " windows give " + train.size()
                    + " training, " + validation.size() + " validation and " + test.size()
                    + " test windows; use more bars or a shorter window");
        }
        return new ChronologicalSplit(train, validation, test);
    }

    /** Rows the scaler may be fitted on: from the first training window's first row to its last end. */
    public int trainRowsFrom() {
        return train.end(0) - train.length() + 1;
    }

    public int trainRowsTo() {
        return train.end(train.size() - 1) + 1;
    }
}
