//! Side-by-side measurement: A and B alternate (A B A B ...), and the
//! figure is the median of the per-pair ratios, so that a noisy neighbour
//! slows both sides of a pair alike.

use std::future::Future;
use std::time::{Duration, Instant};

/// Times of each side of every pair.
#[derive(Debug, Clone, Default)]
pub struct Pairs {
    pub a: Vec<Duration>,
    pub b: Vec<Duration>,
}

impl Pairs {
    /// Median of `a[i] / b[i]`.
    pub fn median_ratio(&self) -> f64 {
        let mut r: Vec<f64> = self
            .a
            .iter()
            .zip(&self.b)
            .map(|(a, b)| a.as_secs_f64() / b.as_secs_f64().max(1e-12))
            .collect();
        median(&mut r)
    }

    pub fn median_a(&self) -> Duration {
        median_duration(&self.a)
    }

    pub fn median_b(&self) -> Duration {
        median_duration(&self.b)
    }
}

pub fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn median_duration(values: &[Duration]) -> Duration {
    let mut secs: Vec<f64> = values.iter().map(Duration::as_secs_f64).collect();
    Duration::from_secs_f64(median(&mut secs).max(0.0))
}

/// Runs `pairs` rounds of A then B; each side's closure does one sample's
/// work and the harness times it.
pub async fn interleave<FA, FB, RA, RB>(pairs: usize, mut a: FA, mut b: FB) -> Result<Pairs, String>
where
    FA: FnMut() -> RA,
    FB: FnMut() -> RB,
    RA: Future<Output = Result<(), String>>,
    RB: Future<Output = Result<(), String>>,
{
    let mut out = Pairs::default();
    // One untimed round warms caches and connections on both sides.
    a().await?;
    b().await?;
    for _ in 0..pairs {
        let t = Instant::now();
        a().await?;
        out.a.push(t.elapsed());
        let t = Instant::now();
        b().await?;
        out.b.push(t.elapsed());
    }
    Ok(out)
}

/// How a ratio is judged against its goal.
#[derive(Debug, Clone, Copy)]
pub enum Goal {
    AtLeast(f64),
    AtMost(f64),
    /// Reported beside a reference that cannot run in the same process;
    /// no pass or fail.
    Informational,
}

/// One line of the results table.
#[derive(Debug, Clone)]
pub struct Row {
    pub workload: String,
    pub measured: String,
    pub reference: String,
    pub ratio: f64,
    pub goal: Goal,
}

impl Row {
    pub fn verdict(&self) -> &'static str {
        match self.goal {
            Goal::AtLeast(g) if self.ratio >= g => "pass",
            Goal::AtMost(g) if self.ratio <= g => "pass",
            Goal::Informational => "n/a",
            _ => "FAIL",
        }
    }
}

pub fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| workload | measured | reference | ratio | goal | result |\n|---|---|---|---|---|---|\n",
    );
    for r in rows {
        let goal = match r.goal {
            Goal::AtLeast(g) => format!("≥ {g}"),
            Goal::AtMost(g) => format!("≤ {g}"),
            Goal::Informational => "—".to_owned(),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {:.2} | {} | {} |\n",
            r.workload,
            r.measured,
            r.reference,
            r.ratio,
            goal,
            r.verdict()
        ));
    }
    out
}

pub fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

pub fn us(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_ratios_ignores_one_noisy_pair() {
        let p = Pairs {
            a: [10, 10, 10, 90, 10].map(Duration::from_millis).to_vec(),
            b: [5, 5, 5, 5, 5].map(Duration::from_millis).to_vec(),
        };
        assert!((p.median_ratio() - 2.0).abs() < 1e-9);
    }

    #[test]
    fn verdicts_follow_the_goal_direction() {
        let row = |ratio, goal| Row {
            workload: String::new(),
            measured: String::new(),
            reference: String::new(),
            ratio,
            goal,
        };
        assert_eq!(row(0.6, Goal::AtLeast(0.5)).verdict(), "pass");
        assert_eq!(row(0.4, Goal::AtLeast(0.5)).verdict(), "FAIL");
        assert_eq!(row(1.04, Goal::AtMost(1.05)).verdict(), "pass");
        assert_eq!(row(1.3, Goal::AtMost(1.2)).verdict(), "FAIL");
    }
}
