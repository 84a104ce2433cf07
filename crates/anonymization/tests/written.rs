//! The hand-written tuning sets. `corpus/written.jsonl` (261 texts, see
//! `corpus/WRITTEN.md`), written by someone who had read neither the engine
//! nor any other corpus, aimed at the hardest categories: 110
//! self-identifying phrases in many forms and languages, 25 addresses from
//! 13 countries, birth dates, employee ids. Unlike the blind sets it IS
//! used for tuning: its misses are printed and read. It is kept apart from
//! `dev.jsonl` because its figures are far from the targets, and the
//! distance is the point: it shows what the rules still miss.
//!
//! Measured 2026-11-27 when it arrived: precision 0.901, recall 0.770,
//! leak 36.3 % (2,542 of 6,995 characters; SELF_IDENTIFYING recall 0.555).
//!
//! `corpus/written2.jsonl` (294 texts, `corpus/WRITTEN2.md`), a second
//! writer under the same rules, broader: 110 names, 60 self-identifying
//! phrases, 20 addresses, 77 hard negatives (brands, wards, places). Its
//! first run, before any tuning, is an honest measurement: precision 0.858,
//! recall 0.915, leak 17.65 % (1,153 of 6,533).
//!
//! `corpus/written3.jsonl` (300 texts, `corpus/WRITTEN3.md`), a third
//! writer, aimed at addresses (60, from 20 countries), birth dates (41),
//! employee ids (27) and self-identifying phrases (59). Its first run with
//! the engine of that day, before any tuning: precision 0.888, recall
//! 0.830, leak 22.5 % (1,644 of 7,300); Presidio on the same set: precision
//! 0.463, recall 0.815, leak 60.7 %.
//!
//! `corpus/written4.jsonl` (265 texts, `corpus/WRITTEN4.md`), a fourth
//! writer, 145 self-identifying phrases and 48 near misses. First run:
//! precision 0.941, recall 0.868, leak 20.6 % (1,825 of 8,874).
//!
//! `corpus/written5.jsonl` (311 texts, `corpus/WRITTEN5.md`), a fifth
//! writer, an inbox-like mix of every kind and 92 texts without PII. Its
//! first run, before any tuning, is the second honest measurement (with
//! blind3): precision 0.896, recall 0.938, leak 10.16 % (656 of 6,459;
//! self-identifying recall 0.833); Presidio: precision 0.408, recall 0.829,
//! leak 51.1 %.
//!
//! `corpus/written6.jsonl` (315 texts, `corpus/WRITTEN6.md`), a sixth
//! writer, a blind-like mix from 25 countries with 95 texts without PII.
//! First run, before any tuning (the third honest measurement): precision
//! 0.872, recall 0.963, leak 8.01 % (477 of 5,955); Presidio: precision
//! 0.390, recall 0.842, leak 41.6 %.
//!
//! `corpus/written7.jsonl` (311 texts, `corpus/WRITTEN7.md`), a seventh
//! writer, a year of a large company's inbox with 93 texts without PII.
//! First run, before any tuning (the fourth honest measurement): precision
//! 0.917, recall 0.971, leak 4.96 % (283 of 5,711); Presidio: precision
//! 0.389, recall 0.868, leak 42.8 %.
//!
//! `corpus/written8.jsonl` (318 texts, `corpus/WRITTEN8.md`), an eighth
//! writer, shift, field and frontline work on five continents. First run,
//! before any tuning (the fifth honest measurement): precision 0.882,
//! recall 0.935, leak 8.83 % (525 of 5,947); Presidio: precision 0.360,
//! recall 0.859, leak 41.1 %.
//!
//! `corpus/written9.jsonl` (302 texts, `corpus/WRITTEN9.md`), a ninth
//! writer, answers to a guided chat that over-share. First run, before any
//! tuning (the sixth honest measurement): precision 0.931, recall 0.945,
//! leak 6.71 % (379 of 5,650); Presidio: precision 0.406, recall 0.874,
//! leak 48.1 %.
//!
//! The sets below came in a later session, in pairs; each pair's first
//! run used the engine as tuned on the pairs before it.
//!
//! `corpus/written10.jsonl` (301 texts, `corpus/WRITTEN10.md`), a tenth
//! writer, the hard kinds: 72 self-identifying phrases, 38 addresses from 25
//! countries. First run, before any tuning on it: precision / recall / leak
//! 0.867 / 0.879 / 19.01 % (1,590 of 8,366); Presidio 0.456 / 0.837 / 62.3 %.
//! After tuning: 0.931 / 0.984 / 2.83 %.
//!
//! `corpus/written11.jsonl` (305 texts, `corpus/WRITTEN11.md`), an eleventh
//! writer, precision: 114 texts without PII (regions, brands, teams, idioms)
//! and 148 names. First run, before any tuning on it: precision / recall /
//! leak 0.802 / 0.888 / 9.99 % (474 of 4,745); Presidio 0.351 / 0.808 / 48.4
//! %. After tuning: 0.942 / 0.964 / 3.79 %.
//!
//! `corpus/written12.jsonl` (310 texts, `corpus/WRITTEN12.md`), a twelfth
//! writer, an inbox mix of every kind. First run, before any tuning on it:
//! precision / recall / leak 0.967 / 0.932 / 4.42 % (262 of 5,932); Presidio
//! 0.398 / 0.773 / 45.9 %. After tuning: 0.979 / 0.982 / 1.45 %.
//!
//! `corpus/written13.jsonl` (312 texts, `corpus/WRITTEN13.md`), a thirteenth
//! writer, half of it in seven other languages. First run, before any tuning
//! on it: precision / recall / leak 0.812 / 0.860 / 20.31 % (1,328 of 6,539);
//! Presidio 0.279 / 0.837 / 50.3 %. After tuning: 0.962 / 0.969 / 4.53 %.
//!
//! `corpus/written14.jsonl` (308 texts, `corpus/WRITTEN14.md`), a fourteenth
//! writer, people who over-share (84 self-identifying phrases). First run,
//! before any tuning on it: precision / recall / leak 0.938 / 0.956 / 8.79 %
//! (689 of 7,839); Presidio 0.473 / 0.858 / 54.2 %. After tuning: 0.969 /
//! 0.987 / 3.00 %.
//!
//! `corpus/written15.jsonl` (300 texts, `corpus/WRITTEN15.md`), a fifteenth
//! writer, a multinational's pulse survey (149 names, e-mail headers, HR
//! copy-pastes). First run, before any tuning on it: precision / recall /
//! leak 0.894 / 0.973 / 4.66 % (331 of 7,108); Presidio 0.359 / 0.863 / 36.7
//! %. After tuning: 0.959 / 0.988 / 2.07 %.
//!
//! `corpus/written16.jsonl` (302 texts, `corpus/WRITTEN16.md`), a sixteenth
//! writer, names in every position (196 PERSON spans). First run, before any
//! tuning on it: precision / recall / leak 0.940 / 0.894 / 5.55 % (213 of
//! 3,836); Presidio 0.376 / 0.705 / 44.1 %. After tuning: 0.954 / 0.943 /
//! 3.91 %.
//!
//! `corpus/written17.jsonl` (304 texts, `corpus/WRITTEN17.md`), a seventeenth
//! writer, structured PII (40 ids, 44 birth dates, 48 addresses from 40
//! countries). First run, before any tuning on it: precision / recall / leak
//! 0.918 / 0.870 / 10.42 % (554 of 5,317); Presidio 0.369 / 0.839 / 39.7 %.
//! After tuning: 0.966 / 0.946 / 3.99 %.
//!
//! `corpus/written18.jsonl` (300 texts, `corpus/WRITTEN18.md`), an eighteenth
//! writer, frontline work in Africa, Asia, the Middle East and Latin America.
//! First run, after tuning on written10–17: precision / recall / leak 0.834 /
//! 0.954 / 8.21 % (545 of 6,637); Presidio 0.364 / 0.898 / 41.6 %. After
//! tuning: 0.912 / 0.972 / 3.59 %.
//!
//! `corpus/written19.jsonl` (303 texts, `corpus/WRITTEN19.md`), a nineteenth
//! writer, office work in Europe, North America and Oceania. First run, after
//! tuning on written10–17: precision / recall / leak 0.940 / 0.978 / 4.56 %
//! (276 of 6,052); Presidio 0.369 / 0.869 / 42.5 %. After tuning: 0.940 /
//! 0.996 / 1.75 %.
//!
//! `corpus/written20.jsonl` (300 texts, `corpus/WRITTEN20.md`), a twentieth
//! writer, a month of feedback from many kinds of workplace. First run, after
//! tuning on written10–19: precision / recall / leak 0.930 / 0.947 / 4.78 %
//! (276 of 5,776); Presidio 0.353 / 0.787 / 45.6 %. After tuning: 0.936 /
//! 0.979 / 2.60 %.
//!
//! `corpus/written21.jsonl` (306 texts, `corpus/WRITTEN21.md`), a twenty-
//! first writer, a year of one company with recurring people and places.
//! First run, after tuning on written10–19: precision / recall / leak 0.826 /
//! 0.970 / 5.33 % (301 of 5,644); Presidio 0.287 / 0.859 / 44.4 %. After
//! tuning: 0.850 / 0.985 / 2.16 %.
//!
//! `corpus/written22.jsonl` (300 texts, `corpus/WRITTEN22.md`), a twenty-
//! second writer, answers to a guided conversation from many workplaces.
//! First run, after tuning on written10–21: precision / recall / leak 0.918 /
//! 0.970 / 3.52 % (189 of 5,375); Presidio 0.350 / 0.845 / 43.2 %. After
//! tuning: 0.936 / 0.989 / 2.21 %.
//!
//! `corpus/written23.jsonl` (300 texts, `corpus/WRITTEN23.md`), a twenty-
//! third writer, upset and grateful writers who give themselves away. First
//! run, after tuning on written10–21: precision / recall / leak 0.912 / 0.985
//! / 2.00 % (121 of 6,061); Presidio 0.380 / 0.887 / 44.4 %. After tuning:
//! 0.913 / 0.993 / 1.68 %.
//!
//! `corpus/written24.jsonl` (306 texts, `corpus/WRITTEN24.md`), a twenty-
//! fourth writer, an inbox of every kind. First run, after tuning on
//! written10–23: precision / recall / leak 0.985 / 0.996 / 1.21 % (67 of
//! 5,538); Presidio 0.446 / 0.877 / 41.5 %. Read and tuned briefly at the end
//! of session 4: 0.985 / 0.996 / 1.21 %.
//!
//! `corpus/written25.jsonl` (301 texts, `corpus/WRITTEN25.md`), a twenty-
//! fifth writer, HR and payroll problems with pasted details. First run,
//! after tuning on written10–23: precision / recall / leak 0.972 / 0.986 /
//! 1.70 % (97 of 5,710); Presidio 0.440 / 0.881 / 37.9 %. Read and tuned briefly
//! at the end of session 4: 0.979 / 0.989 / 1.59 %.
//!
//! `corpus/written26.jsonl` (270 texts, `corpus/WRITTEN26.md`), a twenty-
//! sixth writer, an inbox of every kind. First run, after tuning on
//! written10–25: precision / recall / leak 0.953 / 0.995 / 1.45 % (65 of
//! 4,489); Presidio 0.485 / 0.851 / 38.1 %. Not tuned on: it arrived at the
//! end of session 4; its misses were listed once and not acted on.
//!
//! `corpus/written27.jsonl` (271 texts, `corpus/WRITTEN27.md`), a twenty-
//! seventh writer, aimed at hard names (given names that are words, chat
//! nicknames, surnames alone), ids and birth dates in unusual shapes. First
//! run, with the engine of the end of session 4: precision / recall / leak
//! 0.846 / 0.840 / 14.2 % (469 of 3,298). After tuning (session 5): 0.915 /
//! 0.934 / 5.73 %.
//!
//! `corpus/written28.jsonl` (270 texts, `corpus/WRITTEN28.md`), a twenty-
//! eighth writer, a month of an ordinary inbox with long mixed texts. First
//! run, with the engine of the end of session 4: 0.871 / 0.948 / 6.83 % (411
//! of 6,018). After tuning (session 5): 0.904 / 0.978 / 3.72 %.
//!
//! `corpus/written29.jsonl` (273 texts, `corpus/WRITTEN29.md`), a twenty-
//! ninth writer, 143 self-identifying phrases (roles at sites, grades,
//! counted groups, incidents, appositives after names, in eight
//! languages). First run, after tuning on written27–28: 0.957 / 0.907 /
//! 13.6 % (1,224 of 8,976).
//!
//! `corpus/written30.jsonl` (272 texts, `corpus/WRITTEN30.md`), a thirtieth
//! writer, a multinational inbox full of names. First run, after tuning on
//! written27–28: 0.803 / 0.966 / 2.88 % (128 of 4,437).
//!
//! `corpus/written31.jsonl` (273 texts, `corpus/WRITTEN31.md`), a thirty-
//! first writer, a hospital trust and a logistics firm over a quarter.
//! First run, after tuning on written27–30: 0.955 / 0.941 / 11.3 % (612 of
//! 5,435).
//!
//! `corpus/written32.jsonl` (271 texts, `corpus/WRITTEN32.md`), a thirty-
//! second writer, a European company's sites, 55 % in seven other
//! languages. First run, after tuning on written27–30: 0.939 / 0.958 / 6.20
//! % (387 of 6,238).
//!
//! `corpus/written33.jsonl` (320 texts, `corpus/WRITTEN33.md`), a thirty-
//! third writer, an inbox of every kind in the blind sets' proportions.
//! First run, after tuning on written27–32: 0.956 / 0.967 / 2.44 % (136 of
//! 5,580).
//!
//! `corpus/written34.jsonl` (300 texts, `corpus/WRITTEN34.md`), a thirty-
//! fourth writer, answers to the guided conversation. First run, after
//! tuning on written27–32: 0.971 / 0.984 / 1.69 % (109 of 6,451).
//!
//! `corpus/written35.jsonl` (326 texts, `corpus/WRITTEN35.md`), a thirty-
//! fifth writer, an inbox of every kind in the blind sets' proportions.
//! First run, after tuning on written27–34: 0.962 / 0.972 / 4.10 % (238 of
//! 5,807).
//!
//! `corpus/written36.jsonl` (309 texts, `corpus/WRITTEN36.md`), a thirty-
//! sixth writer, service and care work, many names that are words. First
//! run, after tuning on written27–34: 0.903 / 0.894 / 7.11 % (505 of
//! 7,105).
//!
//! `corpus/written37.jsonl` (320 texts, `corpus/WRITTEN37.md`), a thirty-
//! seventh writer, an inbox of every kind in the blind sets' proportions.
//! First run, after tuning on written27–36: 0.935 / 0.972 / 2.64 % (153 of
//! 5,794).
//!
//! `corpus/written38.jsonl` (310 texts, `corpus/WRITTEN38.md`), a thirty-
//! eighth writer, colleagues and writers made identifiable (134 names, 88
//! self-identifying phrases). First run, after tuning on written27–36:
//! 0.925 / 0.953 / 4.40 % (287 of 6,519).
//!
//! `corpus/written39.jsonl` (320 texts, `corpus/WRITTEN39.md`), a thirty-
//! ninth writer, an inbox of every kind in the blind sets' proportions.
//! First run, after tuning on written27–38: 0.960 / 0.964 / 1.64 % (96 of
//! 5,858).
//!
//! `corpus/written40.jsonl` (311 texts, `corpus/WRITTEN40.md`), a fortieth
//! writer, 99 self-identifying descriptions in eight languages and names
//! that are words. First run, after tuning on written27–38: 0.953 / 0.866 /
//! 11.31 % (980 of 8,665).
//!
//! `corpus/written41.jsonl` (300 texts, `corpus/WRITTEN41.md`), a forty-
//! first writer, details pasted into requests (118 street addresses in
//! 31 countries' formats). First run, after tuning on written27–40: 0.886
//! / 0.956 / 9.85 % (861 of 8,737).
//!
//! `corpus/written42.jsonl` (320 texts, `corpus/WRITTEN42.md`), a forty-
//! second writer, an inbox of every kind in the blind sets' proportions.
//! First run, after tuning on written27–40: 0.952 / 0.977 / 2.60 % (145 of
//! 5,579).
//!
//! `corpus/written43.jsonl` … `corpus/written62.jsonl` (session 6; each
//! `corpus/WRITTENnn.md` says who wrote it and how), twenty more writers who
//! read neither engine nor corpus. First runs (precision / recall / leak),
//! each on the engine of the moment it arrived, then the figures at the
//! end of session 6:
//! * written43, an inbox in the blind sets' proportions (320 texts): 0.926 /
//!   0.986 / 1.75 % → 0.939 / 0.993 / 1.22 %.
//! * written44, 90 self-identifying phrases and 27 birth dates (240): 0.905 /
//!   0.918 / 14.22 % → 0.951 / 0.968 / 5.50 %.
//! * written45, 214 names as employees write them (243): 0.832 / 0.842 / 9.18
//!   % → 0.878 / 0.896 / 5.84 %.
//! * written46, 89 street addresses and 57 phones in many national formats
//!   (237): 0.905 / 0.954 / 10.31 % → 0.911 / 0.979 / 3.18 %.
//! * written47, an inbox in the blind sets' proportions (320): 0.925 / 0.977
//!   / 3.07 % → 0.956 / 0.985 / 2.06 %.
//! * written48, 95 self-identifying phrases in many voices (249): 0.953 /
//!   0.958 / 7.06 % → 0.968 / 0.981 / 3.12 %.
//! * written49, 217 names in chat and in seven other languages (236): 0.798 /
//!   0.814 / 11.40 % → 0.867 / 0.846 / 9.64 %.
//! * written50, 51 employee ids and 46 birth dates (268): 0.953 / 0.930 /
//!   3.67 % → 0.955 / 0.975 / 1.25 %.
//! * written51, an inbox in the blind sets' proportions (320): 0.936 / 0.981
//!   / 2.69 % → 0.936 / 0.989 / 1.18 %.
//! * written52, 83 descriptions of colleagues and of oneself (240): 0.962 /
//!   0.932 / 8.16 % → 0.964 / 0.969 / 1.85 %.
//! * written53, 74 addresses, 42 phones and 34 birth dates from every
//!   continent (237): 0.895 / 0.931 / 14.02 % → 0.923 / 0.968 / 6.15 %.
//! * written54, 188 names in English feedback and 92 hard negatives (241):
//!   0.726 / 0.923 / 5.13 % → 0.797 / 0.923 / 4.86 %.
//! * written55, a long-and-short inbox in the blind sets' proportions (320):
//!   0.921 / 0.969 / 2.24 % → 0.921 / 0.972 / 1.93 %.
//! * written56, a chatty inbox in the blind sets' proportions (320): 0.932 /
//!   0.982 / 3.21 % → 0.933 / 0.993 / 1.21 %.
//! * written57, 92 self-identifying phrases in unusual workplaces (240):
//!   0.905 / 0.931 / 12.70 % → 0.908 / 0.971 / 6.78 %.
//! * written58, 198 names from migrant families in English feedback (238):
//!   0.828 / 0.901 / 5.05 % → 0.830 / 0.918 / 4.05 %.
//! * written59, 92 street addresses as writers paste them (240): 0.903 /
//!   0.948 / 16.61 % → 0.903 / 0.974 / 11.62 %.
//! * written60, 95 self-identifying phrases in ordinary feedback (246): 0.914
//!   / 0.919 / 10.65 % → 0.916 / 0.944 / 6.42 %.
//! * written61, an inbox with pasted records in the blind sets' proportions
//!   (320): 0.905 / 0.990 / 1.78 % → 0.925 / 0.993 / 1.27 %.
//! * written62, feedback in seven other languages (248): 0.815 / 0.911 / 7.17
//!   % → 0.848 / 0.911 / 5.83 %.
//!
//! `corpus/written63.jsonl` … `corpus/written72.jsonl` (session 7, same
//! rules). First runs, each on the engine of the moment it arrived (the
//! session's first address rules were in for all but written63–65), then
//! the figures at the end of session 7:
//! * written63, 163 self-identifying phrases, a quarter in ten other
//!   languages (257): 0.939 / 0.902 / 12.80 % → 0.943 / 0.966 / 4.42 %.
//! * written64, 113 street addresses (mostly without postal codes: Latin
//!   American, Gulf, African landmark, South and Southeast Asian, sloppy
//!   lowercase) and 74 phones (245): 0.899 / 0.958 / 20.24 % → 0.901 /
//!   0.992 / 4.23 %.
//! * written65, 187 names with little context and word-names, 44 birth
//!   dates (261): 0.890 / 0.805 / 14.11 % → 0.891 / 0.817 / 13.00 %.
//! * written66, an inbox in the blind sets' proportions from rarely covered
//!   regions (320): 0.878 / 0.958 / 4.76 % → 0.878 / 0.970 / 2.35 %.
//! * written67, an inbox in the blind sets' proportions, ordinary
//!   English-speaking workplaces (320): 0.930 / 0.978 / 1.56 % → 0.934 /
//!   0.978 / 1.56 %.
//! * written68, names and self-identifying phrases in seven other languages
//!   (291): 0.795 / 0.901 / 14.10 % → 0.822 / 0.920 / 5.79 %.
//! * written69, birth dates, employee ids, phones and addresses in messy form
//!   (280): 0.887 / 0.904 / 12.37 % → 0.890 / 0.941 / 6.59 %.
//! * written70, English self-identifying phrases and names (264): 0.901 /
//!   0.943 / 6.06 % → 0.902 / 0.950 / 4.85 %.
//! * written71, an inbox in the blind sets' proportions at ten large
//!   employers (320): 0.948 / 0.986 / 2.76 % → 0.948 / 0.986 / 2.52 %.
//! * written72, chatty, code-switched, mobile-typed feedback (284): 0.955 /
//!   0.866 / 16.76 % → 0.957 / 0.891 / 10.54 %.
//!
//! Figures of written1–9 after tuning on every set, at the end of session
//! 3 → session 4 (precision / recall / leak): written 0.960 / 0.944 /
//! 6.15 % → 0.961 / 0.972 / 1.89 %, written2 0.963 / 0.967 / 2.07 % →
//! 0.964 / 0.981 / 1.68 %, written3 0.956 / 0.942 / 5.25 % → 0.957 / 0.967
//! / 3.33 %, written4 0.962 / 0.969 / 4.82 % → 0.966 / 0.996 / 1.95 %,
//! written5 0.957 / 0.978 / 1.52 % → 0.961 / 0.993 / 0.17 %, written6
//! 0.937 / 0.982 / 4.87 % → 0.947 / 0.996 / 1.33 %, written7 0.927 / 0.974
//! / 3.22 % → 0.937 / 0.982 / 1.73 %, written8 0.905 / 0.960 / 5.41 % →
//! 0.929 / 0.978 / 2.74 %, written9 0.946 / 0.965 / 2.34 % → 0.954 / 0.976
//! / 1.77 %. The floors sit just under the figures of the session that
//! set them.

