//! Measures the engine against a labelled corpus: per-kind and overall
//! precision and recall, and the character-level leak rate.
//!
//! Matching is by overlap: a labelled span counts as found when a finding
//! overlaps it (of the same kind for the per-kind figures, of any kind for
//! "any PII"); a finding counts as correct when it overlaps a labelled span
//! (same kind, or any kind for "any PII"). The leak rate is exact: the
//! fraction of labelled PII characters (code points) not covered by any
//! finding. The over-redaction rate is its mirror: the fraction of redacted
//! characters that were not labelled PII.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;

use crate::engine::detect;
use crate::text::char_offset;
use crate::{PiiKind, Policy};

/// A labelled span, in code points of its text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LabelSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The kind label.
    #[serde(rename = "type")]
    pub kind: PiiKind,
}

/// One labelled text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct LabelledText {
    /// Identifier within the corpus.
    pub id: String,
    /// Where the text comes from ("template" or "hand").
    #[serde(default)]
    pub source: String,
    /// The text.
    pub text: String,
    /// Its PII spans.
    pub spans: Vec<LabelSpan>,
}

/// A corpus line that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("corpus line {line}: {reason}")]
pub struct CorpusError {
    /// 1-based line number.
    pub line: usize,
    /// What was wrong.
    pub reason: String,
}

/// Parses a JSONL corpus (blank lines ignored).
pub fn load_corpus(jsonl: &str) -> Result<Vec<LabelledText>, CorpusError> {
    let mut out = Vec::new();
    for (i, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let t: LabelledText = serde_json::from_str(line).map_err(|e| CorpusError {
            line: i + 1,
            reason: e.to_string(),
        })?;
        let n = t.text.chars().count();
        if t.spans.iter().any(|s| s.start >= s.end || s.end > n) {
            return Err(CorpusError {
                line: i + 1,
                reason: "span out of range".to_owned(),
            });
        }
        out.push(t);
    }
    Ok(out)
}

/// Counts behind precision and recall.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Labelled spans.
    pub gold: usize,
    /// Labelled spans found.
    pub gold_found: usize,
    /// Findings.
    pub predicted: usize,
    /// Findings that overlap a labelled span.
    pub predicted_correct: usize,
    /// Characters inside labelled spans (per kind, a character under two
    /// labelled spans counts twice; overall, once).
    pub pii_chars: usize,
    /// Of those, characters that no finding of any kind covers.
    pub leaked_chars: usize,
}

impl Counts {
    /// Found / labelled (1.0 when nothing was labelled).
    pub fn recall(&self) -> f64 {
        ratio(self.gold_found, self.gold)
    }
    /// Correct / predicted (1.0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_correct, self.predicted)
    }
    /// Leaked / labelled characters (0.0 when nothing was labelled).
    pub fn leak_rate(&self) -> f64 {
        if self.pii_chars == 0 {
            0.0
        } else {
            self.leaked_chars as f64 / self.pii_chars as f64
        }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A labelled span that no finding overlapped, or a finding that overlapped
/// no labelled span.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    /// Corpus id of the text.
    pub id: String,
    /// The kind (labelled or predicted).
    pub kind: PiiKind,
    /// The text of the span.
    pub value: String,
}

/// The evaluation result.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Texts evaluated.
    pub texts: usize,
    /// Per-kind counts (same-kind matching).
    pub per_kind: BTreeMap<PiiKind, Counts>,
    /// Any-PII counts (any-kind matching).
    pub overall: Counts,
    /// Labelled PII characters.
    pub pii_chars: usize,
    /// Labelled PII characters not covered by any finding.
    pub leaked_chars: usize,
    /// Characters covered by findings.
    pub redacted_chars: usize,
    /// Redacted characters that were not labelled PII.
    pub over_redacted_chars: usize,
    /// Labelled spans not found (any kind).
    pub false_negatives: Vec<Miss>,
    /// Findings that overlapped nothing labelled.
    pub false_positives: Vec<Miss>,
    /// Labelled spans found but not fully covered (the value is the whole
    /// labelled span).
    pub partial: Vec<Miss>,
}

impl Report {
    /// Fraction of PII characters left in the clear (each character once,
    /// however many labelled spans cover it).
    pub fn leak_rate(&self) -> f64 {
        self.overall.leak_rate()
    }

    /// Fraction of redacted characters that were not PII.
    pub fn over_redaction_rate(&self) -> f64 {
        if self.redacted_chars == 0 {
            0.0
        } else {
            self.over_redacted_chars as f64 / self.redacted_chars as f64
        }
    }

