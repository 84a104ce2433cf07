//! k-anonymous theme aggregation: what a manager may learn from many
//! people's feedback without learning who said what.
//!
//! The privacy unit is the *participant* (one person in one tenant), never a
//! ride. Submissions update a [`LiveState`] incrementally; managers never
//! read it. They read a [`Release`]: a snapshot computed at a release epoch
//! by [`compute_release`], which applies three defences on top of the plain
//! threshold, because a threshold alone is beaten by repetition,
//! subtraction and timing:
//!
//! - **repetition**: each participant counts once per cell, and only their
//!   first ride in a cell shapes what is shown (guarantees 2, 3);
//! - **subtraction**: complementary suppression over tenant → team, so no
//!   hidden count is `parent − Σ visible children` in `1..k` (guarantee 4);
//!   teams with fewer than k known participants are never a scope (5);
//! - **timing**: released figures change only at an epoch and only when at
//!   least k new participants stand behind the change (guarantee 6).
//!
//! Words reach a manager only if at least k participants of the cell used
//! them or they belong to the narrator's fixed template vocabulary, and no
//! run of 4 words of a contributing ride is ever shown (guarantee 7).
#![forbid(unsafe_code)]

mod live;
mod model;
mod narrator;
mod release;
mod text;
mod view;

pub use kataloop_tenancy::ReleaseId;
pub use live::{LiveState, RideFacts};
pub use model::{CellKey, Scope, ThemeSlug, ThemesError};
pub use narrator::{Narrator, PlainNarrator};
pub use release::{aggregate, compute_release, Aggregation, Release, ReleaseInput, ReleasedCell};
pub use text::{for_each_token, shares_run, stem, terms_of, tokens, TermId, TermKey};
pub use view::{ManagerTheme, ManagerView};
