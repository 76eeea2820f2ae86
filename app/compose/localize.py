"""Names a reply prints that read differently in each language: the destination country
("Brazil", "Brasil", "Бразилия"), the customs region ("the EU", "la UE"), a marketplace that
isn't named ("the website"), and the tracking link's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.catalog.catalog import Catalog
from app.compose.markers import Localized

OTHER_SITE = {"en": "the website", "zh": "网站", "es": "el sitio web", "pt": "site",
              "fr": "le site", "ru": "сайте"}
LINK_LANGUAGES = ("en", "es", "pt", "ru", "fr")  # 17TRACK's own page languages


def localized(scope: Mapping[str, Any], catalog: Catalog) -> dict[str, Any]:
    """The scope's printed names as per-language values (conditions keep the plain ones)."""
    out: dict[str, Any] = {}
    code = scope.get("destination_country")
    country = catalog.countries.get(str(code)) if code else None
    if country is not None:
        out["destination_country_name"] = Localized(
            {"en": country.en, "zh": country.zh}, lambda lang: _country_name(str(code), lang))
    region = catalog.customs.get(str(scope.get("customs_region")))
    if region is not None:
        out["customs_region_name"] = Localized({"en": region.name.en, "zh": region.name.zh,
                                                **region.names})
    if scope.get("marketplace") == "other":
        out["marketplace_name"] = Localized(OTHER_SITE)
    tracking = scope.get("tracking_url")
    if isinstance(tracking, str):
        out["tracking_url"] = Localized({lang: tracking.replace("/en#", f"/{lang}#")
                                         for lang in LINK_LANGUAGES})
    return out


def _country_name(code: str, lang: str) -> str | None:
    """CLDR's name of the country in `lang` ("Brasil"), imported only for a translation."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(lang).territories.get(code)
    except (UnknownLocaleError, ValueError):
        return None
    return str(name) if name else None