    /// A plain-text table of the figures.
    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "texts: {}", self.texts);
        let _ = writeln!(
            s,
            "{:<18} {:>5} {:>9} {:>9} {:>7} {:>7}",
            "type", "gold", "precision", "recall", "f1", "leak"
        );
        for (kind, c) in &self.per_kind {
            let _ = writeln!(
                s,
                "{:<18} {:>5} {:>9.3} {:>9.3} {:>7.3} {:>7.3}",
                kind.label(),
                c.gold,
                c.precision(),
                c.recall(),
                c.f1(),
                c.leak_rate()
            );
        }
        let o = &self.overall;
        let _ = writeln!(
            s,
            "{:<18} {:>5} {:>9.3} {:>9.3} {:>7.3}",
            "ANY_PII",
            o.gold,
            o.precision(),
            o.recall(),
            o.f1()
        );
        let _ = writeln!(
            s,
            "leak rate (PII chars not covered): {:.4} ({} of {})",
            self.leak_rate(),
            self.leaked_chars,
            self.pii_chars
        );
        let _ = writeln!(
            s,
            "over-redaction (redacted chars not PII): {:.4} ({} of {})",
            self.over_redaction_rate(),
            self.over_redacted_chars,
            self.redacted_chars
        );
        s
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Runs [`detect`] over the corpus and scores it.
pub fn evaluate(corpus: &[LabelledText], policy: &Policy) -> Report {
    let mut r = Report {
        texts: corpus.len(),
        ..Report::default()
    };
    for kind in PiiKind::ALL {
        r.per_kind.insert(kind, Counts::default());
    }
    for item in corpus {
        let found: Vec<(usize, usize, PiiKind)> = detect(&item.text, policy)
            .into_iter()
            .map(|f| {
                (
                    char_offset(&item.text, f.span.start),
                    char_offset(&item.text, f.span.end),
                    f.kind,
                )
            })
            .collect();
        let chars: Vec<char> = item.text.chars().collect();
        let value = |s: usize, e: usize| {
            chars[s.min(chars.len())..e.min(chars.len())]
                .iter()
                .collect()
        };
        let n = chars.len();
        let mut gold_mask = vec![false; n];
        let mut pred_mask = vec![false; n];
        for g in &item.spans {
            gold_mask[g.start..g.end.min(n)]
                .iter_mut()
                .for_each(|m| *m = true);
        }
        for &(s, e, _) in &found {
            pred_mask[s..e.min(n)].iter_mut().for_each(|m| *m = true);
        }
        for g in &item.spans {
            let any = found
                .iter()
                .any(|&(s, e, _)| overlaps((s, e), (g.start, g.end)));
            let same = found
                .iter()
                .any(|&(s, e, k)| k == g.kind && overlaps((s, e), (g.start, g.end)));
            r.overall.gold += 1;
            r.overall.gold_found += usize::from(any);
            let leaked = pred_mask[g.start.min(n)..g.end.min(n)]
                .iter()
                .filter(|p| !**p)
                .count();
            let c = r.per_kind.entry(g.kind).or_default();
            c.gold += 1;
            c.gold_found += usize::from(same);
            c.pii_chars += g.end.min(n) - g.start.min(n);
            c.leaked_chars += leaked;
            if !any {
                r.false_negatives.push(Miss {
                    id: item.id.clone(),
                    kind: g.kind,
                    value: value(g.start, g.end),
                });
            } else if pred_mask[g.start..g.end.min(n)].iter().any(|p| !p) {
                r.partial.push(Miss {
                    id: item.id.clone(),
                    kind: g.kind,
                    value: value(g.start, g.end),
                });
            }
        }
        for &(s, e, k) in &found {
            let any = item
                .spans
                .iter()
                .any(|g| overlaps((s, e), (g.start, g.end)));
            let same = item
                .spans
                .iter()
                .any(|g| g.kind == k && overlaps((s, e), (g.start, g.end)));
            r.overall.predicted += 1;
            r.overall.predicted_correct += usize::from(any);
            let c = r.per_kind.entry(k).or_default();
            c.predicted += 1;
            c.predicted_correct += usize::from(same);
            if !any {
                r.false_positives.push(Miss {
                    id: item.id.clone(),
                    kind: k,
                    value: value(s, e),
                });
            }
        }
        for (g, p) in gold_mask.iter().zip(&pred_mask) {
            r.pii_chars += usize::from(*g);
            r.leaked_chars += usize::from(*g && !*p);
            r.overall.pii_chars += usize::from(*g);
            r.overall.leaked_chars += usize::from(*g && !*p);
            r.redacted_chars += usize::from(*p);
            r.over_redacted_chars += usize::from(*p && !*g);
        }
    }
    r
}

/// The tenant configuration the development corpus assumes: the employee-id
/// shape `ACME-` + six digits and the custom terms used in the corpus
/// (codenames and a small office). No roster: names are found by the
/// built-in recognizers alone.
pub fn dev_policy() -> Policy {
    Policy::builder()
        .employee_id_pattern(r"ACME-\d{6}")
        .custom_terms([
            "Nightjar",
            "Project Halcyon",
            "Bluefin",
            "Keswick",
            "Tromsø",
        ])
        .build()
        .unwrap_or_default()
}

/// The corpus texts joined into messages of at least `min_bytes` (the
/// throughput benchmarks use ≈500-byte messages).
pub fn messages(corpus: &[LabelledText], min_bytes: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for item in corpus {
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&item.text);
        if current.len() >= min_bytes {
            out.push(std::mem::take(&mut current));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leak_is_counted_per_kind_and_overall() {
        // "Call Dr Smith on 020 7946 0958": the name is found, and the
        // phone number is found; a made-up label over "Call" is leaked.
        let corpus = load_corpus(concat!(
            r#"{"id":"a","source":"t","text":"Call Dr Smith on 020 7946 0958 today.","#,
            r#""spans":[{"start":0,"end":4,"type":"CUSTOM"},{"start":8,"end":13,"type":"PERSON"},"#,
            r#"{"start":17,"end":30,"type":"PHONE"}]}"#
        ))
        .expect("corpus parses");
        let r = evaluate(&corpus, &Policy::default());
        let custom = r.per_kind[&PiiKind::Custom];
        assert_eq!((custom.pii_chars, custom.leaked_chars), (4, 4));
        let person = r.per_kind[&PiiKind::Person];
        assert_eq!((person.pii_chars, person.leaked_chars), (5, 0));
        assert_eq!((r.overall.pii_chars, r.overall.leaked_chars), (22, 4));
        assert!((r.leak_rate() - 4.0 / 22.0).abs() < 1e-9);
        assert!((custom.leak_rate() - 1.0).abs() < 1e-9);
    }
}
