package org.trellis.ml.interop;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trellis.ml.engine.Engines;
import org.trellis.ml.model.ModelException;
import org.trellis.ml.spi.LoadedModel;
import org.trellis.ml.spi.Sample;

/**
 * A model trained outside Trellis (TorchScript, ONNX) run through DJL. Samples of one shape are
 * stacked into one batch; a rank-1 output ([batch]) is one number per sample.
 */
final class DjlFileModel implements LoadedModel {
    private final Path file;
    private final String engine;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private boolean scalar = true;

    DjlFileModel(Path file, String engine) {
        this.file = file;
        this.engine = engine;
        if (!Files.isRegularFile(file)) {
            throw new ModelException("no model file " + file);
        }
        Engines.get(engine);
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(file.toAbsolutePath())
                .optEngine(engine)
                .optTranslator(new NoopTranslator())
                .build();
        try {
            this.model = criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw new ModelException("cannot load " + file + " on " + engine + ": " + rootMessage(e), e);
        }
        this.predictor = model.newPredictor();
    }

    @Override
    public String describe() {
        return file.getFileName() + " on " + engine;
    }

    @Override
    public List<float[]> predict(List<Sample> samples) {
        List<float[]> outputs = new ArrayList<>(samples.size());
        int from = 0;
        while (from < samples.size()) {
            int to = from + 1;
            while (to < samples.size() && samples.get(to).sameShape(samples.get(from))) {
                to++;
            }
            outputs.addAll(batch(samples.subList(from, to), from));
            from = to;
        }
        return outputs;
    }

    private List<float[]> batch(List<Sample> samples, int first) {
        int[] shape = samples.get(0).shape();
        int size = samples.get(0).values().length;
        float[] stacked = new float[samples.size() * size];
        for (int i = 0; i < samples.size(); i++) {
            System.arraycopy(samples.get(i).values(), 0, stacked, i * size, size);
        }
        long[] dims = new long[shape.length + 1];
        dims[0] = samples.size();
        for (int d = 0; d < shape.length; d++) {
            dims[d + 1] = shape[d];
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray input = manager.create(stacked, new Shape(dims));
            NDArray output;
            try {
                output = predictor.predict(new NDList(input)).get(0);
            } catch (TranslateException | RuntimeException e) {
                throw new IllegalArgumentException("inputs " + first + ".." + (first + samples.size() - 1) + " of shape "
                        + Arrays.toString(shape) + " do not fit " + file.getFileName() + ": " + rootMessage(e), e);
            }
            if (output.getShape().dimension() > 1) {
                scalar = false;
            }
            float[] values = output.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
            int per = values.length / samples.size();
            List<float[]> result = new ArrayList<>(samples.size());
            for (int i = 0; i < samples.size(); i++) {
                result.add(Arrays.copyOfRange(values, i * per, (i + 1) * per));
            }
            return result;
        }
    }

    @Override
    public boolean scalarOutput() {
        return scalar;
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }
}
