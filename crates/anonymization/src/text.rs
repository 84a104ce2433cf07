//! Small text helpers shared by the recognizers.

/// Letters, digits and underscore: what joins characters into one word for
/// boundary checks.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The character just before byte offset `i` (which must be a boundary).
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// The character starting at byte offset `i` (which must be a boundary).
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// True when `text[s..e]` is not glued to a word character on either side.
pub(crate) fn standalone(text: &str, s: usize, e: usize) -> bool {
    char_before(text, s).is_none_or(|c| !is_word_char(c))
        && char_at(text, e).is_none_or(|c| !is_word_char(c))
}

/// Lowercases and folds common Latin diacritics to ASCII, for word-list
/// look-ups ("Müller" -> "muller", "Weiß" -> "weiss"). Writes into `out`.
pub(crate) fn fold_key(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let folded: &str =
            match c {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã'
                | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "a",
                'æ' | 'Æ' => "ae",
                'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
                'ď' | 'đ' | 'Ď' | 'Đ' => "d",
                'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ę'
                | 'Ě' => "e",
                'ğ' | 'Ğ' => "g",
                'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
                'ł' | 'Ł' => "l",
                'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö'
                | 'Ø' | 'Ō' | 'Ő' => "o",
                'œ' | 'Œ' => "oe",
                'ř' | 'Ř' => "r",
                'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => "s",
                'ß' => "ss",
                'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => "t",
                'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů'
                | 'Ű' => "u",
                'ý' | 'ÿ' | 'Ý' => "y",
                'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
                '\u{2019}' => "'",
                _ => {
                    for l in c.to_lowercase() {
                        // Vietnamese vowels with tone marks ("Nguyễn Văn
                        // Hùng").
                        match l {
                            'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ' | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ'
                            | 'ặ' => out.push('a'),
                            'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể' | 'ễ' | 'ệ' => {
                                out.push('e')
                            }
                            'ỉ' | 'ị' | 'ĩ' => out.push('i'),
                            'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ' | 'ỗ' | 'ộ' | 'ớ' | 'ờ' | 'ở' | 'ỡ'
                            | 'ợ' | 'ơ' => out.push('o'),
                            'ụ' | 'ủ' | 'ứ' | 'ừ' | 'ử' | 'ữ' | 'ự' | 'ư' | 'ũ' => {
                                out.push('u')
                            }
                            'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => out.push('y'),
                            _ => out.push(l),
                        }
                    }
                    continue;
                }
            };
        out.push_str(folded);
    }
}

/// Shape of a word token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// "Sarah", "O'Brien", "McAllister".
    Title,
    /// "SMITH" (two or more letters, all upper case).
    Upper,
    /// "sarah".
    Lower,
    /// Anything else ("iPhone", "x2", a single capital "J").
    Other,
}

/// A word: letters and digits with inner apostrophes or hyphens, without a
/// trailing possessive `'s`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub case: Case,
    pub has_digit: bool,
    /// First word of a sentence (or of the text, a line, after a colon).
    pub sentence_start: bool,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-')
}

/// The second character of a title-case word is lowercase or a joiner.
fn second_ok(word: &str) -> bool {
    word.chars()
        .nth(1)
        .is_none_or(|c| c.is_lowercase() || is_joiner(c))
}

/// Splits `text` into word tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut iter = text.char_indices().peekable();
    let mut sentence_start = true;
    while let Some((i, c)) = iter.next() {
        if c.is_alphanumeric() {
            let start = i;
            let mut end = i + c.len_utf8();
            let mut upper = usize::from(c.is_uppercase());
            let mut lower = usize::from(c.is_lowercase());
            let mut digit = c.is_numeric();
            let first_upper = c.is_uppercase();
            let mut rest_upper = false;
            loop {
                match iter.peek().copied() {
                    Some((j, d)) if d.is_alphanumeric() => {
                        iter.next();
                        end = j + d.len_utf8();
                        if d.is_uppercase() {
                            upper += 1;
                            rest_upper = true;
                        }
                        if d.is_lowercase() {
                            lower += 1;
                        }
                        digit |= d.is_numeric();
                    }
                    Some((j, d)) if is_joiner(d) => {
                        // Joiner only if followed by an alphanumeric char.
                        let after = text[j + d.len_utf8()..].chars().next();
                        if after.is_some_and(char::is_alphanumeric) {
                            iter.next();
                            end = j + d.len_utf8();
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            // Drop a possessive 's / ’s.
            let word = &text[start..end];
            for suffix in ["'s", "\u{2019}s", "'S"] {
                if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
                    end -= suffix.len();
                    break;
                }
            }
            let case = if upper >= 2 && lower == 0 {
                Case::Upper
            } else if first_upper && lower > 0 && !digit && second_ok(&text[start..end]) {
                // Title case allows inner capitals later ("McAllister",
                // "O'Brien") but not plural acronyms ("DMs", "APIs").
                let _ = rest_upper;
                Case::Title
            } else if upper == 0 && lower > 0 {
                Case::Lower
            } else {
                Case::Other
            };
            tokens.push(Token {
                start,
                end,
                case,
                has_digit: digit,
                sentence_start,
            });
            sentence_start = false;
        } else {
            match c {
                '.' | '!' | '?' | '\n' | ':' | ';' | '•' | '*' | '"' | '\u{201C}' => {
                    // A period inside an initial ("J. Alvarez") or a title
                    // ("Dr. Patel") is handled by the name recognizer.
                    sentence_start = true;
                }
                _ => {}
            }
        }
    }
    tokens
}

/// Counts Unicode code points in `text[..byte]`.
pub(crate) fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}
