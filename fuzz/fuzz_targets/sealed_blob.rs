//! Opening arbitrary bytes as a sealed value: never panics and never
//! yields plaintext (forging a blob means forging AES-GCM's tag), and a
//! genuine blob with any byte changed is refused.
#![no_main]

use kataloop_crypto::{SealContext, TenantKeyring};
use kataloop_tenancy::TenantId;
use libfuzzer_sys::fuzz_target;

thread_local! {
    static RING: TenantKeyring =
        TenantKeyring::generate(TenantId::from_uuid(uuid::Uuid::from_u128(42))).expect("keyring");
}

fuzz_target!(|data: &[u8]| {
    RING.with(|ring| {
        let ctx = SealContext::new(ring.tenant(), uuid::Uuid::from_u128(7), "conversation");
        assert!(ring.open(data, &ctx).is_err(), "forged blob opened");
        // A genuine blob of the input, then one byte flipped.
        let sealed = ring.seal(data, &ctx).expect("seal");
        assert_eq!(ring.open(&sealed, &ctx).expect("open"), data);
        if !sealed.is_empty() {
            let mut bad = sealed.clone();
            let i = data.first().map_or(0, |b| usize::from(*b)) % bad.len();
            bad[i] ^= 0x01;
            assert!(ring.open(&bad, &ctx).is_err(), "tampered blob opened");
        }
    });
});
