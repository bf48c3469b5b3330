//! The support prompt's schedule: snooze, frequency cap, view log, storage
//! format, against an injected clock.
#![cfg(not(target_arch = "wasm32"))]

use folio_core::schedule::{DAY_MS, MAX_VIEWS_KEPT, Policy, Record};

const NOW: i64 = 1_600_000_000_000;

fn policy(max_views: u32, window_days: u32, snooze_days: u32) -> Policy {
    Policy {
        max_views,
        window_days,
        snooze_days,
    }
}

#[test]
fn a_new_record_shows_the_prompt() {
    assert!(Record::default().may_show(Policy::default(), NOW));
}

#[test]
fn snooze_ends_after_the_configured_days_exactly_at_until() {
    let policy = policy(4, 30, 7);
    let mut record = Record::default();
    let until = record.snooze(policy, NOW);
    assert_eq!(until, NOW + 7 * DAY_MS);
    assert!(!record.may_show(policy, NOW));
    assert!(
        !record.may_show(policy, until - 1),
        "one millisecond before the end it still holds"
    );
    assert!(
        record.may_show(policy, until),
        "exactly at `until` the prompt shows again"
    );
    assert!(record.may_show(policy, until + DAY_MS));
}

#[test]
fn the_cap_is_reached_on_the_last_allowed_view() {
    let policy = policy(4, 30, 7);
    let mut record = Record::default();
    for day in 0..3 {
        record.add_view(policy, NOW + day * DAY_MS);
        assert!(
            record.may_show(policy, NOW + day * DAY_MS + 1),
            "after view {}",
            day + 1
        );
    }
    record.add_view(policy, NOW + 3 * DAY_MS);
    assert!(
        !record.may_show(policy, NOW + 3 * DAY_MS + 1),
        "the fourth view reaches the cap"
    );
}

#[test]
fn views_older_than_the_window_stop_counting() {
    let policy = policy(2, 30, 7);
    let mut record = Record::default();
    record.add_view(policy, NOW);
    record.add_view(policy, NOW + DAY_MS);
    assert!(!record.may_show(policy, NOW + 2 * DAY_MS));
    assert!(
        !record.may_show(policy, NOW + 30 * DAY_MS),
        "the first view is exactly 30 days old: still inside"
    );
    assert!(
        record.may_show(policy, NOW + 30 * DAY_MS + 1),
        "a moment later it has left the window"
    );
}

#[test]
fn the_view_log_is_bounded_and_pruned() {
    let big = policy(1000, 30, 7);
    let policy = policy(4, 30, 7);
    let mut record = Record::default();
    for i in 0..100 {
        record.add_view(policy, NOW + i * 1000);
    }
    assert_eq!(
        record.views.len(),
        4,
        "only as many views as the cap needs are kept"
    );
    assert_eq!(record.views[0], NOW + 96 * 1000, "the oldest go first");

    assert_eq!(
        Policy::of(&support_with_cap(1000)).max_views as usize,
        MAX_VIEWS_KEPT
    );
    let mut record = Record::default();
    for i in 0..200 {
        record.add_view(big, NOW + i);
    }
    assert_eq!(
        record.views.len(),
        MAX_VIEWS_KEPT,
        "never more than the fixed maximum"
    );

    let mut old = Record {
        views: vec![NOW - 40 * DAY_MS, NOW - 30 * DAY_MS - 1, NOW - DAY_MS],
        ..Record::default()
    };
    old.add_view(policy, NOW);
    assert_eq!(
        old.views,
        vec![NOW - DAY_MS, NOW],
        "views outside the window are pruned when one is added"
    );
}

#[test]
fn views_stay_oldest_first_so_the_bound_drops_the_oldest() {
    let policy = policy(3, 30, 7);
    let stored = format!(
        r#"{{"v":1,"views":[{},{},{}]}}"#,
        NOW - DAY_MS,
        NOW - 3 * DAY_MS,
        NOW - 2 * DAY_MS
    );
    let mut record = Record::parse(&stored);
    assert_eq!(
        record.views,
        vec![NOW - 3 * DAY_MS, NOW - 2 * DAY_MS, NOW - DAY_MS],
        "a stored log out of order reads oldest first"
    );
    // The clock set back: the new view is older than the last one.
    record.add_view(policy, NOW - DAY_MS - 1);
    assert_eq!(
        record.views,
        vec![NOW - 2 * DAY_MS, NOW - DAY_MS - 1, NOW - DAY_MS],
        "the oldest view goes, the new one takes its place in time"
    );
}

