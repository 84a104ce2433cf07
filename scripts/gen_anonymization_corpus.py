#!/usr/bin/env python3
"""Generates crates/anonymization/corpus/dev.jsonl, the labelled development
corpus for the PII engine.

Each output line is {"id", "source", "text", "spans": [{"start", "end",
"type"}]} with offsets in Unicode code points, end exclusive.

Two sources:
  * "template": realistic workplace feedback built from templates with varied
    fillers (names, contact details, identifiers, places, noise). The seed is
    fixed, so the output is deterministic.
  * "hand": hand-written hard cases and negatives in
    crates/anonymization/corpus/hard_cases.txt (one text per line, spans
    marked inline as [[TYPE|value]]).

Labelling conventions (see corpus/README.md):
  * PERSON covers the name only: no title (Dr., Ms), no possessive 's.
  * SELF_IDENTIFYING starts at the determiner ("the only designer on the
    platform team"), not at "as" / "I'm", and ends where the singling-out
    phrase ends.
  * DATE_OF_BIRTH covers the date only (not "born on").
  * EMPLOYEE_ID, PHONE cover the identifier only (not "badge", "ext.").
  * Everything not marked is not PII: versions, tickets, quarters, times,
    money, percentages, products, weekdays, months, office cities, meeting
    dates, durations, team names.

Usage: python3 scripts/gen_anonymization_corpus.py [repo_root]
"""
import json
import os
import random
import re
import sys

SEED = 20250611
N_TEMPLATE = 520

# ---------------------------------------------------------------- fillers
FIRST = [
    "Sarah", "Dave", "Priya", "Tom", "Jennifer", "Marcus", "Aisha", "Kevin",
    "Mei", "Oluwaseun", "Lukas", "Fatima", "Diego", "Hannah", "Raj", "Chloe",
    "Tobias", "Ngozi", "Brian", "Elena", "Kenji", "Rachel", "Sipho", "Ana",
    "Greg", "Nadia", "Ahmed", "Lisa", "Björn", "Zoë", "Siobhan", "Dmitri",
    "Ingrid", "Carlos", "Yusuf", "Megan", "Tariq", "Aoife", "Chidi", "Patrick",
    "Ewa", "Haruto", "Leila", "Jasmine", "Derek", "Sunita", "Kwame", "Olivia",
    "Ravi", "Natalie", "Steve", "Anjali", "Mohammed", "Laura", "Joaquín",
    "Stephanie", "Gareth", "Thandiwe", "Wojciech", "Nkechi", "Jonas", "Erin",
    "Sanjay", "Bethany", "Liam", "Kateryna", "Min-jun", "Rebecca", "Hugo",
]
LAST = [
    "Smith", "Okafor", "Nguyen", "Patel", "Müller", "Kowalski", "Johnson",
    "O'Brien", "García", "Chen", "Fischer", "Haddad", "Mensah", "Lindqvist",
    "Thompson", "Rodriguez", "Nakamura", "Abernathy", "Sørensen", "Walsh",
    "Adeyemi", "Iyer", "Novak", "Brennan", "Castillo", "Kim", "Hoffmann",
    "Raghunathan", "Oyelaran", "Dubois", "Petrov", "McAllister", "Sato",
    "Williams", "Ferreira", "Bianchi", "Osei", "Kaur", "Reyes", "Schwartz",
]
MANAGER_CUES = [
    "my manager", "my lead", "my boss", "our team lead", "my skip-level",
    "our director", "my line manager", "the new PM",
]
ROLES = [
    "designer", "data scientist", "QA engineer", "technical writer",
    "frontend developer", "SRE", "product manager", "recruiter",
    "security engineer", "accessibility specialist", "UX researcher",
    "iOS developer", "intern", "contractor", "woman", "person over fifty",
    "wheelchair user", "parent", "Spanish speaker", "remote employee",
]
TEAMS = [
    "platform team", "payments squad", "data team", "mobile team",
    "billing team", "infra group", "growth pod", "support team",
    "Lisbon team", "analytics chapter", "finance team", "legal team",
]
DEPTS = ["finance", "engineering", "sales", "marketing", "HR", "legal",
         "customer success", "ops", "procurement", "the warehouse"]
COMPANIES = ["Google", "Amazon", "Spotify", "Deloitte", "Shopify", "IBM",
             "Accenture", "a startup in Austin", "Meta", "SAP", "Stripe"]
