//! Person names: census first-name and surname lists, capitalisation, cue
//! words before ("my manager", "talk to", titles) and after ("said",
//! possessive), a stop-list of common words, and an optional roster.

use super::Candidate;
use crate::lexicon::{self, LEXICON};
use crate::text::{fold_key, Case, Token};
use crate::{PiiKind, Policy};

/// Cue words right before a name that make it very likely a person:
/// "my manager dave", "cc tom", "thanks Rose".
const STRONG_CUES: &[&str] = &[
    "manager",
    "boss",
    "supervisor",
    "colleague",
    "coworker",
    "co-worker",
    "teammate",
    "mentor",
    "mentee",
    "cc",
    "ping",
    "pinged",
    "thanks",
    "thx",
    "kudos",
    "lead",
    "skip-level",
    "vp",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "cpo",
    "pm",
    "hrbp",
    "director",
    "recruiter",
    "buddy",
    "dear",
    "hi",
    "hey",
    "congrats",
    "congratulations",
    "props",
];
/// Weaker cues: a verb of talking to someone.
const WEAK_CUES: &[&str] = &[
    "ask",
    "asked",
    "asking",
    "tell",
    "told",
    "remind",
    "reminded",
    "named",
    "called",
    "met",
    "thank",
    "welcome",
    "intern",
    "hired",
    "fired",
    "promoted",
    "replaced",
    "blame",
    "blamed",
    "trust",
    "trusted",
    "about",
    "after",
    "like",
    "unlike",
    "except",
    "whom",
    "including",
    "contact",
    "email",
    "emailed",
    "message",
    "messaged",
    "dm",
    "dmed",
    "whatsapp",
    "call",
    "advocate",
    "replace",
    "for",
    "by",
    "via",
    "against",
];
/// "<verb> to NAME" / "<verb> with NAME".
const TO_VERBS: &[&str] = &[
    "talk",
    "talks",
    "talked",
    "talking",
    "speak",
    "speaks",
    "spoke",
    "speaking",
    "spoken",
    "listens",
    "report",
    "reports",
    "reported",
    "reporting",
    "escalate",
    "escalated",
    "out",
    "kudos",
    "thanks",
    "props",
    "credit",
    "listen",
    "listened",
    "sent",
    "send",
    "complained",
    "mentioned",
    "introduced",
    "mention",
    "assigned",
    "reassigned",
    "go",
    "went",
    "gratitude",
    "nice",
    "rude",
];
const WITH_VERBS: &[&str] = &[
    "spoke",
    "speak",
    "talk",
    "talked",
    "met",
    "meeting",
    "chat",
    "chatted",
    "sync",
    "synced",
    "call",
    "lunch",
    "working",
    "work",
    "worked",
    "paired",
    "pairing",
    "check",
    "checked",
    "1:1",
    "1on1",
    "one-on-one",
    "argued",
    "argument",
    "disagreement",
    "conflict",
];
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "mx", "miss", "sir", "madam",
];
/// Words right after a name that make it likely a person.
const FOLLOW_CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "asked",
    "keeps",
    "kept",
    "promised",
    "announced",
    "refused",
    "refuses",
    "insisted",
    "claimed",
    "mentioned",
    "replied",
    "thinks",
    "thought",
    "wants",
    "wanted",
    "shouted",
    "yelled",
    "interrupts",
    "interrupted",
    "cancels",
    "cancelled",
    "canceled",
    "took",
    "takes",
    "left",
    "joined",
    "never",
    "always",
    "constantly",
    "micromanages",
    "blocks",
    "blocked",
    "ignores",
    "ignored",
    "fixed",
    "helped",
    "handled",
    "has",
    "had",
    "seems",
    "sent",
    "emailed",
    "messaged",
    "pinged",
    "approved",
    "rejected",
    "reviewed",
    "leads",
    "manages",
    "managed",
    "runs",
    "owns",
    "explained",
    "agreed",
    "disagreed",
    "decided",
    "suggested",
    "needs",
    "literally",
    "basically",
    "really",
    "carries",
    "covered",
    "stayed",
    "deserves",
    "does",
    "did",
    "doesn't",
    "didn't",
    "won't",
    "can't",
    "isn't",
    "wasn't",
    "hasn't",
    "hadn't",
    "shouldn't",
    "stop",
    "stops",
    "treats",
    "treated",
    "talks",
    "talked",
    "yells",
    "shouts",
    "gets",
    "got",
    "made",
    "makes",
    "inherited",
    "fought",
    "mentored",
    "mentors",
    "reports",
    "reported",
    "works",
    "worked",
    "sits",
    "sat",
    "moved",
    "quit",
    "resigned",
];
/// Words that start multi-word place names: "San Diego", "New York".
const PLACE_PREFIXES: &[&str] = &[
    "san", "santa", "los", "las", "new", "saint", "st", "port", "fort", "lake", "mount", "el",
    "rio", "sao", "tel", "buenos", "hong", "kuala", "ho", "cape",
];
/// Name particles that may sit inside a full name.
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "della", "bin", "bint",
    "al", "el", "dos", "das", "ter", "ten", "st",
];
/// After a place name, these make it a place: "the Berlin office".
const PLACE_FOLLOWERS: &[&str] = &[
    "office",
    "offices",
    "team",
    "teams",
    "site",
    "campus",
    "hub",
    "hq",
    "headquarters",
    "branch",
    "store",
    "warehouse",
    "plant",
    "lab",
    "crew",
    "folks",
    "people",
    "colleagues",
    "based",
    "time",
    "timezone",
    "area",
    "region",
    "city",
    "airport",
    "trip",
    "offsite",
];
/// Before a place name, these make it a place: "flying to Austin".
const PLACE_PREPS: &[&str] = &[
    "in", "to", "from", "at", "near", "around", "visit", "visiting", "via", "into", "across",
    "outside", "inside", "of", "the",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cue {
    None,
    Weak,
    Strong,
    Title,
}

struct Ctx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    keys: Vec<(usize, usize)>,
    buf: String,
    flags: Vec<u16>,
    heading: Vec<bool>,
}

