package org.trellis.runtime.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The deepest peak-to-trough fall of an equity curve.
 *
 * @param depth fall as a fraction of the peak (0.2 = -20%); 0 when equity never fell
 * @param peakTime epoch ms of the peak before the fall
 * @param troughTime epoch ms of the lowest point
 * @param recoveryTime epoch ms when equity first regained the peak, or {@code null} if it never did
 */
@JsonPropertyOrder({"depth", "peak", "trough", "recovery"})
public record Drawdown(double depth, @JsonIgnore long peakTime, @JsonIgnore long troughTime, @JsonIgnore Long recoveryTime) {

    @JsonProperty("peak")
    public String peak() {
        return Times.iso(peakTime);
    }

    @JsonProperty("trough")
    public String trough() {
        return Times.iso(troughTime);
    }

    /** ISO time of recovery, or {@code null} when equity never regained the peak. */
    @JsonProperty("recovery")
    public String recovery() {
        return recoveryTime == null ? null : Times.iso(recoveryTime);
    }
}
