// Types of folio.js: the JavaScript API, the <folio-article> element and
// its events. The article's own types are in ./article.d.ts, generated
// from the JSON Schema of Article JSON v1.

import type { Article } from "./article";

export type * from "./article";

/** `light`, `dark`, or `auto` (follows `prefers-color-scheme`). */
export type Theme = "light" | "dark" | "auto";

/**
 * An article as `mount`, `update` and the `article` property take it: an
 * object, or its JSON text. Besides Article JSON v1, an ANS story or
 * schema.org JSON-LD (typed loosely: their schemas are not Folio's).
 */
export type ArticleInput = Article | Record<string, unknown> | unknown[] | string;

/** Options of {@link mount}. */
export interface MountOptions {
  /** The colour scheme; `auto` unless given. */
  theme?: Theme;
  /** `"off"`: no support prompt and no banner. */
  support?: "off" | "on";
  /** `true`: the reader supports the publisher; the article's campaign is recorded as supported. */
  supporter?: boolean;
  /** The reader's consent to storage: anything but `"granted"` (the default) keeps the prompt's record in memory for the page, out of `localStorage`. */
  consent?: Consent;
  /** The host's own name for the reader (a user id): puts them in the same variant of the prompt wherever it is given; else a draw kept on this browser. */
  bucket?: string | number;
  /** The reader's country as an ISO 3166-1 alpha-2 code (`"GB"`, as a CDN's country header gives it): the prompt shows its region's amounts and currency. */
  country?: string;
  /** The UI language of Folio's own words (BCP 47); else the article's `lang`, else English. */
  lang?: string;
  /** The article's direction, over the one its `lang` implies. */
  dir?: "ltr" | "rtl";
  /** The headline's heading level (1 unless given; text such as `"2"` counts too); the body's headings follow below it. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6 | "1" | "2" | "3" | "4" | "5" | "6";
  /** Read the article as this format only; detected from its shape unless given. */
  format?: ArticleFormat;
}

/** The formats Folio reads: Article JSON v1, Arc XP ANS, schema.org JSON-LD. */
export type ArticleFormat = "folio" | "ans" | "json-ld";

/** What {@link mount} returns. */
export interface FolioHandle {
  /** Renders a new article, touching only what changed. */
  update(article: ArticleInput): void;
  /** Empties the shadow root and frees the widget's memory (the only way a widget ends). */
  unmount(): void;
}

/**
 * Renders `article` into `element`'s shadow root. The article and the
 * options are read once, when called. The widget lives until
 * `unmount()`, whether or not the handle is kept; a second `mount` on the
 * same element replaces it. Never throws for bad content or a bad option:
 * it shows the error state and sends `folio:error` (naming
 * `options.<name>` for an option). Throws a `TypeError` only if the element
 * cannot have a shadow root.
 */
export function mount(element: HTMLElement, article: ArticleInput, options?: MountOptions | null): FolioHandle;

/** The library's version, the same as the package's. */
export const version: string;

/**
 * Resolves to `true` once the WebAssembly core runs (`false` if it could not
 * start). Waiting on it loads the core when no article has yet.
 */
export const ready: Promise<boolean>;

/** How many widgets hold memory in the core (diagnostics). */
export function liveWidgets(): number;

/**
 * Records the reader as a supporter of `campaign` on this browser: its
 * prompts and banners, on this page and later ones, thank them or leave
 * them alone (the article's `support.supporters`). Resolves to `true` when
 * they were not one before; rejects with a `TypeError` for an empty name.
 */
export function markSupported(campaign: string, options?: { consent?: Consent } | null): Promise<boolean>;

/** The reader's consent to storage, as the host's consent tool says. */
export type Consent = "granted" | "denied" | "pending";

/** The same API as the named exports, also on `window.Folio`. */
export interface FolioApi {
  readonly version: string;
  readonly mount: typeof mount;
  readonly ready: Promise<boolean>;
  readonly liveWidgets: typeof liveWidgets;
  readonly markSupported: typeof markSupported;
}

declare const Folio: FolioApi;
export default Folio;

/** `detail` of `folio:render`: the article is in the DOM. */
export interface FolioRenderDetail {
  /** The article's `id`. */
  id: string;
}

/** `detail` of `folio:error`: bad content, a failed fetch, or a core that could not start. */
export interface FolioErrorDetail {
  /** One sentence, for people. */
  message: string;
  /** The bad field's path (`support.amounts[1].value`), when the content is at fault. */
  path?: string;
}

/** `detail` of `folio:notice`: something of an ANS or JSON-LD source that is not shown. */
export interface FolioNoticeDetail {
  /** The source element's path (`content_elements[3]`). */
  path: string;
  /** What was done with it, in one sentence. */
  message: string;
}

/** `detail` of `folio:support-view`: the prompt was at least half visible for a second. */
export interface FolioSupportViewDetail {
  campaign: string;
  /** The variant of the prompt the reader was put in, when the campaign has variants. */
  variant?: string;
}

