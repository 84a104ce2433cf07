//! Pattern recognizers with validators and context words: e-mail, URL, IP,
//! phone, payment card, IBAN, SSN, employee id, date of birth, street
//! address, handle.

use std::net::Ipv6Addr;
use std::sync::LazyLock;

use regex::Regex;

use super::{
    contains_word, context_before, raw_window_before, window_after, window_before, Candidate,
};
use crate::lexicon::{self, LEXICON};
use crate::text::{char_at, char_before, is_word_char, standalone};
use crate::{PiiKind, Policy};

fn re(pattern: &str) -> Regex {
    // Patterns are literals of this file and `all_patterns_compile` checks
    // them; should one ever fail, it matches nothing instead of panicking.
    // A larger lazy-DFA cache: with the default one, the address patterns'
    // Unicode classes made the engine give up and fall back to the much
    // slower PikeVM on most texts.
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(16 << 20)
        .build()
        .unwrap_or_else(|_| never())
}

fn never() -> Regex {
    // `[^\s\S]` is a valid pattern that matches nothing.
    #[allow(clippy::expect_used)]
    Regex::new(r"[^\s\S]").expect("literal pattern is valid")
}

static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| re(r"[A-Za-z0-9][A-Za-z0-9._%+\-]*@(?:[A-Za-z0-9\-]+\.)+[A-Za-z]{2,24}"));
static EMAIL_OBFUSCATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)[a-z0-9][a-z0-9._+\-]*(?:\s+(?:dot|\[dot\]|\(dot\))\s+[a-z0-9._+\-]+){0,3}\s*(?:\[at\]|\(at\)|\{at\}|\sat\s)\s*[a-z0-9\-]{2,}(?:\s*(?:\[dot\]|\(dot\)|\sdot\s)\s*[a-z0-9\-]{2,}){0,2}\s*(?:\[dot\]|\(dot\)|\sdot\s)\s*(?:com|org|net|io|dev|co|uk|de|me|fr|eu)(?-u:\b)",
    )
});
static EMAIL_AT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)[a-z0-9][a-z0-9._+\-]*\s*(?:\[at\]|\(at\)|\{at\}|<at>)\s*(?:[a-z0-9\-]+\.)+[a-z]{2,12}(?-u:\b)",
    )
});
static URL_SCHEME: LazyLock<Regex> =
    LazyLock::new(|| re(r#"(?i)(?-u:\b)(?:https?://|ftp://|www\.)[^\s<>"'\[\]{}|\\^`]+"#));
static URL_BARE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"(?i)(?-u:\b)(?:[a-z0-9\-]+\.)+(?:com|org|net|io|dev|co|me|app|ai|info|biz|uk|de|fr|es|it|nl|in|us|ca|eu|ly|gg|xyz|tech|page|site|blog|cloud|so|to|sh|ph|au|nz|ie|za|ng|ke|sg|my|ae|br|mx|ar|pl|pt|be|at|ch|se|no|dk|fi|jp|kr)/[^\s<>"'\[\]{}|\\^`]*"#,
    )
});
static IPV4: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?-u:\b)",
    )
});
static IPV6: LazyLock<Regex> = LazyLock::new(|| re(r"(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}"));
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        // International with a short area code: "+46 8 123 456 78",
        // "+33 1 23 45 67 89", "+61 2 9876 5432".
        r"\+\d{1,3}[ .\-]?(?:\(0?\d{1,4}\)[ .\-]?)?\d{1,5}(?:[ .\-]\d{2,8}){1,5}",
        // North American with the trunk prefix: "1-866-204-7731".
        r"|1[ .\-]\d{3}[ .\-]\d{3}[ .\-]\d{4}",
        r"|(?:\(\d{1,5}\)[ .\-]?)?\d{2,5}(?:[ .\-]\d{2,8}){1,4}|\+\d{8,14}",
        // German-speaking area codes before a slash: "089 / 32 18 44 0".
        r"|0\d{2,4}\s?/\s?\d{2,8}(?:[ \-]\d{1,8}){0,4}",
    ))
});
static PHONE_EXT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?-u:\b)(?:ext\.?|extension|x)\s?(\d{3,6})(?-u:\b)"));
static CARD: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)\d(?:[ \-]?\d){12,18}(?-u:\b)"));
static IBAN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?-u:\b)"));
static SSN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)(\d{3})([\- .\u{2013}])(\d{2})([\- .\u{2013}])(\d{4})(?-u:\b)"));
static SSN_PLAIN: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)\d{9}(?-u:\b)"));
static EMP_E: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)[Ee]-?\d{4,7}(?-u:\b)"));
static EMP_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?-u:\b)emp(?:loyee)?[\-#_: ]?\d{3,8}(?-u:\b)"));
/// A letter- or digit-prefixed number ("W-40219", "BX-40217", "P0045871",
/// "11-40972"): an employee id when the text speaks of one elsewhere.
static EMP_SHAPE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)([A-Z]{1,3}-?|\d{2}-)\d{4,8}(?-u:\b)"));
/// Words that say a text is about someone's employee number or badge.
static EMP_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:employee|staff|badge|payroll|personnel|clock|personalnummer|dienstnummer|dienstausweis|matricule|matricola|matrícula|personeelsnummer|stamnummer|pracownika|funcionário|empleado|legajo|contractor\s+number|associate\s+id|user\s+id|login\s+id)(?-u:\b)",
    )
});
static EMP_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)(?-u:\b)(?:",
        // Words that name an employee id on their own ...
        r"(?:employee|staff|badge|personnel|payroll|worker|personal|emp|login|uid|userid|crachá|cracha|ausweis|tesserino|matricule|personalnummer|mitarbeiternummer|empleado|pracownika|pracowniczy|dipendente|matricola|medewerker|personeelsnummer|colaborador|funcionário|funcionario|mitarbeiter|stamnummer|matrícula|matricula|dienstnummer|personalnr|ewidencyjny|mecanográfico|mecanografico|nómina|nomina|agent|legajo|dienstausweis|dienstausweises|trabajador|trabajadora|empregado)\.?(?:\s*(?:id|ids|number|no\.?|nr\.?|num|#|code|de|do))*",
        // "my own id W0045218", "my old id was KS-2281".
        r"|(?:my|own|old|new|his|her)\s+id",
        // "employee reference 300871" (a payroll reference is a case).
        r"|(?:employee|staff|personnel|payroll)\s+ref(?:erence)?\.?",
        // ... and words that do only with an id word: "clock number",
        // not "years of service 2015-2024".
        r"|(?:associate|colleague|clock|service|pass|works|assignment|agent|driver|operator|operative|crew|pay|contractor|user|login)(?:\s*(?:id|number|no\.?|nr\.?|num|#|code))+",
        // Then the id: "IT-884210", "E-20417", "#7781", "55A-2031",
        // "7731/KN", "S/44180", "30922A", "K 2210".
        // Between label and id: punctuation, an aside in brackets, or a
        // filler word with a space after it (so "AS12345" keeps its "AS").
        r")(?:\s*[:=]|\s*\(\p{L}+\)|\s*(?:is|was|as|es|el|est|le|ist|die|to|é|è|e|o|the|changed|from|c'est|c’est|lautet|luidt|wynosi)\s)*\s*\(?(?:(?i:nr|no|n[º°o])\.?\s*)?(\d{3,4}\s\d{3,4}|\d(?:\s\d){5,9}|[A-Z]{2,4}/\d{2,6}/\d{2,4}|\d{1,3}\.\d{3}|[A-Z]{1,4}/\d{3,8}|\d{3,8}/[A-Z]{1,4}|\d{3,8}[A-Z]|#?(?:[A-Z]{1,6}\d{0,2}-?){0,2}\d{3,10}(?:-[A-Z0-9]{1,4})?(?:-[A-Z0-9]{1,2})?|\d{1,3}[A-Z]{1,3}-\d{3,8}|\d{2,4}-\d{3,8}|[A-Z]{1,3}-\d{2}-\d{3,6}|[A-Z]\s\d{3,6})(?-u:\b)",
    ))
});
/// "I'm HX4410 on the rota system", "mine is 0038812", "the UK system
/// knows me as UK-10093": the writer names themself by a number.
static SELF_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:(?-u:\b)(?:I'm|I\u{2019}m|I am|im|(?i:mine is|mine's|mine says|knows me as|has me as|have me as|listed as)))\s+([A-Z]{1,3}-?\d{4,8}|[a-z]\d{4,8}|\d{5,10})(?-u:\b)",
        // "mine (112804736) says user not found".
        r"|(?i:(?-u:\b)mine)\s*\(\s*([A-Z]{1,3}-?\d{4,8}|\d{5,10})\s*\)",
    ))
});
/// "Hey its Kev from the bakery (B-40912)", "I'm Teo (0093321)": the
/// writer introducing themself with a number in brackets.
static INTRO_ID: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:(?-u:\b)(?:i'm|i am|its|it's|this is))\s[^().\n]{1,40}\(\s*([A-Z]{1,3}-?\d{4,10}|\d{5,10})\s*\)",
    )
});
/// "ID 61-4470", "ID: 558213": an upper-case "ID" before a number.
static EMP_BARE_ID: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:ID|EE\s?#|EE\s?ID)\s*(?:no\.?|#|:|is)?\s*((?:[A-Z]{1,3}-)?\d{2,4}-\d{3,6}|[A-Z]{1,3}-\d{2,6}-\d{2,6}|(?:[A-Z]{1,3}-)?\d{5,10})(?-u:\b)",
    )
});
/// Dates written year first with their units: Chinese and Japanese
/// "1987年10月3日", Korean "1993년 5월 8일", Hungarian "1975. június 2.".
static DATE_YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:19|20)\d{2}\s?[年년]\s?\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일]",
        r"|(?:19|20)\d{2}\.\s(?:január|február|március|április|május|június|július|augusztus|szeptember|október|november|december)\s\d{1,2}\.",
    ))
});
static DATE_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)?\d{2}|(?:19|20)\d{2}[/.\-]\d{1,2}[/.\-]\d{1,2})(?-u:\b)",
    )
});
/// A day written out: "twenty-third", "first".
const ORDINAL: &str = concat!(
    r"(?:(?:twenty|thirty)[\- ]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)",
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth",
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)",
);
const MONTH: &str = concat!(
    // "março" here: after "mar", "ç" would end the word for an ASCII "\b".
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch|ço)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?",
    // German, French, Spanish, Italian, Portuguese, Dutch, Polish (genitive).
    r"|januar|jänner|februar|märz|maerz|juni|juli|oktober|dezember",
    r"|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre",
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre",
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre",
    r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro",
    r"|januari|februari|maart|mei|augustus",
    r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)",
);
static DATE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?-u:\b)(?:\d{{1,2}}[\-/ ]{MONTH}[\-/ ](?:(?:19|20)\d{{2}}|\d{{2}})|{ORDINAL}\s+of\s+{MONTH}(?:,?\s+(?:19|20)\d{{2}})?|\d{{1,2}}(?:st|nd|rd|th|er|\.|°|º)?\s+(?:of\s+|de\s+)?{MONTH}\.?(?:,?\s+(?:de\s+)?(?:19|20)\d{{2}})?|{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d{{2}})?)(?-u:\b)"
    ))
});
static STREET_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Close|Crescent|Mews|Way|Court|Place|Terrace|Gardens|Estate|Cross|Main|Layout|Nagar|Marg|Sector|Block|Plot|Flat|Unit|House|Apartments|Residency)(?-u:\b)",
    )
});
/// ", Copacabana, Rio de Janeiro": one town, with its particles and a
/// district number ("Dublin 12"); `town_only` takes up to three.
static TOWN_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^,\s*\p{Lu}[\p{L}\-]+(?:[ \t]+(?:(?:de|da|do|del|di|la|le|sur|am|an|upon|on|es|el|al|dos|das)[ \t]+)?\p{Lu}[\p{L}\-]+)*(?:[ \t]+\d{1,2}(?-u:\b))?",
    )
});
/// A town after a postal code: " İzmir", " Tel Aviv", " Ciudad de México"
/// (a province after a slash or in brackets is `SLASH_PROVINCE`'s).
static TOWN_AFTER_CODE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^[ \t]+{TOWN}")));
/// A district letter or number, or a province, after the town.
static DISTRICT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[ \t](?:[A-Z]|[A-Z]{2,4}|\d{1,2})(?-u:\b)"));
/// A province or state after the town: ", CDMX", " - SP", ", Jal.".
static PROVINCE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:,\s*|\s+|\s*[/\-]\s*)(?:[A-Z]{2,4}(?-u:\b)|[A-Z][a-z]{1,3}\.|(?:[A-Z]\.){2,3})")
});
/// "7/4", "17.9": a day and a month without the year.
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)\d{1,2}[/.]\d{1,2}(?-u:\b)"));
/// All birth cues in one automaton: most texts have none, and one pass
/// tells.
static BIRTH_CUES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(BIRTH_CONTEXT).unwrap_or_else(|_| {
        // The cues are literals of this file; an empty automaton matches
        // nothing, so a build failure only disables birth-date detection.
        #[allow(clippy::expect_used)]
        aho_corasick::AhoCorasick::new::<_, &str>([]).expect("empty automaton")
    })
});
static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"['\u{2019}]\d{2}(?-u:\b)"));
/// "the 17th": a day of the month alone.
static DAY_ORDINAL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)(?:[12]?\d|3[01])(?:st|nd|rd|th)(?-u:\b)"));
/// "Jan '92": a month and a short year.
static MONTH_SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?-u:\b){MONTH}\.?\s+['\u{{2019}}]\d{{2}}(?-u:\b)"
    ))
});
/// "March 2019": a month and a year.
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?-u:\b){MONTH}\.?,?\s+(?:19|20)\d{{2}}(?-u:\b)"
    ))
});
/// A year written out: "nineteen eighty-one", "nineteen seventy".
static SPELLED_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)(?-u:\b)nineteen[\s\-](?:(?:thirty|forty|fifty|sixty|seventy|eighty|ninety)",
        r"(?:[\s\-](?:one|two|three|four|five|six|seven|eight|nine))?",
        r"|(?:oh|o)[\s\-](?:one|two|three|four|five|six|seven|eight|nine))(?-u:\b)",
    ))
});
/// A birthday that is a holiday, right after its cue: "my birthday is
/// Christmas Eve", "born on New Year's Day".
static HOLIDAY_BIRTH: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i:born\s+on|birthday\s+is|birthday's|birthday\s+falls\s+on)\s+(?:the\s+)?",
        r"((?:Christmas|Xmas)\s+(?:Eve|Day)|New\s+Year's\s+(?:Eve|Day)|Boxing\s+Day|Valentine's\s+Day|Halloween|St\.?\s+Patrick's\s+Day)",
    ))
});
/// "19680714": a compact year-month-day date.
static COMPACT_DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?-u:\b)"));
static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)(?:19|20)\d{2}(?-u:\b)"));
/// "born in 1897": a year a system got wrong, from before 1930.
static OLD_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)(?:18[5-9]\d|19[0-2]\d)(?-u:\b)"));
/// A UK postcode: "SW1A 1AA", "LS6 2AB".
const UK_POSTCODE: &str = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}";
static ADDRESS_US: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        concat!(
            // An optional flat or unit before the number: "Flat 2, 14 ...".
            r"(?-u:\b)(?:(?:Flat|Apartment|Apt|Unit|Suite)\.?\s+\d{{1,4}}[A-Za-z]?,?\s+|(?:(?:Unit|Flat)\s+)?\d{{1,4}}[A-Za-z]?/)?",
            // Number, then up to three words: capitalised, a compass letter
            // or an ordinal ("West 86th", "W 3rd", "N. Main").
            // "915 Ponce de Leon Ave": Spanish and Dutch particles inside.
            r"\d{{1,5}}[A-Za-z]?\s+(?:(?:[A-Z][a-z]+|[NSEW]|NE|NW|SE|SW|\d{{1,3}}(?:st|nd|rd|th))\.?\s+(?:(?:de|la|del|van|von|der|da|do|dos|of)\s+){{0,2}}){{1,3}}",
            r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Parkway|Pkwy|Terrace|Circle|Highway|Hwy|Square|Sq|Row|Close|Crescent|Gardens|Mews|Alley|Walk|Hill|Grove|Rise|Gate|Parade|Vale|Wharf|Yard|Plaza|Trail|Trl|Quay|Embankment|Cl|Cct|Pde|Tce|Cres|Concourse|Loop|Pike|Cottages|Villas|Mansions)(?-u:\b)\.?(?:\s+(?:NW|NE|SW|SE|N|S|E|W)(?-u:\b))?",
            // "Ang Mo Kio Ave 3 #04-56": a Singapore avenue's number and unit.
            r"(?:\s+\d{{1,2}}\s+\#\d{{1,3}}-\d{{1,4}})?",
            // A unit after the street: ", Apt 5C", " Suite 300", " #12".
            r"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|#)\.?\s*[A-Za-z0-9\-]{{1,8}})?",
            // City, then a UK postcode, a US state and ZIP, or a ZIP.
            // (A town alone is `town_only`'s, which knows common words.)
            r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,?\s+(?:{pc}|[A-Z]{{2}}(?:\s+\d{{5}}(?:-\d{{4}})?)?|\d{{5}}(?:-\d{{4}})?)(?-u:\b))?",
        ),
        pc = UK_POSTCODE
    ))
});
/// A floor, flat, door or building part written after a street: "3. OG
/// links", "1º izquierda", "5è 2a", "app. 3", "scala B", "interno 7",
/// "bâtiment C", "bus 4", "#05-12", "3. tv", "st. th.", "2 tr", "5th
/// Floor", "3e étage", "Hinterhaus", "bajo B", "lok. 3.14", "Top 7".
const FLOOR: &str = concat!(
    r"(?:\d{1,2}\.?\s?(?:OG|EG|UG|DG|Etage|Stock)(?:\s+(?:links|rechts|li|re|Mitte))?",
    r"|\d{1,2}\.?\s?[ºª°èé]\.?\s?(?:\d?[A-Za-z]{1,10}\.?)?",
    r"|\d{1,2}(?:st|nd|rd|th)\s+(?i:floor)",
    // "3 esq", "2º dto": a Portuguese floor and side.
    r"|\d{1,2}\.?[ºª]?\s?(?i:esq|dto|dt|dir)\.?(?-u:\b)",
    r"|\d{1,2}(?:e|er|re|ème|eme)\s+(?i:étage|etage)",
    r"|(?:\d{1,2}\.?|st\.)\s?(?:tv|th|mf)(?-u:\b)\.?",
    // A Norwegian flat number: "H0302".
    r"|H\d{4}",
    r"|\d{1,2}\s+tr(?-u:\b)",
    r"|\d{1,2}[rnt]\s\d{1,2}a",
    r"|\#\d{1,3}-\d{1,4}",
    // Building parts that need no number: the back house, the ground floor.
    r"|(?i:hinterhaus|vorderhaus|seitenflügel|gartenhaus|souterrain|dachgeschoss|bajo|entresuelo|ático|atico|sótano|rés-do-chão|r/c|parterre|kld\.|fundos|frente|zona\s+industriale|z\.i\.)(?:\s+[A-Za-z0-9]{1,3}(?-u:\b)\.?)?",
    // Balkan, Romanian, Hungarian, Turkish, Bulgarian, Russian and
    // Ukrainian floors and flats: "3. kat", "stan 12", "et. 4", "sc. 2",
    // "em. 3", "Daire: 7", "ет. 3", "кв. 15".
    r"|(?:(?:\d{1,2}|[IVX]{1,4})\.\s?)?(?i:kat|em\.|emelet)(?:\s*\d{1,3}\.?)?",
    r"|\d{1,2}(?:ος|ου|ο)\s(?:όροφος|ορόφου)",
    r"|(?i:stan|et\.|sc\.|bl\.|ap\.|daire:?|d:|no:|ет\.|ап\.|кв\.|oficina|of\.|sector)\s*[A-Za-z0-9]{1,4}\.?",
    r"|(?i:floor|fl\.|piso|planta|piano|étage|etage|escalier|esc\.|scala|interno|int\.|portal|puerta|pta\.|bâtiment|bât\.|bat\.|bloco|cj\.|conj\.|bloc|block|blk|bus|boîte|bte|appartement|apartamento|appartamento|apto\.?|apt\.?|appt\.?|app\.?|ap\.|lgh|hinterhaus|apartment|suite|ste\.|unit|flat|lok\.|m\.|door|torre|depto\.?|dpto\.?|departamento|casa|lote|mz\.?|manzana|bldg\.?|top|stiege|stg\.|tür|int|bodega|local|zona|lot|quận|quan|rt)",
    // "piso 3 B": a letter after the number.
    r"\s*[A-Za-z0-9]{1,4}(?:[./][0-9]{1,3})?\.?(?:\s[A-Z](?-u:\b))?",
    // "RT 05/RW 02": an Indonesian neighbourhood unit.
    r"(?:/RW\s?\d{1,3})?)",
);
/// A neighbourhood named after the street: "Col. Insurgentes Mixcoac",
/// "Bairro Moinhos de Vento", "Brgy. San Antonio".
const NEIGHBOURHOOD: &str = concat!(
    r"(?i:col\.|colonia|fracc\.|fraccionamiento|bairro|barrio|brgy\.|barangay|urb\.|urbanizaci[oó]n|phường|xã|huyện|jardim|vila|cité)",
    r"\s+\p{L}[\p{L}\-]*(?:\s+(?:(?:de|da|do|del|la|las|los)\s+)?\p{Lu}[\p{L}\-]*){0,3}",
);
/// A postal code's label: "C.P.", "CEP", "PIN", "ZIP".
const CODE_LABEL: &str = r"(?i:c\.\s?p\.|cp|cep|pin|zip|postal\s+code)\s*:?\s*";
/// A town: one to three capitalised words ("São Paulo", "Cape Town City").
const TOWN: &str = r"\p{Lu}[\p{L}\-]+(?:[ \t]+(?:(?:de|da|do|del|di|la|le|am|an|upon|sur|en|es|el|al|dos|das)[ \t]+)?\p{Lu}[\p{L}\-]+){0,2}";
/// A town at the end of an address block, which may span its last line
/// break ("Shinjuku-ku\nTokyo 160-0023").
const BLOCK_TOWN: &str = r"\p{Lu}[\p{L}\-]+(?:\s+(?:(?:de|da|do|del|di|la|le|am|an|upon|sur|en)\s+)?\p{Lu}[\p{L}\-]+){0,2}";
/// Codes that are postal codes on their own: UK, Irish Eircode, Canadian,
/// Polish, Portuguese, Brazilian, Dutch, Japanese, Argentine.
fn distinct_code() -> String {
    format!(
        r"(?:[A-Z]\d{{4}}[A-Z]{{3}}|{UK_POSTCODE}|[A-Z]\d{{2}}\s?[A-Z0-9]{{4}}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{{5}}-\d{{3}}|\d{{4}}-\d{{3}}|\d{{2}}-\d{{3}}|\d{{3}}-\d{{4}}|\d{{4}}\s?[A-Z]{{2}})"
    )
}