PRODUCTS = ["Slack", "Jira", "Teams", "Zoom", "Google Docs", "Confluence",
            "Workday", "Notion", "Outlook", "Figma", "GitHub", "Salesforce",
            "Miro", "Asana", "Excel", "Datadog", "PagerDuty", "Okta"]
CITIES = ["Berlin", "London", "Austin", "Dublin", "Lisbon", "Toronto",
          "Singapore", "Denver", "Warsaw", "Madrid", "Chicago", "Paris"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
TICKETS = ["JIRA-4411", "OPS-1203", "SEC-88", "PAY-2290", "INC-20417",
           "HR-301", "PLAT-5567", "BUG-7"]
VERSIONS = ["v2.3.1", "v10.4", "3.14.2", "v1.0.0-rc2", "release 2024.11",
            "iOS 17.5", "Python 3.12", "v4.2.0"]
CODENAMES = ["Nightjar", "Project Halcyon", "Bluefin"]
SMALL_OFFICES = ["Tromsø", "Keswick"]
EMAIL_DOMAINS = ["acme.com", "gmail.com", "kataloop-demo.io", "outlook.com",
                 "proton.me", "example.org", "contoso.co.uk", "yahoo.com"]


def strip_accents(s):
    table = str.maketrans("äöüßéèáíóúñøåçãëï", "aouseeaiounoacaei")
    return s.lower().translate(table).replace("'", "")


class Text:
    """Builds a text and its spans (code-point offsets)."""

    def __init__(self):
        self.parts = []
        self.spans = []
        self.len = 0

    def add(self, s, kind=None):
        if kind:
            self.spans.append({"start": self.len, "end": self.len + len(s),
                               "type": kind})
        self.parts.append(s)
        self.len += len(s)
        return self

    def text(self):
        return "".join(self.parts)


def luhn_complete(prefix, length, rng):
    digits = [int(c) for c in prefix]
    while len(digits) < length - 1:
        digits.append(rng.randrange(10))
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    digits.append((10 - total % 10) % 10)
    return "".join(map(str, digits))


def iban(country, bban):
    rearranged = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(num) % 97
    return f"{country}{check:02d}{bban}"


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def c(self, seq):
        return self.r.choice(seq)

    def first(self):
        return self.c(FIRST)

    def full(self):
        return f"{self.first()} {self.c(LAST)}"

    def name(self):
        k = self.r.random()
        if k < 0.45:
            return self.first()
        if k < 0.9:
            return self.full()
        return f"{self.first()} {self.c(LAST)[0]}."

    def email(self):
        f, l = strip_accents(self.first()), strip_accents(self.c(LAST))
        local = self.c([f"{f}.{l}", f"{f[0]}{l}", f"{f}{self.r.randrange(10, 99)}",
                        f"{f}_{l}", f"{f}.{l}+feedback", f"{l}.{f[0]}"])
        return f"{local}@{self.c(EMAIL_DOMAINS)}"

    def phone(self):
        r = self.r
        return self.c([
            f"+1 415 555 {r.randrange(1000, 9999)}",
            f"({r.randrange(200, 999)}) 555-{r.randrange(1000, 9999)}",
            f"555-{r.randrange(100, 999)}-{r.randrange(1000, 9999)}",
            f"+44 7700 900{r.randrange(100, 999)}",
            f"020 7946 0{r.randrange(100, 999)}",
            f"+49 30 {r.randrange(1000000, 9999999)}",
            f"+1-646-555-{r.randrange(1000, 9999)}",
            f"07{r.randrange(100, 999)} {r.randrange(100000, 999999)}",
            f"+353 87 {r.randrange(100, 999)} {r.randrange(1000, 9999)}",
        ])

    def url(self):
        f, l = strip_accents(self.first()), strip_accents(self.c(LAST))
        return self.c([
            f"https://www.linkedin.com/in/{f}-{l}",
            f"github.com/{f[0]}{l}",
            f"https://calendly.com/{f}-{l[0]}/30min",
            f"www.{f}{l}.dev",
            f"https://twitter.com/{f}_{l}",
            f"https://{f}{l}.medium.com/why-i-quit",
        ])

    def ip(self):
        r = self.r
        return self.c([
            f"10.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(1, 255)}",
            f"192.168.{r.randrange(256)}.{r.randrange(1, 255)}",
            f"172.16.{r.randrange(256)}.{r.randrange(1, 255)}",
            f"2001:db8::{r.randrange(4096, 65535):x}",
            f"fe80::1ff:fe23:{r.randrange(4096, 65535):x}:890a",
            f"203.0.113.{r.randrange(1, 255)}",
        ])

    def card(self):
        prefix = self.c(["4", "51", "55", "37", "6011"])
        if prefix == "37":
            # American Express: 15 digits, grouped 4-6-5.
            n = luhn_complete(prefix, 15, self.r)
            return self.c([f"{n[:4]} {n[4:10]} {n[10:]}", n])
        n = luhn_complete(prefix, 16, self.r)
        return self.c([" ".join(n[i:i + 4] for i in range(0, 16, 4)),
                       "-".join(n[i:i + 4] for i in range(0, 16, 4)), n])

    def iban(self):
        r = self.r
        country, bban = self.c([
            ("DE", "".join(str(r.randrange(10)) for _ in range(18))),
            ("GB", "WEST" + "".join(str(r.randrange(10)) for _ in range(14))),
            ("NL", "ABNA" + "".join(str(r.randrange(10)) for _ in range(10))),
            ("FR", "".join(str(r.randrange(10)) for _ in range(23))),
            ("ES", "".join(str(r.randrange(10)) for _ in range(20))),
        ])
        code = iban(country, bban)
        if r.random() < 0.6:
            code = " ".join(code[i:i + 4] for i in range(0, len(code), 4))
        return code

    def ssn(self):
        r = self.r
        area = r.choice([a for a in range(1, 900) if a != 666])
        return f"{area:03d}-{r.randrange(1, 100):02d}-{r.randrange(1, 10000):04d}"

    def emp_id(self):
        r = self.r
        return self.c([f"E{r.randrange(10000, 99999)}",
                       f"EMP-{r.randrange(0, 999999):06d}",
                       f"emp#{r.randrange(1000, 9999)}",
                       f"ACME-{r.randrange(100000, 999999)}"])

    def dob(self):
        r = self.r
        y = r.randrange(1958, 2003)
        m = r.randrange(1, 13)
        d = r.randrange(1, 29)
        return self.c([
            f"{d} {MONTHS[m - 1]} {y}", f"{MONTHS[m - 1]} {d}, {y}",
            f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}",
            f"{d}.{m}.{y}", f"{MONTHS[m - 1]} {d}th",
        ])

    def address(self):
        r = self.r
        return self.c([
            f"{r.randrange(1, 999)} {self.c(['Elm', 'Oak', 'Maple', 'Cedar', 'Baker', 'Mill'])} "
            f"{self.c(['Street', 'St', 'Avenue', 'Road', 'Lane', 'Drive'])}",
            f"{self.c(['Hauptstraße', 'Bergmannstraße', 'Kastanienallee'])} {r.randrange(1, 99)}",
            f"{r.randrange(100, 9999)} {self.c(['Sunset Blvd', 'Park Ave', 'Harbor Way'])}, Apt {r.randrange(1, 40)}B",
            f"{r.randrange(1, 300)} {self.c(['Queen', 'King', 'Church'])} Street, {self.c(['Leeds', 'Bristol', 'Cork'])}",
        ])

    def handle(self):
        f, l = strip_accents(self.first()), strip_accents(self.c(LAST))
        return "@" + self.c([f"{f[0]}{l}", f"{f}.{l[0]}", f"{f}_{l[:3]}", f"{f}"])


