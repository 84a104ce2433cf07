//! k-anonymous aggregation over the store: recording contributions on the
//! submission path, running releases, and reading what managers see.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use std::sync::Arc;

use kataloop_crypto::TenantKeyring;
use kataloop_store::{
    contributions, releases, rides, tenants, themes, ManagerStore, Store, StoreError, TenantTx,
};
use kataloop_tenancy::{ParticipantId, ReleaseId, RideId, TeamId, TenantId, ThemeId};
use kataloop_themes::{
    compute_release, terms_of, CellKey, LiveState, ManagerTheme, ManagerView, Narrator, Release,
    ReleaseInput, ReleasedCell, RideFacts, Scope, TermKey, ThemeSlug,
};
use ring::rand::SecureRandom;

use crate::error::ServiceError;

/// Counts a stored ride towards its theme: in the tenant's cell and, with a
/// team, in the team's cell. Runs inside the submission's transaction, so a
/// ride and its contribution commit together. Incremental: O(1) statements.
pub async fn record_contribution(
    tx: &mut TenantTx<'_>,
    ride: RideId,
    participant: ParticipantId,
    team: Option<TeamId>,
    theme: &ThemeSlug,
) -> Result<(), StoreError> {
    let tenant_cell = themes::ensure_cell(tx, theme.as_str(), None).await?;
    contributions::record(tx, tenant_cell, participant, ride).await?;
    if let Some(team) = team {
        let team_cell = themes::ensure_cell(tx, theme.as_str(), Some(team)).await?;
        contributions::record(tx, team_cell, participant, ride).await?;
    }
    Ok(())
}

/// Where a release reads the PII-stripped text of the rides it rebuilds.
#[derive(Clone)]
pub enum RideTexts {
    /// Open the stored sealed conversations with the tenant's keyring.
    Sealed(Arc<TenantKeyring>),
    /// Texts given by the caller (tests, imports).
    Given(Arc<dyn Fn(RideId) -> Option<String> + Send + Sync>),
}

impl std::fmt::Debug for RideTexts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            RideTexts::Sealed(_) => "RideTexts::Sealed",
            RideTexts::Given(_) => "RideTexts::Given",
        })
    }
}

/// What a release needs besides the store.
#[derive(Clone)]
pub struct ReleaseRequest {
    /// The epoch being released (a day; nothing finer reaches managers).
    pub released_on: NaiveDate,
    pub narrator: Arc<dyn Narrator>,
    /// The tenant's key for term ids.
    pub term_key: Arc<TermKey>,
    pub texts: RideTexts,
}

impl std::fmt::Debug for ReleaseRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReleaseRequest")
            .field("released_on", &self.released_on)
            .finish_non_exhaustive()
    }
}

/// The outcome of a release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseOutcome {
    pub id: ReleaseId,
    pub seq: i64,
    pub released_on: NaiveDate,
    /// How many cells managers can see now.
    pub visible_cells: usize,
}

/// Runs a release for one tenant in one transaction: loads the live state
/// and the previous release, computes the next one with all defences of
/// `kataloop-themes`, and stores it. Only cells that changed since the last
/// release are rebuilt (all of them when k changed).
pub async fn release_tenant(
    store: &Store,
    tenant: TenantId,
    request: &ReleaseRequest,
) -> Result<ReleaseOutcome, ServiceError> {
    let request = request.clone();
    let mut seed = [0u8; 32];
    ring::rand::SystemRandom::new()
        .fill(&mut seed)
        .map_err(|_| ServiceError::Random)?;
    store
        .tenant(tenant)
        .transaction(|tx| Box::pin(async move { release_in(tx, &request, seed).await }))
        .await
}

