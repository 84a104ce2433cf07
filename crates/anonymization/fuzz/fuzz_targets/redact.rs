//! Fuzzes `redact` (and the JSONL line processor) with arbitrary bytes:
//! nothing may panic, findings must be sorted, disjoint and on char
//! boundaries, and the output must be the input with findings replaced.
#![no_main]

use kataloop_anonymization::{process_jsonl_line, redact, Policy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let policy = Policy::default();
    let r = redact(&text, &policy);
    let mut last = 0;
    let mut rebuilt = String::new();
    for f in &r.findings {
        assert!(f.span.start >= last && f.span.start < f.span.end && f.span.end <= text.len());
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        rebuilt.push_str(&text[last..f.span.start]);
        rebuilt.push_str(f.kind.placeholder());
        last = f.span.end;
    }
    rebuilt.push_str(&text[last..]);
    assert_eq!(rebuilt, r.text);
    let _ = process_jsonl_line(&text, &policy);
});
