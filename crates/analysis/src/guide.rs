//! Guided conversation: the next follow-up question of a ride.
//!
//! Deterministic: the same conversation always gets the same question. The
//! question bank is neutral and never asks for identifying details (names,
//! teams, dates, places); a test checks the bank for such words.

use serde::{Deserialize, Serialize};

use crate::analyzer::{Analyzer, Prepared};
use crate::taxonomy::Theme;
use crate::text::words;

/// Who said a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Employee,
    Guide,
}

/// One turn of a ride.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    pub role: Role,
    pub text: String,
}

impl Turn {
    pub fn employee(text: impl Into<String>) -> Turn {
        Turn {
            role: Role::Employee,
            text: text.into(),
        }
    }
    pub fn guide(text: impl Into<String>) -> Turn {
        Turn {
            role: Role::Guide,
            text: text.into(),
        }
    }
}

/// At most this many follow-up questions per ride.
pub const MAX_FOLLOW_UPS: usize = 3;
/// Below this theme confidence the generic questions are used.
pub const THEME_CONFIDENCE_FOR_QUESTIONS: f32 = 0.3;
/// After this many employee words the ride has said enough.
pub const ENOUGH_WORDS: usize = 200;

/// The question that opens a ride.
pub const OPENING_QUESTION: &str = "What has been on your mind about work lately?";

/// Per theme: [detail, impact, improvement, what works].
fn bank(theme: Option<Theme>) -> [&'static str; 4] {
    match theme {
        Some(Theme::Workload) => [
            "Is this a recent change, or has the amount of work been like this for a while?",
            "How is the workload affecting you and the quality of your work?",
            "What would make the workload more manageable?",
            "What helps keep the workload sustainable at the moment?",
        ],
        Some(Theme::Process) => [
            "Which step in the process costs the most time or effort?",
            "How does this affect getting your work done?",
            "If you could remove or change one step, what would it be?",
            "What about the way work flows here works well?",
        ],
        Some(Theme::Management) => [
            "Could you describe what you would need more of from leadership?",
            "How does this affect your day-to-day work?",
            "What would good support from leadership look like for you?",
            "What does leadership do that you would like to see more of?",
        ],
        Some(Theme::Compensation) => [
            "Is your concern mainly about base pay, benefits or how pay decisions are made?",
            "How does this affect how you feel about staying?",
            "What would make pay and benefits feel fairer to you?",
            "Which part of pay or benefits matters most to you?",
        ],
        Some(Theme::CareerGrowth) => [
            "What kind of growth are you looking for?",
            "How does this affect your motivation?",
            "What support would help you develop the way you want?",
            "What has helped your development the most so far?",
        ],
        Some(Theme::Communication) => [
            "What kind of information do you feel is missing or arrives too late?",
            "How does this affect your work?",
            "How would you prefer to hear about changes?",
            "Which ways of sharing information work well for you?",
        ],
        Some(Theme::Tools) => [
            "How often does this get in the way of your work?",
            "How much time or effort does it cost you?",
            "What would help most: repair, replacement or something else?",
            "Which tools make your work easier?",
        ],
        Some(Theme::Collaboration) => [
            "Is this mostly within one team or between teams?",
            "How does this affect the work?",
            "What would help people work together better?",
            "What makes working together go well when it does?",
        ],
        Some(Theme::Recognition) => [
            "What kind of recognition would feel meaningful to you?",
            "How does this affect your motivation?",
            "What would you like leaders to do differently?",
            "What kind of recognition have you found meaningful here?",
        ],
        Some(Theme::WorkLifeBalance) => [
            "Is this about working hours, schedules, flexibility or something else?",
            "How does this affect life outside work?",
            "What kind of flexibility would help you most?",
            "What helps you keep a good balance?",
        ],
        Some(Theme::PsychologicalSafety) => [
            "Without sharing anything that could identify anyone, do you feel you can raise concerns like this safely?",
            "How does this affect how comfortable you feel at work?",
            "What would help people feel safer to speak up?",
            "What makes it feel safe to speak up here?",
        ],
        Some(Theme::Onboarding) => [
            "Which part of getting started was hardest?",
            "How did this affect your first weeks?",
            "What would have helped you get started?",
            "What part of getting started worked well?",
        ],
        None => [
            "Could you say a bit more about that?",
            "How does this affect your work?",
            "What would you change if you could?",
            "What is working well for you at the moment?",
        ],
    }
}

const WRAP_UP: &str = "Is there anything else you would like to add?";

const CLOSERS: &[&str] = &[
    "thats all",
    "thats it",
    "thats everything",
    "nothing else",
    "nothing more",
    "im done",
    "all good",
    "not really",
    "no thanks",
    "no thank you",
    "nope",
    "nah",
];

