//! Phrases that single a person out: "the only designer on the platform
//! team", "the new hire who joined from Google last month", "the youngest
//! person in finance", "a 58-year-old developer".

use std::sync::LazyLock;

use super::Candidate;
use crate::lexicon::{self, WordSet, LEXICON};
use crate::text::{fold_key, Case, Token};
use crate::PiiKind;

/// Nouns for people and roles.
const PERSON_NOUNS: &[&str] = &[
    // Ranks and trades the role endings miss.
    "chief",
    "barback",
    "kp",
    "sommelier",
    "shunter",
    "domestic",
    "sergeant",
    "constable",
    "inspector",
    "detective",
    "corporal",
    "captain",
    "lieutenant",
    "baker",
    "butcher",
    "plumber",
    "carpenter",
    "welder",
    "storeman",
    "postman",
    "postwoman",
    "bookkeeper",
    "custodian",
    "attendant",
    "purser",
    "signaller",
    "labourer",
    "laborer",
    "dentist",
    "hygienist",
    "chaplain",
    "imam",
    "vicar",
    "priest",
    "rabbi",
    "firefighter",
    "fireman",
    "watchman",
    "doorman",
    "machinist",
    "operative",
    "groundsman",
    "gardener",
    "fisherman",
    "deckhand",
    "docker",
    "stevedore",
    "haulier",
    "chauffeur",
    "deputy",
    "headteacher",
    "headmistress",
    "headmaster",
    "bursar",
    "invigilator",
    "bms",
    "muslim",
    "christian",
    "jew",
    "hindu",
    "sikh",
    "buddhist",
    "mormon",
    "catholic",
    "latina",
    "latino",
    "refugee",
    "person",
    "one",
    "woman",
    "man",
    "guy",
    "girl",
    "lady",
    "employee",
    "member",
    "engineer",
    "developer",
    "dev",
    "designer",
    "scientist",
    "analyst",
    "manager",
    "lead",
    "intern",
    "contractor",
    "consultant",
    "parent",
    "mother",
    "father",
    "mom",
    "mum",
    "dad",
    "writer",
    "researcher",
    "specialist",
    "recruiter",
    "sre",
    "pm",
    "user",
    "speaker",
    "hire",
    "grad",
    "graduate",
    "starter",
    "joiner",
    "newcomer",
    "veteran",
    "founder",
    "immigrant",
    "staffer",
    "worker",
    "architect",
    "tester",
    "admin",
    "assistant",
    "accountant",
    "lawyer",
    "nurse",
    "doctor",
    "teacher",
    "student",
    "apprentice",
    "trainee",
    "post-doc",
    "coordinator",
    "director",
    "executive",
    "vp",
    "ceo",
    "cto",
    "cfo",
    "officer",
    "agent",
    "rep",
    "representative",
    "technician",
    "operator",
    "driver",
    "mechanic",
    "cook",
    "chef",
    "cleaner",
    "janitor",
    "guard",
    "receptionist",
    "secretary",
    "paralegal",
    "auditor",
    "marketer",
    "salesperson",
    "programmer",
    "coder",
    "sysadmin",
    "dba",
    "qa",
    "editor",
    "translator",
    "interpreter",
    "individual",
    "colleague",
    "teammate",
    "foreigner",
    "expat",
    "native",
    "widow",
    "widower",
    "smoker",
    "vegan",
    "boomer",
    "millennial",
    "mentor",
    "owner",
    "hr",
    "sde",
    "swe",
    "employees",
    "people",
    "women",
    "men",
    "cashier",
    "clerk",
    "courier",
    "barista",
    "midwife",
    "carer",
    "caregiver",
    "medic",
    "paramedic",
    "surgeon",
    "physician",
    "pilot",
    "steward",
    "stewardess",
    "waiter",
    "waitress",
    "bartender",
    "foreman",
    "forewoman",
    "handyman",
    "attorney",
    "solicitor",
    "barrister",
    "associate",
    "therapist",
    "caretaker",
    "housekeeper",
    "porter",
    "vet",
    "volunteer",
    "fellow",
    "resident",
    "registrar",
    "locum",
    "hca",
    "rn",
    // More role acronyms: police community support officer, nursing and
    // care assistants, theatre practitioner, paramedic, new teachers, the
    // school's special-needs coordinator.
    "pcso",
    "cna",
    "lpn",
    "rgn",
    "odp",
    "psw",
    "hcsw",
    "emt",
    "nqt",
    "ect",
    "senco",
    "hlta",
    "temp",
    "warden",
    "marshal",
    "tutor",
    "professor",
    "lecturer",
    "librarian",
    "bloke",
    "lad",
    "chap",
    "fella",
    "dude",
    "gal",
    "lass",
    "sister",
    "brother",
    "mama",
    "papa",
    "grandmother",
    "grandfather",
    "grandma",
    "grandpa",
    "tech",
    "concierge",
    "postdoc",
    "scaffolder",
    "hijabi",
    "physio",
    "electrician",
    "newbie",
    "ppl",
    "sparky",
    "sparkie",
    "commis",
    "sho",
    "pharmacist",
    "planner",
    "staff",
    "trustee",
    "governor",
    "banksman",
    "corper",
    "lassie",
    "laddie",
    "aider",
    "diabetic",
    "epileptic",
    "amputee",
    "kiwi",
    "aussie",
    "brit",
    "yank",
    "scot",
    "irishman",
    "irishwoman",
    "welshman",
    "welshwoman",
    "englishman",
    "englishwoman",
    "frenchman",
    "frenchwoman",
    "dutchman",
    "dutchwoman",
];
/// Family ties after a possessive: "the CEO's nephew".
const RELATIVES: &[&str] = &[
    "brother-in-law",
    "sister-in-law",
    "son-in-law",
    "daughter-in-law",
    "father-in-law",
    "mother-in-law",
    "stepson",
    "stepdaughter",
    "nephew",
    "niece",
    "wife",
    "husband",
    "son",
    "daughter",
    "cousin",
    "girlfriend",
    "boyfriend",
    "fiance",
    "fiancee",
    "brother",
    "sister",
    "mother",
    "father",
    "partner",
    "mate",
];
/// Traits that single a person out in a small unit: health, faith,
/// ethnicity, sexuality, age.
const SENSITIVE: &[&str] = &[
    "diabetic",
    "jewish",
    "muslim",
    "sikh",
    "hindu",
    "catholic",
    "mormon",
    "buddhist",
    "deaf",
    "blind",
    "disabled",
    "pregnant",
    "trans",
    "transgender",
    "gay",
    "lesbian",
    "bisexual",
    "black",
    "autistic",
    "dyslexic",
    "epileptic",
    "wheelchair",
    "hijabi",
    "hijab",
    "turban",
    "kippah",
    "niqab",
    "colour-blind",
    "color-blind",
    "partially-sighted",
    "neurodivergent",
    "non-binary",
    "nonbinary",
    "asian",
    "arab",
];
/// Hyphenated people whose last part alone is not a person ("timer").
const HYPHENATED_PEOPLE: &[&str] = &[
    "part-timer",
    "full-timer",
    "old-timer",
    "first-timer",
    "first-aider",
    "night-shifter",
];
/// Words ending like role nouns that are not people.
const NOT_PERSON: &[&str] = &[
    "other",
    "answer",
    "number",
    "order",
    "matter",
    "letter",
    "paper",
    "computer",
    "manner",
    "water",
    "power",
    "layer",
    "server",
    "folder",
    "corner",
    "chapter",
    "center",
    "centre",
    "border",
    "offer",
    "transfer",
    "cluster",
    "filter",
    "header",
    "trigger",
    "counter",
    "marker",
    "container",
    "parameter",
    "barrier",
    "never",
    "ever",
    "after",
    "under",
    "over",
    "rather",
    "whether",
    "together",
    "either",
    "neither",
    "however",
    "later",
    "better",
    "bigger",
    "faster",
    "longer",
    "earlier",
    "sooner",
    "harder",
    "easier",
    "newer",
    "older",
    "younger",
    "quarter",
    "winter",
    "summer",
    "meter",
    "reminder",
    "remainder",
    "monitor",
    "error",
    "door",
    "floor",
    "color",
    "colour",
    "factor",
    "sector",
    "mirror",
    "motor",
    "indicator",
    "calculator",
    "major",
    "minor",
    "sensor",
    "processor",
    "behavior",
    "behaviour",
    "favor",
    "favour",
    "honor",
    "honour",
    "labor",
    "labour",
    "list",
    "wrist",
    "twist",
    "exist",
    "assist",
    "checklist",
    "playlist",
    "mist",
    "fist",
    "gist",
    "resist",
    "insist",
    "persist",
    "consist",
    "median",
    "meridian",
    "vendor",
    "dinner",
    "super",
    "december",
    "november",
    "october",
    "september",
    "register",
    "character",
    "buffer",
    "banner",
    "partner",
    "cancer",
    "laser",
    "timer",
    "tower",
    "flower",
    "river",
    "silver",
    "butter",
    "printer",
    "scanner",
    "cover",
    "fever",
    "poster",
    "master",
    "disaster",
    "thunder",
    "wonder",
    "sticker",
    "ledger",
    "folder",
    "browser",
    "adapter",
    "charger",
    "spreadsheet",
    "customer",
    "shortlist",
    "generator",
    "elevator",
    "escalator",
    "radiator",
    "ventilator",
    "incubator",
    "refrigerator",
    "freezer",
    "heater",
    "boiler",
    "shredder",
    "projector",
    "router",
    "compressor",
    "conveyor",
    "tractor",
    "excavator",
    "accelerator",
    "trailer",
    "scooter",
    "corridor",
    "shelter",
    "locker",
    "drawer",
    "ladder",
    "hammer",
    "cooler",
    "dryer",
    "drier",
    "toaster",
    "theater",
    "theatre",
    "shutter",
    "binder",
    "divider",
    "bumper",
    "cellar",
    "pillar",
    "collar",
    "harbor",
    "harbour",
    "parlor",
    "parlour",
    "shower",
    "former",
    "latter",
    "upper",
    "lower",
    "inner",
    "outer",
    "proper",
    "further",
];
/// Superlatives and the like that single someone out.
const SINGLING: &[&str] = &[
    "youngest",
    "oldest",
    "newest",
    "longest-serving",
    "longest",
    "first",
    "last",
    "sole",
    "new",
    "most",
    "least",
    "lone",
    "remaining",
    "second",
    "third",
    "fourth",
    "fifth",
];
/// Verbs and auxiliaries that end the singling-out phrase ("... is", "...
/// has"), unless they are a relative clause's own verb.
const VERB_STOPS: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "means",
    "makes",
    "feels",
    "feel",
    "get",
    "gets",
    "got",
    "has",
    "have",
    "had",
    "can",
    "cannot",
    "can't",
    "will",
    "would",
    "should",
    "could",
    "might",
    "must",
    "do",
    "does",
    "don't",
    "doesn't",
    "never",
    "shouldn't",
    "won't",
    "wouldn't",
    "couldn't",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "hasn't",
    "haven't",
    "didn't",
];

/// "Two" and "three" in the other languages: "las dos únicas personas",
/// "een van de twee", "jedną z dwóch".
const FOREIGN_FEW: &[&str] = &[
    "dos", "deux", "due", "zwei", "twee", "duas", "dois", "tres", "trois", "tre", "drei", "drie",
    "dwoch", "dwu", "trzech", "2", "3",
];
/// "One" (of a few) in the other languages: "een van de twee", "jedną z".
const FOREIGN_ONE: &[&str] = &[
    "een", "eine", "einer", "eines", "une", "un", "uno", "una", "um", "uma", "jeden", "jedna",
    "l'un", "l'une", "jedno", "jednym", "jednego",
];
static FOREIGN_ONE_SET: LazyLock<WordSet> = LazyLock::new(|| FOREIGN_ONE.iter().copied().collect());
/// "Only" in the other languages feedback arrives in (folded keys).
const FOREIGN_ONLY: &[&str] = &[
    // Indonesian and Malay: "satu-satunya perempuan di tim las".
    "satu-satunya",
    "einzige",
    "einzigen",
    "einziger",
    "einzigste",
    "seule",
    "seul",
    "unico",
    "unica",
    "l'unico",
    "l'unica",
    "enige",
    "enigste",
    "jedyna",
    "jedyny",
    "jedyne",
    "jedynym",
    "jedynej",
    "jedynego",
    "unique",
    "l'unique",
    "unicas",
    "unicos",
    "uniche",
    "unici",
    "seules",
    "seuls",
    // Superlatives that single out as well: "der älteste", "de jongste".
    "alteste",
    "altester",
    "altesten",
    "jungste",
    "jungster",
    "jungsten",
    "oudste",
    "jongste",
    "najstarszy",
    "najstarsza",
    "najmlodszy",
    "najmlodsza",
];
/// Their determiners.
const FOREIGN_DETERMINERS: &[&str] = &[
    "die", "der", "das", "den", "dem", "la", "le", "el", "il", "lo", "de", "het", "a", "o",
    "unser", "unsere", "unseren", "unserer", "notre", "nuestro", "nuestra", "nostro", "nostra",
    "nosso", "nossa", "onze", "nasz", "nasza", "ten", "ta",
];
/// "le plus ancien chauffeur", "la más joven", "il più giovane": a
/// superlative in two words.
const FOREIGN_MOST: &[&str] = &["plus", "mas", "piu", "mais"];
const FOREIGN_MOST_OF: &[&str] = &[
    "ancien", "ancienne", "jeune", "vieux", "vieille", "antiguo", "antigua", "joven", "viejo",
    "vieja", "giovane", "anziano", "anziana", "vecchio", "vecchia", "novo", "nova", "velho",
    "velha", "antigo", "antiga", "nouveau", "nouvelle", "nuevo", "nueva", "nuovo", "nuova",
];
/// People in those languages; role nouns there mostly end in a suffix the
/// check below also accepts.
const FOREIGN_PERSON_NOUNS: &[&str] = &[
    "auszubildende",
    "auszubildender",
    "tecnico",
    "tecnica",
    "azubi",
    "ragazza",
    "ragazzo",
    "schwangere",
    "venu",
    "venue",
    "nowy",
    "nowa",
    "mens",
    "mensen",
    "azubis",
    "stagiair",
    "stagiairs",
    "personas",
    "persone",
    "pessoas",
    "osoby",
    "cara",
    "estagiario",
    "estagiaria",
    "funcionario",
    "funcionaria",
    "becario",
    "becaria",
    "secretario",
    "secretaria",
    "voluntario",
    "voluntaria",
    "chica",
    "chico",
    "fille",
    "garcon",
    "madchen",
    "junge",
    "meisje",
    "jongen",
    "menina",
    "menino",
    "dziewczyna",
    "chlopak",
    "frau",
    "mann",
    "person",
    "mensch",
    "kollegin",
    "kollege",
    "collega",
    "collegas",
    "collegue",
    "colega",
    "kolega",
    "kolezanka",
    "mutter",
    "vater",
    "femme",
    "homme",
    "personne",
    "mere",
    "pere",
    "mujer",
    "hombre",
    "persona",
    "madre",
    "padre",
    "donna",
    "uomo",
    "mamma",
    "vrouw",
    "man",
    "persoon",
    "moeder",
    "vader",
    "kobieta",
    "mezczyzna",
    "osoba",
    "matka",
    "ojciec",
    "mulher",
    "homem",
    "pessoa",
    "mae",
    "pai",
    // Workplace roles whose endings the strict rule does not trust.
    "camarero",
    "camarera",
    "cocinero",
    "cocinera",
    "enfermero",
    "enfermera",
    "administrativo",
    "administrativa",
    "repartidor",
    "repartidora",
    "cajero",
    "cajera",
    "limpiadora",
    "mozo",
    "cuoco",
    "cuoca",
    "cameriere",
    "cameriera",
    "magazziniere",
    "magazziniera",
    "infermiere",
    "infermiera",
    "cassiera",
    "cassiere",
    "autista",
    "caixa",
    "cozinheiro",
    "cozinheira",
    "enfermeiro",
    "enfermeira",
    "motorista",
    "faxineira",
    "cuisinier",
    "cuisiniere",
    "infirmier",
    "infirmiere",
    "serveur",
    "serveuse",
    "caissier",
    "caissiere",
    "magasinier",
    "fahrer",
    "fahrerin",
    "koch",
    "kochin",
    "pfleger",
    "pflegerin",
    "kassierer",
    "kassiererin",
    "lagerist",
    "lageristin",
    "elektriker",
    "elektrikerin",
    "monteur",
    "schoonmaker",
    "chauffeur",
    "verpleegkundige",
    "kok",
    "magazijnmedewerker",
    "elektryk",
    "kierowca",
    "magazynier",
    "pielegniarka",
    "kucharz",
    "kucharka",
    "sprzataczka",
    "kasjerka",
    "fisioterapista",
    "barista",
    "recepcionista",
    "dentista",
    "farmacista",
    "analista",
    "electricista",
    "elettricista",
    "maquinista",
    "impiegata",
    "impiegato",
    "operaio",
    "operaia",
    "commessa",
    "commesso",
    "operario",
    "operaria",
    "empleada",
    "empleado",
    "dependienta",
    "comptable",
    "monteuse",
    "vendeuse",
    "vendeur",
    "employee",
    "employe",
    "agent",
    "agente",
    "stagiaire",
    "vigilante",
    "medewerker",
    "medewerkster",
    "comercial",
    "abogada",
    "abogado",
    "advogada",
    "advogado",
    "avvocata",
    "avvocato",
    "apprenti",
    "apprentie",
    "moslima",
];
/// Machines and things whose names end like a person's role ("la
/// pointeuse", "la impresora", "el elevador").
const FOREIGN_THINGS: &[&str] = &[
    "pointeuse",
    "tondeuse",
    "perceuse",
    "friteuse",
    "agrafeuse",
    "photocopieuse",
    "broyeuse",
    "balayeuse",
    "laveuse",
    "friggitrice",
    "lavatrice",
    "affettatrice",
    "impresora",
    "computadora",
    "lavadora",
    "secadora",
    "aspiradora",
    "calculadora",
    "trituradora",
    "elevador",
    "ventilador",
    "computador",
    "refrigerador",
    "congelador",
    "aquecedor",
    "radiador",
    "ascensore",
    "frigorifero",
    "carretilla",
    "empilhadeira",
    "carrello",
    "maquina",
    "maquinas",
    "cafetera",
    "ascensor",
    "impressora",
    "macchina",
    "stampante",
    "drucker",
    "aufzug",
    "winda",
    "drukarka",
    "ascenseur",
    "imprimante",
];
static FOREIGN_THING_SET: LazyLock<WordSet> =
    LazyLock::new(|| FOREIGN_THINGS.iter().copied().collect());
/// Foreign words that end a phrase: "and", "but", "because" and the verbs
/// "is", "am", "have".
const FOREIGN_CLAUSE_STOP: &[&str] = &[
    "und", "aber", "weil", "ist", "bin", "habe", "et", "mais", "parce", "est", "suis", "ai", "y",
    "pero", "porque", "es", "soy", "tengo", "ma", "perche", "sono", "ho", "maar", "omdat", "ben",
    "heb", "ale", "bo", "jest", "jestem", "mam", "mas", "sou", "tenho", "dass", "ik", "ich",
    "moet", "muss", "kan", "kann", "wil", "will", "word", "werd", "wurde", "werde", "hat", "war",
    "hatte", "wird", "sind", "waren", "non", "ha", "hanno", "era", "erano", "aveva", "ne", "n'a",
    "n'est", "n'ai", "oraz",
];
/// Words that stand where a determiner would: "als einziger ...", "en tant
/// que seul ...", "jestem jedyną ...".
const FOREIGN_AS: &[&str] = &[
    "als", "comme", "que", "como", "come", "jako", "bin", "suis", "soy", "sono", "sou", "ben",
    "jestem", "sei", "zijn",
];
/// Relative pronouns after "the person": "la personne qui ...".
const FOREIGN_RELATIVES: &[&str] = &[
    // "q": "que" as chat types it ("el único q habla inglés").
    "qui", "que", "q", "che", "die", "der", "welche", "która", "ktora", "który", "ktory",
];
/// Stop words that open a new clause rather than continue a relative one.
const CONJUNCTIONS: &[&str] = &[
    "and",
    "but",
    "so",
    "because",
    "since",
    "though",
    "although",
    "yet",
    "while",
    "when",
    "if",
    "which",
    "i",
    "i'm",
    "im",
    "i've",
    "we",
    "you",
    "it",
    "then",
    "until",
    "unless",
    "whereas",
    "therefore",
    "hence",
    "thus",
    "or",
    // Chat asides end a phrase too: "only female tech on site btw".
    "btw",
    "tbh",
    "lol",
    "fyi",
    "imo",
];
/// Past participles that tie a person to a place: "the corper posted to
/// our Ikeja branch".
const PAST_TIES: &[&str] = &[
    "posted",
    "based",
    "seconded",
    "assigned",
    "stationed",
    "attached",
    "transferred",
    "hired",
];
/// Past participles that tie a person to an event only before a
/// preposition: "the driver injured in the collapse", not "the manager
/// promoted his friend".
const EVENT_TIES: &[&str] = &[
    "injured",
    "hurt",
    "promoted",
    "assaulted",
    "attacked",
    "harassed",
    "redeployed",
    "relocated",
    "recruited",
    "rehired",
    "moved",
    "brought",
    "sent",
    "taken",
];
/// Token `j` is a past participle that ties a person to a place or an
/// event: a listed tie ("posted to our Ikeja branch"), an event participle
/// before a preposition ("injured in the racking collapse"), or, after the
/// writer's own "I'm the ...", any "-ed" word before a preposition ("hired
/// through Hays"). Elsewhere such a word is as often the sentence's verb
/// ("the provider switched in January").
fn past_tie(tokens: &[Token], keys: &Keys, j: usize, is_self: bool) -> bool {
    let key = keys.get(j);
    PAST_TIES.contains(&key)
        || ((EVENT_TIES.contains(&key) || (is_self && key.len() >= 6 && key.ends_with("ed")))
            && tokens.get(j).is_some_and(|t| t.case == Case::Lower)
            && matches!(
                keys.get(j + 1),
                "in" | "at"
                    | "on"
                    | "to"
                    | "through"
                    | "by"
                    | "from"
                    | "during"
                    | "after"
                    | "into"
                    | "onto"
                    | "back"
            ))
}

