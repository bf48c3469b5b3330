// A tiny app that installs folio-article from npm and bundles it: it mounts
// the seed article and says which version it got.
import { mount, ready, version } from "folio-article";
import article from "./article.json";

mount(document.getElementById("story"), article);
document.documentElement.dataset.folioVersion = version;
ready.then((started) => (document.documentElement.dataset.folioReady = String(started)));
