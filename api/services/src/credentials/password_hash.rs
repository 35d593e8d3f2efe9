//! Password hashing with argon2id (RFC 9106) into PHC strings
//! (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`), which carry their own parameters, so old
//! hashes keep verifying after the parameters are raised and [`PasswordHasher::needs_rehash`]
//! says when to re-hash at the next successful sign-in.
//!
//! Enumeration safety (ASVS 6.3.8): signing in as an account that does not exist, or that has
//! no password yet, runs [`PasswordHasher::verify_dummy`], a real argon2 verification against a
//! hash made at start-up with the current parameters, so it costs the same as a wrong password
//! for a real account. [`PasswordHasher::check_login`] does the right one of the two.
//!
//! Everything here is CPU-bound (one evaluation is ~20 ms in release on the project machine):
//! run it from `spawn_blocking`, or through [`PasswordHasher::run`] and the `*_async` wrappers,
//! which also bound how many evaluations run at once so that a burst of sign-ins queues instead
//! of allocating 19 MiB per request without limit.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _, phc::PasswordHash};
use argon2::{ARGON2ID_IDENT, Algorithm, Argon2, Params, Version};
use base64::Engine as _;
use tokio::sync::Semaphore;
use weiquan_domain::password::normalize;
use zeroize::Zeroizing;

use super::{CredentialError, rng};

/// Salt length: 128 bits, RFC 9106's recommendation (ASVS asks for at least 32).
const SALT_LEN: usize = 16;
/// Hash output length: 256 bits.
const OUTPUT_LEN: usize = 32;

/// argon2id cost parameters. Production uses [`HashParams::PRODUCTION`] (the default); tests
/// may use [`HashParams::TESTING`] to stay fast.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashParams {
    /// Memory in KiB (argon2 `m`).
    pub memory_kib: u32,
    /// Passes over the memory (argon2 `t`).
    pub iterations: u32,
    /// Lanes (argon2 `p`). The crate computes lanes one after another (no `parallel`
    /// feature), so more lanes only add time; 1 is OWASP's choice.
    pub parallelism: u32,
}

impl HashParams {
    /// OWASP Password Storage Cheat Sheet's argon2id baseline: 19 MiB, 2 passes, 1 lane.
    pub const OWASP_MINIMUM: Self = Self {
        memory_kib: 19 * 1024,
        iterations: 2,
        parallelism: 1,
    };

    /// What production hashes with: the OWASP baseline's 19 MiB with one more pass
    /// (see the `argon2_timing` test for measured times).
    pub const PRODUCTION: Self = Self {
        memory_kib: 19 * 1024,
        iterations: 3,
        parallelism: 1,
    };

    /// Cheap parameters for tests only (64 KiB, 1 pass): far below the baseline.
    pub const TESTING: Self = Self {
        memory_kib: 64,
        iterations: 1,
        parallelism: 1,
    };

    /// Whether these parameters are at or above [`HashParams::OWASP_MINIMUM`] in both memory
    /// and passes.
    pub fn meets_owasp_minimum(&self) -> bool {
        self.memory_kib >= Self::OWASP_MINIMUM.memory_kib
            && self.iterations >= Self::OWASP_MINIMUM.iterations
            && self.parallelism >= 1
    }

    fn argon2(&self) -> Result<Argon2<'static>, CredentialError> {
        let params = Params::new(
            self.memory_kib,
            self.iterations,
            self.parallelism,
            Some(OUTPUT_LEN),
        )
        .map_err(|e| CredentialError::Hash(e.to_string()))?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }
}

// Production can never be built below the OWASP baseline.
const _: () = assert!(
    HashParams::PRODUCTION.memory_kib >= HashParams::OWASP_MINIMUM.memory_kib
        && HashParams::PRODUCTION.iterations >= HashParams::OWASP_MINIMUM.iterations
);

impl Default for HashParams {
    fn default() -> Self {
        Self::PRODUCTION
    }
}

/// The result of a sign-in password check.
#[derive(Clone, PartialEq, Eq)]
pub enum LoginCheck {
    /// The password is right. When the stored hash used weaker parameters than the current
    /// ones, `upgraded_hash` is a fresh hash of the same password to store in its place.
    Valid { upgraded_hash: Option<String> },
    /// Wrong password, unknown account, or no password set: the caller cannot and must not
    /// tell these apart in its response.
    Invalid,
}

