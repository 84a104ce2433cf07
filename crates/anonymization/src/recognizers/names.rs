//! Person names: census first-name and surname lists, capitalisation, cue
//! words before ("my manager", "talk to", titles) and after ("said",
//! possessive), a stop-list of common words, and an optional roster.

use std::sync::LazyLock;

use super::Candidate;
use crate::lexicon::{self, WordSet, LEXICON};
use crate::text::{fold_key, Case, Token};
use crate::{PiiKind, Policy};

/// Cue words right before a name that make it very likely a person:
/// "my manager dave", "cc tom", "thanks Rose".
const STRONG_CUES: &[&str] = &[
    "manager",
    "teamlead",
    "team-lead",
    "teamleader",
    "techlead",
    "tech-lead",
    "linemanager",
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
    "shoutout",
    "shout-out",
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
    // Filipino: "Kuya Rommel", "Tita Baby" ("Ate" is also a verb).
    "kuya",
    "tita",
    "tito",
    "manong",
    "manang",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "mx",
    "miss",
    "sir",
    "madam",
    "herr",
    "herrn",
    "frau",
    "mme",
    "madame",
    "monsieur",
    "senor",
    "senora",
    "signor",
    "signora",
    "dhr",
    "mevr",
    "sr",
    "sra",
    "srta",
    "dona",
    "don",
    "pani",
    "pan",
    "lic",
    "dra",
    "ing",
    "mgr",
    "inz",
    "arq",
    "eng",
    "sig",
    "sigra",
    "dott",
    "mag",
    "engr",
    "ma'am",
    "maam",
    "alhaji",
    "hajia",
    "mallam",
    "bu",
    "pak",
    "ibu",
    "bapak",
    // Ranks and roles written as titles: "Lt. Greene", "PC Doyle", "PHK
    // Brandt", "Teamleider Sanne de Wit".
    "lt",
    "sgt",
    "sergeant",
    "pc",
    "phk",
    "insp",
    "inspector",
    "cpl",
    "capt",
    "captain",
    "teamleider",
    // "Prof.ssa Ferraris", "Dott.ssa Rossi": the feminine ending.
    "ssa",
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
    "approves",
    "ignores",
    "ignored",
    "reviews",
    "rejects",
    "blocks",
    "blocked",
    "covers",
    "covered",
    "handles",
    "handled",
    "helps",
    "helped",
    "fixes",
    "fixed",
    "doesn't",
    "didn't",
    "won't",
    "can't",
    "hasn't",
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
    "reckons",
    "reckoned",
    "claims",
    "insists",
    "admitted",
    "admits",
    "denied",
    "denies",
];
/// Cities and countries of more than one word, folded: workplaces and
/// travel in feedback ("our Kuala Lumpur office", "the Chiang Mai
/// property"), never a person.
const MULTI_WORD_PLACES: &[&str] = &[
    "kuala lumpur",
    "hong kong",
    "chiang mai",
    "chiang rai",
    "ho chi minh",
    "binh duong",
    "da nang",
    "hai phong",
    "phnom penh",
    "kota kinabalu",
    "johor bahru",
    "petaling jaya",
    "shah alam",
    "new delhi",
    "navi mumbai",
    "abu dhabi",
    "ras al khaimah",
    "al ain",
    "tel aviv",
    "dar es salaam",
    "addis ababa",
    "port harcourt",
    "cape town",
    "port elizabeth",
    "buenos aires",
    "rio de janeiro",
    "sao paulo",
    "porto alegre",
    "belo horizonte",
    "mexico city",
    "santo domingo",
    "san jose",
    "san juan",
    "panama city",
    "la paz",
    "mar del plata",
    "las palmas",
    "new york",
    "los angeles",
    "san francisco",
    "san diego",
    "las vegas",
    "salt lake city",
    "kansas city",
    "st louis",
    "new orleans",
    "santa fe",
    "quezon city",
    "cebu city",
    "makati city",
    "davao city",
    "sri lanka",
    "saudi arabia",
    "costa rica",
    "el salvador",
    "new zealand",
    "south africa",
    "puerto rico",
    "milton keynes",
    "den haag",
    "den bosch",
    "frankfurt am main",
    "le havre",
    "le mans",
    "a coruna",
    "san sebastian",
    "hong kong island",
    "kowloon bay",
    "sharm el sheikh",
    "dubai marina",
    "al barsha",
    "jumeirah lake",
    "ulaan baatar",
    "kuwait city",
    "doha city",
];
/// Placeholder names, idioms and brands written like a person's name
/// (folded, commas dropped): "Joe Bloggs", "Tom, Dick and Harry", "Otto
/// Normalverbraucher", "Tim Hortons". Never a colleague.
const NOT_PEOPLE_PHRASES: &[&str] = &[
    "john doe",
    "jane doe",
    "joe bloggs",
    "joe public",
    "joe schmoe",
    "average joe",
    "juan dela cruz",
    "juan de la cruz",
    "juan perez",
    "tom dick and harry",
    "otto normalverbraucher",
    "max mustermann",
    "erika mustermann",
    "przecietny kowalski",
    "jan kowalski",
    "pinco pallino",
    "mario rossi",
    "juan palomo",
    "fulano de tal",
    "jan modaal",
    "jan met de pet",
    "uncle sam",
    "robin hood",
    "pere noel",
    "santa claus",
    "father christmas",
    "guy fawkes",
    "heath robinson",
    "rube goldberg",
    "peeping tom",
    "doubting thomas",
    "smart alec",
    "jack of all trades",
    "jack the lad",
    "nosy parker",
    "clever dick",
    "martin luther king",
    "martin luther",
    "tim hortons",
    "jack wills",
    "dr martens",
    "doc martens",
    "ben nevis",
    "van gogh",
    "vasco da gama",
    "marks and spencer",
    "john lewis",
    "ronald mcdonald",
    "colonel sanders",
    "uncle ben",
    "aunt jemima",
    "betty crocker",
    "sherlock holmes",
    "harry potter",
    "mickey mouse",
    "bob the builder",
    "tan tock seng",
    "prince george",
    "nelson mandela bay",
    "murtala muhammed",
    "murtala mohammed",
    "charles de gaulle",
    "john f kennedy",
    "jomo kenyatta",
    "kenneth kaunda",
    "indira gandhi",
    "pat on the back",
    "rajiv gandhi",
];
static FIXED_PHRASES_SET: LazyLock<WordSet> = LazyLock::new(|| {
    MULTI_WORD_PLACES
        .iter()
        .chain(NOT_PEOPLE_PHRASES)
        .copied()
        .collect()
});
/// The first and second words of those phrases: most tokens start none,
/// and two lookups tell before a phrase is built ("a", "new", "la" open
/// phrases but are common words).
static FIXED_FIRSTS: LazyLock<WordSet> = LazyLock::new(|| {
    MULTI_WORD_PLACES
        .iter()
        .chain(NOT_PEOPLE_PHRASES)
        .filter_map(|p| p.split(' ').next())
        .collect()
});
static FIXED_SECONDS: LazyLock<WordSet> = LazyLock::new(|| {
    MULTI_WORD_PLACES
        .iter()
        .chain(NOT_PEOPLE_PHRASES)
        .filter_map(|p| p.split(' ').nth(1))
        .collect()
});
static NAMED_THINGS_SET: LazyLock<WordSet> =
    LazyLock::new(|| NAMED_THINGS.iter().copied().collect());
/// Things that get a person's name: "the robot called Bob", "our chatbot
/// Ava", "the forklift nicknamed Rita".
const NAMED_THINGS: &[&str] = &[
    "voice",
    "robot",
    "robots",
    "bot",
    "chatbot",
    "assistant",
    "app",
    "system",
    "tool",
    "printer",
    "machine",
    "forklift",
    "van",
    "truck",
    "lorry",
    "dog",
    "cat",
    "plant",
    "scanner",
    "kiosk",
    "avatar",
    "ai",
    "model",
    "server",
    "vacuum",
    "drone",
    "hoover",
    "mascot",
    "boat",
    "crane",
];

/// Words that start multi-word place names: "San Diego", "New York".
const PLACE_PREFIXES: &[&str] = &[
    "san", "santa", "los", "las", "new", "saint", "st", "port", "fort", "lake", "mount", "el",
    "rio", "sao", "tel", "buenos", "hong", "kuala", "ho", "cape", "county",
];
/// Name particles that may sit inside a full name.
const PARTICLES: &[&str] = &[
    "van", "von", "vom", "zu", "de", "der", "den", "da", "di", "du", "la", "le", "los", "las",
    "do", "del", "della", "degli", "bin", "binti", "binte", "bint", "ibn", "al", "el", "dos",
    "das", "ter", "ten", "op", "st", "dela", "ap",
];
/// Weather that takes given names: "Storm Éowyn", "Hurricane Milton".
const STORM_WORDS: &[&str] = &["storm", "hurricane", "typhoon", "cyclone", "tornado"];
/// Irish particles as written (capitalised, with their accent) before a
/// surname: "Ó Súilleabháin", "Ní Bhriain".
const IRISH_PARTICLES: &[&str] = &["Ó", "Ní", "Nic", "Ua", "Mac"];
/// Chinese, Korean and Malaysian family names that come before the given
/// name ("Tan May Ling", "Park Ji-ho"); only right before a found name.
const EAST_ASIAN_FAMILY: &[&str] = &[
    "tan", "lim", "lee", "ng", "goh", "ong", "teo", "tay", "chua", "koh", "wong", "chan", "cheung",
    "leung", "lau", "chen", "wang", "li", "zhang", "liu", "yang", "huang", "zhao", "wu", "zhou",
    "xu", "sun", "zhu", "guo", "lin", "luo", "gao", "zheng", "kim", "park", "choi", "jung", "kang",
    "cho", "yoon", "jang", "han", "seo", "shin", "kwon", "hwang", "ahn", "song", "yoo", "hong",
    "jeon", "moon", "son", "bae", "baek", "nam",
];
/// Vietnamese family names; with a middle name "Thi" / "Van" they start a
/// full name even when they are short everyday words ("Ha", "Do", "Le").
const VIET_FAMILY: &[&str] = &[
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly", "ha", "dinh", "truong", "mai", "trinh", "lam", "luong", "cao",
    "ta", "doan", "lai", "quach", "dao", "luu", "thai", "la", "to", "vuong", "kieu", "chu",
];
/// Vietnamese middle names that mark the pattern "Family Thi/Van Given".
const VIET_MIDDLE: &[&str] = &["thi", "thị", "van", "văn"];
/// Sentence adverbs and interjections after which a lowercase word followed
/// by a verb is a person: "honestly wei fixed it", "tbh raj said".
const SENTENCE_ADVERBS: &[&str] = &[
    "honestly",
    "frankly",
    "seriously",
    "tbh",
    "imo",
    "imho",
    "ngl",
    "sadly",
    "apparently",
    "obviously",
    "clearly",
    "luckily",
    "thankfully",
    "unfortunately",
    "fortunately",
    "basically",
    "literally",
    "ugh",
    "sigh",
    "lol",
    "btw",
    "fyi",
    "also",
    "meanwhile",
    "yesterday",
    "today",
    "anyway",
];
/// Nouns for a group or a desk, ending a role phrase after a name: "Summer
/// from the events team", "June on the front desk".
const GROUP_NOUNS: &[&str] = &[
    "team",
    "teams",
    "squad",
    "crew",
    "group",
    "department",
    "dept",
    "desk",
    "unit",
    "pod",
    "org",
    "function",
    "chapter",
    "guild",
    "dock",
    "floor",
    "shift",
    "centre",
    "center",
    "office",
    "warehouse",
    "store",
    "site",
    "line",
    "agency",
    // Teams and shifts in the other languages: "jan van de technische
    // dienst", "Frank aus der Spätschicht", "Amparo do turno da manhã".
    "dienst",
    "afdeling",
    "ploeg",
    "schicht",
    "abteilung",
    "turno",
    "service",
    "servicio",
    "servizio",
    "reparto",
    "equipe",
    "equipo",
    "squadra",
    "zespol",
    "dzial",
    "zmiana",
];
/// Verbs after a name that only a person does (stricter than
/// `FOLLOW_CUES`, for names that are also calendar words: "May said").
const PERSON_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "asked",
    "promised",
    "announced",
    "refused",
    "insisted",
    "claimed",
    "mentioned",
    "replied",
    "thinks",
    "wants",
    "shouted",
    "yelled",
    "interrupts",
    "interrupted",
    "micromanages",
    "explained",
    "agreed",
    "disagreed",
    "suggested",
    "emailed",
    "messaged",
    "pinged",
    "approved",
    "rejected",
    "reviewed",
    "manages",
    "mentored",
    "mentors",
    "resigned",
    "quit",
];
/// Cue verbs that address a person, enough for a calendar-word name: "ask
/// May", "tell June". Prepositions ("after May") are not.
const ADDRESS_VERBS: &[&str] = &[
    "ask", "asked", "asking", "tell", "told", "remind", "reminded", "thank", "thanked", "met",
    "welcome", "contact", "email", "emailed", "message", "messaged", "dm", "dmed", "named",
    "called", "hired", "promoted", "blame", "blamed", "trust", "trusted",
];
/// Words before a calendar word that make it a date: "in May", "since June".
const DATE_PREPS: &[&str] = &[
    "in", "on", "since", "until", "till", "by", "before", "after", "during", "of", "from",
    "through", "early", "late", "mid", "last", "next", "this", "every", "each", "to", "between",
    "the", "around", "until", "for", "a", "an", "and", "or", "into", "past", "coming",
];
/// After "the <Name>", these make the name a place or a site: "the Jackson
/// warehouse", "the Franklin depot".
const FACILITIES: &[&str] = &[
    "office",
    "offices",
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
    "depot",
    "building",
    "factory",
    "facility",
    "centre",
    "center",
    "hall",
    "room",
    "tower",
    "station",
    "mall",
    "clinic",
    "hospital",
    "school",
    "library",
    "airport",
    "street",
    "road",
    "avenue",
    "bridge",
    "estate",
    "yard",
    "dock",
    "terminal",
    "stadium",
    "arena",
    "hotel",
    "gym",
    "cafeteria",
    "canteen",
    "auditorium",
    "wing",
    "annex",
    "location",
    "store",
    "distribution",
    "fulfilment",
    "fulfillment",
    "ward",
    "unit",
    "highway",
    "house",
    "square",
    "pantry",
    "lounge",
    // Plurals: "the Darwin, Turing and Lovelace rooms", "the Wigan and
    // Dudley depots".
    "stores",
    "depots",
    "rooms",
    "wings",
    "wards",
    "sites",
    "branches",
    "warehouses",
    "plants",
    "buildings",
    "halls",
    "hubs",
    "labs",
    "clinics",
    "schools",
    "stations",
    "yards",
    "factories",
    "terminus",
    "elementary",
    "academy",
    "garage",
    "interchange",
];
/// Street words: after a capitalised word they make a street's name
/// ("Hohe Straße", "Bow Street", "Park Lane"), never a person's.
const STREET_WORDS: &[&str] = &[
    "strasse", "str", "street", "road", "avenue", "lane", "weg", "platz", "allee", "gasse",
    "straat", "laan", "gracht",
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
    "visit",
    "conference",
    "summit",
    "shop",
    "shops",
    "stores",
    "outlet",
    "depot",
    "centre",
    "center",
    "mall",
];
/// Before a place name, these make it a place: "flying to Austin".
const PLACE_PREPS: &[&str] = &[
    "in", "to", "from", "at", "near", "around", "visit", "visiting", "via", "into", "across",
    "outside", "inside", "of", "the",
];

