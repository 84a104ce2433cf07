//! The live state of a tenant's themes: who contributed to which cell.
//! Internal only: managers never read it (they read releases).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use kataloop_tenancy::{ParticipantId, RideId, TeamId, ThemeId};

use crate::model::{CellKey, Scope, ThemeSlug, ThemesError};
use crate::text::TermId;

/// What the aggregation keeps of one ride: no text, no time.
#[derive(Debug, Clone, PartialEq)]
pub struct RideFacts {
    pub ride: RideId,
    pub participant: ParticipantId,
    /// The team of the credential that submitted it, if any.
    pub team: Option<TeamId>,
    pub theme: ThemeSlug,
    /// In [-1, 1].
    pub sentiment: f32,
    /// The classifier's confidence, in [0, 1].
    pub confidence: f32,
    /// Keyed ids of the stems of every word of the (PII-stripped) ride.
    pub terms: BTreeSet<TermId>,
}

/// What a release needs of a participant's first ride in a cell, kept in
/// the cell itself: counting a cell then reads the cell alone, instead of
/// one scattered lookup per contributor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FirstRide {
    pub(crate) ride: RideId,
    pub(crate) sentiment: f32,
    pub(crate) confidence: f32,
}

/// One cell's contributors: each participant with the first ride that put
/// them there (later rides of theirs in the cell shape nothing).
pub(crate) type Contributors = BTreeMap<ParticipantId, FirstRide>;

/// A tenant's live aggregation state, updated incrementally per ride.
#[derive(Debug, Clone, Default)]
pub struct LiveState {
    // Looked up once per contributor at every release: hashed, not sorted.
    rides: HashMap<RideId, RideFacts>,
    cells: BTreeMap<CellKey, Contributors>,
    cell_ids: BTreeMap<CellKey, ThemeId>,
    team_members: BTreeMap<TeamId, BTreeSet<ParticipantId>>,
    dirty: BTreeSet<CellKey>,
}

impl LiveState {
    /// An empty state.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one ride: in the tenant cell of its theme and, if it has a
    /// team, in that team's cell. O(log n); nothing is recomputed.
    pub fn add_ride(&mut self, facts: RideFacts) -> Result<(), ThemesError> {
        if !(facts.sentiment.is_finite() && (-1.0..=1.0).contains(&facts.sentiment)) {
            return Err(ThemesError::OutOfRange {
                what: "sentiment",
                range: "[-1, 1]",
            });
        }
        if !(facts.confidence.is_finite() && (0.0..=1.0).contains(&facts.confidence)) {
            return Err(ThemesError::OutOfRange {
                what: "confidence",
                range: "[0, 1]",
            });
        }
        if self.rides.contains_key(&facts.ride) {
            return Err(ThemesError::DuplicateRide);
        }
        let mut scopes = vec![Scope::Tenant];
        if let Some(team) = facts.team {
            scopes.push(Scope::Team(team));
            if self
                .team_members
                .entry(team)
                .or_default()
                .insert(facts.participant)
            {
                // A bigger team may become a scope of its own.
                let team_cells: Vec<CellKey> = self
                    .cells
                    .keys()
                    .filter(|k| k.scope == Scope::Team(team))
                    .cloned()
                    .collect();
                self.dirty.extend(team_cells);
            }
        }
        for scope in scopes {
            let key = CellKey {
                scope,
                theme: facts.theme.clone(),
            };
            self.cell_ids
                .entry(key.clone())
                .or_insert_with(ThemeId::random);
            let contributors = self.cells.entry(key.clone()).or_default();
            if let std::collections::btree_map::Entry::Vacant(v) =
                contributors.entry(facts.participant)
            {
                v.insert(FirstRide {
                    ride: facts.ride,
                    sentiment: facts.sentiment,
                    confidence: facts.confidence,
                });
                // Only a new participant can change what a manager sees.
                self.dirty.insert(key);
            }
        }
        self.rides.insert(facts.ride, facts);
        Ok(())
    }

    /// Forgets a participant entirely (erasure): their rides leave every
    /// cell, and those cells are recomputed at the next release.
    pub fn remove_participant(&mut self, participant: ParticipantId) {
        let gone: Vec<RideId> = self
            .rides
            .values()
            .filter(|r| r.participant == participant)
            .map(|r| r.ride)
            .collect();
        for ride in gone {
            self.rides.remove(&ride);
        }
        for (key, contributors) in self.cells.iter_mut() {
            if contributors.remove(&participant).is_some() {
                self.dirty.insert(key.clone());
            }
        }
        for members in self.team_members.values_mut() {
            members.remove(&participant);
        }
    }

    /// Rebuilds the state from storage. Each cell lists its participants
    /// with the ride that first put them there (the only ride that shapes
    /// releases); `rides` holds the facts of those rides (a member whose
    /// ride has no facts cannot be counted and is left out). `dirty` names
    /// the cells that changed since the last release.
    pub fn restore(
        cells: impl IntoIterator<Item = (CellKey, ThemeId, Vec<(ParticipantId, RideId)>)>,
        rides: impl IntoIterator<Item = RideFacts>,
        dirty: impl IntoIterator<Item = CellKey>,
    ) -> LiveState {
        let mut state = LiveState::new();
        for facts in rides {
            if let Some(team) = facts.team {
                state
                    .team_members
                    .entry(team)
                    .or_default()
                    .insert(facts.participant);
            }
            state.rides.insert(facts.ride, facts);
        }
        for (key, id, members) in cells {
            state.cell_ids.insert(key.clone(), id);
            let contributors = state.cells.entry(key).or_default();
            for (participant, ride) in members {
                let Some(facts) = state.rides.get(&ride) else {
                    continue;
                };
                contributors.entry(participant).or_insert(FirstRide {
                    ride,
                    sentiment: facts.sentiment,
                    confidence: facts.confidence,
                });
            }
        }
        state.dirty = dirty.into_iter().collect();
        state
    }

    /// The stable id of a cell.
    pub fn cell_id_of(&self, key: &CellKey) -> Option<ThemeId> {
        self.cell_ids.get(key).copied()
    }

    /// Facts of one counted ride.
    pub fn ride(&self, ride: RideId) -> Option<&RideFacts> {
        self.rides.get(&ride)
    }

    /// How many rides are counted.
    pub fn ride_count(&self) -> usize {
        self.rides.len()
    }

    /// How many distinct participants submitted with this team.
    pub fn team_size(&self, team: TeamId) -> usize {
        self.team_members.get(&team).map_or(0, BTreeSet::len)
    }

    /// Distinct participants of a cell.
    pub fn distinct_participants(&self, key: &CellKey) -> usize {
        self.cells.get(key).map_or(0, Contributors::len)
    }

    /// Every cell with at least one contributor.
    pub fn cell_keys(&self) -> impl Iterator<Item = &CellKey> {
        self.cells.keys()
    }

    /// Cells whose contributors changed since [`LiveState::mark_released`].
    pub fn dirty_cells(&self) -> &BTreeSet<CellKey> {
        &self.dirty
    }

    /// Records that a release has taken every change into account.
    pub fn mark_released(&mut self) {
        self.dirty.clear();
    }

    pub(crate) fn contributors(&self, key: &CellKey) -> Option<&Contributors> {
        self.cells.get(key)
    }

    pub(crate) fn cell_id(&self, key: &CellKey) -> Option<ThemeId> {
        self.cell_ids.get(key).copied()
    }
}
