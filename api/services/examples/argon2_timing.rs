//! Prints the time of one argon2id verification for several parameter sets:
//! `cargo run --release -p weiquan-services --example argon2_timing`. A measurement, not a
//! check. Rounds alternate between the parameter sets so that load from other processes hits
//! both alike; the minimum is the least disturbed run.

#![expect(clippy::unwrap_used, reason = "a measurement tool fails loudly")]

use weiquan_services::credentials::{HashParams, PasswordHasher};

fn main() {
    let sets = [
        HashParams::OWASP_MINIMUM,
        HashParams::PRODUCTION,
        HashParams {
            memory_kib: 46 * 1024,
            iterations: 1,
            parallelism: 1,
        },
    ];
    let hashers: Vec<_> = sets
        .iter()
        .map(|p| {
            let h = PasswordHasher::new(*p).unwrap();
            let phc = h.hash("lantern river 42").unwrap();
            (h, phc)
        })
        .collect();
    let mut times = vec![Vec::new(); sets.len()];
    for _ in 0..15 {
        for (i, (h, phc)) in hashers.iter().enumerate() {
            let start = std::time::Instant::now();
            assert!(h.verify("lantern river 42", phc).unwrap());
            times[i].push(start.elapsed());
        }
    }
    for (params, mut t) in sets.iter().zip(times) {
        t.sort();
        println!("{params:?}: min {:?}, median {:?}", t[0], t[t.len() / 2]);
    }
}