use kataloop_anonymization::evaluation::{dev_policy, LabelledText};
use kataloop_anonymization::PiiKind;

#[macro_use]
mod common;

/// One test per tuning set: its figures stay at or above floors set just
/// under the figures measured when they were last raised. `blind` sets
/// (measured, not tuned on) print aggregates only.
macro_rules! floors_test {
    ($test:ident, $name:literal, $per_kind:expr,
     recall = $recall:expr, precision = $precision:expr, leak = $leak:expr) => {
        floors_test!(
            $test,
            $name,
            $per_kind,
            recall = $recall,
            precision = $precision,
            leak = $leak,
            blind = false
        );
    };
    ($test:ident, $name:literal, $per_kind:expr,
     recall = $recall:expr, precision = $precision:expr, leak = $leak:expr, blind = $blind:expr) => {
        #[test]
        fn $test() {
            common::assert_floors_hold(
                &corpus!($name),
                &dev_policy(),
                &common::Floors {
                    per_kind: $per_kind,
                    any_recall: $recall,
                    any_precision: $precision,
                    leak_ceiling: $leak,
                    blind: $blind,
                },
            );
        }
    };
}

/// Every tuning set is large, has texts without PII and every kind; the
/// first is aimed at self-identifying phrases (at least 100).
#[test]
fn every_written_corpus_is_large_and_varied() {
    let corpus: Vec<LabelledText> = corpus!("written");
    common::assert_large_and_varied("written", &corpus, 250, 50, 1);
    let si = corpus
        .iter()
        .flat_map(|t| &t.spans)
        .filter(|s| s.kind == PiiKind::SelfIdentifying)
        .count();
    assert!(si >= 100, "written: {si} self-identifying spans");
    common::assert_large_and_varied("written2", &corpus!("written2"), 280, 70, 5);
    common::assert_large_and_varied("written3", &corpus!("written3"), 290, 55, 2);
    common::assert_large_and_varied("written4", &corpus!("written4"), 260, 45, 2);
    common::assert_large_and_varied("written5", &corpus!("written5"), 300, 85, 4);
    common::assert_large_and_varied("written6", &corpus!("written6"), 300, 90, 7);
    common::assert_large_and_varied("written7", &corpus!("written7"), 300, 90, 7);
    common::assert_large_and_varied("written8", &corpus!("written8"), 300, 85, 6);
    common::assert_large_and_varied("written9", &corpus!("written9"), 300, 85, 5);
    common::assert_large_and_varied("written10", &corpus!("written10"), 300, 80, 2);
    common::assert_large_and_varied("written11", &corpus!("written11"), 300, 110, 3);
    common::assert_large_and_varied("written12", &corpus!("written12"), 300, 85, 6);
    common::assert_large_and_varied("written13", &corpus!("written13"), 300, 95, 1);
    common::assert_large_and_varied("written14", &corpus!("written14"), 300, 80, 3);
    common::assert_large_and_varied("written15", &corpus!("written15"), 300, 85, 5);
    common::assert_large_and_varied("written16", &corpus!("written16"), 300, 85, 3);
    common::assert_large_and_varied("written17", &corpus!("written17"), 300, 90, 3);
    common::assert_large_and_varied("written18", &corpus!("written18"), 300, 80, 2);
    common::assert_large_and_varied("written19", &corpus!("written19"), 300, 85, 3);
    common::assert_large_and_varied("written20", &corpus!("written20"), 300, 85, 3);
    common::assert_large_and_varied("written21", &corpus!("written21"), 300, 90, 3);
    common::assert_large_and_varied("written22", &corpus!("written22"), 300, 80, 3);
    common::assert_large_and_varied("written23", &corpus!("written23"), 300, 85, 2);
    common::assert_large_and_varied("written24", &corpus!("written24"), 300, 85, 3);
    common::assert_large_and_varied("written25", &corpus!("written25"), 300, 85, 3);
    common::assert_large_and_varied("written26", &corpus!("written26"), 260, 70, 2);
    common::assert_large_and_varied("written27", &corpus!("written27"), 270, 70, 1);
    common::assert_large_and_varied("written28", &corpus!("written28"), 270, 80, 2);
    common::assert_large_and_varied("written29", &corpus!("written29"), 270, 75, 1);
    common::assert_large_and_varied("written30", &corpus!("written30"), 270, 80, 1);
    common::assert_large_and_varied("written31", &corpus!("written31"), 270, 80, 2);
    common::assert_large_and_varied("written32", &corpus!("written32"), 270, 75, 2);
    common::assert_large_and_varied("written33", &corpus!("written33"), 320, 90, 4);
    common::assert_large_and_varied("written34", &corpus!("written34"), 300, 85, 5);
    common::assert_large_and_varied("written35", &corpus!("written35"), 320, 90, 4);
    common::assert_large_and_varied("written36", &corpus!("written36"), 300, 90, 5);
    common::assert_large_and_varied("written37", &corpus!("written37"), 320, 90, 4);
    common::assert_large_and_varied("written38", &corpus!("written38"), 300, 90, 2);
    common::assert_large_and_varied("written39", &corpus!("written39"), 320, 90, 4);
    common::assert_large_and_varied("written40", &corpus!("written40"), 300, 90, 2);
    common::assert_large_and_varied("written41", &corpus!("written41"), 300, 90, 2);
    common::assert_large_and_varied("written42", &corpus!("written42"), 320, 90, 5);
    common::assert_large_and_varied("written43", &corpus!("written43"), 320, 90, 4);
    common::assert_large_and_varied("written44", &corpus!("written44"), 240, 75, 1);
    common::assert_large_and_varied("written45", &corpus!("written45"), 240, 79, 1);
    common::assert_large_and_varied("written46", &corpus!("written46"), 237, 75, 1);
    common::assert_large_and_varied("written47", &corpus!("written47"), 320, 90, 4);
    common::assert_large_and_varied("written48", &corpus!("written48"), 249, 82, 2);
    common::assert_large_and_varied("written49", &corpus!("written49"), 236, 82, 1);
    common::assert_large_and_varied("written50", &corpus!("written50"), 268, 80, 5);
    common::assert_large_and_varied("written51", &corpus!("written51"), 320, 92, 4);
    common::assert_large_and_varied("written52", &corpus!("written52"), 240, 83, 2);
    common::assert_large_and_varied("written53", &corpus!("written53"), 237, 73, 1);
    common::assert_large_and_varied("written54", &corpus!("written54"), 241, 92, 1);
    common::assert_large_and_varied("written55", &corpus!("written55"), 320, 95, 4);
    common::assert_large_and_varied("written56", &corpus!("written56"), 320, 90, 4);
    common::assert_large_and_varied("written57", &corpus!("written57"), 240, 86, 2);
    common::assert_large_and_varied("written58", &corpus!("written58"), 238, 80, 2);
    common::assert_large_and_varied("written59", &corpus!("written59"), 240, 83, 1);
    common::assert_large_and_varied("written60", &corpus!("written60"), 246, 80, 1);
    common::assert_large_and_varied("written61", &corpus!("written61"), 320, 92, 4);
    common::assert_large_and_varied("written62", &corpus!("written62"), 248, 75, 4);
    common::assert_large_and_varied("written63", &corpus!("written63"), 257, 90, 1);
    common::assert_large_and_varied("written64", &corpus!("written64"), 245, 90, 1);
    common::assert_large_and_varied("written65", &corpus!("written65"), 261, 100, 1);
    common::assert_large_and_varied("written66", &corpus!("written66"), 320, 90, 7);
    common::assert_large_and_varied("written67", &corpus!("written67"), 320, 90, 7);
    common::assert_large_and_varied("written68", &corpus!("written68"), 291, 77, 1);
    common::assert_large_and_varied("written69", &corpus!("written69"), 280, 79, 1);
    common::assert_large_and_varied("written70", &corpus!("written70"), 264, 80, 1);
    common::assert_large_and_varied("written71", &corpus!("written71"), 320, 90, 8);
    common::assert_large_and_varied("written72", &corpus!("written72"), 284, 80, 3);
}

