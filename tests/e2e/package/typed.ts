// A typed consumer of folio-article: everything here must type-check.
import Folio, { mount, ready, version, liveWidgets, markSupported } from "folio-article";
import type { Article, FolioArticleElement, FolioErrorDetail, FolioHandle, Support } from "folio-article";

const support: Support = {
  campaign: "favor-2024",
  heading: "… we have a small favor to ask.",
  cta: { label: "Support us", href: "https://publisher.example/support" },
  amounts: [{ label: "$2 / month", value: 2, frequency: "monthly", default: true }],
};

const article: Article = {
  id: "typed",
  headline: "A typed article",
  published: "2020-09-13T18:04:00Z",
  body: "One paragraph.",
  authors: ["Jane Doe"],
  image: { src: "https://publisher.example/photo.jpg", alt: "A photo", width: 1280, height: 853 },
  support,
};

const story = document.getElementById("story");
if (story) {
  const handle: FolioHandle = mount(story, article, { theme: "dark", support: "off" });
  handle.update({ ...article, headline: "A new headline" });
  handle.update(JSON.stringify(article));
  handle.unmount();
}

// The element: its tag, its article property and its attributes.
const element: FolioArticleElement = document.createElement("folio-article");
element.article = article;
element.setAttribute("theme", "auto");
element.setAttribute("support", "off");
element.setAttribute("data-section", "world");
const found: FolioArticleElement | null = document.querySelector("folio-article");

// Every event's detail, on the element, the document and the window.
element.addEventListener("folio:render", (event) => console.log(event.detail.id.toUpperCase()));
document.addEventListener("folio:error", (event) => {
  const detail: FolioErrorDetail = event.detail;
  console.log(detail.message, detail.path?.length);
});
document.addEventListener("folio:support-click", (event) => console.log(event.detail.url, event.detail.amount?.toFixed(2)));
window.addEventListener("folio:support-dismiss", (event) => console.log(new Date(event.detail.until)));
found?.addEventListener("folio:support-view", (event) => console.log(event.detail.campaign));
document.addEventListener("folio:support-supporter", (event) => console.log(event.detail.via === "url"));

// Supporters and consent.
if (story) mount(story, article, { supporter: true, consent: "pending" });
const marked: Promise<boolean> = markSupported("favor-2024", { consent: "granted" });
void Folio.markSupported("favor-2024");

const started: Promise<boolean> = ready;
const text: string = version + Folio.version + window.Folio.version;
const count: number = liveWidgets() + Folio.liveWidgets();
console.log(started, text, count, marked);