impl<'a> Ctx<'a> {
    fn new(text: &'a str, tokens: &'a [Token]) -> Self {
        let mut buf = String::with_capacity(text.len() + 16);
        let mut keys = Vec::with_capacity(tokens.len());
        let mut flags = Vec::with_capacity(tokens.len());
        let mut scratch = String::new();
        for t in tokens {
            fold_key(&text[t.start..t.end], &mut scratch);
            let s = buf.len();
            buf.push_str(&scratch);
            keys.push((s, buf.len()));
            flags.push(if t.has_digit {
                0
            } else {
                LEXICON.word_flags(&scratch)
            });
        }
        // Headings and shouting: capitalisation says nothing there.
        let mut heading = vec![false; tokens.len()];
        let mut i = 0;
        while i < tokens.len() {
            let mut j = i + 1;
            while j < tokens.len() && !tokens[j].sentence_start {
                j += 1;
            }
            let words: Vec<&Token> = tokens[i..j].iter().filter(|t| !t.has_digit).collect();
            let caps = words
                .iter()
                .filter(|t| matches!(t.case, Case::Title | Case::Upper))
                .count();
            if words.len() >= 5 && caps * 10 >= words.len() * 8 {
                heading[i..j].iter_mut().for_each(|h| *h = true);
            }
            i = j;
        }
        Self {
            text,
            tokens,
            keys,
            buf,
            flags,
            heading,
        }
    }

    fn key(&self, i: usize) -> &str {
        let (s, e) = self.keys[i];
        &self.buf[s..e]
    }

    /// The gap between token `i - 1` and token `i`, trimmed.
    fn gap(&self, i: usize) -> &str {
        if i == 0 || i >= self.tokens.len() {
            return "";
        }
        self.text
            .get(self.tokens[i - 1].end..self.tokens[i].start)
            .unwrap_or("")
            .trim()
    }

    /// Token `i - 1` directly precedes `i` (spaces, or a title's period).
    fn close_prev(&self, i: usize) -> bool {
        i > 0 && matches!(self.gap(i), "" | "." | "," | ":")
    }

