//! `kataloop-admin`: how operators run Kataloop. Each subcommand parses its
//! input, calls one library function and renders the result; exit code 0 on
//! success, 1 on failure, 2 on a usage error.
#![forbid(unsafe_code)]

use std::io::{BufRead, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "kataloop-admin",
    version,
    about = "Operate Kataloop: database, tenants, keys, releases and text tools.",
    after_help = "Examples:\n  kataloop-admin migrate\n  kataloop-admin anonymize --jsonl < texts.jsonl > redacted.jsonl"
)]
struct Cli {
    /// Print one JSON document on stdout instead of readable text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Apply pending database migrations (idempotent) and list what ran.
    #[command(
        after_help = "Example:\n  DATABASE_URL=postgres://kataloop_migrator@db/kataloop kataloop-admin migrate"
    )]
    Migrate {
        /// Owner (migrating) connection URL.
        #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
        database_url: String,
    },
    /// Redact personal data from feedback: JSON lines `{"id", "text"}` on
    /// stdin, one result line per input on stdout.
    #[command(
        after_help = "Example:\n  echo '{\"id\":\"1\",\"text\":\"Ask Maria at maria@acme.com\"}' | kataloop-admin anonymize --jsonl"
    )]
    Anonymize {
        /// Read and write JSON lines (the only mode).
        #[arg(long, required = true)]
        jsonl: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Migrate { database_url } => {
            let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
            let config = kataloop_store::DatabaseConfig::new(database_url);
            let ran = runtime
                .block_on(kataloop_store::run_migrations(&config))
                .map_err(|e| e.to_string())?;
            if cli.json {
                println!("{}", serde_json::json!({ "applied": ran }));
            } else if ran.is_empty() {
                println!("database is up to date");
            } else {
                for version in ran {
                    println!("applied {version}");
                }
            }
            Ok(())
        }
        Command::Anonymize { jsonl: _ } => {
            let policy = kataloop_anonymization::Policy::default();
            for_each_line(|line| kataloop_anonymization::process_jsonl_line(line, &policy))
        }
    }
}

/// Streams stdin to stdout line by line; a line that is not valid UTF-8 or
/// fails is answered by the processor itself, so processing continues.
fn for_each_line(process: impl Fn(&str) -> String) -> Result<(), String> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in stdin.lock().split(b'\n') {
        let line = line.map_err(|e| format!("cannot read stdin: {e}"))?;
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches('\r');
        if text.trim().is_empty() {
            continue;
        }
        writeln!(out, "{}", process(text)).map_err(|e| format!("cannot write stdout: {e}"))?;
    }
    out.flush().map_err(|e| format!("cannot write stdout: {e}"))
}
