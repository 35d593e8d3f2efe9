//! The one source of randomness for secrets: the operating system's CSPRNG through `rand`'s
//! `SysRng` (getrandom), never a user-space generator. Failures are errors, not panics.

use rand::TryRng;
use rand::rngs::SysRng;

use super::CredentialError;

/// Fills `buf` from the OS RNG.
pub fn fill(buf: &mut [u8]) -> Result<(), CredentialError> {
    SysRng
        .try_fill_bytes(buf)
        .map_err(|e| CredentialError::Random(e.to_string()))
}

/// `N` random bytes.
pub fn bytes<const N: usize>() -> Result<[u8; N], CredentialError> {
    let mut out = [0u8; N];
    fill(&mut out)?;
    Ok(out)
}

/// A uniformly random number below `bound` (rejection sampling: no modulo bias).
pub fn below(bound: u32) -> Result<u32, CredentialError> {
    if bound == 0 {
        return Err(CredentialError::Invalid("random bound 0".into()));
    }
    // Largest multiple of `bound` that fits; values at or above it are redrawn. The chance of
    // a redraw is below 1/2 for any bound, so 64 draws all failing is a broken RNG.
    let zone = u32::MAX - (u32::MAX % bound);
    for _ in 0..64 {
        let v = u32::from_le_bytes(bytes::<4>()?);
        if v < zone {
            return Ok(v % bound);
        }
    }
    Err(CredentialError::Random(
        "rejection sampling did not converge".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_differ_between_calls() {
        let a = bytes::<32>().unwrap();
        let b = bytes::<32>().unwrap();
        assert_ne!(a, b);
        assert_ne!(a, [0u8; 32]);
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut seen = [false; 10];
        for _ in 0..1000 {
            let v = below(10).unwrap();
            assert!(v < 10);
            seen[v as usize] = true;
        }
        assert!(seen.iter().all(|s| *s), "{seen:?}");
        assert_eq!(below(1).unwrap(), 0);
        assert!(below(0).is_err());
    }
}
