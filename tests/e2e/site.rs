//! Two origins, as on the web: the release `dist/` (where `folio.js` lives)
//! on one port, and the demo host pages of `www/` on another.

use std::path::PathBuf;

use super::server::{Response, Server, file};

/// The release build, written by `cargo xtask test` before the tests run.
pub fn dist() -> PathBuf {
    prepared("FOLIO_DIST", "dist", "core/folio_bg.wasm", "release build")
}

/// The release build with the core's test hooks (`tests/e2e/hooks/`),
/// written by `cargo xtask test` before the tests run.
pub fn dist_with_test_hooks() -> PathBuf {
    prepared(
        "FOLIO_DIST_TEST_HOOKS",
        "target/dist-test-hooks",
        "core/folio_bg.wasm",
        "build with test hooks",
    )
}

/// A folder `cargo xtask test` writes before the tests run: `$variable`,
/// else `default` in the repository. Fails the test, naming `what`, when
/// `marker` is not in it.
pub fn prepared(variable: &str, default: &str, marker: &str, what: &str) -> PathBuf {
    let dir = std::env::var_os(variable).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(default),
        PathBuf::from,
    );
    assert!(
        dir.join(marker).is_file(),
        "{} has no {what}: run `cargo xtask test` (it writes it first)",
        dir.display()
    );
    dir
}

/// The policy of CONTRACT §6, with the origin `folio.js` is served from.
pub fn strict_csp(folio_origin: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' {folio_origin} 'wasm-unsafe-eval'; \
         style-src 'self'; connect-src 'self' {folio_origin}"
    )
}

/// The host pages and the widget, on two origins.
pub struct Site {
    pub folio: Server,
    pub host: Server,
}

impl Site {
    /// Starts both servers. On the host origin, `/folio.js` redirects to the
    /// widget's origin, `/demo/csp.html` is served with the strict CSP, and
    /// `/demo/trusted-types.html` and `/demo/trusted-types-refused.html`
    /// are that page enforcing Trusted Types.
    pub fn start() -> Self {
        Self::serving(dist())
    }

    /// [`Site::start`] with `dist` (another build) in the release's place.
    pub fn serving(dist: PathBuf) -> Self {
        let folio = Server::start(dist);
        let folio_origin = folio.origin();
        let www = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www");
        let host = Server::with_route(
            www,
            Box::new(move |path, root| match path {
                "/folio.js" => Some(Response::redirect(format!("{folio_origin}/folio.js"))),
                "/demo/csp.html" => Some(with_csp(file(root, path), strict_csp(&folio_origin))),
                // The strict page again, enforcing Trusted Types: with Folio's
                // policy allowed, and with every policy refused.
                "/demo/trusted-types.html" | "/demo/trusted-types-refused.html" => {
                    let allowed = if path.ends_with("refused.html") {
                        "'none'"
                    } else {
                        "folio"
                    };
                    let policy = format!(
                        "{}; require-trusted-types-for 'script'; trusted-types {allowed}",
                        strict_csp(&folio_origin)
                    );
                    Some(with_csp(file(root, "/demo/csp.html"), policy))
                }
                _ => None,
            }),
        );
        Self { folio, host }
    }

    /// A demo page's URL on the host origin.
    pub fn page(&self, name: &str) -> String {
        self.host.url(&format!("demo/{name}"))
    }
}

fn with_csp(mut response: Response, policy: String) -> Response {
    response
        .headers
        .push(("Content-Security-Policy".into(), policy));
    response
}
