"""MkDocs hook: after each live simulator, a figure for the page's print version.

On screen the figure is hidden; printed (theme/druck.css), the simulator is hidden and
the figure shows the preset's title and where to find it interactively. When a picture of the
preset exists (docs/assets/kafkasim/bilder/<preset>.svg or .png, e.g. drawn at build time), the
figure shows it too; until then the note stands alone.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

SIMULATOR = re.compile(r'<div class="kafkasim"[^>]*\bdata-preset="([^"]+)"[^>]*>\s*</div>')
PICTURES = ("svg", "png")


def _titles(docs: Path) -> dict[str, str]:
    try:
        presets = json.loads((docs / "assets" / "kafkasim" / "presets.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}  # assets not built yet: the note names no title
    return {name: preset.get("title", "") for name, preset in presets.items()}


def figure(preset: str, title: str, page_title: str, page_url: str, picture: str | None) -> str:
    name = f"„{html.escape(title)}“" if title else ""
    where = html.escape(page_url) or "Startseite"
    img = (f'<img src="{html.escape(picture)}" alt="Simulator {name}: erstes Bild" loading="lazy">'
           if picture else "")
    return (
        f'<figure class="kurs-druckbild" data-preset="{html.escape(preset)}">{img}'
        f"<figcaption><strong>Interaktiver Simulator {name}</strong> – hier läuft im Kurs ein "
        f"Kafka-Simulator zum Ausprobieren. Öffnen Sie dazu die Seite „{html.escape(page_title)}“ "
        f"im Kurs: <code class=\"kurs-druckbild-adresse\">{where}</code></figcaption></figure>"
    )


# Before other plugins see the page: mkdocs-print-site-plugin copies it into the print page.
@event_priority(50)
def on_page_content(html_text: str, page, config, files) -> str:
    if 'class="kafkasim"' not in html_text:
        return html_text
    docs = Path(config["docs_dir"])
    titles = _titles(docs)
    site = (config.get("site_url") or "").rstrip("/")
    page_url = f"{site}/{page.url}" if site else page.url

    def add(match: re.Match) -> str:
        preset = match.group(1)
        picture = None
        for ext in PICTURES:
            rel = f"assets/kafkasim/bilder/{preset}.{ext}"
            if (docs / rel).is_file():
                picture = "../" * page.url.count("/") + rel
                break
        return match.group(0) + figure(preset, titles.get(preset, ""), page.title or "", page_url, picture)

    return SIMULATOR.sub(add, html_text)
