//! Meaning from PII-stripped workplace feedback, offline and deterministic.
//!
//! - Themes: a built-in taxonomy of twelve themes ([`Theme`]) and a trained
//!   classifier (multinomial logistic regression over hashed word, stem,
//!   stem-bigram and character-trigram features) whose 8-bit weights ship
//!   in the crate ([`Model::shipped`]) and can be rebuilt from the corpus
//!   with [`train`] (byte-identical). [`Analyzer::classify`] gives the
//!   primary theme, a calibrated confidence and an optional secondary theme.
//! - Sentiment in [-1, 1]: each sentence is scored by a trained 3-class
//!   model that reads the vendored VADER lexicon, a workplace lexicon and
//!   negation/sarcasm/politeness rules as features; the ride score is the
//!   mean of its sentences ([`Analyzer::sentiment`]).
//! - Guided conversation: [`next_question`] proposes the next neutral,
//!   theme-aware follow-up, at most three per ride.
//! - Summaries that never quote: [`Analyzer::summarize`] paraphrases from
//!   templates and is checked with [`shares_run_of`]; [`describe_theme`] and
//!   [`suggest_action`] work from aggregate statistics and only mention
//!   terms the caller allows.
//! - Emerging themes: [`Analyzer::emerging_themes`] groups low-confidence
//!   feedback by keywords used by at least k contributors.
//! - An optional language-model backend ([`LanguageModel`]) whose output
//!   passes the same checks; its HTTP client is behind the `llm` feature.
//! - The `analyze --jsonl` line format: [`process_jsonl_line`].
#![forbid(unsafe_code)]

mod analyzer;
mod emerging;
mod features;
mod guide;
mod jsonl;
mod lexicon;
mod llm;
mod model;
mod summary;
mod taxonomy;
mod text;

pub use analyzer::{Analysis, Analyzer, Classification, SECONDARY_THRESHOLD};
pub use emerging::{EmergingInput, EmergingTheme, FITS_BUILT_IN};
pub use guide::{
    next_question, question_bank, Role, Turn, ENOUGH_WORDS, MAX_FOLLOW_UPS, OPENING_QUESTION,
};
pub use jsonl::{process_jsonl_line, MAX_TEXT_BYTES};
#[cfg(feature = "llm")]
pub use llm::OpenAiCompatible;
pub use llm::{
    check_llm_summary, llm_summary, looks_like_pii, ChatMessage, LanguageModel, LlmError,
};
pub use model::{parse_corpus, train, CorpusError, LabelledText, Model, ModelError, Polarity};
pub use summary::{describe_theme, ride_summary, suggest_action, tone, ThemeStats, MAX_SHARED_RUN};
pub use taxonomy::{Theme, UnknownTheme};
pub use text::{shares_run_of, words};