    fn cue_before(&self, i: usize) -> Cue {
        if !self.close_prev(i) {
            return Cue::None;
        }
        let gap = self.gap(i);
        let p1 = self.key(i - 1);
        if TITLES.contains(&p1) && matches!(gap, "" | ".") {
            return Cue::Title;
        }
        if STRONG_CUES.contains(&p1) {
            // "my lead" is a cue; "lead engineer" is not (handled by case).
            return Cue::Strong;
        }
        if gap == "," || gap == ":" {
            return Cue::None;
        }
        if p1 == "you" && i >= 2 && self.key(i - 2) == "thank" {
            return Cue::Strong;
        }
        if WEAK_CUES.contains(&p1) {
            return Cue::Weak;
        }
        if i >= 2 && self.close_prev(i - 1) {
            let p2 = self.key(i - 2);
            if p1 == "to" && TO_VERBS.contains(&p2) {
                return if matches!(p2, "out" | "kudos" | "thanks" | "props") {
                    Cue::Strong
                } else {
                    Cue::Weak
                };
            }
            if p1 == "with" && WITH_VERBS.contains(&p2) {
                return Cue::Weak;
            }
            if p1 == "from"
                && matches!(p2, "feedback" | "help" | "support" | "pressure" | "message")
            {
                return Cue::Weak;
            }
        }
        Cue::None
    }

    /// Evidence right after the name ending at token `last`.
    fn follow_cue(&self, last: usize) -> bool {
        let t = &self.tokens[last];
        let rest = &self.text[t.end..];
        if rest.starts_with("'s") || rest.starts_with("\u{2019}s") {
            return true;
        }
        let n = last + 1;
        if n >= self.tokens.len() || !self.close_prev(n) || self.gap(n) == "." {
            return false;
        }
        let k = self.key(n);
        if k == "and" && n + 1 < self.tokens.len() {
            if matches!(self.key(n + 1), "i" | "me") {
                return true;
            }
            // "Xiaoling and Mateus": coordinated with another name.
            let m = n + 1;
            let fm = self.flags[m];
            if self.tokens[m].case == Case::Title
                && !self.tokens[m].has_digit
                && fm & (lexicon::STOP | lexicon::ORG | lexicon::PLACE | lexicon::DEPT) == 0
                && (fm & lexicon::FIRST != 0 || fm & lexicon::WORD == 0)
            {
                return true;
            }
        }
        if matches!(k, "from" | "in" | "on") {
            // "Summer from recruiting", "Dev on the infra team".
            let mut m = n + 1;
            if m < self.tokens.len() && matches!(self.key(m), "the" | "our" | "my") {
                m += 1;
            }
            return m < self.tokens.len() && self.flags[m] & lexicon::DEPT != 0;
        }
        if k == "here" {
            return false;
        }
        FOLLOW_CUES.contains(&k)
    }

    fn is_particle(&self, i: usize) -> bool {
        PARTICLES.contains(&self.key(i))
    }

    /// Could token `i` continue a name that started in `case`?
    fn continues_name(&self, i: usize, case: Case) -> bool {
        let t = &self.tokens[i];
        if t.has_digit || !self.close_prev(i) || self.gap(i) == "," || self.gap(i) == ":" {
            return false;
        }
        let f = self.flags[i];
        if f & (lexicon::STOP | lexicon::ORG | lexicon::DEPT) != 0 {
            return false;
        }
        if f & lexicon::PLACE != 0 && f & lexicon::LAST == 0 {
            return false;
        }
        let name_like = f & (lexicon::FIRST | lexicon::LAST) != 0 || f & lexicon::WORD == 0;
        match case {
            Case::Title => t.case == Case::Title && name_like,
            Case::Upper => t.case == Case::Upper && f & (lexicon::FIRST | lexicon::LAST) != 0,
            Case::Lower => {
                t.case == Case::Lower && f & lexicon::LAST != 0 && f & lexicon::WORD == 0
            }
            Case::Other => false,
        }
    }

    /// A single capital followed by a period: "J." in "J. Alvarez".
    fn is_initial(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        let w = &self.text[t.start..t.end];
        w.len() == 1 && w.chars().all(char::is_uppercase) && self.text[t.end..].starts_with('.')
    }
}