/// Verbs that may follow the subject of a "whose" clause.
const RELATIVE_VERBS: &[&str] = &[
    "is", "was", "are", "were", "has", "had", "have", "gets", "got", "sits", "sat",
];
/// Prepositions and relatives that tie a role to a place or a deed: "the
/// receptionist at the Gdańsk office", "the nurse who ...".
const ROLE_TIES: &[&str] = &[
    "at", "in", "on", "for", "from", "of", "who", "that", "whose", "with",
];
/// Adverbs that may stand between "I'm" and the phrase.
const ADVERBS: &[&str] = &[
    "still",
    "also",
    "basically",
    "literally",
    "probably",
    "now",
    "currently",
    "just",
    "actually",
    "effectively",
    "technically",
    "officially",
    "really",
];

struct Keys {
    buf: String,
    spans: Vec<(usize, usize)>,
}

impl Keys {
    fn new(text: &str, tokens: &[Token]) -> Self {
        let mut buf = String::with_capacity(text.len());
        let mut spans = Vec::with_capacity(tokens.len());
        let mut scratch = String::new();
        for t in tokens {
            fold_key(&text[t.start..t.end], &mut scratch);
            // "im teh only dispatcher": a typo of the article.
            if scratch == "teh" {
                scratch.clear();
                scratch.push_str("the");
            }
            let s = buf.len();
            buf.push_str(&scratch);
            spans.push((s, buf.len()));
        }
        Self { buf, spans }
    }

    fn get(&self, i: usize) -> &str {
        self.spans
            .get(i)
            .map_or("", |&(s, e)| self.buf.get(s..e).unwrap_or(""))
    }
}

/// The noun lists as hash sets: `is_person_noun` runs for most tokens.
/// Family ties are people too, but "partner" is more often a company.
static PERSON_NOUN_SET: LazyLock<WordSet> = LazyLock::new(|| {
    PERSON_NOUNS
        .iter()
        .chain(RELATIVES)
        .filter(|w| !NOT_PERSON.contains(w))
        .copied()
        .collect()
});
static NOT_PERSON_SET: LazyLock<WordSet> = LazyLock::new(|| NOT_PERSON.iter().copied().collect());
/// The irregular plurals of the listed person nouns: "midwives", "firemen",
/// "deputies".
static IRREGULAR_PLURALS_SET: LazyLock<WordSet> = LazyLock::new(|| {
    PERSON_NOUN_SET
        .iter()
        .filter_map(|w| {
            [("wife", "wives"), ("man", "men"), ("y", "ies")]
                .iter()
                .find_map(|(singular, plural)| {
                    w.strip_suffix(singular)
                        .filter(|stem| stem.len() >= 2)
                        .map(|stem| format!("{stem}{plural}"))
                })
        })
        // Built once for the process: the set keeps the words for good.
        .map(|w| &*Box::leak(w.into_boxed_str()))
        .collect()
});
static FOREIGN_PERSON_NOUN_SET: LazyLock<WordSet> =
    LazyLock::new(|| FOREIGN_PERSON_NOUNS.iter().copied().collect());

/// Words that end the singling-out phrase: a conjunction or a verb.
static CLAUSE_STOP_SET: LazyLock<WordSet> =
    LazyLock::new(|| CONJUNCTIONS.iter().chain(VERB_STOPS).copied().collect());
static FOREIGN_CLAUSE_STOP_SET: LazyLock<WordSet> =
    LazyLock::new(|| FOREIGN_CLAUSE_STOP.iter().copied().collect());
static FOREIGN_DETERMINERS_SET: LazyLock<WordSet> =
    LazyLock::new(|| FOREIGN_DETERMINERS.iter().copied().collect());
/// The three lists a foreign phrase can start with, for one lookup.
static FOREIGN_STARTERS_SET: LazyLock<WordSet> = LazyLock::new(|| {
    FOREIGN_DETERMINERS
        .iter()
        .chain(FOREIGN_ONLY)
        .chain(FOREIGN_ONE)
        .copied()
        .collect()
});
static FOREIGN_ONLY_SET: LazyLock<WordSet> =
    LazyLock::new(|| FOREIGN_ONLY.iter().copied().collect());
static SENSITIVE_SET: LazyLock<WordSet> = LazyLock::new(|| SENSITIVE.iter().copied().collect());
static CONJUNCTIONS_SET: LazyLock<WordSet> =
    LazyLock::new(|| CONJUNCTIONS.iter().copied().collect());
static ROLE_TIES_SET: LazyLock<WordSet> = LazyLock::new(|| ROLE_TIES.iter().copied().collect());
static SINGLING_SET: LazyLock<WordSet> = LazyLock::new(|| SINGLING.iter().copied().collect());

fn is_person_noun(key: &str) -> bool {
    if PERSON_NOUN_SET.contains(key) || HYPHENATED_PEOPLE.contains(&key) {
        return true;
    }
    // "over-50", "under-25": an age group.
    if let Some(age) = key
        .strip_prefix("over-")
        .or_else(|| key.strip_prefix("under-"))
    {
        return age.len() == 2 && age.bytes().all(|b| b.is_ascii_digit());
    }
    // Plurals, for small groups: "one of two midwives", "one of three
    // firemen", "one of two deputies" (a set built once, no allocation
    // per token).
    if IRREGULAR_PLURALS_SET.contains(key) {
        return true;
    }
    if let Some(stem) = key.strip_suffix('s') {
        if stem.len() >= 3
            && !stem.ends_with('s')
            && (PERSON_NOUN_SET.contains(stem) || is_role_word(stem))
        {
            return true;
        }
    }
    // "co-founder", "night-nurse", "team-lead": the last part decides.
    if let Some((head, last)) = key.rsplit_once('-') {
        return !head.is_empty() && !last.is_empty() && !last.contains('-') && is_person_noun(last);
    }
    is_role_word(key)
}

/// A dictionary word with a role ending: "pharmacist", "electrician"; or
/// any word with a profession's ending: "sonographer", "phlebotomist".
fn is_role_word(key: &str) -> bool {
    if key.len() < 5 || NOT_PERSON_SET.contains(key) {
        return false;
    }
    if key.len() >= 8
        && [
            "grapher",
            "ologist",
            "ician",
            "therapist",
            "otomist",
            "ographer",
            "iatrist",
        ]
        .iter()
        .any(|suf| key.ends_with(suf))
    {
        return true;
    }
    let role_suffix = ["ist", "ian", "eer", "er", "or"]
        .iter()
        .any(|suf| key.ends_with(suf));
    role_suffix && LEXICON.flags(key) & lexicon::WORD != 0
}

/// Titles of the people feedback is usually *about*, and plain groups: "the
/// manager who approved it" names a role everyone knows, not a trait that
/// gives a writer or a colleague away.
const LEADERSHIP: &[&str] = &[
    "staff",
    "manager",
    "director",
    "executive",
    "vp",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "lead",
    "supervisor",
    "boss",
    "head",
    "owner",
    "founder",
    "hr",
    "people",
    "employees",
    "women",
    "men",
    "member",
];

/// Only spaces (no punctuation) separate token `i - 1` from token `i`; a
/// possessive ("the CEO's speech", "the developers' room") does not break
/// the phrase either.
fn joined(text: &str, tokens: &[Token], i: usize) -> bool {
    if i == 0 || i >= tokens.len() {
        return false;
    }
    let Some(gap) = text.get(tokens[i - 1].end..tokens[i].start) else {
        return false;
    };
    // "the 6:10 shuttle", "the 2–10 shift": a time or a range is one word.
    let numeric = tokens[i - 1].has_digit
        && tokens[i].has_digit
        && matches!(gap, ":" | "-" | "\u{2013}" | "/" | ".");
    // "M&A", "R&D": one word.
    let ampersand = gap == "&"
        && text[tokens[i - 1].start..tokens[i - 1].end]
            .chars()
            .all(|c| c.is_ascii_uppercase());
    // "tues/thurs", "days/nights": one choice, one phrase.
    let slash = gap == "/" && !tokens[i - 1].has_digit && !tokens[i].has_digit;
    // "the Takoradi–Accra route": a route between two places.
    let route = matches!(gap, "\u{2013}" | "-")
        && tokens[i - 1].case == Case::Title
        && tokens[i].case == Case::Title;
    numeric
        || ampersand
        || slash
        || route
        || strip_possessive(gap).chars().all(|c| c == ' ' || c == '\t')
}

/// The gap without a leading possessive `'s`, `’s` or `'`.
fn strip_possessive(gap: &str) -> &str {
    for p in ["'s", "\u{2019}s", "'S", "'", "\u{2019}"] {
        if let Some(rest) = gap.strip_prefix(p) {
            if rest.starts_with([' ', '\t']) {
                return rest;
            }
        }
    }
    gap
}

/// Token `i` carries a possessive: "team's", "developers'".
fn possessive(text: &str, tokens: &[Token], i: usize) -> bool {
    let end = tokens[i].end;
    let rest = text.get(end..).unwrap_or("");
    ["'s ", "\u{2019}s ", "' ", "\u{2019} "]
        .iter()
        .any(|p| rest.starts_with(p))
}

/// The text right before token `i` refers to the writer: "As", "Being",
/// "I'm", "I am", "I was", "I've been".
fn self_prefix(text: &str, tokens: &[Token], keys: &Keys, i: usize) -> bool {
    self_prefix_at(text, tokens, keys, i, true)
}

/// See [`self_prefix`]; `appositive` allows one "I'm Ewa, ..." step (not a
/// chain: "Ab, Ab, Ab, ..." must not recurse once per comma).
fn self_prefix_at(text: &str, tokens: &[Token], keys: &Keys, i: usize, appositive: bool) -> bool {
    let mut j = i;
    while j > 0 && joined(text, tokens, j) && ADVERBS.contains(&keys.get(j - 1)) {
        j -= 1;
    }
    if j == 0 {
        return false;
    }
    let p = keys.get(j - 1);
    let pp = if j >= 2 && joined(text, tokens, j - 1) {
        keys.get(j - 2)
    } else {
        ""
    };
    let gap = text.get(tokens[j - 1].end..tokens[j].start).unwrap_or("");
    // "Regards,\nthe night supervisor at the Tamworth sortation centre": a
    // description signs the text.
    if (super::SIGN_OFF_WORDS.contains(&p) || matches!(p, "from" | "signed"))
        && gap.contains('\n')
        && matches!(gap.trim(), "" | ",")
    {
        return true;
    }
    // "...\n\n– the last Welsh speaker left on the floor": a dash on a new
    // line signs the text.
    if gap.contains('\n')
        && gap
            .rsplit('\n')
            .next()
            .is_some_and(|line| matches!(line.trim(), "–" | "-" | "—" | "--"))
    {
        return true;
    }
    // "I'm Ewa, the receptionist at ...": an appositive after the writer's
    // own name.
    if appositive && gap.trim() == "," && tokens[j - 1].case == Case::Title {
        return self_prefix_at(text, tokens, keys, j - 1, false);
    }
    // "it's just me, the Saturday supervisor at ..."
    if gap.trim() == "," && p == "me" {
        return true;
    }
    // "From a type 1 diabetic on the packing line: ..." signs the text.
    if j == 1 && p == "from" && tokens[0].case == Case::Title {
        return true;
    }
    let glued = joined(text, tokens, j) || gap.trim().is_empty();
    glued
        // "Imagine being the only person on site": a hypothetical.
        && !(p == "being" && matches!(pp, "imagine" | "like" | "risk" | "about"))
        && (matches!(p, "as" | "being" | "i'm" | "im")
            || (p == "am" && pp == "i")
            || (p == "was" && pp == "i")
            || (p == "is" && pp == "name")
            // "Good evening. This is the driver of the 5:30 shuttle": the
            // writer introducing themself, early in the text.
            || (p == "is" && pp == "this" && j < 12)
            || (p == "been" && matches!(pp, "i've" | "ive" | "have"))
            || (p == "remain" && pp == "i"))
}

/// A foreign person noun by the list or an ending that is only a
/// person's ("-erin", "-trice", "-euse"), for phrases without "only": not
/// "-ier" ("courrier"), "-er", "-ero" ("número", "dinero"), "-aire"
/// ("salaire") or "-phone" ("téléphone").
fn is_foreign_role_noun_strict(key: &str) -> bool {
    if FOREIGN_THING_SET.contains(key) {
        return false;
    }
    // "Lkw-Fahrer", "Teamleiter-Assistentin": the last part decides.
    if let Some((_, last)) = key.rsplit_once('-') {
        if !last.is_empty() && is_foreign_role_noun_strict(last) {
            return true;
        }
    }
    FOREIGN_PERSON_NOUN_SET.contains(key)
        || (key.len() >= 6
            && [
                "erin",
                "eurin",
                "istin",
                "ierin",
                "euse",
                "trice",
                "eira",
                "eiro",
                "ador",
                "leiter",
                "kundige",
                "kraft",
                "aise",
                "chauffeur",
                "conductor",
                // "la reponedora", "o motorista", "dem Staplerfahrer" (not
                // "-dora" alone: "la maquiladora", "la agroexportadora").
                // "de enige vrouwelijke stuurman", "der Fachmann".
                "stuurman",
                "vakman",
                "mann",
                "reponedora",
                "trabajadora",
                "operadora",
                "cuidadora",
                "limpiadora",
                "vendedora",
                "repartidora",
                "cobradora",
                "orista",
                "ionista",
                "fahrer",
                "arbeiter",
                "arbeiterin",
            ]
            .iter()
            .any(|suf| key.ends_with(suf)))
}

/// A person noun of another language: listed, or a role noun by its ending
/// ("Ingenieurin", "infirmière", "enfermero", "infermiera").
fn is_foreign_person_noun(key: &str) -> bool {
    if FOREIGN_THING_SET.contains(key) {
        return false;
    }
    FOREIGN_PERSON_NOUN_SET.contains(key)
        || (key.len() >= 6
            && [
                "erin", "eurin", "istin", "ierin", "euse", "trice", "iere", "ier", "ero", "era",
                "ista", "ora", "tore", "iera", "ster", "aar", "ka", "ik", "eur", "euta", "eira",
                "ador", "leiter", "kundige", "ente", "ante", "nik", "iem", "er", "ico", "ica",
                "eiro", "tor", "kraft", "aise", "phone", "aire", "isti", "iste", "icien",
                "icienne",
            ]
            .iter()
            .any(|suf| key.ends_with(suf)))
}

/// The clause from token `from` to `to` voices an opinion of oneself ("die
/// sich noch über den Dienstplan aufregt", "que se preocupa"), which no one
/// can check.
fn opinion_clause(keys: &Keys, from: usize, to: usize) -> bool {
    (from..=to).any(|m| {
        matches!(
            keys.get(m),
            "aufregt"
                | "kummert"
                | "interessiert"
                | "beschwert"
                | "preocupa"
                | "importa"
                | "soucie"
                | "interesse"
                | "preoccupa"
                | "importe"
                | "zorgen"
                | "interesseert"
                | "przejmuje"
        )
    })
}

