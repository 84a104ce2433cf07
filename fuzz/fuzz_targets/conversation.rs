//! Conversation JSON as the submission endpoint and the release read it:
//! parsing and validation never panic, and a conversation that passes
//! validation survives a JSON round trip unchanged.
#![no_main]

use kataloop_analysis::Turn;
use kataloop_service::submission::{Pipeline, SealedConversation};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(turns) = serde_json::from_slice::<Vec<Turn>>(data) {
        if Pipeline::validate(&turns).is_ok() {
            let again: Vec<Turn> =
                serde_json::from_str(&serde_json::to_string(&turns).expect("serialise"))
                    .expect("round trip");
            assert_eq!(again, turns);
        }
    }
    if let Ok(sealed) = serde_json::from_slice::<SealedConversation>(data) {
        let _ = sealed.employee_text();
    }
});
