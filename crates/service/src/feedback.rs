//! Managers' scoped views and answers, and employees' receipts: the use
//! cases behind `/api/v1/themes`, `/api/v1/themes/{id}/responses` and
//! `/api/v1/receipts/{receipt}`.
//!
//! Guarantee 21: a team, theme or receipt of another tenant is looked up
//! inside the credential's own tenant transaction, where it does not exist,
//! so it answers exactly like an id that exists nowhere.

use chrono::NaiveDate;
use kataloop_store::{responses, rides, teams, ManagerStore, Store, StoreError};
use kataloop_tenancy::{TeamId, TenantId, ThemeId};
use kataloop_themes::ManagerView;

use crate::aggregation::manager_view;
use crate::error::ServiceError;
use crate::submission::{receipt_hash, receipt_tenant};

/// Longest answer a manager may give, in characters.
pub const MAX_RESPONSE_CHARS: usize = 2000;

/// Why a feedback use case refused. Messages carry no personal data.
#[derive(Debug, thiserror::Error)]
pub enum FeedbackError {
    /// Unknown, foreign, or outside the manager's scope: all the same.
    #[error("not found")]
    NotFound,
    /// The request is invalid.
    #[error("{0}")]
    Invalid(&'static str),
    /// Anything else.
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<StoreError> for FeedbackError {
    fn from(e: StoreError) -> Self {
        FeedbackError::Service(ServiceError::Store(e))
    }
}

async fn team_exists(app: &Store, tenant: TenantId, team: TeamId) -> Result<bool, FeedbackError> {
    let found = app
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { teams::get(tx, team).await }))
        .await;
    match found {
        Ok(_) => Ok(true),
        Err(StoreError::NotFound { .. }) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// The scope a manager's request resolves to: a team-scoped credential
/// sees its team only; a tenant-wide one the tenant or any of its teams.
/// A team outside the scope, unknown, or another tenant's is
/// [`FeedbackError::NotFound`].
pub async fn resolve_scope(
    app: &Store,
    tenant: TenantId,
    granted: Option<TeamId>,
    requested: Option<TeamId>,
) -> Result<Option<TeamId>, FeedbackError> {
    match (granted, requested) {
        (Some(mine), Some(asked)) if mine != asked => Err(FeedbackError::NotFound),
        (Some(mine), _) => Ok(Some(mine)),
        (None, None) => Ok(None),
        (None, Some(asked)) => {
            if team_exists(app, tenant, asked).await? {
                Ok(Some(asked))
            } else {
                Err(FeedbackError::NotFound)
            }
        }
    }
}

/// What a manager with `granted` scope sees for `requested` (see
/// [`resolve_scope`]); `None` before the tenant's first release.
///
/// Every view is recorded in the tenant's audit chain with the viewer's
/// token id, the scope and the release id (never the content).
pub async fn scoped_view(
    app: &Store,
    managers: &ManagerStore,
    tenant: TenantId,
    granted: Option<TeamId>,
    requested: Option<TeamId>,
    viewer: &str,
) -> Result<Option<ManagerView>, FeedbackError> {
    let scope = resolve_scope(app, tenant, granted, requested).await?;
    let view = manager_view(managers, tenant, scope).await?;
    let details = serde_json::json!({
        "scope": scope.map_or("tenant".to_owned(), |t| t.to_string()),
        "release_id": view.as_ref().map(|v| v.release_id.to_string()),
    });
    let viewer = viewer.to_owned();
    app.tenant(tenant)
        .transaction(|tx| {
            Box::pin(
                async move { crate::audit::record(tx, &viewer, "manager.view", details).await },
            )
        })
        .await
        .map_err(crate::error::ServiceError::from)?;
    Ok(view)
}

/// Records a manager's answer to a theme cell the manager can see in the
/// latest release (a team-scoped manager: its team's cells; a tenant-wide
/// one: the tenant's and every team's). Anything else is
/// [`FeedbackError::NotFound`].
pub async fn respond(
    app: &Store,
    managers: &ManagerStore,
    tenant: TenantId,
    granted: Option<TeamId>,
    theme: ThemeId,
    body: &str,
) -> Result<responses::ThemeResponse, FeedbackError> {
    // Checked as sent (what the API document states), stored trimmed.
    if !crate::submission::has_content(body) {
        return Err(FeedbackError::Invalid("the answer is empty"));
    }
    if body.chars().count() > MAX_RESPONSE_CHARS {
        return Err(FeedbackError::Invalid("the answer is too long"));
    }
    let body = body.trim_matches(crate::submission::is_blank);
    let mut scopes = vec![granted];
    if granted.is_none() {
        let all = app
            .tenant(tenant)
            .transaction(|tx| Box::pin(async move { teams::list(tx).await }))
            .await?;
        scopes.extend(all.into_iter().map(|t| Some(t.id)));
    }
    let mut visible = false;
    for scope in scopes {
        if let Some(view) = manager_view(managers, tenant, scope).await? {
            if view.themes.iter().any(|t| t.id == theme) {
                visible = true;
                break;
            }
        }
    }
    if !visible {
        return Err(FeedbackError::NotFound);
    }
    let body = body.to_owned();
    Ok(app
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { responses::insert(tx, theme, &body).await }))
        .await?)
}

/// An answer as the employee reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptResponse {
    pub text: String,
    pub answered_on: NaiveDate,
}

/// What a receipt shows its holder: the ride's alias and the answers to
/// its theme (answers exist only for visible themes). No counts, no theme
/// before release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptView {
    pub alias: String,
    pub responses: Vec<ReceiptResponse>,
}

/// Reads a receipt; `None` when it is malformed, unknown, or of a tenant
/// where no ride has it (all alike).
pub async fn read_receipt(app: &Store, receipt: &str) -> Result<Option<ReceiptView>, ServiceError> {
    let Some(tenant) = receipt_tenant(receipt) else {
        return Ok(None);
    };
    let hash = receipt_hash(receipt);
    Ok(app
        .tenant(tenant)
        .transaction(|tx| {
            Box::pin(async move {
                let Some(ride) = rides::by_receipt(tx, &hash).await? else {
                    return Ok::<_, StoreError>(None);
                };
                let answers = match ride.theme {
                    Some(cell) => responses::for_ride(tx, cell, ride.team).await?,
                    None => Vec::new(),
                };
                Ok(Some(ReceiptView {
                    alias: ride.session_alias,
                    responses: answers
                        .into_iter()
                        .map(|r| ReceiptResponse {
                            text: r.body,
                            answered_on: r.created_on,
                        })
                        .collect(),
                }))
            })
        })
        .await?)
}
