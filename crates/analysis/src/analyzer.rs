//! The analyzer: theme, sentiment, keyphrases and summary of one ride.

use std::sync::OnceLock;

use serde::Serialize;

use crate::features::{self, theme_stem_bucket, theme_word_bucket};
use crate::lexicon::Lexicon;
use crate::model::{softmax, Model};
use crate::summary;
use crate::taxonomy::Theme;
use crate::text::{is_stopword, tokenize, Kind, Tokens};

/// A secondary theme is reported when its probability reaches this.
pub const SECONDARY_THRESHOLD: f32 = 0.2;

/// Theme classification of a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Classification {
    /// Most likely theme.
    pub theme: Theme,
    /// Calibrated probability of `theme`, in [0, 1].
    pub confidence: f32,
    /// Runner-up theme when its probability is at least `SECONDARY_THRESHOLD`.
    pub secondary_theme: Option<Theme>,
    /// Calibrated probability of every theme, in `Theme::ALL` order.
    pub probabilities: [f32; 12],
}

/// Everything the analyzer says about one ride.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub theme: Theme,
    pub confidence: f32,
    pub secondary_theme: Option<Theme>,
    /// In [-1, 1]: mean of the sentence scores.
    pub sentiment: f32,
    /// Up to three short phrases (one to three words) from the ride.
    pub keyphrases: Vec<String>,
    /// Template paraphrase; never repeats four consecutive words of the ride.
    pub summary: String,
}

/// Classifies, scores and summarises PII-stripped feedback. Cheap to share:
/// all methods take `&self`.
pub struct Analyzer {
    model: Model,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("model", &self.model)
            .finish()
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new(Model::shipped())
    }
}

/// A text prepared once for all analyses.
pub(crate) struct Prepared {
    pub tokens: Tokens,
    pub stems: Vec<String>,
}

impl Prepared {
    pub(crate) fn new(text: &str) -> Prepared {
        let tokens = tokenize(text);
        let stems = features::stems(&tokens.tokens);
        Prepared { tokens, stems }
    }
}

impl Analyzer {
    /// An analyzer over the given weights.
    pub fn new(model: Model) -> Analyzer {
        // Parse the lexicon now rather than on the first ride.
        let _ = Lexicon::get();
        let _ = features::stemmer();
        Analyzer { model }
    }

