# -*- coding: utf-8 -*-
from django.test import TestCase

from .forms import BookForm, SearchForm
from .models import Author


class BookFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = Author.objects.create(name='Victor Hugo', slug='victor-hugo')

    def data(self, **overrides):
        data = {'title': 'Notre-Dame de Paris', 'slug': 'notre-dame', 'author': self.author.pk, 'isbn': '', 'summary': ''}
        data.update(overrides)
        return data

    def test_isbn_dashes_are_removed(self):
        form = BookForm(self.data(isbn='0-14-044430-8'))
        self.assertTrue(form.is_valid(), form.errors)
        self.assertEqual(form.cleaned_data['isbn'], '0140444308')

    def test_isbn_length(self):
        form = BookForm(self.data(isbn='12-34'))
        self.assertFalse(form.is_valid())
        self.assertEqual(form.errors['isbn'], ['An ISBN has 10 or 13 digits.'])

    def test_isbn_is_optional(self):
        self.assertTrue(BookForm(self.data()).is_valid())

    def test_help_text(self):
        self.assertEqual(str(BookForm().fields['isbn'].help_text), '10 or 13 digits, dashes allowed.')

    def test_save(self):
        book = BookForm(self.data(published='1831-03-16')).save()
        self.assertEqual(book.author, self.author)
        self.assertEqual(book.published.year, 1831)


class SearchFormTests(TestCase):
    def test_label_and_length(self):
        form = SearchForm({'q': 'x' * 101})
        self.assertFalse(form.is_valid())
        self.assertEqual(str(form.fields['q'].label), 'Search')
        self.assertTrue(SearchForm({'q': 'misérables'}).is_valid())