/// Per kind: (precision, recall, leak ceiling).
const PER_KIND_FLOORS: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.93, 0.93, 0.05),
    (PiiKind::UsSsn, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.94, 0.04),
    (PiiKind::SelfIdentifying, 0.92, 0.97, 0.03),
];

floors_test!(
    written_figures_do_not_regress,
    "written",
    PER_KIND_FLOORS,
    recall = 0.972,
    precision = 0.95,
    leak = 0.022
);

const PER_KIND_FLOORS_2: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.91, 0.96, 0.02),
    (PiiKind::Email, 0.97, 0.97, 0.02),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.95, 0.95, 0.04),
];

floors_test!(
    written2_figures_do_not_regress,
    "written2",
    PER_KIND_FLOORS_2,
    recall = 0.985,
    precision = 0.95,
    leak = 0.018
);

const PER_KIND_FLOORS_3: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.85, 0.95, 0.03),
    (PiiKind::EmployeeId, 0.95, 0.91, 0.08),
    (PiiKind::DateOfBirth, 0.97, 0.96, 0.05),
    (PiiKind::StreetAddress, 0.97, 0.95, 0.04),
    (PiiKind::SelfIdentifying, 0.95, 0.97, 0.05),
];

floors_test!(
    written3_figures_do_not_regress,
    "written3",
    PER_KIND_FLOORS_3,
    recall = 0.974,
    precision = 0.95,
    leak = 0.032
);

