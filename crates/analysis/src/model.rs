//! The trained models: multinomial logistic regression over hashed features,
//! one for themes (12 classes) and one for sentence sentiment (3 classes),
//! trained with AdaGrad in a fixed order, quantised to 8 bits, and serialised
//! to a compact binary that ships in the crate.
//!
//! Training is deterministic: the same corpus gives byte-identical weights.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::features::{self, Features, DIM, DIM_BITS};
use crate::lexicon::Lexicon;
use crate::taxonomy::Theme;
use crate::text::{tokenize, Sentence};

/// Sentiment label of a training text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Negative,
    Neutral,
    Positive,
}

impl Polarity {
    /// Class index in the sentiment model.
    pub fn index(self) -> usize {
        match self {
            Polarity::Negative => 0,
            Polarity::Neutral => 1,
            Polarity::Positive => 2,
        }
    }

    /// The 3-class bucket of a score: negative ≤ -0.05 < neutral < 0.05 ≤ positive.
    pub fn of_score(score: f32) -> Polarity {
        if score <= -0.05 {
            Polarity::Negative
        } else if score < 0.05 {
            Polarity::Neutral
        } else {
            Polarity::Positive
        }
    }
}

/// One labelled training text, as in `corpus/train.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelledText {
    pub text: String,
    pub theme: Theme,
    pub sentiment: Polarity,
    /// Held out of training; used to calibrate the confidence temperature.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub holdout: bool,
    /// How much the item counts in training (hand-written items count more
    /// than template-generated ones). Defaults to 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub weight: f32,
}

fn one() -> f32 {
    1.0
}

fn is_one(w: &f32) -> bool {
    *w == 1.0
}

/// A corpus line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("corpus line {line}: {message}")]
pub struct CorpusError {
    pub line: usize,
    pub message: String,
}

/// Parses a JSONL corpus (one `LabelledText` per non-empty line).
pub fn parse_corpus(jsonl: &str) -> Result<Vec<LabelledText>, CorpusError> {
    jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| CorpusError {
                line: i + 1,
                message: e.to_string(),
            })
        })
        .collect()
}

/// Why model bytes were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("not a kataloop-analysis model (bad magic)")]
    BadMagic,
    #[error("unsupported model version {0}")]
    Version(u8),
    #[error("model was built for 2^{0} hash buckets, this build uses 2^{DIM_BITS}")]
    Dimension(u8),
    #[error("model data is truncated or malformed")]
    Truncated,
}

const MAGIC: &[u8; 4] = b"KTLA";
const VERSION: u8 = 1;

/// One quantised linear layer: `classes` logits from hashed features.
#[derive(Clone, PartialEq)]
pub(crate) struct Linear {
    classes: usize,
    scale: f32,
    bias: Vec<f32>,
    /// Non-zero rows, ascending bucket order.
    rows: Vec<u32>,
    /// `rows.len() * classes` quantised weights.
    quantised: Vec<i8>,
    /// Dense dequantised weights, `DIM * classes`.
    dense: Vec<f32>,
}

impl Linear {
    fn from_quantised(
        classes: usize,
        scale: f32,
        bias: Vec<f32>,
        rows: Vec<u32>,
        quantised: Vec<i8>,
    ) -> Self {
        let mut dense = vec![0f32; DIM * classes];
        for (r, &bucket) in rows.iter().enumerate() {
            let base = bucket as usize * classes;
            for c in 0..classes {
                dense[base + c] = f32::from(quantised[r * classes + c]) * scale;
            }
        }
        Linear {
            classes,
            scale,
            bias,
            rows,
            quantised,
            dense,
        }
    }

