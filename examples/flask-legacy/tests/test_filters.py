from flask import render_template_string
from jinja2 import Markup

from shelf.store import Document

from .helpers import AppTestCase


class FilterTests(AppTestCase):
    def render(self, source, **context):
        with self.app.test_request_context("/", base_url="https://shelf.example"):
            return render_template_string(source, **context)

    def test_excerpt_keeps_short_text(self):
        self.assertEqual(self.render("{{ 'short'|excerpt }}"), "short")

    def test_excerpt_cuts_long_text_and_escapes_it(self):
        text = "Fish & chips, " * 5
        out = self.render("{{ text|excerpt(20) }}", text=text)
        self.assertEqual(out, 'Fish &amp; chips, Fish<span class="more">…</span>')

    def test_share_link_uses_the_request_host(self):
        document = Document("a-b", "A/B", "", None, None)
        out = self.render("{{ document|share_link }}", document=document)
        self.assertIn("body=https%3A%2F%2Fshelf.example%2Fdocuments%2Fa-b%2F", out)
        self.assertIn("subject=A%2FB&amp;", out)

    def test_share_link_leaves_sub_delimiters_unquoted(self):
        # url_quote keeps RFC 3986 sub-delimiters as they are: links generated before an
        # upgrade and after it must be the same.
        document = Document("q1", "Q1 (draft) + notes, v2!", "", None, None)
        out = self.render("{{ document|share_link }}", document=document)
        self.assertIn("subject=Q1%20(draft)%20+%20notes,%20v2!&amp;", out)

    def test_filters_return_markup(self):
        with self.app.test_request_context("/"):
            excerpt = self.app.jinja_env.filters["excerpt"]
            self.assertIsInstance(excerpt(self.app.jinja_env, "word " * 20, 10), Markup)