/// After a street, its flat, postal code and town: ", app. 3, Montréal
/// (Québec) H2J 2L3", ", 00-514 Warszawa", ", 111 22 Stockholm", ",
/// Consolação, São Paulo - SP, 01304-001", " 1017 AB Amsterdam".
static POSTAL_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    let dc = distinct_code();
    re(&format!(
        concat!(
            r"^(?:,?\s*(?:{floor}|{hood})){{0,3}}(?:",
            // A Dublin district: ", Dublin 2, D02 H9X4".
            r"(?:\s+\d{{1,2}},)?",
            r",?\s*(?:",
            r"{dc}(?:\s+{town})?",
            // A labelled code: ", C.P. 03920", ", CEP 05435-000", ", PIN
            // 560038" (a town after it is the town rule's).
            r"|{label}\d{{4,6}}(?:-\d{{3,4}})?",
            // Four or five digits only with the town: ", 69003 Lyon".
            r"|(?:[A-Z]{{1,2}}-)?\d{{4,5}}\s+{town}",
            r"|\d{{3}}\s\d{{2}}\s+{town}",
            // Towns first, maybe a state, then the code: ", Fitzroy VIC
            // 3065", ", Bengaluru 560001", ", New York, NY 10011".
            r"|(?:{town}\.?(?:\s+\d{{1,2}})?,?\s+){{1,2}}(?:[\-–]\s*)?(?:[A-Z]{{2,3}}\.?,?\s+|\([\p{{L}} ]+\)\s+)?(?:{label})?(?:{dc}|\d{{3}}\s\d{{3}}|\d{{5}}-\d{{4}}|\d{{4,6}})",
            // A bare four-digit code after a town the street already
            // holds: "27 Karangahape Road, Auckland 1010".
            r"|\d{{4}}",
            // Unicode boundary: towns end in "ź", "ö", "é".
            r")(?:\s+CEDEX)?)?",
        ),
        floor = FLOOR,
        hood = NEIGHBOURHOOD,
        label = CODE_LABEL,
        dc = dc,
        town = TOWN,
    ))
});
/// What a landmark is, after its name: "opposite Emirates Towers metro",
/// "behind Lulu hypermarket".
const LANDMARK_NOUN: &str = r"(?:metro|station|mall|mosque|church|temple|school|market|hospital|roundabout|junction|hotel|bank|hypermarket|supermarket|petrol\s+station|filling\s+station|bus\s+stop|stage|police\s+station|post\s+office)(?-u:\b)";
/// One more part after a street and its first tail, taken one at a time:
/// a floor or flat, a neighbourhood, or a postal code with its town, a
/// district ("København N", "Praha 10") and a province ("Milano MI",
/// "Guadalajara, Jal.", "Salvador/BA"); "lubbock tx 79401" in lowercase.
static TAIL_PART: LazyLock<Regex> = LazyLock::new(|| {
    let dc = distinct_code();
    re(&format!(
        concat!(
            r"^(?:,|/|\s-|\s–)?[ \t]*\n?[ \t]*(?:{floor}|{hood}",
            // An Argentine code: "C1045 CABA".
            r"|[A-Z]\d{{4}}\s+(?:CABA|{town})",
            // A landmark: "opp. Sacred Heart Church", "near Safeway".
            r"|(?:opp\.|opposite|near|behind|beside|next\s+to)\s+(?:the\s+)?\p{{Lu}}[\p{{L}}'\-]+(?:\s+\p{{Lu}}[\p{{L}}'\-]+){{0,3}}(?:\s+{landmark})?",
            // An Irish county in Irish or English: "Co. Chiarraí V92 F6X1",
            // "Co. na Gaillimhe", "Co. Dhún na nGall".
            r"|Co\.?\s+(?:na\s+)?(?:[bdghmnt]h?)?\p{{Lu}}\p{{L}}+(?:\s+na\s+(?:[bdghmnt]h?)?\p{{Lu}}\p{{L}}+)?(?:,?\s+[A-Z]\d{{2}}\s?[A-Z0-9]{{4}})?",
            r"|(?:",
            r"{dc}(?:\s+{town})?",
            r"|{label}\d{{4,6}}(?:-\d{{3,4}})?",
            r"|(?:[A-Z]{{1,2}}-)?\d{{4,5}}\s+{town}",
            r"|\d{{3}}\s\d{{2}}\s+{town}",
            // "Konak, 35250 İzmir", "Tel Aviv 6688218": the town may follow
            // the code too.
            r"|{town}\.?(?:\s+\d{{1,2}})?,?\s+(?:[\-–]\s*)?(?:[A-Z]{{2,3}}\.?,?\s+)?(?:{label})?(?:{dc}|\d{{3}}\s\d{{3}}|\d{{5}}-\d{{4}}|\d{{4,7}})(?:[ \t]+{town})?",
            // Lowercase: "lubbock tx 79401", "hillsborough, auckland 1042"
            // (a four-digit code that is no year).
            r"|[a-z]{{3,}}(?:,?\s+[a-z]{{3,}})?,?\s+(?:[a-z]{{2}}\s+\d{{5}}|(?i:{pc})|(?:0\d{{3}}|1[0-8]\d{{2}}|[3-9]\d{{3}}|2[1-9]\d{{2}}|20[4-9]\d))",
            r")(?:\s+(?:[A-Z]|\d{{1,2}})(?-u:\b))?(?:\s+CEDEX(?:\s+\d{{1,2}})?)?",
            r"(?:(?:,\s*|\s+|\s*[/\-]\s*)(?:[A-Z]{{2,4}}(?-u:\b)|[A-Z][a-z]{{1,3}}\.|(?:[A-Z]\.){{2,3}}))?)",
        ),
        floor = FLOOR,
        hood = NEIGHBOURHOOD,
        label = CODE_LABEL,
        dc = dc,
        town = TOWN,
        pc = UK_POSTCODE,
        landmark = LANDMARK_NOUN,
    ))
});
/// Irish- and Welsh-language streets: "9 Sráid an Droichid", "Bóthar an
/// tSléibhe", "23 Heol y Cwm", "7 Ard na Gréine" (the common words only
/// with a house number).
static ADDRESS_CELTIC: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?-u:\b)(?:(?:\d{1,4}[A-Za-z]?,?\s+)?(?:Sráid|Bóthar|Ascaill|Cearnóg|Heol|Ffordd|Stryd|Rhodfa|Cilgant)",
        r"|\d{1,4}[A-Za-z]?,?\s+(?:Lána|Plás|Ardán|Ard|Páirc|Bealach|Cúirt|Radharc|Gleann|Cnoc|Lôn|Maes|Llys|Teras|Clos|Cae))",
        r"\s+(?:(?:an|na|nan|y|yr|'r)\s+)?(?:[bdghmnt]h?)?\p{Lu}[\p{L}'\-]+",
        r"(?:\s+(?:(?:an|na|nan|y|yr)\s+)?(?:[bdghmnt]h?)?\p{Lu}[\p{L}'\-]+){0,2}",
    ))
});
/// Japanese addresses from the prefecture ("〒150-0002 東京都渋谷区渋谷2丁目
/// 21−1"), and Korean road-name addresses ("서울특별시 마포구 월드컵북로12길 34,
/// 502호"). Hiragana (particles) ends the Japanese one.
static ADDRESS_CJK: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:〒\s?\d{3}[-−]\d{4}\s*)?(?:東京都|北海道|京都府|大阪府|\p{Han}{2,3}県)",
        r"[\p{Han}\p{Katakana}ー々0-9０-９\-−–]+(?:\s*[\p{Katakana}\p{Han}ー・]+\s*[0-9０-９]+(?:号室|号)?)?",
        r"|(?:\p{Hangul}{2,4}(?:특별시|광역시|특별자치시|도))\s\p{Hangul}{1,5}(?:시|군|구)(?:\s\p{Hangul}{1,5}구)?",
        r"\s[\p{Hangul}0-9]{1,12}(?:로|길)(?:[0-9]{1,3}번?길)?\s[0-9]{1,4}(?:-[0-9]{1,4})?(?:,\s*[0-9]{1,4}(?:동\s*)?[0-9]{0,4}호)?",
    ))
});
/// A house number (Czech "427/31") and a comma: where an unlisted street
/// ("Masarykova", "Sveavägen") may end, when a postal code follows.
static NUMBER_COMMA: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)\d{1,4}[a-zA-Z]?(?:[/\-]\d{1,4}[a-zA-Z]?)?,"));
/// The street's words before such a number: capitalised, with particles.
static NAMED_STREET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\p{Lu}[\p{L}\-']*\.?\s+(?:(?:\p{Lu}[\p{L}\-']*|de|la|del|van|von|der|di|da|gate|gata|vei|vej)\s+){0,2}$",
    )
});
/// A postal code in a tail: "602 00", "0552", "3511 LH", "00-697".
static CODE_IN_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?-u:\b)(?:\d{{3}}\s\d{{2}}|\d{{4,7}}|\d{{2}}-\d{{3}}|\d{{4}}\s?[A-Z]{{2}}|{UK_POSTCODE})(?-u:\b)"
    ))
});
/// What may open an address before the part a pattern found, ending right
/// where it starts: a residence, building, tower or flat set off by a
/// comma ("Résidence les Tilleuls, ", "Bât. C, ", "Appt 6, "), a block
/// number ("Blk 123 "), or a street's given name and particle ("Jan van ").
static ADDRESS_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:(?:(?:(?i:résidence|residence|immeuble|imm\.|bâtiment|bât\.|bat\.|tour|appt\.?|apt\.?|appartement|apartment|villa|blk|block|bloc|flat|unit|building|bldg\.?|escalier|esc\.|entrée|chalet|quinta|edificio|edif\.|torre|conjunto|condominio|suite|office|room|wing)",
        r"\s+[\p{L}\d][\p{L}\d'\-]*(?:\s+[\p{L}\d][\p{L}\d'\-]*){0,3}",
        // "1st Floor, ", "2/F, ", "Level 3, ", "0/2, " (a Glasgow flat).
        r"|\d{1,2}(?:st|nd|rd|th)\s+(?i:floor)|\d{1,2}/F|(?i:level|floor)\s+\d{1,2}|(?i:ground|first|second|third)\s+(?i:floor)|\d{1,2}/\d{1,2}),\s*)+",
        r"|(?i:blk|block|plot|lot|apt|flat|unit|suite)\.?\s+\d{1,5}[A-Za-z]?\s+|(?:Blk|Hse|No\.|(?i:no|lot|plot|flat|apt|unit|suite))\s+",
        // "1134 Budapest, Váci út 45.": the code and the town first.
        r"|\d{4}\s+\p{Lu}\p{Ll}+,\s+",
        // "Caferağa Mah. ": a Turkish neighbourhood before its street.
        r"|\p{Lu}\p{Ll}+\s+(?:Mah\.|Mahallesi)\s+",
        r"|\p{Lu}\p{Ll}+\s+(?:van|von|de|der|den|ter)\s+(?:der\s+|den\s+)?)$",
    ))
});
/// Two parts of one address found apart ("Bât. C, Résidence les Tilleuls,
/// 8 allée des Peupliers"): what may stand between them.
static ADDRESS_GLUE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^[,\s]*(?:(?:{FLOOR}|\p{{Lu}}[\p{{L}}'\-]*\.?|an|na|y|yr|de|del|da|do|la|le|les|des)[,\s]+){{0,3}}$"
    ))
});
/// One line of an address: capitalised words, numbers and address words
/// ("Flat 402", "14th Cross", "H.No. 3-6-152", "#05-12", "off Kiambu Road").
const ADDRESS_LINE: &str = concat!(
    r"(?:[\p{Lu}\d#][\p{L}\d'\u{2019}\-./]*|(?:off|rue|avenue|boulevard|allée|chemin|quai|impasse|via|calle|rua|de|del|la|le|des|du|da|do|di|of|na)(?-u:\b))",
    r"(?:\s+(?:[\p{Lu}\d#][\p{L}\d'\u{2019}\-./]*|(?:off|rue|avenue|boulevard|allée|chemin|quai|impasse|via|calle|rua|de|del|la|le|des|du|da|do|di|of|na)(?-u:\b))){0,6}",
);
/// Irish counties, which end an address as a postcode does.
const COUNTY: &str = r"Co\.?\s+(?:Antrim|Armagh|Carlow|Cavan|Clare|Cork|Derry|Donegal|Down|Dublin|Fermanagh|Galway|Kerry|Kildare|Kilkenny|Laois|Leitrim|Limerick|Longford|Louth|Mayo|Meath|Monaghan|Offaly|Roscommon|Sligo|Tipperary|Tyrone|Waterford|Westmeath|Wexford|Wicklow)";
/// An address written as comma-separated lines that ends in a postcode or
/// an Irish county: "Rose Cottage, Long Lane, Little Snoring, Fakenham NR21
/// 0HX", "Flat 402, Sai Krupa Apartments, 14th Cross, Indiranagar,
/// Bengaluru 560038", "Knockbrack, Kilmacthomas, Co. Waterford".
static ADDRESS_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    let dc = distinct_code();
    re(&format!(
        concat!(
            // Lines end in a comma or a line break ("Rose Cottage\nChurch
            // Lane\nLittle Snoring\nFakenham\nNR21 0AB").
            r"(?:{line}(?:,\s+|[ \t]*\n[ \t]*)){{1,6}}",
            r"(?:{county}(?:,?\s+[A-Z]\d{{2}}\s?[A-Z0-9]{{4}})?",
            r"|{town}(?:\s+\d{{1,2}})?(?:\s*\([\p{{L}} ]+\))?(?:,?\s+(?:[\-–]\s*)?[A-Z]{{2,3}})?,?\s+(?:{dc}|\d{{6}}|\d{{3}}\s\d{{3}}|\d{{5}}(?:-\d{{4}})?|\d{{4}}))",
        ),
        line = ADDRESS_LINE,
        county = COUNTY,
        town = BLOCK_TOWN,
        dc = dc,
    ))
});
/// A landmark line of an address: "near Hanuman temple", "opposite the
/// Total filling station", "behind the Methodist church".
const LANDMARK_LINE: &str = r"(?:near|behind|opposite|opp\.|beside|next\s+to)\s+(?:the\s+)?[\p{L}\d'\-]+(?:[ \t]+[\p{L}\d'\-]+){0,3}";
/// An address that opens with a plot, house, unit or box number: "Plot 14,
/// Block C, Lekki Gardens Estate Phase 2, Ajah, Lagos", "P.O. Box
/// 10428-00100, Nairobi", "RR 2 Box 118, Hillsboro, WV 24946".
static ADDRESS_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        concat!(
            r"(?:(?-u:\b)(?:Plot|House\s+No\.?|House|Hse|H\.\s?No\.?|H/No\.?|Unit|Block|Blk|Stand|Erf|Shop|Villa|No\.?|Building|Bldg\.?|Apartment|Apt\.?|Flat|Door\s+No\.?|P\.?\s?O\.?\s?Box|Private\s+Bag|RR|Rural\s+Route",
            // "Purok 3, Brgy. San Isidro".
            r"|Purok|Section|Allotment|plot|house|stand|villa",
            // Post boxes and flats in other languages: "Postfach 112",
            // "Apartado de Correos 1123", "Casella Postale 218", "Postbus
            // 1021", "Appartement 12", "Lot 4521".
            r"|Postfach|Apartado(?:\s+de\s+Correos)?|Casella\s+Postale|Postbus|Skrytka\s+pocztowa|Caixa\s+Postal|Appartement|Appartamento|Apartamento|Lot)",
            // "Blk 5 Lot 12": a Philippine block and lot.
            // A number, or a lone letter ("Block C"): not "Flat Rate" or
            // "Building Services".
            r"\s*(?:n[°º]\.?\s*|No\.\s*)?(?:[A-Z]{{0,3}}-?\d[\w\-/]*|[A-Z](?-u:\b))(?:\s+Box\s+\d+|\s+Lot\s+\d+)?",
            // "Mz. B Lt. 4", "Mz 3 Lt 12": a Peruvian or Mexican block and
            // lot; "99/12 Moo 4": a Thai house and village number.
            r"|(?-u:\b)Mz\.?\s*[A-Z0-9]{{1,3}}\s+Lt\.?\s*\d{{1,3}}|(?-u:\b)\d{{1,4}}/\d{{1,4}}\s+Moo\s+\d{{1,2}})",
            r"(?:,\s+(?:{landmark}|{line})){{1,6}}",
        ),
        line = ADDRESS_LINE,
        landmark = LANDMARK_LINE,
    ))
});
/// An address that opens with a suite, office or wing, then two lines or
/// more ("Office 1404, Churchill Tower, Business Bay", "Wing C-704, Lodha
/// Splendora, Ghodbunder Road"): one line ("Office 4, Block C") is a room
/// at work.
static ADDRESS_SUITE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?-u:\b)(?:Suite|Office|Wing)\s+[A-Z]{{0,3}}-?\d[\w\-/]*(?:,\s+(?:{landmark}|{line})){{2,6}}",
        // Its lines stay on one line: "Business Bay\nM: +971 ..." ends it.
        line = ADDRESS_LINE.replace(r"(?:\s+", r"(?:[ \t]+"),
        landmark = LANDMARK_LINE,
    ))
});
/// Where an address block can end: a postcode, a number of four to six
/// digits, or an Irish county (ASCII only, so the fast engine runs it).
static BLOCK_END: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        concat!(
            r"(?-u:\b)(?:{pc}|[A-Z]\d{{2}}\s?[A-Z0-9]{{4}}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{{3}}\s\d{{3}}|\d{{4,6}}(?:-\d{{3,4}})?",
            r"|\d{{2,3}}-\d{{3,4}}|\d{{4}}\s?[A-Z]{{2}}",
            r"|Co\.?\s+(?:Antrim|Armagh|Carlow|Cavan|Clare|Cork|Derry|Donegal|Down|Dublin|Fermanagh|Galway|Kerry|Kildare|Kilkenny|Laois|Leitrim|Limerick|Longford|Louth|Mayo|Meath|Monaghan|Offaly|Roscommon|Sligo|Tipperary|Tyrone|Waterford|Westmeath|Wexford|Wicklow)(?:,?\s+[A-Z]\d{{2}}\s?[A-Z0-9]{{4}})?)",
        ),
        pc = UK_POSTCODE,
    ))
});
/// Lowercase, as typed in chat: "2200 oak hollow dr", "55 elm st apt 3
/// somerville ma".
static ADDRESS_LOWER: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        // "1184 w maple ave": a compass letter may lead; "unit 9 / 3
        // kembla st": an Australian unit before the number.
        r"(?-u:\b)(?:(?:unit|flat|apt)\s+\d{1,4}[a-z]?\s*/\s*\d{1,5}|\d{1,4}/\d{1,5}|\d{2,5}[a-z]?|\d[a-z])\s+(?:(?:[nsew]|[NSEW]|NE|NW|SE|SW)\s+)?(?:(?:[a-z]{2,}|\d{1,3}(?:st|nd|rd|th))\s+){1,3}",
        r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|parkway|pkwy|terrace|circle|highway|hwy|close|crescent|cres|cct|pde|tce|gardens|mews|grove|rise|concourse|trl|sq|square)",
        r"(?-u:\b)\.?",
        r"(?:\s+(?:apt|unit|suite|\#)\.?\s*\d{1,5}[a-z]?)?",
        // A UK town and postcode: ", sale m33 4rt".
        r"(?:,?\s+[a-z]{3,}(?:\s+[a-z]{3,})?,?\s+[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}(?-u:\b))?",
        r"(?:,?\s+[a-z]{3,}(?:\s+[a-z]{3,})?,?\s+(?:al|ak|az|ar|ca|co|ct|de|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy|dc)(?:\s+\d{5})?(?-u:\b)|,?\s+[a-z]{3,}(?:\s+[a-z]{3,})?,?\s+(?:nsw|vic|qld|tas|act|nt|sa)\s+\d{4}(?-u:\b))?",
    ))
});
/// Lowercase German, Dutch and Nordic streets with a number, then a code
/// and a town: "lindenstr 14 10969 berlin", "kerkstraat 5 bus 2, 2000
/// antwerpen".
static ADDRESS_LOWER_EU: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?-u:\b)\p{Ll}{3,}(?:straße|strasse|str\.?|weg|gasse|allee|platz|laan|straat|gracht|kade|plein|vej|gade|gatan|vägen|katu)",
        r"\s+\d{1,4}[a-z]?(?:\s+bus\s+\d{1,3})?,?\s+\d{4,5}\s+\p{Ll}{3,}",
    ))
});
/// Chinese addresses: "广州市天河区体育西路103号维多利广场B座1608室". Chinese
/// has no spaces, so the city may take one or two characters of the words
/// before it ("址是广州市"): a little over-redaction, never a leak.
static ADDRESS_ZH: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:\p{Han}{2,4}省)?\p{Han}{2,4}市\p{Han}{1,6}(?:区|县|市)\p{Han}{1,12}(?:路|街|道|大道)\d{1,5}号",
        r"(?:[\p{Han}A-Z\d\-]{0,16}\d{1,5}(?:室|楼))?",
    ))
});
/// An address that opens with its building: "Friendship Building, 5th
/// floor, Bole Road, Addis Ababa", "Level 2, Ratu Sukuna House, ...":
/// kept only when a street, a code or towns follow.
static ADDRESS_BUILDING: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?-u:\b)(?:(?:Level|Floor)\s+\d{1,2},\s+)?\p{Lu}[\p{L}\-]+(?:[ \t]+\p{Lu}[\p{L}\-]+){0,3}[ \t]+",
        r"(?:Building|Bldg\.?|Tower|House|Plaza|Centre|Center|Complex|Mall)",
        r"(?:,\s+(?:\d{1,2}(?:st|nd|rd|th)\s+[Ff]loor|[Ff]loor\s+\d{1,2}|Level\s+\d{1,2}))?",
        // Qatar: "Zone 38, Street 850".
        r"|(?-u:\b)Zone\s+\d{1,3},\s+Street\s+\d{1,4}",
    ))
});
/// A lowercase UK address, known by its postcode: "61 kingsway, swansea
/// sa1 5jq".
static ADDRESS_LOWER_UK: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?-u:\b)\d{1,4}[a-z]?\s+[a-z]{3,}(?:\s+[a-z]{2,}){0,2},\s+[a-z]{3,}(?:\s+[a-z]{3,})?,?\s+",
        r"[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}(?-u:\b)",
    ))
});
/// A lowercase address that opens with its house, plot or villa number,
/// as typed in chat: "no 45, 2nd cross, 5th main, indiranagar, bengaluru
/// 560038", "villa 23, street 14b, al barsha 2, ...". The lines after it
/// are `lower_chain`'s.
static ADDRESS_LOWER_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:no|h\.?\s?no|plot|flat|villa|house|shop|door\s+no|apt|unit|lot|blk|block|building|bldg)\.?\s*\#?\d{1,5}[a-z]?(?:[\-/]\d{1,4}[a-z]?)*(?-u:\b)",
    )
});
/// One comma-separated lowercase line of an address, maybe a landmark:
/// ", 2nd cross", ", off allen avenue", ", behind lulu hypermarket", ",
/// miraflores lima 15074".
static LOWER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[ \t]*,[ \t]*(?:(?:off|near|opposite|opp\.|behind|beside|next\s+to)\s+)?[\p{Ll}\d][\p{Ll}\d\-'/]*(?:[ \t]+[\p{Ll}\d][\p{Ll}\d\-'/]*){0,3}(?:[ \t]+[A-Z]{2}(?-u:\b))?",
    )
});
/// Street words of a lowercase line: "2nd cross", "allen avenue".
const LOWER_STREET_WORDS: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "lane",
    "ln",
    "cross",
    "main",
    "nagar",
    "layout",
    "sector",
    "marg",
    "crescent",
    "close",
    "drive",
    "colony",
    "estate",
    "phase",
    "gali",
    "chowk",
    "calle",
    "avenida",
    "rua",
    "carrera",
    "way",
    "boulevard",
    "blvd",
    "ct",
    "court",
];
/// German, Dutch, Nordic streets: "Lindenstraße 14", "Gumpendorfer Straße
/// 17/2/9", "Am Sonnenhang 7a", "Thereses gate 35B", "Kortrijksesteenweg
/// 1093 bus 4", "Vondelstraat 88-III".
static ADDRESS_EU: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?-u:\b)(?:\p{Lu}[\p{Ll}\p{Lu}\-]*\p{Ll}(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer|laan|straat|gracht|kade|steenweg|singel|plein|vej|gade|gatan|gata|gate|veien|vegen|katu|vegur|stræti|braut|stígur|vägen|gränd|torget|stræde|torv|plads|dijk|dreef|markt|kaai)",
        // Finnish "-tie", "-polku", "-kuja" after a long stem ("Mannerheimintie"),
        // not a name ("Katie 12").
        r"|\p{Lu}\p{Ll}{5,}(?:tie|polku|kuja)",
        // "Wilhelm-Leuschner-Straße 41": a name joined to its street word.
        r"|\p{Lu}[\p{L}\-]*-(?:Straße|Strasse|Str\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer)",
        r"|\p{Lu}[\p{L}\-]+\s+(?:Straße|Strasse|Str\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer|Laan|Straat|Gracht|Kade|Steenweg|gate|gata|gatan|gade|vej|veien|vegen|katu)",
        // Estonian, Latvian, Lithuanian and Turkish street words after the
        // name: "Tartu mnt 18-4", "Brīvības iela 12", "Bağdat Caddesi 312/5".
        r"|\p{Lu}[\p{L}\-]+\s+(?:mnt|tn|pst|maantee|tänav|puiestee|iela|gatvė|g\.|pr\.|Caddesi|Cad\.|Sokak|Sokağı|Sk\.|Bulvarı|Blv\.|út|utca|u\.|tér|körút|krt\.)(?:\s+No:)?",
        // Central Asian and Russian streets, transliterated: "Abay avenue
        // 44", "Mustaqillik ko'chasi 17", "Lenina ulitsa 5".
        r"|\p{Lu}[\p{L}\-]+\s+(?:avenue|street|ko'chasi|ko‘chasi|kuchasi|köçəsi|prospekt|prospekti|ulitsa|ulica|koshesi|köshesi)",
        // The type before the number: "Rothschild Blvd 22".
        r"|\p{Lu}[\p{L}\-]+\s+(?:Blvd|Boulevard)",
        // Serbian and Croatian: "Bulevar kralja Aleksandra 73".
        r"|(?:Bulevar|Ulica|Trg)\s+(?:\p{Ll}+\s+)?\p{Lu}[\p{L}\-]+",
        r"|(?:Am|An\s+der|An\s+den|Im|Auf\s+dem|Auf\s+der|Zum|Zur|In\s+der|Unter\s+den|Hinter\s+der)\s+\p{Lu}[\p{L}\-]+)",
        // "Mannerheimintie 102 B 14": a Finnish staircase and flat.
        r"\s+\d{1,4}[a-zA-Z]?(?:[/\-]\d{1,3}[A-Za-z]?){0,3}(?:-[IVX]{1,4}|-[A-Z](?-u:\b))?(?:[\s\-](?:bis|ter))?(?:-\d?\s?(?:hoog|hg)(?-u:\b))?(?:\s+D:\s*\d{1,3}|\s+(?:bus|hs|huis)\s*\d{1,4}|\s[A-H]\s\d{1,3}|\s[A-H](?-u:\b))?(?-u:\b)",
    ))
});
/// French, Iberian and Italian streets, number first or street first.
static ADDRESS_ROMANCE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        // French, number first: "12 bis rue de la Paix", "52 quai de Dion-Bouton".
        // "27 rue Francis de Pressensé": particles between the words too.
        r"(?-u:\b)(?:\d{1,4}(?:\s?(?:bis|ter|quater|[A-D]))?,?\s+(?i:rue|avenue|av\.|boulevard|bd|quai|impasse|allée|chemin|place|cours|route|square|passage)\s+(?:(?i:de|du|des|la|le|l'|d')\s*){0,2}[\p{L}\-]+(?:\s+(?:(?:de|du|des|la|le|d')\s+)?\p{Lu}[\p{L}\-]+){0,2}",
        // Portuguese, Spanish, Italian, number first: "7 Rua das Flores".
        r"|\d{1,4},?\s+(?i:rua|avenida|av\.|travessa|largo|praça|calle|via|viale|piazza|corso|carrer|avinguda|passeig)\s+(?:(?i:de|do|da|dos|das|del|della|dei|degli|delle|di|la|los|las|dels)\s+){0,2}\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){0,2}",
        // Street first: "Calle Mayor 5", "Via dei Mille 23", "Corso Buenos Aires 77".
        // "Calle 5 de Mayo 32": a street named after a date.
        r"|(?:(?i:via|viale|vicolo|corso|largo|strada|piazza|piazzale|calle|avenida|av\.|avda\.|rua|travessa|carrer|avinguda|passeig|ronda|camino|paseo|plaza|praça|alameda|rambla|pasaje|pje\.|cerrada|privada|andador|callejón|callejon|circuito|retorno|jr\.|jirón|jiron)\s+(?:\d{1,2}\s+de\s+)?|[Cc]/\s*",
        // Belgian and Swiss French put the number after: "rue de la
        // Station 27", "chaussée de Louvain 112".
        r"|(?:rue|Rue|avenue|Avenue|chaussée|Chaussée|boulevard|Boulevard|quai|Quai)\s+(?:(?:de|du|des|la|le|l')\s*){0,2}",
        // "place" is an English word too ("takes place Monday 14"): only
        // with a French article.
        r"|(?:place|Place)\s+(?:(?:de|du|des|la|le|l')\s*){1,2})",
        r"(?:(?i:de|del|da|do|dos|das|di|dei|degli|delle|della|dello|la|los|las|dels|d'|dell'|dall'|all'|nell'|sull')\s*){0,2}\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){0,2},?\s+(?:(?:No\.?|Nr\.?|n[º°]\.?|\#)\s*)?(?:\d{1,4}[A-Za-z]?|s/n(?-u:\b)))",
        // A Mexican street's side of town: "405 Ote.", "12 Pte.".
        r"(?:\s+(?:Ote|Pte|Nte|Oriente|Poniente|Norte|Sur)(?-u:\b)\.?)?",
    ))
});
/// Latin American streets: Colombian grid addresses ("Calle 45 # 12-30",
/// "Carrera 43A # 1 Sur-100") and a street typed in lowercase before its
/// number ("calle morelos 214").
static ADDRESS_LATAM: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?-u:\b)(?:(?i:calle|carrera|cra\.?|cl\.?|avenida|av\.|diagonal|transversal|dg\.?|tv\.?|kr\.?)\s+\d{1,3}[A-Za-z]?(?:\s+(?i:bis|sur|norte|este))?",
        r"\s*(?:#|(?i:no\.?|n[º°o]\.?))\s*\d{1,3}[A-Za-z]?(?:\s+(?i:sur|bis|norte|este))?\s*-\s*\d{1,3}",
        // "Andador 14 No. 22", "Privada 3 No. 105": a numbered lane and
        // its house number.
        r"|(?i:andador|privada|cerrada|callejón|callejon|pasaje)\s+\d{1,3}[A-Za-z]?\s+(?:#|(?i:no\.?|n[º°o]\.?))\s*\d{1,4}[A-Za-z]?",
        r"|(?:calle|avenida|rua)\s+\p{Ll}{3,}(?:\s+\p{Ll}{3,}){0,2}\s+\d{1,5}",
        // "6a Avenida 12-34" (Guatemala), "Calle 8 entre 23 y 25" (Cuba).
        r"|\d{1,2}[aª]\.?\s+(?i:avenida|calle)\s+(?:[A-Z]\s+)?\d{1,3}-\d{1,3}",
        r"|(?i:calle)\s+\d{1,3}[A-Za-z]?\s+entre\s+\d{1,3}[A-Za-z]?\s+y\s+\d{1,3}[A-Za-z]?)",
    ))
});
/// Vietnamese: "số 18 ngõ 42 phố Trần Quang Khải", "27 đường Lê Lợi".
static ADDRESS_VI: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:(?i:số)\s+)?\d{1,4}[A-Za-z]?(?:/\d{1,4})?\s+(?:(?i:ngõ|ngách|hẻm|kiệt)\s+\d{1,4}[A-Za-z]?(?:/\d{1,4})?\s+)*",
        r"(?i:đường|phố)\s+\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,4}",
    ))
});
/// Indian colonies: "D-14, Lajpat Nagar II", "B-7/3, Vasant Vihar".
static ADDRESS_NAGAR: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?-u:\b)[A-Z]{1,2}-?\d{1,4}[A-Z]?(?:/\d{1,4})?,\s+(?:\p{Lu}\p{L}+\s+){1,2}",
        r"(?:Nagar|Colony|Enclave|Vihar|Puram|Layout|Extension)(?:\s+[IVX]{1,4}(?-u:\b))?",
    ))
});
/// A named house on a road, the town after it: "Hollins Farm, Back Lane",
/// "2 Dunmore Cottages" is `ADDRESS_US`'s.
static ADDRESS_NAMED_HOUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?-u:\b)(?:\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?\s+(?:Farm|Cottage|House|Lodge|Barn|Mill|Manor|Hall|Grange|Villa)|The\s+(?:Old\s+)?\p{Lu}\p{L}+),\s+",
        r"(?:\p{Lu}\p{L}+\s+){1,2}(?:Road|Lane|Street|Drive|Avenue|Way|Row|Hill|Walk|Close|Crescent|Terrace|Gardens|Green)(?-u:\b)",
        // Kigali: "KG 7 Ave", "KN 5 Rd".
        r"|(?-u:\b)K[GKN]\s\d{1,4}\s(?:St|Ave|Rd)(?:\s\d{1,4}|,\s+plot\s+\d{1,5})(?-u:\b)",
    ))
});
/// A town after a street with no comma: "... Apt 2 Chicago", "18 Banksia
/// Cl Kallangur", "88 parramatta rd annandale".
static BARE_TOWN: LazyLock<Regex> = LazyLock::new(|| re(r"^[ \t]+\p{L}[\p{L}\-]{2,}"));
/// A district after a dash: "Av. Paulista, 1578 - Bela Vista".
static DASH_DISTRICT: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^[ \t][\-–][ \t]{TOWN}")));
/// The labels of an address field, in the eight languages and a few more.
const ADDRESS_LABELS: &str = r"(?i:address|adresse|dirección|direccion|domicilio|morada|endereço|endereco|indirizzo|adres|anschrift|adresa|alamat)";
/// A form field holding an address: "Address: Lotopa Road, Apia",
/// "Morada: Rua Dr. Alfredo Magalhães, 118" (the value to the line's end).
static ADDRESS_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?m)^[ \t>]*(?:(?i:home|postal|new|current|permanent|correct|old|mailing)\s+)?{ADDRESS_LABELS}[ \t]*:[ \t]*([^\n]{{6,120}})"
    ))
});
/// A province after the town, after a slash or in brackets: "Kadıköy/İstanbul",
/// "Bussolengo (VR)".
static SLASH_PROVINCE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^/\p{Lu}[\p{L}\-]+|^[ \t]\([A-Z]{2}\)"));
/// A numbered street after a building: ", 7 Lanyon Place".
static NUMBERED_STREET_NEXT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^,\s*\d{1,5}[A-Za-z]?\s+\p{Lu}"));
/// Indonesian, Malay and Thai streets, with "No." or a comma after the
/// number ("Jalan SS 2" alone names a road): "Jl. Kemang Raya No. 14",
/// "Soi Sukhumvit 71, ...".
static ADDRESS_MALAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:Jl\.|Jln\.?|Jalan|Lorong|Soi|Thanon)\s+\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){0,2}(?:,?\s+No\.?\s*\d{1,4}[A-Za-z]?(?-u:\b)|\s+\d{1,4}[A-Za-z]?,)",
    )
});
/// Streets of the Romance languages, German and Dutch typed in lowercase
/// ("14 bis rue des tanneurs", "c/ de la princesa 31", "am weinberg 7a",
/// "kruisstraat 12 bis"): kept only when a postal code or a known town
/// follows in the tail (see `addresses`).
static ADDRESS_LOWER_ROMANCE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?:\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|quai|impasse|allée|chemin|place|cours|route)\s+(?:(?:de|du|des|la|le)\s+|l'|d')*\p{Ll}[\p{Ll}\-']*(?:\s+\p{Ll}[\p{Ll}\-']*){0,2}",
        r"|(?:c/|calle|avda\.|av\.|avenida|rua|via|viale|corso|piazza|am|an\s+der|im|auf\s+der|zum|zur)\s*(?:(?:de|del|la|las|los|dos|das|da|do|di)\s+)*\p{Ll}[\p{Ll}\-']*(?:\s+\p{Ll}[\p{Ll}\-']*){0,2},?\s+\d{1,4}[a-z]?(?:\s+bis)?",
        r"|\p{Ll}{3,}(?:straße|strasse|str\.?|weg|gasse|allee|platz|laan|straat|gracht|kade|plein)\s+\d{1,4}[a-z]?(?:\s+(?:bis|bus\s+\d{1,3}))?)",
    ))
});
/// The letters of a Dutch code and the town, after its digits: " gl
/// utrecht".
static LOWER_DUTCH_CODE_TOWN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s?[a-z]{2}\s+\p{Ll}{3,}(?:[ \t]\p{Ll}{3,})?"));
/// A postal code in a lowercase tail: "75014 paris", "3581 gl utrecht",
/// "h3b 3j6", "05422-001", "d02 dx63", "560102".
static LOWER_CODE_IN_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:\d{4,6}|\d{4}\s?[a-z]{2}|[a-z]\d[a-z]\s?\d[a-z]\d|\d{5}-\d{3}|[a-z]\d{2}\s?[a-z0-9]{4})(?-u:\b)",
    )
});
/// Lowercase Italian streets: "via roma 14 int 3", "corso buenos aires
/// 77, 20124 milano" (kept only before a flat, a code or a clause's end:
/// "via email 3 times" is no street).
static ADDRESS_LOWER_IT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:via|viale|corso|piazza|piazzale|vicolo|largo)\s+\p{Ll}{3,}(?:\s+\p{Ll}{2,}){0,2}\s+\d{1,4}[a-z]?(?-u:\b)",
    )
});
/// A Portuguese or Brazilian postal code and its town on their own: "please
/// add 4050-262 Porto", "CEP 01310-100 São Paulo".
static CODE_TOWN_PT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?-u:\b)\d{4,5}-\d{3}\s+\p{Lu}\p{Ll}+(?:\s+(?:d[aoe]s?\s+)?\p{Lu}\p{Ll}+)?")
});
/// Polish: "ul. Marszałkowska 84/92 m. 12", "al. Jerozolimskie 65".
static ADDRESS_PL: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        // Ukrainian "vul." (вулиця) and "prosp." the same way.
        // Cyrillic "ул.", "вул.", "бул." and Romanian "Str.", "Bd." too.
        r"(?:(?-u:\b)(?:ul|al|pl|os|vul|prosp|prov|Str|Bd|Bdul|Sos|Șos)|ул|вул|бул|пр|просп)\.\s*\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){0,2}",
        r",?\s+(?:nr\.?\s*)?\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)?(?:\s+(?:m\.|lok\.|mieszk\.)\s*\d{1,4})?",
        // Without "ul.": a street's adjective in the locative, "na
        // Grunwaldzkiej 71", "przy Piotrkowskiej 12/4".
        r"|\p{Lu}\p{Ll}+(?:skiej|ckiej|dzkiej)\s+\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)?(?-u:\b)",
    ))
});

