use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexBuilder};

use crate::text::is_word_char;

/// Default minimum confidence a finding needs to be reported.
pub const DEFAULT_MIN_SCORE: f32 = 0.5;

/// Why a policy could not be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PolicyError {
    /// An employee-id pattern is not a valid regular expression (or too big).
    #[error("invalid employee-id pattern {pattern:?}: {reason}")]
    InvalidPattern { pattern: String, reason: String },
    /// An employee-id pattern matches the empty string, so it would match
    /// everywhere.
    #[error("employee-id pattern {0:?} matches the empty string")]
    EmptyMatch(String),
    /// A custom term or roster name that is blank.
    #[error("custom terms and roster names must not be blank")]
    BlankTerm,
    /// The minimum score is not a number in 0..=1.
    #[error("min_score must be within 0.0..=1.0, got {0}")]
    InvalidMinScore(f32),
}

/// Exact, ASCII-case-insensitive matching of a tenant's list of terms, at
/// word boundaries.
#[derive(Debug, Clone)]
pub(crate) struct TermMatcher {
    automaton: AhoCorasick,
}

impl TermMatcher {
    fn new(terms: &[String]) -> Result<Option<Self>, PolicyError> {
        let mut cleaned = Vec::with_capacity(terms.len());
        for term in terms {
            let t = term.trim();
            if t.is_empty() {
                return Err(PolicyError::BlankTerm);
            }
            cleaned.push(t.to_owned());
        }
        if cleaned.is_empty() {
            return Ok(None);
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&cleaned)
            .map_err(|e| PolicyError::InvalidPattern {
                pattern: "<terms>".to_owned(),
                reason: e.to_string(),
            })?;
        Ok(Some(Self { automaton }))
    }

    /// Byte ranges of whole-word matches.
    pub(crate) fn find(&self, text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for m in self.automaton.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let before_ok = text[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word_char(c));
            let after_ok = text[e..].chars().next().is_none_or(|c| !is_word_char(c));
            if before_ok && after_ok {
                out.push((s, e));
            }
        }
        out
    }
}

/// A tenant's redaction policy: extra employee-id shapes, custom terms
/// (codenames, small-office names), an optional roster of names and the
/// minimum confidence to report. Build it with [`Policy::builder`];
/// [`Policy::default`] is the built-in engine alone.
#[derive(Debug, Clone)]
pub struct Policy {
    pub(crate) min_score: f32,
    pub(crate) employee_id_patterns: Vec<Regex>,
    pub(crate) custom_terms: Option<TermMatcher>,
    pub(crate) roster: Option<TermMatcher>,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            min_score: DEFAULT_MIN_SCORE,
            employee_id_patterns: Vec::new(),
            custom_terms: None,
            roster: None,
        }
    }
}

impl Policy {
    /// Starts a policy from the defaults.
    pub fn builder() -> PolicyBuilder {
        PolicyBuilder::default()
    }

    /// The minimum confidence a finding needs to be reported.
    pub fn min_score(&self) -> f32 {
        self.min_score
    }
}

/// Builds a [`Policy`]; see each method. Nothing is validated until
/// [`PolicyBuilder::build`].
#[derive(Debug, Clone, Default)]
pub struct PolicyBuilder {
    min_score: Option<f32>,
    employee_id_patterns: Vec<String>,
    custom_terms: Vec<String>,
    roster: Vec<String>,
}

impl PolicyBuilder {
    /// Adds a tenant employee-id shape as a regular expression (Rust `regex`
    /// syntax, e.g. `ACME-\d{6}`). Matches must stand alone: a match touching
    /// a letter or digit on either side is ignored.
    pub fn employee_id_pattern(mut self, pattern: impl Into<String>) -> Self {
        self.employee_id_patterns.push(pattern.into());
        self
    }

    /// Adds a custom term (project codename, small office name), matched
    /// case-insensitively (ASCII) as whole words and reported as `CUSTOM`.
    pub fn custom_term(mut self, term: impl Into<String>) -> Self {
        self.custom_terms.push(term.into());
        self
    }

    /// Adds several custom terms.
    pub fn custom_terms<I, S>(mut self, terms: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.custom_terms.extend(terms.into_iter().map(Into::into));
        self
    }

    /// Adds a roster name (for example "Priya Raman", or just "Priya"),
    /// matched exactly (ASCII case-insensitive, whole words) and reported as
    /// `PERSON` with score 1.0.
    pub fn roster_name(mut self, name: impl Into<String>) -> Self {
        self.roster.push(name.into());
        self
    }

    /// Adds several roster names.
    pub fn roster<I, S>(mut self, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.roster.extend(names.into_iter().map(Into::into));
        self
    }

    /// Sets the minimum confidence (0.0..=1.0, default 0.5). Lower means
    /// more redaction.
    pub fn min_score(mut self, score: f32) -> Self {
        self.min_score = Some(score);
        self
    }

    /// Validates and compiles the policy.
    pub fn build(self) -> Result<Policy, PolicyError> {
        let min_score = self.min_score.unwrap_or(DEFAULT_MIN_SCORE);
        if !(0.0..=1.0).contains(&min_score) {
            return Err(PolicyError::InvalidMinScore(min_score));
        }
        let mut patterns = Vec::with_capacity(self.employee_id_patterns.len());
        for p in &self.employee_id_patterns {
            let re = RegexBuilder::new(p)
                .size_limit(1 << 20)
                .dfa_size_limit(1 << 20)
                .build()
                .map_err(|e| PolicyError::InvalidPattern {
                    pattern: p.clone(),
                    reason: e.to_string(),
                })?;
            if re.is_match("") {
                return Err(PolicyError::EmptyMatch(p.clone()));
            }
            patterns.push(re);
        }
        Ok(Policy {
            min_score,
            employee_id_patterns: patterns,
            custom_terms: TermMatcher::new(&self.custom_terms)?,
            roster: TermMatcher::new(&self.roster)?,
        })
    }
}
