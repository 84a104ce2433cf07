//! Prints theme, confidence, secondary theme, sentiment and summary for each
//! line of standard input.
//!
//! ```sh
//! echo "The VPN drops every hour" | cargo run -p kataloop-analysis --example classify
//! ```

use std::io::BufRead;

fn main() {
    let a = kataloop_analysis::Analyzer::shipped();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let r = a.analyze(&line);
        println!(
            "{} {:.2} {:?} {:+.2} {:?} | {}",
            r.theme, r.confidence, r.secondary_theme, r.sentiment, r.keyphrases, r.summary
        );
    }
}
