//! `kataloop-bench`: starts what it needs (a private PostgreSQL cluster as
//! in dev mode, or the server `DATABASE_URL` names), loads synthetic data,
//! runs the workloads with A and B interleaved, and prints a markdown table
//! of measured figure, reference, ratio, goal and verdict. Never part of
//! `cargo test`. See docs/benchmarks.md.
#![forbid(unsafe_code)]

mod data;
mod env;
mod http;
mod load;
mod measure;
mod server;
mod soak;
mod workloads;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::measure::{table, Row};
use crate::workloads::Size;

#[derive(Parser, Debug)]
#[command(name = "kataloop-bench", about = "Kataloop's benchmark harness")]
struct Cli {
    /// Where the private cluster and keys live.
    #[arg(long, default_value = ".kataloop-bench", global = true)]
    dir: PathBuf,
    /// Fewer pairs and smaller data: under 3 minutes on 2 cores.
    #[arg(long, global = true)]
    quick: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug, Clone)]
enum Command {
    /// Every workload.
    All,
    /// Chosen workloads.
    Run {
        #[arg(value_enum, required = true)]
        workloads: Vec<Workload>,
    },
    /// Load and soak: mixed traffic for minutes under production rate
    /// limits; memory, descriptors and connections must stay flat.
    Soak {
        #[arg(long, default_value_t = 10.0)]
        minutes: f64,
    },
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Workload {
    /// 3: RLS tax on the dashboard SQL and the ride insert.
    Rls,
    /// 6: release for 100k rides vs SQL GROUP BY.
    Release,
    /// 8: text pipeline throughput.
    Text,
    /// 9: pool overhead.
    Pool,
    /// 1 (and 7): submissions over HTTPS against the hashing ceiling.
    Submit,
    /// 2, 4, 5 (and 7): the manager dashboard over HTTPS.
    Dashboard,
}

const ALL: [Workload; 6] = [
    Workload::Text,
    Workload::Pool,
    Workload::Rls,
    Workload::Release,
    Workload::Submit,
    Workload::Dashboard,
];

async fn run(cli: &Cli) -> Result<Vec<Row>, String> {
    let size = Size {
        pairs: if cli.quick { 5 } else { 15 },
        quick: cli.quick,
    };
    let chosen: Vec<Workload> = match &cli.command {
        Command::All => ALL.to_vec(),
        Command::Run { workloads } => workloads.clone(),
        Command::Soak { minutes } => {
            eprintln!("preparing the databases ...");
            let env = env::BenchEnv::start(&cli.dir).await?;
            let result = soak::soak(&env, *minutes).await;
            env.stop().await;
            let (rows, report) = result?;
            println!("{report}");
            return Ok(rows);
        }
    };
    let mut rows = Vec::new();
    if chosen.contains(&Workload::Text) {
        eprintln!("workload 8: text pipeline");
        rows.extend(workloads::text(size)?);
    }
    let needs_db = chosen.iter().any(|w| *w != Workload::Text);
    if !needs_db {
        return Ok(rows);
    }
    eprintln!("preparing the databases ...");
    let env = env::BenchEnv::start(&cli.dir).await?;
    let result = async {
        let mut rows = Vec::new();
        let serving = chosen
            .iter()
            .any(|w| matches!(w, Workload::Submit | Workload::Dashboard));
        let server = if serving {
            Some(server::Server::start(&env).await?)
        } else {
            None
        };
        for w in &chosen {
            match w {
                Workload::Text => {}
                Workload::Pool => {
                    eprintln!("workload 9: pool overhead");
                    rows.extend(workloads::pool(&env, size).await?);
                }
                Workload::Rls => {
                    eprintln!("workload 3: RLS tax");
                    rows.extend(workloads::rls_tax(&env, size).await?);
                }
                Workload::Release => {
                    eprintln!("workload 6: release vs SQL");
                    rows.extend(workloads::release(&env, size).await?);
                }
                Workload::Submit => {
                    if let Some(server) = &server {
                        eprintln!("workload 1: submissions");
                        rows.extend(load::submissions(&env, server, size).await?);
                    }
                }
                Workload::Dashboard => {
                    if let Some(server) = &server {
                        eprintln!("workloads 2, 4, 5: dashboard");
                        rows.extend(load::dashboard(&env, server, size).await?);
                    }
                }
            }
        }
        if let Some(server) = server {
            rows.push(load::memory(&server));
            server.stop();
        }
        Ok::<_, String>(rows)
    }
    .await;
    env.stop().await;
    rows.extend(result?);
    Ok(rows)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("kataloop-bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(&cli)) {
        Ok(rows) => {
            println!("{}", table(&rows));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("kataloop-bench: {e}");
            ExitCode::FAILURE
        }
    }
}