#[test]
fn a_clock_going_backwards_cannot_hide_the_prompt_for_longer_than_configured() {
    let policy = policy(4, 30, 7);
    let mut record = Record::default();
    record.snooze(policy, NOW);
    assert!(
        !record.may_show(policy, NOW - DAY_MS),
        "set back a day, the snooze still holds"
    );
    assert!(
        !record.may_show(policy, NOW - 7 * DAY_MS),
        "up to twice its length ahead, it is believed"
    );
    assert!(
        record.may_show(policy, NOW - 7 * DAY_MS - 1),
        "beyond that it is not"
    );
    assert!(
        record.may_show(policy, NOW - 30 * DAY_MS),
        "set back a month, a 7-day snooze is implausible"
    );

    let mut views = Record::default();
    for _ in 0..4 {
        views.add_view(policy, NOW);
    }
    assert!(
        !views.may_show(policy, NOW - DAY_MS),
        "views a day in the future still count"
    );
    assert!(
        views.may_show(policy, NOW - 31 * DAY_MS),
        "views a window in the future do not"
    );
    views.add_view(policy, NOW - 31 * DAY_MS);
    assert_eq!(
        views.views,
        vec![NOW - 31 * DAY_MS],
        "and adding a view drops them"
    );
}

#[test]
fn stored_records_round_trip_and_anything_else_reads_as_empty() {
    let policy = Policy::default();
    let mut record = Record::default();
    record.add_view(policy, NOW);
    record.snooze(policy, NOW);
    let text = record.to_json();
    assert_eq!(
        text,
        format!(
            "{{\"v\":1,\"until\":{},\"views\":[{NOW}]}}",
            NOW + 7 * DAY_MS
        )
    );
    assert_eq!(
        Record::parse(&text),
        Record {
            version: 1,
            ..record
        }
    );

    for foreign in [
        "",
        "null",
        "not json",
        "[1,2]",
        "{\"v\":2,\"views\":[1]}",
        "{\"views\":[1]}",
        "{\"v\":1,\"views\":\"x\"}",
    ] {
        assert_eq!(Record::parse(foreign), Record::default(), "{foreign}");
    }
    let huge = format!("{{\"v\":1,\"views\":[{}]}}", vec!["1"; 500].join(","));
    assert_eq!(Record::parse(&huge).views.len(), MAX_VIEWS_KEPT);
}

#[test]
fn the_policy_comes_from_the_support_block_with_defaults() {
    let article =
        folio_core::model::parse(include_str!("../../../www/sample/article.json")).unwrap();
    let support = article.support.unwrap().unwrap();
    assert_eq!(Policy::of(&support), policy(4, 30, 7));
    let mut bare = support.clone();
    bare.max_views = None;
    bare.decline = None;
    assert_eq!(Policy::of(&bare), Policy::default());
}

fn support_with_cap(count: u32) -> folio_core::model::Support {
    let article =
        folio_core::model::parse(include_str!("../../../www/sample/article.json")).unwrap();
    let mut support = article.support.unwrap().unwrap();
    support.max_views = Some(folio_core::model::MaxViews {
        count: Some(count),
        days: Some(30),
    });
    support
}

#[test]
fn absurd_day_counts_are_clamped_to_ten_years() {
    let mut support = support_with_cap(4);
    support.max_views.as_mut().unwrap().days = Some(u32::MAX);
    support.decline.as_mut().unwrap().days = Some(u32::MAX);
    let policy = Policy::of(&support);
    assert_eq!(
        (policy.window_days, policy.snooze_days),
        (
            folio_core::schedule::MAX_DAYS,
            folio_core::schedule::MAX_DAYS
        )
    );
    let mut record = Record::default();
    assert_eq!(record.snooze(policy, NOW), NOW + 3650 * DAY_MS);
}

#[test]
fn a_supporter_is_recorded_once_and_read_back_across_versions_of_the_record() {
    let mut record = Record::default();
    assert!(!record.is_supporter());
    assert!(record.support(NOW), "the first mark is new");
    assert!(!record.support(NOW + DAY_MS), "a second one is not");
    assert_eq!(record.supported, Some(NOW), "the first time counts");
    let text = record.to_json();
    assert_eq!(
        text,
        format!("{{\"v\":1,\"views\":[],\"supported\":{NOW}}}")
    );
    assert!(Record::parse(&text).is_supporter());
    // A record written before supporters were kept reads as no supporter.
    assert!(!Record::parse(r#"{"v":1,"views":[1]}"#).is_supporter());
    assert!(!Record::parse(r#"{"v":1,"supported":"yes"}"#).is_supporter());
}

#[test]
fn a_reminder_rests_the_prompt_until_its_day_and_no_further_than_a_reminder_reaches() {
    use folio_core::reminder::MAX_REMINDER_DAYS;
    let policy = policy(4, 30, 7);
    let mut record = Record::default();
    record.remind(NOW + 40 * DAY_MS);
    let stored = Record::parse(&record.to_json());
    assert_eq!(stored.remind_at, Some(NOW + 40 * DAY_MS), "kept as written");
    assert!(
        !stored.may_show(policy, NOW),
        "40 days ahead, far past a 7-day snooze: it holds"
    );
    assert!(!stored.may_show(policy, NOW + 40 * DAY_MS - 1));
    assert!(
        stored.may_show(policy, NOW + 40 * DAY_MS),
        "on its day, the prompt is back"
    );
    let mut far = Record::default();
    far.remind(NOW + (MAX_REMINDER_DAYS + 1) * DAY_MS);
    assert!(
        far.may_show(policy, NOW),
        "further than any reminder reaches: not believed"
    );
    far.prune(policy, NOW);
    assert_eq!(far.remind_at, None, "and pruned");
}