# ---------------------------------------------------------------- templates
# A template is a list of pieces: plain strings, or (KIND, generator-name) to
# insert a labelled filler, or ("", generator-name) for an unlabelled filler.
P = "PERSON"


def T(*pieces):
    return pieces


TEMPLATES = [
    T("I've raised this three times with ", (P, "name"), " and nothing changes."),
    T(("cue", None), " ", (P, "first"), " keeps scheduling meetings over lunch."),
    T("Honestly ", (P, "first"), " is the reason I stay. Best lead I've had."),
    T("Can someone talk to ", (P, "full"), "? The way feedback is given in retros is demoralising."),
    T("Shout-out to ", (P, "first"), " and ", (P, "first"), " for covering the on-call rotation during the ", ("", "weekday"), " outage."),
    T(("cue", None), " ", (P, "full"), " told me in our 1:1 that promotions are frozen until ", ("", "quarter"), "."),
    T("If anyone wants to follow up, my email is ", ("EMAIL", "email"), "."),
    T("Reach me at ", ("EMAIL", "email"), " or ", ("PHONE", "phone"), " if you want details, I don't trust the anonymous form."),
    T("My personal number is ", ("PHONE", "phone"), ", please text rather than call."),
    T("The VPN keeps dropping on ", ("IP_ADDRESS", "ip"), " since the ", ("", "version"), " rollout."),
    T("I posted the full story on ", ("URL", "url"), " if leadership cares."),
    T("My portfolio is at ", ("URL", "url"), " and nobody here has looked at it."),
    T("Expense reimbursement still hasn't arrived, I submitted my card ", ("CREDIT_CARD", "card"), " details twice."),
    T("Payroll sent my salary to the old account, the correct IBAN is ", ("IBAN", "iban"), "."),
    T("HR asked for my SSN ", ("US_SSN", "ssn"), " over Slack, which feels wrong."),
    T("My employee ID is ", ("EMPLOYEE_ID", "emp_id"), " in case you need to check the bonus error."),
    T("Badge ", ("EMPLOYEE_ID", "emp_id"), " was deactivated twice this month without notice."),
    T("I was born on ", ("DATE_OF_BIRTH", "dob"), " and the benefits portal still shows the wrong age bracket."),
    T("My birthday is ", ("DATE_OF_BIRTH", "dob"), " and again nobody remembered, which is fine, but the card for ", (P, "first"), " was huge."),
    T("Please stop mailing documents to ", ("STREET_ADDRESS", "address"), ", I moved months ago."),
    T("Ping ", ("HANDLE", "handle"), " on Slack, they know the details of ", ("", "ticket"), "."),
    T("As ", ("SELF_IDENTIFYING", "only_role"), ", I never get invited to the planning sessions."),
    T("Being ", ("SELF_IDENTIFYING", "only_role"), " means every review lands on me."),
    T("I'm ", ("SELF_IDENTIFYING", "new_hire"), " and onboarding was chaotic."),
    T("As ", ("SELF_IDENTIFYING", "superlative"), ", I feel my opinion is dismissed."),
    T("The ", ("", "product"), " migration was rushed; ", ("", "ticket"), " has been open since ", ("", "month"), "."),
    T("We shipped ", ("", "version"), " on ", ("", "weekday"), " but the release notes were late."),
    T("The ", ("", "city"), " office has no working meeting rooms on ", ("", "weekday"), "s."),
    T("Budget for ", ("", "quarter"), " was cut by ", ("", "percent"), " and nobody explained why."),
    T("The offsite cost ", ("", "money"), " while we were told there's no money for training."),
    T("Standup at ", ("", "time"), " is too early for the ", ("", "city"), " folks."),
    T("Please move the all-hands off ", ("", "weekday"), " afternoons, half the ", ("", "city"), " team is offline."),
    T("We moved from ", ("", "product"), " to ", ("", "product"), " and lost all our history."),
    T("Every time we escalate in ", ("", "product"), ", ", (P, "first"), " from ", ("", "dept"), " closes the thread."),
    T(("cue2", None), " ", (P, "first"), " about the laptop refresh, they said it's stuck in procurement."),
    T("Thanks to ", (P, "full"), " for mentoring me through my first ", ("", "quarter"), "."),
    T("I asked ", (P, "first"), " twice about the training budget and got no answer."),
    T(("cue", None), " ", ("P_lower", "first_lower"), " cancels our 1:1 every week."),
    T("talk to ", ("P_lower", "first_lower"), " in ", ("", "dept"), ", she handled the same issue last year"),
    T("Work on ", ("CUSTOM", "codename"), " is burning people out and nobody says it out loud."),
    T("Closing ", ("CUSTOM", "small_office"), " will affect everyone there, please be honest about the timeline."),
    T("Dr. ", (P, "last"), " from occupational health was great, but the follow-up took ", ("", "duration"), "."),
    T("Ms ", (P, "last"), " in payroll fixed it within a day, thank you!"),
    T("The incident on ", ("", "meeting_date"), " showed that our runbooks are outdated."),
    T("Retro on ", ("", "meeting_date"), " at ", ("", "time"), " was the first productive one in ", ("", "duration"), "."),
    T("I have been here ", ("", "duration"), " and this is the worst morale I've seen."),
    T("Raise was ", ("", "percent"), " after a year of 60-hour weeks. Inflation was higher."),
    T("Our sprint velocity dropped ", ("", "percent"), " since ", ("", "ticket"), " landed."),
    T("The new ", ("", "product"), " integration in ", ("", "version"), " broke notifications."),
    T("I'm writing this from ", ("", "city"), "; the time zone split makes collaboration painful."),
    T("Mentorship from ", (P, "name"), " has been the highlight of my year."),
    T(("P_start", "first"), " and I disagree on priorities and ", ("cue", None), " won't arbitrate."),
    T(("P_start", "full"), " takes credit for other people's work in every demo."),
    T("Contact ", (P, "full"), " (", ("EMAIL", "email"), ") about the visa paperwork, she's the only one who knows."),
    T("Forwarding from my personal mail ", ("EMAIL", "email"), " because the corporate one is locked."),
    T("After the reorg ", (P, "first"), " reports to ", (P, "first"), " and nobody told the team."),
    T("Meeting notes are in ", ("", "product"), "; see ", ("", "ticket"), " for the action items."),
    T("The on-call phone ", ("PHONE", "phone"), " rings at night for alerts that aren't ours."),
    T("Why do we still have a server at ", ("IP_ADDRESS", "ip"), " exposed? I reported it in ", ("", "ticket"), "."),
    T("You can find me as ", ("HANDLE", "handle"), " on the internal forum."),
    T("I joined from ", ("", "company"), " ", ("", "duration"), " ago and the culture shock is real."),
    T("I'm ", ("SELF_IDENTIFYING", "age"), " and the 'young and hungry' language in job ads feels exclusionary."),
    T("I'm ", ("SELF_IDENTIFYING", "the_one_who"), ", and I still haven't heard back."),
    T("There are ", ("", "count"), " people in ", ("", "dept"), " and only two laptops with the right licence."),
    T("Food at the ", ("", "city"), " office improved a lot since ", ("", "month"), ", thanks to the new vendor."),
    T("Honestly the ", ("", "product"), " outage on ", ("", "weekday"), " was handled really well."),
    T("Please reimburse to ", ("IBAN", "iban"), ", reference ", ("EMPLOYEE_ID", "emp_id"), "."),
    T("Ask ", (P, "first"), " in ", ("", "dept"), " about the ", ("", "money"), " discrepancy."),
    T("Feedback for ", (P, "full"), ": great at vision, poor at follow-through."),
    T("When ", (P, "first"), " said in the ", ("", "weekday"), " meeting that we're 'family', I almost laughed."),
    T("Summer hours were great. Hope they come back in ", ("", "month"), "."),
    T("Will the ", ("", "quarter"), " bonus be paid at all? Grace periods for targets would help."),
    T("Mark my words, ", ("", "product"), " licences will run out again by ", ("", "month"), "."),
    T("Young engineers get no mentoring here; the budget goes to travel."),
    T("Bill of materials for the new office is wrong, ", ("", "ticket"), " has the details."),
    T("Rose-tinted dashboards in ", ("", "product"), " don't reflect the real churn of ", ("", "percent"), "."),
]


