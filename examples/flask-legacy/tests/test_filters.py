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

    def test_filters_return_markup(self):
        with self.app.test_request_context("/"):
            excerpt = self.app.jinja_env.filters["excerpt"]
            self.assertIsInstance(excerpt(self.app.jinja_env, "word " * 20, 10), Markup)
