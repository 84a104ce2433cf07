//! Runs the recognizers, resolves overlaps, propagates detected values to
//! their other occurrences, and redacts.

use std::ops::Range;

use crate::lexicon::{self, LEXICON};
use crate::recognizers::{self, Candidate};
use crate::text::{char_at, char_before, fold_key, is_word_char, tokenize};
use crate::{PiiKind, Policy};

/// One detected piece of personal information.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Byte offsets into the input, on char boundaries, end exclusive.
    pub span: Range<usize>,
    /// What was found.
    pub kind: PiiKind,
    /// Confidence in 0.0..=1.0.
    pub score: f32,
}

/// Redacted text and what was removed.
#[derive(Debug, Clone, PartialEq)]
pub struct Redacted {
    /// The input with each finding replaced by its placeholder (`[PERSON]`).
    pub text: String,
    /// The findings, sorted and non-overlapping, with byte offsets into the
    /// input.
    pub findings: Vec<Finding>,
}

/// Longest input looked at in one piece; longer inputs are processed in
/// chunks cut at whitespace so that work stays linear.
const CHUNK: usize = 64 * 1024;

/// Finds personal information in `text`. The findings are sorted by start,
/// never overlap, lie on char boundaries, and every other occurrence of a
/// detected value (as a whole word) is reported too.
pub fn detect(text: &str, policy: &Policy) -> Vec<Finding> {
    if text.len() <= CHUNK {
        return detect_chunk(text, policy);
    }
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + CHUNK).min(text.len());
        while end < text.len() && !text.is_char_boundary(end) {
            end += 1;
        }
        if end < text.len() {
            // Cut after the last whitespace of the chunk when there is one.
            if let Some(ws) = text[start..end].rfind(char::is_whitespace) {
                if ws > 0 {
                    end = start + ws;
                }
            }
        }
        for f in detect_chunk(&text[start..end], policy) {
            out.push(Finding {
                span: f.span.start + start..f.span.end + start,
                kind: f.kind,
                score: f.score,
            });
        }
        start = end;
    }
    // Values found in one chunk are propagated across the whole text.
    propagate(text, out)
}

fn detect_chunk(text: &str, policy: &Policy) -> Vec<Finding> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    let mut cands: Vec<Candidate> = Vec::new();
    recognizers::patterns::find(text, policy, &mut cands);
    let tokens = tokenize(text);
    recognizers::names::find(text, &tokens, policy, &mut cands);
    recognizers::self_identifying::find(text, &tokens, &mut cands);
    if let Some(terms) = &policy.custom_terms {
        for (s, e) in terms.find(text) {
            cands.push(Candidate::new(s, e, PiiKind::Custom, 1.0));
        }
    }
    cands.retain(|c| {
        c.score >= policy.min_score
            && c.start < c.end
            && c.end <= text.len()
            && text.is_char_boundary(c.start)
            && text.is_char_boundary(c.end)
    });
    let findings = resolve(cands);
    propagate(text, findings)
}

/// Which of two overlapping candidates names the merged span: the longer,
/// then the more confident, then the more specific kind.
fn better(a: &Candidate, b: &Candidate) -> bool {
    let (la, lb) = (a.end - a.start, b.end - b.start);
    (la, a.score, a.kind.priority()) > (lb, b.score, b.kind.priority())
}

/// Merges overlapping candidates into sorted, disjoint findings.
fn resolve(mut cands: Vec<Candidate>) -> Vec<Finding> {
    cands.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Finding> = Vec::with_capacity(cands.len());
    let mut iter = cands.into_iter();
    let Some(mut best) = iter.next() else {
        return out;
    };
    let (mut s, mut e) = (best.start, best.end);
    for c in iter {
        if c.start < e {
            e = e.max(c.end);
            if better(&c, &best) {
                best = c;
            }
            continue;
        }
        out.push(Finding {
            span: s..e,
            kind: best.kind,
            score: best.score,
        });
        best = c;
        s = c.start;
        e = c.end;
    }
    out.push(Finding {
        span: s..e,
        kind: best.kind,
        score: best.score,
    });
    out
}

