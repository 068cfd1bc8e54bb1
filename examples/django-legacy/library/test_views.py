# -*- coding: utf-8 -*-
import datetime

from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse
from django.utils.http import urlquote

from .models import Author, Book


class LibraryViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = Author.objects.create(name='Victor Hugo', slug='victor-hugo')
        cls.book = Book.objects.create(
            title='Les Misérables', slug='les-miserables', author=cls.author, published=datetime.date(1862, 4, 3),
        )
        cls.other = Book.objects.create(
            title='Notre-Dame de Paris', slug='notre-dame', author=cls.author, published=datetime.date(1831, 3, 16),
        )
        cls.reader = User.objects.create_user('zoé')

    def test_book_list(self):
        response = self.client.get(reverse('library:book-list'))
        self.assertContains(response, '<em>Les Misérables</em> by Victor Hugo', html=True)
        self.assertContains(response, 'href="%s"' % self.other.get_absolute_url())
        self.assertIn('search_form', response.context)
        self.assertTemplateUsed(response, 'library/book_list.html')

    def test_book_list_paginates(self):
        response = self.client.get(reverse('library:book-list'), {'page': 2})
        self.assertEqual(response.status_code, 404)

    def test_detail_shows_borrow_button_to_readers_only(self):
        url = self.book.get_absolute_url()
        self.assertNotContains(self.client.get(url), 'Borrow')
        self.client.force_login(self.reader)
        self.assertContains(self.client.get(url), 'action="%s"' % reverse('library:borrow', kwargs={'slug': 'les-miserables'}))

    def test_detail_unknown_book(self):
        self.assertEqual(self.client.get('/library/books/999/').status_code, 404)

    def test_borrow_needs_login(self):
        url = reverse('library:borrow', kwargs={'slug': self.book.slug})
        response = self.client.post(url)
        self.assertRedirects(response, '/accounts/login/?next=' + urlquote(url), fetch_redirect_response=False)

    def test_borrow_needs_post(self):
        self.client.force_login(self.reader)
        response = self.client.get(reverse('library:borrow', kwargs={'slug': self.book.slug}))
        self.assertEqual(response.status_code, 405)

    def test_borrow_and_borrow_again(self):
        self.client.force_login(self.reader)
        url = reverse('library:borrow', kwargs={'slug': self.book.slug})
        response = self.client.post(url, {'next': '/library/'}, follow=True)
        self.assertRedirects(response, '/library/')
        self.assertContains(response, 'You borrowed &quot;Les Misérables&quot;.')
        self.assertEqual(Book.objects.get(pk=self.book.pk).borrowed_by, self.reader)

        response = self.client.post(url, follow=True)
        self.assertRedirects(response, self.book.get_absolute_url())
        self.assertContains(response, '&quot;Les Misérables&quot; is already borrowed.')

    def test_search_counts_matches(self):
        response = self.client.get(reverse('library:search', kwargs={'term': 'misérables'}))
        self.assertContains(response, '1 book matches &quot;misérables&quot;.')
        response = self.client.get(reverse('library:search', kwargs={'term': 'e'}))
        self.assertContains(response, '2 books match &quot;e&quot;.')

    def test_archive_by_year(self):
        response = self.client.get(reverse('library:archive', kwargs={'year': '1831'}))
        self.assertContains(response, '<h1>1831</h1>', html=True)
        self.assertContains(response, 'Notre-Dame de Paris')
        self.assertNotContains(response, 'Les Misérables')

    def test_author_books_json(self):
        response = self.client.get(reverse('library:author-books-json', kwargs={'author_id': self.author.pk}))
        self.assertEqual(response['Content-Type'], 'application/json')
        data = response.json()
        self.assertEqual(data['author'], 'Victor Hugo')
        self.assertEqual([b['title'] for b in data['books']], ['Les Misérables', 'Notre-Dame de Paris'])
        self.assertEqual(
            data['books'][0]['share_url'],
            'http://testserver/share/?u=/library/books/%d/' % self.book.pk,
        )

    def test_author_books_json_unknown_author(self):
        self.assertEqual(self.client.get('/library/authors/999/books.json').status_code, 404)
