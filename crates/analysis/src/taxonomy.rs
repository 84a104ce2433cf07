//! The built-in theme taxonomy: twelve themes with stable slugs.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A built-in theme. The slug (`Theme::slug`) is stable: it is stored, sent
/// over the API and used as the class index of the shipped model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    Workload,
    Process,
    Management,
    Compensation,
    CareerGrowth,
    Communication,
    Tools,
    Collaboration,
    Recognition,
    WorkLifeBalance,
    PsychologicalSafety,
    Onboarding,
}

/// The slug was not one of the twelve.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown theme slug: {0:?}")]
pub struct UnknownTheme(pub String);

struct Info {
    slug: &'static str,
    name: &'static str,
    description: &'static str,
    actions: &'static [&'static str],
    /// Plain words for the theme in running text ("workload", "pay and benefits").
    topic: &'static str,
}

const INFO: [Info; 12] = [
    Info {
        slug: "workload",
        name: "Workload & Burnout",
        topic: "workload",
        description: "How much work people carry and whether the pace can be sustained: staffing gaps that are not backfilled, overtime that has become normal, competing deadlines, constant firefighting and the exhaustion that follows. Feedback here often describes symptoms (skipped breaks, sick leave, people leaving) rather than naming the workload itself.",
        actions: &[
            "Review staffing against actual demand and backfill open positions before adding new work.",
            "Agree explicit priorities with the team and stop or defer the lowest-value work.",
            "Track overtime and on-call load per person and act when it stays high for more than a few weeks.",
        ],
    },
    Info {
        slug: "process",
        name: "Process Inefficiency",
        topic: "processes and approvals",
        description: "Friction in how work moves: approval chains, sign-offs and forms, duplicated data entry, unclear ownership at handoffs between teams, and meetings that do not lead to decisions. The common thread is effort spent on the process instead of the work it is meant to support.",
        actions: &[
            "Map one frequent request end to end and remove steps and approvals that add no value.",
            "Give every handoff between teams a named owner and a simple checklist.",
            "Audit recurring meetings: give each an agenda and an outcome, or cancel it.",
        ],
    },
    Info {
        slug: "management",
        name: "Management & Leadership",
        topic: "management and leadership",
        description: "How people are led: availability of managers, clarity of direction, consistency of priorities, fairness, feedback, trust in decisions from above, and whether leaders back their teams. It covers both the direct manager and senior leadership.",
        actions: &[
            "Protect regular one-to-ones and use them for feedback in both directions.",
            "Explain the reasoning behind changes of direction before they take effect.",
            "Offer leadership coaching where feedback points to micromanagement or favouritism.",
        ],
    },
    Info {
        slug: "compensation",
        name: "Pay & Benefits",
        topic: "pay and benefits",
        description: "Whether pay and benefits feel fair and sufficient: salary against the market and the cost of living, pay differences between colleagues (including new hires paid more than long-standing staff), raises, bonuses, overtime pay, pensions and health cover.",
        actions: &[
            "Benchmark pay bands against the market and publish how pay decisions are made.",
            "Check pay equity between comparable roles, including recent hires.",
            "Explain changes to bonuses and benefits before they take effect.",
        ],
    },
    Info {
        slug: "career_growth",
        name: "Career Growth",
        topic: "career growth",
        description: "Whether people can see a future: promotion criteria, progression paths, internal mobility, stretch assignments, mentoring and time or budget for learning. Feedback often describes feeling stuck at the same level or watching roles go to outside hires.",
        actions: &[
            "Publish clear criteria for each level and discuss them in development conversations.",
            "Advertise internal openings first and give every internal applicant an answer.",
            "Set aside time and budget for learning and stretch assignments.",
        ],
    },
    Info {
        slug: "communication",
        name: "Communication & Transparency",
        topic: "communication and transparency",
        description: "How information reaches people: whether changes are announced early and consistently, whether decisions come with reasons, whether questions get answers, and whether rumours fill the gaps left by silence.",
        actions: &[
            "Announce changes to the people affected before they hear it elsewhere, with the reasons.",
            "Keep one up-to-date place for announcements and answer open questions there.",
            "Close the loop on questions from all-hands meetings within a set time.",
        ],
    },
    Info {
        slug: "tools",
        name: "Tools & Equipment",
        topic: "tools and equipment",
        description: "The equipment and systems people work with: slow or broken computers, unreliable software, missing licences, outdated machines, shop-floor devices and furniture, and how long it takes to get them fixed or replaced.",
        actions: &[
            "List the tools that fail most often and fund their repair or replacement first.",
            "Set and track a response time for equipment and IT requests.",
            "Involve the people who use the tools when choosing replacements.",
        ],
    },
    Info {
        slug: "collaboration",
        name: "Team Dynamics & Collaboration",
        topic: "team dynamics and collaboration",
        description: "How people work together within and across teams: helpfulness, knowledge sharing, cliques and exclusion, friction and blame between groups, uneven contribution, and the sense of being one team.",
        actions: &[
            "Hold a facilitated session between the teams that clash to agree how they work together.",
            "Make knowledge sharing part of the job: documentation, pairing and handover time.",
            "Address uneven contribution openly and early rather than letting others absorb it.",
        ],
    },
    Info {
        slug: "recognition",
        name: "Recognition",
        topic: "recognition",
        description: "Whether effort and results are noticed and credited: thanks from managers and leadership, credit given to the people who did the work, visibility of behind-the-scenes roles, and fairness of awards.",
        actions: &[
            "Make specific, timely thanks a habit of team meetings and one-to-ones.",
            "Credit the people who did the work when results are presented.",
            "Make behind-the-scenes roles visible in updates and awards.",
        ],
    },
    Info {
        slug: "work_life_balance",
        name: "Work-Life Balance & Flexibility",
        topic: "work-life balance and flexibility",
        description: "How work fits around life: working hours and availability outside them, schedules and shift patterns, time off, remote and hybrid arrangements, commuting and part-time options.",
        actions: &[
            "Agree quiet hours when no response is expected and lead by example.",
            "Publish schedules early enough for people to plan their lives around them.",
            "Review flexibility options (start times, remote days, part-time) with the people asking for them.",
        ],
    },
    Info {
        slug: "psychological_safety",
        name: "Psychological Safety & Respect",
        topic: "psychological safety and respect",
        description: "Whether people can speak up, disagree and admit mistakes without fear, and whether they are treated with respect, including harassment, discrimination, bullying and retaliation against those who raise concerns.",
        actions: &[
            "Make clear that raising concerns is welcome and that retaliation will not be tolerated.",
            "Offer a confidential reporting route and report back on how concerns were handled.",
            "Train managers to respond to mistakes and bad news without blame.",
            "Act promptly on reports of harassment or discrimination.",
        ],
    },
    Info {
        slug: "onboarding",
        name: "Onboarding & Training",
        topic: "onboarding and training",
        description: "How new people are brought in and trained: readiness on the first day (accounts, equipment, a place to sit), induction and role training, buddies and mentors for newcomers, and documentation that helps them find their way.",
        actions: &[
            "Prepare accounts, equipment and a first-week plan before a new person starts.",
            "Give every new starter a buddy with time set aside to help.",
            "Keep induction and training material current and practical.",
        ],
    },
];