/// Finds person names.
pub(crate) fn find(text: &str, tokens: &[Token], policy: &Policy, out: &mut Vec<Candidate>) {
    if let Some(roster) = &policy.roster {
        for (s, e) in roster.find(text) {
            out.push(Candidate::new(s, e, PiiKind::Person, 1.0));
        }
    }
    if tokens.is_empty() {
        return;
    }
    let cx = Ctx::new(text, tokens);
    let n = tokens.len();
    // Index of the token after the last accepted name, for "X and Y" lists.
    let mut last_name_end: Option<usize> = None;
    let mut i = 0;
    while i < n {
        match judge(&cx, i, last_name_end) {
            Some((end_tok, score, start_byte)) => {
                // A final initial keeps its period: "Sarah K.".
                let mut end_byte = tokens[end_tok].end;
                if end_tok > i && cx.is_initial(end_tok) {
                    end_byte += 1;
                }
                out.push(Candidate::new(start_byte, end_byte, PiiKind::Person, score));
                last_name_end = Some(end_tok + 1);
                i = end_tok + 1;
            }
            None => i += 1,
        }
    }
}

/// Decides whether a name starts at token `i`; returns the last token of
/// the name, its score and its first byte.
fn judge(cx: &Ctx<'_>, i: usize, last_name_end: Option<usize>) -> Option<(usize, f32, usize)> {
    let t = &cx.tokens[i];
    let f = cx.flags[i];
    if t.has_digit {
        return None;
    }
    // "J. Alvarez": an initial then a capitalised surname.
    if t.case == Case::Other && cx.is_initial(i) {
        let n = i + 1;
        if n < cx.tokens.len()
            && cx.tokens[n].case == Case::Title
            && cx.gap(n) == "."
            && cx.flags[n] & (lexicon::STOP | lexicon::ORG | lexicon::PLACE | lexicon::DEPT) == 0
            && (cx.flags[n] & lexicon::LAST != 0 || cx.flags[n] & lexicon::WORD == 0)
        {
            let end = extend(cx, n, Case::Title);
            return Some((end, 0.75, t.start));
        }
        return None;
    }
    if !matches!(t.case, Case::Title | Case::Upper | Case::Lower) {
        return None;
    }
    let mut cue = cx.cue_before(i);
    // List continuation: "Tom, Priya and Sarah".
    if let Some(end) = last_name_end {
        if end == i && cx.gap(i) == "," {
            cue = cue.max(Cue::Strong);
        }
        if end + 1 == i && matches!(cx.key(end), "and" | "or" | "&") {
            cue = cue.max(Cue::Strong);
        }
    }
    let first = f & lexicon::FIRST != 0;
    let last = f & lexicon::LAST != 0;
    let word = f & lexicon::WORD != 0;
    let dominant = f & lexicon::NAME_DOMINANT != 0;
    let ambiguous = word && !dominant;
    let stop = f & (lexicon::STOP | lexicon::ORG | lexicon::DEPT) != 0;
    let place = f & lexicon::PLACE != 0;
    let heading = cx.heading[i];
    let mid = !t.sentence_start;

    if stop {
        // Stop-listed words are names only with a title or a cue,
        // capitalised, and never when they are months or weekdays.
        let ok = first
            && t.case == Case::Title
            && (matches!(cue, Cue::Title | Cue::Strong) || (cue == Cue::Weak && mid))
            && f & (lexicon::CALENDAR | lexicon::ORG | lexicon::DEPT) == 0
            && !dominant_function_word(cx.key(i));
        if !ok {
            return None;
        }
        let end = extend(cx, i, Case::Title);
        return Some((end, 0.7, t.start));
    }

    let next_is_name = i + 1 < cx.tokens.len()
        && (cx.continues_name(i + 1, t.case)
            || (t.case == Case::Title && cx.is_initial(i + 1) && cx.gap(i + 1).is_empty()));
    if i > 0 && cx.close_prev(i) && cx.gap(i).is_empty() && t.case == Case::Title {
        let prev = cx.key(i - 1);
        if PLACE_PREFIXES.contains(&prev) && cx.tokens[i - 1].case == Case::Title {
            return None;
        }
    }
    if place {
        let n = i + 1;
        let place_follower =
            n < cx.tokens.len() && cx.close_prev(n) && PLACE_FOLLOWERS.contains(&cx.key(n));
        let place_prep = i > 0 && cx.close_prev(i) && PLACE_PREPS.contains(&cx.key(i - 1));
        if place_follower
            || place_prep
            || !(first && (cue > Cue::None || next_is_name || cx.follow_cue(i)))
        {
            return None;
        }
    }

    match t.case {
        Case::Title => {
            if cue == Cue::Title {
                let end = extend(cx, i, Case::Title);
                return Some((end, 0.9, t.start));
            }
            let follow = cx.follow_cue(i);
            let score = if first && !ambiguous {
                if heading && !next_is_name && cue == Cue::None {
                    return None;
                }
                let mut s: f32 = 0.8;
                if cue > Cue::None || next_is_name {
                    s += 0.1;
                }
                s
            } else if first {
                // Ambiguous: "Will", "Grace", "Rose", "Bill".
                if cue >= Cue::Weak || next_is_name_strict(cx, i) {
                    0.8
                } else if !heading && ((mid && !next_is_capitalised(cx, i)) || follow) {
                    0.6
                } else {
                    return None;
                }
            } else if last && !word {
                // A surname alone: "Okafor", "Nguyen".
                if cue > Cue::None || next_is_name {
                    0.75
                } else if follow || (mid && !heading) {
                    0.6
                } else {
                    return None;
                }
            } else if !word {
                // Unknown capitalised word: "Oluwaseun", "Xiaoling".
                if heading {
                    if cue >= Cue::Weak {
                        0.6
                    } else {
                        return None;
                    }
                } else if cue >= Cue::Weak {
                    0.75
                } else if next_is_name {
                    0.65
                } else if follow {
                    if mid {
                        0.6
                    } else {
                        0.55
                    }
                } else if mid && cx.key(i).len() >= 3 {
                    // A capitalised word mid-sentence that is in no
                    // dictionary, product or place list: most likely a
                    // name. Over-redacting a rare product name is cheaper
                    // than leaking a person.
                    0.5
                } else {
                    return None;
                }
            } else if cue >= Cue::Strong && last {
                0.6
            } else {
                return None;
            };
            let end = extend(cx, i, Case::Title);
            Some((end, score, t.start))
        }
        Case::Upper => {
            let pair = first && (!ambiguous) && next_is_name;
            if pair || (first && cue >= Cue::Weak) {
                let end = extend(cx, i, Case::Upper);
                Some((end, 0.8, t.start))
            } else {
                None
            }
        }
        Case::Lower => {
            let len = cx.key(i).chars().count();
            let follow = cx.follow_cue(i);
            let score = if first && !ambiguous {
                if cue >= Cue::Weak || follow {
                    0.75
                } else if len >= 4 {
                    // An unambiguous first name in lowercase text.
                    0.5
                } else {
                    return None;
                }
            } else if first {
                if cue < Cue::Strong || common_lower_word(cx.key(i)) {
                    return None;
                }
                0.6
            } else if !word && !last && len >= 3 {
                // Unknown lowercase word right after a strong cue:
                // "the new PM sunita".
                if cue >= Cue::Strong {
                    0.6
                } else if cue == Cue::Weak && follow {
                    0.55
                } else {
                    return None;
                }
            } else {
                return None;
            };
            let end = extend(cx, i, Case::Lower);
            Some((end, score, t.start))
        }
        Case::Other => None,
    }
}