static HANDLE: LazyLock<Regex> = LazyLock::new(|| re(r"@[A-Za-z][A-Za-z0-9._\-]+"));

const PHONE_CONTEXT: &[&str] = &[
    "phone",
    "call",
    "calls",
    "cell",
    "mobile",
    "mob",
    "tel",
    "telephone",
    "text",
    "txt",
    "number",
    "reach",
    "whatsapp",
    "sms",
    "ring",
    "dial",
    "signal",
    "contact",
    "fax",
    "landline",
    "on",
    // German, Dutch, French, Spanish, Italian, Portuguese, Polish.
    "handy",
    "handynummer",
    "telefon",
    "telefonnummer",
    "rufnummer",
    "mobilnummer",
    "nummer",
    "telefoon",
    "telefoonnummer",
    "tél",
    "numéro",
    "portable",
    "teléfono",
    "telefono",
    "móvil",
    "movil",
    "celular",
    "cellulare",
    "numero",
    "número",
    "telemóvel",
    "numer",
    "telefonu",
    "komórka",
    "komórki",
    "numerem",
    "numeru",
    "telefonem",
    "zadzwoń",
    "cel",
    "marqué",
    "marcar",
    "llamar",
    "llámame",
    "ligar",
    "liga",
    "anrufen",
    "appeler",
    "chiamare",
    "hotline",
    "helpline",
    "línea",
    "linea",
];
const SSN_CONTEXT: &[&str] = &[
    "ssn",
    "social security",
    "social-security",
    "ss#",
    "ssn#",
    "social",
    "ss number",
    "ss no",
    "socials",
    "w-2",
    "w2",
    "w-4",
    "w4",
    "i-9",
    "1099",
    "tax id",
    "taxpayer",
    "ssns",
];
const BIRTH_CONTEXT: &[&str] = &[
    "born",
    "birthday",
    "birth",
    "dob",
    "d.o.b",
    "d.o.b.",
    "bday",
    "b-day",
    "birthdate",
    // German, Dutch, French, Spanish, Italian, Portuguese, Polish.
    "geburtsdatum",
    "geburtstag",
    "geboren",
    "geb.",
    "geboortedatum",
    "naissance",
    "né le",
    "née le",
    "nacimiento",
    "nacido",
    "nacida",
    "cumpleaños",
    "nascita",
    "nato il",
    "nata il",
    "compleanno",
    "nascimento",
    "nasci",
    "urodziłem",
    "urodziłam",
    "urodził",
    "urodziła",
    "aniversário",
    "urodzenia",
    "urodzony",
    "urodzona",
    "urodziny",
    "jahrgang",
    "geburtsjahr",
    "nací",
    "nació",
    "nasceu",
    "nasceram",
    "nacque",
    "naci el",
    // A child's birth: "baby arrived!!! 21/09/2026", "zur Welt gekommen".
    "baby arrived",
    "baby was born",
    "gave birth",
    "zur welt",
    "cumplo",
    "compio",
    // "I'm turning 50 on the 9th of March"
    "turning 2",
    "turning 3",
    "turning 4",
    "turning 5",
    "turning 6",
    "turned 2",
    "turned 3",
    "turned 4",
    "turned 5",
    "turned 6",
    // Nordic, Finnish, Hungarian, Balkan, Czech, Romanian, Greek, Turkish,
    // Russian and Ukrainian, Arabic, Indonesian, Vietnamese, Thai,
    // Chinese, Japanese and Korean.
    "född",
    "födelsedatum",
    "født",
    "fødselsdato",
    "syntynyt",
    "syntymäaika",
    "születési",
    "született",
    "rođen",
    "datum rođenja",
    "narozen",
    "narodil",
    "datum narození",
    "născut",
    "data nașterii",
    "γεννήθηκα",
    "γέννησης",
    "doğum",
    "рождения",
    "родился",
    "родилась",
    "народився",
    "народилася",
    "народження",
    "الميلاد",
    "lahir",
    "ngày sinh",
    "sinh ngày",
    "วันเกิด",
    "เกิด",
    "出生",
    "生年月日",
    "生まれ",
    "생년월일",
    "출생",
    "태어",
    // "8일생": born on the 8th (after the date).
    "일생",
    // Polish "ur. 3 maja 1984" (urodzony / urodzona); "rocznik 1971".
    " ur.",
    "rocznik",
    "geboortedata",
    "geboortedatum",
    "geboortejaar",
    // "I turn 60 on 14 February".
    " turn 2",
    " turn 3",
    " turn 4",
    " turn 5",
    " turn 6",
];
const VERSION_CONTEXT: &[&str] = &["version", "v", "ver", "build", "release", "firmware"];
const GROUP_HANDLES: &[&str] = &[
    "here", "channel", "everyone", "all", "team", "squad", "group", "alias", "help", "support",
    "devs", "eng", "ops", "leads", "managers", "oncall", "admins", "staff",
];

fn push(out: &mut Vec<Candidate>, s: usize, e: usize, kind: PiiKind, score: f32) {
    if s < e {
        out.push(Candidate::new(s, e, kind, score));
    }
}

/// Runs all pattern recognizers.
pub(crate) fn find(text: &str, policy: &Policy, out: &mut Vec<Candidate>) {
    let has_at = text.contains('@');
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    if has_at {
        emails(text, out);
        handles(text, out);
    }
    obfuscated_emails(text, out);
    urls(text, out);
    spelled_birth_years(text, out);
    if digits == 0 {
        // "Av. Tecnológico s/n", "Hollins Farm, Back Lane", "Block B, Grand
        // Canal Quay": the few addresses with no number at all.
        if NO_NUMBER_ADDRESS_HINT.is_match(text) {
            addresses(text, out);
        }
        return;
    }
    ips(text, out);
    if digits >= 12 {
        cards(text, out);
    }
    if digits >= 2 && has_upper_pair(text) {
        ibans(text, out);
    }
    if digits >= 9 {
        ssns(text, out);
    }
    if digits >= 3 {
        let from = out.len();
        phones(text, out);
        repeated_phone_shapes(text, out, from);
    }
    employee_ids(text, policy, out);
    let from = out.len();
    dates_of_birth(text, out);
    weekday_heads(text, out, from);
    addresses(text, out);
}

/// What an address with no digit in it needs (see `find`).
static NO_NUMBER_ADDRESS_HINT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"s/n(?-u:\b)|(?:Farm|Cottage|House|Lodge|Barn|Mill|Manor|Hall|Grange|Villa), |Block [A-Z],|The (?:Old )?\p{{Lu}}\p{{L}}+, \p{{Lu}}|{ADDRESS_LABELS}[ \t]*:"
    ))
});

/// Two ASCII capitals in a row followed by two digits: the start of an IBAN.
fn has_upper_pair(text: &str) -> bool {
    text.as_bytes().windows(4).any(|w| {
        w[0].is_ascii_uppercase()
            && w[1].is_ascii_uppercase()
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
    })
}

fn emails(text: &str, out: &mut Vec<Candidate>) {
    for m in EMAIL.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        if char_before(text, s).is_some_and(|c| is_word_char(c) || c == '.') {
            continue;
        }
        push(out, s, e, PiiKind::Email, 1.0);
    }
}

fn obfuscated_emails(text: &str, out: &mut Vec<Candidate>) {
    let lower = text.to_ascii_lowercase();
    let lower_has = |w: &str| lower.contains(w);
    let bracketed = ["(at)", "[at]", "{at}", "<at>"]
        .iter()
        .any(|w| lower_has(w));
    if !bracketed && !lower_has(" dot ") {
        return;
    }
    if bracketed {
        for m in EMAIL_AT_WORD.find_iter(text) {
            push(out, m.start(), m.end(), PiiKind::Email, 0.85);
        }
    }
    if !lower_has("dot") {
        return;
    }
    for m in EMAIL_OBFUSCATED.find_iter(text) {
        push(out, m.start(), m.end(), PiiKind::Email, 0.8);
    }
}

/// Trims trailing punctuation that ends a sentence rather than the URL.
fn trim_url(text: &str, s: usize, mut e: usize) -> usize {
    while let Some(c) = char_before(text, e) {
        let opens = text[s..e].matches('(').count();
        let closes = text[s..e].matches(')').count();
        if matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '*' | '_' | '-'
        ) || (c == ')' && closes > opens)
        {
            e -= c.len_utf8();
            if e <= s {
                break;
            }
        } else {
            break;
        }
    }
    e
}

fn urls(text: &str, out: &mut Vec<Candidate>) {
    if !text.contains('.') {
        return;
    }
    for m in URL_SCHEME.find_iter(text) {
        let e = trim_url(text, m.start(), m.end());
        if e - m.start() > 8 {
            push(out, m.start(), e, PiiKind::Url, 0.85);
        }
    }
    if text.contains('/') {
        for m in URL_BARE.find_iter(text) {
            let s = m.start();
            if char_before(text, s).is_some_and(|c| c == '@' || c == '/' || c == '.') {
                continue;
            }
            let e = trim_url(text, s, m.end());
            push(out, s, e, PiiKind::Url, 0.75);
        }
    }
}

fn ips(text: &str, out: &mut Vec<Candidate>) {
    if text.contains('.') {
        for m in IPV4.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            if char_before(text, s).is_some_and(|c| c == '.' || c == 'v' || c == 'V')
                || (char_at(text, e) == Some('.')
                    && text[e + 1..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_digit()))
            {
                continue;
            }
            // "version 1.2.3.4", "build 10.0.1.7": a version word right
            // before. A version word further back ("our build box at
            // 10.42.0.9") does not make an address a version.
            if VERSION_CONTEXT.contains(&last_word_before(text, s).as_str()) {
                continue;
            }
            push(out, s, e, PiiKind::IpAddress, 0.9);
        }
    }
    if text.contains(':') {
        for m in IPV6.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let cand = &text[s..e];
            if cand.len() < 6
                || char_before(text, s).is_some_and(|c| c.is_ascii_hexdigit() || c == ':')
                || char_at(text, e).is_some_and(|c| c.is_ascii_alphanumeric())
            {
                continue;
            }
            let hex_digits = cand.bytes().filter(u8::is_ascii_hexdigit).count();
            if hex_digits < 4 || !cand.bytes().any(|b| b.is_ascii_alphabetic() || b == b':') {
                continue;
            }
            // Times ("10:30:45") have no "::" and fewer than 8 groups.
            if cand.parse::<Ipv6Addr>().is_ok() {
                push(out, s, e, PiiKind::IpAddress, 0.9);
            }
        }
    }
}

/// The lowercase word right before byte offset `at`, skipping spaces and
/// ":" / "#" ("build: 10.0.0.1"); empty when there is none.
fn last_word_before(text: &str, at: usize) -> String {
    let head = text.get(..at).unwrap_or("");
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '#' | '='));
    let word: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    word.to_ascii_lowercase()
}

fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(*d);
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum.is_multiple_of(10)
}

fn card_prefix_ok(d: &[u8]) -> bool {
    let two = u32::from(d[0]) * 10 + u32::from(d[1]);
    let four = two * 100 + u32::from(d[2]) * 10 + u32::from(d[3]);
    let len = d.len();
    match d[0] {
        4 => matches!(len, 13 | 16 | 19),
        5 => (51..=55).contains(&two) && len == 16,
        2 => (2221..=2720).contains(&four) && len == 16,
        3 => {
            (matches!(two, 34 | 37) && len == 15)
                || (two == 35 && (16..=19).contains(&len))
                || (matches!(two, 30 | 36 | 38 | 39) && (14..=19).contains(&len))
        }
        6 => {
            (four == 6011 || two == 65 || (644..=649).contains(&(four / 10)) || two == 62)
                && (16..=19).contains(&len)
        }
        _ => false,
    }
}

/// Words before a grouped number that make it something other than a card.
const NOT_CARD_CONTEXT: &[&str] = &[
    "ticket",
    "order",
    "invoice",
    "tracking",
    "case",
    "ref",
    "reference",
    "po",
    "serial",
];

/// Card-like grouping: groups of four digits (the last group 1-4 digits
/// long, at least three groups), or the 4-6-4 / 4-6-5 shape of 14- and
/// 15-digit cards.
fn card_grouping(cand: &str) -> bool {
    let groups: Vec<usize> = cand
        .split([' ', '-'])
        .filter(|g| !g.is_empty())
        .map(str::len)
        .collect();
    if groups.len() < 3 {
        return false;
    }
    let n = groups.len();
    let fours = groups[..n - 1].iter().all(|g| *g == 4) && (1..=4).contains(&groups[n - 1]);
    let amex = n == 3 && groups[0] == 4 && groups[1] == 6 && matches!(groups[2], 4 | 5);
    fours || amex
}

