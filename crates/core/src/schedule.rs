//! When the support prompt may be shown: the "Remind me later" snooze and
//! the frequency cap, as pure functions of a stored record and a clock.
//!
//! Times are milliseconds since the Unix epoch, passed in by the caller, so
//! every rule is tested natively against any clock, including one that goes
//! backwards: no view or snooze may reach further into the future than its
//! own window (a snooze: twice its length), so a clock set back cannot hide
//! the prompt for much longer than the publisher asked.

use serde::{Deserialize, Serialize};

use crate::json::{self, Value};
use crate::model::Support;
use crate::reminder::MAX_REMINDER_MS;

/// One day in milliseconds.
pub const DAY_MS: i64 = 86_400_000;

/// The most views a record keeps, whatever the cap (and so the highest cap).
pub const MAX_VIEWS_KEPT: usize = 64;

/// The longest window or snooze honoured, in days (ten years).
pub const MAX_DAYS: u32 = 3650;

/// How long, in milliseconds, half the prompt must stay on screen for a
/// view to count.
pub const VIEW_DWELL_MS: i32 = 1000;

/// The record format's version; records of other versions are ignored.
pub const RECORD_VERSION: u32 = 1;

/// How often a campaign's prompt may show (in a pre-rendered prompt's
/// props, `{"maxViews": 4, "windowDays": 30, "snoozeDays": 7}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    /// Views allowed within the window (`maxViews.count`, default 4, at most
    /// [`MAX_VIEWS_KEPT`]).
    pub max_views: u32,
    /// The window, in days (`maxViews.days`, default 30, at most [`MAX_DAYS`]).
    pub window_days: u32,
    /// How long "Remind me later" hides the prompt, in days (`decline.days`,
    /// default 7, at most [`MAX_DAYS`]).
    pub snooze_days: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            max_views: 4,
            window_days: 30,
            snooze_days: 7,
        }
    }
}

impl Policy {
    /// The policy a support block asks for, defaults filled in.
    pub fn of(support: &Support) -> Self {
        let default = Self::default();
        let cap = support.max_views.as_ref();
        Self {
            max_views: cap
                .and_then(|c| c.count)
                .unwrap_or(default.max_views)
                .min(MAX_VIEWS_KEPT as u32),
            window_days: cap
                .and_then(|c| c.days)
                .unwrap_or(default.window_days)
                .min(MAX_DAYS),
            snooze_days: (support.decline.as_ref().and_then(|d| d.days))
                .unwrap_or(default.snooze_days)
                .min(MAX_DAYS),
        }
    }

    fn window_ms(self) -> i64 {
        i64::from(self.window_days) * DAY_MS
    }

    fn snooze_ms(self) -> i64 {
        i64::from(self.snooze_days) * DAY_MS
    }
}

/// What is remembered of one campaign on this browser.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Format version ([`RECORD_VERSION`]; `v` in JSON).
    pub version: u32,
    /// "Remind me later" hides the prompt until this time (`until`).
    pub snooze_until: Option<i64>,
    /// When the prompt was seen, oldest first, at most [`MAX_VIEWS_KEPT`].
    pub views: Vec<i64>,
    /// When the reader was recorded as a supporter of the campaign
    /// (`supported`): from then, they are not asked again.
    pub supported: Option<i64>,
    /// The reader's draw among the campaign's variants (`draw`; see
    /// [`crate::variant`]), made once.
    pub draw: Option<u32>,
    /// The day a reminder the reader asked for falls on (`remind`): the
    /// prompt rests until then.
    pub remind_at: Option<i64>,
}

impl Record {
    /// Reads a stored record, `{"v":1,"until":…,"views":[…],"supported":…,"draw":…,"remind":…}`
    /// (times in milliseconds since 1970). Anything that is not a record of
    /// this version (corrupt text, another program's value, a future
    /// format, a field of the wrong type) reads as an empty record, never
    /// as an error. (Read from the JSON tree by hand: a `serde` derive
    /// would cost the support island the decoder's code.)
    pub fn parse(text: &str) -> Self {
        Self::read(text).unwrap_or_default()
    }

    fn read(text: &str) -> Option<Self> {
        let value = json::parse(text).ok()?;
        if value.get("v")?.as_whole()? != i64::from(RECORD_VERSION) {
            return None;
        }
        // A field absent or null is none; of another type, no record.
        let field = |name: &str| match value.get(name) {
            None | Some(Value::Null) => Some(None),
            Some(found) => found.as_whole().map(Some),
        };
        let views = match value.get("views") {
            None | Some(Value::Null) => &[][..],
            Some(Value::Array(views)) => views,
            Some(_) => return None,
        };
        let skip = views.len().saturating_sub(MAX_VIEWS_KEPT);
        let mut kept = Vec::with_capacity(views.len() - skip);
        for view in &views[skip..] {
            in_order(&mut kept, view.as_whole()?);
        }
        let draw = field("draw")?;
        Some(Record {
            version: RECORD_VERSION,
            snooze_until: field("until")?,
            views: kept,
            supported: field("supported")?,
            draw: match draw {
                Some(draw) => Some(u32::try_from(draw).ok()?),
                None => None,
            },
            remind_at: field("remind")?,
        })
    }