/// "die einzige Frau im Lager", "la seule infirmière de nuit", "l'unica
/// donna in magazzino": returns the phrase's last token.
fn foreign_only(text: &str, tokens: &[Token], keys: &Keys, i: usize) -> Option<usize> {
    let key = keys.get(i);
    // Most tokens start nothing here; one cheap test for them.
    if !FOREIGN_STARTERS_SET.contains(key)
        && !key.starts_with("l'")
        && key != "osoba"
        && (i == 0 || keys.get(i - 1) != "jestem")
    {
        return None;
    }
    let apostrophe = key.starts_with("l'");
    let n = tokens.len();
    // "la personne qui a signalé la fuite": the person and what they did.
    if FOREIGN_DETERMINERS_SET.contains(key)
        && i + 2 < n
        && joined(text, tokens, i + 1)
        && joined(text, tokens, i + 2)
        && matches!(
            keys.get(i + 1),
            "personne" | "persona" | "pessoa" | "persoon" | "person" | "osoba"
        )
        && FOREIGN_RELATIVES.contains(&keys.get(i + 2))
    {
        return Some(foreign_clause_end(text, tokens, keys, i + 2));
    }
    // "Jestem osobą, która 3 października zgłosiła wyciek": Polish has no
    // article; the writer's own "osobą, która" with a date or a number.
    // "Jestem pracownicą, która ...": any noun in the instrumental.
    let instrumental = text[tokens[i].start..tokens[i].end].ends_with('ą')
        || (key.ends_with("iem") && key.len() >= 6);
    if (key == "osoba" || instrumental)
        && i > 0
        && keys.get(i - 1) == "jestem"
        && matches!(keys.get(i + 1), "ktora" | "ktory")
    {
        let end = foreign_clause_end(text, tokens, keys, i + 1);
        if (i + 2..=end).any(|m| tokens[m].has_digit) {
            return Some(end);
        }
    }
    if let Some(end) = foreign_one_of(text, tokens, keys, i) {
        return Some(end);
    }
    // "le plus ancien chauffeur du dépôt", "le nouveau venu de l'agence":
    // a superlative or "new", then the noun.
    if FOREIGN_DETERMINERS_SET.contains(key) && i + 2 < n && joined(text, tokens, i + 1) {
        let mut k = i + 1;
        if FOREIGN_MOST.contains(&keys.get(k)) {
            k += 1;
        }
        if FOREIGN_MOST_OF.contains(&keys.get(k)) && joined(text, tokens, k) {
            let m = k + 1;
            let leader = matches!(
                keys.get(m),
                "gerente"
                    | "jefe"
                    | "jefa"
                    | "directeur"
                    | "directrice"
                    | "direktor"
                    | "direktorin"
                    | "chef"
                    | "chefin"
                    | "capo"
                    | "responsabile"
                    | "diretor"
                    | "diretora"
                    | "kierownik"
                    | "kierowniczka"
                    | "manager"
                    | "leiter"
                    | "leiterin"
            );
            if m < n
                && joined(text, tokens, m)
                && is_foreign_role_noun_strict(keys.get(m))
                && !leader
            {
                return Some(foreign_clause_end(text, tokens, keys, m));
            }
        }
    }
    // "el conductor de la furgoneta 7 que tuvo el golpe", "o estagiário
    // que veio da filial de Recife", "die Teilzeitkraft, die dienstags
    // ...": a colleague and a relative clause or an origin.
    // "l'infirmière qui a fait la déclaration": the article is elided
    // into the noun.
    if let Some(noun) = key.strip_prefix("l'") {
        if is_foreign_role_noun_strict(noun)
            && i + 1 < n
            && joined(text, tokens, i + 1)
            && FOREIGN_RELATIVES.contains(&keys.get(i + 1))
        {
            return Some(foreign_clause_end(text, tokens, keys, i + 1));
        }
    }
    // Dutch "de verpleegkundige die ...": "de" is an article only before a
    // relative "die" (elsewhere it is "of").
    let dutch_de = keys.get(i + 2) == "die"
        || (i > 0
            && (matches!(keys.get(i - 1), "ben" | "is")
                || text
                    .get(tokens[i - 1].end..tokens[i].start)
                    .is_some_and(|g| g.trim() == ",")));
    if FOREIGN_DETERMINERS_SET.contains(key)
        && (key != "de" || dutch_de)
        && i + 2 < n
        && joined(text, tokens, i + 1)
        // "la coordinadora de voluntariado": a leader is the feedback's
        // target, not a trait.
        && !LEADERS.contains(&keys.get(i + 1))
        && (is_foreign_role_noun_strict(keys.get(i + 1))
            // "die Neue am Empfang": the adjective made a noun, capitalised
            // (not "die neue Regel").
            || (matches!(keys.get(i + 1), "neue" | "neuer")
                && tokens[i + 1].case == Case::Title))
    {
        let k = i + 1;
        let gap = text
            .get(tokens[k].end..tokens[k + 1].start)
            .unwrap_or("")
            .trim();
        let next = keys.get(k + 1);
        let relative = FOREIGN_RELATIVES.contains(&next) && matches!(gap, "" | ",");
        // "la ricercatrice rientrata dalla maternità a marzo": a participle
        // after the noun.
        let participle = gap.is_empty()
            && tokens.get(k + 1).is_some_and(|t| t.case == Case::Lower)
            && next.chars().count() >= 6
            && ["ata", "ato", "ada", "ado", "ida", "ido", "ita", "ito", "ee"]
                .iter()
                .any(|x| next.ends_with(x))
            && joined(text, tokens, k + 2);
        // "o funcionário mais antigo da filial de Recife": a superlative
        // after the noun.
        let superlative = gap.is_empty()
            && matches!(next, "mais" | "mas" | "piu" | "plus" | "meest")
            && joined(text, tokens, k + 2)
            // Age and tenure can be checked; "la más simpática" cannot.
            && matches!(
                keys.get(k + 2),
                "antigo"
                    | "antiga"
                    | "antiguo"
                    | "antigua"
                    | "velho"
                    | "velha"
                    | "viejo"
                    | "vieja"
                    | "novo"
                    | "nova"
                    | "nuevo"
                    | "nueva"
                    | "joven"
                    | "jovem"
                    | "anziano"
                    | "anziana"
                    | "giovane"
                    | "vecchio"
                    | "vecchia"
                    | "ancien"
                    | "ancienne"
                    | "jeune"
                    | "vieux"
                    | "vieille"
                    | "recente"
                    | "reciente"
            );
        // Portuguese "o"/"a" are also "to"/"or": only with a relative, or
        // capitalised at a sentence start ("O vigilante do turno ...").
        // "o motorista da rota 12": a number in the clause makes it one.
        let article = !matches!(key, "a" | "o")
            || tokens[i].case != Case::Lower
            || (k + 1..(k + 5).min(n)).any(|m| tokens[m].has_digit);
        let origin = gap.is_empty()
            && article
            && matches!(
                next,
                "im" | "bei"
                    | "am"
                    | "nel"
                    | "nella"
                    | "en"
                    | "w"
                    | "de"
                    | "del"
                    | "du"
                    | "da"
                    | "dalla"
                    | "dal"
                    | "aus"
                    | "von"
                    | "z"
                    | "van"
                    | "do"
                    | "bij"
                    | "op"
            );
        // "el vigilante nocturno de la planta de Puebla": one adjective
        // before the origin.
        // "la ragazza nuova arrivata dalla sede di Bari": or a participle.
        let adjective_origin = gap.is_empty()
            && article
            && tokens.get(k + 1).is_some_and(|t| t.case == Case::Lower)
            && !FOREIGN_CLAUSE_STOP_SET.contains(next)
            && joined(text, tokens, k + 1)
            && joined(text, tokens, k + 2)
            && (matches!(
                keys.get(k + 2),
                "de" | "del" | "du" | "della" | "dello" | "da" | "do" | "im" | "am" | "bij"
            ) || (tokens.get(k + 2).is_some_and(|t| t.case == Case::Lower)
                && keys.get(k + 2).chars().count() >= 6
                && ["ata", "ato", "ada", "ado", "ida", "ido"]
                    .iter()
                    .any(|x| keys.get(k + 2).ends_with(x))));
        if relative || origin || superlative || participle || adjective_origin {
            // The clause of a superlative starts at its adjective ("mais"
            // is also "but").
            let from = if superlative { k + 2 } else { k };
            return Some(foreign_clause_end(text, tokens, keys, from));
        }
    }
    if !FOREIGN_ONLY_SET.contains(key) {
        return None;
    }
    // "las dos únicas personas": a number between the determiner and "only".
    let counted = i > 1
        && joined(text, tokens, i)
        && joined(text, tokens, i - 1)
        && FOREIGN_FEW.contains(&keys.get(i - 1))
        && FOREIGN_DETERMINERS
            .iter()
            .chain(
                [
                    "las", "los", "les", "le", "gli", "i", "os", "as", "die", "de",
                ]
                .iter(),
            )
            .any(|d| *d == keys.get(i - 2));
    // "Pan Zbyszek, jedyny elektryk na nocnej zmianie": Polish needs no
    // determiner; an appositive or a new sentence is enough.
    // Indonesian "satu-satunya" never takes an article.
    // "to jedyna osoba, która ...", "jestem jedynym ...": after "to" or
    // a form of "być" too.
    let polish_apposition = key == "satu-satunya"
        || ((key.starts_with("jedyn")
            || key.starts_with("najstarsz")
            || key.starts_with("najmlodsz"))
            && (tokens[i].sentence_start
                || i == 0
                || text
                    .get(tokens[i - 1].end..tokens[i].start)
                    .is_some_and(|g| g.trim() == ",")
                || (joined(text, tokens, i)
                    && matches!(
                        keys.get(i - 1),
                        "to" | "jest" | "jestem" | "byl" | "byla" | "bylem" | "bylam"
                    ))));
    // "as únicas a notar", "los únicos que ...": plural articles.
    let plural_article = i > 0
        && joined(text, tokens, i)
        && matches!(keys.get(i - 1), "las" | "los" | "les" | "os" | "as" | "gli");
    // "Seul technicien de maintenance pour les trois hôtels": no article at
    // the start of a text or a field.
    let determined = apostrophe
        || field_start(text, tokens, i)
        || counted
        || polish_apposition
        || plural_article
        || (i > 0
            && joined(text, tokens, i)
            && (FOREIGN_DETERMINERS_SET.contains(keys.get(i - 1))
                || FOREIGN_AS.contains(&keys.get(i - 1))));
    if !determined {
        return None;
    }
    // "der einzige, der das alte Makro versteht"
    let comma = text
        .get(tokens[i].end..tokens.get(i + 1).map_or(tokens[i].end, |t| t.start))
        .is_some_and(|g| g.trim() == ",");
    if comma && FOREIGN_RELATIVES.contains(&keys.get(i + 1)) {
        let end = foreign_clause_end(text, tokens, keys, i + 1);
        // "die Einzige, die sich noch über den Dienstplan aufregt": an
        // opinion of oneself, not a checkable fact.
        let opinion = opinion_clause(keys, i + 2, end);
        if !opinion {
            return Some(end);
        }
    }
    // "a única que sabe onde estão as chaves", "el único de sistemas que
    // sabe reiniciar ...": the only one who can do a thing someone can
    // check (not "la única que se preocupa").
    // "jedyna osoba, która wie, jak ...": Polish puts a comma before the
    // relative.
    if key.starts_with("jedyn")
        && i + 3 < n
        && keys.get(i + 1).starts_with("osob")
        && matches!(keys.get(i + 2), "ktora" | "ktory" | "ktore")
    {
        return Some(foreign_clause_end(text, tokens, keys, i + 2));
    }
    // "as únicas a notar a fuga", "la única en saberlo", "l'unica a
    // sapere": "only" and an infinitive.
    if i + 2 < n
        && joined(text, tokens, i + 1)
        && joined(text, tokens, i + 2)
        && matches!(keys.get(i + 1), "a" | "en" | "da")
        && keys.get(i + 2).chars().count() >= 4
        && ["ar", "er", "ir", "re"]
            .iter()
            .any(|x| keys.get(i + 2).ends_with(x))
    {
        return Some(foreign_clause_end(text, tokens, keys, i + 2));
    }
    let relative_at = (i + 1..(i + 5).min(n))
        .take_while(|&m| joined(text, tokens, m))
        .find(|&m| FOREIGN_RELATIVES.contains(&keys.get(m)));
    if let Some(r) = relative_at.filter(|&r| joined(text, tokens, r + 1)) {
        // "a única que ainda sabe": an adverb before the verb.
        let v = if matches!(
            keys.get(r + 1),
            "ainda"
                | "aun"
                | "todavia"
                | "encore"
                | "noch"
                | "nog"
                | "ancora"
                | "jeszcze"
                | "still"
        ) && joined(text, tokens, r + 2)
        {
            r + 2
        } else {
            r + 1
        };
        if matches!(
            keys.get(v),
            "sabe"
                | "sait"
                | "sa"
                | "weiss"
                | "weet"
                | "puede"
                | "pode"
                | "peut"
                | "puo"
                | "kann"
                | "kan"
                | "tiene"
                | "tem"
                | "hat"
                | "heeft"
                | "habla"
                | "fala"
                | "parle"
                | "parla"
                | "spricht"
                | "spreekt"
                | "conoce"
                | "conhece"
                | "connait"
                | "conosce"
                | "kennt"
                | "kent"
                | "umie"
                | "zna"
                | "potrafi"
                | "ma"
                | "snapt"
                | "begrijpt"
                | "versteht"
                | "comprend"
                | "entiende"
                | "capisce"
                | "entende"
                | "rozumie"
        ) {
            return Some(foreign_clause_end(text, tokens, keys, r));
        }
        // Dutch and German put the verb last: "de enige die het oude
        // SAP-script snapt". A named thing or a number in the clause makes
        // it checkable.
        let end = foreign_clause_end(text, tokens, keys, r);
        if r == i + 1
            && matches!(keys.get(r), "die" | "der")
            && !opinion_clause(keys, r + 1, end)
            && (r + 1..=end).any(|m| {
                tokens[m].has_digit || text[tokens[m].start..].starts_with(char::is_uppercase)
            })
        {
            return Some(end);
        }
    }
    // "l'unica in cucina che sa fare il senza glutine": the only one, tied
    // to a place.
    // "la única bilingüe en el front desk": one word may come first.
    let abstract_thing = matches!(
        keys.get(i + 1),
        "cosa"
            | "cose"
            | "vez"
            | "veces"
            | "forma"
            | "manera"
            | "opcion"
            | "solucion"
            | "chose"
            | "choses"
            | "fois"
            | "facon"
            | "solution"
            | "raison"
            | "volta"
            | "modo"
            | "motivo"
            | "soluzione"
            | "ding"
            | "keer"
            | "manier"
            | "oplossing"
            | "reden"
            | "coisa"
            | "opcao"
            | "solucao"
            | "razao"
            | "maneira"
            | "jeito"
            | "persona"
            | "personne"
            | "pessoa"
    );
    // "o único elevador do armazém": a machine, not a person.
    let abstract_thing = abstract_thing || FOREIGN_THING_SET.contains(keys.get(i + 1));
    // "lo único bueno de esta empresa": the neuter article, a thing.
    let neuter = i > 0 && keys.get(i - 1) == "lo";
    for m in [i + 1, i + 2, i + 3] {
        // "la única abogada embarazada del despacho": up to two words first.
        // "le seul Malien de l'équipe de nuit": a nationality may come
        // first, capitalised.
        let demonym = |w: usize| {
            tokens[w].case == Case::Title
                && (LEXICON.flags(keys.get(w)) & lexicon::PLACE != 0
                    || [
                        "ien", "ienne", "ais", "aise", "ois", "oise", "ano", "ana", "ese", "es",
                        "ino", "ina",
                    ]
                    .iter()
                    .any(|x| keys.get(w).ends_with(x) && keys.get(w).chars().count() >= 5))
        };
        let place = joined(text, tokens, m)
            && (m == i + 1
                || ((i + 1..m).all(|w| {
                    joined(text, tokens, w) && (tokens[w].case == Case::Lower || demonym(w))
                }) && !abstract_thing))
            && (matches!(
                keys.get(m),
                "in" | "im" | "en" | "dans" | "na" | "no" | "w" | "op" | "al" | "nel" | "nella"
            ) || (m == i + 1
                // "de enige met een heftruckcertificaat": what only they have.
                && matches!(keys.get(m), "met" | "mit" | "con" | "com" | "avec"))
                // "la única del equipo de nóminas", "el único de la oficina
                // de Valencia": the group they belong to.
                                || (m == i + 1
                    && (matches!(keys.get(m), "del" | "della" | "dello" | "do" | "da" | "du")
                        || (keys.get(m) == "de"
                            && matches!(
                                keys.get(m + 1),
                                "la" | "l'" | "mi" | "mon" | "ma" | "nuestro" | "nuestra" | "notre"
                            ))))
                || (m == i + 2
                    && matches!(
                        keys.get(m),
                        "bij" | "du" | "del" | "della" | "dello" | "do" | "da" | "van" | "de"
                    ))
                || (m == i + 3 && matches!(keys.get(m), "del" | "du" | "della" | "do" | "da")));
        if place && !neuter {
            return Some(foreign_clause_end(text, tokens, keys, m));
        }
    }
    // "die einzige Hebamme im Nachtdienst": German capitalises its nouns.
    // Not an abstract noun: "die einzige Lösung", "die einzige Möglichkeit".
    let abstract_noun = |k: &str| {
        [
            "ung", "heit", "keit", "schaft", "tion", "nis", "tat", "ismus", "chen", "ment", "weg",
            "ort", "sache", "grund", "problem", "idee",
        ]
        .iter()
        .any(|x| k.ends_with(x))
    };
    if key.starts_with("einzig")
        && i + 1 < n
        && joined(text, tokens, i + 1)
        && tokens[i + 1].case == Case::Title
        && !abstract_noun(keys.get(i + 1))
    {
        return Some(foreign_clause_end(text, tokens, keys, i + 1));
    }
    // "jedynym operatorem suwnicy", "jedyną księgową": Polish has no
    // article and inflects the noun; the next word is the noun.
    if (key.starts_with("jedyn") || key == "satu-satunya")
        && i + 1 < n
        && joined(text, tokens, i + 1)
        && keys.get(i + 1).chars().count() >= 5
        // "jedyne rozwiązanie", "jedyny powód": not a person.
        && !matches!(
            keys.get(i + 1),
            "rozwiazanie"
                | "powod"
                | "powodem"
                | "wyjscie"
                | "sposob"
                | "problem"
                | "rzecz"
                | "miejsce"
                | "szansa"
                | "opcja"
                | "pytanie"
                | "zmiana"
        )
    {
        return Some(foreign_clause_end(text, tokens, keys, i + 1));
    }
    let mut k = i + 1;
    while k < n && k <= i + 3 && joined(text, tokens, k) {
        let kk = keys.get(k);
        let stem = kk.trim_end_matches('s');
        // "soldadores", "conductores": a Spanish plural drops "es".
        let es_stem = kk.strip_suffix("es").unwrap_or(kk);
        if FOREIGN_THING_SET.contains(kk) {
            return None;
        }
        if is_foreign_person_noun(kk)
            || is_foreign_person_noun(stem)
            || is_foreign_person_noun(es_stem)
            || is_person_noun(kk)
        {
            return Some(foreign_clause_end(text, tokens, keys, k));
        }
        k += 1;
    }
    None
}

/// "the woman who transferred from the Dubai office", "the deaf guy in
/// QA", "the sous chef at the Shoreditch site": a colleague described by a
/// singular person noun tied to a place, a thing they have or a deed.
/// Leadership titles and plain groups are left alone (`LEADERSHIP`).
fn third_person(text: &str, tokens: &[Token], keys: &Keys, o: usize) -> Option<(usize, f32)> {
    let n = tokens.len();
    // "the TA in Year 2 who's just back from her treatment", "the LSA in
    // Class 4 who does the Friday forest school": a role's acronym, a
    // numbered unit and a "who".
    let acronym = keys.get(o);
    let role_acronym = o + 3 < n
        && tokens[o].case == Case::Upper
        && (2..=4).contains(&acronym.len())
        && LEXICON.flags(acronym) & (lexicon::DEPT | lexicon::WORD | lexicon::ORG | lexicon::STOP)
            == 0;
    // "the AB who reported the lashing failure on the Kestrel Bay on 2
    // February": a role's acronym and a dated deed.
    if role_acronym
        && keys.get(o + 1) == "who"
        && past_tie(tokens, keys, o + 1, false)
        && (o + 2..(o + 14).min(n))
            .take_while(|&m| joined(text, tokens, m))
            .any(|m| tokens[m].has_digit)
    {
        return Some((o, 0.6));
    }
    if role_acronym
        && matches!(keys.get(o + 1), "in" | "on" | "at")
        && (o + 2..(o + 5).min(n)).any(|m| tokens[m].has_digit)
        && (o + 2..(o + 8).min(n))
            .take_while(|&m| joined(text, tokens, m))
            .any(|m| matches!(keys.get(m), "who" | "who's"))
    {
        return Some((o, 0.6));
    }
    let mut k = o;
    while k < n && k <= o + 4 && joined(text, tokens, k) {
        let kk = keys.get(k);
        // "the CEO's nephew", "the regional director's wife"
        if possessive(text, tokens, k) && RELATIVES.contains(&keys.get(k + 1)) {
            return Some((k + 1, 0.7));
        }
        let part_timer = (kk == "timer" && k > o && matches!(keys.get(k - 1), "part" | "full"))
            || (kk == "partner" && k > o && keys.get(k - 1) == "business");
        if (is_person_noun(kk) && !kk.ends_with('s')) || is_age_token(kk) || part_timer {
            break;
        }
        // "the Tuesday and Wednesday cleaner"
        let calendar_and = kk == "and"
            && k > o
            && LEXICON.flags(keys.get(k - 1)) & lexicon::CALENDAR != 0
            && LEXICON.flags(keys.get(k + 1)) & lexicon::CALENDAR != 0;
        if calendar_and {
            k += 1;
            continue;
        }
        // "the best worker on nights", "the other guy in QA": a judgement
        // or a contrast, not a trait.
        if matches!(
            kk,
            "best"
                | "worst"
                | "other"
                | "same"
                | "average"
                | "typical"
                | "usual"
                | "right"
                | "wrong"
        ) {
            return None;
        }
        // "the IT guy": an upper-case "IT" is a department, not "it".
        let department = kk == "it" && tokens[k].case == Case::Upper;
        if (CLAUSE_STOP_SET.contains(kk) && !department)
            || ROLE_TIES_SET.contains(kk)
            || tokens[k].has_digit
        {
            return None;
        }
        k += 1;
    }
    if k >= n || k > o + 4 || !joined(text, tokens, k) {
        return None;
    }
    let mut noun = keys.get(k);
    // "the part timer": two words for one role.
    if noun == "timer" && k > o && matches!(keys.get(k - 1), "part" | "full" | "old") {
        noun = "part-timer";
    }
    if noun == "partner" && k > o && keys.get(k - 1) == "business" {
        noun = "associate";
    }
    if is_age_token(noun) {
        noun = "person";
    }
    // "the apprentice electrician", "the agency nurse": the last noun leads.
    while k + 1 < n
        && joined(text, tokens, k + 1)
        && is_person_noun(keys.get(k + 1))
        && !keys.get(k + 1).ends_with('s')
    {
        k += 1;
        noun = keys.get(k);
    }
    if !is_person_noun(noun) || LEADERSHIP.contains(&noun) {
        return None;
    }
    // "The GitLab runner", "the Sonos speaker": a product's, not a person.
    if (o..k).any(|m| {
        tokens[m].case == Case::Title && LEXICON.flags(keys.get(m)) & lexicon::ORG != 0
            || text[tokens[m].start..tokens[m].end]
                .chars()
                .skip(1)
                .any(char::is_uppercase)
                && text[tokens[m].start..tokens[m].end]
                    .chars()
                    .any(char::is_lowercase)
    }) {
        return None;
    }
    // "the rich text editor", "the printer driver": software, not people.
    if k > o
        && matches!(
            keys.get(k - 1),
            "text"
                | "code"
                | "video"
                | "photo"
                | "device"
                | "printer"
                | "graphics"
                | "usb"
                | "card"
                | "screen"
                | "badge"
                | "barcode"
                | "meter"
        )
    {
        return None;
    }
    let tie = keys.get(k + 1);
    // "the nurse on duty", "the engineer on call": a rota, not a trait.
    let object = keys.get(k + 2);
    let tied = k + 2 < n
        && joined(text, tokens, k + 1)
        && joined(text, tokens, k + 2)
        // "the one working the 2–10 at the kiosk", "the woman sitting by
        // the window": a participle ties as well as "who".
        && (matches!(
            tie,
            "who" | "who's" | "whose" | "with" | "at" | "on" | "in" | "from" | "for"
        ) || (tie == "of"
            // "the driver of truck 14 at the Dubbo depot": a numbered
            // vehicle, route or desk.
            && tokens.get(k + 3).is_some_and(|t| t.has_digit)
            && joined(text, tokens, k + 3))
            || past_tie(tokens, keys, k + 1, false)
            || participle(tokens, keys, k + 1))
        && !matches!(
            object,
            "duty" | "call" | "charge" | "question" | "leave" | "board" | "any" | "every" | "each"
                | "all" | "most" | "some"
        )
        // "the one in Workday", "the first productive one in six months":
        // "one" is a person only with "who".
        && (noun != "one"
            || matches!(tie, "who" | "who's" | "whose" | "with")
            // "the Brazilian one in logistics", "the colour-blind one in
            // the print room": a trait before "one".
            || (k > o
                && (tokens[k - 1].case == Case::Title || SENSITIVE_SET.contains(keys.get(k - 1))))
            || participle(tokens, keys, k + 1)
            // "the one in the sales team who's on dialysis"
            || (k + 2..(k + 8).min(n))
                .take_while(|&m| joined(text, tokens, m))
                .any(|m| matches!(keys.get(m), "who" | "who's")));
    // "the technician from Schindler", "the rep at Vodafone": a company's
    // people, not a colleague.
    let company = LEXICON.flags(keys.get(k + 2)) & lexicon::ORG != 0
        && tokens
            .get(k + 2)
            .is_some_and(|t| matches!(t.case, Case::Title | Case::Upper));
    (tied && !company).then_some((k, 0.6))
}

/// "een van de twee planners in Venlo", "eine von drei Pflegekräften":
/// one of a group of two or three, in another language.
/// Verbs of being that make what follows the writer, in the other
/// languages: "je suis", "soy", "sono", "sou", "ik ben", "ich bin",
/// "jestem".
const SELF_BE: &[&str] = &["suis", "soy", "sono", "sou", "ben", "bin", "jestem"];
/// Definite articles and possessives that open a role: "our", "notre",
/// "il nostro", "o nosso", "unser", "onze", "nasz".
const ROLE_OPENERS: &[&str] = &[
    "our", "the", "le", "la", "il", "lo", "el", "o", "a", "der", "die", "den", "de", "het",
    "notre", "nuestro", "nuestra", "unser", "unsere", "unserer", "nostro", "nostra", "nosso",
    "nossa", "nasz", "nasza", "onze",
];
static ROLE_OPENERS_SET: LazyLock<WordSet> =
    LazyLock::new(|| ROLE_OPENERS.iter().copied().collect());
