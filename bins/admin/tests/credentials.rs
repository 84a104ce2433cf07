//! Credential commands end to end through the binary: invites and manager
//! tokens that verify, revocation, roster import, identity-provider
//! settings, and bad input refused with nothing written.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use kataloop_credentials::TokenKeys;
use kataloop_crypto::MasterKey;
use kataloop_service::{credentials, keys};
use kataloop_testkit::TestDatabase;
use ring::signature::KeyPair;
use serde_json::Value;

struct Admin {
    db: TestDatabase,
    dir: PathBuf,
}

impl Admin {
    async fn new() -> Admin {
        let db = TestDatabase::new().await;
        let dir = std::env::temp_dir().join(format!(
            "kataloop-admin-cred-{}",
            kataloop_tenancy::TenantId::random()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Admin { db, dir }
    }

    fn key(&self) -> PathBuf {
        self.dir.join("master.key")
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kataloop-admin"))
            .args(args)
            .env("DATABASE_URL", self.db.owner_url())
            .env("KATALOOP_MASTER_KEY_FILE", self.key())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().flush().unwrap();
        let out = child.wait_with_output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    fn ok(&self, args: &[&str]) -> Value {
        let (code, stdout, stderr) = self.run(args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        serde_json::from_str(stdout.trim()).unwrap()
    }

    fn fails(&self, args: &[&str], message: &str) {
        let (code, stdout, stderr) = self.run(args);
        assert_eq!(code, 1, "{args:?} should fail: {stdout} {stderr}");
        assert!(
            stderr.contains(message),
            "{args:?}: expected {message:?} in {stderr:?}"
        );
    }
}

impl Drop for Admin {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

async fn token_keys(admin: &Admin, tenant: &str) -> TokenKeys {
    let kek = MasterKey::load_file(admin.key()).unwrap();
    let tenant = tenant.parse().unwrap();
    let keyring = keys::load_keyring(&admin.db.owner_store(), tenant, &kek)
        .await
        .unwrap();
    TokenKeys::from_root(tenant, &credentials::credential_root(&keyring)).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn invites_manager_tokens_revocation_and_rosters() {
    let admin = Admin::new().await;
    admin.ok(&["--json", "keys", "init"]);
    let tenant = admin.ok(&[
        "--json", "tenant", "create", "--name", "Acme", "--domain", "acme.com",
    ])["tenant_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let team = admin.ok(&[
        "--json", "team", "create", "--tenant", &tenant, "--name", "Ops",
    ])["team_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let now = chrono::Utc::now().timestamp();
    let keys = token_keys(&admin, &tenant).await;

    let invite = admin.ok(&[
        "--json", "token", "employee", "--tenant", &tenant, "--hr-id", "E12345", "--team", &team,
        "--ttl", "30d",
    ]);
    let token = invite["token"].as_str().unwrap();
    assert!(!token.contains("E12345"), "no HR id in clear");
    let verified = keys.verify_invite(token, now).unwrap();
    assert_eq!(verified.hr_id.expose(), "E12345");
    assert_eq!(verified.team.map(|t| t.to_string()), Some(team.clone()));

    let manager = admin.ok(&[
        "--json", "token", "manager", "--tenant", &tenant, "--ttl", "7d",
    ]);
    let grant = keys
        .verify_manager(manager["token"].as_str().unwrap(), now)
        .unwrap();
    let token_id = manager["token_id"].as_str().unwrap().to_owned();
    assert_eq!(grant.id.as_uuid().to_string(), token_id);
    let store = admin.db.owner_store();
    let id: uuid::Uuid = token_id.parse().unwrap();
    assert!(
        !credentials::is_manager_token_revoked(&store, tenant.parse().unwrap(), id)
            .await
            .unwrap()
    );
    admin.ok(&["--json", "token", "revoke", &token_id, "--tenant", &tenant]);
    assert!(
        credentials::is_manager_token_revoked(&store, tenant.parse().unwrap(), id)
            .await
            .unwrap()
    );

    // Bad input: unknown team, other tenant, bad ttl, bad HR id, bad id.
    admin.fails(
        &[
            "token",
            "manager",
            "--tenant",
            &tenant,
            "--team",
            &kataloop_tenancy::TeamId::random().to_string(),
        ],
        "not found",
    );
    admin.fails(
        &[
            "token",
            "manager",
            "--tenant",
            &kataloop_tenancy::TenantId::random().to_string(),
        ],
        "not found",
    );
    admin.fails(
        &["token", "manager", "--tenant", &tenant, "--ttl", "soon"],
        "invalid ttl",
    );
    admin.fails(
        &["token", "manager", "--tenant", &tenant, "--ttl", "400d"],
        "between 1 second and 365 days",
    );
    admin.fails(
        &["token", "employee", "--tenant", &tenant, "--hr-id", "   "],
        "empty",
    );
    admin.fails(
        &["token", "revoke", "not-a-uuid", "--tenant", &tenant],
        "invalid token id",
    );

    // Roster import: all or nothing, file mode 0600, never overwritten.
    let roster = admin.dir.join("roster.csv");
    let out = admin.dir.join("invites.csv");
    std::fs::write(
        &roster,
        format!(
            "hr_id,team\nE1,{team}\nE2,\nE3,{}\n",
            kataloop_tenancy::TeamId::random()
        ),
    )
    .unwrap();
    admin.fails(
        &[
            "token",
            "import-roster",
            "--tenant",
            &tenant,
            "--csv",
            roster.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        "line 4",
    );
    assert!(!out.exists(), "nothing half-written");
    std::fs::write(&roster, format!("hr_id,team\nE1,{team}\nE2,\n")).unwrap();
    let imported = admin.ok(&[
        "--json",
        "token",
        "import-roster",
        "--tenant",
        &tenant,
        "--csv",
        roster.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(imported["issued"], 2);
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let lines: Vec<String> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(lines.len(), 2);
    let (hr, token) = lines[1].split_once(',').unwrap();
    assert_eq!(keys.verify_invite(token, now).unwrap().hr_id.expose(), hr);
    admin.fails(
        &[
            "token",
            "import-roster",
            "--tenant",
            &tenant,
            "--csv",
            roster.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        "cannot create",
    );

    // The audit log names token ids, never tokens or HR ids.
    let events = admin
        .ok(&["--json", "audit", "list", "--tenant", &tenant])
        .to_string();
    assert!(events.contains("token.issue_invite") && events.contains("token.revoke"));
    assert!(!events.contains("E12345") && !events.contains(token));
}

#[tokio::test(flavor = "multi_thread")]
async fn oidc_settings_are_validated_before_they_are_stored() {
    let admin = Admin::new().await;
    admin.ok(&["--json", "keys", "init"]);
    let tenant = admin.ok(&[
        "--json", "tenant", "create", "--name", "Acme", "--domain", "acme.com",
    ])["tenant_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let bad = admin.dir.join("bad.json");
    std::fs::write(&bad, r#"{"keys": [{"kty": "oct", "k": "c2VjcmV0"}]}"#).unwrap();
    let args = |file: &PathBuf| -> Vec<String> {
        [
            "oidc",
            "set",
            "--tenant",
            &tenant,
            "--issuer",
            "https://idp.acme.com",
            "--audience",
            "kataloop",
            "--hr-id-claim",
            "employee_id",
            "--jwks-file",
            file.to_str().unwrap(),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let bad_args = args(&bad);
    let (code, _, stderr) = admin.run(&bad_args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        credentials::oidc_settings(&admin.db.owner_store(), tenant.parse().unwrap())
            .await
            .unwrap()
            .is_none()
    );

    let rng = ring::rand::SystemRandom::new();
    let pkcs8 = ring::signature::EcdsaKeyPair::generate_pkcs8(
        &ring::signature::ECDSA_P256_SHA256_FIXED_SIGNING,
        &rng,
    )
    .unwrap();
    let pair = ring::signature::EcdsaKeyPair::from_pkcs8(
        &ring::signature::ECDSA_P256_SHA256_FIXED_SIGNING,
        pkcs8.as_ref(),
        &rng,
    )
    .unwrap();
    let point = pair.public_key().as_ref();
    let b64 = |b: &[u8]| base64url(b);
    let good = admin.dir.join("good.json");
    std::fs::write(
        &good,
        format!(r#"{{"keys": [{{"kty": "EC", "crv": "P-256", "kid": "k1", "alg": "ES256", "x": "{}", "y": "{}"}}]}}"#, b64(&point[1..33]), b64(&point[33..65])),
    )
    .unwrap();
    let good_args = args(&good);
    let (code, _, stderr) = admin.run(&good_args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{stderr}");
    let stored = credentials::oidc_settings(&admin.db.owner_store(), tenant.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.issuer, "https://idp.acme.com");
    assert_eq!(stored.hr_id_claim, "employee_id");
}

fn base64url(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n =
            chunk.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}
