# -*- coding: utf-8 -*-
import datetime

from django.contrib.auth.models import User
from django.test import TestCase
from django.utils.encoding import force_text
from django.utils.translation import ugettext as _

from .models import Author, Book


class ModelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.hugo = Author.objects.create(name='Victor Hugo', slug='victor-hugo')
        cls.dumas = Author.objects.create(name='Alexandre Dumas', slug='alexandre-dumas')
        cls.miserables = Book.objects.create(
            title='Les Misérables', slug='les-miserables', author=cls.hugo, published=datetime.date(1862, 4, 3),
        )
        cls.monte_cristo = Book.objects.create(
            title='Le Comte de Monte-Cristo', slug='monte-cristo', author=cls.dumas, published=datetime.date(1844, 8, 28),
        )

    def test_str(self):
        self.assertEqual(force_text(self.hugo), 'Victor Hugo')
        self.assertEqual(str(self.miserables), 'Les Misérables')

    def test_ordering(self):
        self.assertQuerysetEqual(Author.objects.all(), [self.dumas, self.hugo])
        self.assertQuerysetEqual(Book.objects.all(), [self.monte_cristo, self.miserables])

    def test_absolute_url(self):
        self.assertEqual(self.miserables.get_absolute_url(), '/library/books/%d/' % self.miserables.pk)

    def test_availability_follows_the_borrower(self):
        self.assertTrue(self.miserables.is_available)
        reader = User.objects.create_user('reader')
        self.miserables.borrowed_by = reader
        self.miserables.save()
        self.assertFalse(Book.objects.get(pk=self.miserables.pk).is_available)
        self.assertQuerysetEqual(reader.borrowed_books.all(), [self.miserables])
        reader.delete()
        # SET_NULL: deleting the borrower returns the book.
        self.assertTrue(Book.objects.get(pk=self.miserables.pk).is_available)

    def test_deleting_an_author_deletes_the_books(self):
        self.dumas.delete()
        self.assertQuerysetEqual(Book.objects.all(), [self.miserables])

    def test_verbose_names_are_translatable(self):
        self.assertEqual(force_text(Book._meta.verbose_name_plural), _('books'))
        self.assertEqual(force_text(Book._meta.get_field('borrowed_by').verbose_name), 'borrowed by')