/// What ties a role to a site, a shift or a time, in the eight languages.
const SITE_TIES: &[&str] = &[
    "at", "on", "in", "for", "from", "there", "a", "au", "aux", "du", "des", "dans", "en", "al",
    "im", "am", "bei", "op", "bij", "van", "w", "we", "na", "z", "ze", "alla", "allo", "nella",
    "nel", "della", "del", "dello", "di", "da", "do", "no", "em", "de",
    // A trait or a skill: "unser einziger Schweißer mit der Zulassung".
    "mit", "con", "avec", "com", "met",
];
/// Leadership roles, in the eight languages.
const LEADERS: &[&str] = &[
    "manager",
    "supervisor",
    "lead",
    "leader",
    "head",
    "director",
    "coordinator",
    "chief",
    "boss",
    "charge",
    "gerente",
    "jefe",
    "jefa",
    "encargado",
    "encargada",
    "directeur",
    "directrice",
    "chef",
    "responsable",
    "capo",
    "responsabile",
    "direttore",
    "direttrice",
    "leiter",
    "leiterin",
    "chefin",
    "kierownik",
    "kierowniczka",
    "coordinador",
    "coordinadora",
    "coordinatore",
    "coordinatrice",
    "coordenador",
    "coordenadora",
    "diretor",
    "diretora",
    "teamleider",
    "leidinggevende",
];
/// "Der Staplerfahrer, der am 12. März im Lager Kassel gegen das Regal
/// gefahren ist", "Le cariste qui s'est fait écraser le pied au quai 4 ...
/// le 17 juin", "Pracownik, który 4 lipca spadł z rampy": a colleague at a
/// sentence's start, then a relative clause with a date or a number: an
/// incident on record. Returns the phrase's last token.
fn foreign_incident(text: &str, tokens: &[Token], keys: &Keys, i: usize) -> Option<usize> {
    if !tokens[i].sentence_start {
        return None;
    }
    let key = keys.get(i);
    // Polish has no article: the noun opens the sentence.
    let (noun, start_ok) = if FOREIGN_DETERMINERS_SET.contains(key) || matches!(key, "o" | "a") {
        (i + 1, true)
    } else {
        (i, false)
    };
    let n = tokens.len();
    if noun + 2 >= n || (start_ok && !joined(text, tokens, noun)) {
        return None;
    }
    let k = keys.get(noun);
    let stem = k.trim_end_matches('s');
    let role = FOREIGN_ROLES.contains(&k)
        || FOREIGN_ROLES.contains(&stem)
        || is_foreign_person_noun(k)
        || is_foreign_role_noun_strict(k)
        || matches!(
            k,
            "chica" | "chico" | "motoboy" | "rapaz" | "moca" | "ragazzo" | "jongen" | "meisje"
        );
    if !role || (!start_ok && !matches!(keys.get(noun + 1), "ktory" | "ktora")) {
        return None;
    }
    let rel = noun + 1;
    let gap = text
        .get(tokens[noun].end..tokens[rel].start)
        .unwrap_or("")
        .trim();
    if !matches!(gap, "" | ",") || !FOREIGN_RELATIVES.contains(&keys.get(rel)) {
        return None;
    }
    // The clause runs to the next comma or sentence end.
    let mut end = rel;
    // "am 12. März": a German day's period does not end the clause.
    let dotted_day = |m: usize| {
        tokens[m - 1].has_digit
            && text.get(tokens[m - 1].end..tokens[m].start) == Some(". ")
            && LEXICON.flags(keys.get(m)) & lexicon::CALENDAR != 0
    };
    while end + 1 < n && end < rel + 24 && (joined(text, tokens, end + 1) || dotted_day(end + 1)) {
        end += 1;
    }
    let dated = (rel + 1..=end)
        .any(|m| tokens[m].has_digit || LEXICON.flags(keys.get(m)) & lexicon::CALENDAR != 0);
    (dated && end > rel + 2).then_some(end)
}

/// "Ich bin diejenige, die am 3. März den Brandgeruch gemeldet hat", "soy
/// el que reportó el derrame el 8 de mayo", "Sou o operador que teve o
/// acidente ... a 14 de maio": the writer is the one who did or suffered
/// something dated, in another language. Returns the phrase's last token.
fn foreign_self_deed(text: &str, tokens: &[Token], keys: &Keys, i: usize) -> Option<usize> {
    let n = tokens.len();
    // "soy", "fui", "ich war", "piszę jako": the writer is, was or writes
    // as what follows.
    let opener = |k: &str| {
        SELF_BE.contains(&k)
            || matches!(
                k,
                "fui"
                    | "war"
                    | "era"
                    | "ero"
                    | "etais"
                    | "fus"
                    | "bylam"
                    | "bylem"
                    | "was"
                    | "jako"
                    | "als"
                    | "como"
                    | "comme"
                    | "come"
                    | "enquanto"
            )
    };
    if i == 0 || i + 3 >= n || !opener(keys.get(i - 1)) || !joined(text, tokens, i) {
        return None;
    }
    let head = keys.get(i);
    let pronoun = matches!(
        head,
        "diejenige"
            | "derjenige"
            | "degene"
            | "diegene"
            | "quello"
            | "quella"
            | "colui"
            | "colei"
            | "celui"
            | "celle"
            | "aquele"
            | "aquela"
            | "ten"
            | "ta"
            | "tym"
    );
    let article = matches!(
        head,
        "el" | "la" | "o" | "a" | "lo" | "il" | "le" | "der" | "die" | "de" | "het"
    );
    let noun = keys.get(i + 1);
    // "Piszę jako osoba, która ...": Polish has no article.
    let bare_person = matches!(head, "osoba" | "pracownik" | "pracownica");
    let rel = if pronoun || bare_person || (article && FOREIGN_RELATIVES.contains(&noun)) {
        i + 1
    } else if article
        && joined(text, tokens, i + 1)
        && !FOREIGN_THING_SET.contains(noun)
        && noun.chars().count() >= 3
    {
        // "la auxiliar que se desmayó ... el 2 de agosto", "die Person,
        // die am 14. März ...": any noun, when a dated deed follows.
        i + 2
    } else {
        return None;
    };
    if rel > i + 1 || pronoun || bare_person {
        let gap = text
            .get(tokens[rel - 1].end..tokens[rel].start)
            .unwrap_or("")
            .trim();
        if !matches!(gap, "" | ",") || !FOREIGN_RELATIVES.contains(&keys.get(rel)) {
            return None;
        }
    }
    // The clause runs to the next comma, sentence end or "and": "am 3.
    // März": a German day's period does not end it.
    let dotted_day = |m: usize| {
        tokens[m - 1].has_digit
            && text.get(tokens[m - 1].end..tokens[m].start) == Some(". ")
            && LEXICON.flags(keys.get(m)) & lexicon::CALENDAR != 0
    };
    let mut end = rel;
    while end + 1 < n
        && end < rel + 24
        && (joined(text, tokens, end + 1) || dotted_day(end + 1))
        && !(matches!(
            keys.get(end + 1),
            "y" | "e"
                | "et"
                | "und"
                | "en"
                | "and"
                | "ma"
                | "mas"
                | "pero"
                | "aber"
                | "mais"
                | "maar"
                | "ale"
                | "i"
        ) && NEW_CLAUSE_SUBJECTS.contains(&keys.get(end + 2)))
    {
        end += 1;
    }
    let dated = (rel + 1..=end)
        .any(|m| tokens[m].has_digit || LEXICON.flags(keys.get(m)) & lexicon::CALENDAR != 0);
    (dated && end > rel + 2).then_some(end)
}

/// Subjects that open a new clause after "and": "... el 9 de agosto y
/// nadie me pagó", "... a gennaio e nessuno mi paga".
const NEW_CLAUSE_SUBJECTS: &[&str] = &[
    "nadie", "nessuno", "niemand", "personne", "ninguem", "nikt", "nobody", "no", "non", "nunca",
    "mai", "nie", "niet", "ich", "je", "yo", "io", "eu", "ik", "ja", "i", "me", "mi", "on",
    "todos", "tutti", "alle", "tous", "everyone", "they", "ils", "elles", "ellos", "loro", "sie",
    "zij", "oni", "desde", "depuis", "seitdem", "da", "od", "er", "es",
];
/// Role nouns the suffix rules miss: caretakers, porters, drivers.
const FOREIGN_ROLES: &[&str] = &[
    // Trainees and apprentices: "la nouvelle alternante au service paie".
    "alternante",
    "alternant",
    "stagiaire",
    "stagiair",
    "praktikant",
    "praktikantin",
    "becario",
    "becaria",
    "tirocinante",
    "estagiario",
    "estagiaria",
    "stazysta",
    "stazystka",
    "apprenti",
    "apprentie",
    "azubi",
    "pielegniarka",
    "pielegniarz",
    "schweisser",
    "collega",
    "collegas",
    "kollege",
    "kollegin",
    "collegue",
    "colega",
    "kolega",
    "kolezanka",
    "custode",
    "gardien",
    "gardienne",
    "concierge",
    "conserje",
    "portiere",
    "portinaio",
    "kierowca",
    "dozorca",
    "portier",
    "hausmeister",
    "pracownik",
    "pracownica",
    "operator",
    "operatorka",
    "eletricista",
    "electricista",
    "elettricista",
    // Guards, switchboards, porters, caretakers, cleaners, drivers.
    "guardia",
    "vigilante",
    "vigia",
    "seguranca",
    "centralinista",
    "telefonista",
    "copeira",
    "copeiro",
    "bidello",
    "bidella",
    "portero",
    "portera",
    "porteiro",
    "porteira",
    "zelador",
    "zeladora",
    "faxineira",
    "fattorino",
    "repartidor",
    "repartidora",
    "operador",
    "operadora",
    "chofer",
    "taxista",
    "addetto",
    "addetta",
    "plongeur",
    "plongeuse",
];

/// "Patrick, our night caretaker at the annexe, ...", "Giuseppe, il
/// nostro custode notturno alla sede di Bergamo", "Je suis le plus ancien
/// cariste du dépôt de Chilly-Mazarin", "Jestem najstarszym kierowcą w
/// oddziale w Radomiu": a definite role tied to a site, said of the writer
/// or set after a name. Returns the phrase's last token.
fn role_at_site(text: &str, tokens: &[Token], keys: &Keys, i: usize) -> Option<usize> {
    let key = keys.get(i);
    let opener = ROLE_OPENERS_SET.contains(key) || key.starts_with("l'");
    // Polish has no article: a superlative of age or tenure opens it.
    let polish_superlative = !opener
        && key.starts_with("naj")
        && ["najstarsz", "najmlodsz", "najnowsz", "najdluzej"]
            .iter()
            .any(|p| key.starts_with(p));
    if !opener && !polish_superlative {
        return None;
    }
    let n = tokens.len();
    let english = matches!(key, "the" | "our");
    let gap = if i > 0 {
        text.get(tokens[i - 1].end..tokens[i].start)
            .unwrap_or("")
            .trim()
    } else {
        ""
    };
    let prev = if i > 0 { keys.get(i - 1) } else { "" };
    let name_like = |m: usize| {
        let f = LEXICON.flags(keys.get(m));
        tokens[m].case == Case::Title
            && (f & (lexicon::FIRST | lexicon::LAST) != 0 || f & lexicon::WORD == 0)
    };
    // After a name or an id: "Jolene Mackie, staff no. 00318845, the night
    // duty manager at the Aviemore lodge".
    let before_name = i > 0
        && (name_like(i - 1)
            // An id, not a phone number ("1-800-555-0199, the real one").
            || (tokens[i - 1].has_digit
                && tokens[i - 1].end - tokens[i - 1].start >= 5
                && text[tokens[i - 1].start..tokens[i - 1].end].matches('-').count() <= 1));
    // Portuguese "o"/"a" only with a possessive: "Joaquim, o nosso
    // porteiro" (French "a" is "has": "M. Lefèvre, a promis ...").
    let article_needs_possessive = matches!(key, "o" | "a")
        && !matches!(keys.get(i + 1), "nosso" | "nossa")
        && !FOREIGN_ROLES.contains(&keys.get(i + 1));
    let appositive = gap == "," && before_name && !article_needs_possessive;
    let writer = !english && joined(text, tokens, i) && SELF_BE.contains(&prev);
    // English writers are the main recognizer's; here only "I'm the night
    // auditor there" and grades ("the band 5 in charge on nights").
    let english_writer = matches!(key, "the" | "a") && self_prefix(text, tokens, keys, i);
    let grade = english_writer
        && matches!(keys.get(i + 1), "band" | "grade")
        && tokens.get(i + 2).is_some_and(|t| t.has_digit)
        && joined(text, tokens, i + 2);
    let writer_there = english_writer && !grade;
    // "Our night porter at the Lisbon hotel, Zé, has ...": the phrase
    // before a name, at a sentence's start.
    let opens_sentence = tokens[i].sentence_start && !english_writer && !article_needs_possessive;
    if !appositive && !writer && !english_writer && !opens_sentence {
        return None;
    }
    if polish_superlative && prev != "jestem" && !appositive {
        return None;
    }
    let mut j = i + 1;
    if matches!(keys.get(j), "nostro" | "nostra" | "nosso" | "nossa") && joined(text, tokens, j) {
        j += 1;
    }
    let role_noun = |m: usize| {
        let k = keys.get(m);
        let stem = k.trim_end_matches('s');
        if english {
            is_person_noun(k)
        } else {
            FOREIGN_ROLES.contains(&k)
                || FOREIGN_ROLES.contains(&stem)
                || is_foreign_role_noun_strict(k)
                // English role words in other languages: "la receptionist".
                || is_person_noun(k)
                // The wide endings ("-ier", "-ente") only for the writer.
                || (writer && (is_foreign_person_noun(k) || is_foreign_person_noun(stem)))
        }
    };
    let stop = |m: usize| {
        CLAUSE_STOP_SET.contains(keys.get(m)) || FOREIGN_CLAUSE_STOP_SET.contains(keys.get(m))
    };
    // "Sono l'autista del furgone 23": the article elided into the role.
    let elided_role = key.strip_prefix("l'").is_some_and(|r| {
        FOREIGN_ROLES.contains(&r)
            || is_foreign_role_noun_strict(r)
            || (writer && is_foreign_person_noun(r))
    });
    let role = if grade {
        i + 2
    } else if elided_role {
        i
    } else {
        let mut r = (j..(j + 4).min(n))
            .take_while(|&m| joined(text, tokens, m) && !stop(m))
            .find(|&m| role_noun(m))?;
        // The last noun heads a compound: "HR Director", "night duty
        // manager".
        while r + 1 < n && joined(text, tokens, r + 1) && role_noun(r + 1) {
            r += 1;
        }
        r
    };
    let tie = (role + 1..(role + 4).min(n))
        .take_while(|&m| joined(text, tokens, m))
        .find(|&m| SITE_TIES.contains(&keys.get(m)))?;
    // Leaders named in a text are its subject, not singled out by their
    // role ("The supervisor in pick zone 3, Vlad, swears ..."); the writer
    // may be one.
    let someone_else = !writer && !english_writer;
    if someone_else
        && (LEADERS.contains(&keys.get(role))
            || matches!(keys.get(role), "one" | "ones" | "person" | "people" | "colleague")
            || (keys.get(tie) == "in" && keys.get(tie + 1) == "charge")
            // "Our new colleague from Chile, Catalina": an origin, no site.
            || keys.get(tie) == "from")
    {
        return None;
    }
    if writer_there {
        // Only the "there" the main recognizer lacks, closing the phrase
        // ("I'm the night auditor there, and ..."; not "the only cashier
        // there who uses a wheelchair").
        let closes = tie + 1 >= n || !joined(text, tokens, tie + 1);
        return (tie == role + 1 && keys.get(tie) == "there" && closes).then_some(tie);
    }
    if tie + 1 >= n || !joined(text, tokens, tie + 1) {
        return None;
    }
    let mut end = if english || grade {
        extend_clause(text, tokens, keys, role)
    } else {
        foreign_clause_end(text, tokens, keys, tie)
    };
    // "Jörg, den Hausmeister der Grundschule am Lindenhof, der alles
    // repariert": after a name, the description ends at its comma; what
    // the colleague does is praise, not a trait.
    if appositive && !writer {
        if let Some(m) = (tie + 1..=end).find(|&m| {
            FOREIGN_RELATIVES.contains(&keys.get(m))
                && text
                    .get(tokens[m - 1].end..tokens[m].start)
                    .is_some_and(|g| g.trim() == ",")
        }) {
            end = m - 1;
        }
    }
    if opens_sentence && !appositive && !writer {
        // Only when a name follows, set off by a comma.
        let named = end + 1 < n
            && text
                .get(tokens[end].end..tokens[end + 1].start)
                .is_some_and(|g| g.trim() == ",")
            && name_like(end + 1);
        if !named {
            return None;
        }
    }
    // Polish "i" is "and" ("... w Radomiu i zawsze ..."); elsewhere it is
    // an Italian article, so it ends only a Polish phrase.
    if prev == "jestem" || matches!(key, "nasz" | "nasza") {
        if let Some(and) = (tie + 2..=end).find(|&m| keys.get(m) == "i") {
            end = and - 1;
        }
    }
    Some(end.max(tie + 1))
}

fn foreign_one_of(text: &str, tokens: &[Token], keys: &Keys, i: usize) -> Option<usize> {
    const OF: &[&str] = &[
        "van", "von", "der", "den", "des", "de", "das", "delle", "dei", "degli", "los", "del",
        "las", "z", "d'entre", "entre", "la", "les",
    ];
    if !FOREIGN_ONE_SET.contains(keys.get(i)) {
        return None;
    }
    let n = tokens.len();
    let mut q = i + 1;
    // "una de dos enfermeras": "dos" is the number here, not "of the".
    while q < n
        && q <= i + 2
        && joined(text, tokens, q)
        && (OF.contains(&keys.get(q))
            // Portuguese "um dos dois": "dos" is "of the" before a number.
            || (keys.get(q) == "dos" && FOREIGN_FEW.contains(&keys.get(q + 1))))
        // A number is the group's size, unless another number follows.
        && (!FOREIGN_FEW.contains(&keys.get(q)) || FOREIGN_FEW.contains(&keys.get(q + 1)))
    {
        q += 1;
    }
    if q == i + 1 || q >= n || !joined(text, tokens, q) || !FOREIGN_FEW.contains(&keys.get(q)) {
        return None;
    }
    let mut k = q + 1;
    while k < n && k <= q + 3 && joined(text, tokens, k) {
        let kk = keys.get(k);
        let stem = kk.trim_end_matches(['s', 'n']);
        // "jedną z dwóch księgowych": right after the number, the word is
        // the group's noun whatever its ending.
        let right_after =
            k == q + 1 && kk.chars().count() >= 4 && !FOREIGN_CLAUSE_STOP_SET.contains(kk);
        if right_after
            || is_foreign_person_noun(kk)
            || is_foreign_person_noun(stem)
            || is_person_noun(kk)
        {
            return Some(foreign_clause_end(text, tokens, keys, k));
        }
        k += 1;
    }
    None
}

/// The last token of a foreign phrase whose head is token `k`.
fn foreign_clause_end(text: &str, tokens: &[Token], keys: &Keys, k: usize) -> usize {
    let n = tokens.len();
    let mut end = k;
    let mut j = k + 1;
    while j < n && j <= k + 14 {
        let kj = keys.get(j);
        // "jedyną osobą w dziale kadr, która mówi po ukraińsku": a comma
        // before a relative pronoun does not end the phrase.
        let comma_relative = text
            .get(tokens[j - 1].end..tokens[j].start)
            .is_some_and(|g| g.trim() == ",")
            && FOREIGN_RELATIVES.contains(&kj);
        if !joined(text, tokens, j) && !comma_relative {
            break;
        }
        // "der im Juli den Unfall gemeldet hat, ...": a German relative
        // clause ends on its auxiliary, which belongs to it.
        let closing_aux = matches!(
            kj,
            "hat" | "hatte" | "ist" | "war" | "wurde" | "wird" | "habe" | "sind" | "waren"
        ) && (j + 1 >= n
            || text
                .get(tokens[j].end..tokens[j + 1].start)
                .is_some_and(|g| g.contains([',', '.', ';'])))
            && (k..j).any(|m| matches!(keys.get(m), "der" | "die" | "das" | "welche" | "welcher"));
        if closing_aux {
            end = j;
            break;
        }
        if FOREIGN_CLAUSE_STOP_SET.contains(kj) || matches!(kj, "and" | "but" | "because") {
            break;
        }
        // Italian and Portuguese "e" (and) joins two days or two names
        // ("il martedì e il giovedì"); before anything else it opens a new
        // clause.
        // "il tecnico che è stato trasferito": "è" is a verb ("is").
        if kj == "e" && text[tokens[j].start..tokens[j].end] == *"\u{e8}" {
            end = j;
            j += 1;
            continue;
        }
        if kj == "e" {
            let calendar = |m: usize| LEXICON.flags(keys.get(m)) & lexicon::CALENDAR != 0;
            let after = if FOREIGN_DETERMINERS_SET.contains(keys.get(j + 1)) {
                j + 2
            } else {
                j + 1
            };
            if !(calendar(j - 1) && calendar(after)) {
                break;
            }
        }
        end = j;
        j += 1;
    }
    while end > k && FOREIGN_DETERMINERS_SET.contains(keys.get(end)) {
        end -= 1;
    }
    end
}