impl fmt::Debug for LoginCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Valid { upgraded_hash } => f
                .debug_struct("Valid")
                .field("upgraded", &upgraded_hash.is_some())
                .finish(),
            Self::Invalid => f.write_str("Invalid"),
        }
    }
}

/// Hashes and verifies passwords. Cheap to clone (shared state); build one at start-up and put
/// it in the application state.
#[derive(Clone)]
pub struct PasswordHasher {
    inner: Arc<Inner>,
}

struct Inner {
    params: HashParams,
    argon2: Argon2<'static>,
    /// A hash of a random, forgotten password with the current parameters.
    dummy_hash: String,
    /// Argon2 evaluations done (hash or verify): a metric, and how tests prove that the dummy
    /// path does the same work as a real verification.
    evaluations: AtomicU64,
    /// Bounds concurrent evaluations through [`PasswordHasher::run`].
    permits: Arc<Semaphore>,
}

impl fmt::Debug for PasswordHasher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PasswordHasher")
            .field("params", &self.inner.params)
            .finish_non_exhaustive()
    }
}

impl PasswordHasher {
    /// Validates `params` and makes the dummy hash (one evaluation, done now so that no sign-in
    /// pays for it). At most one evaluation per CPU core runs at once through [`Self::run`].
    pub fn new(params: HashParams) -> Result<Self, CredentialError> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Self::with_concurrency(params, cores)
    }

    /// As [`Self::new`], with an explicit bound on concurrent evaluations (at least 1).
    pub fn with_concurrency(
        params: HashParams,
        concurrency: usize,
    ) -> Result<Self, CredentialError> {
        let argon2 = params.argon2()?;
        let dummy_password = Zeroizing::new(
            base64::engine::general_purpose::STANDARD_NO_PAD.encode(rng::bytes::<32>()?),
        );
        let salt = rng::bytes::<SALT_LEN>()?;
        let dummy_hash = argon2
            .hash_password_with_salt(dummy_password.as_bytes(), &salt)
            .map_err(|e| CredentialError::Hash(e.to_string()))?
            .to_string();
        Ok(Self {
            inner: Arc::new(Inner {
                params,
                argon2,
                dummy_hash,
                evaluations: AtomicU64::new(1),
                permits: Arc::new(Semaphore::new(concurrency.max(1))),
            }),
        })
    }

    pub fn params(&self) -> HashParams {
        self.inner.params
    }

    /// Argon2 evaluations done so far by this hasher, including the dummy hash at start-up.
    pub fn evaluations(&self) -> u64 {
        self.inner.evaluations.load(Ordering::Relaxed)
    }

    /// Hashes a password (its NFC form, see `weiquan_domain::password::normalize`) with a fresh
    /// random salt. Blocking. Check the policy first
    /// (`weiquan_domain::password::check_new_password`).
    pub fn hash(&self, password: &str) -> Result<String, CredentialError> {
        let normalized = Zeroizing::new(normalize(password));
        let salt = rng::bytes::<SALT_LEN>()?;
        self.inner.evaluations.fetch_add(1, Ordering::Relaxed);
        let hash = self
            .inner
            .argon2
            .hash_password_with_salt(normalized.as_bytes(), &salt)
            .map_err(|e| CredentialError::Hash(e.to_string()))?;
        Ok(hash.to_string())
    }

    /// Whether `password` matches the PHC string `stored`, using the parameters recorded in it.
    /// The final comparison is constant-time (`phc::Output`'s `PartialEq`). Blocking.
    /// A malformed stored hash is an error, not `false`: it is a data problem to look into.
    pub fn verify(&self, password: &str, stored: &str) -> Result<bool, CredentialError> {
        let parsed =
            PasswordHash::new(stored).map_err(|_| CredentialError::Malformed("password hash"))?;
        if parsed.algorithm != ARGON2ID_IDENT {
            return Err(CredentialError::Malformed("password hash"));
        }
        let normalized = Zeroizing::new(normalize(password));
        self.inner.evaluations.fetch_add(1, Ordering::Relaxed);
        match self
            .inner
            .argon2
            .verify_password(normalized.as_bytes(), &parsed)
        {
            Ok(()) => Ok(true),
            Err(argon2::password_hash::Error::PasswordInvalid) => Ok(false),
            Err(e) => Err(CredentialError::Hash(e.to_string())),
        }
    }

    /// Does the work of a failed [`Self::verify`] with the current parameters, for an account
    /// that does not exist or has no password. Always `false`. Blocking.
    pub fn verify_dummy(&self, password: &str) -> bool {
        // The dummy hash was made by this hasher, so it parses; the outcome is always "no".
        let _ = self.verify(password, &self.inner.dummy_hash);
        false
    }

    /// The sign-in check: verifies against the stored hash, or runs the dummy verification when
    /// there is none, so both cost one argon2 evaluation. On success with outdated parameters it
    /// also returns a fresh hash (a second evaluation, once per account per parameter change).
    /// Blocking.
    pub fn check_login(
        &self,
        password: &str,
        stored: Option<&str>,
    ) -> Result<LoginCheck, CredentialError> {
        let Some(stored) = stored else {
            self.verify_dummy(password);
            return Ok(LoginCheck::Invalid);
        };
        // An unusable stored hash (corrupted, or from a foreign scheme) means that no password
        // works: the caller answers as for a wrong password, never with a server error. The
        // dummy verification keeps the cost the same; the fault is logged for operators.
        match self.verify(password, stored) {
            Ok(true) => {}
            Ok(false) => return Ok(LoginCheck::Invalid),
            Err(e) => {
                log::error!("unusable stored password hash: {e}");
                self.verify_dummy(password);
                return Ok(LoginCheck::Invalid);
            }
        }
        let upgraded_hash = if self.needs_rehash(stored) {
            Some(self.hash(password)?)
        } else {
            None
        };
        Ok(LoginCheck::Valid { upgraded_hash })
    }

    /// Whether a stored hash is weaker than what this hasher makes: not argon2id v19, less
    /// memory or fewer passes, or a shorter salt or output. Unparseable hashes also say yes.
    /// A hash made with *stronger* parameters is left alone.
    pub fn needs_rehash(&self, stored: &str) -> bool {
        let Ok(parsed) = PasswordHash::new(stored) else {
            return true;
        };
        let Ok(params) = Params::try_from(&parsed) else {
            return true;
        };
        let current = self.inner.params;
        parsed.algorithm != ARGON2ID_IDENT
            || parsed.version != Some(Version::V0x13.into())
            || params.m_cost() < current.memory_kib
            || params.t_cost() < current.iterations
            || parsed.salt.as_ref().is_none_or(|s| s.len() < SALT_LEN)
            || parsed.hash.as_ref().is_none_or(|h| h.len() < OUTPUT_LEN)
    }

    /// Runs `work` on the blocking pool once a permit is free (at most `concurrency`
    /// evaluations at a time). Use it for anything that hashes: sign-in, password change,
    /// recovery codes. The permit moves into the blocking task, so a request that is dropped
    /// mid-hash (client gone) still holds it until the hashing really ends.
    pub async fn run<T, F>(&self, work: F) -> Result<T, CredentialError>
    where
        F: FnOnce(&PasswordHasher) -> T + Send + 'static,
        T: Send + 'static,
    {
        let permit = Arc::clone(&self.inner.permits)
            .acquire_owned()
            .await
            .map_err(|e| CredentialError::Task(e.to_string()))?;
        let hasher = self.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work(&hasher)
        })
        .await
        .map_err(|e| CredentialError::Task(e.to_string()))
    }

    /// [`Self::hash`] on the blocking pool.
    pub async fn hash_async(&self, password: Zeroizing<String>) -> Result<String, CredentialError> {
        self.run(move |h| h.hash(&password)).await?
    }

    /// [`Self::check_login`] on the blocking pool.
    pub async fn check_login_async(
        &self,
        password: Zeroizing<String>,
        stored: Option<String>,
    ) -> Result<LoginCheck, CredentialError> {
        self.run(move |h| h.check_login(&password, stored.as_deref()))
            .await?
    }

    #[cfg(test)]
    fn dummy_hash(&self) -> &str {
        &self.inner.dummy_hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cheap() -> PasswordHasher {
        PasswordHasher::new(HashParams::TESTING).unwrap()
    }

    fn params_of(phc: &str) -> Params {
        Params::try_from(&PasswordHash::new(phc).unwrap()).unwrap()
    }

    #[test]
    fn production_parameters_meet_the_owasp_minimum() {
        assert!(HashParams::PRODUCTION.meets_owasp_minimum());
        assert!(HashParams::default().meets_owasp_minimum());
        assert!(HashParams::OWASP_MINIMUM.meets_owasp_minimum());
        assert!(!HashParams::TESTING.meets_owasp_minimum());
    }

    #[test]
    fn a_hash_is_an_argon2id_phc_string_with_the_configured_parameters() {
        let h = PasswordHasher::new(HashParams::PRODUCTION).unwrap();
        let phc = h.hash("correct horse battery staple").unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=3,p=1$"), "{phc}");
        let parsed = PasswordHash::new(&phc).unwrap();
        assert_eq!(parsed.salt.unwrap().len(), SALT_LEN);
        assert_eq!(parsed.hash.unwrap().len(), OUTPUT_LEN);
        assert!(h.verify("correct horse battery staple", &phc).unwrap());
        assert!(!h.verify("correct horse battery stapler", &phc).unwrap());
        assert!(!h.needs_rehash(&phc));
    }

    #[test]
    fn the_same_password_hashes_differently_each_time() {
        let h = cheap();
        let a = h.hash("lantern river 42").unwrap();
        let b = h.hash("lantern river 42").unwrap();
        assert_ne!(a, b, "fresh salt per hash");
        assert!(h.verify("lantern river 42", &a).unwrap());
        assert!(h.verify("lantern river 42", &b).unwrap());
    }

    #[test]
    fn verification_uses_nfc_and_is_otherwise_exact() {
        let h = cheap();
        let phc = h.hash("caf\u{e9} 密码 Lantern").unwrap();
        assert!(
            h.verify("cafe\u{301} 密码 Lantern", &phc).unwrap(),
            "NFD input"
        );
        assert!(!h.verify("cafe 密码 Lantern", &phc).unwrap());
        assert!(
            !h.verify("caf\u{e9} 密码 lantern", &phc).unwrap(),
            "case matters"
        );
        assert!(
            !h.verify("caf\u{e9} 密码 Lantern ", &phc).unwrap(),
            "no trimming"
        );
        assert!(
            !h.verify("ｃａｆ\u{e9} 密码 Lantern", &phc).unwrap(),
            "width matters"
        );
    }

    #[test]
    fn signing_in_against_an_unusable_stored_hash_is_invalid_not_an_error() {
        let hasher = PasswordHasher::new(HashParams::TESTING).unwrap();
        for stored in [
            "",
            "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g",
            "$2b$12$bcrypt",
        ] {
            let before = hasher.evaluations();
            assert_eq!(
                hasher.check_login("anything", Some(stored)).unwrap(),
                LoginCheck::Invalid,
                "{stored}"
            );
            assert!(
                hasher.evaluations() > before,
                "the dummy verification still runs"
            );
        }
    }

    #[test]
    fn a_malformed_or_foreign_stored_hash_is_an_error() {
        let h = cheap();
        assert_eq!(
            h.verify("x", "not a hash"),
            Err(CredentialError::Malformed("password hash"))
        );
        assert!(h.verify("x", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g").is_err());
        assert!(h.needs_rehash("not a hash"));
    }

    #[test]
    fn weaker_parameters_need_a_rehash_and_stronger_ones_do_not() {
        let weak = cheap().hash("pw").unwrap();
        let current = PasswordHasher::new(HashParams {
            memory_kib: 256,
            iterations: 2,
            parallelism: 1,
        })
        .unwrap();
        assert!(current.needs_rehash(&weak));
        let fewer_passes = PasswordHasher::new(HashParams {
            memory_kib: 256,
            iterations: 1,
            parallelism: 1,
        })
        .unwrap()
        .hash("pw")
        .unwrap();
        assert!(current.needs_rehash(&fewer_passes), "t below current");
        let stronger = PasswordHasher::new(HashParams {
            memory_kib: 512,
            iterations: 3,
            parallelism: 1,
        })
        .unwrap()
        .hash("pw")
        .unwrap();
        assert!(!current.needs_rehash(&stronger));
        assert!(!current.needs_rehash(&current.hash("pw").unwrap()));
    }

    #[test]
    fn a_successful_login_with_old_parameters_returns_an_upgraded_hash() {
        let old = cheap().hash("lantern river 42").unwrap();
        let current = PasswordHasher::new(HashParams {
            memory_kib: 128,
            iterations: 2,
            parallelism: 1,
        })
        .unwrap();
        let LoginCheck::Valid {
            upgraded_hash: Some(new),
        } = current.check_login("lantern river 42", Some(&old)).unwrap()
        else {
            panic!("expected an upgrade");
        };
        assert_eq!(params_of(&new).m_cost(), 128);
        assert_eq!(
            current.check_login("lantern river 42", Some(&new)).unwrap(),
            LoginCheck::Valid {
                upgraded_hash: None
            }
        );
        assert_eq!(
            current.check_login("wrong", Some(&old)).unwrap(),
            LoginCheck::Invalid
        );
    }

    #[test]
    fn the_dummy_path_does_one_real_verification_with_current_parameters() {
        // Work done, not wall-clock: the unknown-account path must run exactly the argon2
        // evaluation that a wrong password for a real account runs, with the same parameters.
        let h = PasswordHasher::new(HashParams {
            memory_kib: 1024,
            iterations: 2,
            parallelism: 1,
        })
        .unwrap();
        let real = h.hash("lantern river 42").unwrap();
        assert_eq!(params_of(h.dummy_hash()), params_of(&real));
        let dummy = PasswordHash::new(h.dummy_hash()).unwrap();
        assert_eq!(dummy.algorithm, ARGON2ID_IDENT);
        assert_eq!(dummy.salt.unwrap().len(), SALT_LEN);

        let before = h.evaluations();
        assert_eq!(
            h.check_login("guess", Some(&real)).unwrap(),
            LoginCheck::Invalid
        );
        let wrong_password_cost = h.evaluations() - before;

        let before = h.evaluations();
        assert_eq!(h.check_login("guess", None).unwrap(), LoginCheck::Invalid);
        let unknown_account_cost = h.evaluations() - before;

        assert_eq!(wrong_password_cost, 1);
        assert_eq!(unknown_account_cost, wrong_password_cost);
        assert!(!h.verify_dummy(""));
    }

    #[test]
    fn invalid_parameters_are_refused() {
        let zero_passes = HashParams {
            memory_kib: 64,
            iterations: 0,
            parallelism: 1,
        };
        assert!(matches!(
            PasswordHasher::new(zero_passes),
            Err(CredentialError::Hash(_))
        ));
    }

    #[test]
    fn debug_output_shows_no_secrets() {
        let h = cheap();
        let text = format!("{h:?}");
        assert!(!text.contains("argon2id$"), "{text}");
        let check = LoginCheck::Valid {
            upgraded_hash: Some(h.hash("pw").unwrap()),
        };
        assert_eq!(format!("{check:?}"), "Valid { upgraded: true }");
    }

    #[tokio::test]
    async fn async_wrappers_run_on_the_blocking_pool() {
        let h = PasswordHasher::with_concurrency(HashParams::TESTING, 1).unwrap();
        let phc = h
            .hash_async(Zeroizing::new("lantern river 42".to_owned()))
            .await
            .unwrap();
        let checks = futures_util::future::join_all((0..4).map(|_| {
            h.check_login_async(
                Zeroizing::new("lantern river 42".to_owned()),
                Some(phc.clone()),
            )
        }))
        .await;
        for c in checks {
            assert_eq!(
                c.unwrap(),
                LoginCheck::Valid {
                    upgraded_hash: None
                }
            );
        }
        assert_eq!(
            h.check_login_async(Zeroizing::new("x".to_owned()), None)
                .await
                .unwrap(),
            LoginCheck::Invalid
        );
    }

    #[tokio::test]
    async fn run_bounds_concurrent_evaluations() {
        use std::sync::atomic::AtomicUsize;
        let h = PasswordHasher::with_concurrency(HashParams::TESTING, 2).unwrap();
        let active = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let jobs = (0..6).map(|_| {
            let (active, peak) = (Arc::clone(&active), Arc::clone(&peak));
            h.run(move |_| {
                let now = active.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(30));
                active.fetch_sub(1, Ordering::SeqCst);
            })
        });
        for result in futures_util::future::join_all(jobs).await {
            result.unwrap();
        }
        // Never more than the bound (without the semaphore all six would overlap).
        let peak = peak.load(Ordering::SeqCst);
        assert!((1..=2).contains(&peak), "peak {peak}");
    }
}
