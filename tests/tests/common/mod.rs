//! Set-up shared by the integration suites.
#![allow(dead_code)]

use kataloop_store::tenants;
use kataloop_tenancy::{DisplayName, Domain, TenantId, TenantSettings};
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
