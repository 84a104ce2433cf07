//! Property tests over arbitrary Unicode input.

use kataloop_anonymization::{detect, process_jsonl_line, redact, Finding, Policy};
use proptest::prelude::*;

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The text left in the clear: the pieces between findings.
fn clear_segments<'a>(text: &'a str, findings: &[Finding]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut last = 0;
    for f in findings {
        out.push(&text[last..f.span.start]);
        last = f.span.end;
    }
    out.push(&text[last..]);
    out
}

/// Does `value` occur in `segment` as a whole word (segment edges count as
/// word edges, since a placeholder stands there)?
fn occurs_as_word(segment: &str, value: &str) -> bool {
    if value.is_empty() {
        return false;
    }
    segment.match_indices(value).any(|(s, v)| {
        let e = s + v.len();
        segment[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !word_char(c))
            && segment[e..].chars().next().is_none_or(|c| !word_char(c))
    })
}

fn texts() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        // Realistic pieces glued together with arbitrary separators, so the
        // recognizers actually fire.
        prop::collection::vec(
            prop_oneof![
                Just("Sarah".to_owned()),
                Just("my manager dave".to_owned()),
                Just("jane.doe@example.com".to_owned()),
                Just("+44 20 7946 0958".to_owned()),
                Just("4111 1111 1111 1111".to_owned()),
                Just("GB33BUKB20201555555555".to_owned()),
                Just("10.0.0.1".to_owned()),
                Just("@jsmith".to_owned()),
                Just("E12345".to_owned()),
                Just("born on 3 July 1990".to_owned()),
                Just("as the only designer on the team".to_owned()),
                Just("https://x.io/a".to_owned()),
                Just("[PERSON]".to_owned()),
                any::<String>(),
                "[a-zA-Z0-9 .,@:/'-]{0,12}",
            ],
            0..12,
        )
        .prop_map(|parts| parts.join(" ")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// For any input, detection never panics, every finding lies on char
    /// boundaries inside the text, findings are sorted and do not overlap,
    /// and each score is within 0..=1.
    #[test]
    fn findings_are_well_formed(text in texts()) {
        let findings = detect(&text, &Policy::default());
        let mut last_end = 0;
        for f in &findings {
            prop_assert!(f.span.start < f.span.end);
            prop_assert!(f.span.end <= text.len());
            prop_assert!(text.is_char_boundary(f.span.start));
            prop_assert!(text.is_char_boundary(f.span.end));
            prop_assert!(f.span.start >= last_end, "overlap or unsorted: {:?}", findings);
            prop_assert!((0.0..=1.0).contains(&f.score));
            last_end = f.span.end;
        }
    }

    /// For any input, the redacted output shows no detected value as a whole
    /// word anywhere outside the placeholders, and it is exactly the input
    /// with each finding replaced by its placeholder.
    #[test]
    fn redaction_never_shows_a_detected_value(text in texts()) {
        let r = redact(&text, &Policy::default());
        let segments = clear_segments(&text, &r.findings);
        for f in &r.findings {
            let value = &text[f.span.clone()];
            for seg in &segments {
                prop_assert!(!occurs_as_word(seg, value), "{value:?} left in {seg:?}");
            }
        }
        let mut rebuilt = String::new();
        for (i, seg) in segments.iter().enumerate() {
            rebuilt.push_str(seg);
            if let Some(f) = r.findings.get(i) {
                rebuilt.push_str(f.kind.placeholder());
            }
        }
        prop_assert_eq!(rebuilt, r.text);
    }

    /// For any line of input, the JSONL processor returns one line of valid
    /// JSON with either "redacted" or "error", and never panics.
    #[test]
    fn jsonl_always_answers_with_one_json_line(line in any::<String>(), text in texts()) {
        let policy = Policy::default();
        for input in [line, serde_json::json!({"id": "x", "text": text}).to_string()] {
            let out = process_jsonl_line(&input, &policy);
            prop_assert!(!out.contains('\n'));
            let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
            prop_assert!(v.get("redacted").is_some() || v.get("error").is_some());
        }
    }
}
