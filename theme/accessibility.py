"""MkDocs hook: names for what Material 9.8 leaves unnamed for assistive technology.

Its search overlay is a role="dialog" without a name (axe and Lighthouse: aria-dialog-name), so a
screen reader announces "Dialog" and nothing more. It gets the name of the search field's own label.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Suche">'


def on_post_page(output: str, page, config) -> str:
    if SEARCH_DIALOG not in output:
        if 'class="md-search"' in output and 'aria-label="Suche"' not in output:
            raise PluginError(f"{page.file.src_path}: Materials Suchdialog sieht anders aus als erwartet; "
                              "theme/accessibility.py muss angepasst werden.")
        return output
    return output.replace(SEARCH_DIALOG, NAMED, 1)