def weekday(g): return g.c(WEEKDAYS)
def month(g): return g.c(MONTHS)
def quarter(g): return g.c(["Q1", "Q2", "Q3", "Q4"]) + g.c([" 2025", " 2026", "", " FY25"])
def version(g): return g.c(VERSIONS)
def ticket(g): return g.c(TICKETS)
def product(g): return g.c(PRODUCTS)
def city(g): return g.c(CITIES)
def dept(g): return g.c(DEPTS)
def company(g): return g.c(COMPANIES)
def percent(g): return g.c([f"{g.r.randrange(2, 60)}%", f"{g.r.randrange(2, 60)} percent", f"{g.r.randrange(1, 9)}.{g.r.randrange(10)}%"])
def money(g): return g.c([f"${g.r.randrange(2, 90)},000", f"€{g.r.randrange(100, 9000)}", f"£{g.r.randrange(1, 9)}.{g.r.randrange(1, 9)}k", f"{g.r.randrange(10, 500)}k USD", f"${g.r.randrange(1, 5)}.{g.r.randrange(1, 9)}M"])
def time_(g): return g.c(["9:00", "8:30am", "10:15", "4pm", "16:30 CET", "noon", "7.45"])
def duration(g): return g.c(["8 years", "six months", "3 weeks", "two sprints", "18 months", "a decade", "45 days"])
def count(g): return str(g.r.randrange(12, 400))
def meeting_date(g):
    return g.c([f"{g.c(MONTHS)} {g.r.randrange(1, 28)}", f"{g.r.randrange(1, 28)} {g.c(MONTHS)}",
                f"2025-0{g.r.randrange(1, 9)}-1{g.r.randrange(0, 9)}", f"{g.c(WEEKDAYS)} the {g.r.randrange(4, 28)}th"])


