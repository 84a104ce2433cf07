//! Where sealing nonces come from: a small per-thread buffer of bytes from
//! the system CSPRNG, handed out 12 bytes at a time.
//!
//! Why buffer: `SystemRandom::fill` is one `getrandom` system call per call.
//! For a 12-byte nonce that call costs more than sealing 1 KiB. Filling
//! [`BUF_LEN`] bytes at once and slicing nonces off them gives the very same
//! CSPRNG output (the bytes are not stretched, expanded or derived; every
//! nonce is 12 bytes the kernel's CSPRNG produced) with one system call per
//! [`NONCES_PER_REFILL`] nonces.
//!
//! Why this stays safe:
//!
//! - **No byte is handed out twice.** The read position only moves forward;
//!   each nonce is copied out and its bytes in the buffer are overwritten
//!   with zeros, and the buffer is refilled only once every byte has been
//!   used. If a refill fails, the buffer stays marked empty and the seal
//!   fails with [`CryptoError::Rng`]; stale bytes are never reused.
//! - **Threads never share a buffer.** Each thread owns its own (a
//!   `thread_local!` behind a `RefCell`, so no locking and no `unsafe`), and
//!   each buffer is filled independently from the kernel CSPRNG, so across
//!   threads nonces are as independent as separate `getrandom` calls.
//! - **Restarts start over.** The buffer lives only in process memory; it is
//!   never persisted, so a restarted process draws fresh bytes.
//! - **Uniqueness across keys and keyrings** is the same as for per-call
//!   random nonces: 96 random bits each, so the collision bound behind the
//!   per-key usage limit ([`crate::DEFAULT_USAGE_LIMIT`]) is unchanged.
//!
//! One caveat, shared with any user-space random buffer: a raw `fork()`
//! without `exec` would copy the forking thread's buffer into the child, and
//! parent and child could then hand out the same nonces. Rust's standard
//! library offers no such fork (`std::process::Command` execs), Kataloop
//! never forks, and this crate forbids `unsafe`; a program that does fork
//! must not seal in the child with keys the parent also uses.
//!
//! The buffered bytes are not secret (nonces are stored in the clear next to
//! the ciphertext), but the buffer is wiped on drop all the same.

use std::cell::RefCell;

use ring::rand::{SecureRandom, SystemRandom};
use zeroize::Zeroize;

use crate::aead::NONCE_LEN;
use crate::CryptoError;

/// Nonces handed out per refill (one system call each).
pub(crate) const NONCES_PER_REFILL: usize = 256;
/// Size of a thread's buffer: a whole number of nonces (3 KiB).
pub(crate) const BUF_LEN: usize = NONCES_PER_REFILL * NONCE_LEN;

/// A buffer of CSPRNG bytes and the position of the first unused byte.
pub(crate) struct NonceBuffer {
    buf: [u8; BUF_LEN],
    /// Bytes before `pos` have been handed out (and zeroed); `BUF_LEN`
    /// means empty.
    pos: usize,
}

impl NonceBuffer {
    /// An empty buffer; the first nonce triggers the first fill.
    pub(crate) const fn empty() -> Self {
        Self {
            buf: [0; BUF_LEN],
            pos: BUF_LEN,
        }
    }

    /// The next unused 12 bytes, refilling through `fill` (which must write
    /// fresh CSPRNG output over the whole slice) when none are left.
    pub(crate) fn next_with<F>(&mut self, fill: F) -> Result<[u8; NONCE_LEN], CryptoError>
    where
        F: FnOnce(&mut [u8]) -> Result<(), CryptoError>,
    {
        if self.pos > BUF_LEN - NONCE_LEN {
            // Stay marked empty until the fill succeeded, so a failed fill
            // can never leave old bytes to be handed out again.
            self.pos = BUF_LEN;
            fill(&mut self.buf)?;
            self.pos = 0;
        }
        let start = self.pos;
        let chunk = self
            .buf
            .get_mut(start..start + NONCE_LEN)
            .ok_or(CryptoError::Rng)?;
        let mut nonce = [0u8; NONCE_LEN];
        nonce.copy_from_slice(chunk);
        chunk.fill(0);
        self.pos = start + NONCE_LEN;
        Ok(nonce)
    }
}

impl Drop for NonceBuffer {
    fn drop(&mut self) {
        self.buf.zeroize();
        self.pos = BUF_LEN;
    }
}

fn system_fill(dest: &mut [u8]) -> Result<(), CryptoError> {
    SystemRandom::new().fill(dest).map_err(|_| CryptoError::Rng)
}

thread_local! {
    static THREAD_NONCES: RefCell<NonceBuffer> = const { RefCell::new(NonceBuffer::empty()) };
}