fn cards(text: &str, out: &mut Vec<Candidate>) {
    for m in CARD.find_iter(text) {
        let cand = m.as_str();
        let digits: Vec<u8> = cand
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        if !(13..=19).contains(&digits.len()) || !luhn(&digits) {
            continue;
        }
        let seps: Vec<u8> = cand.bytes().filter(|b| !b.is_ascii_digit()).collect();
        if seps.windows(2).any(|w| w[0] != w[1]) {
            continue;
        }
        // A known issuer prefix, or (paranoid) any Luhn-valid number written
        // in card-like groups ("5976 2600 0705 6145", "7000-1234-..."):
        // missing a card is worse than redacting an odd reference number.
        if !card_prefix_ok(&digits) && !card_grouping(cand) {
            continue;
        }
        if !card_prefix_ok(&digits) && context_before(text, m.start(), 24, NOT_CARD_CONTEXT) {
            continue;
        }
        push(out, m.start(), m.end(), PiiKind::CreditCard, 1.0);
    }
}

fn ibans(text: &str, out: &mut Vec<Candidate>) {
    for m in IBAN.find_iter(text) {
        let cand = m.as_str();
        // Try the longest prefix that validates, ending on a character.
        let ends: Vec<usize> = cand
            .char_indices()
            .filter(|(_, c)| *c != ' ')
            .map(|(i, c)| i + c.len_utf8())
            .collect();
        for &end in ends.iter().rev() {
            let compact: String = cand[..end].chars().filter(|c| *c != ' ').collect();
            if compact.len() < 15 {
                break;
            }
            if compact.parse::<iban::Iban>().is_ok() {
                push(out, m.start(), m.start() + end, PiiKind::Iban, 1.0);
                break;
            }
        }
    }
}

fn ssn_valid(area: u32, group: u32, serial: u32) -> bool {
    area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
}

fn parse_u32(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}

fn ssns(text: &str, out: &mut Vec<Candidate>) {
    for c in SSN.captures_iter(text) {
        let (Some(all), Some(a), Some(s1), Some(g), Some(s2), Some(n)) =
            (c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5))
        else {
            continue;
        };
        if s1.as_str() != s2.as_str() {
            continue;
        }
        if !ssn_valid(
            parse_u32(a.as_str()),
            parse_u32(g.as_str()),
            parse_u32(n.as_str()),
        ) {
            continue;
        }
        // Part of a longer number or phone ("1-512-44-9871")?
        if char_before(text, all.start()).is_some_and(|ch| ch == '-' || ch == '+' || ch == '.')
            || char_at(text, all.end()).is_some_and(|ch| ch == '-' || ch == '.')
                && text[all.end() + 1..].starts_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        // The cue may sit in the sentence before: "... our full SSN on a
        // Google Form?? I put mine in (523 71 9048)".
        let before = raw_window_before(text, all.start(), 120).to_ascii_lowercase();
        let ctx = SSN_CONTEXT.iter().any(|w| contains_word(&before, w));
        // Dashes without a cue; spaces and dots ("123 45 6789",
        // "123.45.6789") only with one.
        let score = match (s1.as_str(), ctx) {
            (_, true) => 1.0,
            ("-" | "\u{2013}", false) => 0.8,
            _ => 0.45,
        };
        push(out, all.start(), all.end(), PiiKind::UsSsn, score);
    }
    for m in SSN_PLAIN.find_iter(text) {
        let d = m.as_str();
        if context_before(text, m.start(), 80, SSN_CONTEXT)
            && ssn_valid(parse_u32(&d[..3]), parse_u32(&d[3..5]), parse_u32(&d[5..]))
        {
            push(out, m.start(), m.end(), PiiKind::UsSsn, 0.9);
        }
    }
}

/// Hangul, kana and CJK ideographs: scripts that glue particles to numbers.
fn cjk(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3040}'..='\u{30FF}' | '\u{3130}'..='\u{318F}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}')
}

/// Date shapes a phone candidate must not have.
fn looks_like_date(s: &str) -> bool {
    DATE_NUMERIC
        .find(s)
        .is_some_and(|m| m.start() == 0 && m.end() == s.len())
}

fn phones(text: &str, out: &mut Vec<Candidate>) {
    for m in PHONE.find_iter(text) {
        let (s, mut e) = (m.start(), m.end());
        // Trailing separator is not part of the number.
        while e > s && !text.as_bytes()[e - 1].is_ascii_digit() && text.as_bytes()[e - 1] != b')' {
            e -= 1;
        }
        let cand = &text[s..e];
        let digits = cand.bytes().filter(u8::is_ascii_digit).count();
        if !(7..=15).contains(&digits) {
            continue;
        }
        // Korean and Japanese particles follow a number with no space
        // ("010-4827-3391까지"): such letters are no part of a word.
        let word = |c: char| is_word_char(c) && !cjk(c);
        let before = char_before(text, s);
        let after = char_at(text, e);
        if before.is_some_and(|c| {
            word(c) || matches!(c, '$' | '€' | '£' | '¥' | '#' | '.' | '/' | ',' | ':')
        }) || (before == Some('-')
            && char_before(text, s - 1).is_some_and(|c| c.is_alphanumeric()))
            || after.is_some_and(|c| {
                word(c)
                    || matches!(c, '%' | '/' | '€' | '$')
                    || (c == '.' || c == ',' || c == ':')
                        && text[e + 1..].starts_with(|d: char| d.is_ascii_digit())
            })
        {
            continue;
        }
        if looks_like_date(cand) {
            continue;
        }
        let groups: Vec<usize> = cand
            .split(|c: char| !c.is_ascii_digit())
            .filter(|g| !g.is_empty())
            .map(str::len)
            .collect();
        let plus = cand.starts_with('+');
        let parens = cand.contains('(');
        let dots = cand.contains('.');
        let hyphens = cand.contains('-');
        let us_shape = matches!(groups.as_slice(), [3, 3, 4] | [3, 4] | [1, 3, 3, 4]);
        // "33 3615 8821", "11 98765 4321": a Mexican or Brazilian number
        // after its two-digit area code.
        let latam_shape =
            matches!(groups.as_slice(), [2, 4, 4] | [2, 5, 4]) && !cand.starts_with('0') && !dots;
        // A national number with its trunk 0: "020 7946 0958", "0151
        // 2840 7736" (German mobiles have twelve digits).
        let trunk = cand.starts_with('0') && (10..=12).contains(&digits);
        // "1800 406 233", "1300 555 012": Australian free and local-rate
        // numbers.
        let trunk =
            trunk || ((cand.starts_with("1800") || cand.starts_with("1300")) && digits == 10);
        // "601 284 937", "912 384 760": a Spanish, Portuguese or Polish
        // mobile in three groups of three.
        let mobile_333 = groups.as_slice() == [3, 3, 3]
            && cand.starts_with(['6', '7', '9'])
            && !hyphens
            && !dots
            && !matches!(
                last_word_before(text, s).as_str(),
                "order"
                    | "ordine"
                    | "pedido"
                    | "commande"
                    | "bestelling"
                    | "ticket"
                    | "invoice"
                    | "factura"
                    | "fattura"
                    | "zamowienie"
                    | "zamówienie"
                    | "nr"
                    | "no"
            );
        let ctx = context_before(text, s, 48, PHONE_CONTEXT);
        let mut score: f32 = if plus || parens {
            0.7
        } else if us_shape && (hyphens || dots) {
            0.65
        } else if trunk || us_shape || mobile_333 || latam_shape {
            0.55
        } else {
            0.3
        };
        if dots && !plus && !ctx {
            score -= 0.2;
        }
        if ctx {
            score += 0.3;
        }
        push(out, s, e, PiiKind::Phone, score.min(1.0));
    }
    if text.len() < 1 << 16 {
        for c in PHONE_EXT.captures_iter(text) {
            let (Some(all), Some(num)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let is_x = all.as_str().starts_with(['x', 'X']);
            if is_x && !context_before(text, all.start(), 32, PHONE_CONTEXT) {
                continue;
            }
            push(out, num.start(), num.end(), PiiKind::Phone, 0.85);
        }
    }
}

/// The shape of an id: letters as 'A', digits as '9', the rest as is.
fn id_shape(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '9'
            } else if c.is_ascii_alphabetic() {
                'A'
            } else {
                c
            }
        })
        .collect()
}

/// After an id that ends at `end`: an aside in brackets, a joining word
/// ("and", "to", "or", in seven languages) and a token of the same shape.
fn same_shape_after(text: &str, id: &str, end: usize) -> Option<(usize, usize)> {
    let rest = text.get(end..)?;
    let mut at = rest.len() - rest.trim_start().len();
    if rest[at..].starts_with('(') {
        let close = rest[at..].find(')').filter(|&c| c <= 24)?;
        at += close + 1;
        at += rest[at..].len() - rest[at..].trim_start().len();
    }
    let after = &rest[at..];
    let word_len = after
        .find(|c: char| c.is_whitespace())
        .unwrap_or(after.len());
    let joiner = after[..word_len].trim_end_matches(',');
    let joined = word_len > 0
        && matches!(
            joiner.to_ascii_lowercase().as_str(),
            "" | "and"
                | "or"
                | "to"
                | "&"
                | "und"
                | "oder"
                | "en"
                | "of"
                | "et"
                | "ou"
                | "y"
                | "o"
                | "e"
                | "i"
                | "lub"
        );
    if !joined && !after.starts_with(',') {
        return None;
    }
    at += word_len;
    at += rest[at..].len() - rest[at..].trim_start().len();
    let cand_start = end + at;
    let cand = text.get(cand_start..)?;
    let cand_len = cand
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(cand.len());
    let cand = cand[..cand_len].trim_end_matches('-');
    (cand.len() == id.len() && id_shape(cand) == id_shape(id))
        .then_some((cand_start, cand_start + cand.len()))
}

fn employee_ids(text: &str, policy: &Policy, out: &mut Vec<Candidate>) {
    for m in EMP_E.find_iter(text) {
        push(out, m.start(), m.end(), PiiKind::EmployeeId, 0.75);
    }
    for m in EMP_PREFIX.find_iter(text) {
        push(out, m.start(), m.end(), PiiKind::EmployeeId, 0.9);
    }
    for c in EMP_CONTEXT.captures_iter(text) {
        if let Some(id) = c.get(1) {
            let s = if id.as_str().starts_with('#') {
                id.start() + 1
            } else {
                id.start()
            };
            // "Payroll reference PR-2026-1183", "payroll ref 2026/11/0557":
            // a reference with a year in it is a case, not a person's
            // number ("payroll ref PAY/0081/22" is one).
            let label = &text[c.get(0).map_or(id.start(), |m| m.start())..id.start()];
            let case_number = label.to_ascii_lowercase().contains("ref")
                && id
                    .as_str()
                    .split(|ch: char| !ch.is_ascii_digit())
                    .any(|part| part.len() == 4 && ("2000".."2040").contains(&part));
            if id.as_str().bytes().filter(u8::is_ascii_digit).count() >= 4 && !case_number {
                push(out, s, id.end(), PiiKind::EmployeeId, 0.85);
                // "changed from P0045871 to P0112903", "W-77431 (mine) and
                // W-77413": a second id of the same shape.
                if let Some((s2, e2)) = same_shape_after(text, &text[s..id.end()], id.end()) {
                    push(out, s2, e2, PiiKind::EmployeeId, 0.8);
                }
            }
        }
    }
    // "employee number fixed on the badge? It says W-40219 but my contract
    // says W-40291": the topic makes the shape an id anywhere in the text.
    if EMP_TOPIC.is_match(text) {
        for c in EMP_SHAPE.captures_iter(text) {
            let (Some(m), Some(prefix)) = (c.get(0), c.get(1)) else {
                continue;
            };
            // Tickets and change numbers have letter prefixes too.
            let ticket = matches!(
                prefix.as_str().trim_end_matches('-'),
                "CR" | "PR" | "SR" | "PO" | "RQ" | "TK" | "IN" | "CH" | "Q" | "V" | "VL" | "IT"
            );
            let before = char_before(text, m.start());
            // "ref JR-4471", "Ticket INC-2231": another thing's number.
            let other = matches!(
                last_word_before(text, m.start()).as_str(),
                "ref"
                    | "reference"
                    | "ticket"
                    | "order"
                    | "invoice"
                    | "case"
                    | "po"
                    | "incident"
                    | "job"
                    | "vacancy"
                    | "req"
                    | "requisition"
                    | "claim"
                    | "policy"
                    | "room"
            );
            if !ticket && !other && !before.is_some_and(|c| c.is_alphanumeric() || c == '-') {
                push(out, m.start(), m.end(), PiiKind::EmployeeId, 0.6);
            }
        }
    }
    for c in EMP_BARE_ID.captures_iter(text) {
        let Some(id) = c.get(1) else { continue };
        // "Order ID 558213", "Zoom ID ...": another thing's id.
        let before = last_word_before(text, c.get(0).map_or(id.start(), |m| m.start()));
        if matches!(
            before.as_str(),
            "order"
                | "ticket"
                | "case"
                | "meeting"
                | "zoom"
                | "teams"
                | "invoice"
                | "tracking"
                | "transaction"
                | "reference"
                | "booking"
                | "request"
                | "session"
                | "device"
                | "claim"
                | "expense"
                | "expenses"
                | "policy"
                | "incident"
        ) {
            continue;
        }
        push(out, id.start(), id.end(), PiiKind::EmployeeId, 0.7);
    }
    // A tenant's shape stands alone when no letter or digit touches it:
    // "ACME-402276_fire_safety.pdf" is the id in a file name.
    let apart = |s: usize, e: usize| {
        char_before(text, s).is_none_or(|c| !c.is_alphanumeric())
            && char_at(text, e).is_none_or(|c| !c.is_alphanumeric())
    };
    for pattern in &policy.employee_id_patterns {
        for m in pattern.find_iter(text) {
            if apart(m.start(), m.end()) {
                push(out, m.start(), m.end(), PiiKind::EmployeeId, 0.95);
            }
        }
    }
    for c in INTRO_ID.captures_iter(text) {
        if let Some(id) = c.get(1) {
            push(out, id.start(), id.end(), PiiKind::EmployeeId, 0.7);
        }
    }
    for c in SELF_NUMBER.captures_iter(text) {
        let Some(id) = c.get(1).or_else(|| c.get(2)) else {
            continue;
        };
        // A bare number only in a text about staff numbers (not "mine is
        // 07700 900123").
        let digits_only = id.as_str().bytes().all(|b| b.is_ascii_digit());
        if !digits_only || EMP_TOPIC.is_match(text) {
            push(out, id.start(), id.end(), PiiKind::EmployeeId, 0.7);
        }
    }
    repeated_ids(text, out);
}

/// "the new number is 512 903 447, the old one (512 903 474) no longer
/// works": a number shaped exactly like a phone number found in the same
/// text (the same digits count and separators, seven digits or more,
/// starting with a digit) is one too.
fn repeated_phone_shapes(text: &str, out: &mut Vec<Candidate>, from: usize) {
    let shape = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_ascii_digit() { '9' } else { c })
            .collect()
    };
    let mut shapes: Vec<(usize, String)> = Vec::new();
    for c in out[from..]
        .iter()
        .filter(|c| c.kind == PiiKind::Phone && c.score >= 0.5)
    {
        let sh = shape(&text[c.start..c.end]);
        let counted = sh.bytes().filter(|&b| b == b'9').count() >= 7;
        if counted && sh.contains([' ', '-', '.']) && !shapes.iter().any(|(_, s)| *s == sh) {
            shapes.push((c.end - c.start, sh));
        }
    }
    if shapes.is_empty() {
        return;
    }
    // A weak candidate of the same shape (no cue of its own) is confirmed.
    for c in &mut out[from..] {
        if c.kind == PiiKind::Phone
            && c.score < 0.5
            && shapes
                .iter()
                .any(|(_, sh)| shape(&text[c.start..c.end]) == *sh)
        {
            c.score = 0.6;
        }
    }
    // One pass over the text, every shape tried where a number starts; the
    // spans already found, sorted, tell an overlap by binary search.
    let mut taken: Vec<(usize, usize)> = out.iter().map(|c| (c.start, c.end)).collect();
    taken.sort_unstable();
    // The largest end among the spans that start up to each one.
    let reach: Vec<usize> = taken
        .iter()
        .scan(0, |m, &(_, e)| {
            *m = (*m).max(e);
            Some(*m)
        })
        .collect();
    let overlaps = |s: usize, e: usize| {
        let i = taken.partition_point(|&(ts, _)| ts < e);
        i > 0 && reach[i - 1] > s
    };
    let bytes = text.as_bytes();
    let mut extra = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let starts =
            bytes[at].is_ascii_digit() && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric());
        let hit = starts.then(|| {
            shapes.iter().find(|(len, sh)| {
                let e = at + len;
                e <= text.len()
                    && text.is_char_boundary(e)
                    && (e == text.len() || !bytes[e].is_ascii_alphanumeric())
                    && shape(&text[at..e]) == *sh
                    && !overlaps(at, e)
            })
        });
        if let Some(Some((len, _))) = hit {
            extra.push(Candidate::new(at, at + len, PiiKind::Phone, 0.6));
            at += len;
            continue;
        }
        at += 1;
    }
    out.extend(extra);
}

/// Once a text names an employee id, its other mentions are ids too ("gave
/// them 7731/KN"), and so is a number of the same shape that corrects it
/// ("my staff number as 10293 when it's actually 12093").
fn repeated_ids(text: &str, out: &mut Vec<Candidate>) {
    let ids: Vec<(usize, usize)> = out
        .iter()
        .filter(|c| c.kind == PiiKind::EmployeeId)
        .map(|c| (c.start, c.end))
        .collect();
    let mut seen: Vec<&str> = Vec::new();
    for (s, e) in ids {
        let id = &text[s..e];
        if id.bytes().filter(u8::is_ascii_digit).count() < 4 || seen.contains(&id) {
            continue;
        }
        seen.push(id);
        for (at, _) in text.match_indices(id) {
            if at != s && standalone(text, at, at + id.len()) {
                push(out, at, at + id.len(), PiiKind::EmployeeId, 0.8);
            }
        }
        // A correction within the sentence: a token of the same shape.
        let window = window_after(text, e, 80);
        let window = &window[..window.find(['.', '!', '?', '\n']).unwrap_or(window.len())];
        let corrected = [
            "actually",
            " not ",
            "instead",
            "should be",
            "but ",
            " correct",
        ]
        .iter()
        .any(|w| window.contains(w));
        if !corrected {
            continue;
        }
        let shape = id_shape(id);
        let mut at = 0;
        for token in window.split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '/'))) {
            let start = e + window[at..].find(token).map_or(0, |i| i + at);
            at = start - e + token.len();
            if !token.is_empty() && token != id && id_shape(token) == shape {
                push(out, start, start + token.len(), PiiKind::EmployeeId, 0.7);
            }
        }
    }
}

/// Words between a birth cue and a date that make the date another event:
/// "born in Leeds and joined on 12/09/2019".
const OTHER_EVENTS: &[&str] = &[
    "joined",
    "join",
    "started",
    "start",
    "hired",
    "moved",
    "promoted",
    "since",
    "meeting",
    "review",
    "until",
    "left",
    "signed",
    "deadline",
    "due",
    "married",
    "graduated",
    "seit",
    "desde",
    "depuis",
    "dal",
    "sinds",
    "od",
    "anos",
    "años",
    "anni",
    "years",
    "jahre",
    "ans",
    "jaar",
    "lat",
];

/// The lowercase text after the last birth cue in the window of `len` bytes
/// before `at` (the window stops at a sentence end), when there is a cue.
fn after_birth_cue(text: &str, at: usize, len: usize) -> Option<String> {
    let w = window_before(text, at, len);
    // A sentence end: a period, a space and a capital ("d.o.b. 12/..." is
    // no sentence end).
    let b = w.as_bytes();
    let cut = (0..b.len().saturating_sub(2))
        .rev()
        .find(|&i| b[i] == b'.' && b[i + 1] == b' ' && b[i + 2].is_ascii_uppercase());
    let w = match cut {
        Some(i) => &w[i + 2..],
        None => w,
    };
    let lower = w.to_ascii_lowercase();
    let cut = BIRTH_CONTEXT
        .iter()
        .filter_map(|c| {
            let mut best = None;
            let mut from = 0;
            while let Some(i) = lower.get(from..).and_then(|h| h.find(c)) {
                best = Some(from + i + c.len());
                from += i + c.len();
            }
            best
        })
        .max()?;
    Some(lower.get(cut..).unwrap_or("").to_owned())
}

/// The lowercase text after the last birth cue in the `len` bytes before
/// `at`, across sentence ends ("Data di nascita: 15/04/1990. Nel portale
/// risulta il 1991").
fn after_cue_across_sentences(text: &str, at: usize, len: usize) -> Option<String> {
    let lower = raw_window_before(text, at, len).to_ascii_lowercase();
    let cut = BIRTH_CONTEXT
        .iter()
        .filter_map(|c| lower.rfind(c).map(|i| i + c.len()))
        .max()?;
    Some(lower.get(cut..).unwrap_or("").to_owned())
}

/// The text between a birth cue and a later date says that date is the
/// birth date as a system holds it ("... Nel portale risulta il 1991", "mine
/// (22/08/1958) is right there", "staat ... als 17-08-1990"), and names no
/// other event: "Happy birthday Sam! The office opened in 1998" is not one.
fn recorded_birth_date(between: &str) -> bool {
    const RECORD: &[&str] = &[
        "shows",
        "says",
        "listed",
        "record",
        "system",
        "portal",
        "form",
        "mine",
        "son is",
        "daughter is",
        "child is",
        "actually",
        "should",
        "correct",
        "instead",
        " not ",
        " but ",
        " niet ",
        " nicht ",
        " nie ",
        " no ",
        "risulta",
        "staat",
        "steht",
        "aparece",
        "pone",
        "affiche",
        "indique",
        "statt",
        "gave",
        "entered",
        "alors que",
        "wpisan",
        "eingetragen",
        "registr",
        "field",
        "filled",
        "w systemie",
        // The correction: "it's 14/03/1979", "a prawidłowa to ...", "in
        // plaats van", "au lieu de", "en lugar de", "em vez de", "invece
        // di", "zamiast".
        "plaats van",
        "au lieu",
        "en lugar",
        "em vez",
        "invece",
        "zamiast",
        "it's",
        "it is",
        "prawidlow",
        "prawidłow",
        "poprawn",
        "richtig",
        "corrett",
        "correct",
        "juist",
        "real one",
        // What the system holds: "the insurer has 14 March 2016", "they
        // put", "ha scritto 1979", "m'a inscrite avec la date du ...".
        " has ",
        " have ",
        " put ",
        "tried",
        "typed",
        "scritto",
        "written",
        "escrito",
        "écrit",
        "inscri",
        "iscritt",
        // "o sistema de RH colocou 1959", "pusieron", "hanno messo",
        // "wpisali", "ingevuld".
        // "J'ai mis 08/07/2016", "O certo é ...", a date "wrong" in a
        // system.
        "j'ai mis",
        "certo",
        "errad",
        "wrong",
        "falsch",
        "fausse",
        "sbagliat",
        "onjuist",
        "bledn",
        "colocou",
        "colocaram",
        "puso",
        "pusieron",
        "messo",
        "wpisali",
        "wpisano",
        "ingevuld",
        "gezet",
    ];
    RECORD.iter().any(|w| between.contains(w))
        && !OTHER_EVENTS.iter().any(|w| contains_word(between, w))
        && !["opened", "founded", "launched", "started", "built"]
            .iter()
            .any(|w| contains_word(between, w))
}

/// The date's year (at its end, or at its start in ISO order) lies in
/// 1930..`before`, end exclusive: children's full birth dates reach the
/// present ("2027" admits 2026); a year alone must be an adult's ("2011"),
/// or every recent year would be one.
fn plausible_birth_year(date: &str, before: &str) -> bool {
    // The year ends the date ("14/03/1979", "17 June 1969") or, in ISO
    // order, starts it ("1984-07-15").
    let trailing: String = date
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let leading: String = date.chars().take_while(char::is_ascii_digit).collect();
    [trailing, leading]
        .iter()
        .any(|year| year.len() == 4 && ("1930"..before).contains(&year.as_str()))
}

/// "... 3 février 1988, pas le ..." / "... 7 marzo 1982, non ...": the text
/// before a date ends with another date and a negation, so this date is the
/// wrong one that a correction names.
fn negated_after_date(between: &str) -> bool {
    let t = between.trim_end();
    [", pas le", ", pas", ", non", ", nicht", ", niet", ", not"]
        .iter()
        .filter_map(|w| t.strip_suffix(w))
        .any(|rest| {
            let rest = rest.trim_end();
            DATE_NUMERIC
                .find_iter(rest)
                .chain(DATE_TEXT.find_iter(rest))
                .chain(YEAR.find_iter(rest))
                .any(|m| m.end() == rest.len())
        })
}