const PER_KIND_FLOORS_4: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.89, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.95, 0.97, 0.04),
];

floors_test!(
    written4_figures_do_not_regress,
    "written4",
    PER_KIND_FLOORS_4,
    recall = 0.992,
    precision = 0.95,
    leak = 0.023
);

const PER_KIND_FLOORS_5: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.91, 0.96, 0.03),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.95, 0.97, 0.02),
];

floors_test!(
    written5_figures_do_not_regress,
    "written5",
    PER_KIND_FLOORS_5,
    recall = 0.989,
    precision = 0.94,
    leak = 0.005
);

const PER_KIND_FLOORS_6: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.92, 0.97, 0.02),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.82, 0.96, 0.05),
];

floors_test!(
    written6_figures_do_not_regress,
    "written6",
    PER_KIND_FLOORS_6,
    recall = 0.992,
    precision = 0.93,
    leak = 0.015
);

const PER_KIND_FLOORS_7: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.90, 0.96, 0.03),
    (PiiKind::Phone, 0.88, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.04),
    (PiiKind::SelfIdentifying, 0.89, 0.96, 0.04),
];

floors_test!(
    written7_figures_do_not_regress,
    "written7",
    PER_KIND_FLOORS_7,
    recall = 0.981,
    precision = 0.93,
    leak = 0.019
);

