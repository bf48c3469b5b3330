//! `cargo xtask package`: the npm package of the release build.
//!
//! `package/assemble.mjs` writes `target/package/folio-article/` from
//! `dist/` (the shipped files as they are, the generated types, the
//! schema, the integrity hashes, the licences, the changelog and the
//! package's README), and `npm pack` makes the tarball beside it,
//! `target/package/folio-article-<version>.tgz`. `cargo xtask test`
//! assembles it before the end-to-end tests, which pack, install, type-check
//! and bundle it.

use crate::setup::Tools;
use crate::shell::{Cmd, step};

/// Where the package is written, relative to the repository root.
pub const DIR: &str = "target/package/folio-article";

/// Builds the release, assembles the package and packs it.
pub fn run(tools: &Tools) -> Result<(), String> {
    crate::build(tools)?;
    assemble(tools)?;
    step("npm pack (target/package/)");
    Cmd::new("npm")
        .args(["pack", "--pack-destination", ".."])
        .dir(DIR)
        .tools(tools)
        .run()
}

/// Writes the package from `dist/` (which must hold a release build).
pub fn assemble(tools: &Tools) -> Result<(), String> {
    step("the npm package: node package/assemble.mjs");
    Cmd::new("node")
        .args(["package/assemble.mjs"])
        .dir(".")
        .tools(tools)
        .run()
}