fn birth_context(text: &str, s: usize, e: usize) -> bool {
    // The cue in the same sentence, up to a clause or two before ("born in
    // Lyon, on 09/11/1979", "my date of birth is wrong, it should be ..."),
    // with no other event in between.
    if let Some(between) = after_birth_cue(text, s, 120)
        // "the birthday lunch for the team on the 12th of March", "born
        // out of the 2009 merger": the cue names another event.
        .filter(|b| !cue_names_another_event(b))
    {
        // The first date after the cue is the birth date; a later one
        // ("... entered as the 2nd of Feb") is something else.
        // "my DOB as 1985-03-21 but it's actually 1985-03-12": a correction
        // is the birth date too.
        let correction = [
            "actually",
            "should be",
            "correct",
            "real one",
            "instead",
            " not ",
            " but ",
            "richtig",
            "eigentlich",
            " aber ",
            "moet",
            " maar ",
            "devrait",
            " mais ",
            "debería",
            " pero ",
            "dovrebbe",
            "giusta",
            "deveria",
            " mas ",
            "powinna",
            "powinno",
            "powinien",
            "poprawn",
            "aparece",
            "risulta",
            "staat",
            // "had my date of birth as 1968-07-04, I'm 1986-07-04".
            "i'm ",
            "i am ",
        ]
        .iter()
        .any(|w| between.contains(w))
            // "c'est le 3 février 1988, pas le 3 février 1998", "7 marzo
            // 1982, non 1983": the negation right before the wrong date.
            || negated_after_date(&between);
        let other_date =
            !correction && (DATE_NUMERIC.is_match(&between) || DATE_TEXT.is_match(&between));
        if !other_date
            && !OTHER_EVENTS.iter().any(|w| contains_word(&between, w))
            && (between.len() <= 48 || plausible_birth_year(&text[s..e], "2011"))
        {
            return true;
        }
    }
    // "The insurer needs the DOB of dependants. My son is 2012-02-29.": a
    // cue in an earlier sentence, then what the date is.
    if let Some(between) = after_cue_across_sentences(text, s, 160) {
        if recorded_birth_date(&between)
            && !DATE_NUMERIC.is_match(&between)
            && !DATE_TEXT.is_match(&between)
        {
            return true;
        }
    }
    let before = window_before(text, s, 8).to_ascii_lowercase();
    if before.ends_with("b. ") || before.ends_with("b.") {
        return true;
    }
    let after = window_after(text, e, 24).to_ascii_lowercase();
    let after = after.split(['.', '!', '?', '\n']).next().unwrap_or("");
    [
        // "ist am 12. Januar 2026 zur Welt gekommen", "1990年4月12日生まれ",
        // "1993년 5월 8일생".
        "zur welt",
        "生まれ",
        "생",
        "birthday",
        "born",
        "date of birth",
        "dob",
        "geboren",
        "né",
        "née",
        "nato",
        "nata",
        "nacido",
        "nacida",
        "nascid",
        "urodzi",
    ]
    .iter()
    .any(|w| after.contains(w))
}

/// The writer states an age: what [`age_matches_year`] needs.
static AGE_STATED: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:i'm|i am|i’m|ich bin|j'ai|tengo|tenho|ik ben|mam)\s+\d{2}(?-u:\b)"));
/// Between two birth dates of one list: " e Marco il ", ", and Sam on ".
static BIRTH_LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(?:,\s*(?:and|e|y|et|und|en|i)?|(?:and|e|y|et|und|en|i|&))\s+(?:\p{Lu}\p{L}+\s+)?(?:(?:il|el|le|on|am|the|op|w|em|no|on the)\s+)?$",
    )
});
/// A weekday right before a birth date: "born Tuesday the 4th of March".
static WEEKDAY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?:the\s+)?$")
});
/// ". I'm 32", ", j'ai 47": an age right after a year.
static AGE_AFTER_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[\s.,;:!)\-–—]{1,4}(?i:i'm|i am|i’m|im|ich bin|j'ai|tengo|ho|tenho|mam|ik ben|soy|sono)\s+(\d{2})(?-u:\b)",
    )
});
/// The writer gives their age right after a year ("1994. I'm 32", "1979,
/// j'ai 47 ans"), and year plus age falls in 2020..=2035: the year is the
/// writer's birth year (a range, so the engine stays right for years).
fn age_matches_year(text: &str, year_end: usize, year: &str) -> bool {
    let Some(c) = AGE_AFTER_YEAR.captures(window_after(text, year_end, 24)) else {
        return false;
    };
    // "We opened in 1994. I'm 32": the year of another event.
    let before = window_before(text, year_end - year.len(), 24).to_ascii_lowercase();
    if [
        "opened", "founded", "launched", "started", "built", "joined", "since", "moved", "came",
        "hired",
    ]
    .iter()
    .any(|w| before.contains(w))
    {
        return false;
    }
    let age: u32 = c.get(1).map_or(0, |a| parse_u32(a.as_str()));
    (2020..=2035).contains(&(parse_u32(year) + age))
}

/// The words right after a birth cue make it about another thing: a
/// birthday lunch, leave or party, or something "born out of" a merger.
fn cue_names_another_event(after_cue: &str) -> bool {
    let first = after_cue
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    matches!(
        first,
        "lunch"
            | "party"
            | "leave"
            | "cake"
            | "cakes"
            | "drinks"
            | "celebration"
            | "celebrations"
            | "collection"
            | "breakfast"
            | "outing"
            | "list"
            | "calendar"
            | "rota"
    )
}

/// "born in nineteen eighty-one": a year in words after a birth cue (the
/// one birth date without a digit).
fn spelled_birth_years(text: &str, out: &mut Vec<Candidate>) {
    // The holiday pattern is case-insensitive; so is its gate ("Born on
    // Christmas Day").
    if text.contains("irth")
        || text.contains("born")
        || text.contains("Born")
        || text.contains("BORN")
    {
        for c in HOLIDAY_BIRTH.captures_iter(text) {
            if let Some(day) = c.get(1) {
                push(out, day.start(), day.end(), PiiKind::DateOfBirth, 0.7);
            }
        }
    }
    if !text.contains("ineteen") && !text.contains("INETEEN") {
        return;
    }
    for m in SPELLED_YEAR.find_iter(text) {
        if birth_context(text, m.start(), m.end()) {
            push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.75);
        }
    }
}

fn dates_of_birth(text: &str, out: &mut Vec<Candidate>) {
    let lower = text.to_ascii_lowercase();
    // "b. 1975" is one cue that is no word.
    // "a '79 baby" and Dutch "ik ben van 1992" are others.
    if !BIRTH_CUES.is_match(&lower)
        && !lower.contains("b. ")
        && !lower.contains(" baby")
        && !lower.contains("ben van ")
        && !AGE_STATED.is_match(&lower)
    {
        return;
    }
    // "born in '68", "born in the spring of '88", "a '79 baby"; "Born Jan
    // '92" with its month.
    for m in SHORT_YEAR.find_iter(text) {
        let w = window_before(text, m.start(), 12).to_ascii_lowercase();
        let after = window_after(text, m.end(), 8).to_ascii_lowercase();
        if w.contains("born")
            || w.contains("dob")
            || w.ends_with("b. ")
            || after_birth_cue(text, m.start(), 40).is_some_and(|b| {
                !cue_names_another_event(&b) && !OTHER_EVENTS.iter().any(|e| contains_word(&b, e))
            })
            || after.starts_with(" baby")
        {
            push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.7);
        }
    }
    // "my son (born March 2019)": a month and a year right after the cue.
    for m in MONTH_YEAR.find_iter(text) {
        let w = window_before(text, m.start(), 12).to_ascii_lowercase();
        if w.trim_end().ends_with("born") || w.trim_end().ends_with("born in") {
            push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.75);
        }
    }
    for m in MONTH_SHORT_YEAR
        .find_iter(text)
        .chain(COMPACT_DATE.find_iter(text))
    {
        if birth_context(text, m.start(), m.end()) {
            push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.75);
        } else if COMPACT_DATE.is_match(m.as_str())
            && after_cue_across_sentences(text, m.start(), 160)
                .is_some_and(|b| recorded_birth_date(&b))
        {
            // "... set to our date of birth. Mine is literally 19880715."
            push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.7);
        }
    }
    // Year-first dates with units are written only in non-ASCII scripts.
    let year_first = if text.is_ascii() {
        None
    } else {
        Some(DATE_YEAR_FIRST.find_iter(text))
    };
    for m in DATE_NUMERIC
        .find_iter(text)
        .chain(DATE_TEXT.find_iter(text))
        .chain(year_first.into_iter().flatten())
    {
        // "Giulia è nata il 08/02/2015 e Marco il 23/10/2018": the next
        // date in a list of births.
        let listed = out
            .iter()
            .rev()
            .find(|c| c.kind == PiiKind::DateOfBirth)
            .is_some_and(|c| {
                c.end <= m.start()
                    && m.start() - c.end <= 40
                    && BIRTH_LIST_GAP.is_match(&text[c.end..m.start()])
            });
        if birth_context(text, m.start(), m.end()) || listed {
            push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.85);
        } else if plausible_birth_year(m.as_str(), "2027") {
            // "... steht mein Geburtsdatum falsch, 12.07.1985 statt
            // 21.07.1985", "birthdays on the calendar, with the year. Mine
            // (22/08/1958)": a full date with a birth year after a cue,
            // across sentences, with no other event in between.
            if let Some(between) = after_cue_across_sentences(text, m.start(), 160) {
                if recorded_birth_date(&between) {
                    push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.7);
                }
            }
        }
    }
    // "Bday on the 17th": a day alone after a birthday cue.
    for m in DAY_ORDINAL.find_iter(text) {
        let w = window_before(text, m.start(), 24).to_ascii_lowercase();
        if ["birthday", "bday", "b-day"].iter().any(|c| {
            w.rfind(c).is_some_and(|at| {
                matches!(
                    w[at + c.len()..].trim(),
                    "on the"
                        | "is on the"
                        | "is the"
                        | "'s on the"
                        | "\u{2019}s on the"
                        | "was on the"
                )
            })
        }) {
            push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.7);
        }
    }
    for m in DAY_MONTH.find_iter(text) {
        let w = window_before(text, m.start(), 16).to_ascii_lowercase();
        let next = text[m.end()..].chars().next();
        if [
            "birthday is ",
            "birthday on ",
            "birthday: ",
            "dob: ",
            "dob ",
            "born on ",
        ]
        .iter()
        .any(|c| w.ends_with(c))
            && !next.is_some_and(|c| c.is_ascii_digit() || c == '/')
        {
            push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.75);
        }
    }
    // "the HR system has me as born in 1897": a wrong year right after
    // "born" is still the recorded birth year.
    for m in OLD_YEAR.find_iter(text) {
        let w = window_before(text, m.start(), 12).to_ascii_lowercase();
        if w.trim_end().ends_with("born in") || w.trim_end().ends_with("born") {
            push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.7);
        }
    }
    for m in YEAR.find_iter(text) {
        // The year of a full date already found is no finding of its own.
        if out
            .iter()
            .any(|c| c.kind == PiiKind::DateOfBirth && c.start <= m.start() && m.end() <= c.end)
        {
            continue;
        }
        // "Urodziłam się w 1962": the cue may be 20 bytes before.
        let w = window_before(text, m.start(), 24).to_ascii_lowercase();
        if w.ends_with(" b. ") || w == "b. " || w.ends_with("(b. ") {
            push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.7);
            continue;
        }
        // "he was born in 2016": right after "born", a child's year is a
        // birth year too; elsewhere a year alone must be an adult's.
        let right_after_born = w.trim_end().ends_with("born in") || w.trim_end().ends_with("born");
        let latest = if right_after_born { "2027" } else { "2011" };
        if !plausible_birth_year(m.as_str(), latest) {
            continue;
        }
        // "Data di nascita: 15/04/1990. Nel portale risulta il 1991": a
        // year later in the text after a birth cue, with no other event
        // ("joined in 2005") in between, is the (mis)recorded birth year.
        if let Some(between) = after_cue_across_sentences(text, m.start(), 160) {
            if recorded_birth_date(&between) {
                push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.7);
                continue;
            }
        }
        if w.contains("born out of") || w.contains("born from") {
            continue;
        }
        // "ik ben van 1992" (Dutch: I was born in 1992); "a 1985 baby".
        if w.ends_with("ben van ") || window_after(text, m.end(), 6).starts_with(" baby") {
            push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.7);
            continue;
        }
        if [
            "born",
            "birth",
            "dob",
            "jahrgang",
            "geboren",
            "naissance",
            "nacid",
            "nato nel",
            "nata nel",
            "urodzon",
            "urodzi",
            "rocznik",
            "geburts",
            "geboortejaar",
            "nasci",
            "naci",
            "nací",
            "nació",
            "nasceu",
            "nacque",
            "né en",
            "née en",
            "出生",
            "生年",
            "生まれ",
            "출생",
            "syntyn",
            "född",
            "født",
            "doğum",
            "szület",
            "rođen",
            "narozen",
            "născut",
            "рожд",
            "народ",
            "lahir",
        ]
        .iter()
        .any(|c| w.contains(c))
            // "Jahrgang 1963, seit 1981 im Betrieb": "since" names another
            // event than the birth.
            && !["seit ", "since ", "desde ", "depuis ", "sinds ", "od ", "dal ", "dalla "]
                .iter()
                .any(|x| w.ends_with(x))
        {
            push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.7);
            continue;
        }
        // "1994. I'm 32.": a year and the writer's age that add up to
        // about now.
        if age_matches_year(text, m.end(), m.as_str()) {
            push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.65);
            continue;
        }
        // "m'a mis 1928 comme année de naissance": the cue after the year.
        let after = window_after(text, m.end(), 32).to_ascii_lowercase();
        let after = after.split(['.', '!', '?', '\n', ',']).next().unwrap_or("");
        if [
            "de naissance",
            "di nascita",
            "de nacimiento",
            "de nascimento",
            "urodzenia",
            "geburtsjahr",
        ]
        .iter()
        .any(|c| after.contains(c))
        {
            push(out, m.start(), m.end(), PiiKind::DateOfBirth, 0.7);
        }
    }
}

/// "born Tuesday the 4th of March 2025": the weekday is part of the date.
fn weekday_heads(text: &str, out: &mut [Candidate], from: usize) {
    for c in &mut out[from..] {
        if c.kind != PiiKind::DateOfBirth {
            continue;
        }
        if let Some(m) = WEEKDAY_BEFORE.find(window_before(text, c.start, 16)) {
            c.start -= m.end() - m.start();
        }
    }
}

/// What a text must hold before a street pattern is run on it.
enum Needs {
    Nothing,
    /// Kana, Han or Hangul.
    Cjk,
    /// One of these strings.
    AnyOf(&'static [&'static str]),
}

/// Irish- and Welsh-language street words, without which `ADDRESS_CELTIC`
/// cannot match.
const CELTIC_STREET_WORDS: &[&str] = &[
    "Sráid", "Bóthar", "Ascaill", "Cearnóg", "Heol", "Ffordd", "Stryd", "Rhodfa", "Cilgant",
    "Lána", "Plás", "Ard", "Páirc", "Bealach", "Cúirt", "Radharc", "Gleann", "Cnoc", "Lôn", "Maes",
    "Llys", "Teras", "Clos", "Cae",
];

fn addresses(text: &str, out: &mut Vec<Candidate>) {
    let mut found: Vec<(usize, usize, f32)> = Vec::new();
    // Each street pattern with its score and what a text needs before it
    // is worth running (most texts lack the words, and a pattern over
    // Unicode classes is costly).
    let streets: [(&Regex, f32, Needs); 17] = [
        (&ADDRESS_US, 0.75, Needs::Nothing),
        (&ADDRESS_EU, 0.8, Needs::Nothing),
        (&ADDRESS_ROMANCE, 0.7, Needs::Nothing),
        (&ADDRESS_PL, 0.75, Needs::Nothing),
        (&ADDRESS_LATAM, 0.7, Needs::Nothing),
        (&ADDRESS_LOWER, 0.6, Needs::Nothing),
        (&ADDRESS_LOWER_UK, 0.65, Needs::AnyOf(&[", "])),
        (&ADDRESS_LOWER_EU, 0.65, Needs::Nothing),
        (&ADDRESS_ZH, 0.75, Needs::Cjk),
        (&ADDRESS_CELTIC, 0.65, Needs::AnyOf(CELTIC_STREET_WORDS)),
        (&ADDRESS_CJK, 0.75, Needs::Cjk),
        (
            &ADDRESS_VI,
            0.7,
            Needs::AnyOf(&["đường", "phố", "Đường", "Phố"]),
        ),
        (
            &ADDRESS_NAGAR,
            0.65,
            Needs::AnyOf(&[
                "Nagar",
                "Colony",
                "Enclave",
                "Vihar",
                "Puram",
                "Layout",
                "Extension",
            ]),
        ),
        (&ADDRESS_NAMED_HOUSE, 0.65, Needs::AnyOf(&[", ", "K"])),
        (
            &ADDRESS_LOWER_IT,
            0.6,
            Needs::AnyOf(&["via ", "viale ", "corso ", "piazza", "vicolo ", "largo "]),
        ),
        (
            &ADDRESS_MALAY,
            0.7,
            Needs::AnyOf(&["Jl", "Jalan", "Lorong", "Soi ", "Thanon"]),
        ),
        (&CODE_TOWN_PT, 0.6, Needs::Nothing),
    ];
    // The patterns end without a (Unicode) word boundary, which would push
    // the regex engine onto its slow path: a match followed by a letter or
    // digit is dropped here instead.
    let word_end = |end: usize| !text[end..].starts_with(|c: char| c.is_alphanumeric());
    // The block pattern is costly (its lines repeat over Unicode classes),
    // so it only runs on a window that ends where a postcode or a county
    // could end it.
    let mut last_end = 0;
    for e in BLOCK_END.find_iter(text).map(|m| m.end()) {
        if e <= last_end || !word_end(e) {
            continue;
        }
        let mut start = e.saturating_sub(240);
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let window = &text[start..e];
        // Most windows end at a year: skip those with no house number or
        // street word before the number (the full test runs on the match).
        let head = window.trim_end_matches(|c: char| c.is_ascii_digit());
        let bare_number = head.len() + 4 <= window.len() && head.ends_with([' ', ',']);
        if !(window.contains(", ") || window.contains('\n'))
            || (bare_number
                && !head.bytes().any(|b| b.is_ascii_digit())
                && !STREET_WORD.is_match(head))
        {
            continue;
        }
        // A block that starts a line too early ("Account Manager\n1500 SW
        // 1st Ave, ...") is tried again from its next line.
        let mut from = 0;
        while let Some(m) = ADDRESS_BLOCK
            .find_iter(&window[from..])
            .find(|m| m.end() + from == window.len())
        {
            // "Dana Whitfield\n1500 SW 1st Ave, ...": a first line with no
            // number and no street word is a name or a title above the
            // address, not part of it.
            let block = m.as_str();
            let first_line = block.split('\n').next().unwrap_or("");
            let mut key = String::new();
            crate::text::fold_key(first_line.split_whitespace().next().unwrap_or(""), &mut key);
            let named = LEXICON.flags(&key) & (lexicon::FIRST | lexicon::LAST) != 0;
            // "Rose Cottage", "The Maltings": a house's name is the address.
            let house = first_line.split_whitespace().last().is_some_and(|w| {
                matches!(
                    w,
                    "Cottage"
                        | "House"
                        | "Farm"
                        | "Lodge"
                        | "Villa"
                        | "Heights"
                        | "Court"
                        | "Manor"
                        | "Mill"
                        | "Barn"
                        | "Maltings"
                        | "Hall"
                        | "Grange"
                        | "Mews"
                )
            });
            let heading = block.contains('\n')
                && named
                && !house
                && !first_line.bytes().any(|b| b.is_ascii_digit())
                && !STREET_WORD.is_match(first_line)
                && !first_line.contains(',');
            if plausible_block(block) && !heading {
                found.push((start + from + m.start(), e, 0.7));
                last_end = e;
                break;
            }
            match m.as_str().find('\n') {
                Some(nl) => from += m.start() + nl + 1,
                None => break,
            }
        }
    }
    let suites = if text.contains("Suite") || text.contains("Office") || text.contains("Wing") {
        Some(ADDRESS_SUITE.find_iter(text))
    } else {
        None
    };
    for m in ADDRESS_LEAD
        .find_iter(text)
        .chain(suites.into_iter().flatten())
    {
        found.push((m.start(), m.end(), 0.65));
    }
    // "Address: Lotopa Road, Apia": a form field's value, when it has a
    // comma or a number and opens with a capital or a digit (not "Address:
    // see above", not an e-mail or a web address).
    if text.contains(':') {
        for c in ADDRESS_FIELD.captures_iter(text) {
            let Some(v) = c.get(1) else { continue };
            // The value ends with its line or where a sentence goes on.
            let mut value = v.as_str();
            for stop in [" and ", " but ", " - ", " – ", " — ", " (", "; "] {
                if let Some(at) = value.find(stop) {
                    value = &value[..at];
                }
            }
            let value = value.trim_end().trim_end_matches(['.', ';', ',']);
            let shaped = value.contains(',') || value.bytes().any(|b| b.is_ascii_digit());
            let opens = value.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit());
            if shaped
                && opens
                && !value.contains('@')
                && !value.contains("://")
                && value.split_whitespace().count() >= 2
            {
                found.push((v.start(), v.start() + value.len(), 0.6));
            }
        }
    }
    // "14 bis rue des tanneurs, 59800 lille": a lowercase street with a
    // code or a known town after it.
    let lower_text = text.bytes().any(|b| b.is_ascii_lowercase());
    if lower_text {
        for m in ADDRESS_LOWER_ROMANCE.find_iter(text) {
            // Whole words only ("überweg 5", "liberté"): the pattern has no
            // word boundaries, which are ASCII-only.
            if char_before(text, m.start()).is_some_and(char::is_alphanumeric)
                || char_at(text, m.end()).is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let end = address_end(text, m.end());
            let tail = &text[m.end()..end];
            let mut key = String::new();
            let known_town = tail.split([',', ' ']).filter(|w| !w.is_empty()).any(|w| {
                crate::text::fold_key(w, &mut key);
                LEXICON.flags(&key) & (lexicon::PLACE | lexicon::TOWN) != 0
                    && LEXICON.flags(&key) & lexicon::STOP == 0
            });
            if LOWER_CODE_IN_TAIL.is_match(tail) || known_town {
                found.push((m.start(), end, 0.6));
            }
        }
    }
    // "no 45, 2nd cross, 5th main, indiranagar, bengaluru 560038": two
    // lowercase lines or more, with a street word or ending in a code.
    for m in ADDRESS_LOWER_LEAD.find_iter(text) {
        let (len, lines, street, code) = lower_chain(&text[m.end()..]);
        if lines >= 2 && (street || code) {
            found.push((m.start(), m.end() + len, 0.6));
        }
    }
    // Kana, Han and Hangul all start with bytes E3..ED in UTF-8: without
    // them the CJK patterns cannot match.
    let cjk_text = text.bytes().any(|b| (0xE3..=0xED).contains(&b));
    for (pattern, score, needs) in streets {
        let worth = match needs {
            Needs::Nothing => true,
            Needs::Cjk => cjk_text,
            Needs::AnyOf(words) => words.iter().any(|w| text.contains(w)),
        };
        if !worth {
            continue;
        }
        for m in pattern.find_iter(text) {
            // "the 7:05 route": a time, not a house number.
            if char_before(text, m.start()) == Some(':') {
                continue;
            }
            // "0912345678 đường Lê Lợi", "na Śląskiej 12": these patterns
            // start without a word boundary (ASCII-only ones miss "Ś"), so a
            // match inside a word or a number is dropped here.
            if (std::ptr::eq(pattern, &*ADDRESS_VI) || std::ptr::eq(pattern, &*ADDRESS_PL))
                && char_before(text, m.start()).is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            if std::ptr::eq(pattern, &*ADDRESS_LOWER_IT) {
                let rest = &text[m.end()..];
                let flat_or_code = rest.starts_with(" int")
                    || rest.starts_with(" scala")
                    || rest.starts_with(" piano")
                    || rest.strip_prefix(", ").is_some_and(|r| {
                        r.len() >= 5 && r.as_bytes()[..5].iter().all(u8::is_ascii_digit)
                    });
                if !(flat_or_code || clause_ends(rest)) {
                    continue;
                }
            }
            // "Open gate 5": an English word before "gate" is no Norwegian
            // street ("Thereses gate 35B").
            if std::ptr::eq(pattern, &*ADDRESS_EU) {
                let mut words = m.as_str().split_whitespace();
                if let (Some(first), Some("gate")) = (words.next(), words.next()) {
                    let mut key = String::new();
                    crate::text::fold_key(first, &mut key);
                    if LEXICON.flags(&key) & lexicon::WORD != 0 {
                        continue;
                    }
                }
            }
            // "Im Jahr 2024", "Am Montag 14": a time, not "Am Sonnenhang 7".
            if std::ptr::eq(pattern, &*ADDRESS_EU) {
                let mut words = m.as_str().split_whitespace();
                if matches!(words.next(), Some("Im" | "Am" | "Zum" | "Zur" | "In")) {
                    let mut key = String::new();
                    crate::text::fold_key(words.next().unwrap_or(""), &mut key);
                    let time = matches!(
                        key.as_str(),
                        "jahr"
                            | "jahre"
                            | "monat"
                            | "schnitt"
                            | "durchschnitt"
                            | "moment"
                            | "rahmen"
                            | "vergleich"
                            | "team"
                            | "bereich"
                            | "sommer"
                            | "winter"
                            | "herbst"
                            | "fruhling"
                            | "fruhjahr"
                            | "quartal"
                            | "kw"
                            | "zeitraum"
                    ) || LEXICON.flags(&key) & lexicon::CALENDAR != 0;
                    if time {
                        continue;
                    }
                }
            }
            // "11 vans off the road": a lowercase street has no function
            // words between its number and its street word.
            if std::ptr::eq(pattern, &*ADDRESS_LOWER)
                && m.as_str().split_whitespace().any(|w| {
                    matches!(
                        w,
                        "the"
                            | "off"
                            | "of"
                            | "on"
                            | "in"
                            | "to"
                            | "a"
                            | "my"
                            | "our"
                            | "down"
                            | "up"
                            | "across"
                            | "along"
                            | "at"
                            | "and"
                            // "a 40 minute drive": a measure, not a street.
                            | "minute"
                            | "minutes"
                            | "mins"
                            | "hour"
                            | "hours"
                            | "mile"
                            | "miles"
                            | "km"
                            | "second"
                            | "seconds"
                            | "day"
                            | "days"
                            | "metres"
                            | "meters"
                    )
                })
            {
                continue;
            }
            found.push((m.start(), m.end(), score));
        }
    }
    let building_text = [
        "Building", "Bldg", "Tower", "House", "Plaza", "Centre", "Center", "Complex", "Mall",
        "Zone",
    ]
    .iter()
    .any(|w| text.contains(w));
    if building_text {
        for m in ADDRESS_BUILDING.find_iter(text) {
            let end = address_end(text, m.end());
            let tail = &text[m.end()..end];
            let zone = m.as_str().starts_with("Zone");
            if zone
                || NUMBERED_STREET_NEXT.is_match(tail)
                || NUMBERED_STREET_NEXT.is_match(&text[m.end()..])
                || STREET_WORD.is_match(tail)
                || CODE_IN_TAIL.is_match(tail)
                || tail.matches(',').count() >= 2
            {
                found.push((m.start(), end, 0.65));
            }
        }
    }
    // "Masarykova 427/31, 602 00 Brno": an unlisted street, known by the
    // house number and the postal code after it.
    for m in NUMBER_COMMA.find_iter(text) {
        let number_end = m.end() - 1;
        let end = address_end(text, number_end);
        let mut key = String::new();
        // "Vesivärava 50-12, Tallinn": a known town, alone after the
        // number, serves as well as a postal code.
        let mut known_town = || {
            let town = text[number_end..end].trim_start_matches([',', ' ']);
            crate::text::fold_key(town.trim_end_matches('.'), &mut key);
            !town.contains(',')
                && LEXICON.flags(&key) & (lexicon::PLACE | lexicon::TOWN) != 0
                && LEXICON.flags(&key) & lexicon::STOP == 0
        };
        let coded = CODE_IN_TAIL.is_match(&text[number_end..end]);
        if end <= m.end() || !(coded || known_town()) {
            continue;
        }
        let Some(head) = NAMED_STREET.find(window_before(text, m.start(), 60)) else {
            continue;
        };
        let first = head.as_str().split_whitespace().next().unwrap_or("");
        crate::text::fold_key(first.trim_end_matches('.'), &mut key);
        // Without a code, the street must be no name and no place either
        // ("Sarah 5, Leeds", "Paris 2, Lyon").
        let not_street = if coded {
            lexicon::STOP | lexicon::CALENDAR | lexicon::WORD
        } else {
            lexicon::STOP | lexicon::CALENDAR | lexicon::WORD | lexicon::FIRST | lexicon::PLACE
        };
        if LEXICON.flags(&key) & not_street != 0 {
            continue;
        }
        found.push((m.start() - head.as_str().len(), end, 0.65));
    }
    // Every part found is extended over the flat, code and town after it,
    // and parts of one address that only glue separates become one span.
    found.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut merged: Vec<(usize, usize, f32)> = Vec::with_capacity(found.len());
    for (s, e, score) in found {
        let mut e = address_end(text, e);
        // "..., GA 30306.": a sentence's period after a number is no part
        // of the address (an abbreviation's, "Jal.", is).
        if text[..e].ends_with('.') && text[..e - 1].ends_with(|c: char| c.is_ascii_digit()) {
            e -= 1;
        }
        // "..., Honiara.": so is the period after a town's full name (an
        // abbreviation, "Oax.", "Jal.", is short).
        if text[..e].ends_with('.') && (e == text.len() || text[e..].starts_with([' ', '\n'])) {
            let word = text[..e - 1].rsplit([' ', ',', '\n']).next().unwrap_or("");
            if word.chars().count() >= 5 && word.chars().all(char::is_alphabetic) {
                e -= 1;
            }
        }
        let s = ADDRESS_HEAD
            .find(raw_window_before(text, s, 120))
            .map_or(s, |m| s - (m.end() - m.start()));
        if let Some(last) = merged.last_mut() {
            if s <= last.1 || (s - last.1 <= 40 && ADDRESS_GLUE.is_match(&text[last.1..s])) {
                last.1 = last.1.max(e);
                last.2 = last.2.max(score);
                continue;
            }
        }
        merged.push((s, e, score));
    }
    for (s, e, score) in merged {
        push(out, s, e, PiiKind::StreetAddress, score);
    }
}

