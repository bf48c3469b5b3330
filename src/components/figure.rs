//! The hero photo with its caption and credit.

use leptos::prelude::*;

use folio_core::model::Image;

/// A `<figure>` whose image keeps its aspect ratio from `width`/`height`
/// (so nothing shifts when it loads), captioned with the caption and the
/// credit as distinct parts. Its URLs resolve against `base`.
#[component]
pub fn HeroFigure(image: Image, base: Option<String>) -> impl IntoView {
    let base = base.as_deref();
    let srcset = image
        .srcset
        .as_deref()
        .map(|set| folio_core::markup::srcset(set, base, &crate::page::Here));
    // `sizes` says how wide candidates of given widths (`640w`) are shown.
    let sizes = image.sizes();
    let part = |text: Option<String>| text.filter(|t| !t.trim().is_empty());
    let (caption, credit) = (part(image.caption), part(image.credit));
    let captioned = caption.is_some() || credit.is_some();
    view! {
        <figure class="folio-figure">
            <img
                class="folio-figure__image"
                src=crate::page::resolve(&image.src, base)
                srcset=srcset
                sizes=sizes
                width=image.width
                height=image.height
                alt=image.alt
                decoding="async"
                fetchpriority="high"
            />
            {captioned.then(|| view! {
                <figcaption class="folio-figure__caption">
                    {caption.map(|text| view! { <span class="folio-figure__text" dir="auto">{text}</span> })}
                    {credit.map(|text| view! { <span class="folio-figure__credit"><bdi>{text}</bdi></span> })}
                </figcaption>
            })}
        </figure>
    }
}
