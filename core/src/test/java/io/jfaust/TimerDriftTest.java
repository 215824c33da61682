package io.jfaust;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Faust's timer drift correction (mode's {@code Timer}), the engine behind {@code app.timer}. */
class TimerDriftTest {
    @Test
    void driftCorrectionShortensTheNextSleepByTheLatenessUpToItsMaximum() {
        TimerDrift t = new TimerDrift("t", 10.0, 0.1, 0.0);
        assertThat(t.tick(0.0)).isEqualTo(10.0);
        t.wokeUp(10.05);                                   // woke 50 ms late
        assertThat(t.tick(10.5)).isEqualTo(9.95, org.assertj.core.data.Offset.offset(1e-9));
        t.wokeUp(20.9);                                    // slept 10.4 s: corrected by at most 0.1 s
        assertThat(t.tick(21.0)).isEqualTo(9.9, org.assertj.core.data.Offset.offset(1e-9));
        t.wokeUp(30.0);                                    // slept 9.0 s: woke early, next sleep longer
        assertThat(t.tick(30.0)).isEqualTo(10.1, org.assertj.core.data.Offset.offset(1e-9));
    }
}
