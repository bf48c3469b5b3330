//! A publisher's site on loopback: the built widget, and stories rendered
//! by `folio render` as a publisher serves them to partners (each story's
//! `--page`, its oEmbed response and its frame document), with CORS open
//! (a sandboxed frame has an opaque origin).

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

use crate::server::{Server, file};
use crate::site::dist;
use folio_render::{Options, Output, Style, render};

/// What each story is rendered to: `{name}.html`, `{name}.oembed.json`,
/// `{name}.frame.html`.
const OUTPUTS: [(&str, Output); 3] = [
    ("html", Output::Page),
    ("oembed.json", Output::Oembed),
    ("frame.html", Output::Iframe),
];

/// The widget's `dist/` and the rendered stories, on one origin.
pub struct Publisher {
    server: Server,
}

impl Publisher {
    /// Serves `stories` (a name and an article each), each article's `url`
    /// its page on this server (where a publisher serves its frame
    /// documents too: WordPress follows a frame's links only to the
    /// frame's own host), the frame's stylesheet `style`.
    pub fn start(stories: &[(&str, Value)], style: Style) -> Self {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, Ordering::Relaxed);
        let pages =
            std::env::temp_dir().join(format!("folio-publisher-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&pages).expect("pages folder");
        let root = pages.clone();
        let server = Server::with_route(
            dist(),
            Box::new(move |path: &str, _: &Path| {
                let name = path.trim_start_matches('/');
                root.join(name).is_file().then(|| file(&root, name))
            }),
        );
        let origin = server.origin();
        for (name, article) in stories {
            let mut article = article.clone();
            article["url"] = format!("{origin}/{name}.html").into();
            let text = article.to_string();
            for (extension, output) in OUTPUTS {
                let options = Options {
                    output,
                    style: if output == Output::Iframe {
                        style
                    } else {
                        Style::Link
                    },
                    assets: format!("{origin}/"),
                    base: Some(format!("{origin}/sample/article.json")),
                    iframe_src: (output == Output::Oembed)
                        .then(|| format!("{origin}/{name}.frame.html")),
                    oembed_url: (output == Output::Page)
                        .then(|| format!("{origin}/{name}.oembed.json")),
                    ..Default::default()
                };
                let rendered = render(&text, &options).expect("the story renders");
                std::fs::write(pages.join(format!("{name}.{extension}")), rendered.text)
                    .expect("page written");
            }
        }
        Self { server }
    }

    /// The URL of `path` on the publisher's site.
    pub fn url(&self, path: &str) -> String {
        self.server.url(path)
    }
}

/// The seed article, as the publisher's files hold it.
pub fn seed() -> Value {
    let text = std::fs::read_to_string(dist().join("sample/article.json")).expect("seed");
    serde_json::from_str(&text).expect("seed is JSON")
}
