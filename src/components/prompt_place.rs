//! Where the support prompt goes in an article rendered on a server: the
//! prompt itself needs script (the reader's snooze, the view cap, the
//! chosen amount), so the page holds its place, the island's props and,
//! for a reader without JavaScript, a plain link to the call to action.

use leptos::prelude::*;

use super::support::Campaign;

/// In context, the article is rendered for a page with no script at all
/// (feeds, e-mail): the prompt's place is the call to action's link alone.
#[derive(Clone, Copy, Debug)]
pub struct NoScript;

/// An empty `div.folio-prompt` (it takes no room until the island fills
/// it), holding the campaign's props in a JSON data block and the call to
/// action as a link inside `<noscript>`.
#[component]
pub fn PromptPlace(campaign: Campaign) -> impl IntoView {
    let props = campaign.to_props();
    let (href, rel) = crate::markup::link(&campaign.support.cta.href, campaign.base.as_deref());
    let label = campaign.support.cta.label.clone();
    if use_context::<NoScript>().is_some() {
        return view! {
            <p class="folio-support-fallback"><a class="folio-support__cta" href=href rel=rel>{label}</a></p>
        }
        .into_any();
    }
    view! {
        <div class="folio-prompt" data-island="support">
            <script type="application/json" inner_html=props></script>
            <noscript>
                <p class="folio-support-fallback"><a class="folio-support__cta" href=href rel=rel>{label}</a></p>
            </noscript>
        </div>
    }
    .into_any()
}