async fn release_in(
    tx: &mut TenantTx<'_>,
    request: &ReleaseRequest,
    seed: [u8; 32],
) -> Result<ReleaseOutcome, ServiceError> {
    let k = tenants::get(tx).await?.settings.k;
    let cells = themes::list(tx).await?;
    let all_contributions = contributions::list(tx).await?;
    let previous_header = releases::latest(tx).await?;
    let k_changed = previous_header.as_ref().is_some_and(|h| h.k != k);

    let mut key_of: BTreeMap<ThemeId, CellKey> = BTreeMap::new();
    let mut dirty = BTreeSet::new();
    for cell in &cells {
        let theme =
            ThemeSlug::new(&cell.slug).map_err(|e| ServiceError::Inconsistent(e.to_string()))?;
        let key = CellKey {
            scope: cell.team.map_or(Scope::Tenant, Scope::Team),
            theme,
        };
        if cell.dirty {
            dirty.insert(key.clone());
        }
        key_of.insert(cell.id, key);
    }

    // Members of each cell, with their first ride; and who stood behind the
    // figures last shown.
    let mut members: BTreeMap<ThemeId, Vec<(ParticipantId, RideId)>> = BTreeMap::new();
    let mut basis: BTreeMap<ThemeId, BTreeSet<ParticipantId>> = BTreeMap::new();
    let mut texts_needed: BTreeSet<RideId> = BTreeSet::new();
    for c in &all_contributions {
        members
            .entry(c.cell)
            .or_default()
            .push((c.participant, c.first_ride));
        if c.released_seq.is_some() {
            basis.entry(c.cell).or_default().insert(c.participant);
        }
        if k_changed || key_of.get(&c.cell).is_some_and(|k| dirty.contains(k)) {
            texts_needed.insert(c.first_ride);
        }
    }
    let first_rides: Vec<RideId> = all_contributions
        .iter()
        .map(|c| c.first_ride)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let slug_of_ride: BTreeMap<RideId, ThemeSlug> = all_contributions
        .iter()
        .filter_map(|c| key_of.get(&c.cell).map(|k| (c.first_ride, k.theme.clone())))
        .collect();
    let mut texts: BTreeMap<RideId, String> = BTreeMap::new();
    let mut facts = Vec::with_capacity(first_rides.len());
    for ride in rides::get_many(tx, &first_rides).await? {
        let theme = slug_of_ride
            .get(&ride.id)
            .cloned()
            .ok_or_else(|| ServiceError::Inconsistent("a contribution without its cell".into()))?;
        let terms = if texts_needed.contains(&ride.id) {
            let text = match &request.texts {
                RideTexts::Given(f) => f(ride.id),
                RideTexts::Sealed(keyring) => open_text(keyring, tx.tenant(), &ride),
            };
            let terms = text
                .as_deref()
                .map(|t| terms_of(t, &request.term_key))
                .unwrap_or_default();
            if let Some(text) = text {
                texts.insert(ride.id, text);
            }
            terms
        } else {
            BTreeSet::new()
        };
        facts.push(RideFacts {
            ride: ride.id,
            participant: ride.participant,
            team: ride.team,
            theme,
            sentiment: ride.sentiment.unwrap_or(0.0).clamp(-1.0, 1.0),
            confidence: ride.confidence.unwrap_or(0.0).clamp(0.0, 1.0),
            terms,
        });
    }
    // A contribution whose first ride is gone would silently shrink a cell
    // (and look like an erasure to the delta rule): refuse instead. The
    // schema's foreign key already forbids it; this is defence in depth for
    // a database changed by hand.
    if facts.len() != first_rides.len() {
        return Err(ServiceError::Inconsistent(
            "a contribution's first ride is missing".into(),
        ));
    }
    let live = LiveState::restore(
        cells.iter().filter_map(|c| {
            key_of
                .get(&c.id)
                .map(|k| (k.clone(), c.id, members.remove(&c.id).unwrap_or_default()))
        }),
        facts,
        dirty,
    );

    let previous = match &previous_header {
        None => None,
        Some(header) => {
            let stored = releases::cells(tx, header.id, false).await?;
            let mut figures = BTreeMap::new();
            let mut visible = BTreeSet::new();
            for cell in stored {
                let Some(key) = key_of.get(&cell.cell) else {
                    continue;
                };
                if cell.visible {
                    visible.insert(key.clone());
                }
                figures.insert(
                    key.clone(),
                    ReleasedCell {
                        theme_id: cell.cell,
                        contributor_count: u32::try_from(cell.contributor_count).unwrap_or(0),
                        sentiment: cell.sentiment,
                        confidence: cell.confidence,
                        name: cell.name,
                        description: cell.description,
                        suggested_action: cell.suggested_action,
                        summaries: cell.summaries,
                        basis: basis.remove(&cell.cell).unwrap_or_default(),
                    },
                );
            }
            Some(Release {
                id: header.id,
                released_on: header.released_on,
                k: header.k,
                figures,
                visible,
            })
        }
    };

    let release = compute_release(
        &live,
        &ReleaseInput {
            id: ReleaseId::random(),
            previous: previous.as_ref(),
            k,
            released_on: request.released_on,
            shuffle_seed: seed,
            narrator: request.narrator.as_ref(),
            term_key: request.term_key.as_ref(),
            ride_text: &|r| texts.get(&r).cloned(),
        },
    );

    let seq = previous_header.as_ref().map_or(1, |h| h.seq + 1);
    let header = releases::ReleaseHeader {
        id: release.id,
        seq,
        released_on: release.released_on,
        k,
    };
    let stored: Vec<releases::StoredCell> = release
        .figures
        .iter()
        .map(|(key, cell)| releases::StoredCell {
            cell: cell.theme_id,
            visible: release.visible.contains(key),
            contributor_count: i32::try_from(cell.contributor_count).unwrap_or(i32::MAX),
            sentiment: cell.sentiment,
            confidence: cell.confidence,
            name: cell.name.clone(),
            description: cell.description.clone(),
            suggested_action: cell.suggested_action.clone(),
            summaries: cell.summaries.clone(),
        })
        .collect();
    releases::insert(tx, &header, &stored).await?;
    for cell in release.figures.values() {
        let basis: Vec<ParticipantId> = cell.basis.iter().copied().collect();
        contributions::mark_released(tx, cell.theme_id, &basis, seq).await?;
    }
    let visible_ids: Vec<ThemeId> = release
        .visible_cells()
        .map(|(_, cell)| cell.theme_id)
        .collect();
    themes::mark_released(tx, &visible_ids).await?;
    tracing::info!(seq, visible = visible_ids.len(), "release stored");
    Ok(ReleaseOutcome {
        id: release.id,
        seq,
        released_on: release.released_on,
        visible_cells: visible_ids.len(),
    })
}