/// Asides between a name and its verb: "Haruka, on the other hand, just
/// approves", "Mahina however always ...".
const ASIDES: &[&str] = &[
    "however",
    "though",
    "also",
    "just",
    "really",
    "actually",
    "honestly",
    "literally",
    "still",
    "even",
    "then",
    "again",
    "apparently",
    "basically",
    "clearly",
    "obviously",
    "definitely",
    "totally",
    "simply",
    "usually",
    "often",
    "sometimes",
    "too",
];
/// Lowercase nouns right after a capitalised word that make it a language,
/// tool or bank product rather than a person: "the Julia notebooks", "Ruby
/// scripts", "the Chase cards".
const TOOL_NOUNS: &[&str] = &[
    "notebook",
    "notebooks",
    "script",
    "scripts",
    "code",
    "codebase",
    "package",
    "packages",
    "library",
    "libraries",
    "repo",
    "repos",
    "runtime",
    "compiler",
    "interpreter",
    "kernel",
    "kernels",
    "files",
    "sdk",
    "api",
    "apis",
    "bindings",
    "services",
    "modules",
    "module",
    "stack",
    "cli",
    "plugin",
    "plugins",
    "driver",
    "drivers",
    "container",
    "containers",
    "images",
    "cluster",
    "clusters",
    "app",
    "apps",
    "account",
    "accounts",
    "card",
    "cards",
    "loan",
    "mortgage",
    "statement",
    "statements",
    "transfer",
    "branch",
    "syntax",
    "ecosystem",
    "toolchain",
    "version",
    "versions",
    "upgrade",
    "migration",
    "port",
    "rewrite",
    "license",
    "licence",
    "licenses",
    "licences",
    "subscription",
    "corporate",
    "device",
    "devices",
    "speaker",
    "speakers",
    "ai",
    "bot",
    "bots",
    "pipeline",
    "pipelines",
    "monolith",
    "export",
    "exports",
    "integration",
    "line",
    "fund",
    "funds",
    "ward",
    "jobs",
    "dashboards",
];
/// Adjectives of a nickname before a first name: "big tony", "little mo".
const NICK_ADJECTIVES: &[&str] = &[
    "big", "little", "lil", "old", "young", "tiny", "auntie", "uncle",
];
/// Where a person works, after "on the" or "in the": "on the goods-in
/// desk", "on the reach trucks", "in the linen room".
const WORK_SPOTS: &[&str] = &[
    "desk",
    "trunk",
    "trucks",
    "truck",
    "tills",
    "till",
    "belt",
    "line",
    "dock",
    "docks",
    "bay",
    "bays",
    "yard",
    "gate",
    "workshop",
    "kitchen",
    "counter",
    "vans",
    "forklifts",
    "rota",
    "nights",
    "earlies",
    "lates",
    "tannoy",
    "phones",
    "switchboard",
];
/// "From" in the other languages feedback arrives in, before a department
/// or a team: "Frank aus der Spätschicht", "Róża z kadr", "Graça do
/// atendimento", "jan van de technische dienst".
const FROM_ABROAD: &[&str] = &[
    // Not "dos" (Spanish "two") or "das" (German "the").
    "aus", "vom", "du", "del", "della", "dello", "delle", "dei", "degli", "dal", "dalla", "do",
    "da", "van", "z", "ze", "de",
];
/// Particles that can open a surname on their own: "van Dijk", "de Jong",
/// "ter Horst", "von der Leyen".
const SURNAME_OPENERS: &[&str] = &[
    "van", "von", "vom", "de", "ter", "ten", "du", "da", "di", "del", "della", "dos",
];
/// Frequent German function words: two or more of them make a text German,
/// where every noun is capitalised and capitalisation says little.
const GERMAN_MARKERS: &[&str] = &[
    "und", "nicht", "ich", "ist", "sind", "die", "der", "das", "dem", "den", "mit", "von", "zur",
    "zum", "kein", "keine", "sehr", "mein", "meine", "wir", "sie", "auf", "fur", "nach", "hat",
    "habe", "aber", "auch", "noch", "immer", "schon", "wird", "wurde", "dass", "seit", "uber",
    "ein", "eine", "bei", "weiss", "niemand", "mehr", "wer",
];
/// Function words of the other languages feedback arrives in (Romance,
/// Dutch, Polish): two or more make a text foreign, where a lowercase
/// given name with no cue is more often a word ("linda", "soledad",
/// "anders", "mora").
const FOREIGN_MARKERS: &[&str] = &[
    "que", "para", "por", "con", "una", "los", "las", "del", "pero", "muy", "esta", "che", "non",
    "per", "della", "sono", "il", "het", "een", "niet", "voor", "maar", "ook", "zijn", "nie",
    "jest", "ze", "nao", "uma", "com", "mas", "les", "des", "est", "pas", "une", "nous", "dans",
    "pour", "avec", "la", "el", "es", "de", "le", "je", "ik", "wij", "ja", "w", "y",
];
/// Both marker lists by word: (German?, position in its list).
static MARKERS: LazyLock<
    std::collections::HashMap<
        &'static str,
        (bool, u32),
        std::hash::BuildHasherDefault<lexicon::WordHasher>,
    >,
