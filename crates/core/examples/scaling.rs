//! Parse and render time against input size: the seed article's body
//! repeated ×1, ×10 and ×100, and Markdown nested 1,000 to 100,000 deep.
//! Run with `cargo run --release -p folio-core --example scaling`.

use std::time::{Duration, Instant};

use serde_json::Value;

/// The median of `runs` timings of `work`.
fn median(runs: usize, mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn report(label: &str, bytes: usize, time: Duration) {
    let per_kb = time.as_secs_f64() * 1e6 / (bytes as f64 / 1024.0);
    println!(
        "{label:<28} {:>9} bytes {time:>12.2?}  {per_kb:>7.1} µs/KB",
        bytes
    );
}

fn main() {
    let sample: Value =
        serde_json::from_str(include_str!("../../../www/sample/article.json")).expect("sample");
    let body = sample["body"].as_str().expect("body");
    println!("JSON → checked article → Markdown render tree, median of 15 runs:");
    for times in [1, 10, 100] {
        let mut article = sample.clone();
        article["body"] = Value::from(vec![body; times].join("\n\n"));
        let json = article.to_string();
        let time = median(15, || {
            let parsed = folio_core::model::parse(&json).expect("valid");
            std::hint::black_box(folio_core::markdown::render(
                parsed.body.as_deref().unwrap_or_default(),
            ));
        });
        report(&format!("seed body ×{times}"), json.len(), time);
    }
    println!("\nMarkdown nested n deep (flattened past 32), median of 5 runs:");
    for n in [1_000, 10_000, 100_000] {
        for (kind, markdown) in [
            ("lists", "- ".repeat(n) + "x"),
            ("quotes", ">".repeat(n) + " x"),
            ("emphasis", "*".repeat(n) + "x" + &"*".repeat(n)),
        ] {
            let time = median(5, || {
                std::hint::black_box(folio_core::markdown::render(&markdown));
            });
            report(&format!("{kind} ×{n}"), markdown.len(), time);
        }
    }
}
