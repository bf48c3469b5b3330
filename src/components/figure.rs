//! The hero photo with its caption and credit.

use leptos::prelude::*;

use crate::model::Image;

/// A `<figure>` whose image keeps its aspect ratio from `width`/`height`
/// (so nothing shifts when it loads), captioned with the caption and the
/// credit as distinct parts.
#[component]
pub fn HeroFigure(image: Image, base: Option<String>) -> impl IntoView {
    let resolve = |url: &str| crate::dom::resolve(url, base.as_deref());
    let src = resolve(&image.src);
    let srcset = image.srcset.as_deref().map(|set| {
        set.split(',')
            .filter_map(|candidate| {
                let mut parts = candidate.split_whitespace();
                let url = resolve(parts.next()?);
                Some(parts.fold(url, |acc, descriptor| acc + " " + descriptor))
            })
            .collect::<Vec<_>>()
            .join(", ")
    });
    let caption = image.caption.filter(|c| !c.trim().is_empty());
    let credit = image.credit.filter(|c| !c.trim().is_empty());
    let has_caption = caption.is_some() || credit.is_some();
    view! {
        <figure class="folio-figure">
            <img
                class="folio-figure__image"
                src=src
                srcset=srcset
                sizes="(min-width: 52rem) 52rem, 100vw"
                width=image.width
                height=image.height
                alt=image.alt
                decoding="async"
                fetchpriority="high"
            />
            {has_caption
                .then(|| {
                    view! {
                        <figcaption class="folio-figure__caption">
                            {caption.map(|text| view! { <span class="folio-figure__text">{text}</span> })}
                            {credit.map(|text| view! { <span class="folio-figure__credit">{text}</span> })}
                        </figcaption>
                    }
                })}
        </figure>
    }
}
