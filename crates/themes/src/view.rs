//! Exactly what a manager sees: visible cells of one scope, no basis, no
//! time finer than the release day.

use chrono::NaiveDate;
use kataloop_tenancy::{ReleaseId, ThemeId};
use serde::Serialize;

use crate::model::Scope;
use crate::release::Release;

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
        let themes: Vec<ManagerTheme> = release
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
        ManagerView::from_parts(release.id, release.released_on, themes)
    }

    /// A view from stored cells; the order is the same as [`ManagerView::of`]
    /// (largest first, then by slug), so every path answers identically.
    pub fn from_parts(
        release_id: ReleaseId,
        released_on: NaiveDate,
        mut themes: Vec<ManagerTheme>,
    ) -> ManagerView {
        themes.sort_by(|a, b| {
            b.contributor_count
                .cmp(&a.contributor_count)
                .then_with(|| a.slug.cmp(&b.slug))
        });
        ManagerView {
            release_id,
            released_on,
            themes,
        }
    }
}
