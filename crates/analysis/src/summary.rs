//! Summaries and suggested actions, from templates only: never a quote.
//!
//! A ride summary is built from the theme, the sentiment and the keyphrases;
//! every candidate is checked with `shares_run_of(candidate, ride, 4)` and
//! the first that passes is used, down to a fallback of at most three words
//! (which can never repeat four words of anything).
//!
//! Per-theme descriptions and actions work from aggregate statistics and
//! mention a term only when the caller's predicate allows it (the themes
//! crate decides which terms are k-anonymous).

use crate::taxonomy::Theme;
use crate::text::{capitalise, shares_run_of};

/// Words of the ride that may not be repeated in a row in a summary.
pub const MAX_SHARED_RUN: usize = 4;

/// How a sentiment score reads in words.
pub fn tone(score: f32) -> &'static str {
    if score <= -0.5 {
        "strongly negative"
    } else if score <= -0.05 {
        "negative"
    } else if score < 0.05 {
        "neutral or mixed"
    } else if score < 0.5 {
        "positive"
    } else {
        "strongly positive"
    }
}

fn short_label(theme: Theme) -> &'static str {
    match theme {
        Theme::Workload => "Workload",
        Theme::Process => "Processes",
        Theme::Management => "Management",
        Theme::Compensation => "Pay",
        Theme::CareerGrowth => "Career growth",
        Theme::Communication => "Communication",
        Theme::Tools => "Tools",
        Theme::Collaboration => "Collaboration",
        Theme::Recognition => "Recognition",
        Theme::WorkLifeBalance => "Flexibility",
        Theme::PsychologicalSafety => "Respect",
        Theme::Onboarding => "Onboarding",
    }
}

fn short_tone(score: f32) -> &'static str {
    if score <= -0.05 {
        "negative"
    } else if score < 0.05 {
        "mixed"
    } else {
        "positive"
    }
}

/// The anonymized summary of one ride. Never shares a run of
/// `MAX_SHARED_RUN` words with `ride`.
pub fn ride_summary(
    theme: Theme,
    secondary: Option<Theme>,
    sentiment: f32,
    keyphrases: &[String],
    ride: &str,
) -> String {
    let lead = match secondary {
        Some(s) => format!(
            "{} feedback about {}, also touching on {}.",
            capitalise(tone(sentiment)),
            theme.topic(),
            s.topic()
        ),
        None => format!(
            "{} feedback about {}.",
            capitalise(tone(sentiment)),
            theme.topic()
        ),
    };
    let plain = format!(
        "{} feedback about {}.",
        capitalise(tone(sentiment)),
        theme.topic()
    );
    let mut candidates = Vec::new();
    for n in (1..=keyphrases.len().min(3)).rev() {
        candidates.push(format!(
            "{lead} Points raised: {}.",
            keyphrases[..n].join("; ")
        ));
    }
    candidates.push(lead.clone());
    candidates.push(plain);
    candidates.push(format!(
        "Feedback on {}: {}.",
        theme.topic(),
        short_tone(sentiment)
    ));
    for c in candidates {
        if !shares_run_of(&c, ride, MAX_SHARED_RUN) {
            return c;
        }
    }
    // At most three words: cannot repeat a run of four.
    format!("{}: {}.", short_label(theme), short_tone(sentiment))
}

/// Aggregate statistics of one theme over many rides (computed by the
/// caller; no ride text enters here).
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeStats {
    pub theme: Theme,
    /// Number of rides in the theme.
    pub rides: usize,
    /// Mean sentiment of those rides, in [-1, 1].
    pub mean_sentiment: f32,
    /// Share of those rides with negative sentiment, in [0, 1].
    pub negative_share: f32,
    /// Candidate terms, most frequent first; only those the caller's
    /// predicate allows are ever mentioned.
    pub terms: Vec<String>,
}

fn allowed_terms<'a>(
    stats: &'a ThemeStats,
    allowed: &dyn Fn(&str) -> bool,
    max: usize,
) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for t in &stats.terms {
        let t = t.trim();
        if t.is_empty() || out.contains(&t) {
            continue;
        }
        if allowed(t) {
            out.push(t);
        }
        if out.len() >= max {
            break;
        }
    }
    out
}

fn join_terms(terms: &[&str]) -> String {
    match terms {
        [] => String::new(),
        [a] => format!("\"{a}\""),
        [rest @ .., last] => format!(
            "{} and \"{last}\"",
            rest.iter()
                .map(|t| format!("\"{t}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// A short description of a theme from aggregate statistics, mentioning
/// only terms for which `allowed` returns true.
pub fn describe_theme(stats: &ThemeStats, allowed: &dyn Fn(&str) -> bool) -> String {
    let theme = stats.theme;
    let share = (stats.negative_share.clamp(0.0, 1.0) * 100.0).round() as u32;
    let rides = if stats.rides == 1 {
        String::from("1 ride")
    } else {
        format!("{} rides", stats.rides)
    };
    let mut out = format!(
        "{}: {rides}, overall tone {}; {share}% of them negative.",
        theme.display_name(),
        tone(if stats.mean_sentiment.is_finite() {
            stats.mean_sentiment
        } else {
            0.0
        }),
    );
    let terms = allowed_terms(stats, allowed, 4);
    if !terms.is_empty() {
        out.push_str(&format!(" Frequent terms: {}.", join_terms(&terms)));
    }
    out
}

/// A suggested action for a theme from aggregate statistics, mentioning only
/// terms for which `allowed` returns true. Mostly negative themes get the
/// theme's first (most direct) action; mixed ones the second; mostly
/// positive ones are told to keep what works.
pub fn suggest_action(stats: &ThemeStats, allowed: &dyn Fn(&str) -> bool) -> String {
    let actions = stats.theme.suggested_actions();
    let mean = if stats.mean_sentiment.is_finite() {
        stats.mean_sentiment
    } else {
        0.0
    };
    let mut out = if mean >= 0.05 && stats.negative_share < 0.3 {
        format!(
            "Feedback on {} is mostly positive: find out what works and keep it.",
            stats.theme.topic()
        )
    } else if stats.negative_share >= 0.6 {
        actions[0].to_owned()
    } else {
        actions[1.min(actions.len() - 1)].to_owned()
    };
    let terms = allowed_terms(stats, allowed, 3);
    if !terms.is_empty() {
        out.push_str(&format!(
            " Start with what came up most: {}.",
            join_terms(&terms)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_avoids_quotes_even_of_its_own_template() {
        let ride = "Negative feedback about workload. Points raised: overtime.";
        let s = ride_summary(Theme::Workload, None, -0.3, &["overtime".into()], ride);
        assert!(!shares_run_of(&s, ride, 4), "{s}");
    }

    #[test]
    fn only_allowed_terms_are_mentioned() {
        let stats = ThemeStats {
            theme: Theme::Tools,
            rides: 12,
            mean_sentiment: -0.4,
            negative_share: 0.75,
            terms: vec!["vpn".into(), "secret project".into(), "laptops".into()],
        };
        let allow = |t: &str| t != "secret project";
        let d = describe_theme(&stats, &allow);
        let a = suggest_action(&stats, &allow);
        for text in [&d, &a] {
            assert!(text.contains("vpn") && text.contains("laptops"), "{text}");
            assert!(!text.contains("secret"), "{text}");
        }
        let none = describe_theme(&stats, &|_| false);
        assert!(!none.contains("vpn"));
    }
}