const PER_KIND_FLOORS_8: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.87, 0.97, 0.03),
    (PiiKind::StreetAddress, 0.97, 0.93, 0.05),
    (PiiKind::SelfIdentifying, 0.86, 0.94, 0.05),
];

floors_test!(
    written8_figures_do_not_regress,
    "written8",
    PER_KIND_FLOORS_8,
    recall = 0.978,
    precision = 0.92,
    leak = 0.025
);

const PER_KIND_FLOORS_9: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.91, 0.96, 0.03),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.04),
    (PiiKind::SelfIdentifying, 0.88, 0.97, 0.02),
];

floors_test!(
    written9_figures_do_not_regress,
    "written9",
    PER_KIND_FLOORS_9,
    recall = 0.984,
    precision = 0.94,
    leak = 0.011
);

const PER_KIND_FLOORS_10: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.85, 0.94, 0.05),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.96, 0.07),
    (PiiKind::SelfIdentifying, 0.88, 0.97, 0.03),
];

const PER_KIND_FLOORS_11: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.89, 0.93, 0.05),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.96, 0.96, 0.06),
];

const PER_KIND_FLOORS_12: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.96, 0.96, 0.03),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.03),
    (PiiKind::SelfIdentifying, 0.92, 0.94, 0.04),
];

const PER_KIND_FLOORS_13: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.92, 0.94, 0.04),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.93, 0.91, 0.10),
];

const PER_KIND_FLOORS_14: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.96, 0.97, 0.03),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.92, 0.92, 0.04),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.90, 0.96, 0.04),
];

const PER_KIND_FLOORS_15: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.90, 0.97, 0.03),
    (PiiKind::Phone, 0.94, 0.94, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.80, 0.16),
    (PiiKind::StreetAddress, 0.97, 0.94, 0.07),
    (PiiKind::SelfIdentifying, 0.93, 0.97, 0.02),
];

const PER_KIND_FLOORS_16: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.94, 0.93, 0.04),
    (PiiKind::SelfIdentifying, 0.91, 0.95, 0.06),
];

const PER_KIND_FLOORS_17: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.84, 0.95, 0.02),
    (PiiKind::Phone, 0.91, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.78, 0.14),
    (PiiKind::DateOfBirth, 0.96, 0.96, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.96, 0.08),
    (PiiKind::SelfIdentifying, 0.83, 0.97, 0.02),
];

floors_test!(
    written10_figures_do_not_regress,
    "written10",
    PER_KIND_FLOORS_10,
    recall = 0.980,
    precision = 0.92,
    leak = 0.026
);

floors_test!(
    written11_figures_do_not_regress,
    "written11",
    PER_KIND_FLOORS_11,
    recall = 0.964,
    precision = 0.93,
    leak = 0.031
);

floors_test!(
    written12_figures_do_not_regress,
    "written12",
    PER_KIND_FLOORS_12,
    recall = 0.978,
    precision = 0.96,
    leak = 0.018
);

floors_test!(
    written13_figures_do_not_regress,
    "written13",
    PER_KIND_FLOORS_13,
    recall = 0.965,
    precision = 0.95,
    leak = 0.049
);

floors_test!(
    written14_figures_do_not_regress,
    "written14",
    PER_KIND_FLOORS_14,
    recall = 0.983,
    precision = 0.95,
    leak = 0.021
);

floors_test!(
    written15_figures_do_not_regress,
    "written15",
    PER_KIND_FLOORS_15,
    recall = 0.987,
    precision = 0.94,
    leak = 0.021
);

floors_test!(
    written16_figures_do_not_regress,
    "written16",
    PER_KIND_FLOORS_16,
    recall = 0.951,
    precision = 0.94,
    leak = 0.032
);

floors_test!(
    written17_figures_do_not_regress,
    "written17",
    PER_KIND_FLOORS_17,
    recall = 0.958,
    precision = 0.95,
    leak = 0.036
);