def only_role(g):
    return f"the only {g.c(ROLES)} on the {g.c(TEAMS)}"


def new_hire(g):
    return g.c([
        f"the new hire who joined from {g.c(COMPANIES)} last month",
        f"the new starter in {g.c(DEPTS)} who came over from {g.c(COMPANIES)}",
        f"the newest member of the {g.c(TEAMS)}",
        f"the only new grad who joined the {g.c(TEAMS)} this spring",
    ])


def superlative(g):
    return g.c([
        f"the youngest person in {g.c(DEPTS)}",
        f"the oldest engineer on the {g.c(TEAMS)}",
        f"the longest-serving member of the {g.c(TEAMS)}",
        f"the most senior woman in {g.c(DEPTS)}",
        f"the only remaining founder-era employee",
        f"the most junior person on the {g.c(TEAMS)}",
    ])


def age(g):
    return g.c([f"a {g.r.randrange(50, 66)}-year-old engineer", f"{g.r.randrange(55, 66)} years old",
                f"a {g.r.randrange(19, 24)}-year-old intern"])


def the_one_who(g):
    return g.c([
        "the one who reported the payroll bug at the all-hands",
        "the person who filed the harassment complaint in March",
        "the one who raised the data retention issue with the DPO",
    ])


def codename(g): return g.c(CODENAMES)
def small_office(g): return g.c(SMALL_OFFICES)


