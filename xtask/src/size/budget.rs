//! The budget: `size-budget.toml`'s brotli totals, one per group of files
//! a page downloads (what every page does, and each module loaded on
//! demand), read and compared with what was measured.

use serde::Deserialize;

/// The budget file, at the repository root.
pub(super) const BUDGET_FILE: &str = "size-budget.toml";

/// The budget key of what every page downloads (see [`Budget`]).
pub(super) const BUDGET_KEY: &str = "brotli_total_kb";

/// The budget: brotli totals in KB (1 KB = 1000 bytes), one per group of
/// files; `size-budget.toml` must give all five, positive, and nothing
/// else.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Budget {
    /// What every page downloads: `folio.js`, `core/folio.js` and
    /// `core/folio_bg.wasm` ([`BUDGET_KEY`]).
    pub(super) brotli_total_kb: f64,
    /// The converter (`core/folio-converter.js` and its wasm), which only a
    /// page given an article in ANS or JSON-LD downloads.
    pub(super) converter_brotli_total_kb: f64,
    /// The support island (`core/folio-island.js` and its wasm), which only
    /// a pre-rendered page with a support block downloads.
    pub(super) island_brotli_total_kb: f64,
    /// The galleries' and embeds' behaviour (`folio-media.js`), which only
    /// a page showing an article with one downloads.
    pub(super) media_brotli_total_kb: f64,
    /// The core's support prompt (`core/split_prompt.wasm`, a chunk of the
    /// core's WebAssembly), which only a widget showing a prompt downloads.
    pub(super) prompt_brotli_total_kb: f64,
}

/// A module `folio.js` loads only for some pages: measured apart from what
/// every page downloads, against a budget of its own.
pub(super) struct OnDemand {
    /// Which pages download it.
    pub(super) when: &'static str,
    /// Its key in the budget file.
    pub(super) key: &'static str,
    /// Its budget in KB, the field of [`Budget`] named by `key`.
    pub(super) limit: fn(&Budget) -> f64,
    /// Its files, relative to `dist/`.
    pub(super) files: &'static [&'static str],
}

/// The modules loaded on demand.
pub(super) const ON_DEMAND: [OnDemand; 4] = [
    OnDemand {
        when: "loaded only when a widget shows a support prompt (a chunk of the core)",
        key: "prompt_brotli_total_kb",
        limit: |budget| budget.prompt_brotli_total_kb,
        files: &["core/split_prompt.wasm"],
    },
    OnDemand {
        when: "loaded only for an article in ANS or JSON-LD (the converter)",
        key: "converter_brotli_total_kb",
        limit: |budget| budget.converter_brotli_total_kb,
        files: &["core/folio-converter.js", "core/folio-converter_bg.wasm"],
    },
    OnDemand {
        when: "loaded only for a pre-rendered article's support prompt (the island)",
        key: "island_brotli_total_kb",
        limit: |budget| budget.island_brotli_total_kb,
        files: &["core/folio-island.js", "core/folio-island_bg.wasm"],
    },
    OnDemand {
        when: "loaded only for an article with a gallery or an embed (its behaviour)",
        key: "media_brotli_total_kb",
        limit: |budget| budget.media_brotli_total_kb,
        files: &["folio-media.js"],
    },
];

impl Budget {
    /// Reads `size-budget.toml`.
    pub(super) fn read() -> Result<Self, String> {
        let text = std::fs::read_to_string(crate::root().join(BUDGET_FILE))
            .map_err(|e| format!("cannot read {BUDGET_FILE}: {e}"))?;
        Self::parse(&text)
    }

    /// Reads a budget file's text: fails unless it gives each key, and
    /// only those, as a positive number.
    pub(super) fn parse(text: &str) -> Result<Self, String> {
        let budget: Self = toml::from_str(text).map_err(|e| {
            let keys = ON_DEMAND.map(|m| format!("`{}`", m.key)).join(" and ");
            format!(
                "{BUDGET_FILE} must give `{BUDGET_KEY}`, {keys}, each a positive \
                 number of KB, and nothing else: {e}"
            )
        })?;
        let limits = std::iter::once((BUDGET_KEY, budget.brotli_total_kb))
            .chain(ON_DEMAND.iter().map(|m| (m.key, (m.limit)(&budget))));
        for (key, kb) in limits {
            if !(kb.is_finite() && kb > 0.0) {
                return Err(format!(
                    "{BUDGET_FILE} has no `{key} = <KB>` line with a positive number"
                ));
            }
        }
        Ok(budget)
    }
}

/// Whether `total` bytes are above `budget` KB.
pub(super) fn over(total: u64, budget: f64) -> bool {
    total as f64 / 1000.0 > budget
}

/// The line that says how `total` bytes compare with `budget` KB.
pub(super) fn verdict(total: u64, budget: f64) -> String {
    let used = total as f64 / 1000.0;
    let state = if over(total, budget) {
        "OVER"
    } else {
        "within"
    };
    format!(
        "brotli total {used:.1} KB ({total} bytes) is {state} the budget of {budget:.1} KB \
         ({:.1}% used)",
        used / budget * 100.0
    )
}
