//! The malformed-input corpus: each case's input, built in the page, and
//! what it must give.

/// What a case must give.
#[derive(Debug, Clone, Copy)]
pub(super) enum Expect {
    /// The article renders and nothing is reported.
    Renders,
    /// The error state, with `folio:error` naming this field.
    Field(&'static str),
    /// The error state, with a path starting so (very deep paths are cut).
    FieldStarting(&'static str),
    /// The error state for the document as a whole (no path).
    Whole,
    /// The article renders without its prompt; `folio:error` names this
    /// field of the support block.
    Support(&'static str),
    /// The article renders as a card: no paragraph, no prompt, and
    /// "Continue reading at {publisher}"; nothing is reported.
    Card,
}
use Expect::*;

/// The corpus: a name, a JavaScript expression building the input (text
/// or an object; `sample`, `edit(path, value)`, `drop(path)`, `json(value)`
/// are in scope), and what must happen.
pub(super) const CASES: &[(&str, &str, Expect)] = &[
    // Not JSON at all, or cut short.
    ("empty text", r#""""#, Whole),
    ("prose", r#""not json""#, Whole),
    ("open brace", r#""{""#, Whole),
    ("truncated sample", "json(sample).slice(0, 900)", Whole),
    ("truncated in a string", "json(sample).slice(0, 60)", Whole),
    ("trailing garbage", r#"json(sample) + " trailing""#, Whole),
    ("comments", r#""// a comment\n" + json(sample)"#, Whole),
    ("byte-order mark", r#""\ufeff" + json(sample)"#, Whole),
    (
        "single quotes",
        r#"json(sample).replaceAll('"', "'")"#,
        Whole,
    ),
    ("an array", r#""[]""#, Whole),
    ("null", r#""null""#, Whole),
    ("a number", r#""42""#, Whole),
    ("a string", r#""\"article\"""#, Whole),
    (
        "NaN literal",
        r#"json(sample).replace('"width":1280', '"width":NaN')"#,
        FieldStarting("image"),
    ),
    // Required fields missing or empty.
    ("no id", r#"drop("id")"#, Field("id")),
    ("no headline", r#"drop("headline")"#, Field("headline")),
    ("no body", r#"drop("body")"#, Card),
    (
        "no body and no url",
        r#"(() => { const a = structuredClone(sample); delete a.body; delete a.url; return a; })()"#,
        Field("body"),
    ),
    ("no published", r#"drop("published")"#, Field("published")),
    ("no image alt", r#"drop("image.alt")"#, Field("image.alt")),
    (
        "no support cta",
        r#"drop("support.cta")"#,
        Support("support.cta"),
    ),
    (
        "empty headline",
        r#"edit("headline", "")"#,
        Field("headline"),
    ),
    (
        "blank headline",
        r#"edit("headline", " \n\t ")"#,
        Field("headline"),
    ),
    (
        "empty read-more href",
        r#"edit("readMore.href", "")"#,
        Field("readMore.href"),
    ),
    // Wrong types.
    (
        "headline a number",
        r#"edit("headline", 42)"#,
        Field("headline"),
    ),
    (
        "headline null",
        r#"edit("headline", null)"#,
        Field("headline"),
    ),
    ("id a number", r#"edit("id", 123)"#, Field("id")),
    ("body a list", r#"edit("body", [])"#, Field("body")),
    (
        "authors a string",
        r#"edit("authors", "Ann")"#,
        Field("authors"),
    ),
    (
        "authors with a number",
        r#"edit("authors", ["Ann", 1])"#,
        Field("authors[1]"),
    ),
    (
        "height a string",
        r#"edit("image.height", "853")"#,
        Field("image.height"),
    ),
    (
        "image a string",
        r#"edit("image", "hero.svg")"#,
        Field("image"),
    ),
    ("image null", r#"edit("image", null)"#, Renders),
    (
        "support a string",
        r#"edit("support", "yes")"#,
        Support("support"),
    ),
    (
        "amounts an object",
        r#"edit("support.amounts", {})"#,
        Support("support.amounts"),
    ),
    (
        "afterParagraph text",
        r#"edit("support.afterParagraph", "4")"#,
        Support("support.afterParagraph"),
    ),
    // Numbers out of range.
    (
        "negative width",
        r#"edit("image.width", -1)"#,
        Field("image.width"),
    ),
    (
        "zero width",
        r#"edit("image.width", 0)"#,
        Field("image.width"),
    ),
    (
        "fractional width",
        r#"edit("image.width", 1.5)"#,
        Field("image.width"),
    ),
    (
        "width past 32 bits",
        r#"edit("image.width", 99999999999)"#,
        Field("image.width"),
    ),
    (
        "width 1e400",
        r#"json(sample).replace('"width":1280', '"width":1e400')"#,
        Field("image.width"),
    ),
    // JSON has no NaN: JSON.stringify writes null, which an optional
    // field reads as absent and a required one refuses.
    (
        "NaN width from JavaScript",
        r#"edit("image.width", NaN)"#,
        Renders,
    ),
    (
        "NaN amount from JavaScript",
        r#"edit("support.amounts[0].value", NaN)"#,
        Support("support.amounts[0].value"),
    ),
    (
        "Infinity amount from JavaScript",
        r#"edit("support.amounts[0].value", Infinity)"#,
        Support("support.amounts[0].value"),
    ),
    (
        "negative amount",
        r#"edit("support.amounts[1].value", -2)"#,
        Support("support.amounts[1].value"),
    ),
    (
        "zero amount",
        r#"edit("support.amounts[0].value", 0)"#,
        Support("support.amounts[0].value"),
    ),
    (
        "two default amounts",
        r#"edit("support.amounts[1].default", true)"#,
        Support("support.amounts[1].default"),
    ),
    (
        "afterParagraph 2^53",
        r#"edit("support.afterParagraph", 2 ** 53)"#,
        Renders,
    ),
    (
        "afterParagraph -1",
        r#"edit("support.afterParagraph", -1)"#,
        Support("support.afterParagraph"),
    ),
    (
        // A number no float can hold fails the support block alone.
        "afterParagraph 1e400",
        r#"json(sample).replace('"afterParagraph":4', '"afterParagraph":1e400')"#,
        Support("support.afterParagraph"),
    ),
    (
        "zero snooze days",
        r#"edit("support.decline.days", 0)"#,
        Support("support.decline.days"),
    ),
    (
        "huge view cap",
        r#"edit("support.maxViews.count", 1e10)"#,
        Support("support.maxViews.count"),
    ),
    (
        "currency in words",
        r#"edit("support.currency", "dollars")"#,
        Support("support.currency"),
    ),
    (
        "supporters asked",
        r#"edit("support.supporters", "ask")"#,
        Support("support.supporters"),
    ),
    (
        "reminder at a script address",
        r#"edit("support.reminder", { href: "javascript:alert(1)" })"#,
        Support("support.reminder.href"),
    ),
    (
        "reminder as text",
        r#"edit("support.reminder", "yes")"#,
        Support("support.reminder"),
    ),
    (
        "region of a lower-case country",
        r#"edit("support.regions", [{ countries: ["gb"], amounts: [{ value: 2 }] }])"#,
        Support("support.regions[0].countries[0]"),
    ),
    (
        "country in two regions",
        r#"edit("support.regions", [{ countries: ["GB"], amounts: [{ value: 2 }] }, { countries: ["GB"], amounts: [{ value: 3 }] }])"#,
        Support("support.regions[1].countries[0]"),
    ),
    (
        "region without amounts",
        r#"edit("support.regions", [{ countries: ["GB"], amounts: [] }])"#,
        Support("support.regions[0].amounts"),
    ),
    (
        "region amount of nothing",
        r#"edit("support.regions", [{ countries: ["GB"], amounts: [{ value: 0 }] }])"#,
        Support("support.regions[0].amounts[0].value"),
    ),
    (
        "two recommended monthly amounts",
        r#"edit("support.amounts", [{ value: 2, frequency: "monthly", recommended: true }, { value: 3, frequency: "monthly", recommended: true }])"#,
        Support("support.amounts[1].recommended"),
    ),
    (
        "a blank benefit",
        r#"edit("support.benefits", { monthly: [""] })"#,
        Support("support.benefits.monthly[0]"),
    ),
    (
        "six benefits",
        r#"edit("support.benefits", { once: ["a", "b", "c", "d", "e", "f"] })"#,
        Support("support.benefits.once"),
    ),
    (
        "images as one object",
        r#"edit("images", { src: "a.jpg", alt: "A" })"#,
        Field("images"),
    ),
    (
        "a photo without alt text",
        r#"edit("images", [{ src: "a.jpg", alt: "A" }, { src: "b.jpg" }])"#,
        Field("images[1].alt"),
    ),
    (
        "a photo of width zero",
        r#"edit("images", [{ src: "a.jpg", alt: "A", width: 0, height: 10 }])"#,
        Field("images[0].width"),
    ),
    (
        "201 photos",
        r#"edit("images", Array.from({ length: 201 }, (_, i) => ({ src: `${i}.jpg`, alt: "A" })))"#,
        Field("images"),
    ),
    (
        "an unlisted photo in the body",
        r#"edit("body", ["Text.", "![A photo](elsewhere.jpg)"].join(String.fromCharCode(10, 10)))"#,
        Renders,
    ),
    (
        "an embed without a url",
        r#"edit("embeds", [{ title: "A film" }])"#,
        Field("embeds[0].url"),
    ),
    (
        "an embed with a blank title",
        r#"edit("embeds", [{ url: "https://video.example/1", title: " " }])"#,
        Field("embeds[0].title"),
    ),
    (
        "an embed of height zero",
        r#"edit("embeds", [{ url: "https://video.example/1", width: 640, height: 0 }])"#,
        Field("embeds[0].height"),
    ),
    (
        "an embed whose url the policy refuses",
        r#"edit("embeds", [{ url: "javascript:alert(1)" }])"#,
        Field("embeds[0].url"),
    ),
    (
        "51 embeds",
        r#"edit("embeds", Array.from({ length: 51 }, (_, i) => ({ url: `https://video.example/${i}` })))"#,
        Field("embeds"),
    ),
    (
        "an embed whose html holds no frame",
        r#"edit("embeds", [{ url: "https://video.example/1", html: "<script>alert(1)</script>" }])"#,
        Renders,
    ),
    (
        "a related article without a url",
        r#"edit("related", [{ headline: "A" }])"#,
        Field("related[0].url"),
    ),
    (
        "a related article with a bad date",
        r#"edit("related", [{ headline: "A", url: "/a", published: "last week" }])"#,
        Field("related[0].published"),
    ),
    (
        "seven related articles",
        r#"edit("related", Array.from({ length: 7 }, (_, i) => ({ headline: "A", url: `/${i}` })))"#,
        Field("related"),
    ),
    (
        "frequency tabs as text",
        r#"edit("support.frequencyTabs", "yes")"#,
        Support("support.frequencyTabs"),
    ),
    (
        "article count from zero",
        r#"edit("support.articleCount", { threshold: 0 })"#,
        Support("support.articleCount.threshold"),
    ),
    (
        "article count past what is kept",
        r#"edit("support.articleCount", { threshold: 5000 })"#,
        Support("support.articleCount.threshold"),
    ),
    (
        "article count as a flag",
        r#"edit("support.articleCount", true)"#,
        Support("support.articleCount"),
    ),
    (
        "variant without a weight",
        r#"edit("support.variants", [{ name: "a" }])"#,
        Support("support.variants[0].weight"),
    ),
    (
        "variant weight below 0",
        r#"edit("support.variants", [{ name: "a", weight: -1 }])"#,
        Support("support.variants[0].weight"),
    ),
    (
        "variant weight 1e300",
        r#"edit("support.variants", [{ name: "a", weight: 1e300 }])"#,
        Support("support.variants[0].weight"),
    ),
    (
        "variant named twice",
        r#"edit("support.variants", [{ name: "a", weight: 1 }, { name: "a", weight: 2 }])"#,
        Support("support.variants[1].name"),
    ),
    (
        "variant name of 101 bytes",
        r#"edit("support.variants", [{ name: "n".repeat(101), weight: 1 }])"#,
        Support("support.variants[0].name"),
    ),
    (
        "nine variants",
        r#"edit("support.variants", [...Array(9).keys()].map((i) => ({ name: `v${i}`, weight: 1 })))"#,
        Support("support.variants"),
    ),
    (
        "variants all weighing 0",
        r#"edit("support.variants", [{ name: "a", weight: 0 }])"#,
        Support("support.variants"),
    ),
    (
        "variant amount of 0",
        r#"edit("support.variants", [{ name: "a", weight: 1, amounts: [{ value: 0 }] }])"#,
        Support("support.variants[0].amounts[0].value"),
    ),
    // Formats.
    (
        "published in words",
        r#"edit("published", "yesterday")"#,
        Field("published"),
    ),
    (
        "published impossible",
        r#"edit("published", "2020-13-45T99:99:99Z")"#,
        Field("published"),
    ),
    (
        "updated day and month swapped",
        r#"edit("updated", "2020-13-09")"#,
        Field("updated"),
    ),
    (
        "url without host",
        r#"edit("url", "http://")"#,
        Field("url"),
    ),
    (
        "url script",
        r#"edit("url", "javascript:alert(1)")"#,
        Field("url"),
    ),
    (
        "image host with a space",
        r#"edit("image.src", "https://exa mple.com/a.png")"#,
        Field("image.src"),
    ),
    ("language tag", r#"edit("lang", "english!")"#, Field("lang")),
    // Text the JavaScript way.
    (
        "lone surrogate from a JavaScript object",
        r#"edit("headline", "A \ud800 B")"#,
        Renders,
    ),
    (
        "lone surrogate in the body of a JavaScript object",
        r#"edit("body", "A \ud800 B\n\nMore.")"#,
        Renders,
    ),
    (
        "blank body of a JavaScript object",
        r#"edit("body", " \n ")"#,
        Field("body"),
    ),
    (
        "an object with a body and a toJSON, which decides what is read",
        r#"({ ...sample, toJSON() { return { ...sample, headline: "" }; } })"#,
        Field("headline"),
    ),
    (
        "lone surrogate in JavaScript text",
        r#"json(edit("headline", "A B")).replace("A B", "A \ud800 B")"#,
        Renders,
    ),
    (
        "lone surrogate escaped in JSON",
        r#"json(sample).replace('"Belarus"', '"\\ud800"')"#,
        Renders,
    ),
    (
        "NUL in the headline",
        r#"edit("headline", "A \u0000 B")"#,
        Renders,
    ),
    (
        "a cyclic object",
        "(() => { const a = structuredClone(sample); a.self = a; return a; })()",
        Whole,
    ),
    ("a BigInt", r#"edit("image.width", 10n)"#, Whole),
    (
        "toJSON that throws",
        "({ toJSON() { throw new Error('nope'); } })",
        Whole,
    ),
    // Size and depth.
    (
        "10 MB body",
        r#"edit("body", "word ".repeat(2 << 20))"#,
        Field("body"),
    ),
    (
        "headline past 64 KB",
        r#"edit("headline", "x".repeat(65537))"#,
        Field("headline"),
    ),
    (
        "a 1 MB word",
        r#"edit("body", "x".repeat(1 << 20))"#,
        Renders,
    ),
    (
        "lists 10,000 deep",
        r#"edit("body", "- ".repeat(10000) + "deepest")"#,
        Renders,
    ),
    (
        "quotes 10,000 deep",
        r#"edit("body", ">".repeat(10000) + " deepest")"#,
        Renders,
    ),
    (
        "emphasis 10,000 deep",
        r#"edit("body", "*".repeat(10000) + "deepest" + "*".repeat(10000))"#,
        Renders,
    ),
    (
        "links 10,000 deep",
        r#"edit("body", "[".repeat(10000) + "deepest" + "](https://x.example/)".repeat(10000))"#,
        Renders,
    ),
    (
        "JSON 10,000 deep",
        r#"json(sample).replace('{', '{"extra":' + "[".repeat(10000) + "]".repeat(10000) + ",")"#,
        FieldStarting("extra[0][0]"),
    ),
    (
        "60,000 values",
        r#"edit("extra", Array(60000).fill(0))"#,
        FieldStarting("extra["),
    ),
    (
        "unknown fields",
        r#"edit("extra", { nested: [1, { a: "b" }] })"#,
        Renders,
    ),
    (
        "duplicate keys",
        r#"json(sample).replace('{', '{"headline":"First",')"#,
        Field("headline"),
    ),
    // Read once: what a host object says the first time is what renders.
    (
        "a body getter that gives text, then a number",
        "(() => { let n = 0; const a = { ...sample }; delete a.body; \
           return Object.defineProperty(a, 'body', { enumerable: true, get: () => (++n === 1 ? sample.body : 42) }); })()",
        Renders,
    ),
    (
        "a headline getter that gives text, then an object",
        "(() => { let n = 0; const a = { ...sample }; delete a.headline; \
           return Object.defineProperty(a, 'headline', { enumerable: true, get: () => (++n === 1 ? 'Once' : {}) }); })()",
        Renders,
    ),
    (
        "a getter that throws",
        "Object.defineProperty({ ...sample }, 'kicker', { enumerable: true, get() { throw new Error('trap'); } })",
        Whole,
    ),
    (
        "a Proxy that throws on every read",
        "new Proxy({}, { ownKeys() { throw new Error('trap'); } })",
        Whole,
    ),
    // Numbers as JSON writes them, and numbers no one should echo whole.
    (
        "a width with an exponent",
        r#"json(sample).replace('"width":1280', '"width":1.28e3')"#,
        Renders,
    ),
    (
        "a width of 100,000 digits",
        r#"json(sample).replace('"width":1280', '"width":' + "9".repeat(100000))"#,
        Field("image.width"),
    ),
    // Characters no HTML document may hold read as U+FFFD.
    (
        "NUL and controls in the headline, id and alt",
        r#"edit("id", "x\u0000y", edit("headline", "N\u0000U\u007fL", edit("image.alt", "A\u0000B\u0001")))"#,
        Renders,
    ),
];