/// A block of capitalised lines ending in four to six digits is an address
/// only with a house number or a street word in it ("Unit 12 Jacaranda
/// Mews, 8 Kingfisher Crescent, Fourways, Johannesburg, 2191"), not "Tom,
/// Anna, Raj 2019"; postcodes of other shapes and counties need nothing.
fn plausible_block(block: &str) -> bool {
    let tail = block.rsplit([' ', ',', '\n']).next().unwrap_or("");
    let digits_only = tail.bytes().all(|b| b.is_ascii_digit());
    if !digits_only {
        return true;
    }
    // Lines on their own ending in a bare number are a signature or a
    // list ("Thanks\nAnna\nTeam 4\n2024"), not an address.
    if block.contains('\n') {
        return false;
    }
    let first = block.split([',', '\n']).next().unwrap_or("");
    first.bytes().any(|b| b.is_ascii_digit()) || STREET_WORD.is_match(block)
}

/// ", Porto." after a street: up to three towns ("Miraflores, Lima") and a
/// province, when the clause ends with them. A town that is a common word
/// ("Monday", "Thanks") ends the chain.
fn town_only(rest: &str) -> usize {
    // A town ends a clause, or lowercase words go on after it ("..., Bogotá
    // y el bus", "..., Porto continua").
    let ends = |at: usize| {
        let mut after = rest[at..].chars();
        match after.next() {
            None => true,
            Some(' ') => {
                let next = after.next();
                next.is_some_and(|c| c.is_lowercase() || matches!(c, '—' | '–' | '-' | '('))
                    || (next == Some('I') && after.next().is_some_and(|c| !c.is_alphanumeric()))
            }
            Some(c) => {
                clause_ends(&rest[at..]) || matches!(c, '"' | '\u{201D}' | '\'' | '\u{2019}')
            }
        }
    };
    let mut end = 0;
    let mut best = 0;
    let mut key = String::new();
    for _ in 0..3 {
        let Some(m) = TOWN_ONLY.find(&rest[end..]) else {
            break;
        };
        crate::text::fold_key(
            m.as_str().trim_start_matches([',', ' ', '\t', '\n']),
            &mut key,
        );
        let f = LEXICON.flags(&key);
        // "Cork", "Bath": a town that is also a word, when the clause ends
        // with it.
        let word_town = f & lexicon::WORD != 0
            && f & (lexicon::PLACE | lexicon::TOWN) != 0
            && f & (lexicon::STOP | lexicon::CALENDAR) == 0;
        if f & (lexicon::STOP | lexicon::CALENDAR | lexicon::WORD) != 0 && !word_town {
            break;
        }
        end += m.end();
        // "Jal. y tengo", "Qro., C.P.": a short town or state keeps its
        // period when the clause goes on after it.
        if rest[end..].starts_with('.')
            && key.chars().count() <= 4
            && !key.contains(' ')
            && rest[end + 1..].starts_with([' ', ','])
            && ends(end + 1)
        {
            end += 1;
        }
        let clause_end = clause_ends(&rest[end..]);
        if ends(end) && (!word_town || clause_end) {
            best = end;
        }
        if word_town {
            break;
        }
        if let Some(p) = PROVINCE.find(&rest[end..]) {
            if ends(end + p.end()) {
                best = end + p.end();
            }
        }
    }
    best
}

/// Lowercase lines after a lowercase address (", off allen avenue, ikeja,
/// lagos"), up to where the clause ends: (how far, lines taken, whether a
/// line has a street word, whether the last ends in a postal code). A
/// line of function words ("which", "and") ends the chain; so does a line
/// of everyday words only, unless a street word or a code is in it.
fn lower_chain(rest: &str) -> (usize, usize, bool, bool) {
    let mut at = 0;
    let (mut best, mut lines, mut street, mut code) = (0, 0, false, false);
    // What the accepted lines hold (lines read after them do not count).
    let (mut best_lines, mut best_street) = (0, false);
    let mut key = String::new();
    for _ in 0..6 {
        let Some(m) = LOWER_LINE.find(&rest[at..]) else {
            break;
        };
        let line = m.as_str().trim_start_matches([' ', '\t', ',']);
        let mut words = line.split_whitespace().peekable();
        let landmark = words.peek().is_some_and(|w| {
            matches!(
                *w,
                "off" | "near" | "opposite" | "opp." | "behind" | "beside" | "next"
            )
        });
        let (mut stop, mut unknown, mut has_street) = (false, false, false);
        let mut place = false;
        // "app 608", "flat 3": a flat's line.
        let unit_line = matches!(
            words.peek().copied(),
            Some("app" | "apt" | "apto" | "flat" | "unit" | "suite" | "piso" | "int" | "dpto")
        ) && line.bytes().any(|b| b.is_ascii_digit());
        for (n, w) in line.split_whitespace().enumerate() {
            // Numbers, a landmark's preposition, a province ("MI").
            if w.bytes().all(|b| b.is_ascii_digit()) {
                unknown = true;
                continue;
            }
            if (landmark && n <= 1) || (w.len() == 2 && w.bytes().all(|b| b.is_ascii_uppercase())) {
                continue;
            }
            crate::text::fold_key(w.trim_end_matches('.'), &mut key);
            let f = LEXICON.flags(&key);
            has_street |= LOWER_STREET_WORDS.contains(&key.as_str());
            // "al barsha", "de la": particles of a place's name.
            if matches!(key.as_str(), "al" | "el" | "de" | "la" | "da" | "do" | "di") {
                continue;
            }
            stop |= f & lexicon::STOP != 0 && !has_street && !unit_line;
            place |= f & (lexicon::PLACE | lexicon::TOWN) != 0;
            unknown |= f & lexicon::WORD == 0
                || f & (lexicon::PLACE | lexicon::TOWN) != 0
                || w.bytes().any(|b| b.is_ascii_digit());
        }
        // ", 20124 milano MI": a code, then its town.
        let code_first =
            line.split_whitespace().next().is_some_and(|w| {
                (4..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
            }) && line.split_whitespace().count() >= 2;
        let ends_in_code = line
            .rsplit(' ')
            .next()
            .is_some_and(|w| (4..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()));
        // "montréal qc h3b 3j6", "dublin 2, d02 dx63": a postcode that is
        // letters and digits closes the line as well.
        let mixed_code = {
            let mut words = line.rsplitn(3, ' ');
            let last = words.next().unwrap_or("");
            let two = words
                .next()
                .map(|w| format!("{w} {last}"))
                .unwrap_or_default();
            let whole = |c: &str| {
                LOWER_CODE_IN_TAIL
                    .find(c)
                    .is_some_and(|m| m.as_str().len() == c.len())
            };
            last.bytes().any(|b| b.is_ascii_digit())
                && last.bytes().any(|b| b.is_ascii_lowercase())
                && (whole(last) || whole(&two))
        };
        // ", glasgow with my manager's handwriting": a known town, then
        // the sentence goes on.
        if stop && !landmark {
            let first = line.split_whitespace().next().unwrap_or("");
            crate::text::fold_key(first, &mut key);
            if LEXICON.flags(&key) & (lexicon::PLACE | lexicon::TOWN) != 0
                && LEXICON.flags(&key) & lexicon::STOP == 0
            {
                let line_at = m.as_str().len() - line.len();
                best = at + line_at + first.len();
                lines += 1;
                (best_lines, best_street) = (lines, street);
            }
            break;
        }
        if !(unknown || has_street || landmark || ends_in_code) {
            break;
        }
        at += m.end();
        lines += 1;
        street |= has_street;
        let after = rest[at..].trim_start_matches([' ', '\t']);
        // The last line must say it is an address: a place, a street, a
        // landmark, a code or a flat; or be one word before the clause's end
        // ("ikeja."), not "graag aanpassen".
        let evidence = place
            || has_street
            || landmark
            || unit_line
            || ends_in_code
            || line.split_whitespace().count() == 1;
        if code_first
            || mixed_code
            || (evidence
                && (after.is_empty()
                    || after.starts_with(['.', ',', ';', '!', '?', ')', '\n', '-', '–', '—', '('])))
        {
            best = at;
            code = ends_in_code;
            (best_lines, best_street) = (lines, street);
        }
    }
    if best == 0 {
        return (0, 0, false, false);
    }
    (best, best_lines, best_street, code)
}

/// The last word with a letter in `text` starts lowercase: "apt 5c" and
/// "crescent" are typed in lowercase, "Apt 2" and "São Paulo" are not.
fn last_word_lowercase(text: &str) -> bool {
    text.split_whitespace()
        .rev()
        .find_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .is_some_and(char::is_lowercase)
}

/// Street types a town may follow with no comma ("Cl Kallangur", "rd
/// annandale").
const STREET_ABBREVIATIONS: &[&str] = &[
    "st",
    "rd",
    "ave",
    "av",
    "blvd",
    "dr",
    "ln",
    "ct",
    "cl",
    "cres",
    "pde",
    "tce",
    "cct",
    "hwy",
    "pl",
    "trl",
    "way",
    "street",
    "road",
    "avenue",
    "lane",
    "drive",
    "close",
    "crescent",
    "concourse",
];

/// Nothing, or a clause's punctuation, comes next in `rest`.
fn clause_ends(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_none_or(|c| matches!(c, '.' | ',' | ';' | ')' | '!' | '?' | '\n'))
}

/// Where an address that a pattern matched up to `end` really ends: its
/// first tail ([`POSTAL_TAIL`]), then more parts one at a time
/// ([`TAIL_PART`]), then towns alone.
fn address_end(text: &str, mut end: usize) -> usize {
    let word_end = |e: usize| !text[e..].starts_with(|c: char| c.is_alphanumeric());
    if let Some(t) = POSTAL_TAIL
        .find(&text[end..])
        .filter(|t| word_end(end + t.end()))
    {
        end += t.end();
    }
    for _ in 0..4 {
        match TAIL_PART.find(&text[end..]) {
            Some(t) if !t.is_empty() && word_end(end + t.end()) => end += t.end(),
            _ => break,
        }
    }
    end += town_only(&text[end..]);
    // "no 12 oduduwa crescent, off allen avenue, ikeja, lagos": a
    // lowercase address goes on in lowercase lines.
    // A window is enough for the last word (and keeps this linear).
    let typed_lower = last_word_lowercase(raw_window_before(text, end, 64));
    if typed_lower {
        end += lower_chain(&text[end..]).0;
    }
    // "kruisstraat 12 bis, 3581 gl utrecht": a Dutch code typed in
    // lowercase, then its town.
    if typed_lower && text[..end].ends_with(|c: char| c.is_ascii_digit()) {
        if let Some(m) = LOWER_DUTCH_CODE_TOWN.find(&text[end..]) {
            if clause_ends(&text[end + m.end()..]) {
                end += m.end();
            }
        }
    }
    // "Konak, 35250 İzmir", "03940 Ciudad de México, CDMX": a town after
    // the code, with no comma, and maybe its state.
    if text[..end].ends_with(|c: char| c.is_ascii_digit()) {
        if let Some(m) = TOWN_AFTER_CODE.find(&text[end..]) {
            let mut e = end + m.end();
            if let Some(p) = PROVINCE.find(&text[e..]) {
                let after = &text[e + p.end()..];
                let lower_next =
                    after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_lowercase());
                if clause_ends(after) || (p.as_str().ends_with('.') && lower_next) {
                    e += p.end();
                }
            }
            if clause_ends(&text[e..]) || text[..e].ends_with('.') {
                end = e;
            }
        }
    }
    // "Av. Paulista, 1578 - Bela Vista": a district after a dash.
    if text[..end].ends_with(|c: char| c.is_ascii_digit()) {
        if let Some(m) = DASH_DISTRICT.find(&text[end..]) {
            let after = &text[end + m.end()..];
            let lower_next =
                after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_lowercase());
            if clause_ends(after) || lower_next {
                end += m.end();
            }
        }
    }
    // "... Apt 2 Chicago", "88 parramatta rd annandale": a town with no
    // comma, in the address's case, that ends the clause.
    if let Some(m) = BARE_TOWN.find(&text[end..]) {
        let word = m.as_str().trim_start();
        let before = text[..end].rsplit([' ', '\t']).next().unwrap_or("");
        let mut key = String::new();
        crate::text::fold_key(before.trim_end_matches('.'), &mut key);
        // After a street type or a flat's number ("Apt 2"), not after a
        // postcode ("h3b 3j6 thx").
        let number = before.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let after_street = (!number.is_empty()
            && before.len() <= number.len() + 1
            && number.bytes().all(|b| b.is_ascii_digit()))
            || STREET_ABBREVIATIONS.contains(&key.as_str());
        let lower = last_word_lowercase(raw_window_before(text, end, 64));
        let case_ok = if lower {
            word.starts_with(char::is_lowercase)
        } else {
            word.starts_with(char::is_uppercase)
        };
        crate::text::fold_key(word, &mut key);
        let f = LEXICON.flags(&key);
        let town = f & (lexicon::STOP | lexicon::CALENDAR) == 0
            && (f & lexicon::WORD == 0 || f & (lexicon::PLACE | lexicon::TOWN) != 0);
        let rest = &text[end + m.end()..];
        let closes = clause_ends(rest)
            || rest.starts_with(" —")
            || rest.starts_with(" -")
            || rest.starts_with(" –");
        if after_street && case_ok && town && closes {
            end += m.end();
        }
    }
    // "34710 Kadıköy/İstanbul": the province after a slash.
    if let Some(m) = SLASH_PROVINCE.find(&text[end..]) {
        if clause_ends(&text[end + m.end()..]) {
            end += m.end();
        }
    }
    // A district or province the clause ends with: "2200 København N",
    // "20124 Milano MI", "Isera TN.".
    if let Some(m) = DISTRICT.find(&text[end..]) {
        let after = text[end + m.end()..].chars().next();
        // "..., Leeds I think": a pronoun, not a district.
        let word = matches!(m.as_str(), " I" | " A") && after == Some(' ');
        if !word && (after == Some(' ') || clause_ends(&text[end + m.end()..])) {
            end += m.end();
        }
    }
    end
}

