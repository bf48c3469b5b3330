//! Headless Chromium through Debian's chromedriver, started by the test.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use thirtyfour::prelude::*;

/// A chromedriver process and one browser session on it.
pub struct Browser {
    pub driver: WebDriver,
    chromedriver: Child,
    profile: std::path::PathBuf,
}

impl Browser {
    /// Starts chromedriver on a free port and opens a headless session.
    pub async fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let program = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let chromedriver = Command::new(&program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {program} ({e}); `cargo xtask test` installs it")
            });
        let mut caps = DesiredCapabilities::chrome();
        if let Ok(binary) = std::env::var("FOLIO_CHROMIUM") {
            caps.set_binary(&binary).unwrap();
        }
        // A profile of its own: a port is reused, and a Chromium still
        // closing on an earlier session's profile makes a new one exit.
        static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let profile =
            std::env::temp_dir().join(format!("folio-chromium-{}-{n}-{port}", std::process::id()));
        for arg in [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--hide-scrollbars",
            &format!("--user-data-dir={}", profile.display()),
        ] {
            caps.add_arg(arg).unwrap();
        }
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let driver = loop {
            match WebDriver::new(&url, caps.clone()).await {
                Ok(driver) => break driver,
                Err(_) if started.elapsed() < Duration::from_secs(60) => {
                    tokio::time::sleep(Duration::from_millis(100)).await
                }
                Err(e) => panic!("chromedriver did not start a session: {e}"),
            }
        };
        // WebDriver gives a script 30 s; on a loaded, shared machine a
        // page scrolled through in one script (the XSS corpus's live
        // pages) can take longer.
        driver
            .set_script_timeout(Duration::from_secs(180))
            .await
            .expect("script timeout");
        Self {
            driver,
            chromedriver,
            profile,
        }
    }

    /// Runs `script` (a function body; `arguments` holds `args`) and returns its value.
    pub async fn eval(&self, script: &str, args: Vec<Value>) -> Value {
        self.driver
            .execute(script, args)
            .await
            .expect("script runs")
            .json()
            .clone()
    }

    /// Polls `condition` (a function body returning a truthy value) until it holds.
    pub async fn wait_for(&self, condition: &str, what: &str) -> Value {
        let started = Instant::now();
        loop {
            let value = self.eval(condition, vec![]).await;
            if !(value.is_null() || value == Value::Bool(false)) {
                return value;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "timed out waiting for {what}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Sets the window's size in CSS pixels.
    pub async fn resize(&self, width: u32, height: u32) {
        self.driver
            .set_window_rect(0, 0, width, height)
            .await
            .expect("window size");
    }

    /// Opens `url`.
    pub async fn open(&self, url: &str) {
        self.driver.goto(url).await.expect("page loads");
    }

    /// Opens a demo page and waits until its widget `#article` shows its article.
    pub async fn open_demo(&self, url: &str) {
        self.driver.goto(url).await.expect("page loads");
        // Where the page logs events (www/demo/probe.js), until the widget
        // says its article is in place: its support prompt comes with the
        // prompt's code, after the headline.
        self.wait_for(
            "if (!document.getElementById('article')?.shadowRoot?.querySelector('h1')) return false; \
             const log = window.folioLog; \
             return !log || log.events.some((e) => e.target === 'article' \
               && (e.type === 'folio:render' || e.type === 'folio:error'));",
            "the page's widget to show its article",
        )
        .await;
    }

    /// Presses `key` on the real keyboard (to whatever has focus).
    pub async fn press(&self, key: Key) {
        let chain = self
            .driver
            .action_chain()
            .send_keys(key.value().to_string());
        chain.perform().await.expect("key press");
    }

    /// Runs `source` in every document the page loads from now on, before
    /// the page's own scripts (to shift the clock, to break storage).
    pub async fn before_each_document(&self, source: &str) {
        let params = serde_json::json!({ "source": source });
        self.driver
            .cdp()
            .send_raw("Page.addScriptToEvaluateOnNewDocument", params)
            .await
            .expect("CDP");
    }

    /// Sends a DevTools command to the page and returns its result.
    pub async fn cdp(&self, method: &str, params: Value) -> Value {
        self.driver
            .cdp()
            .send_raw(method, params)
            .await
            .unwrap_or_else(|e| panic!("CDP {method}: {e}"))
    }

    /// Lays the page out as a viewport of `width` × `height` CSS pixels
    /// drawn at `scale` device pixels each (2 at 1280 px: a 1280 px window
    /// zoomed to 200 %), narrower than a window can be.
    pub async fn viewport(&self, width: u32, height: u32, scale: f64) {
        let params = serde_json::json!({
            "width": width, "height": height, "deviceScaleFactor": scale, "mobile": false
        });
        self.cdp("Emulation.setDeviceMetricsOverride", params).await;
    }

    /// Emulates the media features `features` (`[["forced-colors",
    /// "active"]]`); an empty list ends the emulation.
    pub async fn media(&self, features: &[(&str, &str)]) {
        let features: Vec<Value> = features
            .iter()
            .map(|(name, value)| serde_json::json!({ "name": name, "value": value }))
            .collect();
        let params = serde_json::json!({ "features": features });
        self.cdp("Emulation.setEmulatedMedia", params).await;
    }

    /// Writes what the window shows to `target/screenshots/NAME.png`.
    pub async fn screenshot(&self, name: &str) {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot folder");
        let png = self.driver.screenshot_as_png().await.expect("screenshot");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("screenshot written");
    }

    /// Ends the session, then chromedriver (when dropped).
    pub async fn stop(self) {
        let _ = self.driver.clone().quit().await;
    }
}

impl Drop for Browser {
    /// A test that fails before `stop()` still ends its chromedriver.
    fn drop(&mut self) {
        let _ = self.chromedriver.kill();
        let _ = self.chromedriver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
