# -*- coding: utf-8 -*-
from django.template import Context, Template
from django.test import SimpleTestCase
from django.utils.translation import ugettext_lazy

from .models import Author, Book


class LibraryTagTests(SimpleTestCase):
    def setUp(self):
        self.book = Book(title='Les Misérables & co', author=Author(name='Victor Hugo'))

    def render(self, source, **context):
        return Template('{% load library_tags %}' + source).render(Context(context))

    def test_book_label_html(self):
        self.assertEqual(self.render('{% book_label book %}', book=self.book), '<em>Les Misérables &amp; co</em> by Victor Hugo')

    def test_book_label_plain_text_flag(self):
        # True goes to the flag parameter, not to the encoding function it shadows.
        self.assertEqual(self.render('{% book_label book True %}', book=self.book), 'Les Misérables &amp; co')

    def test_as_text(self):
        self.assertEqual(self.render('{{ value|as_text }}', value=ugettext_lazy('books')), 'books')
        self.assertEqual(self.render('{{ value|as_text }}', value=42), '42')