fn handles(text: &str, out: &mut Vec<Candidate>) {
    for m in HANDLE.find_iter(text) {
        let s = m.start();
        if char_before(text, s)
            .is_some_and(|c| is_word_char(c) || matches!(c, '.' | '-' | '+' | '@'))
        {
            continue;
        }
        let mut e = m.end();
        // A trailing "_" belongs to the handle ("@pixelwitch_"); a trailing
        // "." or "-" is the sentence's.
        while e > s + 1 && matches!(text.as_bytes()[e - 1], b'.' | b'-') {
            e -= 1;
        }
        let name = text[s + 1..e].to_ascii_lowercase();
        let parts = || name.split(['-', '_', '.']).filter(|p| !p.is_empty());
        // "@payroll-help", "@ops_alerts": every part names a group or a
        // service; "@ops_gremlin" has a nickname in it.
        let group_word = |p: &str| {
            GROUP_HANDLES.contains(&p)
                || LEXICON.flags(p) & (lexicon::DEPT | lexicon::ORG | lexicon::STOP) != 0
                || (LEXICON.flags(p) & lexicon::WORD != 0
                    && matches!(
                        p,
                        "help"
                            | "helpdesk"
                            | "desk"
                            | "alerts"
                            | "alert"
                            | "bot"
                            | "bots"
                            | "news"
                            | "updates"
                            | "info"
                            | "notify"
                            | "notifications"
                            | "general"
                            | "random"
                            | "announcements"
                            | "rota"
                            | "crew"
                            | "hub"
                            | "service"
                            | "services"
                            | "office"
                            | "requests"
                            | "queue"
                            | "line"
                            | "board"
                            | "chat"
                            | "social"
                            | "events"
                            | "feedback"
                            | "questions"
                            | "ask"
                            | "noreply"
                            | "official"
                            | "central"
                            | "global"
                            | "local"
                    ))
        };
        // "@tiff.ops" is a person on the ops team: a first-name part makes
        // the handle personal however group-like the rest is.
        let first_name =
            |p: &str| !GROUP_HANDLES.contains(&p) && LEXICON.flags(p) & lexicon::FIRST != 0;
        if parts().any(|p| GROUP_HANDLES.contains(&p))
            && parts().all(group_word)
            && !parts().any(first_name)
        {
            continue;
        }
        push(out, s, e, PiiKind::Handle, 0.85);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values found of one kind.
    fn of_kind(text: &str, kind: PiiKind) -> Vec<String> {
        kinds(text)
            .into_iter()
            .filter(|(_, k)| *k == kind)
            .map(|(v, _)| v)
            .collect()
    }

    fn kinds(text: &str) -> Vec<(String, PiiKind)> {
        let mut out = Vec::new();
        find(text, &Policy::default(), &mut out);
        out.iter()
            .filter(|c| c.score >= 0.5)
            .map(|c| (text[c.start..c.end].to_owned(), c.kind))
            .collect()
    }

    #[test]
    fn all_patterns_compile() {
        for r in [
            &*EMAIL,
            &*EMAIL_OBFUSCATED,
            &*URL_SCHEME,
            &*URL_BARE,
            &*IPV4,
            &*IPV6,
            &*PHONE,
            &*PHONE_EXT,
            &*CARD,
            &*IBAN,
            &*SSN,
            &*SSN_PLAIN,
            &*EMP_E,
            &*EMP_SHAPE,
            &*EMP_TOPIC,
            &*EMP_PREFIX,
            &*EMP_CONTEXT,
            &*EMP_BARE_ID,
            &*SELF_NUMBER,
            &*INTRO_ID,
            &*DATE_NUMERIC,
            &*DATE_TEXT,
            &*YEAR,
            &*ADDRESS_US,
            &*ADDRESS_EU,
            &*ADDRESS_ROMANCE,
            &*ADDRESS_PL,
            &*ADDRESS_LOWER,
            &*ADDRESS_BLOCK,
            &*BLOCK_END,
            &*ADDRESS_LEAD,
            &*STREET_WORD,
            &*POSTAL_TAIL,
            &*SHORT_YEAR,
            &*MONTH_SHORT_YEAR,
            &*MONTH_YEAR,
            &*DAY_ORDINAL,
            &*OLD_YEAR,
            &*SPELLED_YEAR,
            &*HOLIDAY_BIRTH,
            &*DATE_YEAR_FIRST,
            &*COMPACT_DATE,
            &*DAY_MONTH,
            &*TOWN_ONLY,
            &*TOWN_AFTER_CODE,
            &*ADDRESS_LOWER_EU,
            &*ADDRESS_ZH,
            &*ADDRESS_BUILDING,
            &*TAIL_PART,
            &*ADDRESS_CELTIC,
            &*ADDRESS_CJK,
            &*ADDRESS_LOWER_UK,
            &*NUMBER_COMMA,
            &*NAMED_STREET,
            &*CODE_IN_TAIL,
            &*ADDRESS_HEAD,
            &*ADDRESS_GLUE,
            &*ADDRESS_LOWER_LEAD,
            &*LOWER_LINE,
            &*ADDRESS_LATAM,
            &*EMAIL_AT_WORD,
            &*ADDRESS_VI,
            &*ADDRESS_NAGAR,
            &*ADDRESS_NAMED_HOUSE,
            &*BARE_TOWN,
            &*DASH_DISTRICT,
            &*NUMBERED_STREET_NEXT,
            &*SLASH_PROVINCE,
            &*ADDRESS_FIELD,
            &*CODE_TOWN_PT,
            &*ADDRESS_LOWER_ROMANCE,
            &*LOWER_CODE_IN_TAIL,
            &*LOWER_DUTCH_CODE_TOWN,
            &*AGE_STATED,
            &*AGE_AFTER_YEAR,
            &*BIRTH_LIST_GAP,
            &*WEEKDAY_BEFORE,
            &*NO_NUMBER_ADDRESS_HINT,
            &*ADDRESS_LOWER_IT,
            &*ADDRESS_MALAY,
            &*ADDRESS_SUITE,
            &*DISTRICT,
            &*PROVINCE,
            &*HANDLE,
        ] {
            assert_ne!(r.as_str(), never().as_str(), "a pattern failed to compile");
        }
    }

    #[test]
    fn validators() {
        assert!(kinds("card 4111 1111 1111 1111 ok")
            .contains(&("4111 1111 1111 1111".into(), PiiKind::CreditCard)));
        assert!(kinds("card 4111 1111 1111 1112 ok")
            .iter()
            .all(|(_, k)| *k != PiiKind::CreditCard));
        assert!(kinds("to GB33BUKB20201555555555 now")
            .contains(&("GB33BUKB20201555555555".into(), PiiKind::Iban)));
        assert!(kinds("to GB34BUKB20201555555555 now")
            .iter()
            .all(|(_, k)| *k != PiiKind::Iban));
        // Luhn-valid in card-like groups, unusual issuer prefix.
        assert!(kinds("my card (8123 4567 8901 2340) again")
            .contains(&("8123 4567 8901 2340".into(), PiiKind::CreditCard)));
        assert!(kinds("ticket 8123 4567 8901 2340 again")
            .iter()
            .all(|(_, k)| *k != PiiKind::CreditCard));
        assert!(kinds("the staging box at 10.8.33.201 died")
            .contains(&("10.8.33.201".into(), PiiKind::IpAddress)));
        assert!(
            kinds("I was born in Porto, on 14/03/1986, and HR has it wrong")
                .contains(&("14/03/1986".into(), PiiKind::DateOfBirth))
        );
        assert!(kinds("I was born in Leeds and joined on 12/09/2019, fine")
            .iter()
            .all(|(_, k)| *k != PiiKind::DateOfBirth));
        assert!(kinds("move it to 45 Calle del Pez, 1ºD please")
            .contains(&("45 Calle del Pez, 1ºD".into(), PiiKind::StreetAddress)));
        assert!(kinds("ssn 666-12-3456").is_empty());
        assert!(kinds("ssn 512-44-9871").contains(&("512-44-9871".into(), PiiKind::UsSsn)));
    }

    #[test]
    fn national_phone_numbers_and_spaced_ssns() {
        let t = "The old emergency line, 1800 406 233, just rings out.";
        assert!(
            kinds(t).contains(&("1800 406 233".to_owned(), PiiKind::Phone)),
            "{t}: {:?}",
            kinds(t)
        );
        let t = "with names and full socials. Mine was up there, 231 74 5519, for a week.";
        assert!(
            kinds(t).contains(&("231 74 5519".to_owned(), PiiKind::UsSsn)),
            "{t}: {:?}",
            kinds(t)
        );
        let t = "Ich möchte meine neue Handynummer angeben: 0151 2840 7736. Danke.";
        assert!(
            kinds(t).contains(&("0151 2840 7736".to_owned(), PiiKind::Phone)),
            "{t}: {:?}",
            kinds(t)
        );
    }

    #[test]
    fn repeated_and_corrected_ids_are_ids_too() {
        // No topic word here: only the repetition and the correction make
        // the second mentions ids.
        let t = "Works number 7731/KN. The helpline had no record of 7731/KN at all.";
        let ids = kinds(t)
            .into_iter()
            .filter(|(v, k)| *k == PiiKind::EmployeeId && v == "7731/KN")
            .count();
        assert_eq!(ids, 2, "{t}: {:?}", kinds(t));
        let t = "My clock number is 10293 on the payslip when it's actually 12093.";
        assert!(
            kinds(t).contains(&("12093".to_owned(), PiiKind::EmployeeId)),
            "{t}: {:?}",
            kinds(t)
        );
    }

    #[test]
    fn address_leads_streets_and_birth_cues_need_what_makes_them_so() {
        let addr = |t: &str| of_kind(t, PiiKind::StreetAddress);
        assert!(addr("Flat Rate, Overtime, Holiday and Sick Pay are all wrong.").is_empty());
        assert!(addr("Building Services, Facilities Team and Estates never reply.").is_empty());
        assert!(addr("Thanks to Katie 12 times over for the cover.").is_empty());
        assert!(addr("The review takes place Monday 14 in the boardroom.").is_empty());
        assert!(!addr("Please send it to Flat 3, 12 Bow Street, London E3 2AB.").is_empty());
        assert!(!addr("Ich wohne jetzt in der Mannerheimintie 102 B 14, Helsinki.").is_empty());
        assert!(!addr("Mon adresse : place de la Gare 3, 1000 Bruxelles.").is_empty());
        // "from" after a birth cue is no other event.
        assert_eq!(
            of_kind(
                "Please copy my date of birth from my passport: 12/03/1980.",
                PiiKind::DateOfBirth
            ),
            ["12/03/1980"]
        );
    }

    #[test]
    fn numbers_the_writer_names_themself_by() {
        let ids = |t: &str| of_kind(t, PiiKind::EmployeeId);
        assert_eq!(
            ids("I'm HX4410 on the rota system if that helps."),
            ["HX4410"]
        );
        assert_eq!(
            ids("Hey its Kev from the bakery (B-40912) - my holiday request is wrong."),
            ["B-40912"]
        );
        assert!(ids("It's the budget (2024) that was cut again.").is_empty());
        assert!(ids("I'm attaching the price list (1299) again.").is_empty());
        assert_eq!(
            ids("The UK system knows me as UK-10093 and the Austrian one does not."),
            ["UK-10093"]
        );
        assert_eq!(
            ids("staff ids that start with a zero. mine is 0038812 so"),
            ["0038812"]
        );
        // A bare number without staff-number talk is no id.
        assert!(ids("Call me, mine is 0770090012 after six.").is_empty());
    }

    #[test]
    fn ssns_with_dots_en_dashes_and_tax_cues() {
        let ssn = |t: &str| of_kind(t, PiiKind::UsSsn);
        assert_eq!(ssn("My SSN is 512.44.9871 on the W-2."), ["512.44.9871"]);
        assert_eq!(
            ssn("Number 512\u{2013}44\u{2013}9871 was on the letter."),
            ["512\u{2013}44\u{2013}9871"]
        );
        assert_eq!(
            ssn("The tax ID they hold for me, 512449871, is wrong."),
            ["512449871"]
        );
        assert_eq!(
            ssn("The portal shows full SSNs on the dependents page. Mine is there as 287 65 1093 in plain text."),
            ["287 65 1093"]
        );
        assert_eq!(
            ssn("Who decided the vendor needs our full SSN on a form?? I put mine in (523 71 9048) first."),
            ["523 71 9048"]
        );
        // A dotted number without a cue stays a number.
        assert!(ssn("Build 512.44.9871 broke the scanner.").is_empty());
    }

    #[test]
    fn ids_after_pay_crew_and_operative_labels_in_slash_and_check_digit_shapes() {
        let ids = |t: &str| of_kind(t, PiiKind::EmployeeId);
        assert_eq!(
            ids("payroll ref PAY/0081/22 - underpaid since TUPE"),
            ["PAY/0081/22"]
        );
        // A reference with a year in it is a case.
        assert!(ids("Payroll reference PR-2026-1183 has been in progress for weeks.").is_empty());
        assert_eq!(
            ids("Will here (pay number 00412778), not anonymous."),
            ["00412778"]
        );
        assert_eq!(
            ids("Mon matricule c'est 2019-0381, je suis au SIRH."),
            ["2019-0381"]
        );
        assert_eq!(
            ids("My Employee Number is 7000-2231-9 in case."),
            ["7000-2231-9"]
        );
        assert_eq!(
            ids("Crew ID CC40218, rostered 5 earlies in a row."),
            ["CC40218"]
        );
        assert_eq!(
            ids("My login is WH-33810, please check my hours."),
            ["WH-33810"]
        );
        assert_eq!(
            ids("Mój numer pracowniczy to PL-22087, proszę sprawdzić."),
            ["PL-22087"]
        );
        assert_eq!(
            ids("I was turned away. Operative number OP-55218."),
            ["OP-55218"]
        );
    }

    #[test]
    fn birth_dates_in_many_forms_and_corrections_not_birthday_events() {
        let dob = |t: &str| of_kind(t, PiiKind::DateOfBirth);
        assert_eq!(
            dob("I was born in the spring of '88, too young they say."),
            ["'88"]
        );
        assert_eq!(dob("I'm a '79 baby with two kids and a mortgage."), ["'79"]);
        assert!(dob("Born Jan '92, started here at 18.").contains(&"Jan '92".to_owned()));
        assert_eq!(
            dob("born in nineteen eighty-one, still expected to know TikTok"),
            ["nineteen eighty-one"]
        );
        assert_eq!(
            dob("Date of birth: 19680714. Employee: 583321."),
            ["19680714"]
        );
        assert_eq!(
            dob("Numer pracownika P-2231, ur. 3 maja 1984."),
            ["3 maja 1984"]
        );
        assert_eq!(
            dob("Bday on the 17th and I've got the audit that week."),
            ["17th"]
        );
        assert_eq!(
            dob("my son (born March 2019) starts school in September"),
            ["March 2019"]
        );
        assert_eq!(dob("ik ben van 1992 en word de jonkie genoemd"), ["1992"]);
        assert_eq!(
            dob("The PDF password is our date of birth. Mine is literally 19880715."),
            ["19880715"]
        );
        assert_eq!(
            dob("I'm the oldest guy on the quay, b. '61, and the test is a joke."),
            ["'61"]
        );
        assert_eq!(
            dob("I turn 60 on 14 February and would like to talk about retirement."),
            ["14 February"]
        );
        assert_eq!(
            dob("The new HR system has me as born in 1897. I look tired, sure."),
            ["1897"]
        );
        assert_eq!(
            dob("Le formulaire demande la date de naissance de mes enfants. J'ai mis 08/07/2016 pour ma fille."),
            ["08/07/2016"]
        );
        assert_eq!(
            dob("Cadastraram minha filha com a data de nascimento errada. O certo é 16/03/2019, já mandei."),
            ["16/03/2019"]
        );
        let found = dob("Merci de corriger ma date de naissance : c'est le 3 février 1988, pas le 3 février 1998.");
        assert!(found.contains(&"3 février 1998".to_owned()));
        let found = dob("Nasci em 07/03/1995 e o sistema de RH colocou 1959. Agora cobram mais.");
        assert!(found.contains(&"07/03/1995".to_owned()) && found.contains(&"1959".to_owned()));
        assert_eq!(
            dob("Data di nascita: 1° aprile 1980 / Oggetto: rimborso"),
            ["1° aprile 1980"]
        );
        let found = dob("the form had my date of birth as 1968-07-04, I'm 1986-07-04. No match.");
        assert!(
            found.contains(&"1968-07-04".to_owned()) && found.contains(&"1986-07-04".to_owned())
        );
        assert!(dob(
            "My birthday is fine, but the rota changed in March 2019 and nobody was asked."
        )
        .is_empty());
        assert_eq!(
            dob("Mi hija nació el 22 de abril de 2021 y sigo sin poder pedirlo."),
            ["22 de abril de 2021"]
        );
        // The cue names another event, or the date is no one's birth.
        assert!(
            dob("Can we have the birthday lunch for the team on the 12th of March?").is_empty()
        );
        assert!(dob("Every year the birthday leave gets booked on the 1st of March.").is_empty());
        assert!(dob("The site was born out of the 2009 merger.").is_empty());
        assert!(dob("No birthday cake this year: the audit is on the 17th.").is_empty());
    }

    #[test]
    fn employee_ids_in_more_shapes() {
        for (t, v) in [
            ("La mia matricola è IT-884210. Da ottobre", "IT-884210"),
            ("Mon matricule 55A-2031 n'apparaît plus", "55A-2031"),
            (
                "my personnel number changed from P0045871 to P0112903 after TUPE",
                "P0112903",
            ),
            (
                "Badge W-77431 (mine) and W-77413 (Hannah's) get swapped",
                "W-77413",
            ),
            ("mijn personeelsnummer is 51-20877 en mijn", "51-20877"),
            ("Mine is E-20417 and it gets rejected", "E-20417"),
            ("Pass number 00871-C. I'd like it cancelled.", "00871-C"),
            ("Agent CC40912. I'm on the late shift in Cork.", "CC40912"),
            ("Pension: wrong rate. Employee reference 300871.", "300871"),
            (
                "Mi número de nómina es SLO-118420. El supervisor dice",
                "SLO-118420",
            ),
            ("staff number AS12345 again", "AS12345"),
            ("agent id cc3391. the new dialler logs me out", "cc3391"),
            (
                "Service number S/44180. My overtime was coded wrong.",
                "S/44180",
            ),
            ("badge 30922A gets flagged for tailgating", "30922A"),
            (
                "It's my clock number: K 2210. The form has four boxes.",
                "K 2210",
            ),
            (
                "Pension statement shows my staff number as 10293 when it's actually 12093.",
                "12093",
            ),
            (
                "Driver ID DRV-0612. The telematics box logs braking.",
                "DRV-0612",
            ),
            (
                "Numer ewidencyjny PL/0932. Od lipca nie mam dodatku.",
                "PL/0932",
            ),
            (
                "O meu número mecanográfico é o 15027 e desde julho",
                "15027",
            ),
            (
                "My name is Maria, employee no. PH-22-0913. My SSS",
                "PH-22-0913",
            ),
            (
                "Can I get my employee number fixed? It says W-40219 but my contract says W-40291.",
                "W-40291",
            ),
            (
                "my employee id is 11-40927 but my badge says 11-40972, which one is right?",
                "11-40972",
            ),
            (
                "Name: Lindani Zulu, ID ZA-7781-09. I returned it.",
                "ZA-7781-09",
            ),
        ] {
            assert!(
                kinds(t).contains(&(v.to_owned(), PiiKind::EmployeeId)),
                "{t}: {:?}",
                kinds(t)
            );
        }
    }

    #[test]
    fn corrected_and_turned_birth_dates_and_numbers_that_are_no_pii() {
        for (t, v) in [
            ("I turned 60 on 2 October and nothing came.", "2 October"),
            (
                "mam wpisaną datę urodzenia 1984-05-17, a prawidłowa to 1984-07-15.",
                "1984-07-15",
            ),
            (
                "Birth date on my badge is wrong: 1992-11-08 should be 1992-08-11.",
                "1992-08-11",
            ),
            (
                "The portal has my date of birth as 14/03/1997. It's 14/03/1979.",
                "14/03/1979",
            ),
            (
                "mijn geboortedatum staat verkeerd. Het moet 19 januari 1984 zijn, niet 1948.",
                "1948",
            ),
            (
                "for the record my d.o.b is 11-Jan-72, not what it shows",
                "11-Jan-72",
            ),
            (
                "Born on the twenty-third of October 1966, which the system thinks impossible.",
                "twenty-third of October 1966",
            ),
            (
                "Amara was born 14 March 2015 and the insurer has 14 March 2016.",
                "14 March 2016",
            ),
            (
                "the vendor has it wrong, but he was born in 2016, so",
                "2016",
            ),
            (
                "Sono nato il 5 gennaio 1969, ma nel portale qualcuno ha scritto 1979.",
                "1979",
            ),
        ] {
            assert!(
                kinds(t).contains(&(v.to_owned(), PiiKind::DateOfBirth)),
                "{t}: {:?}",
                kinds(t)
            );
        }
        // "the 7:05 route" is no street; "Claim ID 88123-T" and "Payroll
        // reference PR-2026-1183" are no employee ids.
        let t = "Payroll reference PR-2026-1183 has been in progress for weeks.";
        assert!(
            !kinds(t).iter().any(|(_, k)| *k == PiiKind::EmployeeId),
            "{t}"
        );
        let t = "The bus company changed the 7:05 route and now nobody can make it.";
        assert!(
            !kinds(t).iter().any(|(_, k)| *k == PiiKind::StreetAddress),
            "{t}"
        );
        let t = "The taxi receipt was rejected. Claim ID 88123-T.";
        assert!(
            !kinds(t).iter().any(|(_, k)| *k == PiiKind::EmployeeId),
            "{t}"
        );
        // "a 40 minute drive" is no lowercase street.
        let t = "a seven hour turnaround with a 40 minute drive each way";
        assert!(
            !kinds(t).iter().any(|(_, k)| *k == PiiKind::StreetAddress),
            "{t}"
        );
        // "11 vans off the road" is no lowercase street.
        let t = "That's 11 vans off the road in the same week.";
        assert!(
            !kinds(t).iter().any(|(_, k)| *k == PiiKind::StreetAddress),
            "{t}"
        );
        // A release date after a birthday is no birth date.
        let t = "My birthday is in May. The release is 2025-06-01 and it's late.";
        assert!(
            !kinds(t).iter().any(|(_, k)| *k == PiiKind::DateOfBirth),
            "{t}"
        );
    }

    #[test]
    fn latin_american_and_asian_address_shapes() {
        for (t, v) in [
            (
                "Send it to Calle 45 # 12-30, apto 501, Bogotá.",
                "Calle 45 # 12-30, apto 501, Bogotá",
            ),
            (
                "Av. Insurgentes Sur 1457, Int. 802, Col. Insurgentes Mixcoac, C.P. 03920, Ciudad de México, CDMX",
                "Av. Insurgentes Sur 1457, Int. 802, Col. Insurgentes Mixcoac, C.P. 03920, Ciudad de México, CDMX",
            ),
            (
                "mora en Rua Harmonia 512, apto 34, Vila Madalena, São Paulo - SP, CEP 05435-000 desde 2019",
                "Rua Harmonia 512, apto 34, Vila Madalena, São Paulo - SP, CEP 05435-000",
            ),
            (
                "Av. Corrientes 3247, piso 6, depto. B, C1193AAE CABA",
                "Av. Corrientes 3247, piso 6, depto. B, C1193AAE CABA",
            ),
            (
                "Rua Padre Chagas, 79, ap. 1102, Moinhos de Vento, Porto Alegre - RS, 90570-080",
                "Rua Padre Chagas, 79, ap. 1102, Moinhos de Vento, Porto Alegre - RS, 90570-080",
            ),
            ("Oudegracht 214-bis, 3511 NR Utrecht", "Oudegracht 214-bis, 3511 NR Utrecht"),
            (
                "Mannerheimintie 102 B 14, 00250 Helsinki",
                "Mannerheimintie 102 B 14, 00250 Helsinki",
            ),
            ("avenue Louise 231 bte 12, 1050 Ixelles", "avenue Louise 231 bte 12, 1050 Ixelles"),
            ("Götgatan 48, lgh 1102, 116 21 Stockholm", "Götgatan 48, lgh 1102, 116 21 Stockholm"),
            ("1184 w maple ave apt 2c, columbus oh 43215", "1184 w maple ave apt 2c, columbus oh 43215"),
            ("Villa 27, Street 14, Al Barsha 2, Dubai", "Villa 27, Street 14, Al Barsha 2, Dubai"),
            (
                "Apartment 12, The Maltings, Bow Street, Dublin 7",
                "Apartment 12, The Maltings, Bow Street, Dublin 7",
            ),
            (
                "Building 17, Abbas El Akkad Street, Nasr City, Cairo",
                "Building 17, Abbas El Akkad Street, Nasr City, Cairo",
            ),
            (
                "Calle Hidalgo 245, Col. Centro, Querétaro, Qro., C.P. 76000",
                "Calle Hidalgo 245, Col. Centro, Querétaro, Qro., C.P. 76000",
            ),
            (
                "mailed to Blk 5 Lot 12, Mabini St., Brgy. San Isidro, Cainta, Rizal, which is old",
                "Blk 5 Lot 12, Mabini St., Brgy. San Isidro, Cainta, Rizal",
            ),
            (
                "send it to unit 9 / 3 kembla st, wollongong nsw 2500. thanks",
                "unit 9 / 3 kembla st, wollongong nsw 2500",
            ),
            (
                "Neue Adresse: Wilhelm-Leuschner-Straße 41, 3. OG links, 60329 Frankfurt am Main. Danke",
                "Wilhelm-Leuschner-Straße 41, 3. OG links, 60329 Frankfurt am Main",
            ),
        ] {
            assert!(
                kinds(t).contains(&(v.to_owned(), PiiKind::StreetAddress)),
                "{t}: {:?}",
                kinds(t)
            );
        }
    }

    #[test]
    fn international_phones_and_addresses() {
        for (t, v, k) in [
            (
                "ring +46 70 123 45 67 now",
                "+46 70 123 45 67",
                PiiKind::Phone,
            ),
            (
                "at +32 2 555 12 34 today",
                "+32 2 555 12 34",
                PiiKind::Phone,
            ),
            (
                "to 455 East 72nd Street, Apt 12B now",
                "455 East 72nd Street, Apt 12B",
                PiiKind::StreetAddress,
            ),
            (
                "to Flat 6, 22 Victoria Road now",
                "Flat 6, 22 Victoria Road",
                PiiKind::StreetAddress,
            ),
            (
                "at 3 Orchard Grove, Leeds LS6 2AB now",
                "3 Orchard Grove, Leeds LS6 2AB",
                PiiKind::StreetAddress,
            ),
            (
                "at Calle de Alcalá 20, 4ºA now",
                "Calle de Alcalá 20, 4ºA",
                PiiKind::StreetAddress,
            ),
            (
                "at 45 Rua do Carmo now",
                "45 Rua do Carmo",
                PiiKind::StreetAddress,
            ),
        ] {
            assert!(kinds(t).contains(&(v.into(), k)), "{t}: {:?}", kinds(t));
        }
    }

    #[test]
    fn address_parts_found_apart_join_and_take_their_head_and_tail() {
        for (t, v) in [
            // A building part without a number, a floor, a Danish side.
            (
                "Ich wohne in der Bergmannstraße 42, Hinterhaus, 3. OG, 10961 Berlin. Bitte",
                "Bergmannstraße 42, Hinterhaus, 3. OG, 10961 Berlin",
            ),
            (
                "My address is Nørrebrogade 34, 3. tv., 2200 København N and it strips",
                "Nørrebrogade 34, 3. tv., 2200 København N",
            ),
            (
                "Adresse: Herrengasse 3/Top 7\n8010 Graz",
                "Herrengasse 3/Top 7\n8010 Graz",
            ),
            (
                "Address on file: al. Jerozolimskie 65/79, lok. 3.14, 00-697 Warszawa. The",
                "al. Jerozolimskie 65/79, lok. 3.14, 00-697 Warszawa",
            ),
            // A residence and a building before the street.
            (
                "à Bât. C, Résidence les Tilleuls, 8 allée des Peupliers, 31200 Toulouse. Le",
                "Bât. C, Résidence les Tilleuls, 8 allée des Peupliers, 31200 Toulouse",
            ),
            (
                "send it to Blk 123 Ang Mo Kio Avenue 6, #08-221, Singapore 560123. The",
                "Blk 123 Ang Mo Kio Avenue 6, #08-221, Singapore 560123",
            ),
            (
                "naar Jan van Galenstraat 87-III, 1056 BJ Amsterdam gestuurd",
                "Jan van Galenstraat 87-III, 1056 BJ Amsterdam",
            ),
            // Towns alone, a lowercase word after them, a province.
            (
                "Address: 14 Adeniyi Jones Avenue, Ikeja, Lagos\n\nMy surname",
                "14 Adeniyi Jones Avenue, Ikeja, Lagos",
            ),
            (
                "Vivo en Calle 93 #11-27, apto 402, Bogotá y el bus",
                "Calle 93 #11-27, apto 402, Bogotá",
            ),
            (
                "My home is 915 Ponce de Leon Ave NE, Apt 7, Atlanta, GA 30306.",
                "915 Ponce de Leon Ave NE, Apt 7, Atlanta, GA 30306",
            ),
            // Unlisted streets known by the number and the postal code.
            (
                "adres Masarykova 427/31, 602 00 Brno prosím",
                "Masarykova 427/31, 602 00 Brno",
            ),
            (
                "Please update my address to Sveavägen 44, lgh 1203, 111 34 Stockholm. The",
                "Sveavägen 44, lgh 1203, 111 34 Stockholm",
            ),
            // Irish and Welsh streets, Japanese and Korean addresses.
            (
                "live at 7 Ard na Gréine, Bishopstown, Cork.",
                "7 Ard na Gréine, Bishopstown, Cork",
            ),
            (
                "Mae e'n byw yn 23 Heol y Cwm, Ystradgynlais SA9 1LP.",
                "23 Heol y Cwm, Ystradgynlais SA9 1LP",
            ),
            (
                "送付先は〒150-0002 東京都渋谷区渋谷2丁目21−1に変更",
                "〒150-0002 東京都渋谷区渋谷2丁目21−1",
            ),
            (
                "제 주소 서울특별시 마포구 월드컵북로12길 34, 502호 적힌 택배가",
                "서울특별시 마포구 월드컵북로12길 34, 502호",
            ),
            // Lines broken by newlines, and a lowercase UK address.
            (
                "Correct address: Rose Cottage\nChurch Lane\nLittle Snoring\nFakenham\nNR21 0AB\nThanks",
                "Rose Cottage\nChurch Lane\nLittle Snoring\nFakenham\nNR21 0AB",
            ),
            (
                "Dana Whitfield | Account Manager\n1500 SW 1st Ave, Suite 850, Portland, OR 97201\n(503)",
                "1500 SW 1st Ave, Suite 850, Portland, OR 97201",
            ),
                        ("my address is 61 kingsway, swansea sa1 5jq thanks", "61 kingsway, swansea sa1 5jq"),
                        // Lowercase German streets, buildings first, Chinese, NE/NW.
            ("send to lindenstr 14 10969 berlin pls", "lindenstr 14 10969 berlin"),
            (
                "Friendship Building, 5th floor, Bole Road, Addis Ababa. Thanks",
                "Friendship Building, 5th floor, Bole Road, Addis Ababa",
            ),
                        ("4410 NE 57th St #B Seattle WA 98105", "4410 NE 57th St #B Seattle WA 98105"),
            // Particles inside a French street's name, a dash before the
            // floor, an Argentine code; a phone on the next line stays one.
            (
                "Assistante RH\n27 rue Francis de Pressensé, 69100 Villeurbanne\n04 72 38 61 95",
                "27 rue Francis de Pressensé, 69100 Villeurbanne",
            ),
            (
                "na Av. Paulista, 1374 – 9º andar, Bela Vista, São Paulo, e quem mora",
                "Av. Paulista, 1374 – 9º andar, Bela Vista, São Paulo",
            ),
            ("en Av. Corrientes 1847, piso 6, C1045 CABA a las 8", "Av. Corrientes 1847, piso 6, C1045 CABA"),
            (
                "地址是广州市天河区体育西路103号维多利广场B座1608室，谢谢",
                "址是广州市天河区体育西路103号维多利广场B座1608室",
            ),
            // A town after its code with no comma, a flat's letter, a
            // boulevard before its number.
            (
                "Yeni adresim: Atatürk Cad. No: 45 Daire: 7, Konak, 35250 İzmir. Bordro",
                "Atatürk Cad. No: 45 Daire: 7, Konak, 35250 İzmir",
            ),
            (
                "El kit llegó a Av. Corrientes 2457, piso 3 B, Buenos Aires, que es",
                "Av. Corrientes 2457, piso 3 B, Buenos Aires",
            ),
            (
                "They posted it to Rothschild Blvd 22, apt 9, Tel Aviv 6688218, that's me",
                "Rothschild Blvd 22, apt 9, Tel Aviv 6688218",
            ),
            // Balkan, Hungarian, Romanian and Cyrillic streets and floors.
            ("Nova adresa: Ilica 45, 3. kat, stan 12, 10000 Zagreb. Hvala", "Ilica 45, 3. kat, stan 12, 10000 Zagreb"),
            ("вул. Хрещатик 22, кв. 15, Київ 01001", "вул. Хрещатик 22, кв. 15, Київ 01001"),
            ("Bulevar kralja Aleksandra 73, stan 9, 11000 Beograd", "Bulevar kralja Aleksandra 73, stan 9, 11000 Beograd"),
        ] {
            assert!(
                kinds(t).contains(&(v.to_owned(), PiiKind::StreetAddress)),
                "{t}: {:?}",
                kinds(t)
            );
        }
        // Common words end an address; a pronoun is no district; work
        // locations and a room with a floor are no address.
        for (t, v) in [
            (
                "i live at 22 kowhai st, hillsborough, auckland 1042 and it takes 50 min",
                "22 kowhai st, hillsborough, auckland 1042",
            ),
            // A year is no postal code.
            ("i live at 22 kowhai st, since 1999 in fact", "22 kowhai st"),
            ("I live at 12 Oak Road, Thanks for asking", "12 Oak Road"),
            ("We met at 12 Oak Road, Leeds I think", "12 Oak Road, Leeds"),
        ] {
            assert_eq!(of_kind(t, PiiKind::StreetAddress), [v], "{t}");
        }
        for t in [
            "Wir arbeiten wieder mit Papierlisten. Im Jahr 2024!",
            "We met on Main Street 5 times last week",
            "Our office is in the Friendship Building, which is cold.",
            "Thanks\nAnna\nTeam 4\n2024",
            "Sent from my iPhone\nUnit 12\nLeeds\n2024",
            "Zone 3, Aisle 12, Bay 4 is blocked again",
            "Room 12, 3. OG, is too warm",
            "Ticket 4411, 2 days late, Monday again",
        ] {
            assert!(
                of_kind(t, PiiKind::StreetAddress).is_empty(),
                "{t}: {:?}",
                kinds(t)
            );
        }
    }

    #[test]
    fn ids_after_more_labels_and_birth_years_after_more_cues() {
        for (t, v) in [
            ("using my own id W0045218 and got rejected", "W0045218"),
            (
                "My old id was KS-2281 when we were still Kessler & Sons",
                "KS-2281",
            ),
            (
                "Mein Dienstausweis (Nr. A-20774) funktioniert nicht",
                "A-20774",
            ),
            ("Legajo 18.227, por si quieren verificar", "18.227"),
            (
                "my contractor number is CTR-004415. I am not able",
                "CTR-004415",
            ),
            (
                "wants an associate id to log in and mine (112804736) says no",
                "112804736",
            ),
        ] {
            // Two recognizers may find the same id; the engine merges them.
            let mut ids = of_kind(t, PiiKind::EmployeeId);
            ids.dedup();
            assert_eq!(ids, [v], "{t}");
        }
        // Tickets and vacancies keep their numbers.
        assert!(of_kind("staff vacancy ref JR-4471 closed", PiiKind::EmployeeId).is_empty());
        for (t, v) in [
            ("Urodziłam się w 1962 roku i na szkoleniu", "1962"),
            ("Soy de la planta. Nací en 1969 y me dijeron", "1969"),
            (
                "Minha filha nasceu em 2 de março de 2024 e até hoje",
                "2 de março de 2024",
            ),
            (
                "Unser Sohn ist am 12. Januar 2026 zur Welt gekommen.",
                "12. Januar 2026",
            ),
        ] {
            assert_eq!(of_kind(t, PiiKind::DateOfBirth), [v], "{t}");
        }
        assert_eq!(
            of_kind("Jahrgang 1963, seit 1981 im Betrieb", PiiKind::DateOfBirth),
            ["1963"]
        );
        // Birth cues and year-first dates of more languages.
        for (t, v) in [
            (
                "我的出生日期是1987年10月3日，人事系统里写错了",
                "1987年10月3日",
            ),
            (
                "저는 1993년 5월 8일생인데 시스템에는 다르게",
                "1993년 5월 8일",
            ),
            (
                "Születési dátumom: 1975. június 2., de a bérszámfejtésben",
                "1975. június 2.",
            ),
            (
                "Olen syntynyt 3.2.1990, mutta työterveys kirjasi",
                "3.2.1990",
            ),
            (
                "Jag är född 1986-04-19 och portalen tror att jag är 19.",
                "1986-04-19",
            ),
            ("Doğum tarihim 15.07.1989, sistemde yanlış", "15.07.1989"),
        ] {
            assert_eq!(of_kind(t, PiiKind::DateOfBirth), [v], "{t}");
        }
    }

    #[test]
    fn a_birthday_that_is_a_holiday_after_its_cue() {
        assert_eq!(
            of_kind(
                "My birthday is Christmas Eve and I've worked it for years.",
                PiiKind::DateOfBirth
            ),
            ["Christmas Eve"]
        );
        assert!(of_kind("We close early on Christmas Eve.", PiiKind::DateOfBirth).is_empty());
    }

    #[test]
    fn phones_glued_to_particles_after_slashes_and_latin_american_shapes() {
        for (t, v) in [
            ("연락처 010-4827-3391까지 다 보이게요.", "010-4827-3391"),
            (
                "Die Hotline vom Betriebsarzt (089 / 32 18 44 0) ist nur",
                "089 / 32 18 44 0",
            ),
            (
                "Ya le marqué al coordinador al 33 3615 8821 y dice",
                "33 3615 8821",
            ),
        ] {
            assert_eq!(of_kind(t, PiiKind::Phone), [v], "{t}");
        }
        // Seven digits or more, so that the slash and Latin American shapes
        // are really tried: an invoice after a slash, three groups of the
        // wrong sizes.
        for t in [
            "Rechnung 0815/2024 ist offen",
            "we shipped 33 3615 882 units",
        ] {
            assert!(of_kind(t, PiiKind::Phone).is_empty(), "{t}: {:?}", kinds(t));
        }
    }

    #[test]
    fn postal_tails_birth_cues_and_id_contexts() {
        for (t, v, k) in [
            (
                "to 15 rue des Lilas, 69003 Lyon now",
                "15 rue des Lilas, 69003 Lyon",
                PiiKind::StreetAddress,
            ),
            (
                "to ul. Marszałkowska 84/92 m. 12, 00-514 Warszawa now",
                "ul. Marszałkowska 84/92 m. 12, 00-514 Warszawa",
                PiiKind::StreetAddress,
            ),
            (
                "at Unit 5/12 Smith St, Fitzroy VIC 3065 now",
                "Unit 5/12 Smith St, Fitzroy VIC 3065",
                PiiKind::StreetAddress,
            ),
            (
                "at 1600 Pennsylvania Ave NW today",
                "1600 Pennsylvania Ave NW",
                PiiKind::StreetAddress,
            ),
            (
                "Geburtsdatum 12.04.1979 ist falsch",
                "12.04.1979",
                PiiKind::DateOfBirth,
            ),
            (
                "geboren am 3. März 1982 in Köln",
                "3. März 1982",
                PiiKind::DateOfBirth,
            ),
            (
                "fecha de nacimiento: 3 de marzo de 1982",
                "3 de marzo de 1982",
                PiiKind::DateOfBirth,
            ),
            ("Priya (b. 1975) runs it", "1975", PiiKind::DateOfBirth),
            // Spaced, so only the "social" cue makes it an SSN.
            ("my social is 512 44 9871", "512 44 9871", PiiKind::UsSsn),
            (
                "In het systeem staat mijn geboortedatum als 30-09-1988 maar dat moet 09-03-1988 zijn",
                "09-03-1988",
                PiiKind::DateOfBirth,
            ),
            ("emp no. 55102 again", "55102", PiiKind::EmployeeId),
            ("clock number 40771 is mine", "40771", PiiKind::EmployeeId),
        ] {
            assert!(kinds(t).contains(&(v.into(), k)), "{t}: {:?}", kinds(t));
        }
    }

    #[test]
    fn birth_cues_all_compile_into_the_automaton() {
        // The automaton falls back to an empty one on a build error, which
        // would silently switch birth-date detection off.
        assert_eq!(BIRTH_CUES.patterns_len(), BIRTH_CONTEXT.len());
    }

    #[test]
    fn addresses_in_lowercase_without_numbers_in_fields_and_in_more_national_forms() {
        for (t, v) in [
            // Lowercase lines after a lowercase street or lead.
            (
                "pls send the pack to no 12 oduduwa crescent, off allen avenue, ikeja, lagos. tell the rider",
                "no 12 oduduwa crescent, off allen avenue, ikeja, lagos",
            ),
            (
                "gift box - no 45, 2nd cross, 5th main, indiranagar, bengaluru 560038. last year",
                "no 45, 2nd cross, 5th main, indiranagar, bengaluru 560038",
            ),
            (
                "my address is villa 23, street 14b, al barsha 2, behind lulu hypermarket, dubai - the courier",
                "villa 23, street 14b, al barsha 2, behind lulu hypermarket, dubai",
            ),
            (
                "mailed to 221 e 14th st apt 5c new york ny 10003 which hasnt been my place",
                "221 e 14th st apt 5c new york ny 10003",
            ),
            ("sent to lot 14 wattle ct, toowoomba qld 4350? site office", "lot 14 wattle ct, toowoomba qld 4350"),
            ("the Portland site is at 5320 NE columbia blvd and there is no bus", "5320 NE columbia blvd"),
            ("l'ufficio di corso buenos aires 77, 20124 milano MI ha il riscaldamento rotto", "corso buenos aires 77, 20124 milano MI"),
            ("spedito in via roma 14 int 3, ma io abito", "via roma 14 int 3"),
            // A town with no comma, in the address's case, ending the clause.
            ("the W-2 went to 604 N Kedzie Ave Apt 2 Chicago — two moves ago", "604 N Kedzie Ave Apt 2 Chicago"),
            // Towns after the code with particles and a state; a district after a dash.
            (
                "Vivo en Calle 5 de Mayo 32, int. 4, Col. Centro, 68000 Oaxaca de Juárez, Oax. y salgo",
                "Calle 5 de Mayo 32, int. 4, Col. Centro, 68000 Oaxaca de Juárez, Oax.",
            ),
            ("the hub is at Av. Paulista, 1578 - Bela Vista and there is one lift", "Av. Paulista, 1578 - Bela Vista"),
            ("Yeni adresim: Caferağa Mah. Moda Cad. No: 145 D: 6, 34710 Kadıköy/İstanbul", "Caferağa Mah. Moda Cad. No: 145 D: 6, 34710 Kadıköy/İstanbul"),
            // Landmark lines, suites and offices with two lines, Indian colonies.
            (
                "Address: House No. 17, behind the Methodist church, Dansoman and her number",
                "House No. 17, behind the Methodist church, Dansoman",
            ),
            ("Site Admin\nOffice 1404, Churchill Tower, Business Bay\nM: 050", "Office 1404, Churchill Tower, Business Bay"),
            ("the laptop went to D-14, Lajpat Nagar II but I had given", "D-14, Lajpat Nagar II"),
            ("it's Hollins Farm, Back Lane, Wray. Can we", "Hollins Farm, Back Lane, Wray"),
            ("La dirección es Av. Tecnológico s/n, Col. Industrial, Toluca. Los proveedores", "Av. Tecnológico s/n, Col. Industrial, Toluca"),
            ("Alamat saya Jl. Kemang Raya No. 14, RT 05/RW 02, Bangka, Mampang Prapatan sering", "Jl. Kemang Raya No. 14, RT 05/RW 02, Bangka, Mampang Prapatan"),
            ("gửi về số 18 ngõ 42 phố Trần Quang Khải, Hoàn Kiếm. Em cảm ơn", "số 18 ngõ 42 phố Trần Quang Khải, Hoàn Kiếm"),
            ("Domicilio: Andador 14 No. 22, Unidad Habitacional Vicente Guerrero, Iztapalapa", "Andador 14 No. 22, Unidad Habitacional Vicente Guerrero, Iztapalapa"),
            ("I moved to Blk 123 Ang Mo Kio Ave 3 #04-56 in August", "Blk 123 Ang Mo Kio Ave 3 #04-56"),
            ("the hotel is KG 7 Ave, plot 1221, Kacyiru\nreception", "KG 7 Ave, plot 1221, Kacyiru"),
            ("mine came to 14 kinross ave, glasgow with my manager's handwriting", "14 kinross ave, glasgow"),
            ("addressed to The Old Rectory, Church Lane, Little Easton, that's her place", "The Old Rectory, Church Lane, Little Easton"),
            ("Onze vestiging zit op Kanaalweg 14-D, 3526 KL Utrecht maar", "Kanaalweg 14-D, 3526 KL Utrecht"),
            ("Il magazzino è in via dell'Industria 22, 37012 Bussolengo. Chi", "via dell'Industria 22, 37012 Bussolengo"),
            ("a minha morada é rua das flores 112 3 esq e está certa", "rua das flores 112 3 esq"),
            // A form field's value; a known town after an unlisted street.
            ("CONTACT UPDATE\nName: Leota (brother)\nAddress: Lotopa Road, Apia\nPhone:", "Lotopa Road, Apia"),
            ("the emergency contact list: Vesivärava 50-12, Tallinn. If I'm hurt", "Vesivärava 50-12, Tallinn"),
            ("It's Abay avenue 44, apt 71, Aktobe, not Aktau.", "Abay avenue 44, apt 71, Aktobe"),
            ("we moved: Section 12 Lot 88, Lengakiki Road, Honiara.", "Section 12 Lot 88, Lengakiki Road, Honiara"),
            ("envíen mi carta a Calle Duarte #27, Higüey, no al hotel", "Calle Duarte #27, Higüey"),
            ("the post office sent it back. please add 4050-262 Porto", "4050-262 Porto"),
            // Guatemalan and Cuban grids; an Israeli seven-digit code after an
            // unlisted street; Glasgow, UK and Hong Kong flats before the
            // street.
            ("Los recibos van a la oficina de 6a Avenida 12-34, Zona 1 pero ya", "6a Avenida 12-34, Zona 1"),
            ("me acompañó hasta mi casa en Calle 8 entre 23 y 25, Vedado cuando", "Calle 8 entre 23 y 25, Vedado"),
            ("my new place is Dizengoff 120, apt 9, Tel Aviv 6433214, the movers", "Dizengoff 120, apt 9, Tel Aviv 6433214"),
            ("pension letters are going to 0/2, 45 Dumbarton Road but I moved", "0/2, 45 Dumbarton Road"),
            ("the visit was booked at Flat 9 Harrow Court Stevenage but", "Flat 9 Harrow Court Stevenage"),
            ("I work from Room 5, 2/F, 17 Tung Choi Street, Mong Kok which is small", "Room 5, 2/F, 17 Tung Choi Street, Mong Kok"),
            (
                "address Rua Padre Chagas 184, apto 702, Moinhos de Vento, Porto Alegre – RS, 90570-080. It's all",
                "Rua Padre Chagas 184, apto 702, Moinhos de Vento, Porto Alegre – RS, 90570-080",
            ),
            // Lowercase streets of other languages, with a code after them.
            ("changement d'adresse : 14 bis rue des tanneurs, 59800 lille. merci", "14 bis rue des tanneurs, 59800 lille"),
            ("neue adresse am weinberg 7a, 79100 freiburg – bitte", "am weinberg 7a, 79100 freiburg"),
            ("mon adresse : 14 rue de la liberté, 75014 paris. merci", "14 rue de la liberté, 75014 paris"),
            ("Mieszkam na Śląskiej 12, a nie gdzie indziej", "Śląskiej 12"),
            ("mijn nieuwe adres is kruisstraat 12 bis, 3581 gl utrecht, graag aanpassen", "kruisstraat 12 bis, 3581 gl utrecht"),
            ("mi dirección es c/ de la princesa 31, 3º izda, 28008 madrid, que no", "c/ de la princesa 31, 3º izda, 28008 madrid"),
            ("pls mail my t4 to 1187 rue de bleury, app 608, montréal qc h3b 3j6 thx", "1187 rue de bleury, app 608, montréal qc h3b 3j6"),
            ("Mieszkam na Piotrkowskiej 12/4, a nie gdzie indziej", "Piotrkowskiej 12/4"),
            (
                "Il magazzino è in via dell'Industria 22, zona industriale, 37012 Bussolengo (VR), non c'è",
                "via dell'Industria 22, zona industriale, 37012 Bussolengo (VR)",
            ),
            ("Please report to: Reception, Lanyon Plaza, 7 Lanyon Place\nContact", "Lanyon Plaza, 7 Lanyon Place"),
        ] {
            assert!(
                kinds(t).contains(&(v.to_owned(), PiiKind::StreetAddress)),
                "{t}: {:?}",
                kinds(t)
            );
        }
        // A lowercase chain stops at function words; "via" in English, a
        // road's name alone, an English word before "gate", a room and
        // a floor, a Kigali street without its house are no addresses.
        for (t, v) in [
            ("I live at 12 oak st, which is miles away.", "12 oak st"),
            (
                "we sent it to 14 wattle ct, twice, and nothing came",
                "14 wattle ct",
            ),
        ] {
            assert_eq!(of_kind(t, PiiKind::StreetAddress), [v], "{t}");
        }
        for t in [
            "I sent it via email 3 times and via slack 2 times.",
            "Our office is on Jalan SS 2 near the mall.",
            "Gate 3 is the only one open. Open gate 5 too please.",
            "Room 12, 3. OG, is too warm",
            "The fridge in Office 4, Block C is broken again.",
            "The invite said KG 17 Ave, which is on the other side of town.",
            "Email address: see the form, it is on file",
            "Address: same as above",
            "Sarah 5, Leeds 3 was the score at the five-a-side.",
            // A lowercase street-like phrase with no code or town after it,
            // and a street word inside a longer word.
            "am montag 14 waren wir zu dritt, 2000 kartons",
            "der fußgängerüberweg 5 ist gesperrt",
            "no 5, we never got paid for the overtime",
        ] {
            assert!(
                of_kind(t, PiiKind::StreetAddress).is_empty(),
                "{t}: {:?}",
                kinds(t)
            );
        }
    }

    #[test]
    fn ids_after_more_labels_spaced_and_in_file_names_and_birth_dates_in_lists_and_with_weekdays() {
        let policy = crate::evaluation::dev_policy();
        let ids = |t: &str| {
            let mut out = Vec::new();
            find(t, &policy, &mut out);
            out.iter()
                .filter(|c| c.kind == PiiKind::EmployeeId)
                .map(|c| t[c.start..c.end].to_owned())
                .collect::<Vec<_>>()
        };
        for (t, v) in [
            (
                "Hola soy del turno de mañana, nº de trabajador 3318, y quería decir",
                "3318",
            ),
            (
                "meine Mitarbeiternummer lautet 200518 und ich möchte wissen",
                "200518",
            ),
            (
                "badge number 0 4 4 9 1 7 (the printed one has spaces)",
                "0 4 4 9 1 7",
            ),
            (
                "ref is my staff no. 0093 1182. i've sent three receipts",
                "0093 1182",
            ),
            (
                "files named like \"ACME-402276_fire_safety.pdf\" are public",
                "ACME-402276",
            ),
        ] {
            assert_eq!(ids(t), [v], "{t}");
        }
        // A tenant shape glued to letters or digits is no id.
        assert!(ids("order XACME-402276 shipped").is_empty());
        for (t, v) in [
            (
                "Giulia è nata il 08/02/2015 e Marco il 23/10/2018. Li ho inseriti",
                vec!["08/02/2015", "23/10/2018"],
            ),
            (
                "our newborn (Ayo, born Tuesday the 4th of March 2025, 3.2kg)",
                vec!["Tuesday the 4th of March 2025"],
            ),
        ] {
            assert_eq!(of_kind(t, PiiKind::DateOfBirth), v, "{t}");
        }
        // A date after a birth date that is no list of births.
        let t = "My date of birth is 03/04/1988 and I started on 12/05/2019.";
        assert_eq!(of_kind(t, PiiKind::DateOfBirth), ["03/04/1988"], "{t}");
    }

    #[test]
    fn a_number_shaped_like_a_phone_found_in_the_text_is_one_too() {
        let t = "Numer do elektryka to teraz 512 903 447, stary (512 903 474) już nie działa.";
        assert_eq!(
            of_kind(t, PiiKind::Phone),
            ["512 903 447", "512 903 474"],
            "{t}"
        );
        // Another shape, or no phone to copy, stays no phone.
        let t = "The old badge (512 903 474) still opens the gate.";
        assert!(of_kind(t, PiiKind::Phone).is_empty(), "{t}: {:?}", kinds(t));
    }

    #[test]
    fn birth_years_by_age_and_cue_and_birth_dates_after_an_earlier_cue() {
        for (t, v) in [
            (
                "I'm not \"the young one\". 1994. I'm 32. Please stop.",
                "1994",
            ),
            ("Geburtsjahr 1968, seit 30 Jahren im Lager.", "1968"),
            ("Rocznik 1971, a dalej na umowie zlecenie.", "1971"),
            (
                "The insurer needs the DOB of dependants. My son is 2012-02-29. Leap day baby.",
                "2012-02-29",
            ),
        ] {
            assert_eq!(of_kind(t, PiiKind::DateOfBirth), [v], "{t}");
        }
        for t in [
            // Another event's year; an age with no year; a start date.
            "We opened in 1994. I'm 32 and I was the first hire.",
            "I'm 32 and still on the lowest band.",
            "The insurer needs the DOB of dependants. The deadline is 2026-12-01.",
        ] {
            assert!(
                of_kind(t, PiiKind::DateOfBirth).is_empty(),
                "{t}: {:?}",
                kinds(t)
            );
        }
    }

    #[test]
    fn negatives() {
        for t in [
            "Upgrade to v2.3.1 broke SSO; see JIRA-4411",
            "Version 10.2.0.1 of the agent",
            "We spent $250,000 on the rebrand",
            "The 9:30 standup at 10:30:45",
            "Salaries went up 3.5% while rent went up 12%",
            "Order #4471893 is stuck",
            "Build 2024.11.3 is the last one",
            "The meeting on 12/03/2025 was cancelled",
            "In 2019 2020 and 2021 we grew",
            "The launch is on 3 July 2025",
            "@here please stop using @channel",
            "The review moved to 3 März 2026",
            "We met on 12.04.2025 to plan the launch",
            "Happy birthday Sam! The office opened in 1998.",
            "Order ID 558213 never arrived",
            "After 20 years of service 2015-2024 was the worst",
        ] {
            assert!(kinds(t).is_empty(), "{t}: {:?}", kinds(t));
        }
    }
}