def first_lower(g):
    return strip_accents(g.first()) if g.r.random() < 0.5 else g.first().lower()


GEN = {
    "weekday": weekday, "month": month, "quarter": quarter, "version": version,
    "ticket": ticket, "product": product, "city": city, "dept": dept,
    "company": company, "percent": percent, "money": money, "time": time_,
    "duration": duration, "count": count, "meeting_date": meeting_date,
    "only_role": only_role, "new_hire": new_hire, "superlative": superlative,
    "age": age, "the_one_who": the_one_who, "codename": codename,
    "small_office": small_office, "first_lower": first_lower,
}


# ------------------------------------------------- extra block (third batch)
# Written after the held-out evaluation, by weakness category, with its own
# random stream so that the first N_TEMPLATE rows stay as they were.
N_EXTRA = 90
EXTRA_SEED = 20251127
CALENDAR_FIRST = ["April", "May", "June", "August", "Summer", "Autumn", "January"]
PARTICLE_NAMES = ["Lucía de la Cruz", "Joost van der Linden", "Ana dos Reis",
                  "Marco di Stefano", "Hendrik van den Broek", "Inés de León",
                  "Klaus von der Heide", "Fatou da Silva"]
VIET_NAMES = ["Nguyen Thi Thu", "Le Van Hung", "Tran Minh Duc", "Pham Thi Lien",
              "Hoang Van Nam", "Vu Thi Hoa", "Do Van Long", "Bui Thi Ngoc"]
AKAN_NAMES = ["Kwaku Asante", "Abena Ofori", "Kojo Antwi", "Adjoa Frimpong",
              "Kwasi Appiah", "Efua Sarpong", "Yaa Nyarko", "Kwame Agyei"]
EXTRA_ROLES = ["deaf engineer", "night-shift nurse", "part-time analyst",
               "single parent", "Portuguese speaker", "remote designer"]
ROLE_PHRASES = ["from the events team", "in payroll", "from the logistics crew",
                "on the support desk", "in accounts"]
ADVERBS_LOWER = ["honestly", "frankly", "tbh", "sadly", "apparently", "seriously"]
NATIONALITIES = ["Belgian", "Swiss", "Austrian", "Croatian", "Slovak", "Chilean",
                 "Peruvian", "Thai", "Malaysian", "Pakistani", "Lebanese", "Kenyan"]
FACILITY_NAMES = ["Jefferson", "Harrison", "Lincoln", "Monroe", "Carter", "Morgan"]
FACILITIES = ["warehouse", "depot", "plant", "campus", "site", "building"]


def ordinal(n):
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def intl_phone(g):
    r = g.r
    return g.c([
        f"+33 {r.randrange(1, 7)} {r.randrange(10, 99)} {r.randrange(10, 99)} {r.randrange(10, 99)} {r.randrange(10, 99)}",
        f"+46 8 {r.randrange(100, 999)} {r.randrange(100, 999)} {r.randrange(10, 99)}",
        f"+61 {r.randrange(2, 9)} {r.randrange(1000, 9999)} {r.randrange(1000, 9999)}",
        f"(0{r.randrange(2, 9)}) {r.randrange(1000, 9999)} {r.randrange(1000, 9999)}",
        f"+32 {r.randrange(2, 9)} {r.randrange(100, 999)} {r.randrange(10, 99)} {r.randrange(10, 99)}",
        f"0{r.randrange(1, 7)} {r.randrange(10, 99)} {r.randrange(10, 99)} {r.randrange(10, 99)} {r.randrange(10, 99)}",
    ])