/** `detail` of `folio:support-click`: a call to action was followed. */
export interface FolioSupportClickDetail {
  campaign: string;
  /** The variant of the prompt the reader was put in, when the campaign has variants. */
  variant?: string;
  /** Where the reader went. */
  url: string;
  /** The chosen amount's `value`, if one was chosen. */
  amount?: number;
}

/** `detail` of `folio:support-dismiss`: "Remind me later". */
export interface FolioSupportDismissDetail {
  campaign: string;
  /** The variant of the prompt the reader was put in, when the campaign has variants. */
  variant?: string;
  /** When the prompt may show again (RFC 3339). */
  until: string;
}

/** `detail` of `folio:support-reminder`: the reader asked for a reminder. */
export interface FolioSupportReminderDetail {
  campaign: string;
  /** The variant of the prompt the reader was put in, when the campaign has variants. */
  variant?: string;
  /** When the prompt may show again: the reminder's day, at its start (RFC 3339). */
  until: string;
  /** The reminder's day (`2027-02-01`). */
  date: string;
  /** A calendar file handed to the reader, or a link to the publisher's service. */
  via: "calendar" | "link";
}

/** `detail` of `folio:support-count-off`: the reader turned their article count off for good. */
export interface FolioSupportCountOffDetail {
  campaign: string;
  /** The variant of the prompt the reader was put in, when the campaign has variants. */
  variant?: string;
}

/** `detail` of `folio:support-supporter`: the widget recorded the reader as a supporter. */
export interface FolioSupportSupporterDetail {
  campaign: string;
  /** The variant of the prompt the reader was put in, when the campaign has variants. */
  variant?: string;
  /** How Folio learned it: the page's address (`folio-supported`) or the host (`supporter`). */
  via: "url" | "host";
}

/** Folio's events: `CustomEvent`s that bubble and cross shadow roots. */
export interface FolioEventMap {
  "folio:render": CustomEvent<FolioRenderDetail>;
  "folio:error": CustomEvent<FolioErrorDetail>;
  "folio:notice": CustomEvent<FolioNoticeDetail>;
  "folio:support-view": CustomEvent<FolioSupportViewDetail>;
  "folio:support-click": CustomEvent<FolioSupportClickDetail>;
  "folio:support-dismiss": CustomEvent<FolioSupportDismissDetail>;
  "folio:support-reminder": CustomEvent<FolioSupportReminderDetail>;
  "folio:support-count-off": CustomEvent<FolioSupportCountOffDetail>;
  "folio:support-supporter": CustomEvent<FolioSupportSupporterDetail>;
}

/** The attributes of `<folio-article>`, all optional. */
export interface FolioArticleAttributes {
  /** URL of the article JSON (fetched with CORS). */
  src: string;
  theme: Theme;
  /** Present: fetch and render only near the viewport. */
  lazy: "" | "lazy";
  /** `off`: no support prompt and no banner. */
  support: "off" | "on";
  /** Present: the reader supports the publisher; the article's campaign is recorded as supported. */
  supporter: "";
  /** The reader's consent to storage; only `granted` (or no attribute) lets the prompt's record go to `localStorage`. */
  consent: Consent;
  /** The host's own name for the reader among the prompt's variants. */
  bucket: string;
  /** The reader's country (`GB`): the prompt shows its region's amounts and currency. */
  country: string;
  /** Milliseconds to wait for `src` before showing the error. */
  timeout: `${number}`;
  /** Present: ask for `src` again every 10 seconds (or this many, at least 5) while the page is visible, and show a change in place. */
  live: "" | `${number}`;
  /** The UI language of Folio's own words (BCP 47). */
  lang: string;
  /** The article's direction, over the one its `lang` implies. */
  dir: "ltr" | "rtl";
  /** The headline's heading level, `1` to `6`. */
  "heading-level": `${1 | 2 | 3 | 4 | 5 | 6}`;
  /** Read the article as this format only. */
  format: ArticleFormat;
}

/** The `<folio-article>` element. */
export interface FolioArticleElement extends HTMLElement {
  /** The article last set (object or JSON text); setting it renders it, like `update`. */
  article: ArticleInput | undefined;
  getAttribute(name: keyof FolioArticleAttributes): string | null;
  getAttribute(name: string): string | null;
  setAttribute<K extends keyof FolioArticleAttributes>(name: K, value: FolioArticleAttributes[K]): void;
  /** Any other attribute; Folio's own take only their values above. */
  setAttribute<N extends string>(name: N extends keyof FolioArticleAttributes ? never : N, value: string): void;
  addEventListener<K extends keyof FolioEventMap>(
    type: K,
    listener: (this: FolioArticleElement, event: FolioEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: FolioArticleElement, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "folio-article": FolioArticleElement;
  }
  // Every widget's events bubble to the document and its elements.
  interface HTMLElementEventMap extends FolioEventMap {}
  interface DocumentEventMap extends FolioEventMap {}
  interface WindowEventMap extends FolioEventMap {}
  // eslint-disable-next-line no-var
  var Folio: FolioApi;
}