> = LazyLock::new(|| {
    let mut map = std::collections::HashMap::default();
    for (m, w) in FOREIGN_MARKERS.iter().enumerate() {
        map.insert(*w, (false, m as u32));
    }
    for (m, w) in GERMAN_MARKERS.iter().enumerate() {
        map.insert(*w, (true, m as u32));
    }
    map
});
/// German noun endings: an unknown capitalised word ending so is a noun.
const GERMAN_NOUN_SUFFIXES: &[&str] = &[
    "ung",
    "ungen",
    "heit",
    "keit",
    "schaft",
    "ierung",
    "tion",
    "nis",
    "tat",
    "ismus",
    "chen",
    "essen",
    "feier",
    "schicht",
    "rat",
    "nummer",
    "system",
    "zeit",
    "stelle",
    "leitung",
    "abteilung",
    "prozess",
    "dienst",
    "vertrag",
    "lager",
    "gebaude",
    "faelle",
    "falle",
    "zettel",
    "plan",
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
    /// The text reads as German (capitalised nouns everywhere).
    german: bool,
    /// The writer capitalises: most sentences and the pronoun "I" start
    /// upper case, so a lowercase word is rarely a name without a cue.
    cased: bool,
    /// The text reads as Romance, Dutch or Polish.
    foreign: bool,
    /// The flags of a world-list name not counted here (lowercase, or in
    /// German), for a strong cue to bring back.
    world: Vec<u16>,
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
            // "Priya, Chidi, Gosia and Hamish: thank you", "Kristine Joy
            // Villanueva, ID no. ...": capitalised words split by commas
            // are a list or an address line, no heading; shouting
            // ("PLEASE FIX THE ROTA, NOBODY LISTENS") still is one.
            let list = words.iter().any(|t| t.case == Case::Title)
                && (i + 1..j).any(|k| text[tokens[k - 1].end..tokens[k].start].trim() == ",");
            if words.len() >= 5 && caps * 10 >= words.len() * 8 && !list {
                heading[i..j].iter_mut().for_each(|h| *h = true);
            }
            i = j;
        }
        // One hash lookup per token for both languages' markers.
        let (mut markers, mut foreign_markers) = (0u64, 0u64);
        for k in keys.iter().map(|&(s, e)| &buf[s..e]) {
            match MARKERS.get(k) {
                Some(&(true, m)) => markers |= 1 << m,
                Some(&(false, m)) => foreign_markers |= 1 << m,
                None => {}
            }
        }
        let german = markers.count_ones() >= 2;
        let foreign = foreign_markers.count_ones() >= 2;
        let (mut upper_starts, mut lower_starts) = (0usize, 0usize);
        for t in tokens.iter().filter(|t| t.sentence_start && !t.has_digit) {
            match t.case {
                Case::Title | Case::Upper => upper_starts += 1,
                Case::Lower => lower_starts += 1,
                Case::Other => {}
            }
        }
        // The English pronoun typed lowercase: "i'm", or "i" before an
        // English verb (Polish "i" is "and", Italian "i" is "the").
        let key_at = |j: usize| keys.get(j).map_or("", |&(s, e)| &buf[s..e]);
        let lower_i = tokens.iter().enumerate().any(|(j, t)| {
            t.case == Case::Lower
                && match key_at(j) {
                    "i'm" | "im" | "ive" | "i've" | "idk" => true,
                    "i" => matches!(
                        key_at(j + 1),
                        "am" | "was"
                            | "have"
                            | "had"
                            | "think"
                            | "dont"
                            | "don't"
                            | "can"
                            | "cant"
                            | "can't"
                            | "will"
                            | "feel"
                            | "just"
                            | "really"
                            | "do"
                            | "did"
                            | "got"
                            | "work"
                            | "need"
                            | "want"
                            | "asked"
                            | "told"
                            | "get"
                            | "know"
                            | "said"
                            | "never"
                            | "would"
                            | "should"
                            | "love"
                            | "hate"
                    ),
                    _ => false,
                }
        });
        let cased = upper_starts >= 2 && lower_starts == 0 && !lower_i;
        // A world-list name counts only capitalised (not in lowercase or
        // shouted), and not in German.
        let mut world = vec![0u16; tokens.len()];
        for ((f, t), w) in flags.iter_mut().zip(tokens).zip(world.iter_mut()) {
            if *f & lexicon::WORLD != 0 && (german || t.case != Case::Title) {
                *w = *f;
                *f = 0;
            }
        }
        Self {
            text,
            tokens,
            keys,
            buf,
            flags,
            heading,
            german,
            cased,
            foreign,
            world,
        }
    }

    /// Token `i`'s folded key; "" past the end (like [`Ctx::gap`]), so a
    /// look-ahead at the text's end reads an empty word, never panics.
    fn key(&self, i: usize) -> &str {
        self.keys.get(i).map_or("", |&(s, e)| &self.buf[s..e])
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

    /// "Pat – meds done\nDrew – 2 falls overnight\nMercy – on till 3": a
    /// handover list, a given name opening each line before a dash or a
    /// colon (two such lines at least).
    fn handover_name(&self, i: usize) -> bool {
        let before = |j: usize| {
            if j == 0 {
                return "\n";
            }
            self.text
                .get(self.tokens[j - 1].end..self.tokens[j].start)
                .unwrap_or("")
        };
        // A dash after the name, or a colon on a bulleted line: "- Femi:
        // dock 3"; not a form's "Nome:" or "Geburtsdatum:".
        let item = |j: usize| {
            let f = self.flags[j];
            let opens = j == 0 || before(j).contains('\n');
            let bullet = before(j).contains(['-', '*', '•']);
            opens
                && (matches!(self.gap(j + 1), "–" | "-" | "—")
                    || (bullet && self.gap(j + 1) == ":"))
                && matches!(self.tokens[j].case, Case::Title | Case::Lower)
                && f & (lexicon::STOP
                    | lexicon::CALENDAR
                    | lexicon::ORG
                    | lexicon::DEPT
                    | lexicon::PLACE)
                    == 0
                && f & lexicon::FIRST != 0
                && f & lexicon::WORLD == 0
        };
        i + 1 < self.tokens.len()
            && item(i)
            && (0..self.tokens.len() - 1).any(|j| j != i && item(j))
    }

    /// "mon - priya / sam", "wed - hope + agency", "Sat: Kofi & Ama": a rota
    /// line, a weekday then the people on it.
    fn rota_name(&self, i: usize) -> bool {
        let mut start = i;
        while start > 0 && i - start < 5 {
            let raw = self
                .text
                .get(self.tokens[start - 1].end..self.tokens[start].start)
                .unwrap_or("");
            if raw.contains('\n') {
                break;
            }
            start -= 1;
        }
        if start == i
            || !(start == 0 || self.tokens[start].sentence_start || {
                let raw = self
                    .text
                    .get(self.tokens[start - 1].end..self.tokens[start].start)
                    .unwrap_or("");
                raw.contains('\n')
            })
        {
            return false;
        }
        let weekday = matches!(
            self.key(start),
            "mon"
                | "monday"
                | "tue"
                | "tues"
                | "tuesday"
                | "wed"
                | "weds"
                | "wednesday"
                | "thu"
                | "thur"
                | "thurs"
                | "thursday"
                | "fri"
                | "friday"
                | "sat"
                | "saturday"
                | "sun"
                | "sunday"
        );
        let dash = matches!(self.gap(start + 1), "-" | "–" | ":" | "—");
        let joined = (start + 2..=i).all(|j| {
            matches!(self.gap(j), "/" | "+" | "," | "&" | "")
                || matches!(self.key(j - 1), "and" | "&")
        });
        let f = self.flags[i];
        weekday
            && dash
            && joined
            // A stop-listed word is a name here only if it is a given name
            // too ("hope", "faith").
            && f & (lexicon::CALENDAR | lexicon::ORG | lexicon::DEPT) == 0
            && (f & lexicon::STOP == 0 || f & lexicon::FIRST != 0)
            && (f & lexicon::FIRST != 0 || f & lexicon::WORD == 0)
            && !matches!(self.key(i), "and" | "me" | "agency" | "off" | "tbc" | "tba" | "cover")
    }

    /// In a foreign text, what still makes a lowercase given name one:
    /// a cue in that language before it ("demandez à pascal", "grazie
    /// beppe", "franchement karim"), or a second name after it ("juan
    /// pablo torres").
    fn foreign_cue(&self, i: usize) -> bool {
        let before = i > 0
            && self.close_prev(i)
            && matches!(
                self.key(i - 1),
                // Keys are folded: "à" reads "a".
                "a" | "con"
                    | "com"
                    | "mit"
                    | "met"
                    | "avec"
                    | "franchement"
                    | "sinceramente"
                    | "demandez"
                    | "demande"
                    | "chiedi"
                    | "chiedete"
                    | "pregunta"
                    | "preguntad"
                    | "dile"
                    | "zapytaj"
                    | "merci"
                    | "grazie"
                    | "gracias"
                    | "obrigado"
                    | "obrigada"
                    | "danke"
                    | "bedankt"
                    | "dzieki"
                    | "dziekuje"
                    | "ciao"
                    | "hola"
                    | "ola"
                    | "salut"
                    | "hallo"
                    | "hoi"
                    | "czesc"
                    | "oi"
                    | "bonjour"
                    | "buongiorno"
            );
        let next_name = i + 1 < self.tokens.len()
            && self.close_prev(i + 1)
            && self.gap(i + 1).is_empty()
            && self.tokens[i + 1].case == Case::Lower
            && self.flags[i + 1] & (lexicon::FIRST | lexicon::LAST) != 0
            && self.flags[i + 1] & (lexicon::STOP | lexicon::WORD) == 0;
        // "paco dice que ...": a verb of saying after it.
        let says = i + 1 < self.tokens.len()
            && self.gap(i + 1).is_empty()
            && matches!(
                self.key(i + 1),
                "dice"
                    | "dijo"
                    | "dit"
                    | "sagt"
                    | "meint"
                    | "zegt"
                    | "diz"
                    | "disse"
                    | "mowi"
                    | "powiedzial"
                    | "powiedziala"
            );
        // "el encargado nuevo, rafa, grita": an aside between commas;
        // "tomek z utrzymania ruchu": a department after it.
        let aside = self.gap(i) == "," && self.gap(i + 1) == ",";
        before || next_name || says || aside || self.role_phrase(i + 1)
    }

    /// The last token of a listed multi-word place or not-a-person phrase
    /// that starts at token `i` ("Kuala Lumpur", "Ho Chi Minh", "Joe
    /// Bloggs"), unless a title makes it a person.
    fn fixed_phrase(&self, i: usize) -> Option<usize> {
        // "the average Joe customer": a phrase may open in lowercase.
        if !matches!(self.tokens[i].case, Case::Title | Case::Lower)
            || !FIXED_FIRSTS.contains(self.key(i))
            || !FIXED_SECONDS.contains(self.key(i + 1))
            || self.cue_before(i) == Cue::Title
        {
            return None;
        }
        let mut key = String::from(self.key(i));
        let mut found = None;
        for j in i + 1..(i + 5).min(self.tokens.len()) {
            if !matches!(self.gap(j), "" | ",") {
                break;
            }
            key.push(' ');
            key.push_str(self.key(j));
            if FIXED_PHRASES_SET.contains(key.as_str()) {
                found = Some(j);
            }
        }
        found
    }

    fn cue_before(&self, i: usize) -> Cue {
        if !self.close_prev(i) {
            return Cue::None;
        }
        let gap = self.gap(i);
        let p1 = self.key(i - 1);
        // One lookup for the word's cue classes.
        let class = CUE_CLASS.get(p1).copied().unwrap_or(0);
        if class & CUE_TITLE != 0 && matches!(gap, "" | ".") {
            // "Sr Engineer", "Mgr approval": these short titles are also
            // abbreviations, and cue only a word that could be a name.
            let weak_title = matches!(
                p1,
                "sr" | "mgr"
                    | "ing"
                    | "don"
                    | "pan"
                    | "pc"
                    | "lt"
                    | "mag"
                    | "bu"
                    | "pak"
                    | "sig"
                    | "insp"
            );
            let f = self.flags[i];
            if !weak_title || f & (lexicon::FIRST | lexicon::LAST) != 0 || f & lexicon::WORD == 0 {
                return Cue::Title;
            }
            return Cue::None;
        }
        if class & CUE_STRONG != 0 {
            // "my lead" is a cue; "lead engineer" is not (handled by case).
            return Cue::Strong;
        }
        // "Cordialement,\nAurélien", "Kind regards,\nTomasz": a sign-off,
        // then the writer's name on its own line.
        if (gap == "," || gap.is_empty())
            && class & CUE_SIGN_OFF != 0
            && self
                .text
                .get(self.tokens[i - 1].end..self.tokens[i].start)
                .is_some_and(|g| g.contains('\n'))
        {
            return Cue::Strong;
        }
        if gap == "," || gap == ":" {
            return Cue::None;
        }
        // "thank u mel", not "thank u auntie" or "thank u all".
        if (p1 == "you"
            || (matches!(p1, "u" | "ya")
                && !matches!(
                    self.key(i),
                    "auntie"
                        | "aunty"
                        | "uncle"
                        | "all"
                        | "guys"
                        | "everyone"
                        | "team"
                        | "so"
                        | "for"
                        | "bro"
                        | "sis"
                        | "mate"
                        | "both"
                        | "again"
                        | "very"
                )))
            && i >= 2
            && self.key(i - 2) == "thank"
        {
            return Cue::Strong;
        }
        if class & CUE_WEAK != 0 {
            return Cue::Weak;
        }
        if i >= 2 && self.close_prev(i - 1) {
            let p2 = self.key(i - 2);
            if p1 == "to" && TO_VERBS_SET.contains(p2) {
                return if matches!(p2, "out" | "kudos" | "thanks" | "props") {
                    Cue::Strong
                } else {
                    Cue::Weak
                };
            }
            if p1 == "with" && WITH_VERBS_SET.contains(p2) {
                return Cue::Weak;
            }
            // "Danke an Uschi", "merci à Olive", "gracias a Maripaz",
            // "grazie a Gioia", "dank aan Henk", "obrigado ao Tiago".
            // Capitalised, or in lowercase chat ("danke an steffi").
            if (self.tokens[i].case == Case::Title || !self.cased)
                && matches!(p1, "an" | "a" | "aan" | "ao")
                && matches!(
                    p2,
                    "danke"
                        | "dank"
                        | "merci"
                        | "gracias"
                        | "grazie"
                        | "bedankt"
                        | "obrigado"
                        | "obrigada"
                )
            {
                return Cue::Strong;
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
        let n = self.skip_asides(last + 1);
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
            // "ok so bex and kev did nights": in lowercase chat, two given
            // names that are no words.
            if !self.cased
                && self.tokens[last].case == Case::Lower
                && self.tokens[m].case == Case::Lower
                && self.flags[last] & lexicon::FIRST != 0
                && fm & lexicon::FIRST != 0
                && (self.flags[last] | fm) & (lexicon::WORD | lexicon::STOP | lexicon::PLACE) == 0
            {
                return true;
            }
            if self.tokens[m].case == Case::Title
                && !self.tokens[m].has_digit
                && fm & (lexicon::STOP | lexicon::ORG | lexicon::PLACE | lexicon::DEPT) == 0
                && (fm & lexicon::FIRST != 0 || fm & lexicon::WORD == 0)
            {
                return true;
            }
        }
        if matches!(k, "from" | "in" | "on" | "at") || FROM_ABROAD.contains(&k) {
            return self.role_phrase(n);
        }
        if k == "here" {
            return false;
        }
        // "Rukhsana, the only Urdu-speaking nurse on the unit, ...": an
        // appositive that singles a person out.
        if self.singled_out_after(last) {
            return true;
        }
        FOLLOW_CUES_SET.contains(k)
    }

    /// "Kalle, unser einziger Schweißer", "Beppe, l'unico in ufficio",
    /// "Mathilde, la nouvelle alternante", "Rukhsana, the only Urdu-speaking
    /// nurse": an appositive after token `last` that singles a person out.
    fn singled_out_after(&self, last: usize) -> bool {
        let n = last + 1;
        if n >= self.tokens.len() {
            return false;
        }
        let k = self.key(n);
        let singling = |k: &str| {
            matches!(
                k,
                "only"
                    | "newest"
                    | "oldest"
                    | "youngest"
                    | "einzige"
                    | "einziger"
                    | "einzigen"
                    | "seul"
                    | "seule"
                    | "unico"
                    | "unica"
                    | "l'unico"
                    | "l'unica"
                    | "enige"
                    | "jedyny"
                    | "jedyna"
                    | "nouvelle"
                    | "nouveau"
                    | "nuevo"
                    | "nueva"
                    | "nuovo"
                    | "nuova"
                    | "neue"
                    | "neuer"
                    | "nieuwe"
            ) || k.starts_with("najmlodsz")
                || k.starts_with("najstarsz")
        };
        self.gap(n) == ","
            && (singling(k)
                || (matches!(
                    k,
                    "the" | "our" | "unser" | "unsere" | "notre" | "la" | "le" | "il" | "el" | "de"
                ) && n + 1 < self.tokens.len()
                    && singling(self.key(n + 1))))
    }

    /// The first token from `n` on that is not an aside ("however", "on the
    /// other hand", "just"); `n` itself when there is none.
    fn skip_asides(&self, n: usize) -> usize {
        let len = self.tokens.len();
        let mut j = n;
        let mut skipped = 0;
        while j < len && skipped < 3 && self.close_prev(j) {
            let k = self.key(j);
            if k == "on"
                && j + 3 < len
                && self.key(j + 1) == "the"
                && self.key(j + 2) == "other"
                && self.key(j + 3) == "hand"
            {
                j += 4;
            } else if ASIDES_SET.contains(k) && self.tokens[j].case == Case::Lower {
                j += 1;
            } else {
                break;
            }
            skipped += 1;
        }
        if j < len && self.close_prev(j) {
            j
        } else {
            n
        }
    }

    /// Particles ("de", "van der") from token `n`, then a capitalised
    /// name-like word: "Liesbeth de Wit". Returns the name token.
    fn particles_then_name(&self, n: usize, case: Case) -> Option<usize> {
        let len = self.tokens.len();
        let mut k = n;
        while k < len
            && k < n + 3
            && self.is_particle(k)
            && self.close_prev(k)
            && self.gap(k).is_empty()
        {
            k += 1;
        }
        (k > n && k < len && self.gap(k).is_empty() && self.surname_after_particle(k, case))
            .then_some(k)
    }

    /// A capitalised word after particles is a surname even when it is
    /// also an everyday word: "de Wit", "van der Berg".
    fn surname_after_particle(&self, k: usize, case: Case) -> bool {
        let f = self.flags[k];
        self.continues_name(k, case)
            || (case == Case::Title
                && self.tokens[k].case == Case::Title
                && !self.tokens[k].has_digit
                && self.close_prev(k)
                && !matches!(self.gap(k), "," | ":")
                && f & (lexicon::STOP | lexicon::ORG | lexicon::DEPT | lexicon::PLACE) == 0)
    }

    /// The first of the lowercase particles right before token `i` when
    /// they open a surname ("van der" in "I think van der Berg ...").
    fn particle_start(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j > 0
            && i - j < 3
            && self.close_prev(j)
            && self.gap(j).is_empty()
            && self.tokens[j - 1].case == Case::Lower
            && self.is_particle(j - 1)
        {
            j -= 1;
        }
        (j < i && SURNAME_OPENERS.contains(&self.key(j))).then_some(j)
    }

    /// "the Julia notebooks", "Podman images": a lowercase tool or product
    /// noun right after token `i`.
    fn tool_noun_after(&self, i: usize) -> bool {
        let n = i + 1;
        n < self.tokens.len()
            && self.close_prev(n)
            && self.gap(n).is_empty()
            && (self.tokens[n].case == Case::Lower || self.key(n) == "ai")
            && TOOL_NOUNS_SET.contains(self.key(n))
            && !self.text[self.tokens[i].end..].starts_with('\'')
            && !self.text[self.tokens[i].end..].starts_with('\u{2019}')
    }

    /// "from recruiting", "in the events team", "on the front desk": a
    /// preposition at token `n` introducing a department or a group.
    fn role_phrase(&self, n: usize) -> bool {
        // French "à l'accueil": "à" only as written (folded it is "a").
        let french_at = n < self.tokens.len()
            && matches!(
                &self.text[self.tokens[n].start..self.tokens[n].end],
                "à" | "au"
            );
        if n >= self.tokens.len()
            || !(matches!(self.key(n), "from" | "in" | "on" | "at")
                || FROM_ABROAD.contains(&self.key(n))
                || french_at)
        {
            return false;
        }
        let mut m = n + 1;
        if m < self.tokens.len()
            && matches!(
                self.key(m),
                "the"
                    | "our"
                    | "my"
                    | "their"
                    | "der"
                    | "dem"
                    | "de"
                    | "het"
                    | "la"
                    | "le"
                    | "les"
                    | "el"
            )
        {
            m += 1;
        }
        if m >= self.tokens.len() || !self.close_prev(m) || self.tokens[m].has_digit {
            return false;
        }
        // "à l'accueil": the article elided into the department.
        let elided_dept = self
            .key(m)
            .strip_prefix("l'")
            .is_some_and(|d| LEXICON.flags(d) & lexicon::DEPT != 0);
        if self.key(n) != "at" && (self.flags[m] & lexicon::DEPT != 0 || elided_dept) {
            return true;
        }
        // "from the agency", "Kit from the kit room": a group or a
        // workplace right after.
        if self.key(n) == "from"
            && self.tokens[m].case == Case::Lower
            && (GROUP_NOUNS_SET.contains(self.key(m)) || FACILITIES_SET.contains(self.key(m)))
        {
            return true;
        }
        // One or two modifiers, then a group noun: "the events team".
        let mut j = m + 1;
        while j < self.tokens.len() && j <= m + 2 {
            if !self.close_prev(j) || !self.gap(j).is_empty() || self.tokens[j].has_digit {
                return false;
            }
            // A workplace only after lowercase words: "from the kit room",
            // not "Ping from the Johannesburg branch".
            // "Hendry on the Bellshill trunk", "gaz in the linen room",
            // "Ionuț on the reach trucks": a work spot.
            let spot = matches!(self.key(n), "on" | "in")
                && (WORK_SPOTS.contains(&self.key(j)) || FACILITIES_SET.contains(self.key(j)))
                && self.tokens[j].case == Case::Lower;
            if GROUP_NOUNS_SET.contains(self.key(j))
                || spot
                || (self.key(n) == "from"
                    && (m..=j).all(|x| self.tokens[x].case == Case::Lower)
                    && FACILITIES_SET.contains(self.key(j)))
            {
                return true;
            }
            j += 1;
        }
        false
    }

    /// A word that is also a name ("Will", "joy", "bill", "rose") is a name
    /// where it stands as a subject or an object with a person's context:
    /// "Will from facilities", "joy on reception", "Joy in Finance", "rose
    /// and amira", "will and i". Not after a determiner or a verb ("no joy
    /// in finance", "lost hope in HR").
    fn homograph_evidence(&self, i: usize) -> bool {
        self.homograph_evidence_at(i, true)
    }

    /// See [`Ctx::homograph_evidence`]; `coordinate` allows one step to the
    /// other name of "X and Y" (one step only: no chain over a long list).
    fn homograph_evidence_at(&self, i: usize, coordinate: bool) -> bool {
        // "in", "an", "so": function words are never this kind of name.
        if dominant_function_word(self.key(i)) {
            return false;
        }
        // "Morning Joy!", "hi bill if ur reading this": a greeting that
        // opens the text or a sentence names whom it greets.
        if i > 0
            && self.close_prev(i)
            && (i == 1 || self.tokens[i - 1].sentence_start)
            && matches!(
                self.key(i - 1),
                "hi" | "hey" | "hello" | "hiya" | "morning" | "evening" | "afternoon" | "dear"
            )
        {
            return true;
        }
        let free = self.tokens[i].sentence_start
            || matches!(self.gap(i), "," | "(")
            || self.adverb_before(i)
            || (i > 0
                && self.close_prev(i)
                && matches!(
                    self.key(i - 1),
                    "and"
                        // "I wish Patience was still on our unit", "because
                        // Grant signed it": a subject after a conjunction.
                        | "wish"
                        | "miss"
                        | "because"
                        | "cos"
                        | "since"
                        | "when"
                        | "unless"
                        | "think"
                        | "heard"
                        | "us"
                        | "say"
                        | "to"
                        | "with"
                        | "ask"
                        | "tell"
                        | "thanks"
                        | "thank"
                        | "congrats"
                        | "congratulations"
                        | "than"
                        | "cc"
                        | "ping"
                        | "told"
                        | "asked"
                        | "can"
                        | "could"
                        | "would"
                        | "did"
                ));
        let n = i + 1;
        // "Faith (our team lead) agrees", "Lily (E-10442) did my
        // timesheet": an aside about the person or their id.
        if n < self.tokens.len()
            && (free || self.tokens[i].case == Case::Title)
            && self.gap(n) == "("
            && (matches!(self.key(n), "our" | "my" | "she" | "he" | "her" | "his")
                // "Rusty (the only fitter who ...)".
                || (self.key(n) == "the" && matches!(self.key(n + 1), "only" | "one"))
                // "Joy (breakfast supervisor, Manila Bay hotel)": a role.
                || (n..(n + 3).min(self.tokens.len())).any(|m| {
                    matches!(
                        self.key(m),
                        "supervisor"
                            | "manager"
                            | "lead"
                            | "nurse"
                            | "chef"
                            | "cook"
                            | "porter"
                            | "cleaner"
                            | "driver"
                            | "receptionist"
                            | "cashier"
                            | "agent"
                            | "assistant"
                            | "coordinator"
                    )
                })
                || (self.tokens[n].has_digit
                    && self
                        .text
                        .get(self.tokens[n].end..)
                        .is_some_and(|r| r.starts_with(')'))))
        {
            return true;
        }
        if n >= self.tokens.len() || !self.close_prev(n) {
            return false;
        }
        // "Lance, if you're reading this": a name the text speaks to.
        if self.tokens[i].sentence_start
            && self.gap(n) == ","
            && (n..(n + 3).min(self.tokens.len())).any(|m| {
                matches!(
                    self.key(m),
                    "you" | "you're" | "youre" | "your" | "u" | "ur"
                )
            })
        {
            return true;
        }
        // "why Hope, who has been acting team leader ...": only a person
        // is a "who".
        if matches!(self.gap(n), "," | "") && self.key(n) == "who" && (free || self.gap(n) == ",") {
            // "Dolly who does the canteen cleaning": "who" right after, too.
            return true;
        }
        // "Mercedes, de nóminas en Valencia, ...", "Rose, à l'accueil du
        // site": a department set off after the name.
        if free && self.gap(n) == "," && self.role_phrase(n) {
            return true;
        }
        if !free || !self.gap(n).is_empty() {
            return false;
        }
        let workplace_after = |from: usize| {
            (from..(from + 4).min(self.tokens.len())).any(|j| {
                self.close_prev(j)
                    && (FACILITIES_SET.contains(self.key(j))
                        || GROUP_NOUNS_SET.contains(self.key(j))
                        || matches!(
                            self.key(j),
                            "counter"
                                | "till"
                                | "tills"
                                | "bar"
                                | "gate"
                                | "door"
                                | "dock"
                                | "reception"
                        ))
            })
        };
        // "Joy is leaving and there's been no card", "Faith was absent
        // all week": what only a person is.
        if matches!(self.key(n), "is" | "was")
            && n + 1 < self.tokens.len()
            && self.close_prev(n + 1)
            && self.gap(n + 1).is_empty()
            && matches!(
                self.key(n + 1),
                "leaving"
                    | "retiring"
                    | "pregnant"
                    | "covering"
                    | "joining"
                    | "absent"
                    | "promoted"
                    | "sacked"
                    | "fired"
                    | "hired"
            )
        {
            return true;
        }
        match self.key(n) {
            // "Chip from IT is a legend".
            "from"
                if self.key(n + 1) == "it"
                    && self
                        .tokens
                        .get(n + 1)
                        .is_some_and(|t| t.case == Case::Upper) =>
            {
                true
            }
            "from" => self.role_phrase(n),
            k if FROM_ABROAD.contains(&k) => self.role_phrase(n),
            // "in Finance", "on reception": a department right after; "on
            // the postnatal unit": a workplace.
            "in" | "on" => {
                (n + 1 < self.tokens.len()
                    && self.close_prev(n + 1)
                    && (self.flags[n + 1] & lexicon::DEPT != 0
                        // "Hope on reception", "Joy on tills".
                        || (self.key(n) == "on"
                            && (WORK_SPOTS.contains(&self.key(n + 1))
                                || matches!(self.key(n + 1), "reception" | "security" | "nights")))))
                    || (self.key(n) == "on" && self.key(n + 1) == "the" && workplace_after(n + 2))
                    // "Blessing in the Ikeja store": a workplace, not a team
                    // ("Hope in the team" stays a word).
                    || (self.key(n) == "in"
                        && self.flags[i] & lexicon::ORG == 0
                        && self.key(n + 1) == "the"
                        && (n + 2..(n + 5).min(self.tokens.len())).any(|j| {
                            self.close_prev(j)
                                && self.tokens[j].case == Case::Lower
                                && FACILITIES_SET.contains(self.key(j))
                        }))
            }
            // "at the pharmacy counter", "Paddy behind the bar": a
            // workplace or a team right after.
            "at" | "behind" => workplace_after(n + 1),
            // "Joy was told she couldn't ...", "Blessing has covered the
            // night desk ... when she asked": in a subject's place (see
            // `free`), a verb, then "she" or "he" within thirty tokens.
            // "Mark marked my appraisal ... while he was off": any verb in
            // the past or the third person.
            verb if matches!(
                verb,
                "was"
                    | "is"
                    | "has"
                    | "had"
                    | "got"
                    | "gets"
                    | "did"
                    | "does"
                    | "said"
                    | "told"
                    | "asked"
                    | "kept"
                    | "keeps"
                    // Irregular pasts: "grace paid for everyone out of her
                    // own pocket".
                    | "paid"
                    | "sent"
                    | "gave"
                    | "made"
                    | "took"
                    | "left"
                    | "went"
                    | "came"
                    | "ran"
                    | "brought"
                    | "bought"
                    | "found"
                    | "stood"
                    | "wrote"
            ) || (self.tokens[n].case == Case::Lower
                && self.flags[n] & lexicon::WORD != 0
                && verb.len() >= 4
                && verb.ends_with("ed"))
                || matches!(
                    verb,
                    "brings"
                        | "makes"
                        | "takes"
                        | "helps"
                        | "works"
                        | "runs"
                        | "goes"
                        | "says"
                        | "knows"
                        | "covers"
                        | "handles"
                        | "sorts"
                        | "deals"
                        | "fixes"
                        | "gives"
                        | "puts"
                        | "leads"
                        | "manages"
                ) =>
            {
                (n + 1..(n + 30).min(self.tokens.len()))
                    .any(|m| matches!(self.key(m), "she" | "he" | "her" | "him" | "his"))
            }
            "and" | "&" | "y" | "e" | "et" | "und" | "en" | "i" => {
                let m = n + 1;
                // "Grace and Joy on the postnatal unit": the second name's
                // context serves both.
                m < self.tokens.len()
                    && ((self.key(m) == "i" && self.tokens[i].sentence_start)
                        || (self.flags[m] & lexicon::FIRST != 0
                            && self.flags[m]
                                & (lexicon::WORD
                                    | lexicon::STOP
                                    | lexicon::PLACE
                                    | lexicon::ORG
                                    | lexicon::DEPT)
                                == 0)
                        || (coordinate
                            && self.flags[m] & lexicon::FIRST != 0
                            && self.homograph_evidence_at(m, false)))
            }
            _ => false,
        }
    }

    /// A lowercase-friendly verb after token `last`: a follow cue, or a
    /// dictionary word in the past tense ("carried", "pulled").
    fn verb_after(&self, last: usize) -> bool {
        let n = last + 1;
        if n >= self.tokens.len() || !self.close_prev(n) || !self.gap(n).is_empty() {
            return false;
        }
        let k = self.key(n);
        FOLLOW_CUES_SET.contains(k)
            || (self.tokens[n].case == Case::Lower
                && k.len() >= 5
                && k.ends_with("ed")
                && self.flags[n] & lexicon::WORD != 0)
    }

    /// "Tormod was blamed in front of the whole team ... him", "Somchai
    /// is the best supervisor I've had": an unlisted word opening its
    /// sentence as the subject of what only people do or are.
    fn person_subject(&self, i: usize) -> bool {
        let n = i + 1;
        if !self.tokens[i].sentence_start || n + 1 >= self.tokens.len() || !self.gap(n).is_empty() {
            return false;
        }
        let verb = self.key(n);
        let next = self.key(n + 1);
        // "is the best supervisor", "was our night nurse": a person's role.
        let role = |k: &str| {
            [
                "supervisor",
                "manager",
                "nurse",
                "driver",
                "engineer",
                "lead",
                "boss",
                "colleague",
                "cleaner",
                "chef",
                "cook",
                "trainer",
                "mentor",
                "teacher",
                "guard",
                "porter",
                "technician",
                "agent",
                "operator",
                "worker",
                "carer",
                "doctor",
                "receptionist",
                "coordinator",
                "assistant",
                "person",
                "guy",
                "woman",
                "man",
                "lady",
                "girl",
            ]
            .contains(&k)
        };
        if matches!(verb, "is" | "was")
            && matches!(next, "the" | "a" | "an" | "our" | "my")
            && (n + 2..(n + 5).min(self.tokens.len())).any(|m| role(self.key(m)))
        {
            return true;
        }
        let acted = (matches!(verb, "was" | "is" | "has" | "had" | "got" | "gets" | "keeps")
            && (next.ends_with("ed")
                || matches!(next, "been" | "told" | "sent" | "left" | "given" | "made" | "put")))
            // "Iosefa showed me his payslip".
            || (verb.len() >= 5
                && verb.ends_with("ed")
                && self.tokens[n].case == Case::Lower
                && self.flags[n] & lexicon::WORD != 0);
        acted
            && (n + 1..(n + 30).min(self.tokens.len()))
                .any(|m| matches!(self.key(m), "she" | "he" | "her" | "him" | "his"))
    }

    /// Token `i` follows a sentence adverb that opens its sentence:
    /// "honestly wei ...", "and frankly raj ...".
    fn adverb_before(&self, i: usize) -> bool {
        if i == 0 || !self.close_prev(i) || !matches!(self.gap(i), "" | ",") {
            return false;
        }
        let a = i - 1;
        SENTENCE_ADVERBS_SET.contains(self.key(a))
            && (self.tokens[a].sentence_start
                || (a > 0 && matches!(self.key(a - 1), "and" | "but" | "so" | "oh" | "ok")))
    }

    /// "the Jackson warehouse", "our Franklin depot": a name-like word used
    /// as the name of a site.
    fn names_a_site(&self, i: usize) -> bool {
        let n = i + 1;
        // Quotes may wrap the name: the "Victoria" room.
        let quotes = |g: &str| {
            g.chars().all(|c| {
                matches!(
                    c,
                    '"' | '\'' | '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}'
                )
            })
        };
        i > 0
            && quotes(self.gap(i))
            && matches!(
                self.key(i - 1),
                "the" | "our" | "their" | "a" | "that" | "this"
            )
            && n < self.tokens.len()
            && quotes(self.gap(n))
            && (FACILITIES_SET.contains(self.key(n))
                || (self.tokens[n].case == Case::Lower
                    && n + 1 < self.tokens.len()
                    && self.close_prev(n + 1)
                    && self.gap(n + 1).is_empty()
                    && FACILITIES_SET.contains(self.key(n + 1))))
    }

    /// A facility noun right after token `last`, with only a space between:
    /// "Nightingale ward" (not "Smith's office").
    fn names_a_facility_after(&self, last: usize) -> bool {
        let n = last + 1;
        // "Murphy's law", "Parkinson's", "Caesar wraps": an eponym.
        const EPONYMS: &[&str] = &[
            "law",
            "laws",
            "disease",
            "syndrome",
            "manoeuvre",
            "maneuver",
            "salad",
            "wrap",
            "wraps",
            "equation",
            "equations",
            "principle",
            "effect",
            "scale",
            "theorem",
        ];
        if n < self.tokens.len()
            && self.tokens[n].case == Case::Lower
            && EPONYMS.contains(&self.key(n))
            && self
                .text
                .get(self.tokens[last].end..self.tokens[n].start)
                .is_some_and(|g| matches!(g, " " | "'s " | "\u{2019}s " | "' "))
        {
            return true;
        }
        // "the Kettering DC", "Hamilton DC": a distribution centre.
        if n < self.tokens.len()
            && self.tokens[n].case == Case::Upper
            && matches!(self.key(n), "dc" | "rdc" | "ndc" | "hq")
            && self
                .text
                .get(self.tokens[last].end..self.tokens[n].start)
                .is_some_and(|g| g == " ")
        {
            return true;
        }
        // "the Harlow run", "the Westgate route": a round named after a
        // place, after "the".
        if n < self.tokens.len()
            && last > 0
            && matches!(self.key(last - 1), "the" | "our" | "my")
            && self.tokens[n].case == Case::Lower
            && matches!(
                self.key(n),
                "run" | "runs" | "round" | "rounds" | "route" | "routes" | "shuttle" | "loop"
            )
        {
            return true;
        }
        n < self.tokens.len()
            && matches!(self.tokens[n].case, Case::Lower | Case::Title)
            && self
                .text
                .get(self.tokens[last].end..self.tokens[n].start)
                .is_some_and(|g| g == " ")
            && (FACILITIES_SET.contains(self.key(n))
                || matches!(self.key(n), "highway" | "unit" | "lane" | "drive" | "way"))
    }

    /// "Kendal, Penrith and Carlisle stores", "the Victoria and Albert
    /// wings": a facility noun after a list of capitalised words makes
    /// every word of the list a site.
    fn names_facilities_after_list(&self, last: usize) -> bool {
        let len = self.tokens.len();
        let mut cur = last;
        let mut items = 0;
        // Only a list with its "and": "Mathieu Lefebvre, Montréal office"
        // is a person and their office.
        let mut joined = false;
        while cur + 1 < len && items < 4 {
            let j = cur + 1;
            if self.gap(j) == "," && self.tokens[j].case == Case::Title {
                cur = j;
                items += 1;
                continue;
            }
            if self.gap(j).is_empty()
                && matches!(
                    self.key(j),
                    "and" | "&" | "e" | "y" | "und" | "et" | "en" | "i"
                )
                && j + 1 < len
                && self.gap(j + 1).is_empty()
                && self.tokens[j + 1].case == Case::Title
            {
                cur = j + 1;
                joined = true;
            }
            break;
        }
        joined && self.names_a_facility_after(cur)
    }

    /// Token `i` stands in a list of single words ("A, B and C", joined by
    /// an "and") with a town or a place that is no given name.
    fn listed_with_a_place(&self, i: usize) -> bool {
        let len = self.tokens.len();
        let is_and = |k: usize| {
            matches!(
                self.key(k),
                "and" | "&" | "or" | "e" | "y" | "et" | "und" | "en" | "i"
            )
        };
        // One capitalised word alone: "Emre Yıldız and Ayşe" holds a name
        // of two words, "Tullamarine, Brendan O'Sullivan" an appositive.
        let single = |k: usize| {
            self.tokens[k].case == Case::Title
                && !(k > 0 && self.gap(k).is_empty() && self.tokens[k - 1].case == Case::Title)
                && !(k + 1 < len
                    && self.gap(k + 1).is_empty()
                    && self.tokens[k + 1].case == Case::Title)
        };
        let place = |k: usize| {
            let f = self.flags[k];
            f & (lexicon::PLACE | lexicon::TOWN) != 0 && f & lexicon::FIRST == 0
        };
        if !single(i) {
            return false;
        }
        let (mut found, mut joined) = (false, false);
        // Walk right: ", X" or "and X".
        let mut k = i;
        for _ in 0..4 {
            let (next, and) = if k + 1 < len && self.gap(k + 1) == "," {
                (k + 1, false)
            } else if k + 2 < len
                && self.gap(k + 1).is_empty()
                && is_and(k + 1)
                && self.gap(k + 2).is_empty()
            {
                (k + 2, true)
            } else {
                break;
            };
            if !single(next) {
                break;
            }
            joined |= and;
            found |= place(next);
            k = next;
            if and {
                break;
            }
        }
        // Walk left.
        let mut k = i;
        for _ in 0..4 {
            let (prev, and) = if k >= 1 && self.gap(k) == "," {
                (k - 1, false)
            } else if k >= 2
                && self.gap(k).is_empty()
                && is_and(k - 1)
                && self.gap(k - 1).is_empty()
            {
                (k - 2, true)
            } else {
                break;
            };
            if !single(prev) {
                break;
            }
            joined |= and;
            found |= place(prev);
            k = prev;
        }
        found && joined
    }

    /// Token `i` opens or stands in a list of single capitalised names
    /// ("Brooks, Wood and Mason from the night crew", "Fisher and
    /// Wainwright have been running ...") that a person's context follows:
    /// surnames that are also words are people there.
    fn listed_people(&self, i: usize) -> bool {
        let len = self.tokens.len();
        let person_like = |k: usize| {
            let f = self.flags[k];
            self.tokens[k].case == Case::Title
                && f & (lexicon::FIRST | lexicon::LAST) != 0
                && f & (lexicon::PLACE
                    | lexicon::TOWN
                    | lexicon::ORG
                    | lexicon::DEPT
                    | lexicon::CALENDAR)
                    == 0
                && !(k + 1 < len
                    && self.gap(k + 1).is_empty()
                    && self.tokens[k + 1].case == Case::Title)
        };
        if !person_like(i) {
            return false;
        }
        // Back to the list's first item.
        let mut first = i;
        while first >= 2
            && ((self.gap(first) == "," && person_like(first - 1))
                || (self.gap(first).is_empty()
                    && self.key(first - 1) == "and"
                    && person_like(first - 2)))
        {
            first -= if self.gap(first) == "," { 1 } else { 2 };
        }
        // Forward to its last item.
        let (mut last, mut items, mut joined) = (first, 1, false);
        loop {
            if last + 1 < len && self.gap(last + 1) == "," && person_like(last + 1) {
                last += 1;
                items += 1;
            } else if last + 2 < len
                && self.gap(last + 1).is_empty()
                && self.key(last + 1) == "and"
                && person_like(last + 2)
            {
                last += 2;
                items += 1;
                joined = true;
                break;
            } else {
                break;
            }
        }
        let n = last + 1;
        joined
            && items >= 2
            && n < len
            && (self.role_phrase(n)
                || (matches!(self.key(n), "have" | "were") && self.gap(n).is_empty()))
    }

    /// "El sistema Atenea", "l'aula Fermi", "Budynek Kopernik", "In het
    /// gebouw De Brug", "Team Sterling": a noun that names the system,
    /// room, building or team after it.
    fn named_thing_before(&self, i: usize) -> bool {
        if i == 0 || !self.close_prev(i) || !self.gap(i).is_empty() {
            return false;
        }
        let p = self.key(i - 1);
        let p = p.strip_prefix("l'").unwrap_or(p);
        matches!(
            p,
            "system"
                | "sistema"
                | "systeem"
                | "systeme"
                | "aula"
                | "sala"
                | "salle"
                | "gebouw"
                | "budynek"
                | "edificio"
                | "batiment"
                | "gebaude"
        ) || (p == "team" && self.tokens[i - 1].case == Case::Title)
    }

    /// A place preposition right before token `i`: "at", "in", "near", or a
    /// Romance, German or Polish one ("de", "nach", "w"). Not "a"/"à":
    /// Spanish and French thank a person with it ("Gracias a Maripaz").
    fn place_before(&self, i: usize) -> bool {
        i > 0
            && self.close_prev(i)
            && self.gap(i).is_empty()
            && self.tokens[i - 1].case == Case::Lower
            && matches!(
                self.key(i - 1),
                "at" | "in"
                    | "near"
                    | "de"
                    | "en"
                    | "di"
                    | "da"
                    | "em"
                    | "do"
                    | "no"
                    | "na"
                    | "dans"
                    | "nach"
                    | "aus"
                    | "bei"
                    | "w"
                    | "we"
                    | "z"
                    | "ze"
                    | "nel"
                    | "nello"
                    | "del"
                    | "della"
                    | "dello"
            )
            || self.moved_to(i)
    }

    /// "moved to Solna", "went back to Dandenong", "arrivent encore à
    /// Villeurbanne", "ging nog naar Diemen": a motion verb and a
    /// preposition of direction.
    fn moved_to(&self, i: usize) -> bool {
        // "I've moved from Kasarani", "the bus from Khayelitsha".
        const FROM_TRAVEL: &[&str] = &[
            "moved",
            "relocated",
            "transferred",
            "bus",
            "buses",
            "train",
            "trains",
            "commute",
            "commuting",
            "drive",
            "driving",
            "travel",
            "travelling",
            "traveling",
            "shuttle",
            "ferry",
            "flight",
            "flights",
        ];
        if i >= 2
            && self.close_prev(i)
            && self.close_prev(i - 1)
            && self.key(i - 1) == "from"
            && FROM_TRAVEL.contains(&self.key(i - 2))
        {
            return true;
        }
        const MOTION: &[&str] = &[
            "moved",
            "move",
            "went",
            "back",
            "relocated",
            "relocating",
            "shipped",
            "posted",
            "transferred",
            "returned",
            "parti",
            "partie",
            "arrivent",
            "arrive",
            "envoye",
            "envoyee",
            "encore",
            "ging",
            "gaat",
            "verhuisd",
            "nog",
            "fue",
            "enviado",
            "mandato",
            "spedito",
        ];
        i >= 2
            && self.close_prev(i)
            && self.close_prev(i - 1)
            && matches!(self.key(i - 1), "to" | "naar" | "nach" | "in")
            && MOTION.contains(&self.key(i - 2))
    }

    /// Tokens `i..=last` spell a company named after people ("Morgan
    /// Stanley", "Wells Fargo").
    fn is_company(&self, i: usize, last: usize) -> bool {
        // Every listed company is two words, maybe joined by "&" ("Marks &
        // Spencer", "Johnson & Johnson"), which no name crosses.
        let pair = |a: usize, b: usize| {
            COMPANIES
                .iter()
                .any(|c| c.split_once(' ') == Some((self.key(a), self.key(b))))
        };
        (last == i + 1 && pair(i, last))
            || (last == i
                && i + 1 < self.tokens.len()
                && matches!(self.gap(i + 1), "&" | "")
                && pair(i, i + 1))
            || (last == i && i > 0 && self.gap(i) == "&" && pair(i - 1, i))
    }

    /// A product or tool right next to token `i` in a list or a compound:
    /// "Ruby on Rails", "Ruby and Python", "Python, Ruby".
    fn next_to_product(&self, i: usize) -> bool {
        let org = |j: usize| self.flags[j] & lexicon::ORG != 0;
        let n = i + 1;
        if n + 1 < self.tokens.len()
            && self.close_prev(n)
            && matches!(self.key(n), "on" | "and" | "or" | "with")
            && self.close_prev(n + 1)
            && org(n + 1)
        {
            return true;
        }
        if n < self.tokens.len() && matches!(self.gap(n), "," | "/") && org(n) {
            return true;
        }
        if i >= 2
            && self.close_prev(i)
            && matches!(self.key(i - 1), "and" | "or")
            && self.close_prev(i - 1)
            && org(i - 2)
        {
            return true;
        }
        i >= 1 && matches!(self.gap(i), "," | "/") && org(i - 1)
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
        // A name does not run over a line break ("Para: Equipo Almacén
        // Querétaro\nAsunto: ...").
        if self
            .text
            .get(self.tokens[i - 1].end..t.start)
            .is_some_and(|g| g.contains('\n'))
        {
            return false;
        }
        // "we Wrocławiu. Dojazd ...": a period ends the name unless it
        // closes an initial, a short abbreviation or a title ("J.
        // Alvarez", "Ma. Luisa", "Dr. Okafor").
        if self.gap(i) == "."
            && self.key(i - 1).chars().count() > 2
            && !TITLES_SET.contains(self.key(i - 1))
            // "Mohd. Faizan Qureshi": Malay abbreviations of Muhammad.
            && !matches!(self.key(i - 1), "mohd" | "muhd" | "mhd")
        {
            return false;
        }
        // "Anh Thư": a Vietnamese syllable with its tone mark is a name's,
        // whatever its folded key ("thu") means in English.
        if case == Case::Title
            && t.case == Case::Title
            && !self.text[t.start..t.end].is_ascii()
            && self.text[t.start..t.end].chars().any(|c| {
                matches!(c, 'ư' | 'ơ' | 'Ư' | 'Ơ' | 'ă' | 'Ă')
                    || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
            })
        {
            return true;
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
            // "Khalid al-Masri": an Arabic article joined to the surname.
            Case::Title => {
                (t.case == Case::Title && name_like)
                    || (t.case == Case::Other
                        && ["al-", "el-"].iter().any(|a| {
                            self.text[t.start..t.end].starts_with(a)
                                && self.text[t.start + 3..t.end].starts_with(char::is_uppercase)
                        }))
            }
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

/// The word lists looked up per token, as hash sets.
static TITLES_SET: LazyLock<WordSet> = LazyLock::new(|| TITLES.iter().copied().collect());
const CUE_TITLE: u8 = 1;
const CUE_STRONG: u8 = 1 << 1;
const CUE_SIGN_OFF: u8 = 1 << 2;
const CUE_WEAK: u8 = 1 << 3;
/// The cue classes of a word (titles, strong and weak cues, sign-offs), so
/// that `Ctx::cue_before` looks a word up once.
static CUE_CLASS: LazyLock<
    std::collections::HashMap<&'static str, u8, std::hash::BuildHasherDefault<lexicon::WordHasher>>,
> = LazyLock::new(|| {
    let mut map = std::collections::HashMap::default();
    for (list, class) in [
        (TITLES, CUE_TITLE),
        (STRONG_CUES, CUE_STRONG),
        (super::SIGN_OFF_WORDS, CUE_SIGN_OFF),
        (WEAK_CUES, CUE_WEAK),
    ] {
        for w in list {
            *map.entry(*w).or_insert(0) |= class;
        }
    }
    map
});
static FOLLOW_CUES_SET: LazyLock<WordSet> = LazyLock::new(|| FOLLOW_CUES.iter().copied().collect());
static FACILITIES_SET: LazyLock<WordSet> = LazyLock::new(|| FACILITIES.iter().copied().collect());
static TOOL_NOUNS_SET: LazyLock<WordSet> = LazyLock::new(|| TOOL_NOUNS.iter().copied().collect());
static TO_VERBS_SET: LazyLock<WordSet> = LazyLock::new(|| TO_VERBS.iter().copied().collect());
static WITH_VERBS_SET: LazyLock<WordSet> = LazyLock::new(|| WITH_VERBS.iter().copied().collect());
static PLACE_FOLLOWERS_SET: LazyLock<WordSet> =
    LazyLock::new(|| PLACE_FOLLOWERS.iter().copied().collect());
static GROUP_NOUNS_SET: LazyLock<WordSet> = LazyLock::new(|| GROUP_NOUNS.iter().copied().collect());
static PERSON_VERBS_SET: LazyLock<WordSet> =
    LazyLock::new(|| PERSON_VERBS.iter().copied().collect());
static SENTENCE_ADVERBS_SET: LazyLock<WordSet> =
    LazyLock::new(|| SENTENCE_ADVERBS.iter().copied().collect());
static ASIDES_SET: LazyLock<WordSet> = LazyLock::new(|| ASIDES.iter().copied().collect());

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
    // "the robot called Bob ... Bob keeps jamming": a thing's name, every
    // time it appears.
    let mut thing_names: Vec<&str> = Vec::new();
    for j in 1..n {
        let after_thing = |k: usize| NAMED_THINGS_SET.contains(cx.key(k));
        // "The new automated till voice is called "Sam"", "the robot vacuum
        // on the third floor is named "Roomba Rita"": a thing a few words
        // before, in the same sentence.
        let named = matches!(cx.key(j - 1), "called" | "named" | "nicknamed" | "dubbed")
            && (j.saturating_sub(7)..j - 1)
                .any(|k| after_thing(k) && (k + 1..j).all(|m| !cx.tokens[m].sentence_start));
        // "the "wellness" chatbot Sunny".
        let apposed = cx.tokens[j].case == Case::Title
            && after_thing(j - 1)
            && cx.key(j - 1) != "van"
            && cx.text.get(cx.tokens[j - 1].end..cx.tokens[j].start) == Some(" ");
        if (named || apposed) && matches!(cx.tokens[j].case, Case::Title | Case::Upper) {
            thing_names.push(cx.key(j));
            // "Roomba Rita": the name's second word too.
            if j + 1 < n && cx.gap(j + 1).is_empty() && cx.tokens[j + 1].case == Case::Title {
                thing_names.push(cx.key(j + 1));
            }
        }
    }
    named_by_email(text, out);
    // Index of the token after the last accepted name, for "X and Y" lists.
    let mut last_name_end: Option<usize> = None;
    let mut i = 0;
    while i < n {
        if let Some(end) = cx.fixed_phrase(i) {
            last_name_end = None;
            i = end + 1;
            continue;
        }
        if thing_names.contains(&cx.key(i)) && cx.cue_before(i) != Cue::Title {
            last_name_end = None;
            i += 1;
            continue;
        }
        match judge(&cx, i, last_name_end) {
            // "Florence Nightingale ward", "the Alan Turing building": a
            // person's name naming a place.
            Some((end_tok, _, _))
                if cx.cue_before(i) != Cue::Title
                    && (cx.names_a_facility_after(end_tok)
                        || cx.names_facilities_after_list(end_tok)
                        || cx.is_company(i, end_tok)
                        || (end_tok > i
                            && cx.tokens[end_tok].case == Case::Title
                            && matches!(
                                cx.key(end_tok),
                                "house"
                                    | "building"
                                    | "hall"
                                    | "tower"
                                    | "court"
                                    | "centre"
                                    | "center"
                            ))) =>
            {
                last_name_end = None;
                i = end_tok + 1;
            }
            Some((end_tok, score, start_byte)) => {
                // A final initial keeps its period: "Sarah K.".
                let mut end_byte = tokens[end_tok].end;
                if end_tok > i && cx.is_initial(end_tok) {
                    end_byte += 1;
                }
                // "Big Tony", "Little Mo": the nickname's adjective is part
                // of the name.
                let start_byte = if start_byte == tokens[i].start
                    && i > 0
                    && cx.close_prev(i)
                    && cx.gap(i).is_empty()
                    && tokens[i - 1].case == Case::Title
                    && matches!(
                        cx.key(i - 1),
                        "big"
                            | "little"
                            | "lil"
                            | "tiny"
                            | "auntie"
                            | "uncle"
                            | "young"
                            | "old"
                            | "wee"
                            // Singlish "Ah Seng", "Ah Boy".
                            | "ah"
                    ) {
                    tokens[i - 1].start
                } else if start_byte == tokens[i].start
                    && i > 0
                    && cx.gap(i) == "."
                    && &text[tokens[i - 1].start..tokens[i - 1].end] == "Ma"
                {
                    // "Ma. Cristina Dela Cruz": the Filipino abbreviation of
                    // Maria is part of the name.
                    tokens[i - 1].start
                } else if start_byte == tokens[i].start
                    && i > 0
                    && cx.close_prev(i)
                    && cx.gap(i).is_empty()
                    && (IRISH_PARTICLES.contains(&&text[tokens[i - 1].start..tokens[i - 1].end])
                        || (tokens[i - 1].case == Case::Title
                            && EAST_ASIAN_FAMILY.contains(&cx.key(i - 1))
                            && cx.cue_before(i) != Cue::Title))
                {
                    // "Ó Súilleabháin", "Ní Bhriain": the Irish particle;
                    // "Tan May Ling", "Park Ji-ho": the family name first.
                    tokens[i - 1].start
                } else {
                    start_byte
                };
                // "Wisdom and Kwabena", "Rosa, Ama": the word listed right
                // before a name, when it is a name too (one step; a longer
                // list is the forward list rule's).
                let and = i >= 2
                    && matches!(
                        cx.key(i - 1),
                        "and" | "&" | "y" | "e" | "et" | "und" | "en" | "i"
                    )
                    && cx.close_prev(i)
                    && cx.close_prev(i - 1)
                    && cx.gap(i).is_empty()
                    && cx.gap(i - 1).is_empty();
                let before = if and {
                    Some(i - 2)
                } else if i >= 1 && cx.gap(i) == "," {
                    Some(i - 1)
                } else {
                    None
                };
                if let Some(k) = before {
                    let f = cx.flags[k];
                    let taken = out.iter().any(|c| {
                        c.kind == PiiKind::Person
                            && c.start < tokens[k].end
                            && c.end > tokens[k].start
                    });
                    // A word ("Seat", "Ja") only when it is mostly a name.
                    let named = (f & (lexicon::FIRST | lexicon::LAST) != 0
                        || cx.world[k] & lexicon::FIRST != 0)
                        && f & (lexicon::PLACE
                            | lexicon::ORG
                            | lexicon::CALENDAR
                            | lexicon::DEPT
                            | lexicon::STOP)
                            == 0
                        && (f & lexicon::WORD == 0 || f & lexicon::NAME_DOMINANT != 0);
                    if tokens[k].case == Case::Title
                        && named
                        && !taken
                        && !thing_names.contains(&cx.key(k))
                        && !(k > 0 && cx.cue_before(k) == Cue::Title)
                    {
                        out.push(Candidate::new(
                            tokens[k].start,
                            tokens[k].end,
                            PiiKind::Person,
                            0.6,
                        ));
                    }
                }
                out.push(Candidate::new(start_byte, end_byte, PiiKind::Person, score));
                last_name_end = Some(end_tok + 1);
                i = end_tok + 1;
            }
            None => i += 1,
        }
    }
}

/// Up to four capitalised words, then an e-mail address in angle
/// brackets: its local part is group 2.
static BEFORE_EMAIL: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"((?:\p{Lu}[\p{L}'\-]+[ \t]+){0,3}\p{Lu}[\p{L}'\-]+)[ \t]*<([^@\s<>]+)@")
        .unwrap_or_else(|_| {
            // A literal of this file (`before_email_pattern_compiles`); a
            // failure only disables this rule.
            #[allow(clippy::expect_used)]
            regex::Regex::new(r"[^\s\S]").expect("literal pattern is valid")
        })
});