    fn quantise(classes: usize, weights: &[f32], bias: Vec<f32>) -> Self {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        let mut rows = Vec::new();
        let mut quantised = Vec::new();
        for bucket in 0..DIM {
            let row = &weights[bucket * classes..(bucket + 1) * classes];
            let q: Vec<i8> = row
                .iter()
                .map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8)
                .collect();
            if q.iter().any(|&x| x != 0) {
                rows.push(bucket as u32);
                quantised.extend_from_slice(&q);
            }
        }
        Linear::from_quantised(classes, scale, bias, rows, quantised)
    }

    /// Raw logits.
    pub(crate) fn logits(&self, f: &Features, out: &mut [f32]) {
        out[..self.classes].copy_from_slice(&self.bias);
        for &(bucket, v) in f {
            let base = bucket as usize * self.classes;
            let row = &self.dense[base..base + self.classes];
            for (o, w) in out.iter_mut().zip(row) {
                *o += w * v;
            }
        }
    }

    /// The weight of one bucket for one class.
    pub(crate) fn weight(&self, bucket: u32, class: usize) -> f32 {
        self.dense[bucket as usize * self.classes + class]
    }

    fn write(&self, out: &mut Vec<u8>) {
        out.push(self.classes as u8);
        out.extend_from_slice(&self.scale.to_le_bytes());
        for b in &self.bias {
            out.extend_from_slice(&b.to_le_bytes());
        }
        out.extend_from_slice(&(self.rows.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for (r, &bucket) in self.rows.iter().enumerate() {
            write_varint(out, bucket - prev);
            prev = bucket;
            for &q in &self.quantised[r * self.classes..(r + 1) * self.classes] {
                out.push(q as u8);
            }
        }
    }

    fn read(input: &mut Reader<'_>) -> Result<Self, ModelError> {
        let classes = usize::from(input.u8()?);
        if classes == 0 || classes > 64 {
            return Err(ModelError::Truncated);
        }
        let scale = input.f32()?;
        let bias = (0..classes)
            .map(|_| input.f32())
            .collect::<Result<Vec<_>, _>>()?;
        let n = input.u32()? as usize;
        if n > DIM {
            return Err(ModelError::Truncated);
        }
        let mut rows = Vec::with_capacity(n);
        let mut quantised = Vec::with_capacity(n * classes);
        let mut bucket = 0u32;
        for r in 0..n {
            let delta = input.varint()?;
            bucket = bucket.checked_add(delta).ok_or(ModelError::Truncated)?;
            if bucket as usize >= DIM || (r > 0 && delta == 0) {
                return Err(ModelError::Truncated);
            }
            rows.push(bucket);
            for _ in 0..classes {
                quantised.push(input.u8()? as i8);
            }
        }
        if !scale.is_finite() || bias.iter().any(|b| !b.is_finite()) {
            return Err(ModelError::Truncated);
        }
        Ok(Linear::from_quantised(
            classes, scale, bias, rows, quantised,
        ))
    }
}

fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.bytes.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn varint(&mut self) -> Result<u32, ModelError> {
        let mut v = 0u32;
        for shift in [0, 7, 14, 21, 28] {
            let byte = self.u8()?;
            v |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Truncated)
    }
}

/// The trained weights: theme classifier, sentence sentiment classifier and
/// the confidence temperature.
#[derive(Clone, PartialEq)]
pub struct Model {
    pub(crate) theme: Linear,
    pub(crate) sentiment: Linear,
    pub(crate) temperature: f32,
}

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Model")
            .field("theme_rows", &self.theme.rows.len())
            .field("sentiment_rows", &self.sentiment.rows.len())
            .field("temperature", &self.temperature)
            .finish()
    }
}

const SHIPPED: &[u8] = include_bytes!("../data/model.bin");

impl Model {
    /// The weights that ship with the crate (trained from `corpus/train.jsonl`).
    pub fn shipped() -> Model {
        match Model::from_bytes(SHIPPED) {
            Ok(m) => m,
            // The shipped bytes are checked by tests; this arm is unreachable
            // in a tested build, and an untrained model is still safe to use.
            Err(_) => Model::untrained(),
        }
    }