/// A fresh 96-bit nonce from the system CSPRNG, through this thread's buffer.
/// Falls back to one direct `getrandom` call if the thread-local is not
/// available (during thread teardown) or already borrowed.
pub(crate) fn fresh_nonce() -> Result<[u8; NONCE_LEN], CryptoError> {
    THREAD_NONCES
        .try_with(|cell| {
            cell.try_borrow_mut()
                .map_err(|_| CryptoError::Rng)
                .and_then(|mut buf| buf.next_with(system_fill))
        })
        .unwrap_or(Err(CryptoError::Rng))
        .or_else(|_| direct_nonce())
}

fn direct_nonce() -> Result<[u8; NONCE_LEN], CryptoError> {
    let mut nonce = [0u8; NONCE_LEN];
    system_fill(&mut nonce)?;
    Ok(nonce)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// A fill that writes a running counter (u32 BE per 4 bytes), so every
    /// position of every refill holds a distinct, predictable value.
    #[derive(Default)]
    struct CountingFill {
        counter: u32,
        fills: usize,
    }

    impl CountingFill {
        fn fill(&mut self, dest: &mut [u8]) -> Result<(), CryptoError> {
            for word in dest.chunks_mut(4) {
                word.copy_from_slice(&self.counter.to_be_bytes()[..word.len()]);
                self.counter += 1;
            }
            self.fills += 1;
            Ok(())
        }
    }

    #[test]
    fn refills_exactly_at_buffer_boundaries_and_never_reuses_bytes() {
        let mut source = CountingFill::default();
        let mut buf = NonceBuffer::empty();
        let mut seen = HashSet::new();
        let mut expected_word = 0u32;
        for i in 0..(3 * NONCES_PER_REFILL + 5) {
            let nonce = buf.next_with(|d| source.fill(d)).unwrap();
            // A refill happens on the first nonce and then exactly every
            // NONCES_PER_REFILL nonces, never earlier or later.
            assert_eq!(source.fills, i / NONCES_PER_REFILL + 1, "nonce {i}");
            // Each nonce is the next 12 unused bytes, in order: nothing is
            // skipped, nothing handed out twice.
            let mut expect = [0u8; NONCE_LEN];
            for word in expect.chunks_mut(4) {
                word.copy_from_slice(&expected_word.to_be_bytes());
                expected_word += 1;
            }
            assert_eq!(nonce, expect, "nonce {i}");
            assert!(seen.insert(nonce));
            // Handed-out bytes are wiped from the buffer.
            assert!(buf.buf[..buf.pos].iter().all(|&b| b == 0));
        }
        assert_eq!(source.fills, 4);
    }

    #[test]
    fn failed_refill_hands_out_nothing_stale() {
        let mut buf = NonceBuffer::empty();
        let first = buf
            .next_with(|d| {
                d.fill(0xab);
                Ok(())
            })
            .unwrap();
        assert_eq!(first, [0xab; NONCE_LEN]);
        // Use up the rest of the buffer.
        for _ in 1..NONCES_PER_REFILL {
            buf.next_with(|_| panic!("no refill expected")).unwrap();
        }
        // The refill fails: an error, and the buffer stays empty.
        assert!(matches!(
            buf.next_with(|_| Err(CryptoError::Rng)),
            Err(CryptoError::Rng)
        ));
        assert_eq!(buf.pos, BUF_LEN);
        // The next call refills again instead of reusing old bytes.
        let mut refilled = false;
        let next = buf
            .next_with(|d| {
                refilled = true;
                d.fill(0xcd);
                Ok(())
            })
            .unwrap();
        assert!(refilled);
        assert_eq!(next, [0xcd; NONCE_LEN]);
    }

    /// 4 threads × 50,000 nonces from the real (system CSPRNG, per-thread
    /// buffered) source: no nonce appears twice, across ~780 refills.
    #[test]
    fn fresh_nonces_never_repeat_across_threads() {
        const THREADS: usize = 4;
        const PER_THREAD: usize = 50_000;
        let handles: Vec<_> = (0..THREADS)
            .map(|_| {
                std::thread::spawn(|| {
                    (0..PER_THREAD)
                        .map(|_| fresh_nonce().unwrap())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut all = HashSet::with_capacity(THREADS * PER_THREAD);
        for h in handles {
            for nonce in h.join().unwrap() {
                assert!(all.insert(nonce), "nonce repeated");
            }
        }
        assert_eq!(all.len(), THREADS * PER_THREAD);
        assert!(!all.contains(&[0u8; NONCE_LEN]));
    }
}