/// Census first names that are everyday words in lowercase text.
fn common_lower_word(key: &str) -> bool {
    matches!(
        key,
        "will"
            | "may"
            | "mark"
            | "bill"
            | "grace"
            | "rose"
            | "young"
            | "hope"
            | "joy"
            | "faith"
            | "rich"
            | "frank"
            | "chase"
            | "grant"
            | "art"
            | "long"
            | "see"
            | "guy"
            | "chance"
            | "dawn"
            | "summer"
            | "page"
            | "lane"
            | "bell"
            | "hunter"
            | "king"
            | "miles"
            | "august"
            | "else"
            | "many"
            | "numbers"
    )
}

/// Stop words that are also census first names but never names here.
fn dominant_function_word(key: &str) -> bool {
    key.len() <= 2
        || matches!(
            key,
            "the" | "and" | "many" | "else" | "see" | "soon" | "long" | "numbers" | "manual"
        )
}

/// The next token is a surname-like word that is not a dictionary word.
fn next_is_name_strict(cx: &Ctx<'_>, i: usize) -> bool {
    let n = i + 1;
    n < cx.tokens.len()
        && cx.continues_name(n, cx.tokens[i].case)
        && cx.flags[n] & lexicon::WORD == 0
}

/// "Rose Garden", "Bill Payments": a capitalised word follows.
fn next_is_capitalised(cx: &Ctx<'_>, i: usize) -> bool {
    let n = i + 1;
    n < cx.tokens.len() && cx.close_prev(n) && cx.tokens[n].case == Case::Title
}

