use std::io;
use std::path::PathBuf;

use crate::KeyPurpose;

/// Why a cryptographic operation was refused.
///
/// No variant carries key bytes, plaintext or ciphertext: these errors may end
/// up in logs (guarantee 23).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CryptoError {
    /// The operating system's random number generator failed.
    #[error("the system random number generator failed")]
    Rng,
    /// The data key has sealed as many values as its usage limit allows.
    #[error("data key version {version} reached its usage limit; rotate the tenant's keys")]
    KeyExhausted {
        /// The exhausted key version.
        version: u32,
    },
    /// Authentication failed: wrong key, tenant, row, column or key version,
    /// or the ciphertext was altered.
    #[error("sealed value failed authentication")]
    OpenFailed,
    /// A wrapped key failed authentication under the key-encryption key.
    #[error("wrapped key failed authentication (wrong master key, tenant, purpose or version, or altered)")]
    UnwrapFailed,
    /// Too short to be a sealed value or a wrapped key.
    #[error("sealed value is truncated")]
    Truncated,
    /// The leading format byte is not one this version understands.
    #[error("unsupported sealed-value format {found}")]
    UnsupportedFormat {
        /// The format byte found.
        found: u8,
    },
    /// The value was sealed under a key version this keyring never held.
    #[error("unknown key version {version}")]
    UnknownKeyVersion {
        /// The key version named by the value.
        version: u32,
    },
    /// The value was sealed under a key version that has been retired.
    #[error("key version {version} has been retired; the value was not re-wrapped in time")]
    KeyRetired {
        /// The retired key version named by the value.
        version: u32,
    },
    /// The seal context names another tenant than the keyring's.
    #[error("seal context belongs to another tenant than this keyring")]
    WrongTenant,
    /// Key material of the wrong length.
    #[error("{purpose} key material must be {expected} bytes, got {got}")]
    InvalidKeyLength {
        /// What the key is for.
        purpose: KeyPurpose,
        /// The required length.
        expected: usize,
        /// The length given.
        got: usize,
    },
    /// Retiring would drop the key version that new values are sealed with.
    #[error("cannot retire versions below {requested}: the current key version is {current}")]
    WouldRetireCurrent {
        /// The requested floor.
        requested: u32,
        /// The current (newest) key version.
        current: u32,
    },
    /// No more key versions can be numbered.
    #[error("key version counter overflowed")]
    VersionOverflow,
    /// A set of wrapped keys that cannot form a keyring.
    #[error("invalid wrapped key set: {reason}")]
    InvalidKeySet {
        /// What is wrong with the set.
        reason: &'static str,
    },
    /// The AEAD primitive refused to seal (input beyond its length limit).
    #[error("sealing failed: input too large")]
    SealFailed,
}

/// Why the master key file could not be read or written.
///
/// Never echoes the file's contents.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeyFileError {
    /// The environment variable naming the key file is unset or not Unicode.
    #[error("environment variable {var} is not set to the master key file's path")]
    NotConfigured {
        /// The variable consulted.
        var: &'static str,
    },
    /// No file at the path.
    #[error("master key file {} does not exist", path.display())]
    Missing {
        /// The path tried.
        path: PathBuf,
    },
    /// The path is a directory, device or other non-regular file.
    #[error("master key file {} is not a regular file", path.display())]
    NotAFile {
        /// The path tried.
        path: PathBuf,
    },
    /// Group or others may access the file (or it has special bits).
    #[error("master key file {} has mode {mode:04o}; it must be 0600 or 0400", path.display())]
    InsecurePermissions {
        /// The path tried.
        path: PathBuf,
        /// The permission bits found.
        mode: u32,
    },
    /// Not exactly 64 lowercase hex characters and an optional trailing newline.
    #[error("master key file {} must hold exactly 64 lowercase hex characters and an optional trailing newline", path.display())]
    Malformed {
        /// The path tried.
        path: PathBuf,
    },
    /// `create_file` never overwrites a key.
    #[error("master key file {} already exists; refusing to overwrite it", path.display())]
    AlreadyExists {
        /// The path tried.
        path: PathBuf,
    },
    /// Any other I/O failure.
    #[error("master key file {}: {source}", path.display())]
    Io {
        /// The path tried.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// The random number generator failed while creating a key.
    #[error("the system random number generator failed")]
    Rng,
}