/// Is byte offset `i` a boundary for a propagated occurrence: text edge,
/// a non-word character on that side, or the edge of a finding?
fn edge_ok(text: &str, findings: &[Finding], i: usize, left: bool) -> bool {
    let neighbour = if left {
        char_before(text, i)
    } else {
        char_at(text, i)
    };
    match neighbour {
        None => true,
        Some(c) if !is_word_char(c) => true,
        Some(_) => findings.iter().any(|f| {
            if left {
                f.span.end == i
            } else {
                f.span.start == i
            }
        }),
    }
}

/// Every other whole-word occurrence of a detected value is a finding too,
/// so that the redacted text never shows a detected value. Repeats until no
/// occurrence is left (new findings can create new word edges).
fn propagate(text: &str, mut findings: Vec<Finding>) -> Vec<Finding> {
    if findings.is_empty() {
        return findings;
    }
    let lower = text.to_ascii_lowercase();
    let mut key = String::new();
    for _round in 0..8 {
        let mut values: Vec<(String, bool, PiiKind, f32)> = Vec::new();
        for f in &findings {
            let v = &text[f.span.clone()];
            if v.trim().is_empty() || values.iter().any(|(w, ..)| w == v) {
                continue;
            }
            // Ambiguous words ("Will") propagate only with the same case.
            fold_key(v, &mut key);
            let case_sensitive =
                f.kind == PiiKind::Person && LEXICON.flags(&key) & lexicon::WORD != 0;
            values.push((v.to_owned(), case_sensitive, f.kind, f.score));
        }
        let mut added: Vec<Candidate> = Vec::new();
        for (v, case_sensitive, kind, score) in &values {
            let (hay, needle) = if *case_sensitive {
                (text, v.clone())
            } else {
                (lower.as_str(), v.to_ascii_lowercase())
            };
            let mut from = 0;
            while let Some(pos) = hay.get(from..).and_then(|h| h.find(needle.as_str())) {
                let s = from + pos;
                let e = s + needle.len();
                let overlaps = findings.iter().any(|f| f.span.start < e && s < f.span.end)
                    || added.iter().any(|c| c.start < e && s < c.end);
                if !overlaps
                    && text.is_char_boundary(s)
                    && text.is_char_boundary(e)
                    && edge_ok(text, &findings, s, true)
                    && edge_ok(text, &findings, e, false)
                {
                    added.push(Candidate::new(s, e, *kind, *score));
                }
                from = s + text[s..].chars().next().map_or(1, char::len_utf8);
            }
        }
        if added.is_empty() {
            break;
        }
        let mut all: Vec<Candidate> = findings
            .iter()
            .map(|f| Candidate::new(f.span.start, f.span.end, f.kind, f.score))
            .collect();
        all.extend(added);
        findings = resolve(all);
    }
    findings
}

/// Replaces every finding of [`detect`] with its placeholder (`[PERSON]`,
/// `[EMAIL]`, ...).
pub fn redact(text: &str, policy: &Policy) -> Redacted {
    let findings = detect(text, policy);
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for f in &findings {
        out.push_str(&text[last..f.span.start]);
        out.push_str(f.kind.placeholder());
        last = f.span.end;
    }
    out.push_str(&text[last..]);
    Redacted {
        text: out,
        findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_merges_overlaps_and_keeps_the_longest_kind() {
        let cands = vec![
            Candidate::new(0, 5, PiiKind::Person, 0.9),
            Candidate::new(3, 12, PiiKind::SelfIdentifying, 0.8),
            Candidate::new(20, 25, PiiKind::Phone, 0.7),
            Candidate::new(20, 25, PiiKind::UsSsn, 0.7),
        ];
        let f = resolve(cands);
        assert_eq!(f.len(), 2);
        assert_eq!(
            (f[0].span.clone(), f[0].kind),
            (0..12, PiiKind::SelfIdentifying)
        );
        assert_eq!(f[1].kind, PiiKind::UsSsn);
    }

    #[test]
    fn propagation_covers_other_occurrences() {
        let text = "My lead Kasia fought for me; thank you kasia.";
        let f = detect(text, &Policy::default());
        let values: Vec<&str> = f.iter().map(|f| &text[f.span.clone()]).collect();
        assert_eq!(values, ["Kasia", "kasia"]);
    }

    #[test]
    fn long_input_is_chunked_without_losing_findings() {
        let mut text = "filler words here. ".repeat(5000);
        text.push_str("write to jane.doe@example.org please");
        let f = detect(&text, &Policy::default());
        assert_eq!(f.len(), 1);
        assert_eq!(&text[f[0].span.clone()], "jane.doe@example.org");
    }
}