/// Participles that describe what a person does, whatever follows.
const PARTICIPLES: &[&str] = &[
    "doing",
    "working",
    "covering",
    "running",
    "sitting",
    "living",
    "sharing",
    "coming",
    "returning",
    "teaching",
    "driving",
    "handling",
    "managing",
    "taking",
    "using",
    "wearing",
    "studying",
    "training",
    "leading",
    "carrying",
    "looking",
    "recovering",
    "commuting",
];
/// Token `j` is a participle that opens a phrase: "working the 2–10",
/// "sitting by the window" (not "onboarding process").
fn participle(tokens: &[Token], keys: &Keys, j: usize) -> bool {
    let key = keys.get(j);
    key.len() >= 5
        && key.ends_with("ing")
        && tokens.get(j).is_some_and(|t| t.case == Case::Lower)
        // "the warden training and the allowance": a noun compound.
        && !matches!(keys.get(j + 1), "and" | "or" | "is" | "was" | "")
        && (PARTICIPLES.contains(&key)
            || tokens.get(j + 1).is_some_and(|t| t.has_digit)
            || matches!(
                keys.get(j + 1),
                "the"
                    | "a"
                    | "an"
                    | "at"
                    | "in"
                    | "on"
                    | "by"
                    | "for"
                    | "from"
                    | "with"
                    | "next"
                    | "nights"
                    | "weekends"
                    | "lates"
                    | "earlies"
                    | "alone"
            ))
}

/// See the call site: a person noun within four words of the determiner,
/// a sensitive trait among them (or the noun itself), tied to a place, or
/// followed by "in a team of" a handful.
fn trait_in_small_unit(
    text: &str,
    tokens: &[Token],
    keys: &Keys,
    o: usize,
) -> Option<(usize, f32)> {
    let n = tokens.len();
    let mut k = o;
    let mut has_trait = false;
    while k < n && k <= o + 4 && joined(text, tokens, k) {
        let kk = keys.get(k);
        // A role ending like a demonym ("Technician", "Librarian") is no
        // nationality.
        has_trait |= sensitive(kk) || (nationality(text, &tokens[k], kk) && !is_person_noun(kk));
        if is_person_noun(kk) && !kk.ends_with('s') {
            break;
        }
        if CLAUSE_STOP_SET.contains(kk) || ROLE_TIES_SET.contains(kk) {
            return None;
        }
        k += 1;
    }
    if k >= n || k > o + 4 || !joined(text, tokens, k) || !is_person_noun(keys.get(k)) {
        return None;
    }
    // "a Muslim woman who ...": the trait is a noun too; the person noun
    // after it leads.
    while k + 1 < n
        && sensitive(keys.get(k))
        && joined(text, tokens, k + 1)
        && is_person_noun(keys.get(k + 1))
    {
        k += 1;
    }
    let tie = keys.get(k + 1);
    let tied = joined(text, tokens, k + 1)
        && joined(text, tokens, k + 2)
        && matches!(tie, "in" | "on" | "at" | "who" | "with" | "from");
    // "in a team of five"
    let small_team = (k + 1..(k + 10).min(n))
        .take_while(|&m| joined(text, tokens, m))
        .any(|m| {
            keys.get(m) == "of"
                && matches!(
                    keys.get(m - 1),
                    "team" | "unit" | "department" | "group" | "crew"
                )
                && matches!(
                    keys.get(m + 1),
                    "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "eleven"
                        | "twelve"
                        | "9"
                        | "10"
                        | "11"
                        | "12"
                        | "2"
                        | "3"
                        | "4"
                        | "5"
                        | "6"
                        | "7"
                        | "8"
                )
        });
    ((has_trait && tied) || small_team).then_some((k, 0.65))
}

/// "Anyone who ends up ...", "Imagine being ...", "If you're ...": a
/// hypothetical person in the sentence before token `i`.
fn hypothetical_before(text: &str, tokens: &[Token], keys: &Keys, i: usize) -> bool {
    let mut m = i;
    while m > 0 && i - m < 8 && joined(text, tokens, m) {
        m -= 1;
        let key = keys.get(m);
        if (matches!(key, "anyone" | "anybody" | "whoever") && keys.get(m + 1) == "who")
            || key == "imagine"
            || (key == "if" && matches!(keys.get(m + 1), "you" | "you're" | "youre" | "u" | "ur"))
        {
            return true;
        }
    }
    false
}

/// Token `i` opens the text, a sentence, a clause of a terse note ("31 wks
/// pregnant, only pregnant person on ...") or the value of a form field
/// ("Role: ...").
fn field_start(text: &str, tokens: &[Token], i: usize) -> bool {
    i == 0
        || tokens[i].sentence_start
        || text
            .get(tokens[i - 1].end..tokens[i].start)
            .is_some_and(|g| matches!(g.trim(), ":" | "," | "-" | "–"))
}

/// "only female tech on site", "sole IT support technician, Grimsby
/// plant": "only" or "sole", up to three words, a singular person noun,
/// then a place (a tie, or a comma and a capitalised site). Returns the
/// phrase's last token.
fn bare_only(text: &str, tokens: &[Token], keys: &Keys, i: usize) -> Option<usize> {
    bare_role(text, tokens, keys, i, i + 1)
}

/// [`bare_only`] from token `from` on (a field's value needs no join to
/// its label).
fn bare_role(text: &str, tokens: &[Token], keys: &Keys, i: usize, from: usize) -> Option<usize> {
    let n = tokens.len();
    let mut k = from;
    // "longest serving nurse on Ward 7".
    if keys.get(i) == "longest" {
        if keys.get(k) != "serving" {
            return None;
        }
        k += 1;
    }
    while k < n && k <= i + 4 && (k == from || joined(text, tokens, k)) {
        let kk = keys.get(k);
        if is_person_noun(kk) {
            // "only managers can approve", "Only people on the ward knew": a
            // group.
            let plural = (!PERSON_NOUN_SET.contains(kk) && kk.ends_with('s'))
                || IRREGULAR_PLURALS_SET.contains(kk)
                || matches!(
                    kk,
                    "people" | "staff" | "folk" | "folks" | "men" | "women" | "ones"
                );
            if plural || k + 1 >= n {
                return None;
            }
            let gap = text.get(tokens[k].end..tokens[k + 1].start).unwrap_or("");
            if gap.trim().is_empty()
                && matches!(keys.get(k + 1), "on" | "at" | "in" | "for" | "from")
            {
                return Some(extend_clause(text, tokens, keys, k));
            }
            if gap.trim() == "," && tokens[k + 1].case == Case::Title {
                // The site: to the end of the line or sentence, a few words
                // ("Grimsby plant", "Berth 6 night shift").
                let mut end = k + 1;
                while end + 1 < n
                    && end < k + 6
                    && text
                        .get(tokens[end].end..tokens[end + 1].start)
                        .is_some_and(|g| g.trim().is_empty() && !g.contains('\n'))
                {
                    end += 1;
                }
                return Some(end);
            }
            return None;
        }
        let department = kk == "it" && tokens[k].case == Case::Upper;
        if CLAUSE_STOP_SET.contains(kk) && !department {
            return None;
        }
        k += 1;
    }
    None
}

/// "the only person on the 2–10 in dispatch on Sundays", "the only one at
/// the Crewe depot on nights": a generic "person" or "one" tied, right
/// after, to a place, shift or time someone can check (a number, a
/// capitalised name, a weekday or a shift word), not to an opinion ("the
/// only one in the team who seems to care") and not negated ("not the only
/// one on the team").
fn scoped(text: &str, tokens: &[Token], keys: &Keys, i: usize, k: usize) -> bool {
    let n = tokens.len();
    if (i > 0 && keys.get(i - 1) == "not")
        || !matches!(keys.get(k + 1), "on" | "at" | "in" | "for")
        || !joined(text, tokens, k + 1)
    {
        return false;
    }
    let mut scope = false;
    let mut m = k + 2;
    while m < n && m <= k + 10 && joined(text, tokens, m) {
        let key = keys.get(m);
        if key == "who" || key == "that" {
            if OPINION.contains(&keys.get(m + 1)) {
                return false;
            }
            break;
        }
        if CLAUSE_STOP_SET.contains(key) && !matches!(key, "on" | "in" | "at" | "the" | "for") {
            break;
        }
        scope |= tokens[m].has_digit
            || (tokens[m].case == Case::Title && !tokens[m].sentence_start)
            || LEXICON.flags(key) & lexicon::CALENDAR != 0
            || matches!(
                key,
                "night"
                    | "nights"
                    | "nightshift"
                    | "overnight"
                    | "weekend"
                    | "weekends"
                    | "lates"
                    | "earlies"
                    | "graveyard"
            );
        m += 1;
    }
    scope
}

/// "the only one (here, in this company) who seems to care / actually
/// reads the handbook / ever refills the paper / finds it unbearable": a
/// generic person and a verb of opinion or habit, which no one can check.
fn subjective(text: &str, tokens: &[Token], keys: &Keys, k: usize) -> bool {
    let n = tokens.len();
    let mut t = k + 1;
    while t < n && t <= k + 6 && joined(text, tokens, t) && !matches!(keys.get(t), "who" | "that") {
        t += 1;
    }
    if !matches!(keys.get(t), "who" | "that") || !joined(text, tokens, t) {
        return false;
    }
    let mut v = t + 1;
    while v < t + 3
        && (matches!(keys.get(v), "still" | "also")
            // "who actually knows which badges are live": an adverb before
            // a skill.
            || (matches!(keys.get(v), "actually" | "really")
                && matches!(keys.get(v + 1), "knows" | "know" | "can")))
    {
        v += 1;
    }
    // "who actually knows which badges are live": an adverb before a
    // skill is no opinion.
    let adverb = matches!(
        keys.get(v),
        "even" | "really" | "actually" | "ever" | "always"
    );
    let skill = matches!(
        keys.get(v + 1),
        "knows" | "know" | "can" | "speaks" | "holds" | "has" | "understands"
    );
    (adverb && !skill)
        || matches!(
            keys.get(v),
            "seems"
                | "seem"
                | "cares"
                | "care"
                | "bothers"
                | "bother"
                | "tries"
                | "believes"
                | "thinks"
                | "feels"
                | "wants"
                | "likes"
                | "finds"
                | "notices"
                | "reads"
                | "listens"
                | "gives"
                | "minds"
                | "complains"
                | "refills"
                | "remembers"
        )
}

/// Verbs of opinion or habit after "who": "the only one who seems to
/// care" says nothing a manager can check.
const OPINION: &[&str] = &[
    "seems",
    "seem",
    "cares",
    "care",
    "notices",
    "notice",
    "bothers",
    "bother",
    "tries",
    "try",
    "gives",
    "give",
    "reads",
    "listens",
    "wants",
    "likes",
    "thinks",
    "feels",
    "believes",
    "knows",
    "know",
    "actually",
    "really",
    "still",
    "ever",
    "does",
    "did",
    "is",
    "was",
    "replied",
    "reply",
    "replies",
    "responded",
    "bothered",
    "helped",
    "showed",
    "turned",
    "came",
    "answered",
];

/// "the only person who understands the old SAP macro", "the only one
/// with access to the key vault": a capability someone can check, not an
/// opinion ("the only one who seems to care", "who knows").
fn capability(text: &str, tokens: &[Token], keys: &Keys, k: usize) -> bool {
    let n = tokens.len();
    // "the only one on the team who still knows ...": a short place
    // phrase may stand between the person and "who".
    let mut t = k + 1;
    // "the only one of us who can clear the wrapper".
    if keys.get(t) == "of" && matches!(keys.get(t + 1), "us" | "them") {
        t += 2;
    }
    // "the only person left who can recalibrate it".
    if matches!(
        keys.get(t),
        "left" | "remaining" | "here" | "now" | "still" | "aboard" | "onboard" | "there"
    ) {
        t += 1;
    }
    if matches!(keys.get(t), "on" | "in" | "at") {
        let mut m = t + 1;
        while m < n
            && m <= k + 5
            && joined(text, tokens, m)
            && !matches!(keys.get(m), "who" | "with")
        {
            m += 1;
        }
        if matches!(keys.get(m), "who" | "with") && joined(text, tokens, m) {
            t = m;
        }
    }
    let tie = keys.get(t);
    // "the only ones who reply": a group, not one person.
    if !matches!(tie, "who" | "with") || t + 2 >= n || matches!(keys.get(k), "ones" | "people") {
        return false;
    }
    // "who still knows": the adverb says nothing; the verb decides.
    let mut v = t + 1;
    while v < t + 3 && matches!(keys.get(v), "still" | "also") {
        v += 1;
    }
    // Two more words after the verb or "with": an object that can be checked.
    let verb = keys.get(v);
    // "the only one who knows how to unjam it": knowing how is a skill.
    let skill = matches!(verb, "knows" | "know")
        && (matches!(keys.get(v + 1), "how" | "the" | "our" | "all" | "every")
            // "knows BSL", "knows SAP": a named skill.
            || tokens
                .get(v + 1)
                .is_some_and(|t| matches!(t.case, Case::Upper | Case::Title)));
    v + 1 < n && (t..=v + 1).all(|m| joined(text, tokens, m)) && (skill || !OPINION.contains(&verb))
}

/// A sensitive trait, alone or as part of a compound ("hijab-wearing",
/// "wheelchair-using").
fn sensitive(key: &str) -> bool {
    SENSITIVE_SET.contains(key) || key.split('-').any(|part| SENSITIVE_SET.contains(part))
}

/// A nationality: "American", "Filipino", "Portuguese" (capitalised, a
/// demonym's ending).
fn nationality(text: &str, token: &Token, key: &str) -> bool {
    token.case == Case::Title
        && key.len() >= 5
        && ["an", "ese", "ish", "ino", "ina", "ian", "ean", "ch"]
            .iter()
            .any(|x| key.ends_with(x))
        && text[token.start..].starts_with(char::is_uppercase)
}

fn is_age_token(key: &str) -> bool {
    // "58-year-old"
    let mut parts = key.split('-');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some(n), Some("year"), Some("old"), None) if n.len() == 2 && n.bytes().all(|b| b.is_ascii_digit())
    )
}

/// Extends a phrase whose head noun is token `k` to the end of its clause.
fn extend_clause(text: &str, tokens: &[Token], keys: &Keys, k: usize) -> usize {
    let mut end = k;
    let mut j = k + 1;
    // "whose desk is right outside ...": the relative clause's own verb,
    // after its subject, belongs to the phrase.
    let mut whose_open = false;
    // The last "who"/"that": the verbs right after it ("who can do", "who
    // has been") are the relative clause's; a later verb is the sentence's.
    // "Whoever has locker 112": the phrase is its own relative clause.
    let mut relative: Option<usize> = (keys.get(k) == "whoever").then_some(k);
    // "who covers both the stroke unit and ortho": this "and" joins.
    let mut both = false;
    while j < tokens.len() && j <= k + 16 && joined(text, tokens, j) {
        let key = keys.get(j);
        if key == "whose" {
            whose_open = true;
        } else if whose_open && keys.get(j - 1) != "whose" && RELATIVE_VERBS.contains(&key) {
            whose_open = false;
            end = j;
            j += 1;
            continue;
        }
        if matches!(
            key,
            "who" | "that" | "who's" | "who'll" | "who'd" | "who've"
        ) {
            relative = Some(j);
        }
        if key == "both" {
            both = true;
        }
        let conjunction = CONJUNCTIONS_SET.contains(key);
        // "who still has to finish": an adverb may stand in the chain.
        let verb_chain = relative.is_some_and(|r| {
            r < j
                && (r + 1..j).all(|m| {
                    (CLAUSE_STOP_SET.contains(keys.get(m)) || ADVERBS.contains(&keys.get(m)))
                        && !CONJUNCTIONS_SET.contains(keys.get(m))
                })
        });
        // "since the Leeds merger", "since 2019": a preposition here.
        let since_prep = key == "since"
            && (matches!(keys.get(j + 1), "the" | "a" | "my" | "our")
                || tokens.get(j + 1).is_some_and(|t| t.has_digit)
                || LEXICON.flags(keys.get(j + 1)) & lexicon::CALENDAR != 0);
        // "Tuesday and Thursday evenings": "and" between calendar words.
        let calendar = |m: usize| LEXICON.flags(keys.get(m)) & lexicon::CALENDAR != 0;
        // "Tom and Priya", not "October and I'm".
        let proper = |m: usize| {
            tokens.get(m).is_some_and(|t| t.case == Case::Title)
                && !matches!(keys.get(m), "i" | "i'm" | "im" | "i've" | "i'd" | "i'll")
        };
        // "the 6th and 7th floors": "and" between numbers.
        let numbered = |m: usize| tokens.get(m).is_some_and(|t| t.has_digit);
        let joining_and = key == "and"
            && (both
                || (calendar(j - 1) && calendar(j + 1))
                || (proper(j - 1) && proper(j + 1))
                || (numbered(j - 1) && numbered(j + 1))
                // "covering paeds and neuro at the community hospital": two
                // nouns before a tie.
                || (tokens[j - 1].case == Case::Lower
                    && tokens.get(j + 1).is_some_and(|t| t.case == Case::Lower)
                    && !CLAUSE_STOP_SET.contains(keys.get(j + 1))
                    && ROLE_TIES_SET.contains(keys.get(j + 2))
                    && joined(text, tokens, j + 2)));
        if joining_and {
            both = false;
        }
        // "who flagged it", "who trained them": an object pronoun after
        // the relative clause's verb.
        let object = relative.is_some()
            && matches!(key, "it" | "them" | "him" | "her" | "us" | "me" | "you")
            && !CLAUSE_STOP_SET.contains(keys.get(j - 1));
        let department = key == "it" && tokens[j].case == Case::Upper;
        // "who rang 999 when the agency lad collapsed on the dock", "who
        // rings you when a delivery window changes": inside a relative
        // clause, a "when" clause belongs to it; the writer's own ("when I
        // ...") is the sentence's.
        let incident = relative.is_some()
            && matches!(key, "when" | "while" | "after" | "before")
            && (j + 1..(j + 14).min(tokens.len()))
                .take_while(|&m| joined(text, tokens, m))
                .all(|m| !matches!(keys.get(m), "i" | "i'm" | "we" | "you"));
        let allowed = since_prep
            || joining_and
            || object
            || department
            || incident
            || (!conjunction && verb_chain);
        if CLAUSE_STOP_SET.contains(key) && !allowed {
            break;
        }
        end = j;
        j += 1;
    }
    // Do not end on a dangling preposition or article.
    while end > k
        && matches!(
            keys.get(end),
            "the" | "a" | "an" | "in" | "on" | "at" | "of" | "to" | "for" | "with" | "who" | "that"
        )
    {
        end -= 1;
    }
    end
}

/// "Someone who ... — that was me", "The member of staff who was assaulted
/// ... was me": a description followed by the writer owning it. Returns
/// the description's last token.
fn owned_description(text: &str, tokens: &[Token], keys: &Keys, i: usize) -> Option<usize> {
    let key = keys.get(i);
    let who = match key {
        "whoever" => i,
        "someone" | "somebody" => i + 1,
        "the" if tokens[i].sentence_start => (i + 2..=i + 4).find(|&m| keys.get(m) == "who")?,
        _ => return None,
    };
    if keys.get(who) != "who" && key != "whoever" {
        return None;
    }
    if !(i + 1..=who + 1).all(|m| joined(text, tokens, m)) {
        return None;
    }
    // From the word before "who", so that the clause's own verbs ("who
    // was assaulted") count as the relative clause's.
    let end = extend_clause(
        text,
        tokens,
        keys,
        if key == "whoever" { i } else { who - 1 },
    );
    if end <= who {
        return None;
    }
    // "As someone who transferred from the Johannesburg branch in July":
    // the writer's own description, checkable by its place, date or number
    // (not "as someone who cares about safety").
    let anchored = (who + 1..=end).any(|m| {
        tokens[m].has_digit
            || (tokens[m].case == Case::Title && !tokens[m].sentence_start)
            || LEXICON.flags(keys.get(m)) & lexicon::CALENDAR != 0
            // "someone who put in the whistleblowing report": an incident
            // on record.
            || matches!(
                keys.get(m),
                "report"
                    | "reported"
                    | "complaint"
                    | "grievance"
                    | "whistleblowing"
                    | "incident"
                    | "accident"
                    | "injury"
                    | "tribunal"
                    | "investigation"
            )
    });
    if matches!(key, "someone" | "somebody") && anchored && self_prefix(text, tokens, keys, i) {
        return Some(end);
    }
    // The owning words within the next four tokens, whatever punctuation
    // stands between ("— that was me", "(that's me)", "was me", "(me,
    // obviously)").
    let next: Vec<&str> = (end + 1..(end + 5).min(tokens.len()))
        .map(|m| keys.get(m))
        .collect();
    let owned = matches!(
        next.as_slice(),
        // "that's me" (the tokenizer keeps "'s" out of the word), "thats
        // me".
        ["thats", "me", ..]
            | ["that" | "it", "me", ..]
            | ["that" | "it" | "this", "was" | "is", "me", ..]
            | ["that" | "it" | "this", "would", "be", "me", ..]
            | ["was" | "is", "me", ..]
    ) || (next.first() == Some(&"me")
        && text
            .get(tokens[end].end..tokens[end + 1].start)
            .is_some_and(|g| g.contains('(')));
    owned.then_some(end)
}

/// A self-identifying phrase from token `first` to token `last`.
fn phrase(tokens: &[Token], first: usize, last: usize, score: f32) -> Candidate {
    Candidate::new(
        tokens[first].start,
        tokens[last].end,
        PiiKind::SelfIdentifying,
        score,
    )
}

