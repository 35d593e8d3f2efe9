//! The retry schedule of outgoing messages: exponential backoff, capped, with jitter so that
//! messages that failed together (a provider outage) do not all retry in the same instant.

use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The delay after the first failure.
    pub base: Duration,
    /// No delay exceeds this.
    pub cap: Duration,
}

impl Default for Backoff {
    /// 1 s, 2 s, 4 s … up to one hour.
    fn default() -> Self {
        Self {
            base: Duration::from_secs(1),
            cap: Duration::from_secs(3600),
        }
    }
}

impl Backoff {
    /// The ceiling of the delay after the `attempt`th failure (1-based): `base · 2^(attempt−1)`,
    /// capped.
    pub fn ceiling(&self, attempt: u32) -> Duration {
        let mut delay = self.base;
        for _ in 1..attempt {
            if delay >= self.cap || delay.is_zero() {
                break;
            }
            delay = delay.saturating_mul(2);
        }
        delay.min(self.cap)
    }

    /// The delay after the `attempt`th failure with "equal jitter": half the ceiling plus a
    /// random share of the other half, `jitter` in [0, 1). Retries still grow, but spread out.
    pub fn delay(&self, attempt: u32, jitter: f64) -> Duration {
        let ceiling = self.ceiling(attempt);
        let jitter = if jitter.is_finite() {
            jitter.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let half = ceiling / 2;
        half + (ceiling - half).mul_f64(jitter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ceiling_doubles_from_the_base_up_to_the_cap() {
        let b = Backoff::default();
        let secs: Vec<u64> = (1..=14).map(|a| b.ceiling(a).as_secs()).collect();
        assert_eq!(
            secs,
            [
                1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 3600, 3600
            ]
        );
        assert_eq!(b.ceiling(0), Duration::from_secs(1));
        assert_eq!(
            b.ceiling(u32::MAX),
            Duration::from_secs(3600),
            "no overflow"
        );
    }

    #[test]
    fn jitter_stays_between_half_and_the_whole_ceiling() {
        let b = Backoff::default();
        for attempt in 1..=20 {
            let ceiling = b.ceiling(attempt);
            assert_eq!(b.delay(attempt, 0.0), ceiling / 2);
            for j in [0.1, 0.5, 0.999] {
                let d = b.delay(attempt, j);
                assert!(d >= ceiling / 2 && d <= ceiling, "{attempt} {j} {d:?}");
            }
            assert!(
                b.delay(attempt, 7.0) <= ceiling,
                "out-of-range jitter is clamped"
            );
            assert_eq!(b.delay(attempt, f64::NAN), ceiling / 2);
        }
    }

    #[test]
    fn later_attempts_never_wait_less_at_the_same_jitter() {
        let b = Backoff {
            base: Duration::from_millis(10),
            cap: Duration::from_secs(60),
        };
        for j in [0.0, 0.3, 0.9] {
            for a in 1..30 {
                assert!(b.delay(a + 1, j) >= b.delay(a, j));
            }
        }
    }
}
