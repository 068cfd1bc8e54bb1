# -*- coding: utf-8 -*-
from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse
from django.utils.encoding import force_text
from django.utils.text import unescape_entities

from .models import Author, Book


class BookTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = Author.objects.create(name='Victor Hugo', slug='victor-hugo')
        cls.book = Book.objects.create(
            title='Les Misérables',
            slug='les-miserables',
            author=cls.author,
            isbn='9780140444308',
            summary='Jean Valjean &amp; Javert — 📚 a classic',
        )
        cls.reader = User.objects.create_user('zoé', password='s3cret-pässword')

    def test_str_keeps_accents(self):
        self.assertEqual(force_text(self.book), 'Les Misérables')

    def test_summary_unescaped(self):
        self.assertEqual(unescape_entities(self.book.summary), 'Jean Valjean & Javert — 📚 a classic')

    def test_detail_page(self):
        response = self.client.get(reverse('library:book-detail', kwargs={'pk': self.book.pk}))
        self.assertContains(response, 'Les Misérables')

    def test_search_accepts_accents(self):
        # [\w-]+ in the URL pattern matches "misérables"; <slug:...> would not.
        response = self.client.get('/library/search/misérables/')
        self.assertEqual(response.status_code, 200)

    def test_borrow_redirects_to_safe_url_only(self):
        self.client.force_login(self.reader)
        url = reverse('library:borrow', kwargs={'slug': self.book.slug})
        response = self.client.post(url, {'next': 'https://evil.example/🙃'})
        self.assertRedirects(response, self.book.get_absolute_url(), fetch_redirect_response=False)
