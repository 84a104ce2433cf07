//! Turning aggregate facts into words. The release checks every string a
//! narrator produces; a narrator only proposes.

use std::collections::BTreeSet;

use crate::model::ThemeSlug;
use std::ops::ControlFlow;

use crate::text::for_each_token;

/// Writes the texts of a released cell. Implementations must build their
/// texts from their own fixed templates plus words that `allowed` accepts;
/// the release rejects anything else (guarantee 7).
pub trait Narrator: Send + Sync {
    /// Every word the narrator may write whatever the input (template
    /// words and theme names), lowercase.
    fn fixed_vocabulary(&self) -> BTreeSet<String>;
    /// The theme's display name.
    fn theme_name(&self, theme: &ThemeSlug) -> String;
    /// A paraphrase of one ride: never a quote.
    fn ride_summary(
        &self,
        theme: &ThemeSlug,
        sentiment: f32,
        text: &str,
        allowed: &dyn Fn(&str) -> bool,
    ) -> String;
    /// A description of the theme from what many said.
    fn description(
        &self,
        theme: &ThemeSlug,
        texts: &[&str],
        allowed: &dyn Fn(&str) -> bool,
    ) -> String;
    /// One suggested action.
    fn suggested_action(&self, theme: &ThemeSlug) -> String;
}

/// A template narrator that needs no model: the default, and the one the
/// auditors' suite uses.
#[derive(Debug, Clone, Default)]
pub struct PlainNarrator;

const TEMPLATE_WORDS: &str = "negative mixed positive feedback on theme mentioning and several people raised often with words such as discuss the team agree one concrete change review together";

impl PlainNarrator {
    fn name(theme: &ThemeSlug) -> String {
        let words: Vec<&str> = theme
            .as_str()
            .split('_')
            .filter(|w| !w.is_empty())
            .collect();
        let mut name = words.join(" ");
        if let Some(first) = name.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        name
    }

    fn allowed_words(text: &str, allowed: &dyn Fn(&str) -> bool, max: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for_each_token(text, |word| {
            if word.chars().count() >= 4 && !out.iter().any(|w| w == word) && allowed(word) {
                out.push(word.to_owned());
                if out.len() == max {
                    return ControlFlow::Break(());
                }
            }
            ControlFlow::Continue(())
        });
        out
    }
}

impl Narrator for PlainNarrator {
    fn fixed_vocabulary(&self) -> BTreeSet<String> {
        TEMPLATE_WORDS.split(' ').map(str::to_owned).collect()
    }

    fn theme_name(&self, theme: &ThemeSlug) -> String {
        Self::name(theme)
    }

    fn ride_summary(
        &self,
        theme: &ThemeSlug,
        sentiment: f32,
        text: &str,
        allowed: &dyn Fn(&str) -> bool,
    ) -> String {
        let tone = if sentiment <= -0.05 {
            "Negative"
        } else if sentiment >= 0.05 {
            "Positive"
        } else {
            "Mixed"
        };
        let words = Self::allowed_words(text, allowed, 3);
        let name = Self::name(theme).to_lowercase();
        if words.is_empty() {
            format!("{tone} feedback on {name}.")
        } else {
            format!(
                "{tone} feedback on {name}, mentioning {}.",
                words.join(", ")
            )
        }
    }

    fn description(
        &self,
        theme: &ThemeSlug,
        texts: &[&str],
        allowed: &dyn Fn(&str) -> bool,
    ) -> String {
        // Up to five distinct usable words, taken from each text's first
        // five, in the order the texts come (participant order, never
        // time), listed alphabetically.
        let mut words = BTreeSet::new();
        for text in texts {
            if words.len() == 5 {
                break;
            }
            let want = 5 - words.len();
            words.extend(
                Self::allowed_words(text, allowed, 5)
                    .into_iter()
                    .filter(|w| !words.contains(w))
                    .take(want)
                    .collect::<Vec<_>>(),
            );
        }
        let name = Self::name(theme).to_lowercase();
        let words: Vec<String> = words.into_iter().collect();
        if words.is_empty() {
            format!("Several people raised {name}.")
        } else {
            format!(
                "Several people raised {name}, often with words such as {}.",
                words.join(", ")
            )
        }
    }

    fn suggested_action(&self, theme: &ThemeSlug) -> String {
        format!(
            "Discuss {} with the team and agree on one concrete change.",
            Self::name(theme).to_lowercase()
        )
    }
}
