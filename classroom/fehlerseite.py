"""MkDocs hook: the error page (404.html) finds its styles and scripts under any sub-path.

MkDocs gives the error page root-absolute URLs ("/assets/…"), from the path of `site_url`, or "/"
when it is empty, as it is here (mkdocs.yml: the course runs under any sub-path). Served under
/kafka-kurs/ (GitHub Pages, a school's server, the classroom bundle), the page then loads nothing
of the course: no styles, no navigation script, a console full of 404s. Without a `site_url`, the
error page links relative to where it lies, the site's root, as every other page does. That holds
when the page is opened by its own address and for a mistyped address one level below the root;
a `site_url` (mkdocs' own behaviour) also covers deeper ones.
"""

from __future__ import annotations

from mkdocs import utils

RELATIVE_TO_THE_ROOT = "."


def on_template_context(context, template_name: str, config):
    if not utils.is_error_template(template_name) or config.get("site_url"):
        return context
    context["base_url"] = RELATIVE_TO_THE_ROOT
    context["extra_css"] = [utils.normalize_url(path, None, RELATIVE_TO_THE_ROOT) for path in config.extra_css]
    context["extra_javascript"] = [utils.normalize_url(str(script), None, RELATIVE_TO_THE_ROOT)
                                   for script in config.extra_javascript]
    return context
