package org.trellis.rl.train;

/**
 * PyTorch on one intra-op and one inter-op thread, unless the user chose otherwise. Online PPO runs
 * batch-1 forward passes and 64-row minibatches: on two shared cores PyTorch's default two threads made
 * them 50-200x slower at random (README, "PyTorch threads"). DJL reads these properties once, when the
 * PyTorch engine starts, so this must run before the first network is built; it is set by this command
 * only (not by the launcher), because other commands' large batches may gain from more threads.
 */
final class TorchThreads {
    static final String INTRA_OP = "ai.djl.pytorch.num_threads";
    static final String INTER_OP = "ai.djl.pytorch.num_interop_threads";

    private TorchThreads() {
    }

    /** Sets both properties to 1 where the user has not set them (e.g. -Dai.djl.pytorch.num_threads=2 in TRELLIS_JAVA_OPTS). */
    static void preferOne() {
        for (String property : new String[] {INTRA_OP, INTER_OP}) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, "1");
            }
        }
    }

    /** What PyTorch will be told, for the start line. */
    static String describe() {
        return "PyTorch threads " + System.getProperty(INTRA_OP, "default") + " intra-op / " + System.getProperty(INTER_OP, "default")
                + " inter-op";
    }
}