/// Extends a name to the right over surnames, particles and initials.
fn extend(cx: &Ctx<'_>, i: usize, case: Case) -> usize {
    let mut end = i;
    let mut j = i + 1;
    let mut added = 0;
    while j < cx.tokens.len() && added < 3 {
        if case != Case::Lower && cx.is_particle(j) && cx.close_prev(j) && cx.gap(j).is_empty() {
            // Keep a particle only if a name follows it.
            if j + 1 < cx.tokens.len() && cx.continues_name(j + 1, case) {
                end = j + 1;
                j += 2;
                added += 1;
                continue;
            }
            break;
        }
        if case != Case::Lower && cx.is_initial(j) && cx.gap(j).is_empty() {
            // "Sarah K." or "John F. Kennedy".
            end = j;
            j += 1;
            added += 1;
            continue;
        }
        if cx.gap(j) == "." && cx.is_initial(end) && cx.continues_name_after_initial(j, case) {
            end = j;
            j += 1;
            added += 1;
            continue;
        }
        if cx.gap(j).is_empty() && cx.continues_name(j, case) {
            end = j;
            j += 1;
            added += 1;
            continue;
        }
        break;
    }
    end
}

impl Ctx<'_> {
    fn continues_name_after_initial(&self, j: usize, case: Case) -> bool {
        let t = &self.tokens[j];
        t.case == case && self.flags[j] & (lexicon::STOP | lexicon::ORG) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn names(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        let mut out = Vec::new();
        find(text, &tokens, &Policy::default(), &mut out);
        out.iter()
            .filter(|c| c.score >= 0.5)
            .map(|c| text[c.start..c.end].to_owned())
            .collect()
    }

    #[test]
    fn finds_names_with_cues_and_lists() {
        assert_eq!(names("my manager dave never reads it"), ["dave"]);
        assert_eq!(
            names("Can someone talk to Kevin Brennan? Please."),
            ["Kevin Brennan"]
        );
        assert_eq!(
            names("cc tom and aisha since they were there"),
            ["tom", "aisha"]
        );
        assert_eq!(
            names("I had to escalate to Ms. Okonkwo about it"),
            ["Okonkwo"]
        );
        assert_eq!(names("JOHN SMITH SHOULD NOT MANAGE PEOPLE"), ["JOHN SMITH"]);
        assert_eq!(names("Siobhan's handling was textbook"), ["Siobhan"]);
        assert_eq!(names("ask J. Alvarez in legal"), ["J. Alvarez"]);
    }

    #[test]
    fn skips_common_words_places_and_products() {
        for t in [
            "May was a hard month.",
            "Will the new laptops arrive?",
            "Grace periods would help.",
            "Young teams need support.",
            "Mark the retro board as done.",
            "We use Slack, Jira, Teams and Zoom.",
            "the Berlin office needs better ventilation",
            "I'm tired of flying to Austin for meetings.",
            "Google Docs comments are where decisions go to die.",
            "The Rose Garden room is always double-booked.",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
    }
}
