//! A static file server on loopback, for end-to-end tests over real HTTP.
//! A route hook can answer any path its own way (headers, redirects, faults).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;

/// An answer to a request.
pub struct Response {
    pub status: &'static str,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// A redirect to `location`.
    pub fn redirect(location: String) -> Self {
        let headers = vec![("Location".into(), location)];
        Self {
            status: "302 Found",
            headers,
            body: Vec::new(),
        }
    }
}

/// Answers a path its own way, or `None` to serve the file.
pub type Route = Box<dyn Fn(&str, &Path) -> Option<Response> + Send + Sync>;

/// Answers a request (its path and its headers, names in lower case) its
/// own way, or `None` to serve the file.
pub type HeaderRoute =
    Box<dyn Fn(&str, &[(String, String)], &Path) -> Option<Response> + Send + Sync>;

/// Serves the files under a folder on `127.0.0.1`, with CORS open.
pub struct Server {
    port: u16,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Serves `root` on a free port; it lives as long as the test process.
    pub fn start(root: PathBuf) -> Self {
        Self::with_route(root, Box::new(|_, _| None))
    }

    /// Serves `root`, letting `route` answer first.
    pub fn with_route(root: PathBuf, route: Route) -> Self {
        Self::with_header_route(root, Box::new(move |path, _, root| route(path, root)))
    }

    /// Serves `root`, letting `route`, which reads the request's headers,
    /// answer first.
    pub fn with_header_route(root: PathBuf, route: HeaderRoute) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("bound address").port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (shared_log, route) = (log.clone(), Arc::new(route));
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, log, route) = (root.clone(), shared_log.clone(), route.clone());
                thread::spawn(move || serve(stream, &root, &log, &route));
            }
        });
        Self { port, log }
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}/{}", self.origin(), path.trim_start_matches('/'))
    }

    /// `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The request targets served so far (path and query).
    pub fn requests(&self) -> Vec<String> {
        self.log.lock().map(|log| log.clone()).unwrap_or_default()
    }
}

fn serve(mut stream: TcpStream, root: &Path, log: &Mutex<Vec<String>>, route: &HeaderRoute) {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut line = String::new();
    let mut headers = Vec::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
        line.clear();
    }
    let target = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    if let Ok(mut log) = log.lock() {
        log.push(target.clone());
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let response = route(path, &headers, root).unwrap_or_else(|| file(root, path));
    let mut head = format!(
        "HTTP/1.1 {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        response.status,
        response.body.len()
    );
    let has = |header: &str| {
        let mut names = response.headers.iter().map(|(name, _)| name);
        names.any(|name| name.eq_ignore_ascii_case(header))
    };
    // Nothing is cached unless the route says otherwise.
    if !has("Cache-Control") {
        head.push_str("Cache-Control: no-store\r\n");
    }
    // CORS is open unless the route says otherwise.
    if !has("Access-Control-Allow-Origin") {
        head.push_str("Access-Control-Allow-Origin: *\r\n");
    }
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(&response.body));
}

/// The file at `path` under `root`, or a 404.
pub fn file(root: &Path, path: &str) -> Response {
    let relative = Path::new(path.trim_start_matches('/'));
    let safe = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    let mut file = root.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(body) if safe => {
            let headers = vec![("Content-Type".into(), content_type(&file).into())];
            Response {
                status: "200 OK",
                headers,
                body,
            }
        }
        _ => Response {
            status: "404 Not Found",
            headers: Vec::new(),
            body: b"not found".to_vec(),
        },
    }
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}