fn is_closing(text: &str) -> bool {
    let w = words(text);
    if w.is_empty() || w.len() > 6 {
        return false;
    }
    let joined = w.join(" ");
    matches!(w[0].as_str(), "no" | "nope" | "nah" | "nothing" | "none")
        || CLOSERS.iter().any(|c| joined.contains(c))
}

impl Analyzer {
    /// The next follow-up question, or `None` when the ride is complete:
    /// after `MAX_FOLLOW_UPS` follow-ups, when the employee signals they are
    /// done, when `ENOUGH_WORDS` words were said, or while the last question
    /// is still unanswered. With no employee turn yet, the opening question.
    pub fn next_question(&self, conversation: &[Turn]) -> Option<String> {
        let Some(first_employee) = conversation.iter().position(|t| t.role == Role::Employee)
        else {
            return if conversation.is_empty() {
                Some(OPENING_QUESTION.to_owned())
            } else {
                None
            };
        };
        let last = conversation.last()?;
        if last.role == Role::Guide {
            return None;
        }
        let follow_ups = conversation[first_employee..]
            .iter()
            .filter(|t| t.role == Role::Guide)
            .count();
        if follow_ups >= MAX_FOLLOW_UPS {
            return None;
        }
        if follow_ups > 0 && is_closing(&last.text) {
            return None;
        }
        let employee_text: String = conversation
            .iter()
            .filter(|t| t.role == Role::Employee)
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        if words(&employee_text).len() >= ENOUGH_WORDS {
            return None;
        }
        let p = Prepared::new(&employee_text);
        let c = self.classify_prepared(&p);
        let theme = (c.confidence >= THEME_CONFIDENCE_FOR_QUESTIONS).then_some(c.theme);
        let mood = self.sentiment_prepared(&Prepared::new(&last.text));
        let q = bank(theme);
        let order: [usize; 4] = if mood <= -0.05 {
            [0, 1, 2, 3]
        } else if mood >= 0.05 {
            [3, 2, 0, 1]
        } else {
            [0, 2, 1, 3]
        };
        let asked: Vec<&str> = conversation
            .iter()
            .filter(|t| t.role == Role::Guide)
            .map(|t| t.text.as_str())
            .collect();
        order
            .iter()
            .map(|&i| q[i])
            .chain(bank(None))
            .chain(std::iter::once(WRAP_UP))
            .find(|cand| !asked.contains(cand))
            .map(str::to_owned)
    }
}

/// `Analyzer::shipped().next_question(conversation)`.
pub fn next_question(conversation: &[Turn]) -> Option<String> {
    Analyzer::shipped().next_question(conversation)
}

/// Every question the guide can ask (for review and tests).
pub fn question_bank() -> Vec<&'static str> {
    let mut all = vec![OPENING_QUESTION, WRAP_UP];
    for t in Theme::ALL
        .iter()
        .copied()
        .map(Some)
        .chain(std::iter::once(None))
    {
        all.extend(bank(t));
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_never_ask_for_identifying_details() {
        const BANNED: &[&str] = &[
            "who",
            "whom",
            "whose",
            "name",
            "names",
            "which team",
            "department",
            "where",
            "when did",
            "email",
            "phone",
            "manager's",
            "your team",
            "location",
            "date",
            "age",
        ];
        for q in question_bank() {
            let lower = format!(" {} ", q.to_lowercase());
            for b in BANNED {
                assert!(
                    !lower.contains(&format!(" {b} ")) && !lower.contains(&format!(" {b}?")),
                    "{q:?} contains {b:?}"
                );
            }
            assert!(q.ends_with('?'), "{q}");
        }
    }

    #[test]
    fn at_most_three_follow_ups_and_deterministic() {
        let a = Analyzer::shipped();
        assert_eq!(a.next_question(&[]).as_deref(), Some(OPENING_QUESTION));
        let mut convo = vec![
            Turn::guide(OPENING_QUESTION),
            Turn::employee("My laptop crashes all the time."),
        ];
        let mut asked = Vec::new();
        while let Some(q) = a.next_question(&convo) {
            assert_eq!(a.next_question(&convo).as_deref(), Some(q.as_str()));
            assert!(!asked.contains(&q), "repeated {q}");
            asked.push(q.clone());
            convo.push(Turn::guide(q));
            // Unanswered question: wait.
            assert_eq!(a.next_question(&convo), None);
            convo.push(Turn::employee(
                "It has been like that for months and it slows everything down.",
            ));
        }
        assert_eq!(asked.len(), MAX_FOLLOW_UPS);
    }

    #[test]
    fn stops_when_the_employee_is_done() {
        let a = Analyzer::shipped();
        let convo = vec![
            Turn::employee("The approvals take forever."),
            Turn::guide("Which step in the process costs the most time or effort?"),
            Turn::employee("No, that's all."),
        ];
        assert_eq!(a.next_question(&convo), None);
    }
}
