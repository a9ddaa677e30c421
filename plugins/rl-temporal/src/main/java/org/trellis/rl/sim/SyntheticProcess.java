package org.trellis.rl.sim;

/**
 * The parameters of a synthetic underlying (see {@link SyntheticTrades}): trades arrive as a Poisson
 * process, sizes are log-normal, and the log price follows a Brownian motion with drift, momentum and
 * Poisson jumps.
 *
 * @param startPrice      price of the first trade, > 0
 * @param tradesPerSecond Poisson arrival rate of trades, > 0
 * @param medianAmount    median trade size (log-normal), > 0
 * @param amountSigma     standard deviation of the log trade size, >= 0
 * @param drift           drift of the log price per second
 * @param volatility      diffusion of the log price per sqrt(second), >= 0
 * @param momentum        kappa in [0, 1): the drift gains kappa * (log price - its moving average) / momentumSeconds,
 *                        so a recent rise keeps rising (kappa < 1 keeps the process stable)
 * @param momentumSeconds time scale of that exponential moving average, > 0
 * @param jumpsPerHour    Poisson rate of jumps, >= 0
 * @param jumpSigma       standard deviation of a jump in log price, >= 0
 */
public record SyntheticProcess(double startPrice, double tradesPerSecond, double medianAmount, double amountSigma, double drift,
                               double volatility, double momentum, double momentumSeconds, double jumpsPerHour, double jumpSigma) {
    public SyntheticProcess {
        require(startPrice > 0, "startPrice must be > 0", startPrice);
        require(tradesPerSecond > 0, "tradesPerSecond must be > 0", tradesPerSecond);
        require(medianAmount > 0, "medianAmount must be > 0", medianAmount);
        require(amountSigma >= 0, "amountSigma must be >= 0", amountSigma);
        require(Double.isFinite(drift), "drift must be finite", drift);
        require(volatility >= 0, "volatility must be >= 0", volatility);
        require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1)", momentum);
        require(momentumSeconds > 0, "momentumSeconds must be > 0", momentumSeconds);
        require(jumpsPerHour >= 0, "jumpsPerHour must be >= 0", jumpsPerHour);
        require(jumpSigma >= 0, "jumpSigma must be >= 0", jumpSigma);
    }

    private static void require(boolean ok, String message, double value) {
        if (!ok || Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("synthetic process: " + message + ", got " + value);
        }
    }

    /**
     * A BTC-like default: ~0.5 trades/s, ~60% annualised volatility (1.1e-4 per sqrt(s)), no drift or
     * momentum, one 0.3% jump every ~4 hours.
     */
    public static SyntheticProcess typical(double startPrice) {
        return new SyntheticProcess(startPrice, 0.5, 0.2, 1.0, 0, 1.1e-4, 0, 300, 0.25, 0.003);
    }

    /** This process with another momentum (kappa) and time scale: how a test plants a predictable trend. */
    public SyntheticProcess withMomentum(double kappa, double seconds) {
        return new SyntheticProcess(startPrice, tradesPerSecond, medianAmount, amountSigma, drift, volatility, kappa, seconds, jumpsPerHour,
                jumpSigma);
    }
}
