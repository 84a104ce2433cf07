//! The master key file: created 0600, never overwritten, and refused when it
//! is missing, readable by others, or malformed (guarantee 11: the KEK is
//! kept outside the database, in a file only the service user can read).

use std::fs::{self, Permissions};
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use kataloop_crypto::{
    KeyEncryptionKey, KeyFileError, KeyPurpose, MasterKey, SecretBytes, MASTER_KEY_FILE_ENV,
};
use kataloop_tenancy::TenantId;

/// A fresh private directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("kataloop-crypto-{}", uuid::Uuid::new_v4()));
        fs::create_dir(&dir).unwrap();
        Self(dir)
    }
    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn write_with_mode(path: &PathBuf, content: &[u8], mode: u32) {
    fs::write(path, content).unwrap();
    fs::set_permissions(path, Permissions::from_mode(mode)).unwrap();
}

/// Two master keys are the same key iff one unwraps what the other wrapped.
fn same_key(a: &MasterKey, b: &MasterKey) -> bool {
    let tenant = TenantId::random();
    let secret = SecretBytes::new(vec![42; 32]);
    let wrapped = a.wrap(KeyPurpose::DataKey, tenant, 1, &secret).unwrap();
    b.unwrap(KeyPurpose::DataKey, tenant, 1, &wrapped).is_ok()
}

const VALID: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

#[test]
fn env_var_name_is_stable() {
    assert_eq!(MASTER_KEY_FILE_ENV, "KATALOOP_MASTER_KEY_FILE");
}

#[test]
fn create_file_writes_mode_0600_and_load_reads_the_same_key() {
    let dir = TempDir::new();
    let path = dir.file("master.key");
    let created = MasterKey::create_file(&path).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o600);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.len(), 65);
    assert!(text.ends_with('\n'));
    assert!(text[..64]
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    let loaded = MasterKey::load_file(&path).unwrap();
    assert!(same_key(&created, &loaded));
    assert!(!same_key(&created, &MasterKey::generate().unwrap()));
}

#[test]
fn create_file_refuses_to_overwrite() {
    let dir = TempDir::new();
    let path = dir.file("master.key");
    write_with_mode(&path, VALID.as_bytes(), 0o600);
    let err = MasterKey::create_file(&path).unwrap_err();
    assert!(matches!(err, KeyFileError::AlreadyExists { .. }), "{err:?}");
    assert_eq!(fs::read_to_string(&path).unwrap(), VALID);
}

#[test]
fn load_accepts_0600_and_0400_with_or_without_newline() {
    let dir = TempDir::new();
    let a = dir.file("a");
    let b = dir.file("b");
    write_with_mode(&a, VALID.as_bytes(), 0o600);
    write_with_mode(&b, format!("{VALID}\n").as_bytes(), 0o400);
    let ka = MasterKey::load_file(&a).unwrap();
    let kb = MasterKey::load_file(&b).unwrap();
    assert!(same_key(&ka, &kb));
    assert!(same_key(
        &ka,
        &MasterKey::from_bytes(&core::array::from_fn(|i| i as u8)).unwrap()
    ));
}

#[test]
fn load_refuses_any_other_mode() {
    let dir = TempDir::new();
    let path = dir.file("master.key");
    for mode in [
        0o644, 0o640, 0o604, 0o660, 0o700, 0o666, 0o440, 0o200, 0o4600, 0o1600,
    ] {
        write_with_mode(&path, VALID.as_bytes(), mode);
        let err = MasterKey::load_file(&path).unwrap_err();
        assert!(
            matches!(err, KeyFileError::InsecurePermissions { mode: m, .. } if m == mode),
            "mode {mode:o}: {err:?}"
        );
    }
}

#[test]
fn load_refuses_missing_file_and_directory() {
    let dir = TempDir::new();
    let err = MasterKey::load_file(dir.file("absent")).unwrap_err();
    assert!(matches!(err, KeyFileError::Missing { .. }), "{err:?}");
    let err = MasterKey::load_file(&dir.0).unwrap_err();
    assert!(matches!(err, KeyFileError::NotAFile { .. }), "{err:?}");
}

#[test]
fn load_refuses_malformed_content_without_echoing_it() {
    let dir = TempDir::new();
    let path = dir.file("master.key");
    let upper = VALID.to_uppercase();
    let bad: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\n".to_vec(),
        VALID.as_bytes()[..63].to_vec(),
        format!("{VALID}0").into_bytes(),
        format!("{VALID}\n\n").into_bytes(),
        format!("{VALID}\r\n").into_bytes(),
        format!(" {VALID}").into_bytes(),
        upper.into_bytes(),
        format!("{}g", &VALID[..63]).into_bytes(),
        vec![0xff; 64],
        vec![b'a'; 4096],
    ];
    for content in bad {
        write_with_mode(&path, &content, 0o600);
        let err = MasterKey::load_file(&path).unwrap_err();
        assert!(matches!(err, KeyFileError::Malformed { .. }), "{err:?}");
        let shown = format!("{err} {err:?}");
        assert!(
            !shown.contains(&VALID[..16]),
            "error echoes file content: {shown}"
        );
    }
}