    /// A model with all-zero weights (every theme equally likely, neutral sentiment).
    pub fn untrained() -> Model {
        Model {
            theme: Linear::quantise(
                Theme::ALL.len(),
                &vec![0.0; DIM * Theme::ALL.len()],
                vec![0.0; 12],
            ),
            sentiment: Linear::quantise(3, &vec![0.0; DIM * 3], vec![0.0; 3]),
            temperature: 1.0,
        }
    }

    /// Serialises the model (little-endian, varint-delta rows, 8-bit weights).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(1 << 20);
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.push(DIM_BITS as u8);
        out.extend_from_slice(&self.temperature.to_le_bytes());
        self.theme.write(&mut out);
        self.sentiment.write(&mut out);
        out
    }

    /// Reads a model written by `to_bytes`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = r.u8()?;
        if version != VERSION {
            return Err(ModelError::Version(version));
        }
        let bits = r.u8()?;
        if u32::from(bits) != DIM_BITS {
            return Err(ModelError::Dimension(bits));
        }
        let temperature = r.f32()?;
        let theme = Linear::read(&mut r)?;
        let sentiment = Linear::read(&mut r)?;
        if theme.classes != Theme::ALL.len() || sentiment.classes != 3 {
            return Err(ModelError::Truncated);
        }
        if !(temperature.is_finite() && temperature > 0.0) || r.pos != bytes.len() {
            return Err(ModelError::Truncated);
        }
        Ok(Model {
            theme,
            sentiment,
            temperature,
        })
    }

    /// Confidence temperature fitted on the held-out calibration items.
    pub fn temperature(&self) -> f32 {
        self.temperature
    }
}

/// Softmax in place.
pub(crate) fn softmax(x: &mut [f32]) {
    let max = x.iter().fold(f32::NEG_INFINITY, |m, &v| m.max(v));
    let mut sum = 0.0;
    for v in x.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    if sum > 0.0 && sum.is_finite() {
        for v in x.iter_mut() {
            *v /= sum;
        }
    } else {
        let n = x.len() as f32;
        x.iter_mut().for_each(|v| *v = 1.0 / n);
    }
}

/// Theme features of a text.
pub(crate) fn theme_features_of(text: &str) -> Features {
    let t = tokenize(text);
    let stems = features::stems(&t.tokens);
    features::theme_features(&t.tokens, &stems, &t.sentences)
}

/// Sentiment features of a training text that is a single sentence.
fn sentiment_features_of(text: &str) -> Option<Features> {
    let t = tokenize(text);
    let [s]: [Sentence; 1] = t.sentences.as_slice().try_into().ok()?;
    let stems = features::stems(&t.tokens);
    let lex = Lexicon::get().score(&t.tokens, &s);
    Some(features::sentiment_features(
        &t.tokens,
        &stems,
        s.start,
        s.end,
        s.questions,
        &lex,
    ))
}

/// Training hyper-parameters (fixed: part of what makes training reproducible).
#[derive(Debug, Clone, Copy)]
struct Hyper {
    epochs: usize,
    learning_rate: f32,
    l2: f32,
}
const THEME_HYPER: Hyper = Hyper {
    epochs: 14,
    learning_rate: 0.5,
    l2: 1e-5,
};
// Stronger L2 than the theme model: sentence sentiment over-fitted to
// template wording (confidently wrong on praise that names the old
// problem); 3e-3 was best on the held-out split among 1e-4..1e-2.
const SENTIMENT_HYPER: Hyper = Hyper {
    epochs: 8,
    learning_rate: 0.3,
    l2: 3e-3,
};
const MIN_DOC_FREQ: u32 = 2;
const SEED: u64 = 0x6b61_7461_6c6f_6f70;

/// Small deterministic generator for the epoch shuffles.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// Drops buckets seen in fewer than `MIN_DOC_FREQ` training texts.
fn prune(examples: &mut [Example]) {
    let mut df = vec![0u32; DIM];
    let mut seen = Vec::new();
    for (f, _, _) in examples.iter() {
        seen.clear();
        seen.extend(f.iter().map(|&(b, _)| b));
        seen.sort_unstable();
        seen.dedup();
        for &b in &seen {
            df[b as usize] += 1;
        }
    }
    for (f, _, _) in examples.iter_mut() {
        f.retain(|&(b, _)| df[b as usize] >= MIN_DOC_FREQ);
    }
}