    /// The record as stored: `{"v":1,"until":…,"views":[…],"supported":…,"draw":…,"remind":…}`.
    pub fn to_json(&self) -> String {
        let mut out = format!("{{\"v\":{RECORD_VERSION}");
        let field = |out: &mut String, name: &str, value: Option<i64>| {
            if let Some(value) = value {
                *out += &format!(",\"{name}\":{value}");
            }
        };
        field(&mut out, "until", self.snooze_until);
        out += ",\"views\":[";
        for (i, view) in self.views.iter().enumerate() {
            let comma = if i > 0 { "," } else { "" };
            out += &format!("{comma}{view}");
        }
        out += "]";
        field(&mut out, "supported", self.supported);
        field(&mut out, "draw", self.draw.map(i64::from));
        field(&mut out, "remind", self.remind_at);
        out + "}"
    }

    /// True while "Remind me later" or a reminder holds: until its end
    /// (exclusive). A snooze ending more than twice its length after `now`
    /// (the clock was set back) is not believed, nor a reminder further
    /// than a reminder reaches.
    pub fn snoozed(&self, policy: Policy, now: i64) -> bool {
        holds(self.snooze_until, 2 * policy.snooze_ms(), now)
            || holds(self.remind_at, MAX_REMINDER_MS, now)
    }

    /// A reminder: rests the prompt until `until` (the reminder's day).
    pub fn remind(&mut self, until: i64) {
        self.remind_at = Some(until);
    }

    /// Views counted against the cap at `now`: those within the window
    /// before it (and not implausibly far after it).
    pub fn views_in_window(&self, policy: Policy, now: i64) -> usize {
        self.views
            .iter()
            .filter(|&&t| counts(t, policy, now))
            .count()
    }

    /// Whether the prompt may show at `now`.
    pub fn may_show(&self, policy: Policy, now: i64) -> bool {
        !self.snoozed(policy, now) && self.views_in_window(policy, now) < policy.max_views as usize
    }

    /// Whether the reader is recorded as a supporter of the campaign.
    pub fn is_supporter(&self) -> bool {
        self.supported.is_some()
    }

    /// Records the reader as a supporter at `now` (the first time counts);
    /// returns whether they were not one before.
    pub fn support(&mut self, now: i64) -> bool {
        let new = self.supported.is_none();
        self.supported.get_or_insert(now);
        new
    }

    /// The reader's draw among the variants: the one kept, else `fresh()`
    /// kept from now; and whether it is new (the record is to be saved).
    pub fn draw(&mut self, fresh: impl FnOnce() -> u32) -> (u32, bool) {
        match self.draw {
            Some(draw) => (draw, false),
            None => (*self.draw.insert(fresh()), true),
        }
    }

    /// "Remind me later": hides the prompt for the policy's snooze; returns
    /// when it ends.
    pub fn snooze(&mut self, policy: Policy, now: i64) -> i64 {
        let until = now.saturating_add(policy.snooze_ms());
        self.snooze_until = Some(until);
        until
    }

    /// Counts a view at `now`, dropping views that no longer count and,
    /// past the bound, the oldest (`views` is oldest first, as
    /// [`Record::parse`] and this leave it).
    pub fn add_view(&mut self, policy: Policy, now: i64) {
        self.prune(policy, now);
        in_order(&mut self.views, now);
        let keep = (policy.max_views as usize).clamp(1, MAX_VIEWS_KEPT);
        let excess = self.views.len().saturating_sub(keep);
        self.views.drain(..excess);
    }

    /// Drops the views outside the window and an expired or implausible
    /// snooze or reminder.
    pub fn prune(&mut self, policy: Policy, now: i64) {
        self.views.retain(|&t| counts(t, policy, now));
        if !holds(self.snooze_until, 2 * policy.snooze_ms(), now) {
            self.snooze_until = None;
        }
        if !holds(self.remind_at, MAX_REMINDER_MS, now) {
            self.remind_at = None;
        }
    }
}

/// Whether a rest ending at `end` holds at `now`: until its end
/// (exclusive), and believed only if it ends at most `longest` after `now`.
fn holds(end: Option<i64>, longest: i64, now: i64) -> bool {
    end.is_some_and(|until| now < until && until - now <= longest)
}

/// Puts the view at `t` among `views`, which stay oldest first (a clock
/// set back may write one older than the last). Inserting keeps a sort
/// and its code out of the WebAssembly; there are at most
/// [`MAX_VIEWS_KEPT`] views.
fn in_order(views: &mut Vec<i64>, t: i64) {
    let at = views.partition_point(|&v| v <= t);
    views.insert(at, t);
}

/// A view at `t` counts at `now` when it lies within the window before
/// `now` (its first instant included), or after `now` by less than a window
/// (a clock set back a little).
fn counts(t: i64, policy: Policy, now: i64) -> bool {
    let window = policy.window_ms();
    t >= now.saturating_sub(window) && t < now.saturating_add(window)
}
