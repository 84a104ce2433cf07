//! Behaviour named in the issue, through the public API.

use kataloop_anonymization::{detect, redact, PiiKind, Policy, PolicyError};

fn found(text: &str, policy: &Policy) -> Vec<(String, PiiKind)> {
    detect(text, policy)
        .into_iter()
        .map(|f| (text[f.span].to_owned(), f.kind))
        .collect()
}

fn default_found(text: &str) -> Vec<(String, PiiKind)> {
    found(text, &Policy::default())
}

#[test]
fn detects_every_kind() {
    use PiiKind::*;
    let cases: &[(&str, &str, PiiKind)] = &[
        ("talk to Priya Raman about it", "Priya Raman", Person),
        (
            "mail jane.doe@example.com now",
            "jane.doe@example.com",
            Email,
        ),
        (
            "call me on +44 20 7946 0958 later",
            "+44 20 7946 0958",
            Phone,
        ),
        (
            "see https://www.linkedin.com/in/jdoe for more",
            "https://www.linkedin.com/in/jdoe",
            Url,
        ),
        ("host 10.12.0.44 is open", "10.12.0.44", IpAddress),
        (
            "via 2001:db8::8a2e:370:7334 too",
            "2001:db8::8a2e:370:7334",
            IpAddress,
        ),
        (
            "card 4111 1111 1111 1111 declined",
            "4111 1111 1111 1111",
            CreditCard,
        ),
        (
            "pay DE89 3704 0044 0532 0130 00 today",
            "DE89 3704 0044 0532 0130 00",
            Iban,
        ),
        ("my SSN 512-44-9871 leaked", "512-44-9871", UsSsn),
        ("id E12345 here", "E12345", EmployeeId),
        ("id EMP-004521 here", "EMP-004521", EmployeeId),
        ("id emp#7781 here", "emp#7781", EmployeeId),
        (
            "I was born on 3 July 1990 in Lagos",
            "3 July 1990",
            DateOfBirth,
        ),
        (
            "I live at 14 Wellington Road now",
            "14 Wellington Road",
            StreetAddress,
        ),
        ("ping @jsmith on Slack", "@jsmith", Handle),
        (
            "As the only designer on the platform team, I'm ignored.",
            "the only designer on the platform team",
            SelfIdentifying,
        ),
        (
            "I'm the new hire who joined from Google last month.",
            "the new hire who joined from Google last month",
            SelfIdentifying,
        ),
        (
            "As the youngest person in finance, I...",
            "the youngest person in finance",
            SelfIdentifying,
        ),
    ];
    for (text, value, kind) in cases {
        let f = default_found(text);
        assert!(
            f.contains(&((*value).to_owned(), *kind)),
            "{text:?}: expected {value:?} as {kind}, got {f:?}"
        );
    }
}

#[test]
fn does_not_flag_workplace_noise() {
    for text in [
        "Upgrade to v2.3.1 broke SSO; see JIRA-4411.",
        "Budget for Q3 2025 was cut by 15%.",
        "The standup at 9:30 clashes with the 16:30 CET sync.",
        "The offsite cost $250,000 and €4,000 in travel.",
        "We moved from Slack to Teams, then Jira, Zoom and Google Docs.",
        "Please move the all-hands off Friday afternoons.",
        "Nothing has improved since March.",
        "The meeting on 12 March was cancelled.",
        "the Berlin office needs better ventilation",
        "May was a hard month; Will the bonus come? Grace periods help. Young teams suffer.",
        "Great work from everyone on the launch.",
    ] {
        assert!(
            default_found(text).is_empty(),
            "{text:?}: {:?}",
            default_found(text)
        );
    }
}

#[test]
fn redacts_with_typed_placeholders() {
    let r = redact(
        "my manager dave (dave.k@acme.com) booked 10.0.0.7 for @dk",
        &Policy::default(),
    );
    assert_eq!(
        r.text,
        "my manager [PERSON] ([EMAIL]) booked [IP_ADDRESS] for [HANDLE]"
    );
    assert_eq!(r.findings.len(), 4);
}

#[test]
fn tenant_policy_adds_ids_terms_and_roster() {
    let policy = Policy::builder()
        .employee_id_pattern(r"KT-\d{5}")
        .custom_terms(["Nightjar", "Keswick"])
        .roster(["Zed Quorra"])
        .min_score(0.5)
        .build()
        .expect("valid policy");
    let f = found(
        "zed quorra moved KT-44121 to nightjar, and Keswick heard last.",
        &policy,
    );
    assert_eq!(
        f,
        vec![
            ("zed quorra".to_owned(), PiiKind::Person),
            ("KT-44121".to_owned(), PiiKind::EmployeeId),
            ("nightjar".to_owned(), PiiKind::Custom),
            ("Keswick".to_owned(), PiiKind::Custom),
        ]
    );
    // Without the policy none of these is known.
    assert!(default_found("moved KT-44121 to nightjar").is_empty());
}

#[test]
fn policy_validation() {
    assert!(matches!(
        Policy::builder().employee_id_pattern("(").build(),
        Err(PolicyError::InvalidPattern { .. })
    ));
    assert!(matches!(
        Policy::builder().employee_id_pattern("x*").build(),
        Err(PolicyError::EmptyMatch(_))
    ));
    assert!(matches!(
        Policy::builder().custom_term("  ").build(),
        Err(PolicyError::BlankTerm)
    ));
    assert!(matches!(
        Policy::builder().min_score(1.5).build(),
        Err(PolicyError::InvalidMinScore(_))
    ));
    assert!(matches!(
        Policy::builder().min_score(f32::NAN).build(),
        Err(PolicyError::InvalidMinScore(_))
    ));
}

#[test]
fn min_score_trades_recall_for_precision() {
    let strict = Policy::builder().min_score(0.95).build().expect("valid");
    // Validated kinds score 1.0 and survive; name guesses do not.
    let f = found("Sarah paid with 4111 1111 1111 1111", &strict);
    assert_eq!(
        f,
        vec![("4111 1111 1111 1111".to_owned(), PiiKind::CreditCard)]
    );
}

#[test]
fn labels_round_trip() {
    for kind in PiiKind::ALL {
        assert_eq!(kind.label().parse::<PiiKind>(), Ok(kind));
        assert_eq!(kind.placeholder(), format!("[{}]", kind.label()));
    }
}
