//! Invite and manager token verification on arbitrary strings: never
//! panics, and never accepts a token it did not issue (the only tokens
//! issued here are the two seeds, which the fuzzer cannot forge).
#![no_main]

use kataloop_credentials::TokenKeys;
use kataloop_tenancy::TenantId;
use libfuzzer_sys::fuzz_target;

const NOW: i64 = 1_800_000_000;

fuzz_target!(|data: &[u8]| {
    let Ok(token) = std::str::from_utf8(data) else {
        return;
    };
    let tenant = TenantId::from_uuid(uuid::Uuid::from_u128(0x1234_5678_9abc_4def_8123_456789abcdef));
    let keys = TokenKeys::from_root(tenant, &[7u8; 32]).expect("keys");
    assert!(keys.verify_invite(token, NOW).is_err());
    assert!(keys.verify_manager(token, NOW).is_err());
});