const PER_KIND_FLOORS_18: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.85, 0.95, 0.03),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.92, 0.07),
    (PiiKind::DateOfBirth, 0.97, 0.90, 0.11),
    (PiiKind::StreetAddress, 0.97, 0.95, 0.04),
    (PiiKind::SelfIdentifying, 0.89, 0.96, 0.04),
];

const PER_KIND_FLOORS_19: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.89, 0.97, 0.03),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.92, 0.05),
    (PiiKind::SelfIdentifying, 0.87, 0.96, 0.05),
];

floors_test!(
    written18_figures_do_not_regress,
    "written18",
    PER_KIND_FLOORS_18,
    recall = 0.968,
    precision = 0.91,
    leak = 0.027
);

floors_test!(
    written19_figures_do_not_regress,
    "written19",
    PER_KIND_FLOORS_19,
    recall = 0.992,
    precision = 0.93,
    leak = 0.020
);

const PER_KIND_FLOORS_20: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.88, 0.95, 0.04),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.90, 0.12),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.93, 0.93, 0.06),
];

const PER_KIND_FLOORS_21: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.78, 0.97, 0.02),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.90, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.92, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.82, 0.94, 0.06),
];

floors_test!(
    written20_figures_do_not_regress,
    "written20",
    PER_KIND_FLOORS_20,
    recall = 0.978,
    precision = 0.94,
    leak = 0.028
);

floors_test!(
    written21_figures_do_not_regress,
    "written21",
    PER_KIND_FLOORS_21,
    recall = 0.981,
    precision = 0.85,
    leak = 0.025
);

const PER_KIND_FLOORS_22: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.88, 0.96, 0.04),
    (PiiKind::Phone, 0.93, 0.93, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.86, 0.95, 0.05),
];

const PER_KIND_FLOORS_23: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.88, 0.97, 0.02),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.80, 0.96, 0.03),
];

floors_test!(
    written22_figures_do_not_regress,
    "written22",
    PER_KIND_FLOORS_22,
    recall = 0.985,
    precision = 0.92,
    leak = 0.021
);

floors_test!(
    written23_figures_do_not_regress,
    "written23",
    PER_KIND_FLOORS_23,
    recall = 0.992,
    precision = 0.90,
    leak = 0.011
);

const PER_KIND_FLOORS_24: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.97, 0.97, 0.02),
    (PiiKind::Phone, 0.88, 0.93, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.89, 0.02),
    (PiiKind::DateOfBirth, 0.90, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.92, 0.06),
    (PiiKind::SelfIdentifying, 0.93, 0.97, 0.02),
];

const PER_KIND_FLOORS_25: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.96, 0.97, 0.02),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.94, 0.05),
    (PiiKind::DateOfBirth, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.90, 0.92, 0.06),
];

floors_test!(
    written24_figures_do_not_regress,
    "written24",
    PER_KIND_FLOORS_24,
    recall = 0.992,
    precision = 0.97,
    leak = 0.016
);

floors_test!(
    written25_figures_do_not_regress,
    "written25",
    PER_KIND_FLOORS_25,
    recall = 0.985,
    precision = 0.97,
    leak = 0.018
);

const PER_KIND_FLOORS_26: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.93, 0.97, 0.03),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.80, 0.97, 0.02),
    // Session 7: 0.933, one address false positive more from that
    // session's address rules (this set is not read per text).
    (PiiKind::StreetAddress, 0.93, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.83, 0.95, 0.05),
];

floors_test!(
    written26_figures_do_not_regress,
    "written26",
    PER_KIND_FLOORS_26,
    recall = 0.991,
    precision = 0.94,
    leak = 0.018,
    blind = true
);

const PER_KIND_FLOORS_27: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.86, 0.89, 0.10),
    (PiiKind::Phone, 0.82, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.92, 0.06),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.89, 0.93, 0.10),
];

floors_test!(
    written27_figures_do_not_regress,
    "written27",
    PER_KIND_FLOORS_27,
    recall = 0.933,
    precision = 0.90,
    leak = 0.060
);

const PER_KIND_FLOORS_28: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.84, 0.97, 0.02),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.93, 0.05),
    (PiiKind::SelfIdentifying, 0.83, 0.93, 0.05),
];

floors_test!(
    written28_figures_do_not_regress,
    "written28",
    PER_KIND_FLOORS_28,
    recall = 0.981,
    precision = 0.89,
    leak = 0.028
);

const PER_KIND_FLOORS_29: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.91, 0.97, 0.03),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.90, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.96, 0.95, 0.07),
];

floors_test!(
    written29_figures_do_not_regress,
    "written29",
    PER_KIND_FLOORS_29,
    recall = 0.972,
    precision = 0.95,
    leak = 0.050
);

const PER_KIND_FLOORS_30: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.74, 0.96, 0.03),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.92, 0.02),
    (PiiKind::DateOfBirth, 0.92, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.03),
    (PiiKind::SelfIdentifying, 0.55, 0.97, 0.02),
];

floors_test!(
    written30_figures_do_not_regress,
    "written30",
    PER_KIND_FLOORS_30,
    recall = 0.989,
    precision = 0.80,
    leak = 0.012
);

const PER_KIND_FLOORS_31: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.87, 0.94, 0.06),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.94, 0.08),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.96, 0.95, 0.09),
];

floors_test!(
    written31_figures_do_not_regress,
    "written31",
    PER_KIND_FLOORS_31,
    recall = 0.969,
    precision = 0.94,
    leak = 0.055
);

const PER_KIND_FLOORS_32: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.81, 0.97, 0.03),
    (PiiKind::Phone, 0.86, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.94, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.97, 0.97, 0.03),
];

floors_test!(
    written32_figures_do_not_regress,
    "written32",
    PER_KIND_FLOORS_32,
    recall = 0.992,
    precision = 0.92,
    leak = 0.013
);

const PER_KIND_FLOORS_33: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.92, 0.97, 0.02),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.88, 0.11),
    (PiiKind::DateOfBirth, 0.97, 0.91, 0.10),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.04),
    (PiiKind::SelfIdentifying, 0.84, 0.95, 0.05),
];

floors_test!(
    written33_figures_do_not_regress,
    "written33",
    PER_KIND_FLOORS_33,
    recall = 0.981,
    precision = 0.94,
    leak = 0.021
);

const PER_KIND_FLOORS_34: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.94, 0.97, 0.02),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.88, 0.12),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.93, 0.96, 0.04),
];

floors_test!(
    written34_figures_do_not_regress,
    "written34",
    PER_KIND_FLOORS_34,
    recall = 0.986,
    precision = 0.96,
    leak = 0.018
);

const PER_KIND_FLOORS_35: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.93, 0.95, 0.04),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.90, 0.90, 0.10),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.87, 0.92, 0.11),
];

floors_test!(
    written35_figures_do_not_regress,
    "written35",
    PER_KIND_FLOORS_35,
    recall = 0.975,
    precision = 0.95,
    leak = 0.043
);

const PER_KIND_FLOORS_36: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.75, 0.90, 0.09),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.94, 0.02),
    (PiiKind::DateOfBirth, 0.94, 0.94, 0.03),
    (PiiKind::StreetAddress, 0.97, 0.93, 0.06),
    (PiiKind::SelfIdentifying, 0.92, 0.91, 0.08),
];

floors_test!(
    written36_figures_do_not_regress,
    "written36",
    PER_KIND_FLOORS_36,
    recall = 0.957,
    precision = 0.89,
    leak = 0.050
);

