//! Exactly what a manager sees: visible cells of one scope, no basis, no
//! time finer than the release day.

use chrono::NaiveDate;
use kataloop_tenancy::ThemeId;
use serde::Serialize;

use crate::model::Scope;
use crate::release::{Release, ReleaseId};

/// One visible theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ManagerTheme {
    pub id: ThemeId,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub contributor_count: u32,
    pub sentiment: f32,
    pub confidence: f32,
    pub suggested_action: String,
    pub summaries: Vec<String>,
}

/// The release as one scope's manager sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ManagerView {
    pub release_id: ReleaseId,
    pub released_on: NaiveDate,
    pub themes: Vec<ManagerTheme>,
}

impl ManagerView {
    /// The visible cells of `scope`, largest first, then by slug.
    pub fn of(release: &Release, scope: Scope) -> ManagerView {
        let mut themes: Vec<ManagerTheme> = release
            .visible_cells()
            .filter(|(key, _)| key.scope == scope)
            .map(|(key, cell)| ManagerTheme {
                id: cell.theme_id,
                slug: key.theme.to_string(),
                name: cell.name.clone(),
                description: cell.description.clone(),
                contributor_count: cell.contributor_count,
                sentiment: cell.sentiment,
                confidence: cell.confidence,
                suggested_action: cell.suggested_action.clone(),
                summaries: cell.summaries.clone(),
            })
            .collect();
        themes.sort_by(|a, b| {
            b.contributor_count
                .cmp(&a.contributor_count)
                .then_with(|| a.slug.cmp(&b.slug))
        });
        ManagerView {
            release_id: release.id,
            released_on: release.released_on,
            themes,
        }
    }
}