/// Finds self-identifying phrases.
pub(crate) fn find(text: &str, tokens: &[Token], out: &mut Vec<Candidate>) {
    let from = out.len();
    find_phrases(text, tokens, out);
    signature_line(text, out);
    // "the only male midwife at St Columba's": a place's possessive
    // ("St Anne's", "McDonald's") ends the phrase with it.
    for c in &mut out[from..] {
        if c.kind != PiiKind::SelfIdentifying {
            continue;
        }
        let rest = &text[c.end..];
        let apostrophe = if rest.starts_with("'s") {
            2
        } else if rest.starts_with("\u{2019}s") {
            4
        } else {
            0
        };
        let titled = text[c.start..c.end]
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        let word_end = !rest[apostrophe..].starts_with(char::is_alphanumeric);
        if apostrophe > 0 && titled && word_end {
            c.end += apostrophe;
        }
    }
}

/// Labels that open a signature line: "Signed: the weekend guard", "Firmato:
/// il portiere di notte ...".
const SIGNED_LABELS: &[&str] = &[
    "signed:",
    "assinado:",
    "firmato:",
    "firmado:",
    "getekend:",
    "podpisano:",
    "gezeichnet:",
    "signé:",
    "signé :",
    "unterschrift:",
];
/// Words of a group, not a person, in a signature: "— the night team".
const GROUP_SIGNATURES: &[&str] = &[
    "team",
    "staff",
    "crew",
    "everyone",
    "all",
    "employees",
    "workers",
    "group",
    "squad",
    "department",
    "colleagues",
    "us",
    "equipo",
    "équipe",
    "equipe",
    "squadra",
    "zespół",
    "ploeg",
    "personal",
    "personnel",
    "colegas",
    "collègues",
    "colleghi",
    "kollegen",
    "anonymous",
];

/// "— night supervisor, Dock 4", "Kind regards,\nThe Tuesday/Thursday
/// phlebotomist, Kirkby health centre", "Un saludo,\nConductor de la ruta
/// Vigo–Ourense de madrugada": the text's last line signs it with a role
/// and a place, shift or number someone can check. A name first ("—
/// Maria, night porter") is the names pass's, the role after it is kept;
/// a group ("— the night team") or an indefinite one ("— a nurse") is not
/// a person.
fn signature_line(text: &str, out: &mut Vec<Candidate>) {
    // A signature needs its own line or a signing label.
    if !text.contains('\n') && !text.contains(':') {
        return;
    }
    let mut body = text.trim_end();
    // "PS: ..." after the signature: the line before it signs.
    if let Some(nl) = body.rfind('\n') {
        let last = body[nl + 1..].trim_start();
        if last.starts_with("PS")
            || last.starts_with("P.S.")
            || last.starts_with("(sent from")
            || last.starts_with("Sent from")
            || last.starts_with("Get Outlook")
        {
            body = body[..nl].trim_end();
        }
    }
    let last_start = body.rfind('\n').map_or(0, |nl| nl + 1);
    // The last line, lowercased (ASCII lowercasing keeps every byte offset).
    let lowered = body[last_start..].to_ascii_lowercase();
    let mut line_start = last_start;
    // "... Favor verificar. Assinado: o vigilante ...": a signing label
    // after the last sentence opens the signature line too.
    let mut labelled_inline = false;
    for l in SIGNED_LABELS {
        if let Some(at) = lowered.rfind(l).map(|at| at + last_start) {
            let before = body[..at].trim_end();
            if at > line_start && before.ends_with(['.', '!', '?']) {
                line_start = at;
                labelled_inline = true;
            }
        }
    }
    // A one-line text signs only with a label: "Getekend: de conciërge ...".
    if line_start == 0 && !labelled_inline && !SIGNED_LABELS.iter().any(|l| lowered.starts_with(l))
    {
        return;
    }
    labelled_inline |= line_start == 0;
    let nl = line_start.saturating_sub(1);
    let line = &body[line_start..];
    let lead = line.len() - line.trim_start().len();
    let trimmed = line.trim_start();
    let dash = ["— ", "– ", "-- ", "- ", "—", "–"]
        .iter()
        .find(|d| trimmed.starts_with(**d))
        .map_or(0, |d| d.len());
    let trimmed_lower = &lowered[line_start + lead - last_start..];
    let label = SIGNED_LABELS
        .iter()
        .find(|l| trimmed_lower.starts_with(**l))
        .map_or(0, |l| {
            let mut at = l.len();
            while trimmed[at..].starts_with(' ') {
                at += 1;
            }
            at
        });
    let dash = dash.max(label);
    let previous = if labelled_inline {
        ""
    } else {
        body[..nl].trim_end().rsplit('\n').next().unwrap_or("")
    };
    // "- Tunde off, Jamal covering" under another "- ..." line: a list.
    if dash > 0
        && ["—", "–", "-"]
            .iter()
            .any(|d| previous.trim_start().starts_with(d))
    {
        return;
    }
    // "Kind regards,", "Un saludo,", "Thank you!", "--": a closing line of
    // a few words before the signature.
    if dash == 0 {
        let closing = previous.trim().trim_end_matches([',', '.', '!']);
        let words: Vec<String> = closing
            .split_whitespace()
            .map(|w| {
                let mut key = String::new();
                fold_key(w, &mut key);
                key
            })
            .collect();
        let signs_off = match words.as_slice() {
            [.., thank, you] if thank == "thank" && you == "you" => true,
            [.., last] => words.len() <= 4 && super::SIGN_OFF_WORDS.contains(&last.as_str()),
            [] => false,
        };
        if !(signs_off || closing == "--") {
            return;
        }
    }
    let mut start = line_start + lead + dash;
    let mut sig = &body[start..];
    let first_word = |s: &str| -> String {
        let mut key = String::new();
        crate::text::fold_key(
            s.split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches(','),
            &mut key,
        );
        key
    };
    let first = first_word(sig);
    let titled = sig.starts_with(char::is_uppercase);
    // "Maria, night porter": the role after the name.
    if titled && LEXICON.flags(&first) & (lexicon::FIRST | lexicon::LAST) != 0 {
        let Some(comma) = sig.find(", ") else {
            return;
        };
        start += comma + 2;
        sig = &body[start..];
    }
    let words: Vec<&str> = sig.split_whitespace().collect();
    if !(2..=12).contains(&words.len())
        || sig.ends_with(['.', '?', '!'])
        || sig.contains('@')
        || sig.contains("http")
        || matches!(
            first_word(sig).as_str(),
            "a" | "an"
                | "one"
                | "sent"
                | "from"
                | "anonymous"
                | "un"
                | "une"
                | "uno"
                | "una"
                | "ein"
                | "eine"
                | "een"
                | "someone"
                | "somebody"
                | "anyone"
        )
    {
        return;
    }
    let mut key = String::new();
    let group = words.iter().any(|w| {
        crate::text::fold_key(w.trim_matches(|c: char| !c.is_alphanumeric()), &mut key);
        GROUP_SIGNATURES.contains(&key.as_str())
    });
    let checkable = words[1..].iter().any(|w| {
        w.bytes().any(|b| b.is_ascii_digit()) || (w.starts_with(char::is_uppercase) && *w != "I")
    });
    // A role ("night supervisor", "Hausmeister", "il portiere di notte")
    // or a number: "Worried in Accounts" is a pen name, not a person.
    let role = words
        .iter()
        .take_while(|w| !w.ends_with(','))
        .chain(words.iter().find(|w| w.ends_with(',')))
        .any(|w| {
            crate::text::fold_key(w.trim_matches(|c: char| !c.is_alphanumeric()), &mut key);
            is_person_noun(&key)
                || is_foreign_person_noun(&key)
                || FOREIGN_ROLES.contains(&key.as_str())
                || is_foreign_role_noun_strict(&key)
        });
    let numbered = words.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit()));
    // A phrase found already covers the line.
    let end = start + sig.len();
    let found = out
        .iter()
        .any(|c| c.kind == PiiKind::SelfIdentifying && c.start <= start && c.end >= end);
    if group || !checkable || !(role || numbered) || found {
        return;
    }
    out.push(Candidate::new(
        start,
        start + sig.len(),
        PiiKind::SelfIdentifying,
        0.6,
    ));
}

