//! The files `folio render` reads and writes: an input read as a browser
//! decodes a response, within the limit Folio reads, and an output
//! written through a new file renamed into place.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// `path` with its links and `..` resolved when it exists, else as given:
/// two paths of one existing file resolve alike.
pub fn resolved(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// A file's text, or standard input's for `-`, as a browser decodes a
/// response: UTF-8, a leading byte-order mark dropped. No more than the
/// most Folio reads, and one byte, is read before a longer input is
/// refused.
pub fn read(path: &Path) -> std::io::Result<String> {
    let limit = folio_core::limits::MAX_ARTICLE_BYTES;
    let mut bytes = Vec::new();
    let taken = u64::try_from(limit).map_or(u64::MAX, |n| n.saturating_add(1));
    if path == Path::new("-") {
        std::io::stdin().take(taken).read_to_end(&mut bytes)?;
    } else {
        std::fs::File::open(path)?
            .take(taken)
            .read_to_end(&mut bytes)?;
    }
    if bytes.len() > limit {
        let message = format!(
            "it is over {}, the most Folio reads",
            folio_core::limits::bytes(limit)
        );
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            message,
        ));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        std::io::Error::new(std::io::ErrorKind::InvalidData, "it is not UTF-8 text")
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Writes `text` to `target` through a new file renamed over it, so that
/// a link at `target` is never followed (nor a file shared with another
/// name changed); a symbolic link there is refused.
pub fn write(target: &Path, text: &str) -> std::io::Result<()> {
    if std::fs::symlink_metadata(target).is_ok_and(|meta| meta.file_type().is_symlink()) {
        return Err(std::io::Error::other(
            "it is a symbolic link; folio writes no file through one",
        ));
    }
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let partial = target.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&partial)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .and_then(|()| std::fs::rename(&partial, target));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}