def intl_address(g):
    r = g.r
    return g.c([
        f"{r.randrange(10, 999)} {g.c(['East', 'West', 'W', 'E', 'North'])} {ordinal(r.randrange(2, 99))} {g.c(['Street', 'St', 'Avenue'])}, {g.c(['Apt', 'Unit', 'Suite'])} {r.randrange(1, 30)}{g.c(['A', 'C', 'F', ''])}",
        f"Flat {r.randrange(1, 20)}, {r.randrange(1, 200)} {g.c(['Station', 'Albert', 'Mill', 'Church'])} {g.c(['Road', 'Street', 'Lane'])}",
        f"{r.randrange(1, 99)} {g.c(['Willow', 'Rowan', 'Beech', 'Ash'])} {g.c(['Close', 'Grove', 'Crescent'])}, {g.c(['Bath', 'Derby', 'Leeds', 'York'])} {g.c(['BA1', 'DE22', 'LS2', 'YO10'])} {r.randrange(1, 9)}{g.c(['AB', 'QT', 'JX', 'HW'])}",
        f"{g.c(['Calle', 'Avenida'])} {g.c(['Real', 'Goya', 'Serrano', 'Toledo'])} {r.randrange(1, 90)}, {r.randrange(1, 9)}º{g.c(['A', 'B', 'C', 'D'])}",
        f"{r.randrange(1, 200)} Rua {g.c(['das Pedras', 'do Sol', 'da Prata', 'dos Anjos'])}",
    ])


def particle_name(g): return g.c(PARTICLE_NAMES)
def viet_name(g): return g.c(VIET_NAMES)
def akan_name(g): return g.c(AKAN_NAMES)
def calendar_first(g): return g.c(CALENDAR_FIRST)
def calendar_full(g): return f"{g.c(CALENDAR_FIRST)} {g.c(LAST)}"
def role_phrase(g): return g.c(ROLE_PHRASES)
def adverb_lower(g): return g.c(ADVERBS_LOWER)
def nationality(g): return g.c(NATIONALITIES)
def facility_name(g): return g.c(FACILITY_NAMES)
def facility(g): return g.c(FACILITIES)
def lower_first(g): return strip_accents(g.c(["Mei", "Raj", "Jun-ho", "Ana", "Lukas", "Kenji", "Chidi", "Sipho", "Xiu"]))


def possessive_only(g):
    return f"the {g.c(['team', 'department', 'company', 'office', 'squad'])}'s only {g.c(EXTRA_ROLES)}"


def long_one_who(g):
    return g.c([
        "the one who questioned the VP's travel budget at the quarterly review",
        "the only tester on the mobile team who has been on every release this year",
        "the person who asked about the founder's shares in the open Q&A",
    ])


GEN.update({
    "intl_phone": intl_phone, "intl_address": intl_address,
    "particle_name": particle_name, "viet_name": viet_name, "akan_name": akan_name,
    "calendar_first": calendar_first, "calendar_full": calendar_full,
    "role_phrase": role_phrase, "adverb_lower": adverb_lower,
    "nationality": nationality, "facility_name": facility_name, "facility": facility,
    "lower_first": lower_first, "possessive_only": possessive_only,
    "long_one_who": long_one_who,
})

EXTRA_TEMPLATES = [
    T("If HR needs me, my number is ", ("PHONE", "intl_phone"), "."),
    T("The agency called from ", ("PHONE", "intl_phone"), " asking about my notice period."),
    T("My payslips still go to ", ("STREET_ADDRESS", "intl_address"), ", which I left last year."),
    T("Courier tracking shows ", ("STREET_ADDRESS", "intl_address"), " as the delivery address, that's my home."),
    T("Feedback for ", (P, "particle_name"), ": the planning sessions run far too long."),
    T("I escalated to ", (P, "particle_name"), " and heard nothing back."),
    T(("P_start", "viet_name"), " from the ", ("", "city"), " office carried the release."),
    T("Please thank ", (P, "akan_name"), " for covering the night shift."),
    T(("P_start", "akan_name"), " said the rota is unfair to the warehouse crew."),
    T(("P_start", "calendar_full"), " said the promotion criteria changed again."),
    T(("P_start", "calendar_first"), " ", ("", "role_phrase"), " fixed my contract in a day."),
    T("Ask ", (P, "calendar_first"), " about the shift swap, she keeps the rota."),
    T(("", "adverb_lower"), " ", ("P_lower", "lower_first"), " said the deadline was fake"),
    T(("", "adverb_lower"), " ", ("P_lower", "lower_first"), " pulled the release over the line alone"),
    T("As ", ("SELF_IDENTIFYING", "possessive_only"), ", I am always the one asked to cover."),
    T("I'm ", ("SELF_IDENTIFYING", "long_one_who"), ", and the retaliation since then is obvious."),
    T("My ", ("", "nationality"), " bank rejected the reimbursement twice."),
    T("The ", ("", "facility_name"), " ", ("", "facility"), " needs better heating before ", ("", "month"), "."),
    T("Onboarding at the ", ("", "city"), " office took ", ("", "duration"), "."),
    T("The Wi-Fi in the ", ("", "city"), " office drops every afternoon."),
    T("Training on Ruby and ", ("", "product"), " was cancelled for ", ("", "quarter"), "."),
    T("Honestly the ", ("", "month"), " release was rushed and ", ("", "ticket"), " proves it."),
]