fn find_phrases(text: &str, tokens: &[Token], out: &mut Vec<Candidate>) {
    let keys = Keys::new(text, tokens);
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        let key = keys.get(i);
        // "I'm 58 years old"
        if tokens[i].has_digit
            && key.len() == 2
            && key.bytes().all(|b| b.is_ascii_digit())
            && keys.get(i + 1) == "years"
            && keys.get(i + 2) == "old"
            && self_prefix(text, tokens, &keys, i)
        {
            out.push(phrase(tokens, i, i + 2, 0.8));
            i += 3;
            continue;
        }
        // "I'm one of only two women in engineering": a group of two to
        // four singles its members out nearly as well as "the only".
        if key == "one"
            && keys.get(i + 1) == "of"
            && (i + 1..(i + 5).min(n)).all(|j| joined(text, tokens, j))
        {
            let mut q = i + 2;
            if keys.get(q) == "the" {
                q += 1;
            }
            if keys.get(q) == "only" {
                q += 1;
            }
            let few = matches!(keys.get(q), "two" | "three" | "four" | "2" | "3" | "4");
            if few {
                let mut k = q + 1;
                while k < n && k <= q + 4 && joined(text, tokens, k) && !is_person_noun(keys.get(k))
                {
                    k += 1;
                }
                // "one of the three cabin crew based in Porto": a crew of
                // people.
                // "one of the two TAs in Reception": a role's acronym, plural.
                let crew = |m: usize| {
                    (matches!(keys.get(m), "crew" | "staff") && m > q + 1)
                        || tokens.get(m).is_some_and(|t| {
                            let w = &text[t.start..t.end];
                            (3..=5).contains(&w.len())
                                && w.ends_with('s')
                                && w[..w.len() - 1].bytes().all(|b| b.is_ascii_uppercase())
                        })
                };
                if k > q + 4 || k >= n {
                    k = (q + 1..(q + 5).min(n))
                        .take_while(|&m| joined(text, tokens, m))
                        .find(|&m| crew(m))
                        .unwrap_or(k);
                }
                let noun = k < n
                    && k <= q + 4
                    && joined(text, tokens, k)
                    && (is_person_noun(keys.get(k)) || crew(k));
                // Written about oneself or not, "one of the two fire
                // wardens in the chemistry building" singles a person out.
                if noun {
                    let end = extend_clause(text, tokens, &keys, k);
                    out.push(phrase(tokens, i, end, 0.75));
                    i = end + 1;
                    continue;
                }
            }
        }
        // "two of us who speak Arabic in the Leicester clinic": a pair or
        // trio the writer belongs to, tied to a place or a deed.
        if matches!(key, "two" | "three" | "four" | "2" | "3" | "4")
            && keys.get(i + 1) == "of"
            && keys.get(i + 2) == "us"
            && keys.get(i.wrapping_sub(1)) != "of"
            && (i + 1..i + 4).all(|j| joined(text, tokens, j))
            && matches!(keys.get(i + 3), "who" | "on" | "in" | "at" | "from")
            // "three of us at most": a count, not a place.
            && !matches!(keys.get(i + 4), "most" | "least" | "best" | "all")
        {
            let end = extend_clause(text, tokens, &keys, i + 2);
            if end > i + 3 {
                out.push(phrase(tokens, i, end, 0.7));
                i = end + 1;
                continue;
            }
        }
        // "only female tech on site btw", "Role: sole IT support
        // technician, Grimsby plant": no article at the start of a text or
        // of a form field.
        if matches!(
            key,
            "only" | "sole" | "youngest" | "oldest" | "newest" | "longest"
        ) && field_start(text, tokens, i)
        {
            if let Some(end) = bare_only(text, tokens, &keys, i) {
                out.push(phrase(tokens, i, end, 0.7));
                i = end + 1;
                continue;
            }
        }
        // "Role: crane operator, Berth 6 night shift": a role and its site
        // as the value of a role field.
        if i > 0
            && matches!(
                keys.get(i - 1),
                "role" | "position" | "job" | "title" | "designation" | "post"
            )
            && text
                .get(tokens[i - 1].end..tokens[i].start)
                .is_some_and(|g| g.trim() == ":")
        {
            if let Some(end) = bare_role(text, tokens, &keys, i - 1, i) {
                out.push(phrase(tokens, i, end, 0.65));
                i = end + 1;
                continue;
            }
        }
        // "Whoever was on call for the Broome ops centre on the night of 4
        // July — me —": a whoever someone can point at (a number, a desk, a
        // van) that the writer says is them.
        if key == "whoever"
            && matches!(
                keys.get(i + 1),
                "sits" | "parks" | "drives" | "has" | "had" | "was" | "uses" | "used"
            )
        {
            let end = extend_clause(text, tokens, &keys, i);
            let pointed = (i + 2..=end).any(|m| {
                tokens[m].has_digit
                    || matches!(
                        keys.get(m),
                        "desk"
                            | "locker"
                            | "bay"
                            | "van"
                            | "truck"
                            | "car"
                            | "seat"
                            | "office"
                            | "cubicle"
                            | "forklift"
                    )
            });
            let mine = (end + 1..(end + 5).min(n)).any(|m| keys.get(m) == "me");
            if pointed && mine && end > i + 2 {
                out.push(phrase(tokens, i, end, 0.6));
                i = end + 1;
                continue;
            }
        }
        // "Whoever raised the grievance about the night allowance last
        // autumn": a dated complaint, whose author HR knows.
        if key == "whoever"
            && matches!(
                keys.get(i + 1),
                "raised" | "reported" | "filed" | "submitted" | "logged" | "lodged"
            )
        {
            let end = extend_clause(text, tokens, &keys, i);
            let dated = (i + 2..=end).any(|m| {
                tokens[m].has_digit || LEXICON.flags(keys.get(m)) & lexicon::CALENDAR != 0
            });
            if dated && end > i + 3 {
                out.push(phrase(tokens, i, end, 0.6));
                i = end + 1;
                continue;
            }
        }
        // "Someone who rang the ethics line in February — that was me",
        // "Whoever sits at desk 4.17 (that's me)": a description the writer
        // owns.
        if let Some(end) = owned_description(text, tokens, &keys, i) {
            out.push(phrase(tokens, i, end, 0.75));
            i = end + 1;
            continue;
        }
        if let Some(end) = foreign_self_deed(text, tokens, &keys, i) {
            out.push(phrase(tokens, i, end, 0.7));
            i = end + 1;
            continue;
        }
        if let Some(end) = foreign_incident(text, tokens, &keys, i) {
            out.push(phrase(tokens, i, end, 0.7));
            i = end + 1;
            continue;
        }
        if let Some(end) = role_at_site(text, tokens, &keys, i) {
            out.push(phrase(tokens, i, end, 0.7));
            i = end + 1;
            continue;
        }
        if let Some(end) = foreign_only(text, tokens, &keys, i) {
            // Polish "jedyny" has no determiner to start from.
            let start = if key.starts_with("l'")
                || key.starts_with("jedyn")
                || key == "satu-satunya"
                || i == 0
                || FOREIGN_DETERMINERS_SET.contains(key)
                || !FOREIGN_ONLY_SET.contains(key)
                || FOREIGN_AS.contains(&keys.get(i - 1))
            {
                tokens[i].start
            } else if i >= 2 && FOREIGN_FEW.contains(&keys.get(i - 1)) {
                // "las dos únicas personas": from the determiner.
                tokens[i - 2].start
            } else {
                tokens[i - 1].start
            };
            out.push(Candidate::new(
                start,
                tokens[end].end,
                PiiKind::SelfIdentifying,
                0.75,
            ));
            i = end + 1;
            continue;
        }
        if !matches!(key, "the" | "a" | "an" | "our" | "my")
            || i + 1 >= n
            || !joined(text, tokens, i + 1)
        {
            i += 1;
            continue;
        }
        // "the team's only mum", "our squad's sole tester": a possessive
        // between the determiner and the singling-out word.
        // "the Kampala office's only accountant": up to three words before
        // the possessive.
        let owner = (i + 1..(i + 4).min(n)).find(|&m| {
            m + 1 < n
                && (i + 1..=m + 1).all(|w| joined(text, tokens, w))
                && possessive(text, tokens, m)
                && (matches!(keys.get(m + 1), "only" | "one")
                    || SINGLING_SET.contains(keys.get(m + 1)))
        });
        let o = if let Some(m) = owner.filter(|_| matches!(key, "the" | "our" | "my")) {
            m + 1
        } else if matches!(key, "our" | "the")
            && matches!(keys.get(i + 1), "one" | "first")
            && keys.get(i + 2) == "and"
            && keys.get(i + 3) == "only"
        {
            // "our one and only Mandarin-speaking concierge", "the first
            // and only woman promoted to ..."
            i + 3
        } else if key == "our" && matches!(keys.get(i + 1), "only" | "sole" | "lone" | "one") {
            // "our only Russian-speaking pharmacist"
            i + 1
        } else if matches!(key, "our" | "my") {
            // "our American colleague in the HSE team": a trait or a
            // nationality tied to a small unit.
            if key == "our" {
                if let Some((k, score)) = trait_in_small_unit(text, tokens, &keys, i + 1) {
                    let end = extend_clause(text, tokens, &keys, k);
                    out.push(phrase(tokens, i, end, score));
                    i = end + 1;
                    continue;
                }
            }
            i += 1;
            continue;
        } else {
            i + 1
        };
        let is_self = self_prefix(text, tokens, &keys, i);
        let next = keys.get(o);
        let mut head: Option<(usize, f32)> = None;
        // "i was the one stuck in the lift at Bridgewater Place for 2 hrs":
        // the writer, and what happened to them.
        if is_self
            && next == "one"
            && key == "the"
            && o + 2 < n
            && (o + 1..=o + 2).all(|m| joined(text, tokens, m))
            && tokens[o + 1].case == Case::Lower
            && (keys.get(o + 1).ends_with("ed")
                || matches!(
                    keys.get(o + 1),
                    "stuck"
                        | "hurt"
                        | "bitten"
                        | "caught"
                        | "sent"
                        | "told"
                        | "hit"
                        | "struck"
                        | "left"
                        | "taken"
                        | "given"
                        | "found"
                        | "kept"
                ))
            && matches!(
                keys.get(o + 2),
                "in" | "at" | "on" | "by" | "for" | "with" | "from" | "after"
            )
        {
            head = Some((o, 0.7));
        }
        if is_age_token(next) {
            // "the 17-year-old weekend lad": up to two words before the noun.
            let noun_at = (o + 1..(o + 4).min(n))
                .take_while(|&m| joined(text, tokens, m) && !CLAUSE_STOP_SET.contains(keys.get(m)))
                .find(|&m| is_person_noun(keys.get(m)));
            if let Some(k) = noun_at {
                head = Some((k, 0.8));
            } else if is_self {
                head = Some((o, 0.8));
            } else if o + 2 < n
                && joined(text, tokens, o + 1)
                && matches!(keys.get(o + 1), "who" | "on" | "in" | "at" | "from")
            {
                // "a 67-year-old who has been on the Stockport tills for 22
                // years", "a 19-year-old on her second shift".
                head = Some((o, 0.7));
            }
        } else if next == "only"
            && matches!(keys.get(o + 1), "two" | "three" | "2" | "3")
            && joined(text, tokens, o + 1)
            && capability(text, tokens, &keys, o + 1)
        {
            // "the only two who know the deployment scripts": a pair with a
            // skill someone can check.
            head = Some((o + 1, 0.7));
        } else if next == "only"
            || SINGLING_SET.contains(next)
            || (next == "one"
                && matches!(key, "the" | "our")
                && !matches!(keys.get(o + 1), "who" | "that" | "whose"))
        {
            let mut k = o + 1;
            if next == "most" || next == "least" {
                k += 1; // "most senior"
            }
            // "the only trained mental health first aider": up to five words.
            while k < n && k <= o + 5 && joined(text, tokens, k) {
                let kk = keys.get(k);
                // "the only Brazilian in the Dublin payments team": a
                // nationality used as a noun.
                // "As the Auckland team's only Samoan I was asked ...": or
                // the phrase ends with it.
                let ends_here =
                    k + 1 >= n || !joined(text, tokens, k + 1) || keys.get(k + 1) == "i";
                let nationality = next == "only"
                    && LEXICON.flags(kk) & lexicon::PLACE != 0
                    && tokens[k].case == Case::Title
                    && (ends_here
                        || matches!(
                            keys.get(k + 1),
                            "in" | "on" | "at" | "from" | "who" | "working"
                        ));
                if nationality {
                    head = Some((k, 0.75));
                    break;
                }
                if is_person_noun(kk) {
                    // "the new starters": a plural is a group, singled out
                    // only by "only".
                    let plural = !PERSON_NOUN_SET.contains(kk) && kk.ends_with('s');
                    if plural && next != "only" {
                        break;
                    }
                    // "the only one who knows" is generic; "the only trans
                    // person" is not.
                    let generic = k == o + 1
                        && matches!(kk, "one" | "ones" | "person" | "people" | "employees");
                    let score = if next == "one" {
                        // "the one wheelchair user in accounts"
                        if is_self || !generic {
                            0.75
                        } else {
                            0.0
                        }
                    } else if next == "only" {
                        if generic && subjective(text, tokens, &keys, k) {
                            // "I'm the only one who seems to care": an
                            // opinion of oneself, nothing to check.
                            0.0
                        } else if is_self || !generic || capability(text, tokens, &keys, k) {
                            0.8
                        } else if scoped(text, tokens, &keys, i, k) {
                            0.7
                        } else {
                            0.0
                        }
                    } else if matches!(next, "second" | "third" | "fourth" | "fifth") {
                        // "the third person to leave the Sligo quality team
                        // this year": a count someone can check; "the third
                        // person to mention this" is not.
                        let checkable = keys.get(k + 1) == "to"
                            && joined(text, tokens, k + 1)
                            && (k + 2..(k + 10).min(n))
                                .take_while(|&m| joined(text, tokens, m))
                                .any(|m| {
                                    tokens[m].has_digit
                                        || (tokens[m].case == Case::Title
                                            && !tokens[m].sentence_start)
                                        || LEXICON.flags(keys.get(m)) & lexicon::CALENDAR != 0
                                });
                        if checkable {
                            0.6
                        } else {
                            0.0
                        }
                    } else if is_self {
                        0.8
                    } else if next == "last" && generic && capability(text, tokens, &keys, k) {
                        // "the last person at the Rustenburg shaft who knows
                        // how to run the old winder": a skill someone can
                        // check.
                        0.7
                    } else if matches!(next, "first" | "last")
                        && !generic
                        && kk != "one"
                        && matches!(keys.get(k + 1), "on" | "at" | "in" | "to" | "who" | "from")
                        && (k + 2..(k + 12).min(n))
                            .take_while(|&m| joined(text, tokens, m))
                            .any(|m| {
                                tokens[m].has_digit
                                    || tokens[m].case == Case::Title
                                    || LEXICON.flags(keys.get(m)) & lexicon::CALENDAR != 0
                            })
                    {
                        // "the first officer on scene at the Harrow Road
                        // stabbing in September": first at a dated, named
                        // event.
                        0.6
                    } else if matches!(next, "first" | "last")
                        && (o + 1..k).any(|m| {
                            sensitive(keys.get(m))
                                || matches!(keys.get(m), "female" | "male" | "woman" | "black")
                        })
                    {
                        // "the first female crew chief at the Tulsa hangar"
                        0.65
                    } else if next == "new"
                        && !generic
                        && !LEADERSHIP.contains(&kk)
                        && scoped(text, tokens, &keys, i, k)
                    {
                        // "the new sparky on the Wembley site": HR knows who
                        // joined one named place lately; "the new manager in
                        // Leeds" is whom the feedback is about.
                        0.6
                    } else if (matches!(
                        next,
                        "youngest" | "oldest" | "longest-serving" | "sole" | "newest"
                    ) || (next == "lone" && kk != "worker"))
                        || (next == "most" && matches!(keys.get(o + 1), "senior" | "junior"))
                    {
                        0.65
                    } else {
                        0.0
                    };
                    if score > 0.0 {
                        head = Some((k, score));
                    }
                    break;
                }
                let department = kk == "it" && tokens[k].case == Case::Upper;
                if (CLAUSE_STOP_SET.contains(kk) && !department)
                    || matches!(
                        kk,
                        "without"
                            | "with"
                            | "in"
                            | "on"
                            | "at"
                            | "of"
                            | "for"
                            | "who"
                            | "that"
                            | "to"
                            | "thing"
                            | "things"
                            | "time"
                            | "way"
                            | "reason"
                    )
                {
                    // "I'm the only redhead in logistics", "as the
                    // oldest on the dock": the writer, singled out by a
                    // word no noun list has, tied to a place or a deed.
                    let strong = matches!(
                        next,
                        "only"
                            | "youngest"
                            | "oldest"
                            | "longest-serving"
                            | "sole"
                            | "lone"
                            | "newest"
                    );
                    let noun_like = !matches!(
                        keys.get(k - 1),
                        "thing" | "things" | "time" | "way" | "reason"
                    );
                    // "kofi (the only sparky on the Wembley fit-out)": an
                    // aside about a named colleague.
                    let aside = i > 0 && {
                        let gap = text.get(tokens[i - 1].end..tokens[i].start).unwrap_or("");
                        gap.trim() == "("
                            || (gap.trim() == ","
                                && tokens[i - 1].case == Case::Title
                                && !tokens[i - 1].sentence_start
                                && LEXICON.flags(keys.get(i - 1)) & lexicon::FIRST != 0)
                    };
                    if (is_self || (aside && next == "only" && k > o + 1))
                        && strong
                        && noun_like
                        && ROLE_TIES_SET.contains(kk)
                        && !subjective(text, tokens, &keys, k - 1)
                    {
                        head = Some((k - 1, 0.7));
                    }
                    // "the only CWI at the Mobile yard": an acronym for a
                    // role, tied to a place.
                    let acronym = k == o + 2
                        && next == "only"
                        && tokens[o + 1].case == Case::Upper
                        && (2..=5).contains(&keys.get(o + 1).len())
                        && LEXICON.flags(keys.get(o + 1)) & (lexicon::DEPT | lexicon::WORD) == 0
                        && matches!(kk, "at" | "in" | "on" | "for");
                    if acronym {
                        head = Some((k - 1, 0.65));
                    }
                    break;
                }
                k += 1;
            }
        } else if is_self
            && o + 1 < n
            && joined(text, tokens, o + 1)
            && ((is_person_noun(next) && matches!(keys.get(o + 1), "who" | "that" | "whose"))
                // "I'm the returner who came back ...", "i am the part
                // timer who does tues/thurs": "who" makes any noun a person.
                || ((keys.get(o + 1) == "who"
                    || (keys.get(o + 2) == "who"
                        && joined(text, tokens, o + 2)
                        && tokens.get(o + 1).is_some_and(|t| t.case == Case::Lower)
                        && !CLAUSE_STOP_SET.contains(keys.get(o + 1))))
                    && tokens[o].case == Case::Lower
                    && next.len() >= 3
                    && !NOT_PERSON_SET.contains(next)))
        {
            // "I'm the one who reported ...", "as the engineer who pushed ..."
            head = Some((o, 0.8));
        }
        if head.is_none() && is_self && key == "the" {
            // "I'm the receptionist at the Gdańsk office", "as the night
            // nurse on ward 6": a definite role tied to a place or a deed.
            let mut k = o;
            while k < n && k <= o + 4 && joined(text, tokens, k) && !is_person_noun(keys.get(k)) {
                let department = keys.get(k) == "it" && tokens[k].case == Case::Upper;
                let calendar_and = keys.get(k) == "and"
                    && k > o
                    && LEXICON.flags(keys.get(k - 1)) & lexicon::CALENDAR != 0
                    && LEXICON.flags(keys.get(k + 1)) & lexicon::CALENDAR != 0;
                if (CLAUSE_STOP_SET.contains(keys.get(k)) && !department && !calendar_and)
                    || ROLE_TIES_SET.contains(keys.get(k))
                {
                    break;
                }
                k += 1;
            }
            // "the Sikh security officer on the night gate": the last
            // person noun before the tie heads the phrase.
            let mut m = k;
            while k < n
                && is_person_noun(keys.get(k))
                && m + 1 < n
                && m < o + 5
                && joined(text, tokens, m + 1)
                && !ROLE_TIES_SET.contains(keys.get(m + 1))
                && !CLAUSE_STOP_SET.contains(keys.get(m + 1))
                && tokens[m + 1].case == Case::Lower
                && (is_person_noun(keys.get(m + 1))
                    || (m + 2 < n && is_person_noun(keys.get(m + 2))))
            {
                m += 1;
            }
            if is_person_noun(keys.get(m)) && m > k {
                k = m;
            }
            if k < n
                && joined(text, tokens, k)
                && is_person_noun(keys.get(k))
                && k + 1 < n
                && joined(text, tokens, k + 1)
                && (ROLE_TIES_SET.contains(keys.get(k + 1))
                    || participle(tokens, &keys, k + 1)
                    || past_tie(tokens, &keys, k + 1, true))
            {
                head = Some((k, 0.7));
            }
        }
        // "a type 1 diabetic on the packing line", "a Jewish employee in a
        // team of five", "our American colleague in the HSE team": a
        // sensitive trait or a nationality, or a tiny team, narrows even an
        // indefinite description to one person.
        if head.is_none() && matches!(key, "a" | "an" | "the") {
            head = trait_in_small_unit(text, tokens, &keys, o);
        }
        // "the two Pashto speakers at the Bradford call centre", "the two
        // girls on reception": a pair or trio tied to a place.
        if head.is_none() && key == "the" && matches!(next, "two" | "three") {
            let mut k = o + 1;
            while k < n && k <= o + 3 && joined(text, tokens, k) && !is_person_noun(keys.get(k)) {
                k += 1;
            }
            // "the two hijabi pharmacists": the last noun of a compound.
            while k + 1 < n && joined(text, tokens, k + 1) && is_person_noun(keys.get(k + 1)) {
                k += 1;
            }
            if k < n
                && k <= o + 3
                && joined(text, tokens, k)
                && is_person_noun(keys.get(k))
                && k + 2 < n
                && joined(text, tokens, k + 1)
                && matches!(keys.get(k + 1), "at" | "on" | "in" | "who" | "from")
            {
                head = Some((k, 0.7));
            }
        }
        if head.is_none()
            && !is_self
            && key == "the"
            && next != "only"
            && (next == "new" || !SINGLING_SET.contains(next))
        {
            head = third_person(text, tokens, &keys, o);
        }
        // "Anyone who ends up the only trained person on a shift": a
        // hypothetical person.
        if head.is_some() && !is_self && hypothetical_before(text, tokens, &keys, i) {
            head = None;
        }
        // "The person who designed the new shift pattern": the author of
        // the thing criticised, unless the writer says it is them.
        if let Some((k, _)) = head {
            if !is_self
                && matches!(keys.get(k), "person" | "one" | "people" | "guy")
                && matches!(keys.get(k + 1), "who" | "that")
                && (matches!(
                    keys.get(k + 2),
                    "wrote"
                        | "designed"
                        | "made"
                        | "approved"
                        | "created"
                        | "decided"
                        | "planned"
                        | "built"
                        | "invented"
                        | "chose"
                ) || (keys.get(k + 2) == "came" && keys.get(k + 3) == "up"))
            {
                head = None;
            }
        }
        // "I'm the only one who seems to care": whichever rule found it, a
        // generic "one" or "person" with an opinion of oneself.
        if let Some((k, _)) = head {
            if matches!(keys.get(k), "one" | "person" | "only")
                && subjective(text, tokens, &keys, k)
            {
                head = None;
            }
        }
        match head {
            Some((k, score)) => {
                // "the CFO's nephew joined": after a family tie, a plain
                // verb is the sentence's, not the phrase's.
                let next = keys.get(k + 1);
                let continues = !RELATIVES.contains(&keys.get(k))
                    || k + 1 >= n
                    || !joined(text, tokens, k + 1)
                    || tokens[k + 1].case != Case::Lower
                    || ROLE_TIES_SET.contains(next)
                    || past_tie(tokens, &keys, k + 1, is_self)
                    || CLAUSE_STOP_SET.contains(next)
                    || is_person_noun(next)
                    || participle(tokens, &keys, k + 1);
                let end = if continues {
                    extend_clause(text, tokens, &keys, k)
                } else {
                    k
                };
                out.push(phrase(tokens, i, end, score));
                i = end + 1;
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn phrases(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        let mut out = Vec::new();
        find(text, &tokens, &mut out);
        out.iter()
            .map(|c| text[c.start..c.end].to_owned())
            .collect()
    }

    #[test]
    fn newcomers_ordinals_foreign_deeds_signature_lines_and_foreign_appositives() {
        for (t, v) in [
            // A newcomer at a named place or shift; not a leader.
            (
                "The new sparky on the Wembley site got shouted at by the foreman.",
                "The new sparky on the Wembley site",
            ),
            (
                "The new guy on the Tuesday night shift never signs the log.",
                "The new guy on the Tuesday night shift",
            ),
            // The writer did or suffered something dated, in another language.
            (
                "Ich bin diejenige, die am 3. März den Brandgeruch im Serverraum gemeldet hat, und bis heute",
                "diejenige, die am 3. März den Brandgeruch im Serverraum gemeldet hat",
            ),
            (
                "soy el que reportó el derrame de ácido en la bodega 2 el 8 de mayo y desde entonces",
                "el que reportó el derrame de ácido en la bodega 2 el 8 de mayo",
            ),
            (
                "Je suis celui qui a signalé la fuite d'ammoniac dans la salle des compresseurs le 12 janvier. Depuis",
                "celui qui a signalé la fuite d'ammoniac dans la salle des compresseurs le 12 janvier",
            ),
            (
                "ik ben degene die in april de schimmel in lokaal 2.14 heeft gemeld en er is niks",
                "degene die in april de schimmel in lokaal 2.14 heeft gemeld",
            ),
            // A signature line: a role and something checkable.
            ("The heating is off again.\n\n— night supervisor, Dock 4", "night supervisor, Dock 4"),
            (
                "Bitte reparieren.\n\n— Hausmeister, Grundschule am Lindenhof",
                "Hausmeister, Grundschule am Lindenhof",
            ),
            (
                "Gracias.\n\nUn saludo,\nConductor de la ruta Vigo–Ourense de madrugada",
                "Conductor de la ruta Vigo–Ourense de madrugada",
            ),
            // A signing label, inline or alone; a PS after the signature.
            (
                "O portão 2 está sem luz. Favor verificar. Assinado: o vigilante do fim de semana da fábrica de Ovar",
                "o vigilante do fim de semana da fábrica de Ovar",
            ),
            (
                "Getekend: de conciërge van de middagploeg op de campus in Kortrijk",
                "de conciërge van de middagploeg op de campus in Kortrijk",
            ),
            (
                "Bitte.\nGruss\ndie Lernende im 1. Lehrjahr in der Filiale Thun\nPS: Danke.",
                "die Lernende im 1. Lehrjahr in der Filiale Thun",
            ),
            // The closing line's last word, in any language of the shared
            // sign-off list, or "Thank you".
            (
                "Proszę o naprawę.\n\nZ poważaniem,\nmagazynier z hali 3, zmiana nocna",
                "magazynier z hali 3, zmiana nocna",
            ),
            (
                "Please fix it.\n\nThank you,\nnight supervisor, Dock 4",
                "night supervisor, Dock 4",
            ),
            // Was, or writes as, the one who did something dated.
            (
                "Fui la que denunció el acoso en la planta de Medellín en abril de 2023 y desde entonces",
                "la que denunció el acoso en la planta de Medellín en abril de 2023",
            ),
            (
                "Piszę jako osoba, która 7 listopada zgłosiła wyciek amoniaku w chłodni w Kutnie. Od tamtej pory",
                "osoba, która 7 listopada zgłosiła wyciek amoniaku w chłodni w Kutnie",
            ),
            // A count someone can check; the only one of a nationality in
            // a named team; a signature above the phone's sign-off.
            (
                "I'm the third person to leave the Sligo quality team this year and not one of us was asked why.",
                "the third person to leave the Sligo quality team this year",
            ),
            (
                "As the Auckland team's only Samoan I was asked to do something cultural.",
                "the Auckland team's only Samoan",
            ),
            (
                "Please fix it.\n\nRegards,\nSite Nurse, Port Hedland Camp 3\n(sent from my phone, sorry for typos)",
                "Site Nurse, Port Hedland Camp 3",
            ),
            (
                "idk why but we're the only 2 ppl who can do the sap month-end close in the halifax office",
                "the only 2 ppl who can do the sap month-end close in the halifax office",
            ),
            ("hi im the newbie in accounts receivable and nobody trained me", "the newbie in accounts receivable"),
            // A role after a colleague's name, in another language.
            (
                "Danke an Jörg, den Hausmeister der Grundschule am Lindenhof, der alles repariert.",
                "den Hausmeister der Grundschule am Lindenhof",
            ),
        ] {
            assert!(phrases(t).iter().any(|p| p == v), "{t}: {:?}", phrases(t));
        }
        for t in [
            // A leader named by role, a plain newcomer, a pen name, a group,
            // an indefinite person, a bullet list, a phone's sign-off.
            "the new manager in Leeds is great",
            "The new starters get no induction at all.",
            "Please fix it.\n\nThanks,\nWorried in Accounts",
            "Please fix it.\n\nRegards,\nThe Night Team, Leeds",
            "Please fix it.\n\n— a nurse at St Mary's",
            "Please fix it.\n\nRegards,\nsomeone on line 3",
            "Handover:\n- Tunde off, Jamal covering\n- Stapler 5 Akku leer, Schlüssel bei Kalle",
            "Please fix it.\n\nSent from my Samsung Galaxy",
            // An ordinal with nothing to check.
            "I'm the third person to mention this and nobody listens.",
            // A dated deed of someone else, with no "I am".
            "Il tecnico ha segnalato la perdita il 3 marzo.",
        ] {
            assert!(phrases(t).is_empty(), "{t}: {:?}", phrases(t));
        }
    }

    #[test]
    fn generic_only_person_tied_to_a_checkable_scope_bare_only_and_asides() {
        for (t, v) in [
            (
                "Rota feedback: the only person on the 2–10 in dispatch on Sundays should not cover it.",
                "the only person on the 2–10 in dispatch on Sundays",
            ),
            (
                "he's the only person left who can recalibrate the old Zeiss CMM and there's no manual",
                "the only person left who can recalibrate the old Zeiss CMM",
            ),
            (
                "im teh only dispatcher on the overnght desk at Crewe and the new system logs me out",
                "teh only dispatcher on the overnght desk at Crewe",
            ),
            ("only female tech on site btw, and there is no toilet", "only female tech on site"),
            (
                "Role: sole IT support technician, Grimsby plant\nConcern: heat",
                "sole IT support technician, Grimsby plant",
            ),
            (
                "shoutout to kofi (the only sparky on the Wembley fit-out) who stayed",
                "the only sparky on the Wembley fit-out",
            ),
            (
                "Soy el unico q habla ingles en recepcion de noche y nadie me ayuda",
                "el unico q habla ingles en recepcion de noche",
            ),
            (
                "Ik ben de enige met een heftruckcertificaat in de nachtploeg, dus",
                "de enige met een heftruckcertificaat in de nachtploeg",
            ),
            (
                "No hot food for six weeks.\n\nRegards,\nthe night supervisor at the Tamworth sortation centre",
                "the night supervisor at the Tamworth sortation centre",
            ),
            (
                "Honestly the newest HCA on Ward 12 shouldn't be doing every bed bath.",
                "the newest HCA on Ward 12",
            ),
            (
                "31 wks pregnant, only pregnant person on the late shift at Erith. still",
                "only pregnant person on the late shift at Erith",
            ),
            (
                "longest serving nurse on Ward 7, 26 years. never felt less valued",
                "longest serving nurse on Ward 7",
            ),
            (
                "Being the only male midwife at St Columba's I get asked to step out.",
                "the only male midwife at St Columba's",
            ),
            (
                "Giuseppe è l'unico collega sordo dell'ufficio anagrafe e le riunioni",
                "l'unico collega sordo dell'ufficio anagrafe",
            ),
                        ("he is the only one aboard who can rebuild the purifier", "the only one aboard who can rebuild the purifier"),
                        (
                "he's the only one of us who can clear the wrapper, honestly",
                "the only one of us who can clear the wrapper",
            ),
            (
                "I'm one of the two TAs in Reception at Oakfield and we never get cover.",
                "one of the two TAs in Reception at Oakfield",
            ),
            (
                "the 17-year-old weekend lad on loan from the Fenwick Road store was left alone",
                "the 17-year-old weekend lad on loan from the Fenwick Road store",
            ),
            ("I'm the lone switchboard operator on lates", "the lone switchboard operator on lates"),
            (
                "Whoever raised the whistleblowing report about the fridge temperatures in June got moved.",
                "Whoever raised the whistleblowing report about the fridge temperatures in June",
            ),
            (
                "I'm the last person at the Rustenburg shaft who knows how to run the old winder manually.",
                "the last person at the Rustenburg shaft who knows how to run the old winder manually",
            ),
            (
                "Complaint about the driver of truck 14 at the Dubbo depot, he speeds.",
                "the driver of truck 14 at the Dubbo depot",
            ),
            (
                "Site: Tema\nRole: crane operator, Berth 6 night shift\nIssue: heater",
                "crane operator, Berth 6 night shift",
            ),
            (
                "Whoever was on call for the Broome ops centre on the night of 4 July — me — got 47 calls",
                "Whoever was on call for the Broome ops centre on the night of 4 July",
            ),
            (
                "i was the one stuck in the lift at Bridgewater Place for 2 hrs on the 6th. nobody",
                "the one stuck in the lift at Bridgewater Place for 2 hrs on the 6th",
            ),
            (
                "Soy la única del equipo de nóminas de Sevilla que sabe cerrar el mes.",
                "la única del equipo de nóminas de Sevilla que sabe cerrar el mes",
            ),
        ] {
            assert_eq!(phrases(t), [v], "{t}");
        }
        // Opinions of oneself, a room, a negation, a hypothetical, things,
        // groups: nothing to check.
        for t in [
            "Best,\nthe team",
            "Whoever sits in the accessible bay on level 2 without a blue badge should stop.",
            "Role: Manager",
            "Please put up the lone worker poster again.",
            "Whoever raised this should be thanked.",
            "the first one in this building who has ever asked me how I am",
            "Anyone who ends up the only trained person on a shift should get the allowance.",
            "The person who designed the new shift pattern obviously never worked it.",
            "Only people on the ward knew.",
            "I'm the only one who seems to care about recycling in this building.",
            "I'm the only person who actually reads the handbook lol",
            "the only person in the room who seems to care",
            "I'm not the only person on the night shift who thinks so",
            "Imagine being the only person on site when the alarm goes off at 3am.",
            "Only managers can approve leave.",
            "O único elevador do armazém está avariado há duas semanas.",
            "La única máquina de café que funciona está en la planta de dirección.",
        ] {
            assert!(phrases(t).is_empty(), "{t}: {:?}", phrases(t));
        }
    }

    #[test]
    fn finds_the_issue_examples() {
        assert_eq!(
            phrases("As the only designer on the platform team, I'm invited to nothing."),
            ["the only designer on the platform team"]
        );
        assert_eq!(
            phrases("I'm the new hire who joined from Google last month and I still wait."),
            ["the new hire who joined from Google last month"]
        );
        assert_eq!(
            phrases("As the youngest person in finance, I get talked over."),
            ["the youngest person in finance"]
        );
        assert_eq!(
            phrases("I'm a 58-year-old developer and the jokes need to stop."),
            ["a 58-year-old developer"]
        );
    }

    #[test]
    fn finds_irregular_plurals_role_acronyms_and_more_foreign_only_clauses() {
        assert_eq!(
            phrases("I'm one of three firemen on the night watch at Station 4 and we're short."),
            ["one of three firemen on the night watch at Station 4"]
        );
        assert_eq!(
            phrases("I'm one of two midwives on the unit who can do water births."),
            ["one of two midwives on the unit who can do water births"]
        );
        assert_eq!(
            phrases("I'm the PCSO who was spat at on Market Street on 8 November."),
            ["the PCSO who was spat at on Market Street on 8 November"]
        );
        assert_eq!(
            phrases("Perguntem à Vitória, é a única que ainda sabe dos contratos antigos."),
            ["a única que ainda sabe dos contratos antigos"]
        );
        assert_eq!(
            phrases("Glória e Amparo foram as únicas a notar a fuga de gás na cozinha."),
            ["as únicas a notar a fuga de gás na cozinha"]
        );
        assert_eq!(
            phrases("zapytajcie Wróbla, to jedyna osoba, która wie, jak to zresetować"),
            ["jedyna osoba, która wie"]
        );
    }

    #[test]
    fn finds_roles_at_a_site_after_a_name_and_after_foreign_verbs_of_being() {
        assert_eq!(
            phrases("Patrick, our night caretaker at the annexe, locks up alone."),
            ["our night caretaker at the annexe"]
        );
        assert_eq!(
            phrases("Giuseppe, il nostro custode notturno alla sede di Bergamo, fa il giro."),
            ["il nostro custode notturno alla sede di Bergamo"]
        );
        assert_eq!(
            phrases("Je suis le plus ancien cariste du dépôt de Chilly-Mazarin, 31 ans."),
            ["le plus ancien cariste du dépôt de Chilly-Mazarin"]
        );
        assert_eq!(
            phrases("Jestem najstarszym kierowcą w oddziale w Radomiu i zawsze jeżdżę."),
            ["najstarszym kierowcą w oddziale w Radomiu"]
        );
        assert_eq!(
            phrases("Sou um dos dois eletricistas do turno da noite e ninguém ajuda."),
            ["um dos dois eletricistas do turno da noite"]
        );
        assert_eq!(
            phrases(
                "Je suis le seul Malien de l'équipe de nuit à Gennevilliers et tout le monde rit."
            ),
            ["le seul Malien de l'équipe de nuit à Gennevilliers"]
        );
        assert_eq!(
            phrases("Our night porter at the Lisbon hotel, Zé, has been doing reception alone."),
            ["Our night porter at the Lisbon hotel"]
        );
        assert_eq!(
            phrases("Jolene Mackie, staff no. 00318845, the night porter at the Aviemore lodge."),
            ["the night porter at the Aviemore lodge"]
        );
        assert_eq!(
            phrases("Sono l'autista del furgone 23 della sede di Bologna e faccio 180 km."),
            ["l'autista del furgone 23 della sede di Bologna"]
        );
        assert_eq!(
            phrases("Good evening. This is the driver of the 5:30am staff shuttle. No break."),
            ["the driver of the 5:30am staff shuttle"]
        );
        // No role: a thing at a site before a name.
        assert!(phrases("Our rota at the Lisbon hotel, Zé, is a mess.").is_empty());
        assert_eq!(
            phrases("I'm the night auditor there, and nobody answers at 3am."),
            ["the night auditor there"]
        );
        assert_eq!(
            phrases("Being the band 5 in charge on nights on Ward 14 means bed management."),
            ["the band 5 in charge on nights on Ward 14"]
        );
        // A bare profession after a name is no phrase; nor is an opinion.
        assert!(phrases("Patrick, our caretaker, locks up alone.").is_empty());
        assert!(phrases("Je suis infirmière depuis vingt ans.").is_empty());
    }

    #[test]
    fn finds_whole_relative_clauses_and_dated_incidents() {
        assert_eq!(
            phrases("i'm the only cleaner on the 6th and 7th floors after 8pm and it's broken"),
            ["the only cleaner on the 6th and 7th floors after 8pm"]
        );
        assert_eq!(
            phrases("I'm the only apprentice in the depot who still has to finish the NVQ."),
            ["the only apprentice in the depot who still has to finish the NVQ"]
        );
        assert_eq!(
            phrases("I'm the picker who rang 999 when the agency lad collapsed on the dock on 9 September. No first aider."),
            ["the picker who rang 999 when the agency lad collapsed on the dock on 9 September"]
        );
        assert_eq!(
            phrases("I'm the only Band 7 physio covering paeds and neuro at the community hospital, so no cover."),
            ["the only Band 7 physio covering paeds and neuro at the community hospital"]
        );
        assert_eq!(
            phrases("Okonkwo is the only planner who rings you when a delivery window changes. The rest don't."),
            ["the only planner who rings you when a delivery window changes"]
        );
        assert_eq!(
            phrases("Aoife is the only trained mental health first aider on the whole site."),
            ["the only trained mental health first aider on the whole site"]
        );
        assert_eq!(
            phrases("Jestem pracownicą, która zgłosiła zastawione wyjście na hali 2, i nic."),
            ["pracownicą, która zgłosiła zastawione wyjście na hali 2"]
        );
        assert_eq!(
            phrases("Sono il tecnico che è stato trasferito da Bari a Torino a gennaio e nessuno mi paga."),
            ["il tecnico che è stato trasferito da Bari a Torino a gennaio"]
        );
        assert_eq!(
            phrases("Der Staplerfahrer, der am 12. März im Lager Kassel gegen das Regal gefahren ist, wurde abgemahnt."),
            ["Der Staplerfahrer, der am 12. März im Lager Kassel gegen das Regal gefahren ist"]
        );
        assert_eq!(
            phrases("Pracownik, który 4 lipca spadł z rampy w hali C w Poznaniu, nadal czeka."),
            ["Pracownik, który 4 lipca spadł z rampy w hali C w Poznaniu"]
        );
        // No date, no incident: "Le cariste qui parle fort" is anyone.
        assert!(phrases("Le cariste qui parle fort est toujours en retard.").is_empty());
    }

    #[test]
    fn finds_possessive_and_long_phrases() {
        assert_eq!(
            phrases("Being our squad's sole tester means I'm blamed."),
            ["our squad's sole tester"]
        );
        assert_eq!(
            phrases("I'm the one who asked about the CFO's bonus at the town hall, and so on."),
            ["the one who asked about the CFO's bonus at the town hall"]
        );
    }

    #[test]
    fn finds_roles_tied_to_places_and_small_groups() {
        for (t, want) in [
            (
                "I'm the only part-timer in legal and it shows.",
                "the only part-timer in legal",
            ),
            (
                "I'm Ewa, the receptionist at the Gdańsk office, and I get every call.",
                "the receptionist at the Gdańsk office",
            ),
            (
                "I'm the person whose desk is right outside the CFO's office, so I hear it.",
                "the person whose desk is right outside the CFO's office",
            ),
            (
                "Honestly I'm the one wheelchair user in accounts and nobody asked me.",
                "the one wheelchair user in accounts",
            ),
            (
                "I'm the only redhead in logistics, so you know who wrote this.",
                "the only redhead in logistics",
            ),
            (
                "I'm one of only two women in the data team and it's lonely.",
                "one of only two women in the data team",
            ),
            (
                "Ich bin die einzige Frau im Lager und das merkt man.",
                "die einzige Frau im Lager",
            ),
            (
                "Je suis la seule infirmière de nuit, et personne ne m'écoute.",
                "la seule infirmière de nuit",
            ),
            (
                "Sono l'unica donna in magazzino, ma nessuno lo dice.",
                "l'unica donna in magazzino",
            ),
        ] {
            assert_eq!(phrases(t), [want], "{t}");
        }
    }

    #[test]
    fn finds_colleagues_traits_small_groups_and_capabilities() {
        for (t, want) in [
            (
                "Ask the woman who transferred from the Oslo office last spring.",
                "the woman who transferred from the Oslo office last spring",
            ),
            (
                "The deaf guy in QA never gets captions.",
                "The deaf guy in QA",
            ),
            (
                "Since the CFO's nephew joined, nobody questions the budget.",
                "the CFO's nephew",
            ),
            (
                "As a Jewish employee in a team of four, I notice the calendar.",
                "a Jewish employee in a team of four",
            ),
            (
                "Rota issues fall on one of the two fire wardens in block B.",
                "one of the two fire wardens in block B",
            ),
            (
                "Marta is the only person who can restore the payroll backups.",
                "the only person who can restore the payroll backups",
            ),
            (
                "I'm the Sikh security officer on the night gate, so they know.",
                "the Sikh security officer on the night gate",
            ),
            (
                "Ask the only Brazilian in the Dublin payments team.",
                "the only Brazilian in the Dublin payments team",
            ),
            (
                "Soy una de dos enfermeras del turno de noche.",
                "una de dos enfermeras del turno de noche",
            ),
            (
                "Somos las dos únicas personas del turno de noche en Vigo.",
                "las dos únicas personas del turno de noche en Vigo",
            ),
        ] {
            assert_eq!(phrases(t), [want], "{t}");
        }
    }

    #[test]
    fn ignores_non_identifying_uses() {
        for t in [
            "The only thing I want is a clear promotion process.",
            "We're the only team without a dedicated PM.",
            "As a designer, I'd like earlier involvement.",
            "The new PM keeps moving deadlines.",
            "It is a 10-year-old codebase.",
            "The team's only goal this quarter is stability.",
            "As the manager said, budgets are frozen.",
            "I'm the kind of person who speaks up.",
            "The one thing I'd change is the rota.",
            "One of the two printers on the floor is broken.",
            "The only printer in the building is broken.",
            "Das ist die einzige Lösung für das Problem.",
            "The manager who approved this should explain it.",
            "The rich text editor in the wiki eats my formatting.",
            "She is the only one who seems to care about safety.",
            "The new starters need laptops on day one.",
            "Le courrier de la mutuelle a été envoyé au siège.",
            "El número de pedidos es alto este mes.",
            "Le salaire de base baisse encore.",
            "The engineer on call was great last night.",
            "C'est la seule solution possible.",
            "The health insurance provider switched in January.",
            "She is the only one who ever answers questions.",
            "Someone who cares would have fixed it by now.",
            "Whoever designed this form never used it.",
            "Ella es la única que se preocupa por nosotros.",
            "Two of us went to lunch.",
            "The GitLab runner on build-07 has been offline since Tuesday.",
            "Can we get the Sonos speaker in the break room fixed?",
            "Give her the warden training and the allowance.",
            "The technician from Schindler comes only on Fridays.",
        ] {
            assert!(phrases(t).is_empty(), "{t}: {:?}", phrases(t));
        }
    }

    #[test]
    fn finds_descriptions_tied_by_a_past_participle() {
        assert_eq!(
            phrases("I am the forklift driver injured in the racking collapse on 2 June. Nobody called."),
            ["the forklift driver injured in the racking collapse on 2 June"]
        );
        assert_eq!(
            phrases(
                "I'm the temp hired through Hays to cover maternity leave, and nobody told me."
            ),
            ["the temp hired through Hays to cover maternity leave"]
        );
        assert_eq!(
            phrases("As the first and only woman promoted to shift supervisor at the Teesside plant, I notice."),
            ["the first and only woman promoted to shift supervisor at the Teesside plant"]
        );
        assert_eq!(
            phrases("I'm the returner who came back to the Leicester branch in October and I'm underpaid."),
            ["the returner who came back to the Leicester branch in October"]
        );
    }

    #[test]
    fn finds_descriptions_the_writer_owns() {
        assert_eq!(
            phrases("Someone who rang the ethics line in February — that was me — got a call."),
            ["Someone who rang the ethics line in February"]
        );
        assert_eq!(
            phrases("Whoever sits at desk 4.17 by the broken window (that's me) is cold."),
            ["Whoever sits at desk 4.17 by the broken window"]
        );
        assert_eq!(
            phrases("The member of staff who was assaulted at the Romford store was me."),
            ["The member of staff who was assaulted at the Romford store"]
        );
        assert_eq!(
            phrases("There are two of us who speak Arabic in the Leicester clinic."),
            ["two of us who speak Arabic in the Leicester clinic"]
        );
    }

    #[test]
    fn finds_foreign_relatives_superlatives_and_capabilities() {
        for (t, v) in [
            (
                "Ik ben de verpleegkundige die in augustus de klacht op afdeling 3 West heeft ingediend, en nu dit.",
                "de verpleegkundige die in augustus de klacht op afdeling 3 West heeft ingediend",
            ),
            (
                "Nasci em 1959 e sou o funcionário mais antigo da filial de Recife, entrei em 1983.",
                "o funcionário mais antigo da filial de Recife",
            ),
            (
                "Soy la única bilingüe en el front desk del hotel de Cancún y no me pagan más.",
                "la única bilingüe en el front desk del hotel de Cancún",
            ),
            (
                "Soy el único de sistemas que sabe reiniciar el conmutador viejo, y no me pagan.",
                "el único de sistemas que sabe reiniciar el conmutador viejo",
            ),
            (
                "Je suis l'infirmière qui a fait la déclaration le 4 mars en pédiatrie, et depuis rien.",
                "l'infirmière qui a fait la déclaration le 4 mars en pédiatrie",
            ),
            (
                "Ik ben de enige die het oude SAP-koppelscript snapt. Niemand anders.",
                "de enige die het oude SAP-koppelscript snapt",
            ),
            (
                "Ich bin der Lkw-Fahrer, der im Juli den Unfall an der Rampe 4 gemeldet hat, und nun das.",
                "der Lkw-Fahrer, der im Juli den Unfall an der Rampe 4 gemeldet hat",
            ),
            (
                "Ik ben Fenna de Boer, de stagiaire bij de afdeling communicatie in Utrecht, en ik wacht.",
                "de stagiaire bij de afdeling communicatie in Utrecht",
            ),
            (
                "Als de enige moslima bij de klantenservice in Utrecht moet ik zelf een ruimte zoeken.",
                "de enige moslima bij de klantenservice in Utrecht",
            ),
            (
                "Como la única abogada embarazada del despacho de Bilbao, me quitaron clientes.",
                "la única abogada embarazada del despacho de Bilbao",
            ),
            (
                "O vigilante do turno da noite do estacionamento do shopping é o único.",
                "O vigilante do turno da noite do estacionamento do shopping",
            ),
            (
                "Saya satu-satunya perempuan di tim las di galangan Batam, dan tidak ada toilet.",
                "satu-satunya perempuan di tim las di galangan Batam",
            ),
            (
                "Ich bin die Neue am Empfang im Gebäude C und niemand sagt mir etwas.",
                "die Neue am Empfang im Gebäude C",
            ),
            (
                "La ragazza nuova arrivata dalla sede di Bari non ha ancora il badge.",
                "La ragazza nuova arrivata dalla sede di Bari",
            ),
            (
                "Don Ernesto, el vigilante nocturno de la planta de Puebla, conoce a todos.",
                "el vigilante nocturno de la planta de Puebla",
            ),
            (
                "Sono la ricercatrice rientrata dalla maternità a marzo e il mio bancone è sparito.",
                "la ricercatrice rientrata dalla maternità a marzo",
            ),
            (
                "Somos los dos únicos soldadores certificados del turno de noche, y nadie nos paga.",
                "los dos únicos soldadores certificados del turno de noche",
            ),
        ] {
            assert_eq!(phrases(t), [v], "{t}");
        }
        for t in [
            "Das ist die einzige Lösung der Firma.",
            "Es la única que se preocupa por nosotros.",
            "Ela é a pessoa mais simpática da empresa e ninguém lhe dá valor.",
            "Jedyny powód, dla którego zostaję, to zespół.",
            "Ich bin die Einzige, die sich überhaupt noch über den Dienstplan aufregt.",
            "Ich bin die Einzige die sich noch über den Dienstplan aufregt.",
            "On nights there are three of us at most.",
            "Je signale que la pointeuse de l'entrepôt de Lesquin ne fonctionne plus.",
            "Es la única cosa del mundo que funciona.",
            "Es lo único bueno de esta empresa.",
            "Unser Teamleiter hat im März versprochen, dass es besser wird.",
            "Das ist die einzige neue Regel im Lager.",
            "El número de pedidos es alto este mes.",
        ] {
            assert!(phrases(t).is_empty(), "{t}: {:?}", phrases(t));
        }
    }

    #[test]
    fn finds_traits_that_are_nouns_and_possessive_ones() {
        assert_eq!(
            phrases(
                "I'm a Muslim woman who works nights on the Hounslow cargo ramp. No prayer space."
            ),
            ["a Muslim woman who works nights on the Hounslow cargo ramp"]
        );
        assert_eq!(
            phrases("Nobody ever invites our American colleague in the HSE team."),
            ["our American colleague in the HSE team"]
        );
        assert_eq!(
            phrases("Funny how the only person on the Edinburgh tax team with a non-British passport is picked."),
            ["the only person on the Edinburgh tax team with a non-British passport"]
        );
        assert_eq!(
            phrases(
                "I'm the team's one part-time solicitor in the Bristol family law group. Help."
            ),
            ["the team's one part-time solicitor in the Bristol family law group"]
        );
    }

    #[test]
    fn routes_between_places_stay_in_the_phrase() {
        assert_eq!(
            phrases("I'm the driver who drives the Takoradi–Accra route on Mondays and Thursdays."),
            ["the driver who drives the Takoradi–Accra route on Mondays and Thursdays"]
        );
    }

    #[test]
    fn finds_ages_and_roles_tied_to_a_place() {
        assert_eq!(
            phrases("Brenda, a 67-year-old who has been on the Stockport tills for 22 years, can't read it."),
            ["a 67-year-old who has been on the Stockport tills for 22 years"]
        );
        assert_eq!(
            phrases("Soy el único comercial de la zona de Andalucía y no me pagan."),
            ["el único comercial de la zona de Andalucía"]
        );
    }

    #[test]
    fn finds_a_pair_with_a_checkable_skill() {
        assert_eq!(
            phrases(
                "Priya and I are the only two who know the deployment scripts, and we're both off."
            ),
            ["the only two who know the deployment scripts"]
        );
        assert!(phrases("We are the only two who care about this.").is_empty());
    }

    #[test]
    fn finds_the_first_at_a_named_event() {
        assert_eq!(
            phrases("PC Doyle was the first officer on scene at the Harrow Road stabbing in September and nobody called."),
            ["the first officer on scene at the Harrow Road stabbing in September"]
        );
        assert!(phrases("The first nurse on shift makes the tea.").is_empty());
        assert!(phrases("Monday was the first productive one in 3 weeks.").is_empty());
    }

    #[test]
    fn finds_polish_own_descriptions_and_crews() {
        assert_eq!(
            phrases(
                "Jestem osobą, która 3 października zgłosiła wyciek amoniaku w chłodni, i nic."
            ),
            ["osobą, która 3 października zgłosiła wyciek amoniaku w chłodni"]
        );
        assert_eq!(
            phrases("I'm one of the three cabin crew based in Porto who were moved to Lisbon."),
            ["one of the three cabin crew based in Porto who were moved to Lisbon"]
        );
    }

    #[test]
    fn finds_own_descriptions_and_acronym_roles() {
        assert_eq!(
            phrases(
                "As someone who transferred from the Johannesburg branch in July, I found it odd."
            ),
            ["someone who transferred from the Johannesburg branch in July"]
        );
        assert!(phrases("As someone who cares about safety, I find this odd.").is_empty());
        assert_eq!(
            phrases(
                "Speaking as someone who put in the whistleblowing report about expenses, I know."
            ),
            ["someone who put in the whistleblowing report about expenses"]
        );
        assert_eq!(
            phrases("Whoever has locker 112 in the changing room (me, obviously) lost a padlock."),
            ["Whoever has locker 112 in the changing room"]
        );
        assert_eq!(
            phrases(
                "i am the part timer who does tues/thurs in the Galway shop and i never get told"
            ),
            ["the part timer who does tues/thurs in the Galway shop"]
        );
        assert_eq!(
            phrases("Stop overworking the only CWI at the Mobile yard, please."),
            ["the only CWI at the Mobile yard"]
        );
    }

    #[test]
    fn finds_checkable_capabilities_and_compound_traits() {
        assert_eq!(
            phrases("We rely on Maureen, the only one on the team who still knows the old manifest process."),
            ["the only one on the team who still knows the old manifest process"]
        );
        assert_eq!(
            phrases("Please thank Ola, the only one on the front desk who knows BSL."),
            ["the only one on the front desk who knows BSL"]
        );
        assert_eq!(
            phrases("Noor, the first hijab-wearing officer at the Dalston station, is ignored."),
            ["the first hijab-wearing officer at the Dalston station"]
        );
        assert_eq!(
            phrases("Ela é a única que sabe onde estão as chaves do almoxarifado, e ninguém mais."),
            ["a única que sabe onde estão as chaves do almoxarifado"]
        );
        assert_eq!(
            phrases(
                "Pan Zbyszek, jedyny elektryk na nocnej zmianie w Gliwicach, nie ma zmiennika."
            ),
            ["jedyny elektryk na nocnej zmianie w Gliwicach"]
        );
        assert_eq!(
            phrases("Soy el camarero que se cortó la mano el 9 de agosto y nadie me pagó."),
            ["el camarero que se cortó la mano el 9 de agosto"]
        );
    }
}