const PER_KIND_FLOORS_37: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.88, 0.96, 0.04),
    (PiiKind::Phone, 0.94, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.05),
    (PiiKind::SelfIdentifying, 0.83, 0.95, 0.06),
];

floors_test!(
    written37_figures_do_not_regress,
    "written37",
    PER_KIND_FLOORS_37,
    recall = 0.982,
    precision = 0.92,
    leak = 0.025
);

const PER_KIND_FLOORS_38: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.88, 0.95, 0.04),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.93, 0.96, 0.05),
];

floors_test!(
    written38_figures_do_not_regress,
    "written38",
    PER_KIND_FLOORS_38,
    recall = 0.973,
    precision = 0.91,
    leak = 0.031
);

const PER_KIND_FLOORS_39: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.91, 0.96, 0.03),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.84, 0.12),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.87, 0.97, 0.03),
];

floors_test!(
    written39_figures_do_not_regress,
    "written39",
    PER_KIND_FLOORS_39,
    recall = 0.982,
    precision = 0.94,
    leak = 0.012
);

const PER_KIND_FLOORS_40: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.86, 0.84, 0.12),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.93, 0.81, 0.17),
    (PiiKind::StreetAddress, 0.97, 0.92, 0.07),
    (PiiKind::SelfIdentifying, 0.94, 0.93, 0.06),
];

floors_test!(
    written40_figures_do_not_regress,
    "written40",
    PER_KIND_FLOORS_40,
    recall = 0.917,
    precision = 0.94,
    leak = 0.051
);

const PER_KIND_FLOORS_41: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.36, 0.96, 0.03),
    (PiiKind::Phone, 0.97, 0.95, 0.05),
    (PiiKind::EmployeeId, 0.97, 0.85, 0.10),
    (PiiKind::DateOfBirth, 0.95, 0.83, 0.15),
    (PiiKind::StreetAddress, 0.97, 0.88, 0.13),
    (PiiKind::SelfIdentifying, 0.82, 0.97, 0.02),
];

floors_test!(
    written41_figures_do_not_regress,
    "written41",
    PER_KIND_FLOORS_41,
    recall = 0.962,
    precision = 0.87,
    leak = 0.083
);

const PER_KIND_FLOORS_42: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.91, 0.97, 0.02),
    (PiiKind::Phone, 0.97, 0.97, 0.02),
    (PiiKind::EmployeeId, 0.97, 0.97, 0.02),
    (PiiKind::DateOfBirth, 0.97, 0.97, 0.02),
    (PiiKind::StreetAddress, 0.97, 0.97, 0.02),
    (PiiKind::SelfIdentifying, 0.83, 0.92, 0.08),
];

floors_test!(
    written42_figures_do_not_regress,
    "written42",
    PER_KIND_FLOORS_42,
    recall = 0.988,
    precision = 0.94,
    leak = 0.023
);

const PER_KIND_FLOORS_43: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.85, 0.97, 0.03),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.99, 0.94, 0.01),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.87, 0.95, 0.05),
];

floors_test!(
    written43_figures_do_not_regress,
    "written43",
    PER_KIND_FLOORS_43,
    recall = 0.989,
    precision = 0.92,
    leak = 0.016
);

const PER_KIND_FLOORS_44: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.90, 0.99, 0.01),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.91, 0.95, 0.05),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.93, 0.90, 0.10),
    (PiiKind::Custom, 0.99, 0.99, 0.01),
];

floors_test!(
    written44_figures_do_not_regress,
    "written44",
    PER_KIND_FLOORS_44,
    recall = 0.959,
    precision = 0.94,
    leak = 0.068
);

const PER_KIND_FLOORS_45: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.86, 0.87, 0.09),
    (PiiKind::SelfIdentifying, 0.65, 0.99, 0.01),
];

floors_test!(
    written45_figures_do_not_regress,
    "written45",
    PER_KIND_FLOORS_45,
    recall = 0.892,
    precision = 0.86,
    leak = 0.062
);

const PER_KIND_FLOORS_46: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.68, 0.91, 0.04),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.97, 0.93, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.96, 0.94, 0.07),
    (PiiKind::SelfIdentifying, 0.60, 0.87, 0.11),
];

floors_test!(
    written46_figures_do_not_regress,
    "written46",
    PER_KIND_FLOORS_46,
    recall = 0.975,
    precision = 0.90,
    leak = 0.045
);

const PER_KIND_FLOORS_47: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.89, 0.96, 0.06),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.90, 0.11),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.01),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.87, 0.95, 0.05),
];

floors_test!(
    written47_figures_do_not_regress,
    "written47",
    PER_KIND_FLOORS_47,
    recall = 0.981,
    precision = 0.94,
    leak = 0.024
);

const PER_KIND_FLOORS_48: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.88, 0.94, 0.06),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.97, 0.96, 0.05),
    (PiiKind::Custom, 0.99, 0.99, 0.01),
];

floors_test!(
    written48_figures_do_not_regress,
    "written48",
    PER_KIND_FLOORS_48,
    recall = 0.977,
    precision = 0.95,
    leak = 0.035
);

const PER_KIND_FLOORS_49: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.84, 0.81, 0.16),
    (PiiKind::SelfIdentifying, 0.82, 0.99, 0.06),
];

floors_test!(
    written49_figures_do_not_regress,
    "written49",
    PER_KIND_FLOORS_49,
    recall = 0.842,
    precision = 0.85,
    leak = 0.100
);

const PER_KIND_FLOORS_50: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.84, 0.96, 0.01),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.89, 0.95, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.92, 0.07),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.95, 0.04),
    (PiiKind::DateOfBirth, 0.99, 0.90, 0.08),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.01),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.65, 0.99, 0.01),
    (PiiKind::Custom, 0.99, 0.99, 0.01),
];

floors_test!(
    written50_figures_do_not_regress,
    "written50",
    PER_KIND_FLOORS_50,
    recall = 0.971,
    precision = 0.94,
    leak = 0.016
);

const PER_KIND_FLOORS_51: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.84, 0.97, 0.03),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.99, 0.94, 0.06),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.92, 0.95, 0.04),
];

floors_test!(
    written51_figures_do_not_regress,
    "written51",
    PER_KIND_FLOORS_51,
    recall = 0.985,
    precision = 0.92,
    leak = 0.020
);

const PER_KIND_FLOORS_52: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.97, 0.94, 0.05),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.79, 0.22),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.92, 0.97, 0.03),
];

floors_test!(
    written52_figures_do_not_regress,
    "written52",
    PER_KIND_FLOORS_52,
    recall = 0.965,
    precision = 0.95,
    leak = 0.022
);

const PER_KIND_FLOORS_53: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.54, 0.96, 0.01),
    (PiiKind::Phone, 0.96, 0.91, 0.05),
    (PiiKind::DateOfBirth, 0.95, 0.87, 0.09),
    (PiiKind::StreetAddress, 0.97, 0.89, 0.11),
    (PiiKind::SelfIdentifying, 0.74, 0.99, 0.01),
];

floors_test!(
    written53_figures_do_not_regress,
    "written53",
    PER_KIND_FLOORS_53,
    recall = 0.964,
    precision = 0.90,
    leak = 0.072
);

const PER_KIND_FLOORS_54: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.77, 0.90, 0.09),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.79, 0.24),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.49, 0.86, 0.06),
];

floors_test!(
    written54_figures_do_not_regress,
    "written54",
    PER_KIND_FLOORS_54,
    recall = 0.919,
    precision = 0.78,
    leak = 0.052
);

const PER_KIND_FLOORS_55: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.84, 0.93, 0.05),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.89, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.90, 0.90, 0.10),
    (PiiKind::StreetAddress, 0.99, 0.94, 0.03),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.87, 0.95, 0.05),
];