/// "Hope Mutasa <hope.mutasa@...>": capitalised words right before an
/// e-mail address that its local part spells are the person's name,
/// whatever else the words mean.
fn named_by_email(text: &str, out: &mut Vec<Candidate>) {
    if !text.contains('<') {
        return;
    }
    for c in BEFORE_EMAIL.captures_iter(text) {
        let (Some(words), Some(local)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let local = local.as_str().to_lowercase();
        let parts: Vec<&str> = local.split(['.', '_', '-']).collect();
        // "Payroll Shared Services <payroll.emea@...>", "People Team
        // <people@...>": a mailbox's name; a person's needs a listed name
        // or two words the address spells.
        let mut key = String::new();
        let mut first: Option<usize> = None;
        let (mut last, mut spelled, mut listed) = (0, 0, false);
        let mut at = words.start();
        for w in words.as_str().split_whitespace() {
            let start = at + words.as_str()[at - words.start()..].find(w).unwrap_or(0);
            at = start + w.len();
            fold_key(w, &mut key);
            let f = LEXICON.flags(&key);
            let name = f & (lexicon::FIRST | lexicon::LAST) != 0
                && f & (lexicon::PLACE | lexicon::ORG | lexicon::DEPT) == 0;
            if parts.contains(&key.as_str()) {
                spelled += 1;
                listed |= name;
                first.get_or_insert(start);
                last = at;
            } else if name && first.is_none() {
                // "Chase Whitfield <c.whitfield@...>": the given name too.
                first = Some(start);
            }
        }
        if let (Some(first), true) = (first, spelled >= 2 || (spelled == 1 && listed)) {
            if last > first {
                out.push(Candidate::new(first, last, PiiKind::Person, 0.85));
            }
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
        // "Tom, Priya": the same case as the name before, or a first name
        // ("Lucía Fernández, nunca responde" is no list).
        let same = end > 0 && (cx.tokens[end - 1].case == t.case || f & lexicon::FIRST != 0);
        if end == i && cx.gap(i) == "," && same {
            cue = cue.max(Cue::Strong);
        }
        // "Gianluca e Vale": another language's "and" only before a
        // capitalised word ("e devo", "i ja" are verbs and pronouns).
        let and = match cx.key(end) {
            "and" | "or" | "&" => true,
            // "grazie a fede e ale": lowercase after a lowercase name.
            "y" | "e" | "et" | "und" | "en" | "i" | "oraz" => {
                t.case == Case::Title
                    || (t.case == Case::Lower
                        && end >= 2
                        && cx.tokens[end - 1].case == Case::Lower
                        && f & lexicon::FIRST != 0
                        && f & (lexicon::STOP | lexicon::WORD) == 0)
            }
            _ => false,
        };
        if end + 1 == i && and {
            cue = cue.max(Cue::Strong);
        }
    }
    let n_tokens = cx.tokens.len();
    if matches!(t.case, Case::Lower | Case::Title) && (cx.rota_name(i) || cx.handover_name(i)) {
        return Some((i, 0.7, t.start));
    }
    // "Ate Baby in housekeeping", "Ate Joy from housekeeping": the Filipino
    // title for an older sister, capitalised before a name.
    if t.case == Case::Title
        && i > 0
        && cx.close_prev(i)
        && cx.gap(i).is_empty()
        && &cx.text[cx.tokens[i - 1].start..cx.tokens[i - 1].end] == "Ate"
        && cx.flags[i] & lexicon::CALENDAR == 0
        && (cx.flags[i] & lexicon::STOP == 0 || cx.flags[i] & lexicon::FIRST != 0)
    {
        return Some((extend(cx, i, Case::Title), 0.75, t.start));
    }
    // "Mme Le Gall", "dhr. Van den Bosch": after a title, a surname may
    // open with its particles.
    if cue == Cue::Title && PARTICLES.contains(&cx.key(i)) {
        let mut j = i + 1;
        if j < n_tokens && cx.close_prev(j) && PARTICLES.contains(&cx.key(j)) {
            j += 1;
        }
        if j < n_tokens
            && j > i
            && cx.close_prev(j)
            && cx.gap(j).is_empty()
            && cx.tokens[j].case == Case::Title
            && cx.flags[j] & (lexicon::STOP | lexicon::CALENDAR) == 0
        {
            let end = extend(cx, j, Case::Title);
            return Some((end, 0.85, t.start));
        }
    }
    // "Christmas Eve": a day, not a person.
    if cx.key(i) == "eve"
        && i > 0
        && cx.close_prev(i)
        && matches!(cx.key(i - 1), "christmas" | "xmas" | "hallows")
    {
        return None;
    }
    // "Tanaka-san", "Sharma ji": an honorific after the name.
    let key = cx.key(i);
    let honorific_suffix = ["-san", "-sama", "-kun", "-chan", "-sensei"]
        .iter()
        .any(|x| key.len() > x.len() + 2 && key.ends_with(x));
    let honorific_word = i + 1 < n_tokens
        && cx.close_prev(i + 1)
        && cx.gap(i + 1).is_empty()
        && cx.tokens[i + 1].case == Case::Lower
        && matches!(cx.key(i + 1), "ji" | "sahib" | "saab");
    if t.case == Case::Title
        && (honorific_suffix || honorific_word)
        && f & (lexicon::STOP | lexicon::ORG | lexicon::DEPT | lexicon::CALENDAR) == 0
    {
        return Some((i, 0.8, t.start));
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

    if t.case == Case::Title {
        if let Some(end) = vietnamese_name(cx, i) {
            return Some((end, 0.85, t.start));
        }
        if cue < Cue::Title && cx.names_a_site(i) {
            return None;
        }
    }
    if STORM_WORDS.contains(&cx.key(i))
        && i + 1 < cx.tokens.len()
        && cx.close_prev(i + 1)
        && cx.tokens[i + 1].case == Case::Title
        // Storms take given names; a surname that is none makes a person.
        && !(cx.flags[i + 1] & lexicon::LAST != 0 && cx.flags[i + 1] & lexicon::FIRST == 0)
    {
        // "Storm Éowyn", "Storm Bert": the storm, not a person called
        // Storm ("Storm Reid", with a surname, is one).
        return None;
    }
    if word && cue < Cue::Strong && cx.next_to_product(i) {
        // "Ruby on Rails", "Ruby and Python": a language, not a person.
        return None;
    }

    if let Some(found) = nickname(cx, i) {
        return Some(found);
    }
    if t.case == Case::Title && mid && cue < Cue::Title {
        if let Some(p) = cx.particle_start(i) {
            // "van Dijk" may be unlisted; after a Romance particle an
            // unlisted word is a place ("de Vénissieux", "di Roma").
            let germanic = matches!(
                cx.key(p),
                "van" | "von" | "vom" | "ter" | "ten" | "der" | "den"
            );
            let name_like = if cx.german || !germanic {
                f & (lexicon::FIRST | lexicon::LAST) != 0
            } else {
                f & (lexicon::FIRST | lexicon::LAST) != 0 || f & lexicon::WORD == 0
            };
            let not_name = f & (lexicon::STOP | lexicon::ORG | lexicon::DEPT) != 0
                || (f & lexicon::PLACE != 0 && f & lexicon::LAST == 0);
            // "la sede di Brescia", "la oficina de Zaragoza": a Romance
            // particle after a common noun introduces a place.
            // Not after a cue or a verb ("I think de Jong should", "thanks
            // to da Silva").
            // "le service RH de Bordeaux": an acronym is a noun too.
            let after_noun = p > 0
                && matches!(cx.tokens[p - 1].case, Case::Lower | Case::Upper)
                && cx.cue_before(p) == Cue::None
                && !matches!(
                    cx.key(p - 1),
                    "think"
                        | "guess"
                        | "hope"
                        | "believe"
                        | "know"
                        | "said"
                        | "says"
                        | "told"
                        | "and"
                        | "or"
                        | "with"
                        | "by"
                        | "for"
                        | "to"
                        | "from"
                        | "about"
                        | "than"
                );
            // "depuis le départ de Sandrine": a listed given name after
            // the particle is a person, not a place.
            // Not after a workplace noun: "o armazém da Maia" is a place.
            let workplace = p > 0
                && (FACILITIES_SET.contains(cx.key(p - 1))
                    || matches!(
                        cx.key(p - 1),
                        "armazem"
                            | "almacen"
                            | "magazzino"
                            | "entrepot"
                            | "usine"
                            | "sede"
                            | "oficina"
                            | "planta"
                            | "filial"
                            | "loja"
                            | "tienda"
                            | "negozio"
                            | "magasin"
                            | "bureau"
                            | "escritorio"
                            | "ufficio"
                            | "fabrica"
                            | "fabbrica"
                            | "agence"
                            | "agencia"
                            | "sucursal"
                            | "deposito"
                            | "hospital"
                            | "ospedale"
                            | "hopital"
                            | "site"
                            | "service"
                    ));
            let given =
                f & lexicon::FIRST != 0 && f & (lexicon::PLACE | lexicon::TOWN) == 0 && !workplace;
            if !germanic && after_noun && !given {
                return None;
            }
            if name_like && !not_name {
                // "I think van Dijk should ...": a surname with its particles;
                // "le départ de Sandrine": the given name alone.
                let end = extend(cx, i, Case::Title);
                let start = if !germanic && after_noun {
                    t.start
                } else {
                    cx.tokens[p].start
                };
                return Some((end, 0.7, start));
            }
        }
    }
    if t.case == Case::Title
        && i > 0
        && cx.close_prev(i)
        && STORM_WORDS.contains(&cx.key(i - 1))
        && !(f & lexicon::LAST != 0 && f & lexicon::FIRST == 0)
    {
        // "Hurricane Milton", "Storm Éowyn": weather has names too (given
        // names; "Storm Okafor" is a person).
        return None;
    }
    if t.case == Case::Title
        && i + 1 < cx.tokens.len()
        && cx.close_prev(i + 1)
        && cx.gap(i + 1).is_empty()
        && cx.tokens[i + 1].case == Case::Title
        && STREET_WORDS.contains(&cx.key(i + 1))
        && cue < Cue::Title
        // "Thanks to Diane Lane": a given name with a cue keeps its surname.
        && !(f & lexicon::FIRST != 0 && cue >= Cue::Weak)
    {
        // "Hohe Straße", "Bow Street": the street's name, not a person.
        return None;
    }
    if t.case == Case::Title
        && i > 0
        && cx.close_prev(i)
        && cx.tokens[i - 1].case == Case::Title
        && cx.flags[i - 1] & lexicon::FIRST == 0
        && (STREET_WORDS.contains(&cx.key(i))
            || matches!(
                cx.key(i),
                "hill" | "grove" | "way" | "row" | "close" | "green" | "park"
            ))
    {
        // "Park Lane", "Church Hill": a street, not Ms Lane.
        return None;
    }
    if t.case == Case::Title
        && FACILITIES_SET.contains(cx.key(i))
        && cx.tokens.get(i + 1).is_some_and(|n| n.has_digit)
    {
        // "on Ward 9", "Room 4": a place with its number.
        return None;
    }
    if t.case == Case::Title
        && cx.text[t.start..t.end].split('-').skip(1).any(|part| {
            part.chars().count() >= 4
                && part.chars().next().is_some_and(char::is_lowercase)
                && LEXICON.flags(part) & lexicon::WORD != 0
        })
    {
        // "German-only", "Irish-language": an adjective, not "Mary-Jane"
        // or "Seo-yeon".
        return None;
    }
    if t.case == Case::Title
        && matches!(cx.key(i), "st" | "saint" | "ste")
        && i + 1 < cx.tokens.len()
        && cx.tokens[i + 1].case == Case::Title
    {
        // "St Mary's": the saint starts a place.
        return None;
    }
    if t.case == Case::Title
        && i > 0
        && cx.close_prev(i)
        && matches!(
            cx.key(i - 1),
            "st" | "saint" | "ste" | "san" | "santa" | "santo" | "sao" | "sankt" | "sainte"
        )
        && cx.tokens[i - 1].case == Case::Title
    {
        // "St Mary's", "St Thomas' Hospital", "San Diego": a saint's name
        // is a place.
        return None;
    }
    if elision(&cx.text[t.start..t.end]) {
        // "n'ai", "l'équipe", "d'accord": an elision, not "O'Brien".
        return None;
    }
    if t.case == Case::Title && cue < Cue::Title && camel_product(&cx.text[t.start..t.end]) {
        // "ThinkPad", "WhatsApp", "MacBook": a product, not "McDonald".
        return None;
    }
    if t.case == Case::Title && cue < Cue::Weak && cx.tool_noun_after(i) {
        // "the Julia notebooks", "Podman images": a tool, not a person.
        return None;
    }
    if t.case == Case::Title
        && t.sentence_start
        && cue < Cue::Title
        && matches!(
            cx.key(i),
            "na" | "no" | "do" | "da" | "w" | "we" | "z" | "ze"
        )
        && cx.tokens.get(i + 1).is_some_and(|n| n.case == Case::Lower)
    {
        // "Na magazynie", "Na cozinha", "Do armazém": a Polish or
        // Portuguese preposition opening a sentence (the Korean surname
        // "Na" comes with a given name).
        return None;
    }
    if t.case == Case::Title && cue < Cue::Title && cx.listed_people(i) {
        // "Brooks, Wood and Mason from the night crew".
        return Some((i, 0.65, t.start));
    }
    if t.case == Case::Title && cue < Cue::Title && cx.listed_with_a_place(i) {
        // "Lincoln, Grantham and Boston are being merged", "Napoli e
        // Bari": a list that holds a town is a list of towns.
        return None;
    }
    if t.case == Case::Title && cue < Cue::Title && cx.named_thing_before(i) {
        // "El sistema Atenea", "l'aula Fermi", "Team Sterling": a system,
        // a room or a team called so.
        return None;
    }
    if t.case == Case::Title
        && cue < Cue::Title
        && i > 0
        && cx.close_prev(i)
        && cx.gap(i).is_empty()
        && cx.key(i - 1) == "the"
        && i + 1 < cx.tokens.len()
        && cx.close_prev(i + 1)
        && cx.gap(i + 1).is_empty()
        && matches!(cx.key(i + 1), "one" | "ones")
    {
        // "the Preston one": a site or a thing, never a person.
        return None;
    }
    if t.case == Case::Title
        && i >= 2
        && cx.key(i) == "minh"
        && cx.key(i - 1) == "chi"
        && cx.key(i - 2) == "ho"
    {
        // "Ho Chi Minh City": a place.
        return None;
    }
    if t.case == Case::Title
        && i + 1 < cx.tokens.len()
        && matches!(cx.key(i + 1), "day" | "week")
        && cx.tokens[i + 1].case == Case::Title
        && cue < Cue::Title
    {
        // "Madaraka Day", "Labour Day": a holiday.
        return None;
    }
    if t.case == Case::Title && f & (lexicon::FIRST | lexicon::LAST) == 0 {
        let key = cx.key(i);
        // "Lelystad", "Queenstown", "Felixstowe", "Midrand": an unlisted
        // word with a town's ending is a place.
        if key.chars().count() >= 6
            && [
                "stad", "town", "stowe", "rand", "ville", "burg", "bourg", "dorf", "hausen",
                "heim", "polis", "grad", "abad", "pur", "pura", "stone", "mouth", "chester",
                "caster", "borough", "bury", "field",
            ]
            .iter()
            .any(|x| key.ends_with(x))
        {
            return None;
        }
        if key.chars().count() >= 7 && GERMAN_NOUN_SUFFIXES.iter().any(|x| key.ends_with(x)) {
            // "Gehaltsanpassung", "Rücksprache": a German noun.
            return None;
        }
        let surname_next = i + 1 < cx.tokens.len()
            && cx.continues_name(i + 1, Case::Title)
            && cx.flags[i + 1] & (lexicon::FIRST | lexicon::LAST) != 0;
        // "Kübra und Jonas vom Empfang": a name coordinated with another, or
        // a department after it, is enough.
        if cx.german
            && cue < Cue::Weak
            && !surname_next
            && !cx.singled_out_after(i)
            && !(i + 2 < cx.tokens.len()
                // "am Rechner vom Empfang": after an article, a noun.
                && !(i > 0
                    && matches!(
                        cx.key(i - 1),
                        "am" | "im" | "zum" | "zur" | "beim" | "vom" | "der" | "die" | "das"
                            | "dem" | "den" | "des" | "ein" | "eine" | "einem" | "einen"
                            | "einer" | "mein" | "meine" | "unser" | "unsere" | "kein" | "keine"
                    ))
                && ((matches!(cx.key(i + 1), "und" | "oder")
                    && cx.tokens[i + 2].case == Case::Title
                    && cx.flags[i + 2] & lexicon::FIRST != 0
                    && cx.flags[i + 2] & (lexicon::WORD | lexicon::STOP) == 0)
                    || (matches!(cx.key(i + 1), "vom" | "aus" | "von") && cx.role_phrase(i + 1))))
        {
            // German capitalises every noun: an unknown capitalised word
            // is a name there only with a cue.
            return None;
        }
    }

    if t.case == Case::Title
        && TITLES_SET.contains(cx.key(i))
        && f & lexicon::FIRST == 0
        && i + 1 < cx.tokens.len()
        && cx.close_prev(i + 1)
        && cx.tokens[i + 1].case == Case::Title
    {
        // "Frau Mag. Pichler", "Sr. García": the title, not a name.
        return None;
    }
    if stop && f & lexicon::CALENDAR != 0 {
        return calendar_name(cx, i, cue);
    }
    if stop {
        // Stop-listed words are names only with a title or a cue,
        // capitalised, and never when they are months or weekdays.
        let brand = f & lexicon::ORG != 0;
        // A brand is a name only after a title: "Mr Dyson", "Ms Marriott".
        let cued = t.case == Case::Title
            && if brand {
                // "Mr Dyson"; "Team lead Chase told us": a cue and a verb.
                f & (lexicon::FIRST | lexicon::LAST) != 0
                    && (cue == Cue::Title || (cue == Cue::Strong && cx.verb_after(i)))
            } else {
                first && (matches!(cue, Cue::Title | Cue::Strong) || (cue == Cue::Weak && mid))
            }
            && f & (lexicon::CALENDAR | lexicon::DEPT) == 0
            && !dominant_function_word(cx.key(i));
        // "Alexa Moreno", "Sage Okafor": a product's name with a surname
        // that is no word is a person.
        let with_surname = first
            && t.case == Case::Title
            && f & (lexicon::CALENDAR | lexicon::DEPT) == 0
            && next_is_surname(cx, i)
            && cx.flags[i + 1] & (lexicon::WORD | lexicon::ORG | lexicon::PLACE | lexicon::STOP)
                == 0;
        // A brand too: "Mercedes in accounts payable", "Chase from the
        // night team".
        let homograph = first
            && f & (lexicon::CALENDAR | lexicon::DEPT) == 0
            && matches!(t.case, Case::Title | Case::Lower)
            && cx.homograph_evidence(i);
        let ok = cued || with_surname || homograph;
        if !ok {
            return None;
        }
        let end = extend(cx, i, Case::Title);
        return Some((end, 0.7, t.start));
    }

    let next_is_name = i + 1 < cx.tokens.len()
        && (cx.continues_name(i + 1, t.case)
            || (t.case == Case::Title && cx.is_initial(i + 1) && cx.gap(i + 1).is_empty())
            || (t.case == Case::Title && cx.particles_then_name(i + 1, t.case).is_some()));
    if i > 0 && cx.close_prev(i) && cx.gap(i).is_empty() && t.case == Case::Title {
        let prev = cx.key(i - 1);
        if PLACE_PREFIXES.contains(&prev) && cx.tokens[i - 1].case == Case::Title {
            return None;
        }
    }
    if place {
        let n = i + 1;
        let place_follower =
            n < cx.tokens.len() && cx.close_prev(n) && PLACE_FOLLOWERS_SET.contains(cx.key(n));
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
                if cue >= Cue::Weak
                    || cx.homograph_evidence(i)
                    || next_is_name_strict(cx, i)
                    || (next_is_surname(cx, i) && cx.follow_cue(extend(cx, i, Case::Title)))
                {
                    0.8
                } else if !heading && ((mid && !next_is_capitalised(cx, i)) || follow) {
                    0.6
                } else {
                    return None;
                }
            } else if (last || !word)
                && !first
                && !next_is_name
                // Weak cues are mostly prepositions ("from Makati").
                && cue < Cue::Strong
                // "The custody suite at Southwark has one printer": right
                // after "in" or "at" a verb does not make a place a person.
                && (!cx.follow_cue(i)
                    || (i > 0 && matches!(cx.key(i - 1), "in" | "at"))
                    || cx.moved_to(i))
                && !cx.text[t.end..].starts_with(['\'', '\u{2019}'])
                && cx.place_before(i)
            {
                // "the control room at Hutton", "lives in Ballymun", "de
                // Vénissieux": a lone unlisted or surname-like word after a
                // place preposition is a place.
                return None;
            } else if last && !word {
                // A surname alone: "Okafor", "Nguyen".
                if cue > Cue::None || next_is_name {
                    0.75
                } else if follow || (mid && !heading && !cx.german) {
                    0.6
                } else {
                    return None;
                }
            } else if !word {
                // Unknown capitalised word: "Oluwaseun", "Xiaoling"; a town
                // ("Lelystad", "Takoradi") only with a cue, a surname or a
                // verb of its own.
                let town = f & lexicon::TOWN != 0;
                if town && cue < Cue::Weak && !next_is_name && !follow {
                    return None;
                }
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
                } else if cx.person_subject(i) {
                    0.6
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
            // "dica a fabio", "tell marcinowi": a world-list name in
            // lowercase after a strong cue or a cue in the text's language.
            let told = |j: usize| {
                matches!(
                    cx.key(j),
                    "dica"
                        | "dile"
                        | "dites"
                        | "powiedz"
                        | "powie"
                        | "chiedi"
                        | "pregunta"
                        | "demande"
                        | "demandez"
                        | "grazie"
                        | "merci"
                        | "gracias"
                        | "obrigado"
                        | "obrigada"
                        | "danke"
                        | "bedankt"
                        | "dzieki"
                        | "ciao"
                        | "hola"
                        | "salut"
                        | "hallo"
                        | "hoi"
                        | "tegen"
                        | "zapytaj"
                        | "diga"
                        | "digam"
                )
            };
            let cued_here = i > 0
                && cx.close_prev(i)
                && (told(i - 1) || (i > 1 && matches!(cx.key(i - 1), "a" | "al") && told(i - 2)));
            // "grazie mille", "merci beaucoup": thanks, not a name.
            let intensifier = matches!(
                cx.key(i),
                "mille"
                    | "tante"
                    | "infinite"
                    | "beaucoup"
                    | "bien"
                    | "mil"
                    | "muito"
                    | "muita"
                    | "wel"
                    | "sehr"
                    | "vielmals"
                    | "schon"
                    | "bardzo"
                    | "mucho"
                    | "muchas"
            );
            if f == 0
                && cx.world[i] & lexicon::FIRST != 0
                && len >= 3
                && !intensifier
                && (cue >= Cue::Strong || cued_here)
            {
                let end = extend(cx, i, Case::Lower);
                return Some((end, 0.6, t.start));
            }
            // "mr hussain on the bakery counter": a title cues a name in
            // lowercase chat too.
            if cue == Cue::Title && !word && len >= 3 {
                let end = extend(cx, i, Case::Lower);
                return Some((end, 0.75, t.start));
            }
            let follow = cx.follow_cue(i);
            // "honestly wei fixed it": a sentence adverb, a word, a verb.
            let adverb = cx.adverb_before(i) && cx.verb_after(i);
            let score = if first && !ambiguous {
                if cue >= Cue::Weak || follow || adverb {
                    0.75
                } else if len >= 4 && !cx.cased && (!cx.foreign || cx.foreign_cue(i)) {
                    // An unambiguous first name in lowercase text (in a
                    // capitalised text, "anders", "zona": a word).
                    0.5
                } else {
                    return None;
                }
            } else if first {
                let unlikely = (cue < Cue::Strong && !adverb) || common_lower_word(cx.key(i));
                if unlikely && !cx.homograph_evidence(i) {
                    return None;
                }
                0.6
            } else if !word && len >= 3 && (!last || adverb) {
                // Unknown lowercase word right after a strong cue:
                // "the new PM sunita".
                if cue >= Cue::Strong {
                    0.6
                } else if (cue == Cue::Weak && follow) || adverb {
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

/// "n'ai", "qu'un", "dell'ufficio", "l'équipe": a French or Italian
/// elision, not "O'Brien" or "D'Souza".
fn elision(word: &str) -> bool {
    let Some((head, tail)) = word.split_once(['\'', '\u{2019}']) else {
        return false;
    };
    const HEADS: &[&str] = &[
        "quelqu", "Quelqu", "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
        "puisqu", "un", "dell", "all", "nell", "sull", "dall", "quell", "L", "D", "J", "N", "S",
        "C", "Qu",
    ];
    HEADS.contains(&head) && tail.chars().next().is_some_and(char::is_lowercase)
}

/// Companies named after people: the whole name is a company.
const COMPANIES: &[&str] = &[
    "morgan stanley",
    "wells fargo",
    "goldman sachs",
    "john lewis",
    "marks spencer",
    "ernst young",
    "johnson johnson",
    "procter gamble",
    "charles schwab",
    "dow jones",
    "jack daniel",
    "ben jerry",
    "albert heijn",
];

/// A word with a capital inside that is a product's: the part after the
/// capital is a dictionary word and no given name ("ThinkPad", "MacBook"),
/// unlike "JoAnn", "DeShawn" or "McDonald".
fn camel_product(word: &str) -> bool {
    // Cheap test first: most capitalised words have no inner capital.
    if !word.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    let Some(inner) = word
        .char_indices()
        .zip(word.chars().skip(1))
        .skip(1)
        .find(|((_, c), next)| c.is_lowercase() && next.is_uppercase())
        .map(|((i, c), _)| i + c.len_utf8())
    else {
        return false;
    };
    // "ThinkPad", "WhatsApp", "MacBook": the tail is a word; "JoAnn",
    // "DeShawn", "McKenzie": the tail is a given name or no word.
    let mut rest = String::new();
    fold_key(&word[inner..], &mut rest);
    let f = LEXICON.flags(&rest);
    f & lexicon::WORD != 0 && f & lexicon::FIRST == 0
}

/// "big tony", "little mo", "old pete": a nickname adjective and a first
/// name, with evidence when the name is also an everyday word.
fn nickname(cx: &Ctx<'_>, i: usize) -> Option<(usize, f32, usize)> {
    let t = &cx.tokens[i];
    let f = cx.flags[i];
    if i == 0
        || !matches!(t.case, Case::Lower | Case::Title)
        || f & lexicon::FIRST == 0
        || f & (lexicon::STOP | lexicon::ORG | lexicon::PLACE | lexicon::DEPT) != 0
        || !cx.close_prev(i)
        || !cx.gap(i).is_empty()
        || cx.tokens[i - 1].case != Case::Lower
        || !NICK_ADJECTIVES.contains(&cx.key(i - 1))
    {
        return None;
    }
    let everyday = f & lexicon::WORD != 0 && f & lexicon::NAME_DOMINANT == 0;
    let evidence = cx.follow_cue(i) || cx.role_phrase(i + 1) || cx.verb_after(i);
    if everyday && !evidence {
        return None;
    }
    if t.case == Case::Lower && !evidence && f & lexicon::NAME_DOMINANT == 0 {
        return None;
    }
    Some((i, 0.7, cx.tokens[i - 1].start))
}

/// "Nguyen Thi Mai", "Ha Van Long": a Vietnamese family name, a middle name
/// "Thi" / "Van", and a capitalised given name. Returns the last token.
fn vietnamese_name(cx: &Ctx<'_>, i: usize) -> Option<usize> {
    let (m, g) = (i + 1, i + 2);
    if g >= cx.tokens.len() || !VIET_FAMILY.contains(&cx.key(i)) {
        return None;
    }
    let glued = |j: usize| cx.close_prev(j) && cx.gap(j).is_empty();
    let given = &cx.tokens[g];
    let ok = glued(m)
        && glued(g)
        && cx.tokens[m].case == Case::Title
        && VIET_MIDDLE.contains(&cx.key(m))
        && given.case == Case::Title
        && !given.has_digit
        && viet_given(cx.flags[g]);
    if !ok {
        return None;
    }
    // A second given name: "Nguyen Thi Minh Khai".
    let h = g + 1;
    if h < cx.tokens.len()
        && glued(h)
        && cx.tokens[h].case == Case::Title
        && !cx.tokens[h].has_digit
        && viet_given(cx.flags[h])
        && (cx.flags[h] & lexicon::FIRST != 0 || cx.flags[h] & lexicon::WORD == 0)
    {
        return Some(h);
    }
    Some(g)
}

/// A given name in the Vietnamese pattern: no product, department or place;
/// a stop or calendar word only when it is a census first name ("Thu",
/// "Long", "Ha").
fn viet_given(f: u16) -> bool {
    f & (lexicon::ORG | lexicon::DEPT | lexicon::PLACE) == 0
        && (f & (lexicon::STOP | lexicon::CALENDAR) == 0 || f & lexicon::FIRST != 0)
}

/// Names that are also calendar words ("April", "May", "June", "Summer",
/// "August"): a name only with a surname, an addressing cue, a role phrase
/// or a person-only verb, and never after a date preposition or before a
/// number.
fn calendar_name(cx: &Ctx<'_>, i: usize, cue: Cue) -> Option<(usize, f32, usize)> {
    let t = &cx.tokens[i];
    let f = cx.flags[i];
    let len = cx.tokens.len();
    if f & lexicon::FIRST == 0
        || t.case != Case::Title
        || cx.heading[i]
        || f & (lexicon::ORG | lexicon::DEPT) != 0
    {
        return None;
    }
    // "in June", "Spring and Summer"; but "Autumn and Summer on nights"
    // continues a list of people.
    if i > 0
        && cx.close_prev(i)
        && DATE_PREPS.contains(&cx.key(i - 1))
        && !(cue == Cue::Strong && matches!(cx.key(i - 1), "and" | "or"))
    {
        return None;
    }
    let n = i + 1;
    let glued_next = n < len && cx.close_prev(n) && cx.gap(n).is_empty();
    if glued_next && cx.tokens[n].has_digit {
        return None;
    }
    // A surname follows: "April Okonkwo", "August Lindgren in finance".
    if glued_next
        && cx.continues_name(n, Case::Title)
        && cx.flags[n] & lexicon::CALENDAR == 0
        && (cx.flags[n] & lexicon::LAST != 0 || cx.flags[n] & lexicon::WORD == 0)
    {
        let end = extend(cx, i, Case::Title);
        if cx.flags[n] & lexicon::WORD == 0 || cx.follow_cue(end) || cue >= Cue::Weak {
            return Some((end, 0.8, t.start));
        }
    }
    let addressed = match cue {
        Cue::Title | Cue::Strong => true,
        Cue::Weak => {
            i > 0
                && (ADDRESS_VERBS.contains(&cx.key(i - 1))
                    || (cx.key(i - 1) == "to" && i >= 2 && cx.key(i - 2) != "go"))
        }
        Cue::None => false,
    };
    let verb = glued_next && PERSON_VERBS_SET.contains(cx.key(n));
    // "Jun and Hiroshi Tanaka": coordinated with a given name that is no
    // calendar word ("June and July" stays two months).
    // "Autumn and Summer on nights": the pair shares the role phrase.
    let pair_with_role = glued_next
        && cx.key(n) == "and"
        && cx.tokens.get(n + 1).is_some_and(|t| t.case == Case::Title)
        && cx.flags[n + 1] & lexicon::FIRST != 0
        && cx.role_phrase(n + 2);
    let with_name = glued_next
        && cx.key(n) == "and"
        && !(i > 0 && cx.tokens[i - 1].has_digit)
        && cx.tokens.get(n + 1).is_some_and(|t| t.case == Case::Title)
        && !matches!(cx.key(n + 1), "i" | "i'm" | "i've")
        && cx.follow_cue(i);
    if addressed || verb || with_name || pair_with_role || cx.role_phrase(n) {
        return Some((i, 0.7, t.start));
    }
    None
}

/// The next token is a capitalised census surname: "Bill Summers".
fn next_is_surname(cx: &Ctx<'_>, i: usize) -> bool {
    let n = i + 1;
    n < cx.tokens.len()
        && cx.gap(n).is_empty()
        && cx.continues_name(n, Case::Title)
        && cx.flags[n] & lexicon::LAST != 0
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
        && ((cx.continues_name(n, cx.tokens[i].case) && cx.flags[n] & lexicon::WORD == 0)
            || cx
                .particles_then_name(n, cx.tokens[i].case)
                .is_some_and(|k| cx.flags[k] & lexicon::WORD == 0))
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
            // Keep particles ("van der", "de la") only if a name follows.
            let mut k = j;
            while k < cx.tokens.len()
                && k < j + 3
                && cx.is_particle(k)
                && cx.close_prev(k)
                && cx.gap(k).is_empty()
            {
                k += 1;
            }
            if k < cx.tokens.len() && cx.gap(k).is_empty() && cx.surname_after_particle(k, case) {
                end = k;
                j = k + 1;
                added += 1;
                continue;
            }
            break;
        }
        if case == Case::Title
            && cx.gap(j).is_empty()
            && IRISH_PARTICLES.contains(&&cx.text[cx.tokens[j].start..cx.tokens[j].end])
            && j + 1 < cx.tokens.len()
            && cx.gap(j + 1).is_empty()
            && cx.tokens[j + 1].case == Case::Title
        {
            // "Declan Ó Súilleabháin", "Aoife Ní Bhriain".
            end = j + 1;
            j += 2;
            added += 1;
            continue;
        }
        // "Fionnuala "Finn" Byrne": a nickname in quotes inside the name.
        if case == Case::Title
            && matches!(cx.gap(j), "\"" | "\u{201C}" | "'" | "\u{2018}")
            && cx.tokens[j].case == Case::Title
            && j + 1 < cx.tokens.len()
            && matches!(cx.gap(j + 1), "\"" | "\u{201D}" | "'" | "\u{2019}")
            && cx.tokens[j + 1].case == Case::Title
            && cx.flags[j + 1] & (lexicon::FIRST | lexicon::LAST) != 0
        {
            end = j + 1;
            j += 2;
            added += 1;
            continue;
        }
        // "Kumaravel s/o Rajendran", "Muthu a/l Krishnan": son of,
        // anak lelaki.
        if case == Case::Title
            && j + 2 < cx.tokens.len()
            && cx.gap(j).is_empty()
            && matches!(
                cx.text.get(cx.tokens[j].start..cx.tokens[j + 1].end),
                Some("s/o" | "d/o" | "a/l" | "a/p" | "S/O" | "D/O" | "A/L" | "A/P")
            )
            && cx.gap(j + 2).is_empty()
            && cx.tokens[j + 2].case == Case::Title
        {
            end = j + 2;
            j += 3;
            added += 1;
            continue;
        }
        // "Kristine Joy Villanueva", "Mary Grace Santos": a given name
        // that is also a word, between a given name and a surname.
        if case == Case::Title
            && cx.gap(j).is_empty()
            && cx.close_prev(j)
            && cx.tokens[j].case == Case::Title
            && cx.flags[j] & lexicon::FIRST != 0
            && cx.flags[j] & lexicon::CALENDAR == 0
            && j + 1 < cx.tokens.len()
            && cx.gap(j + 1).is_empty()
            && cx.continues_name(j + 1, case)
            && cx.flags[j + 1] & lexicon::LAST != 0
            && cx.flags[j + 1] & lexicon::WORD == 0
        {
            end = j + 1;
            j += 2;
            added += 1;
            continue;
        }
        if case != Case::Lower && cx.is_initial(j) && cx.gap(j).is_empty() {
            // "Sarah K." or "John F. Kennedy".
            end = j;
            j += 1;
            added += 1;
            continue;
        }
        if cx.gap(j) == "."
            && (cx.is_initial(end) || matches!(cx.key(end), "mohd" | "muhd" | "mhd"))
            && cx.continues_name_after_initial(j, case)
        {
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
    fn greetings_sign_offs_asides_titles_with_particles_and_honorifics() {
        for (t, v) in [
            ("Morning Joy! sorry for the essay but you did ask.", "Joy"),
            (
                "hi bill if ur reading this the printer on 3 is still jamming lol",
                "bill",
            ),
            ("cheers\nRusty", "Rusty"),
            (
                "Lance, if you're reading this: the PPE cupboard is not storage.",
                "Lance",
            ),
            (
                "I wish Patience was still on our unit. Since she moved the handovers are chaos.",
                "Patience",
            ),
            (
                "hi, just want to say Hope on reception has been a total star.",
                "Hope",
            ),
            (
                "Mme Le Gall refuse toutes les demandes de télétravail.",
                "Le Gall",
            ),
            (
                "dhr. Van den Bosch zegt dat thuiswerken een gunst is.",
                "Van den Bosch",
            ),
            (
                "Tanaka-san from the Nagoya plant visited last week.",
                "Tanaka-san",
            ),
            (
                "Sharma ji has been the backbone of accounts for twenty years.",
                "Sharma",
            ),
            (
                "we had a team lunch and grace paid for everyone out of her own pocket",
                "grace",
            ),
            (
                "Kierownik zmiany krzyczał na Bartka przy wszystkich.",
                "Bartka",
            ),
            (
                "Somchai is the best supervisor I've had in nine years. He explains.",
                "Somchai",
            ),
            (
                "Hi,\n\nTormod was blamed in front of the whole team. Nobody apologised to him.",
                "Tormod",
            ),
            ("thank u mel for the birthday cake!! best team ever", "mel"),
        ] {
            assert_eq!(names(t), [v], "{t}");
        }
        for t in [
            "Morning all! The rota is out.",
            "Yo era el operador de la grúa ese día.",
            "I hope the new rota is better.",
            "Summer hours start on the first of June.",
            "Payroll was delayed again and he said nothing.",
            "thank u auntie for the cake",
            "Ich habe keinen, also sitze ich am Rechner vom Empfang, wenn der frei ist.",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
    }

    #[test]
    fn lowercase_given_names_in_foreign_text_need_a_cue() {
        assert!(names("la vida es linda pero el turno de noche no").is_empty());
        assert_eq!(
            names("demandez à pascal pour les plannings, c'est lui"),
            ["pascal"]
        );
        assert_eq!(
            names("hola! ya está el cuadrante? paco dice que no"),
            ["paco"]
        );
    }

    #[test]
    fn placeholder_names_idioms_and_named_things_are_no_people() {
        assert!(
            names("The new robot called Bob keeps jamming. Bob needs a reset every hour.")
                .is_empty()
        );
        assert!(names("Every Tom, Dick and Harry gets a parking pass except us.").is_empty());
        assert!(names("Please stop using Joe Bloggs in the training slides.").is_empty());
        assert_eq!(names("Thanks to Bob in accounts for the help."), ["Bob"]);
        assert!(names("The till voice is called \"Sam\" apparently. Sam tells me off.").is_empty());
        assert!(
            names("Ok so the wellness chatbot Sunny told me to walk. Sunny, I work 12s.")
                .is_empty()
        );
        assert!(names("we need to think like the average Joe customer.").is_empty());
        // A van is a vehicle, "van" a particle.
        assert_eq!(
            names("Ask van Houten why the budget was cut."),
            ["van Houten"]
        );
    }

    #[test]
    fn multi_word_places_are_no_people() {
        assert!(names("Lunar New Year is three days off in Kuala Lumpur this year.").is_empty());
        assert!(names("The manager at the Chiang Mai property shouts.").is_empty());
        assert!(names("Hong Kong: please review the budget.").is_empty());
    }

    #[test]
    fn handover_lists_honorifics_and_subjects() {
        assert_eq!(
            names("Handover 07:00 – Elm unit\nPat – meds done except room 4\nDrew – 2 falls overnight, both logged"),
            ["Pat", "Drew"]
        );
        assert_eq!(
            names("shift notes:\n- Femi: dock 3 door sensor\n- Ola: 2 no-shows"),
            ["Femi", "Ola"]
        );
        // A form's labels are no handover, even with a given name as a label.
        assert_eq!(
            names("Nome: Giulia Bassi\nGrace: 30 days\nIndirizzo: via Roma"),
            ["Giulia Bassi"]
        );
        assert_eq!(
            names("Team lead Chase told us we'd get the bonus."),
            ["Chase"]
        );
        assert_eq!(
            names("Ate Baby in housekeeping has been with the hotel for 22 years."),
            ["Baby"]
        );
        // A stop-listed given name after the title too.
        assert_eq!(names("Thanks to Ate Joy from the pantry."), ["Joy"]);
        assert_eq!(
            names("The workers are charged too much. Iosefa showed me his payslip."),
            ["Iosefa"]
        );
        assert_eq!(
            names("Ah Seng from logistics also cannot submit"),
            ["Ah Seng"]
        );
    }

    #[test]
    fn a_rota_line_names_its_people() {
        assert_eq!(
            names("rota for xmas week:\nmon - priya / sam\nwed - hope + agency\nthu - faith\nfri - me"),
            ["priya", "sam", "hope", "faith"]
        );
        assert!(names("Mon: inventory. Tue - meeting at 3").is_empty());
    }

    #[test]
    fn world_list_names_need_capitals_or_a_cue() {
        assert_eq!(
            names("Dmytro came here from Kharkiv in 2022 and he's still on the agency rate."),
            ["Dmytro"]
        );
        assert_eq!(
            names("Oleksandr turned up on time every day."),
            ["Oleksandr"]
        );
        // Another language's words that the world lists hold as names.
        assert!(names("el segundo turno empieza a las seis").is_empty());
        assert!(names("Beste collega's, de planning is te laat.").is_empty());
        // A strong cue brings a lowercase one back; thanks stay thanks.
        assert_eq!(
            names("ragazzi qualcuno dica a fabio che il muletto 3 è rotto"),
            ["fabio"]
        );
        assert!(names("grazie mille a tutti per il turno").is_empty());
    }

    #[test]
    fn finds_homographs_with_a_persons_context_in_several_languages() {
        // A word that is also a name, with a person's context: an aside or an id in
        // brackets, a department or work spot, a verb only a person does; not
        // without one.
        assert_eq!(names("Faith (our team lead) agrees with us."), ["Faith"]);
        assert_eq!(
            names("Lily (E-10442) did my timesheet correction."),
            ["Lily"]
        );
        assert!(names("Amber (the colour) is fine for the logo.").is_empty());
        assert_eq!(
            names("Kit from the kit room has waited since July."),
            ["Kit"]
        );
        assert_eq!(
            names("Ivy from the agency was told to clean the freezer."),
            ["Ivy"]
        );
        assert_eq!(
            names("Frank aus der Spätschicht macht seit Wochen die Arbeit von zwei Leuten."),
            ["Frank"]
        );
        assert_eq!(
            names("Precious in fundraising has been ringing them."),
            ["Precious"]
        );
        assert_eq!(names("Joy is leaving and there's been no card."), ["Joy"]);
        assert_eq!(
            names("Dawn on the kiosk is brilliant with the older customers."),
            ["Dawn"]
        );
        assert_eq!(
            names("Paddy behind the bar cut off a drunk customer."),
            ["Paddy"]
        );
        assert!(names("Iris (the new document scanner) lost half the contracts.").is_empty());
        assert_eq!(
            names("Dolly who does the canteen cleaning has been here 22 years."),
            ["Dolly"]
        );
        assert_eq!(
            names("Joy (breakfast supervisor, Manila Bay hotel) covers every gap."),
            ["Joy"]
        );
        assert_eq!(
            names("Mercedes, de nóminas en Valencia, me arregló lo del IRPF."),
            ["Mercedes"]
        );
        assert_eq!(
            names("Rose, à l'accueil du site de Mérignac, fait le travail de deux."),
            ["Rose"]
        );
        assert_eq!(
            names("Blessing in the Ikeja store has been doing two jobs."),
            ["Blessing"]
        );
        assert!(names("Hope is fading on this team.").is_empty());
    }

    #[test]
    fn looks_ahead_safely_and_keeps_names_that_look_like_streets_storms_or_abbreviations() {
        // A homograph with nothing after its preposition: no panic.
        for t in [
            "Mark in",
            "Joy on",
            "rota: Will on",
            "Faith (the",
            "Hope behind",
        ] {
            let _ = names(t);
        }
        assert_eq!(names("Thanks to Diane Lane for the cover."), ["Diane Lane"]);
        assert_eq!(
            names("Thanks to Storm Okafor for the cover."),
            ["Storm Okafor"]
        );
        assert!(names("Storm Éowyn closed the depot.").is_empty());
        // "PC" is a title only before a name-like word.
        assert!(names("My PC Monitor keeps flickering.").is_empty());
        assert_eq!(names("PC Okafor took the statement."), ["Okafor"]);
    }

    #[test]
    fn finds_names_in_lists_thanks_sign_offs_and_appositives() {
        // Lists of names (also before a colon), thanks in other languages, a
        // sign-off, an appositive that singles the person out.
        assert_eq!(
            names("So Brooks, Wood and Mason from the night crew all got the interview."),
            ["Brooks", "Wood", "Mason"]
        );
        assert_eq!(
            names("Fisher and Wainwright have been running the weekend crew like a club."),
            ["Fisher", "Wainwright"]
        );
        assert!(names("Bread and Butter have been our best sellers.").is_empty());
        assert_eq!(
            names("Kalle, unser einziger Schweißer mit der Zulassung, geht in Rente."),
            ["Kalle"]
        );
        assert_eq!(
            names("Thank you Maureen and Dev for the leaving do."),
            ["Maureen", "Dev"]
        );
        assert_eq!(
            names("Autumn and Summer on nights have covered every sick call."),
            ["Autumn", "Summer"]
        );
        assert_eq!(
            names("Who was involved? Jun and Hiroshi Tanaka from the Osaka team."),
            ["Jun", "Hiroshi Tanaka"]
        );
        assert_eq!(
            names("Danke an Uschi aus der Poststelle, ohne sie wäre alles im Chaos."),
            ["Uschi"]
        );
        assert_eq!(
            names("Le parking est fermé.\nCordialement,\nAurélien"),
            ["Aurélien"]
        );
        assert_eq!(
            names("Priya, Chidi, Gosia and Hamish: thank you for covering."),
            ["Priya", "Chidi", "Gosia", "Hamish"]
        );
    }

    #[test]
    fn finds_name_forms_of_many_cultures() {
        // Honorifics: "Kuya" (Filipino) is a title.
        assert_eq!(
            names("Hats off to Kuya Rommel on the Cebu night shift."),
            ["Rommel"]
        );
        // Particles, family names first, quoted nicknames, "son of", abbreviated
        // given names, Vietnamese tone marks.
        assert_eq!(
            names("Nguyễn Văn Hùng has been an agency worker for three years."),
            ["Nguyễn Văn Hùng"]
        );
        assert_eq!(
            names("Anh Thư from the Ho Chi Minh office needs a letter."),
            ["Anh Thư"]
        );
        assert_eq!(
            names("My headset is broken and Ma. Cristina Dela Cruz in IT says wait."),
            ["Ma. Cristina Dela Cruz"]
        );
        assert_eq!(
            names("Ask Ó Súilleabháin about the scaffolding."),
            ["Ó Súilleabháin"]
        );
        assert_eq!(
            names("Declan Ó Súilleabháin signed it off."),
            ["Declan Ó Súilleabháin"]
        );
        assert_eq!(
            names("Tan May Ling was promoted over three people."),
            ["Tan May Ling"]
        );
        assert_eq!(
            names("Khalid al-Masri asked for a quiet room."),
            ["Khalid al-Masri"]
        );
        assert_eq!(
            names("Shout-out to Maricel dela Cruz on the Manila floor."),
            ["Maricel dela Cruz"]
        );
        assert_eq!(
            names("Rhys ap Gwilym keeps booking meetings at 8am."),
            ["Rhys ap Gwilym"]
        );
        assert_eq!(
            names("Our team lead Fionnuala \"Finn\" Byrne fights for us."),
            ["Fionnuala \"Finn\" Byrne"]
        );
        assert_eq!(
            names("Thanks to Kumaravel s/o Rajendran for staying back."),
            ["Kumaravel s/o Rajendran"]
        );
        assert_eq!(
            names("Kindly process it. Kristine Joy Villanueva, last day 15 November."),
            ["Kristine Joy Villanueva"]
        );
        assert_eq!(
            names("Pls add Mohd. Faizan Qureshi to the committee."),
            ["Mohd. Faizan Qureshi"]
        );
        assert_eq!(
            names("Hafiz bin Osman and Nurul Aina binti Ahmad stayed online."),
            ["Hafiz bin Osman", "Nurul Aina binti Ahmad"]
        );
    }

    #[test]
    fn finds_recent_given_names_surnames_alone_and_lowercase_chat_names() {
        // Given names of recent decades, a surname with a verb, lowercase names
        // in chat after a title or beside another name.
        assert_eq!(
            names("Hendry on the Bellshill trunk leaves the cab spotless."),
            ["Hendry"]
        );
        assert_eq!(names("gaz in the linen room is a legend"), ["gaz"]);
        assert_eq!(
            names("mr hussain on the bakery counter is the reason"),
            ["hussain"]
        );
        assert_eq!(
            names("Liam the apprentice joiner is the hardest worker on site."),
            ["Liam"]
        );
        assert_eq!(
            names("ok so bex and kev did nights all week"),
            ["bex", "kev"]
        );
        assert_eq!(
            names("MacLeod reckons we'll get the new vans."),
            ["MacLeod"]
        );
    }

    #[test]
    fn skips_sites_rooms_systems_and_places_named_like_people() {
        assert!(names("Kendal, Penrith and Carlisle stores still have the old tills.").is_empty());
        assert!(names("The Darwin, Turing and Lovelace rooms have broken cables.").is_empty());
        assert!(names("The Victoria and Albert wings are being merged.").is_empty());
        assert!(names("El sistema Atenea no guarda los partes de incidencia.").is_empty());
        assert!(names("L'aula Fermi non ha ancora il proiettore nuovo.").is_empty());
        assert!(names("Team Sterling won the quarterly award again.").is_empty());
        assert!(names("Na magazynie od miesiąca nie działa ogrzewanie.").is_empty());
        assert!(names("Lincoln, Grantham and Boston are being merged into one area.").is_empty());
        assert!(names("I moved from Kasarani and the bus from Khayelitsha stops at 7.").is_empty());
        assert_eq!(
            names("The new supervisor at Tullamarine, Brendan O'Sullivan, told us off."),
            ["Brendan O'Sullivan"]
        );
        assert!(names("The Reading office is fine but the Preston one is old.").is_empty());
        assert!(names("The custody suite at Southwark has one working printer.").is_empty());
        assert!(names("Deliveries from the Kettering DC block the fire exit.").is_empty());
        assert!(names("I can't do the Harlow run without a fuel card.").is_empty());
        // A list of people is still a list of people.
        assert_eq!(
            names("Thanks to Tom, Priya and Sarah for the stock count."),
            ["Tom", "Priya", "Sarah"]
        );
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
    fn finds_calendar_names_particles_and_lowercase_after_adverbs() {
        assert_eq!(names("frankly tomasz rewrote the pipeline"), ["tomasz"]);
        assert_eq!(names("Tell June that the report is fine."), ["June"]);
        assert_eq!(names("April Okonkwo said no."), ["April Okonkwo"]);
        assert_eq!(names("Autumn from the design team helped."), ["Autumn"]);
        assert_eq!(
            names("Thanks Maria de los Santos for the cover."),
            ["Maria de los Santos"]
        );
        assert_eq!(names("Hi, this is Do Van Long from ops."), ["Do Van Long"]);
    }

    #[test]
    fn finds_particle_surnames_nicknames_and_rare_names_with_verbs() {
        assert_eq!(
            names("Anouk de Graaf from payroll was slow."),
            ["Anouk de Graaf"]
        );
        assert_eq!(names("I think ter Horst should lead it."), ["ter Horst"]);
        assert_eq!(
            names("honestly big dave in the warehouse helped."),
            ["big dave"]
        );
        assert_eq!(names("my teamlead bjarne never replies"), ["bjarne"]);
        assert_eq!(
            names("Takumi on the other hand just ignores the tickets."),
            ["Takumi"]
        );
    }

    #[test]
    fn skips_foreign_nouns_tools_banks_and_places() {
        for t in [
            "Seit Monaten keine Antwort zur Beförderung.",
            "Die Einarbeitung war chaotisch und meine Führungskraft hat keine Zeit.",
            "Mi jefe, Andrés Morales, siempre cancela las reuniones.",
            "The Julia scripts need a maintainer.",
            "We moved from Buildah to Podman last year.",
            "The Barclays account needs two signatures.",
            "The Anchorage and Honolulu teams never get invited.",
            "the Leeds distribution centre is cold",
        ] {
            let found = names(t);
            assert!(
                found.iter().all(|n| n == "Andrés Morales"),
                "{t}: {found:?}"
            );
        }
    }

    #[test]
    fn before_email_pattern_compiles() {
        assert_ne!(BEFORE_EMAIL.as_str(), r"[^\s\S]");
    }

    #[test]
    fn names_an_email_spells_and_names_listed_before_a_name() {
        // The address spells the words before it: a person, even "Hope".
        let t = "From: Hope Mutasa <hope.mutasa@kgotlalogistics.co.za>";
        assert!(
            names(t).contains(&"Hope Mutasa".to_owned()),
            "{:?}",
            names(t)
        );
        let t = "To: Chase Whitfield <c.whitfield@example.com>";
        assert!(
            names(t).iter().any(|n| n.contains("Whitfield")),
            "{:?}",
            names(t)
        );
        // A mailbox is no person.
        for t in [
            "To: Payroll Shared Services <payroll.emea@corvane.com>",
            "From: People Team <people@harbourline.co.uk>",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
        // A name listed before a name is one too; a word, a pronoun or a
        // brand before one is not.
        let t = "Wisdom and Kwabena did the whole stocktake alone.";
        assert!(names(t).contains(&"Kwabena".to_owned()), "{:?}", names(t));
        // A name before a comma at the text's start, even with an e-mail
        // named later in the text.
        let t = "Rosa, Kwabena covered the stocktake. From: Hope Mutasa <hope.mutasa@example.com>";
        assert!(names(t).contains(&"Rosa".to_owned()), "{:?}", names(t));
        for (t, not) in [
            ("Ja i Oksana jesteśmy jedynymi osobami na zmianie C.", "Ja"),
            (
                "Mercedes, Seat y Renault nos han recortado pedidos.",
                "Seat",
            ),
        ] {
            assert!(!names(t).contains(&not.to_owned()), "{t}: {:?}", names(t));
        }
    }

    #[test]
    fn skips_dates_sites_and_languages() {
        for t in [
            "In June the team shrank.",
            "May was a tough month.",
            "Summer is quiet in the office.",
            "The Franklin depot is short-staffed.",
            "We rewrote it from Java and Ruby to Go.",
            "Our Croatian entity pays late.",
            "Offboarding took a month.",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
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
            "The ThinkPads and the MacBook both need new chargers.",
            "Florence Nightingale ward has no hot water.",
            "Patients moved from St Mary's to the annex.",
            "Je n'ai pas reçu de réponse.",
            "The \"Victoria\" meeting room has no screen.",
            "Jasper AI writes the release notes.",
            "Our Sr Engineer left in May.",
            "The team at the sede di Brescia waits for parts.",
            "Siri and Cortana are not an accessibility strategy.",
            "There is no joy in finance.",
            "I lost hope in HR long ago.",
            "Hope in the team is low.",
            "The bill from the agency was wrong.",
            "We have plants in Saskatchewan, Manitoba and Queensland.",
            "En Lombardia y Emilia-Romagna cerramos dos almacenes.",
            "The Maharashtra and Karnataka depots merged.",
            "The Johnson & Johnson renewal was negotiated without us.",
            "If they close the Marks & Spencer concession, footfall drops.",
            "The car park on Park Lane has been shut since the flooding.",
            "Mijn salaris is anders dan vorig jaar. Graag corrigeren.",
            "Storm Éowyn closed the depot for two days.",
            "De nieuwe Albert Heijn naast het kantoor is geweldig.",
            "O armazém da Maia foi fechado.",
            "The Osaka office closes for Golden Week every year.",
            "The Cologne store moved and customers still go to the old place on Hohe Straße.",
            "We need someone practical, not a real Einstein. Please.",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
    }

    #[test]
    fn finds_homographs_nicknames_titles_and_where_names_end() {
        assert_eq!(names("Will from facilities fixed the AC."), ["Will"]);
        assert_eq!(names("mark in IT reset my password."), ["mark"]);
        assert_eq!(names("joy on reception is great."), ["joy"]);
        assert_eq!(
            names("Joy was told she couldn't wear braids at the desk."),
            ["Joy"]
        );
        assert_eq!(
            names("Patience at the pharmacy counter is amazing with customers."),
            ["Patience"]
        );
        assert_eq!(
            names("Honestly Will is the best thing here. He made me welcome."),
            ["Will"]
        );
        assert_eq!(
            names("Sehr geehrte Frau Mag. Pichler, ich beschwere mich."),
            ["Pichler"]
        );
        assert_eq!(names("I spoke to Big Steve yesterday."), ["Big Steve"]);
        // A title that is also a given name stays a name; a text may open
        // with a particle.
        assert_eq!(names("Don Draper said no again."), ["Don Draper"]);
        assert_eq!(names("van Dijk said the rota is fine."), ["van Dijk"]);
        assert_eq!(
            names("Smithy on the gate knows every driver by name."),
            ["Smithy"]
        );
        assert_eq!(
            names("Will has been carrying the onboarding for the new starters since January. He deserves thanks."),
            ["Will"]
        );
        assert_eq!(
            names("Grace and Joy on the postnatal unit are the calmest midwives."),
            ["Grace", "Joy"]
        );
        assert_eq!(
            names("Can HR explain why Hope, who has been acting lead, has no offer?"),
            ["Hope"]
        );
        // A name ends at a line break; a workplace's particle names a place.
        assert_eq!(
            names("De: Javier Montoya\nPara: Equipo Almacén Querétaro\nAsunto: Horas"),
            ["Javier Montoya"]
        );
        // A period ends a name: "Okafor. Dojazd" is no two-word name.
        assert_eq!(
            names("I asked Mr Okafor. Dojazd was the answer."),
            ["Okafor"]
        );
        assert_eq!(names("Congratulations to Joy in Finance!"), ["Joy"]);
        assert_eq!(names("will and i asked for the same course."), ["will"]);
        assert_eq!(names("rose and amira covered my till."), ["rose", "amira"]);
        assert_eq!(
            names("bill from the night crew left the gate open."),
            ["bill"]
        );
        assert_eq!(
            names("Il fait le travail depuis le départ de Sandrine, et personne."),
            ["Sandrine"]
        );
    }

    #[test]
    fn finds_nicknames_inner_capitals_particles_and_brands_used_as_names() {
        for (t, want) in [
            ("talk to kev about the stock count", "kev"),
            ("shoutout siobhan for covering the shift", "siobhan"),
            ("I asked DeShawn to review it.", "DeShawn"),
            ("Please ask JoAnn before you book.", "JoAnn"),
            ("Ronan McDonald signed it off.", "Ronan McDonald"),
            ("Please thank Alexa Moreno for the rota.", "Alexa Moreno"),
            ("I think de Jong should decide.", "de Jong"),
            ("Mr Dyson approved it.", "Dyson"),
            ("I'm in Okafor's team now.", "Okafor"),
            ("Dr Patel clinic was cancelled.", "Patel"),
        ] {
            assert!(names(t).contains(&want.to_owned()), "{t}: {:?}", names(t));
        }
    }
}
