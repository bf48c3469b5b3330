//! A real WordPress on loopback for the test: Debian's `wordpress` package
//! (6.1) copied into a folder of its own, served by PHP's built-in server,
//! its database a MariaDB server started on a folder of its own. Both stop
//! when the site is dropped.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Where Debian's `wordpress` package puts WordPress.
const WORDPRESS: &str = "/usr/share/wordpress";

/// This test's files for the site, next to this module.
fn ours(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/e2e/wordpress")
        .join(name)
}

/// A running WordPress with one published post.
pub struct WordPress {
    /// `http://127.0.0.1:PORT`, the site's home.
    pub home: String,
    /// The post's ID.
    pub post: u64,
    processes: Vec<Child>,
    folder: PathBuf,
}

impl WordPress {
    /// Installs and starts a site whose one post embeds `url`, pasted in
    /// the block editor.
    pub fn start(url: &str) -> Self {
        let folder = std::env::temp_dir().join(format!("folio-wordpress-{}", free_port()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).expect("site folder");
        let (db_port, web_port) = (free_port(), free_port());
        let mut site = Self {
            home: format!("http://127.0.0.1:{web_port}"),
            post: 0,
            processes: Vec::new(),
            folder,
        };
        site.processes.push(site.database(db_port));
        let root = site.folder.join("site");
        copy_wordpress(&root);
        let env = [
            ("FOLIO_WP_DB_PORT", db_port.to_string()),
            ("FOLIO_WP_HOME", site.home.clone()),
            ("FOLIO_WP_ROOT", root.display().to_string()),
        ];
        let install = Command::new("php")
            .arg(ours("install.php"))
            .arg(url)
            .envs(env.clone())
            .output()
            .expect("php runs (`cargo xtask test` installs php-cli)");
        let printed = String::from_utf8_lossy(&install.stdout);
        site.post = printed.trim().parse().unwrap_or_else(|_| {
            panic!(
                "WordPress did not install: {printed}{}",
                String::from_utf8_lossy(&install.stderr)
            )
        });
        let server = Command::new("php")
            .args(["-S", &format!("127.0.0.1:{web_port}"), "-t"])
            .arg(&root)
            .envs(env)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("php's server starts");
        site.processes.push(server);
        wait_for_port(web_port, "PHP's server");
        site
    }

    /// The post's address.
    pub fn post_url(&self) -> String {
        format!("{}/?p={}", self.home, self.post)
    }

    /// A MariaDB server on `port`, its data under the site's folder.
    fn database(&self, port: u16) -> Child {
        let data = self.folder.join("db");
        let installed = Command::new("mariadb-install-db")
            .arg(format!("--datadir={}", data.display()))
            .args(["--auth-root-authentication-method=normal", "--skip-test-db"])
            .args(as_root())
            .output()
            .expect("mariadb-install-db runs (`cargo xtask test` installs mariadb-server)");
        assert!(
            installed.status.success(),
            "mariadb-install-db: {}",
            String::from_utf8_lossy(&installed.stderr)
        );
        let program = ["/usr/sbin/mariadbd", "mariadbd"]
            .into_iter()
            .find(|p| Path::new(p).exists())
            .unwrap_or("mariadbd");
        let server = Command::new(program)
            .arg(format!("--datadir={}", data.display()))
            .arg(format!(
                "--socket={}",
                self.folder.join("db.sock").display()
            ))
            .arg(format!("--port={port}"))
            .args([
                "--bind-address=127.0.0.1",
                "--skip-grant-tables",
                "--skip-log-bin",
            ])
            .args(as_root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("mariadbd starts");
        wait_for_port(port, "MariaDB");
        server
    }
}

impl Drop for WordPress {
    fn drop(&mut self) {
        for process in &mut self.processes {
            let _ = process.kill();
            let _ = process.wait();
        }
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// MariaDB runs as root only when told to.
fn as_root() -> Vec<&'static str> {
    let uid = Command::new("id").arg("-u").output();
    match uid {
        Ok(out) if String::from_utf8_lossy(&out.stdout).trim() == "0" => vec!["--user=root"],
        _ => Vec::new(),
    }
}

/// WordPress's files under `root`, with this test's configuration and
/// must-use plugin. Copied, not linked: WordPress finds its configuration
/// next to its own real path.
fn copy_wordpress(root: &Path) {
    let copied = Command::new("cp")
        .args(["-r", WORDPRESS])
        .arg(root)
        .status()
        .expect("cp runs");
    assert!(
        copied.success(),
        "copy {WORDPRESS} (`cargo xtask test` installs wordpress)"
    );
    std::fs::copy(ours("wp-config.php"), root.join("wp-config.php")).expect("wp-config.php");
    let plugins = root.join("wp-content/mu-plugins");
    std::fs::create_dir_all(&plugins).expect("mu-plugins");
    std::fs::copy(ours("loopback.php"), plugins.join("loopback.php")).expect("mu-plugin");
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

fn wait_for_port(port: u16, what: &str) {
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{what} did not start on port {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