def render(g, template):
    t = Text()
    for piece in template:
        if isinstance(piece, str):
            t.add(piece)
            continue
        kind, gen = piece
        if kind == "cue":
            t.add(g.c(MANAGER_CUES))
            continue
        if kind == "cue2":
            t.add(g.c(["Talk to", "Speak with", "Check with", "Ask"]))
            continue
        if kind in ("P_lower",):
            t.add(GEN[gen](g), "PERSON")
            continue
        if kind == "P_start":
            if gen in GEN:
                t.add(GEN[gen](g), "PERSON")
            else:
                t.add(g.first() if gen == "first" else g.full(), "PERSON")
            continue
        if kind == P:
            value = {"name": g.name, "first": g.first, "full": g.full,
                     "last": lambda: g.c(LAST)}.get(gen, lambda: GEN[gen](g))()
            t.add(value, P)
            continue
        if hasattr(g, gen):
            value = getattr(g, gen)()
        else:
            value = GEN[gen](g)
        t.add(value, kind or None)
    return t.text(), t.spans


MARK = re.compile(r"\[\[([A-Z_]+)\|(.*?)\]\]")


def parse_marked(line):
    text, spans, pos = [], [], 0
    last = 0
    for m in MARK.finditer(line):
        before = line[last:m.start()]
        text.append(before)
        pos += len(before)
        value = m.group(2)
        spans.append({"start": pos, "end": pos + len(value), "type": m.group(1)})
        text.append(value)
        pos += len(value)
        last = m.end()
    text.append(line[last:])
    return "".join(text), spans


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()
    corpus_dir = os.path.join(root, "crates", "anonymization", "corpus")
    g = Gen(SEED)
    rows = []
    seen = set()
    i = 0
    while len(rows) < N_TEMPLATE:
        template = TEMPLATES[i % len(TEMPLATES)]
        i += 1
        text, spans = render(g, template)
        if text in seen:
            continue
        seen.add(text)
        rows.append({"id": f"t{len(rows):04d}", "source": "template",
                     "text": text, "spans": spans})
    g = Gen(EXTRA_SEED)
    i = 0
    while len(rows) < N_TEMPLATE + N_EXTRA:
        template = EXTRA_TEMPLATES[i % len(EXTRA_TEMPLATES)]
        i += 1
        text, spans = render(g, template)
        if text in seen:
            continue
        seen.add(text)
        rows.append({"id": f"t{len(rows):04d}", "source": "template",
                     "text": text, "spans": spans})
    n_template = len(rows)
    with open(os.path.join(corpus_dir, "hard_cases.txt"), encoding="utf-8") as fh:
        n = 0
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            text, spans = parse_marked(line)
            rows.append({"id": f"h{n:04d}", "source": "hand", "text": text,
                         "spans": spans})
            n += 1
    with open(os.path.join(corpus_dir, "dev.jsonl"), "w", encoding="utf-8") as out:
        for row in rows:
            for s in row["spans"]:
                assert 0 <= s["start"] < s["end"] <= len(row["text"]), row
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    kinds = {}
    for row in rows:
        for s in row["spans"]:
            kinds[s["type"]] = kinds.get(s["type"], 0) + 1
    neg = sum(1 for r in rows if not r["spans"])
    print(f"{len(rows)} texts ({n_template} template, {len(rows) - n_template} hand), "
          f"{neg} without PII; spans: {sorted(kinds.items())}")


if __name__ == "__main__":
    main()
