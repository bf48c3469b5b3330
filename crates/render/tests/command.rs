//! `folio render` run by a careless operator on careless input: a bad
//! support block is reported as the widget reports it, what is published
//! is the article as the model knows it, no output holds a character HTML
//! forbids, and the command refuses a dangerous base, a symbolic link in
//! its way and an endless input, each with a message.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use folio_render::{self as render, Options};
use serde_json::{Value, json};

#[path = "shared/nu.rs"]
mod nu;

fn seed() -> Value {
    let text = std::fs::read_to_string("../../www/sample/article.json").unwrap();
    serde_json::from_str(&text).unwrap()
}

fn folio() -> Command {
    Command::new(env!("CARGO_BIN_EXE_folio"))
}

/// A folder of its own for one test, emptied.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `folio render ARGS FILE` on `article` written to a file in `dir`.
fn render_file(dir: &Path, article: &[u8], args: &[&str]) -> (Output, PathBuf) {
    let path = dir.join("story.json");
    std::fs::write(&path, article).unwrap();
    let output = folio()
        .arg("render")
        .args(args)
        .arg(&path)
        .output()
        .unwrap();
    (output, path)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The data block of an embed.
fn data_block(embed: &str) -> &str {
    let start = "</template><script type=\"application/json\">";
    let from = embed.find(start).expect("a data block") + start.len();
    &embed[from..from + embed[from..].find("</script>").expect("its end")]
}

#[test]
fn a_bad_support_block_is_reported_with_its_file_and_field_and_the_article_still_written() {
    let dir = scratch("support");
    let mut article = seed();
    article["support"]["amounts"][1]["value"] = json!(-2);
    let text = article.to_string();
    let (run, path) = render_file(&dir, text.as_bytes(), &[]);
    assert_eq!(run.status.code(), Some(1), "the run fails");
    assert_eq!(
        stderr(&run).trim(),
        format!(
            "{}: `support.amounts[1].value` must be more than 0 (it is -2).",
            path.display()
        )
    );
    let html = String::from_utf8(run.stdout).unwrap();
    assert!(
        html.contains("<h1 class=\"folio-headline\">"),
        "the article is written"
    );
    assert!(!html.contains("class=\"folio-banner") && !html.contains("data-island=\""));
    assert!(!data_block(&html).contains("\"support\""), "nor published");

    // With the prompt off, as in the widget, there is nothing to report.
    let (off, _) = render_file(&dir, text.as_bytes(), &["--support", "off"]);
    assert!(off.status.success(), "{}", stderr(&off));
    assert_eq!(stderr(&off), "");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_output_publishes_the_article_as_the_model_knows_it_and_nothing_else() {
    let mut article = seed();
    let secret = "CMS note: embargoed until Monday, do not publish";
    article["internalNote"] = json!(secret);
    article["image"]["cmsId"] = json!(secret);
    article["support"]["editorNote"] = json!(secret);
    // Unknown fields take most of the input.
    article["cmsHistory"] = json!(vec!["x".repeat(60_000); 200]);
    let text = article.to_string();
    assert!(text.len() > 12_000_000);
    let options = |output| Options {
        output,
        assets: "https://cdn.example/folio/".into(),
        ..Options::default()
    };
    use render::Output::{Embed, Oembed, Page, Plain};
    for output in [Embed, Page, Plain, Oembed] {
        let rendered = render::render(&text, &options(output)).unwrap().text;
        assert!(!rendered.contains("CMS note"), "{output:?}");
        assert!(!rendered.contains("xxxxxxxxxx"), "{output:?}");
        assert!(
            rendered.len() < 100_000,
            "{output:?}: {} bytes",
            rendered.len()
        );
    }
    let embed = render::render(&text, &options(Embed)).unwrap().text;
    let published: Value = serde_json::from_str(data_block(&embed)).unwrap();
    let mut known = seed();
    // What the model knows, as it knows it: amounts are numbers, and an
    // amount's frequency is written out.
    for amount in known["support"]["amounts"].as_array_mut().unwrap() {
        amount["value"] = json!(amount["value"].as_f64().unwrap());
        if amount.get("frequency").is_none() {
            amount["frequency"] = json!("once");
        }
    }
    assert_eq!(published, known);
    assert_eq!(
        folio_core::model::parse(data_block(&embed)).unwrap(),
        folio_core::model::parse(&text).unwrap(),
        "the published JSON reads back to the same article"
    );
}

#[test]
fn no_output_holds_a_character_html_forbids() {
    let mut article = seed();
    article["id"] = json!("story\u{0}1");
    article["headline"] = json!("Null\u{0} and bell\u{7} and delete\u{7f} and C1\u{85}");
    article["kicker"] = json!("Non\u{fdd0}character\u{ffff}");
    article["image"]["alt"] = json!("\u{1}Two men\u{0}");
    article["standfirst"] = json!("Vertical\u{b}tab, kept\ttab and\nline");
    let text = article.to_string();
    assert!(text.contains("\\u0000"), "JSON escapes the NUL");
    let dir = scratch("characters");
    let mut files = Vec::new();
    let options = |output| Options {
        output,
        assets: "https://cdn.example/folio/".into(),
        ..Options::default()
    };
    let document = |body: &str| {
        format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title></head><body>{body}</body></html>"
        )
    };
    use render::Output::{Embed, Oembed, Page, Plain};
    for output in [Embed, Page, Plain, Oembed] {
        let rendered = render::render(&text, &options(output)).unwrap().text;
        let bad: Vec<char> = rendered
            .chars()
            .filter(|&c| {
                (c < ' ' && !"\t\n\r\x0c".contains(c))
                    || ('\u{7f}'..='\u{9f}').contains(&c)
                    || ('\u{fdd0}'..='\u{fdef}').contains(&c)
                    || u32::from(c) & 0xfffe == 0xfffe
            })
            .collect();
        assert_eq!(bad, Vec::<char>::new(), "{output:?}");
        assert!(!rendered.contains("\\u0000"), "{output:?}: no escaped NUL");
        let html = match output {
            Oembed => {
                let response: Value = serde_json::from_str(&rendered).unwrap();
                document(response["html"].as_str().unwrap())
            }
            Page => rendered,
            _ => document(&rendered),
        };
        let path = dir.join(format!("{output:?}.html"));
        std::fs::write(&path, html).unwrap();
        files.push(path);
    }
    let embed = render::render(&text, &options(Embed)).unwrap().text;
    assert!(
        embed.contains("Null\u{fffd} and bell\u{fffd}"),
        "read as U+FFFD"
    );
    assert_eq!(nu::validate(&files), Vec::<String>::new());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_base_that_is_not_an_http_url_or_a_path_is_refused() {
    for base in [
        "javascript:alert(1)//",
        " JAVASCRIPT:alert(1)//",
        "data:text/html,x",
    ] {
        let run = folio()
            .args(["render", "--base", base, "../../www/sample/brief.json"])
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(2), "{base}");
        assert!(
            stderr(&run).contains("for '--base <URL>': must be an http or https URL, or a path"),
            "{}",
            stderr(&run)
        );
        assert!(run.stdout.is_empty());
    }
    for base in [
        "https://news.example/a.json",
        "sample/article.json",
        "/news/a.json",
    ] {
        let run = folio()
            .args(["render", "--base", base, "../../www/sample/brief.json"])
            .output()
            .unwrap();
        assert!(run.status.success(), "{base}: {}", stderr(&run));
    }
}

#[cfg(unix)]
#[test]
fn the_command_never_writes_through_a_symbolic_link_in_its_folder() {
    let dir = scratch("symlink");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink(&victim, out.join("article.html")).unwrap();
    // An ordinary file in the way is replaced.
    std::fs::write(out.join("brief.html"), "old").unwrap();
    let run = folio()
        .args(["render", "--out"])
        .arg(&out)
        .args([
            "../../www/sample/article.json",
            "../../www/sample/brief.json",
        ])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr(&run).contains(&format!(
            "{}: cannot write: it is a symbolic link; folio writes no file through one",
            out.join("article.html").display()
        )),
        "{}",
        stderr(&run)
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    let brief = std::fs::read_to_string(out.join("brief.html")).unwrap();
    assert!(brief.starts_with("<folio-article"), "{brief}");
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no partial file left: {leftovers:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_command_reads_no_more_than_the_limit_and_one_byte() {
    let limit = folio_core::limits::MAX_ARTICLE_BYTES;
    let mut child = folio()
        .args(["render", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // An endless input: the writer stops when the command stops reading.
    let writer = std::thread::spawn(move || {
        let chunk = vec![b' '; 1 << 16];
        let mut written = 0usize;
        while written < 64 * limit {
            match stdin.write(&chunk) {
                Ok(n) => written += n,
                Err(_) => break,
            }
        }
        written
    });
    let run = child.wait_with_output().unwrap();
    let written = writer.join().unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr(&run)
            .contains("-: cannot read: it is over 16,777,216 bytes (16 MB), the most Folio reads"),
        "{}",
        stderr(&run)
    );
    // What a pipe holds besides what was read (Linux: 64 KB by default).
    assert!(
        written <= limit + 1 + (1 << 20),
        "{written} bytes taken from an endless input"
    );
}

#[test]
fn a_byte_order_mark_is_read_as_a_browser_reads_it() {
    let dir = scratch("bom");
    let mut text = "\u{feff}".as_bytes().to_vec();
    text.extend_from_slice(
        std::fs::read("../../www/sample/brief.json")
            .unwrap()
            .as_slice(),
    );
    let (run, _) = render_file(&dir, &text, &["--plain"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(String::from_utf8_lossy(&run.stdout).contains("What to expect from the Sochi summit"));
    let (latin1, path) = render_file(&dir, b"{\"id\": \"caf\xe9\"}", &[]);
    assert_eq!(latin1.status.code(), Some(1));
    assert_eq!(
        stderr(&latin1).trim(),
        format!("{}: cannot read: it is not UTF-8 text", path.display())
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_oembed_height_stays_a_height_whatever_the_photo_and_body() {
    let mut article = seed();
    article["image"]["width"] = json!(1);
    article["image"]["height"] = json!(u32::MAX);
    article["body"] = json!("word ".repeat(400_000));
    let options = Options {
        output: render::Output::Oembed,
        assets: "https://cdn.example/folio/".into(),
        ..Options::default()
    };
    let response: Value =
        serde_json::from_str(&render::render(&article.to_string(), &options).unwrap().text)
            .unwrap();
    let height = response["height"].as_u64().unwrap();
    assert!((400..=100_000).contains(&height), "{height}");
}
