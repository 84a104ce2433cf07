//! The narrator used in production: the themes crate's template wording,
//! with the analysis taxonomy's display names, descriptions and suggested
//! actions. Every word it may write comes from those fixed texts, so its
//! fixed vocabulary is known exactly (guarantee 7).

use std::collections::BTreeSet;

use kataloop_analysis::Theme;
use kataloop_themes::{tokens, Narrator, PlainNarrator, ThemeSlug};

/// Template narrator over the built-in taxonomy.
#[derive(Debug, Clone, Default)]
pub struct CatalogNarrator;

fn theme(slug: &ThemeSlug) -> Option<Theme> {
    Theme::from_slug(slug.as_str()).ok()
}

impl Narrator for CatalogNarrator {
    fn fixed_vocabulary(&self) -> BTreeSet<String> {
        let mut words = PlainNarrator.fixed_vocabulary();
        for t in Theme::ALL {
            words.extend(tokens(t.display_name()));
            words.extend(tokens(t.description()));
            for action in t.suggested_actions() {
                words.extend(tokens(action));
            }
        }
        words
    }

    fn theme_name(&self, slug: &ThemeSlug) -> String {
        theme(slug).map_or_else(
            || PlainNarrator.theme_name(slug),
            |t| t.display_name().to_owned(),
        )
    }

    fn ride_summary(
        &self,
        slug: &ThemeSlug,
        sentiment: f32,
        text: &str,
        allowed: &dyn Fn(&str) -> bool,
    ) -> String {
        PlainNarrator.ride_summary(slug, sentiment, text, allowed)
    }

    fn description(
        &self,
        slug: &ThemeSlug,
        texts: &[&str],
        allowed: &dyn Fn(&str) -> bool,
    ) -> String {
        match theme(slug) {
            Some(t) => {
                let common = PlainNarrator.description(slug, texts, allowed);
                format!("{} {}", t.description(), common)
            }
            None => PlainNarrator.description(slug, texts, allowed),
        }
    }

    fn suggested_action(&self, slug: &ThemeSlug) -> String {
        theme(slug)
            .and_then(|t| t.suggested_actions().first().map(|a| (*a).to_owned()))
            .unwrap_or_else(|| PlainNarrator.suggested_action(slug))
    }
}