/// The employee text of a stored ride, opened with the keyring; `None` if
/// it cannot be opened (then only template wording is used for it).
fn open_text(keyring: &TenantKeyring, tenant: TenantId, ride: &rides::Ride) -> Option<String> {
    let plain = keyring
        .open(
            &ride.conversation_ciphertext,
            &crate::keys::conversation_context(tenant, ride.id),
        )
        .ok()?;
    let conversation: crate::submission::SealedConversation =
        serde_json::from_slice(&plain).ok()?;
    Some(conversation.employee_text())
}

/// Exactly what a manager of `scope` sees: the visible cells of the
/// tenant's latest release, read through the managers' role. `None` before
/// the first release.
pub async fn manager_view(
    store: &ManagerStore,
    tenant: TenantId,
    scope: Option<TeamId>,
) -> Result<Option<ManagerView>, ServiceError> {
    let Some(release) = store.latest_release(tenant, scope).await? else {
        return Ok(None);
    };
    let themes = release
        .cells
        .into_iter()
        .map(|c| ManagerTheme {
            id: c.theme_id,
            slug: c.slug,
            name: c.name,
            description: c.description,
            contributor_count: u32::try_from(c.contributor_count).unwrap_or(0),
            sentiment: c.sentiment,
            confidence: c.confidence,
            suggested_action: c.suggested_action,
            summaries: c.summaries,
        })
        .collect();
    Ok(Some(ManagerView::from_parts(
        release.id,
        release.released_on,
        themes,
    )))
}
