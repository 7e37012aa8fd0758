package org.pscfederator.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    private static LatencyRecorder millis(long... values) {
        LatencyRecorder recorder = new LatencyRecorder();
        for (long v : values) {
            recorder.record(v * 1_000_000L);
        }
        return recorder;
    }

    @Test
    void percentilesOfKnownSamples() {
        LatencyRecorder recorder = new LatencyRecorder();
        // 1..100 ms, recorded out of order.
        for (int i = 100; i >= 1; i--) {
            recorder.record(i * 1_000_000L);
        }
        assertThat(recorder.percentilesMillis(50, 95, 99)).containsExactly(50.0, 95.0, 99.0);
        assertThat(recorder.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void percentilesUseNearestRankOnFewSamples() {
        LatencyRecorder recorder = millis(10, 20, 30, 40);
        assertThat(recorder.percentilesMillis(50, 95, 99)).containsExactly(20.0, 40.0, 40.0);
    }

    @Test
    void oneSampleIsEveryPercentile() {
        assertThat(millis(7).percentilesMillis(50, 95, 99)).containsExactly(7.0, 7.0, 7.0);
    }

    @Test
    void subMillisecondLatenciesKeepTheirFraction() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(1_500_000L);
        assertThat(recorder.percentileMillis(50)).isEqualTo(1.5);
    }

    @Test
    void noSamplesGiveNoPercentile() {
        assertThat(new LatencyRecorder().percentileMillis(50)).isNaN();
    }

    @Test
    void mergedRecordersKeepEverySample() {
        LatencyRecorder all = millis(1, 2);
        LatencyRecorder more = new LatencyRecorder();
        for (int i = 0; i < 5000; i++) {
            more.record(3_000_000L);
        }
        all.addAll(more);
        assertThat(all.count()).isEqualTo(5002);
        assertThat(all.percentileMillis(50)).isEqualTo(3.0);
    }

    @Test
    void percentileOutsideRangeIsRefused() {
        assertThatThrownBy(() -> millis(1).percentileMillis(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> millis(1).percentileMillis(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
