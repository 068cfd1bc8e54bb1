"""Template filters registered by the app factory."""
import jinja2
from flask import url_for
from jinja2 import Markup, environmentfilter
from werkzeug.urls import url_quote


@jinja2.contextfilter
def share_link(context, document):
    """A mailto: link for a document, with the absolute URL quoted into the body."""
    request = context["request"]
    url = request.host_url.rstrip("/") + url_for("documents.detail", slug=document.slug)
    return Markup('<a href="mailto:?subject={}&amp;body={}">Share</a>').format(
        url_quote(document.title, safe=""), url_quote(url, safe="")
    )


@environmentfilter
def excerpt(environment, text, length=40):
    """The first words of a text; a cut text ends in a dimmed ellipsis."""
    short = environment.filters["truncate"](environment, text, length, end="")
    if len(short) < len(text):
        return Markup('{}<span class="more">…</span>').format(short)
    return short
