//! PII redaction on arbitrary input: never panics; findings are ordered,
//! non-overlapping, on char boundaries, scored in 0..=1; the output is
//! exactly the input with each finding replaced by its placeholder; and the
//! JSONL front end answers any line with one line of JSON.
#![no_main]

use kataloop_anonymization::{process_jsonl_line, redact, Policy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let policy = Policy::default();
    let out = redact(text, &policy);
    let mut rebuilt = String::new();
    let mut last_end = 0;
    for f in &out.findings {
        assert!(f.span.start >= last_end, "overlapping or unordered spans");
        assert!(f.span.start < f.span.end, "empty span");
        assert!(f.span.end <= text.len());
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        assert!((0.0..=1.0).contains(&f.score));
        rebuilt.push_str(&text[last_end..f.span.start]);
        rebuilt.push_str(f.kind.placeholder());
        last_end = f.span.end;
    }
    rebuilt.push_str(&text[last_end..]);
    assert_eq!(rebuilt, out.text);

    let line = process_jsonl_line(text, &policy);
    assert!(!line.contains('\n'));
    let v: serde_json::Value = serde_json::from_str(&line).expect("one line of JSON");
    assert!(v.get("redacted").is_some() || v.get("error").is_some());
});
