//! Ride aliases ("Brave Lion"): drawn fresh from a CSPRNG for every ride,
//! never derived from who wrote it (guarantee 12).

use std::fmt;
use std::sync::LazyLock;

use ring::rand::SecureRandom;

/// Source of the adjective list: one capitalised ASCII word per line.
pub const ADJECTIVES_TXT: &str = include_str!("words/adjectives.txt");
/// Source of the animal list: one capitalised ASCII word per line.
pub const ANIMALS_TXT: &str = include_str!("words/animals.txt");

static ADJECTIVES: LazyLock<Vec<&'static str>> = LazyLock::new(|| parse_words(ADJECTIVES_TXT));
static ANIMALS: LazyLock<Vec<&'static str>> = LazyLock::new(|| parse_words(ANIMALS_TXT));

fn parse_words(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect()
}

/// The adjective list, in file order.
pub fn adjectives() -> &'static [&'static str] {
    &ADJECTIVES
}

/// The animal list, in file order.
pub fn animals() -> &'static [&'static str] {
    &ANIMALS
}

/// Draws before a uniform index is given up on. With a working CSPRNG a
/// single draw is rejected with probability below 2^-22 for these lists, so
/// reaching this bound means the generator is broken.
const MAX_DRAWS: usize = 64;

/// Why no alias could be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AliasError {
    /// The random number generator failed (or kept producing rejected
    /// values, which a working CSPRNG does not).
    #[error("the random number generator failed")]
    Rng,
    /// A word list is empty.
    #[error("alias word list is empty")]
    EmptyWordList,
}

/// Where random bytes come from. A closure rather than `SecureRandom`
/// because ring seals that trait, and the unit tests need a scripted source.
type Fill<'a> = dyn FnMut(&mut [u8]) -> Result<(), AliasError> + 'a;

fn from_rng(rng: &dyn SecureRandom) -> impl FnMut(&mut [u8]) -> Result<(), AliasError> + '_ {
    move |buf: &mut [u8]| rng.fill(buf).map_err(|_| AliasError::Rng)
}

/// A uniformly random index below `n`, by rejection sampling: 32-bit draws at
/// or above the largest multiple of `n` are thrown away, so every index is
/// exactly equally likely (no modulo bias).
pub fn uniform_index(rng: &dyn SecureRandom, n: usize) -> Result<usize, AliasError> {
    index_from(&mut from_rng(rng), n)
}

fn index_from(fill: &mut Fill<'_>, n: usize) -> Result<usize, AliasError> {
    let n = u64::try_from(n).map_err(|_| AliasError::EmptyWordList)?;
    if n == 0 || n > 1 << 32 {
        return Err(AliasError::EmptyWordList);
    }
    let span = 1u64 << 32;
    let zone = span - span % n;
    for _ in 0..MAX_DRAWS {
        let mut bytes = [0u8; 4];
        fill(&mut bytes)?;
        let x = u64::from(u32::from_be_bytes(bytes));
        if x < zone {
            return usize::try_from(x % n).map_err(|_| AliasError::Rng);
        }
    }
    Err(AliasError::Rng)
}

/// A pseudonym shown with one ride: adjective + animal, e.g. "Brave Lion".
///
/// The only way to make one is [`Alias::draw`], which reads nothing but the
/// random number generator: no function in this crate takes an HR id or a
/// participant hash and returns an alias.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Alias {
    adjective: &'static str,
    animal: &'static str,
}

impl Alias {
    /// Picks an adjective and an animal independently and uniformly.
    pub fn draw(rng: &dyn SecureRandom) -> Result<Self, AliasError> {
        Self::draw_from(&mut from_rng(rng))
    }

    fn draw_from(fill: &mut Fill<'_>) -> Result<Self, AliasError> {
        let adjectives = adjectives();
        let animals = animals();
        let adjective = adjectives
            .get(index_from(fill, adjectives.len())?)
            .ok_or(AliasError::EmptyWordList)?;
        let animal = animals
            .get(index_from(fill, animals.len())?)
            .ok_or(AliasError::EmptyWordList)?;
        Ok(Self { adjective, animal })
    }

    /// The adjective, e.g. "Brave".
    pub fn adjective(&self) -> &'static str {
        self.adjective
    }

    /// The animal, e.g. "Lion".
    pub fn animal(&self) -> &'static str {
        self.animal
    }
}

impl fmt::Display for Alias {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.adjective, self.animal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Replays `bytes`, then fails like a broken generator.
    fn scripted(bytes: Vec<u8>) -> impl FnMut(&mut [u8]) -> Result<(), AliasError> {
        let mut rest = bytes;
        move |buf: &mut [u8]| {
            if rest.len() < buf.len() {
                return Err(AliasError::Rng);
            }
            let tail = rest.split_off(buf.len());
            buf.copy_from_slice(&rest);
            rest = tail;
            Ok(())
        }
    }

    /// Guarantee 12: an alias is a function of the random bytes alone: the
    /// scripted bytes fully determine it (index = 32-bit big-endian draw
    /// modulo list length), and drawing takes no identity input at all.
    #[test]
    fn g12_alias_depends_only_on_random_bytes() {
        let alias = Alias::draw_from(&mut scripted(vec![0, 0, 0, 5, 0, 0, 1, 2])).unwrap();
        assert_eq!(alias.adjective(), adjectives()[5]);
        assert_eq!(alias.animal(), animals()[258 % animals().len()]);
        let again = Alias::draw_from(&mut scripted(vec![0, 0, 0, 5, 0, 0, 1, 2])).unwrap();
        assert_eq!(alias, again);
    }

    /// Guarantee 12: rejection sampling discards draws in the biased tail
    /// rather than folding them onto low indices.
    #[test]
    fn g12_biased_tail_is_rejected() {
        // n = 3: 2^32 mod 3 = 1, so exactly the value 0xFFFFFFFF is rejected;
        // folding it would give index 0.
        let mut bytes = vec![0xff; 4];
        bytes.extend([0, 0, 0, 7]);
        assert_eq!(index_from(&mut scripted(bytes), 3).unwrap(), 1);
        // n = 256 divides 2^32: nothing is rejected.
        assert_eq!(index_from(&mut scripted(vec![0xff; 4]), 256).unwrap(), 255);
        // The largest accepted value for n = 3.
        assert_eq!(
            index_from(&mut scripted(vec![0xff, 0xff, 0xff, 0xfe]), 3).unwrap(),
            0xffff_fffe % 3
        );
    }

    /// A failing generator, or one that only produces rejected values, is a
    /// typed error rather than a hang or a panic; so is an empty list.
    #[test]
    fn broken_generators_are_typed_errors() {
        assert_eq!(
            index_from(&mut scripted(vec![0xff; 4 * 100]), 3).unwrap_err(),
            AliasError::Rng
        );
        assert_eq!(
            Alias::draw_from(&mut scripted(vec![1, 2])).unwrap_err(),
            AliasError::Rng
        );
        assert_eq!(
            index_from(&mut scripted(vec![0; 4]), 0).unwrap_err(),
            AliasError::EmptyWordList
        );
    }
}
