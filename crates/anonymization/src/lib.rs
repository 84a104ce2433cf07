//! Offline, deterministic detection and redaction of personal information in
//! workplace feedback.
//!
//! In the spirit of Microsoft Presidio: recognizers (regular expressions,
//! word lists), validators (Luhn, mod-97, SSN ranges, IP parsing), context
//! words that raise or lower a confidence score, and a resolver that turns
//! overlapping candidates into sorted, non-overlapping findings. Beyond
//! Presidio it knows workplace text: lowercase and all-caps names after cue
//! words ("my manager dave"), employee ids, @handles, dates of birth (and
//! only of birth), self-identifying phrases ("as the only designer on the
//! platform team") and per-tenant terms and rosters.
//!
//! Nothing here touches the network, spawns threads or reads files: the word
//! lists are compiled in (`data/`, see its NOTICE).
//!
//! ```
//! use kataloop_anonymization::{redact, Policy};
//! let out = redact("my manager dave (dave.k@acme.com) moved the retro again", &Policy::default());
//! assert_eq!(out.text, "my manager [PERSON] ([EMAIL]) moved the retro again");
//! ```
#![forbid(unsafe_code)]

mod engine;
pub mod evaluation;
mod jsonl;
mod kind;
mod lexicon;
mod policy;
mod recognizers;
mod text;

pub use engine::{detect, redact, Finding, Redacted};
pub use jsonl::{process_jsonl_line, JsonlInput, JsonlOutput, JsonlSpan};
pub use kind::{PiiKind, UnknownKind};
pub use policy::{Policy, PolicyBuilder, PolicyError, DEFAULT_MIN_SCORE};
