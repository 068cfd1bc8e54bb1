# -*- coding: utf-8 -*-
from django.contrib.admin.sites import site
from django.contrib.auth.models import User
from django.test import TestCase

from .admin import BookAdmin
from .models import Author, Book


class LibraryAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser('admin', 'admin@example.com', 'admin-pässword')
        cls.author = Author.objects.create(name='Victor Hugo', slug='victor-hugo')
        cls.book = Book.objects.create(
            title='Les Misérables', slug='les-miserables', author=cls.author,
            summary='Jean Valjean &amp; Javert — 📚 a classic',
        )

    def setUp(self):
        self.client.force_login(self.admin)

    def test_registered(self):
        self.assertIsInstance(site._registry[Book], BookAdmin)
        self.assertIn(Author, site._registry)

    def test_book_changelist_columns(self):
        response = self.client.get('/admin/library/book/')
        self.assertContains(response, 'Les Misérables')
        self.assertContains(response, 'Summary')
        self.assertContains(response, 'Available')
        # The summary is unescaped once by plain_summary, then escaped by the admin.
        self.assertContains(response, 'Jean Valjean &amp; Javert — 📚 a classic')
        self.assertContains(response, 'alt="True"')

    def test_is_available_is_a_boolean_column(self):
        model_admin = site._registry[Book]
        self.assertTrue(model_admin.is_available.boolean)
        self.assertEqual(str(model_admin.plain_summary.short_description), 'summary')
        self.assertEqual(model_admin.plain_summary(self.book), 'Jean Valjean & Javert — 📚 a classic')

    def test_book_search(self):
        response = self.client.get('/admin/library/book/', {'q': 'hugo'})
        self.assertContains(response, 'Les Misérables')
        response = self.client.get('/admin/library/book/', {'q': 'dumas'})
        self.assertNotContains(response, 'Les Misérables')

    def test_author_add_form(self):
        response = self.client.get('/admin/library/author/add/')
        self.assertContains(response, 'id="id_slug"')
        response = self.client.post('/admin/library/author/add/', {'name': 'Émile Zola', 'slug': 'emile-zola', 'bio': ''})
        self.assertRedirects(response, '/admin/library/author/')
        self.assertTrue(Author.objects.filter(slug='emile-zola').exists())

    def test_book_change_page(self):
        response = self.client.get('/admin/library/book/%d/change/' % self.book.pk)
        self.assertContains(response, 'Les Misérables')
