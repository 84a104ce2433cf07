//! Data regions: each tenant is pinned to a region, and each region has its
//! own database. The deployment maps regions to databases with environment
//! variables: `DATABASE_URL` serves the default region (`us-east-1`, or
//! `KATALOOP_DEFAULT_REGION`), and `KATALOOP_REGION_<NAME>_DATABASE_URL`
//! adds region `<name>` (upper case, `_` for `-`: `EU_CENTRAL_1` is
//! `eu-central-1`). A tenant's rows live only in its region's database.

use kataloop_store::{tenants, DatabaseConfig, Store, StoreError};
use kataloop_tenancy::{DataRegion, TenantId};

use crate::error::ServiceError;

const PREFIX: &str = "KATALOOP_REGION_";
const SUFFIX: &str = "_DATABASE_URL";

/// The runtime-login URLs of the extra regions among environment pairs, as
/// `(NAME, url)`: `KATALOOP_REGION_<NAME>_DATABASE_URL`, but not the
/// managers' `KATALOOP_REGION_<NAME>_MANAGER_DATABASE_URL`. The one reading
/// of these variables, for the server, the admin tool and [`Regions`].
pub fn region_database_urls(
    vars: impl IntoIterator<Item = (String, String)>,
) -> Vec<(String, String)> {
    vars.into_iter()
        .filter_map(|(name, value)| {
            let region = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
            (!region.ends_with("_MANAGER")).then(|| (region.to_owned(), value))
        })
        .collect()
}

/// The databases of a deployment, by region; the first is the default.
#[derive(Clone)]
pub struct Regions {
    stores: Vec<(DataRegion, Store, String)>,
}

impl std::fmt::Debug for Regions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // URLs may carry passwords: only region names.
        f.debug_list()
            .entries(self.stores.iter().map(|(r, _, _)| r))
            .finish()
    }
}

impl Regions {
    /// Builds the region map from a default URL and `(name, value)`
    /// environment pairs (pass `std::env::vars()`).
    pub fn from_env(
        default_url: &str,
        vars: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Regions, ServiceError> {
        let vars: Vec<(String, String)> = vars.into_iter().collect();
        let mut default_region = DataRegion::default();
        if let Some((_, value)) = vars.iter().find(|(n, _)| n == "KATALOOP_DEFAULT_REGION") {
            default_region =
                DataRegion::new(value).map_err(|e| ServiceError::Invalid(e.to_string()))?;
        }
        let mut extra = Vec::new();
        for (region, value) in region_database_urls(vars) {
            let name = region.clone();
            let region = DataRegion::new(&region.to_ascii_lowercase().replace('_', "-"))
                .map_err(|e| ServiceError::Invalid(format!("{PREFIX}{name}{SUFFIX}: {e}")))?;
            extra.push((region, value));
        }
        let mut stores = vec![(
            default_region.clone(),
            connect(default_url)?,
            default_url.to_owned(),
        )];
        extra.sort_by(|a, b| a.0.cmp(&b.0));
        for (region, url) in extra {
            if region == default_region {
                return Err(ServiceError::Invalid(format!(
                    "region {region} is the default region; configure it with DATABASE_URL only"
                )));
            }
            stores.push((region, connect(&url)?, url));
        }
        Ok(Regions { stores })
    }

    /// The database of `region`.
    pub fn store(&self, region: &DataRegion) -> Result<&Store, ServiceError> {
        self.stores
            .iter()
            .find(|(r, _, _)| r == region)
            .map(|(_, s, _)| s)
            .ok_or_else(|| {
                ServiceError::Invalid(format!("no database is configured for region {region}"))
            })
    }

    /// Every region with its database, the default first.
    pub fn all(&self) -> impl Iterator<Item = (&DataRegion, &Store)> {
        self.stores.iter().map(|(r, s, _)| (r, s))
    }

    /// The database (and its URL) that holds `tenant`, looked up region by
    /// region.
    pub async fn locate(&self, tenant: TenantId) -> Result<(&Store, &str), ServiceError> {
        for (_, store, url) in &self.stores {
            let found = store
                .tenant(tenant)
                .transaction(|tx| Box::pin(async move { tenants::get(tx).await }))
                .await;
            match found {
                Ok(_) => return Ok((store, url)),
                Err(StoreError::NotFound { .. }) => continue,
                Err(e) => return Err(e.into()),
            }
        }
        Err(StoreError::NotFound { what: "tenant" }.into())
    }
}

fn connect(url: &str) -> Result<Store, ServiceError> {
    Ok(Store::connect(&DatabaseConfig::new(url))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_come_from_the_environment() {
        let vars = vec![
            (
                "KATALOOP_REGION_EU_CENTRAL_1_DATABASE_URL".to_owned(),
                "postgres://u@127.0.0.1/eu".to_owned(),
            ),
            // The managers' login of the same region is no region of its own.
            (
                "KATALOOP_REGION_EU_CENTRAL_1_MANAGER_DATABASE_URL".to_owned(),
                "postgres://m@127.0.0.1/eu".to_owned(),
            ),
            ("UNRELATED".to_owned(), "x".to_owned()),
        ];
        let regions = Regions::from_env("postgres://u@127.0.0.1/us", vars).unwrap();
        let names: Vec<String> = regions.all().map(|(r, _)| r.to_string()).collect();
        assert_eq!(names, ["us-east-1", "eu-central-1"]);
        assert!(regions
            .store(&DataRegion::new("ap-south-1").unwrap())
            .is_err());
    }

    #[test]
    fn bad_region_names_are_refused() {
        let vars = vec![(
            "KATALOOP_REGION_EU CENTRAL_DATABASE_URL".to_owned(),
            "postgres://u@h/db".to_owned(),
        )];
        assert!(Regions::from_env("postgres://u@127.0.0.1/us", vars).is_err());
        let dup = vec![(
            "KATALOOP_REGION_US_EAST_1_DATABASE_URL".to_owned(),
            "postgres://u@h/db".to_owned(),
        )];
        assert!(Regions::from_env("postgres://u@127.0.0.1/us", dup).is_err());
    }
}
