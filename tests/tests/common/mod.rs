//! Set-up shared by the integration suites.
#![allow(dead_code)]

use kataloop_store::{rides, tenants};
use kataloop_tenancy::{DisplayName, Domain, ParticipantId, RideId, TenantId, TenantSettings};
use kataloop_testkit::TestDatabase;

/// Creates a tenant through the operators' role, as the admin binary does.
pub async fn create_tenant(db: &TestDatabase, domain: &str) -> TenantId {
    let id = TenantId::random();
    let new = tenants::NewTenant {
        name: DisplayName::new(domain).unwrap(),
        domain: Domain::new(domain).unwrap(),
        settings: TenantSettings::default(),
    };
    db.owner_store()
        .tenant(id)
        .transaction(|tx| Box::pin(async move { tenants::create(tx, &new).await }))
        .await
        .unwrap();
    id
}

/// A processed ride of `participant` with a one-byte "ciphertext" and no
/// analysis: override the fields a test cares about with `..ride(p)`.
pub fn ride(participant: ParticipantId) -> rides::NewRide {
    rides::NewRide {
        id: RideId::random(),
        participant,
        session_alias: "Quiet Owl".into(),
        team: None,
        conversation_ciphertext: vec![1],
        key_version: 1,
        theme: None,
        sentiment: None,
        confidence: None,
        anonymized_summary: None,
        status: rides::RideStatus::Processed,
        receipt_hash: None,
    }
}