    /// The process-wide analyzer over the shipped weights.
    pub fn shipped() -> &'static Analyzer {
        static SHIPPED: OnceLock<Analyzer> = OnceLock::new();
        SHIPPED.get_or_init(Analyzer::default)
    }

    /// The weights in use.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Primary theme, calibrated confidence and optional secondary theme.
    pub fn classify(&self, text: &str) -> Classification {
        self.classify_prepared(&Prepared::new(text))
    }

    pub(crate) fn classify_prepared(&self, p: &Prepared) -> Classification {
        let f = features::theme_features(&p.tokens.tokens, &p.stems, &p.tokens.sentences);
        let mut probs = [0f32; 12];
        self.model.theme.logits(&f, &mut probs);
        let t = self.model.temperature;
        for v in probs.iter_mut() {
            *v /= t;
        }
        softmax(&mut probs);
        let mut order: Vec<usize> = (0..12).collect();
        // Stable: ties go to the lower class index.
        order.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]));
        let first = order[0];
        let second = order[1];
        Classification {
            theme: Theme::ALL[first],
            confidence: probs[first].clamp(0.0, 1.0),
            secondary_theme: (probs[second] >= SECONDARY_THRESHOLD).then_some(Theme::ALL[second]),
            probabilities: probs,
        }
    }

    /// Sentiment in [-1, 1]: each sentence is scored by the trained model
    /// (which reads the lexicon as features) and the scores are averaged.
    pub fn sentiment(&self, text: &str) -> f32 {
        self.sentiment_prepared(&Prepared::new(text))
    }

    /// Scores of each sentence, in order.
    pub fn sentence_sentiments(&self, text: &str) -> Vec<f32> {
        self.sentence_scores(&Prepared::new(text))
    }

    /// Sentence scores, with the rules that cross sentence boundaries:
    /// a short politeness formula ("Thanks for asking.") scores 0; a short
    /// praising sentence right after a sarcastic one ("Love that for us.")
    /// is sarcastic too; and a sentence opening with a contrast word ("But
    /// ...") outweighs what came before (VADER's "but" rule, across
    /// sentences). Returns (score, weight) pairs.
    fn weighted_sentence_scores(&self, p: &Prepared) -> Vec<(f32, f32)> {
        let lex = Lexicon::get();
        let toks = &p.tokens.tokens;
        let mut out: Vec<(f32, f32)> = Vec::with_capacity(p.tokens.sentences.len());
        let mut previous_sarcastic = false;
        for s in &p.tokens.sentences {
            let words = toks[s.start..s.end]
                .iter()
                .filter(|t| t.kind == Kind::Word)
                .count();
            if words == 0 {
                continue;
            }
            let reading = lex.score(toks, s);
            let f =
                features::sentiment_features(toks, &p.stems, s.start, s.end, s.questions, &reading);
            let mut probs = [0f32; 3];
            self.model.sentiment.logits(&f, &mut probs);
            softmax(&mut probs);
            let mut score = sentence_score(probs);
            if reading.polite && words <= POLITE_MAX_WORDS && reading.negative == 0.0 {
                score = 0.0;
            }
            if previous_sarcastic && words <= ECHO_MAX_WORDS && score > 0.0 {
                score = -score;
            }
            if CONTRAST_OPENERS.contains(&toks[s.start].norm.as_str()) {
                for (_, w) in out.iter_mut() {
                    *w *= 0.5;
                }
                out.push((score, 1.5));
            } else {
                out.push((score, 1.0));
            }
            previous_sarcastic = reading.sarcasm;
        }
        out
    }

    fn sentence_scores(&self, p: &Prepared) -> Vec<f32> {
        self.weighted_sentence_scores(p)
            .into_iter()
            .map(|(s, _)| s)
            .collect()
    }

    /// Per sentence: lexicon compound and model probabilities (for tuning
    /// and diagnostics; not a stable API).
    #[doc(hidden)]
    pub fn sentence_parts(&self, text: &str) -> Vec<(f32, [f32; 3])> {
        let p = Prepared::new(text);
        let lex = Lexicon::get();
        let toks = &p.tokens.tokens;
        p.tokens
            .sentences
            .iter()
            .filter(|s| toks[s.start..s.end].iter().any(|t| t.kind == Kind::Word))
            .map(|s| {
                let reading = lex.score(toks, s);
                let f = features::sentiment_features(
                    toks,
                    &p.stems,
                    s.start,
                    s.end,
                    s.questions,
                    &reading,
                );
                let mut probs = [0f32; 3];
                self.model.sentiment.logits(&f, &mut probs);
                softmax(&mut probs);
                (reading.compound, probs)
            })
            .collect()
    }

    pub(crate) fn sentiment_prepared(&self, p: &Prepared) -> f32 {
        let scores = self.weighted_sentence_scores(p);
        let total: f32 = scores.iter().map(|(_, w)| w).sum();
        if scores.is_empty() || total <= 0.0 {
            return 0.0;
        }
        let mean = scores.iter().map(|(s, w)| s * w).sum::<f32>() / total;
        if mean.is_finite() {
            mean.clamp(-1.0, 1.0)
        } else {
            0.0
        }
    }

    /// Up to `max` keyphrases of one to three words, most salient first.
    pub fn keyphrases(&self, text: &str, max: usize) -> Vec<String> {
        let p = Prepared::new(text);
        let c = self.classify_prepared(&p);
        self.keyphrases_prepared(&p, c.theme, max)
    }

    pub(crate) fn keyphrases_prepared(
        &self,
        p: &Prepared,
        theme: Theme,
        max: usize,
    ) -> Vec<String> {
        let lex = Lexicon::get();
        let toks = &p.tokens.tokens;
        let class = theme.index();
        // Salience of a word for the ride's theme: its learned weight.
        let word_score = |i: usize| -> f32 {
            let t = &toks[i];
            let w = self.model.theme.weight(theme_word_bucket(&t.norm), class)
                + self
                    .model
                    .theme
                    .weight(theme_stem_bucket(&p.stems[i]), class);
            w.max(0.0) + 0.05
        };
        // Topic words only: no function words, no opinion words ("great",
        // "mess"), no generic verbs.
        let usable = |i: usize| {
            let t = &toks[i];
            t.kind == Kind::Word
                && t.norm.chars().count() >= 3
                && t.norm.chars().count() <= 24
                && !is_stopword(&t.norm)
                && !is_generic(&t.norm)
                && lex.word(&t.norm).is_none_or(|v| v.abs() < 1.0)
        };
        // (score, first token, length)
        let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
        for s in &p.tokens.sentences {
            let mut i = s.start;
            while i < s.end {
                if !usable(i) {
                    i += 1;
                    continue;
                }
                let mut j = i;
                while j < s.end && usable(j) {
                    j += 1;
                }
                for start in i..j {
                    let mut sum = 0.0;
                    for len in 1..=3usize.min(j - start) {
                        sum += word_score(start + len - 1);
                        candidates.push((sum, start, len));
                    }
                }
                i = j;
            }
        }
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut used = vec![false; toks.len()];
        let mut seen_stems: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for (_, start, len) in candidates {
            if out.len() >= max {
                break;
            }
            if used[start..start + len].iter().any(|&u| u) {
                continue;
            }
            let key = p.stems[start..start + len].join(" ");
            if seen_stems.contains(&key) {
                continue;
            }
            used[start..start + len].iter_mut().for_each(|u| *u = true);
            seen_stems.push(key);
            out.push(
                toks[start..start + len]
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        out
    }

    /// Theme, sentiment, keyphrases and a quote-free summary of one ride.
    pub fn analyze(&self, text: &str) -> Analysis {
        let p = Prepared::new(text);
        let c = self.classify_prepared(&p);
        let sentiment = self.sentiment_prepared(&p);
        let keyphrases = self.keyphrases_prepared(&p, c.theme, 3);
        let summary =
            summary::ride_summary(c.theme, c.secondary_theme, sentiment, &keyphrases, text);
        Analysis {
            theme: c.theme,
            confidence: c.confidence,
            secondary_theme: c.secondary_theme,
            sentiment,
            keyphrases,
            summary,
        }
    }

    /// A quote-free summary of one ride.
    pub fn summarize(&self, text: &str) -> String {
        self.analyze(text).summary
    }
}

/// Common verbs and vague nouns that make poor keyphrases.
fn is_generic(w: &str) -> bool {
    const GENERIC: &[&str] = &[
        "ask",
        "asked",
        "asking",
        "bit",
        "came",
        "come",
        "comes",
        "feel",
        "feels",
        "felt",
        "find",
        "found",
        "gave",
        "give",
        "given",
        "goes",
        "going",
        "gone",
        "guess",
        "happen",
        "happened",
        "hear",
        "heard",
        "kept",
        "knew",
        "learn",
        "learned",
        "look",
        "looks",
        "mean",
        "means",
        "put",
        "ran",
        "run",
        "saw",
        "seem",
        "seemed",
        "start",
        "started",
        "talk",
        "talked",
        "tell",
        "thank",
        "thanks",
        "told",
        "took",
        "tried",
        "try",
        "turn",
        "turns",
        "went",
        "work",
        "worked",
        "working",
        "year",
        "years",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "time",
        "times",
        "today",
        "yesterday",
        "tomorrow",
        "people",
        "person",
        "guy",
        "guys",
        "stuff",
        "everybody",
        "somebody",
        "anybody",
        "lately",
        "recently",
        "literally",
    ];
    GENERIC.contains(&w)
}

/// A politeness formula of at most this many words carries no sentiment.
const POLITE_MAX_WORDS: usize = 6;
/// A praising sentence of at most this many words after a sarcastic one
/// echoes the sarcasm.
const ECHO_MAX_WORDS: usize = 5;
/// Sentences opening with these contrast with what came before.
const CONTRAST_OPENERS: &[&str] = &["but", "however", "although", "though", "yet", "still"];

/// One sentence's score from its class probabilities [negative, neutral,
/// positive]. When neutral is the most likely class the score stays inside
/// the neutral band (±0.04), so that factual and polite sentences do not tip
/// a ride; otherwise it is the positive minus the negative probability.
fn sentence_score(p: [f32; 3]) -> f32 {
    let polar = p[2] - p[0];
    if p[1] >= p[0] && p[1] >= p[2] {
        (polar * 0.1).clamp(-0.04, 0.04)
    } else {
        polar.clamp(-1.0, 1.0)
    }
}