impl Theme {
    /// All themes, in class order.
    pub const ALL: [Theme; 12] = [
        Theme::Workload,
        Theme::Process,
        Theme::Management,
        Theme::Compensation,
        Theme::CareerGrowth,
        Theme::Communication,
        Theme::Tools,
        Theme::Collaboration,
        Theme::Recognition,
        Theme::WorkLifeBalance,
        Theme::PsychologicalSafety,
        Theme::Onboarding,
    ];

    /// The class index (position in `Theme::ALL`).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The theme at a class index.
    pub fn from_index(i: usize) -> Option<Theme> {
        Theme::ALL.get(i).copied()
    }

    fn info(self) -> &'static Info {
        &INFO[self.index()]
    }

    /// Stable identifier, e.g. `work_life_balance`.
    pub fn slug(self) -> &'static str {
        self.info().slug
    }

    /// Name for people, e.g. "Work-Life Balance & Flexibility".
    pub fn display_name(self) -> &'static str {
        self.info().name
    }

    /// One paragraph describing what the theme covers.
    pub fn description(self) -> &'static str {
        self.info().description
    }

    /// Two to four generic suggested actions.
    pub fn suggested_actions(self) -> &'static [&'static str] {
        self.info().actions
    }

    /// The theme in plain running text, e.g. "pay and benefits".
    pub fn topic(self) -> &'static str {
        self.info().topic
    }

    /// Parses a slug.
    pub fn from_slug(slug: &str) -> Result<Theme, UnknownTheme> {
        Theme::ALL
            .iter()
            .copied()
            .find(|t| t.slug() == slug)
            .ok_or_else(|| UnknownTheme(slug.to_owned()))
    }
}

impl fmt::Display for Theme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl FromStr for Theme {
    type Err = UnknownTheme;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Theme::from_slug(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_and_match_serde() {
        for (i, t) in Theme::ALL.iter().enumerate() {
            assert_eq!(t.index(), i);
            assert_eq!(Theme::from_slug(t.slug()), Ok(*t));
            let json = serde_json::to_string(t).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", t.slug()));
            let n = t.suggested_actions().len();
            assert!((2..=4).contains(&n), "{t}: {n} actions");
            assert!(!t.description().is_empty() && !t.display_name().is_empty());
        }
        assert!(Theme::from_slug("pay").is_err());
    }
}
