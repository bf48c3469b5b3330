// Each statement below is a type error that tsc must report (see the test).
import { mount } from "folio-article";
import type { Article } from "folio-article";

const story = document.createElement("div");
const missing: Article = { id: "x", headline: "No date" };
const wrongType: Article = { id: "x", headline: 42, published: "2020-09-13T18:04:00Z", body: "" };
mount(story, { id: "x", headline: "h", published: "p", body: "b" }, { theme: "sepia" });
document.querySelector("folio-article")?.setAttribute("theme", "blue");
document.addEventListener("folio:render", (event) => event.detail.campaign);
console.log(missing, wrongType);