/// A training example: features, class, weight.
type Example = (Features, usize, f32);

/// Multinomial logistic regression with AdaGrad; returns dense weights and bias.
/// Number of shuffle orders whose models are averaged (bagging over
/// orders: lowers the variance that SGD order adds).
const ORDERS: u64 = 3;

/// Fits `ORDERS` models with different shuffle seeds and averages them.
fn fit(examples: &[Example], classes: usize, hyper: Hyper) -> (Vec<f32>, Vec<f32>) {
    let mut w = vec![0f32; DIM * classes];
    let mut b = vec![0f32; classes];
    for k in 0..ORDERS {
        let (wk, bk) = fit_one(
            examples,
            classes,
            hyper,
            SEED ^ k.wrapping_mul(0x9e37_79b9_7f4a_7c15),
        );
        for (a, x) in w.iter_mut().zip(&wk) {
            *a += x / ORDERS as f32;
        }
        for (a, x) in b.iter_mut().zip(&bk) {
            *a += x / ORDERS as f32;
        }
    }
    (w, b)
}

fn fit_one(examples: &[Example], classes: usize, hyper: Hyper, seed: u64) -> (Vec<f32>, Vec<f32>) {
    let mut w = vec![0f32; DIM * classes];
    let mut g2 = vec![0f32; DIM * classes];
    let mut bias = vec![0f32; classes];
    let mut bias_g2 = vec![0f32; classes];
    // Balance classes: each class carries the same total weight.
    let mut counts = vec![0f32; classes];
    for (_, y, w) in examples {
        counts[*y] += w;
    }
    let n: f32 = counts.iter().sum::<f32>().max(1.0);
    let class_weight: Vec<f32> = counts
        .iter()
        .map(|&c| {
            if c == 0.0 {
                0.0
            } else {
                n / (classes as f32 * c)
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = XorShift(seed | 1);
    let mut p = vec![0f32; classes];
    const EPS: f32 = 1e-6;
    // Averaged SGD: the result is the mean of the weights at the end of each
    // epoch in the second half of training (smoother, generalises better).
    let mut avg_w = vec![0f32; w.len()];
    let mut avg_b = vec![0f32; classes];
    let mut averaged = 0u32;
    for epoch in 0..hyper.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &k in &order {
            let (f, y, weight) = &examples[k];
            p.copy_from_slice(&bias);
            for &(b, v) in f {
                let base = b as usize * classes;
                for c in 0..classes {
                    p[c] += w[base + c] * v;
                }
            }
            softmax(&mut p);
            let cw = class_weight[*y] * weight;
            for (c, pc) in p.iter_mut().enumerate() {
                *pc = (*pc - if c == *y { 1.0 } else { 0.0 }) * cw;
            }
            for &(b, v) in f {
                let base = b as usize * classes;
                let rows = w[base..base + classes]
                    .iter_mut()
                    .zip(&mut g2[base..base + classes]);
                for ((wi, gi), pc) in rows.zip(&p) {
                    let g = pc * v + hyper.l2 * *wi;
                    *gi += g * g;
                    *wi -= hyper.learning_rate * g / (gi.sqrt() + EPS);
                }
            }
            for ((bc, gc), &g) in bias.iter_mut().zip(bias_g2.iter_mut()).zip(&p) {
                *gc += g * g;
                *bc -= hyper.learning_rate * g / (gc.sqrt() + EPS);
            }
        }
        if epoch >= hyper.epochs / 2 {
            for (a, x) in avg_w.iter_mut().zip(&w) {
                *a += x;
            }
            for (a, x) in avg_b.iter_mut().zip(&bias) {
                *a += x;
            }
            averaged += 1;
        }
    }
    let n = averaged.max(1) as f32;
    avg_w.iter_mut().for_each(|a| *a /= n);
    avg_b.iter_mut().for_each(|a| *a /= n);
    (avg_w, avg_b)
}

/// Temperature that minimises the negative log-likelihood of the held-out
/// items (grid search; 1.0 when there are none).
fn fit_temperature(theme: &Linear, holdout: &[(Features, usize)]) -> f32 {
    if holdout.is_empty() {
        return 1.0;
    }
    let logits: Vec<(Vec<f32>, usize)> = holdout
        .iter()
        .map(|(f, y)| {
            let mut l = vec![0f32; theme.classes];
            theme.logits(f, &mut l);
            (l, *y)
        })
        .collect();
    let mut best = (f32::INFINITY, 1.0f32);
    for step in 0..=150 {
        let t = 0.25 + step as f32 * 0.05;
        let mut nll = 0f32;
        let mut p = vec![0f32; theme.classes];
        for (l, y) in &logits {
            for (o, v) in p.iter_mut().zip(l) {
                *o = v / t;
            }
            softmax(&mut p);
            nll -= p[*y].max(1e-7).ln();
        }
        if nll < best.0 {
            best = (nll, t);
        }
    }
    best.1
}

/// Weights outside (0, 100] (or not finite) count as 1.
fn sane_weight(w: f32) -> f32 {
    if w.is_finite() && w > 0.0 && w <= 100.0 {
        w
    } else {
        1.0
    }
}

/// Trains both models on the non-holdout items of `corpus` and fits the
/// confidence temperature on the holdout items. Deterministic: the same
/// corpus in the same order gives byte-identical `Model::to_bytes()`.
pub fn train(corpus: &[LabelledText]) -> Model {
    let training: Vec<&LabelledText> = corpus.iter().filter(|t| !t.holdout).collect();
    let mut theme_examples: Vec<Example> = training
        .iter()
        .map(|t| {
            (
                theme_features_of(&t.text),
                t.theme.index(),
                sane_weight(t.weight),
            )
        })
        .collect();
    prune(&mut theme_examples);
    let (w, b) = fit(&theme_examples, Theme::ALL.len(), THEME_HYPER);
    let theme = Linear::quantise(Theme::ALL.len(), &w, b);
    drop(w);

    // Sentiment is scored per sentence, so it is trained on single-sentence
    // items only (a multi-sentence item's label is an average that no one
    // sentence carries).
    let mut sentiment_examples: Vec<Example> = training
        .iter()
        .filter_map(|t| {
            sentiment_features_of(&t.text).map(|f| (f, t.sentiment.index(), sane_weight(t.weight)))
        })
        .collect();
    prune(&mut sentiment_examples);
    let (w, b) = fit(&sentiment_examples, 3, SENTIMENT_HYPER);
    let sentiment = Linear::quantise(3, &w, b);

    let holdout: Vec<(Features, usize)> = corpus
        .iter()
        .filter(|t| t.holdout)
        .map(|t| (theme_features_of(&t.text), t.theme.index()))
        .collect();
    let temperature = fit_temperature(&theme, &holdout);
    Model {
        theme,
        sentiment,
        temperature,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip() {
        let m = Model::shipped();
        let bytes = m.to_bytes();
        assert_eq!(Model::from_bytes(&bytes).ok().as_ref(), Some(&m));
        assert_eq!(bytes.as_slice(), SHIPPED);
    }

    #[test]
    fn refuses_garbage() {
        assert_eq!(Model::from_bytes(b"nope").err(), Some(ModelError::BadMagic));
        assert!(Model::from_bytes(&SHIPPED[..SHIPPED.len() / 2]).is_err());
        assert!(Model::from_bytes(&[]).is_err());
    }

    #[test]
    fn polarity_buckets() {
        assert_eq!(Polarity::of_score(-0.05), Polarity::Negative);
        assert_eq!(Polarity::of_score(0.0), Polarity::Neutral);
        assert_eq!(Polarity::of_score(0.049), Polarity::Neutral);
        assert_eq!(Polarity::of_score(0.05), Polarity::Positive);
    }
}