floors_test!(
    written55_figures_do_not_regress,
    "written55",
    PER_KIND_FLOORS_55,
    recall = 0.968,
    precision = 0.91,
    leak = 0.025
);

const PER_KIND_FLOORS_56: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.86, 0.98, 0.02),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.02),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.86, 0.96, 0.05),
];

floors_test!(
    written56_figures_do_not_regress,
    "written56",
    PER_KIND_FLOORS_56,
    recall = 0.989,
    precision = 0.92,
    leak = 0.016
);

const PER_KIND_FLOORS_57: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.74, 0.99, 0.01),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.79, 0.19),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.93, 0.92, 0.10),
    (PiiKind::Custom, 0.99, 0.99, 0.01),
];

floors_test!(
    written57_figures_do_not_regress,
    "written57",
    PER_KIND_FLOORS_57,
    // Session 7: 0.966; "Poolse" (a nationality) is no longer taken for a
    // name, and it had covered a missed phrase by accident.
    recall = 0.963,
    precision = 0.89,
    leak = 0.071
);

const PER_KIND_FLOORS_58: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.81, 0.87, 0.08),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.34, 0.99, 0.01),
];

floors_test!(
    written58_figures_do_not_regress,
    "written58",
    PER_KIND_FLOORS_58,
    recall = 0.914,
    precision = 0.82,
    leak = 0.044
);

const PER_KIND_FLOORS_59: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.52, 0.94, 0.02),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.82, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.84, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.99, 0.88, 0.18),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.99, 0.99, 0.01),
];

floors_test!(
    written59_figures_do_not_regress,
    "written59",
    PER_KIND_FLOORS_59,
    recall = 0.970,
    precision = 0.89,
    leak = 0.120
);

const PER_KIND_FLOORS_60: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.79, 0.99, 0.01),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.89, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.82, 0.10),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.91, 0.88, 0.10),
];

floors_test!(
    written60_figures_do_not_regress,
    "written60",
    PER_KIND_FLOORS_60,
    recall = 0.940,
    precision = 0.90,
    leak = 0.068
);

const PER_KIND_FLOORS_61: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.82, 0.97, 0.03),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.91, 0.94, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.93, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.99, 0.90, 0.08),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.93, 0.99, 0.01),
];

floors_test!(
    written61_figures_do_not_regress,
    "written61",
    PER_KIND_FLOORS_61,
    recall = 0.989,
    precision = 0.91,
    leak = 0.016
);

const PER_KIND_FLOORS_62: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.66, 0.79, 0.15),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.85, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.04),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.92, 0.89, 0.11),
];

floors_test!(
    written62_figures_do_not_regress,
    "written62",
    PER_KIND_FLOORS_62,
    recall = 0.907,
    precision = 0.83,
    leak = 0.062
);

const PER_KIND_FLOORS_63: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.71, 0.99, 0.01),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.01),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.95, 0.93, 0.06),
];

floors_test!(
    written63_figures_do_not_regress,
    "written63",
    PER_KIND_FLOORS_63,
    recall = 0.962,
    precision = 0.93,
    leak = 0.047
);

const PER_KIND_FLOORS_64: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.59, 0.99, 0.01),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.91, 0.94, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.99, 0.91, 0.07),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.24, 0.99, 0.01),
];

floors_test!(
    written64_figures_do_not_regress,
    "written64",
    PER_KIND_FLOORS_64,
    recall = 0.988,
    precision = 0.89,
    leak = 0.045
);

const PER_KIND_FLOORS_65: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.84, 0.74, 0.23),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.96, 0.03),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.01),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.74, 0.99, 0.01),
];

floors_test!(
    written65_figures_do_not_regress,
    "written65",
    PER_KIND_FLOORS_65,
    recall = 0.813,
    precision = 0.88,
    leak = 0.133
);

const PER_KIND_FLOORS_66: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.74, 0.92, 0.07),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::Url, 0.99, 0.86, 0.11),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.99, 0.94, 0.05),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.80, 0.99, 0.01),
];

floors_test!(
    written66_figures_do_not_regress,
    "written66",
    PER_KIND_FLOORS_66,
    recall = 0.966,
    precision = 0.86,
    leak = 0.026
);

const PER_KIND_FLOORS_67: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.84, 0.93, 0.05),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.92, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.99, 0.94, 0.06),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.90, 0.99, 0.01),
];

floors_test!(
    written67_figures_do_not_regress,
    "written67",
    PER_KIND_FLOORS_67,
    recall = 0.974,
    precision = 0.92,
    leak = 0.019
);

const PER_KIND_FLOORS_68: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.73, 0.87, 0.10),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.49, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.89, 0.10),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.01),
    (PiiKind::Handle, 0.49, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.91, 0.92, 0.08),
];

floors_test!(
    written68_figures_do_not_regress,
    "written68",
    PER_KIND_FLOORS_68,
    recall = 0.916,
    precision = 0.81,
    leak = 0.061
);

const PER_KIND_FLOORS_69: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.54, 0.87, 0.03),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.92, 0.93, 0.09),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.97, 0.88, 0.07),
    (PiiKind::DateOfBirth, 0.97, 0.88, 0.15),
    (PiiKind::StreetAddress, 0.97, 0.92, 0.06),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.24, 0.99, 0.01),
];

floors_test!(
    written69_figures_do_not_regress,
    "written69",
    PER_KIND_FLOORS_69,
    recall = 0.937,
    precision = 0.88,
    leak = 0.069
);

const PER_KIND_FLOORS_70: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.82, 0.90, 0.08),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.99, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.74, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.99, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.99, 0.99, 0.01),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.94, 0.95, 0.06),
];

floors_test!(
    written70_figures_do_not_regress,
    "written70",
    PER_KIND_FLOORS_70,
    recall = 0.946,
    precision = 0.89,
    leak = 0.052
);

const PER_KIND_FLOORS_71: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.90, 0.97, 0.03),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.99, 0.94, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.99, 0.01),
    (PiiKind::DateOfBirth, 0.93, 0.99, 0.01),
    (PiiKind::StreetAddress, 0.94, 0.99, 0.01),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.85, 0.90, 0.08),
];

floors_test!(
    written71_figures_do_not_regress,
    "written71",
    PER_KIND_FLOORS_71,
    recall = 0.982,
    precision = 0.93,
    leak = 0.028
);

const PER_KIND_FLOORS_72: &[(PiiKind, f64, f64, f64)] = &[
    (PiiKind::Person, 0.84, 0.80, 0.18),
    (PiiKind::Email, 0.99, 0.99, 0.01),
    (PiiKind::Phone, 0.95, 0.99, 0.01),
    (PiiKind::Url, 0.99, 0.99, 0.01),
    (PiiKind::IpAddress, 0.99, 0.99, 0.01),
    (PiiKind::CreditCard, 0.99, 0.99, 0.01),
    (PiiKind::Iban, 0.99, 0.99, 0.01),
    (PiiKind::UsSsn, 0.99, 0.99, 0.01),
    (PiiKind::EmployeeId, 0.99, 0.91, 0.07),
    (PiiKind::DateOfBirth, 0.99, 0.84, 0.08),
    (PiiKind::StreetAddress, 0.99, 0.89, 0.19),
    (PiiKind::Handle, 0.99, 0.99, 0.01),
    (PiiKind::SelfIdentifying, 0.99, 0.86, 0.11),
];

floors_test!(
    written72_figures_do_not_regress,
    "written72",
    PER_KIND_FLOORS_72,
    recall = 0.887,
    precision = 0.94,
    leak = 0.108
);
