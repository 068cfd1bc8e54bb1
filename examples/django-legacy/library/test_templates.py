# -*- coding: utf-8 -*-
from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse

from .models import Author, Book


class TemplateTests(TestCase):
    """What the templates show; their old tags ({% ifequal %}, length_is, ...) must keep it."""

    @classmethod
    def setUpTestData(cls):
        author = Author.objects.create(name='Victor Hugo', slug='victor-hugo')
        cls.reader = User.objects.create_user('zoé')
        cls.other_reader = User.objects.create_user('ada')
        cls.summarised = Book.objects.create(
            title='Les Misérables', slug='les-miserables', author=author, summary='Jean Valjean & Javert',
        )
        cls.borrowed = Book.objects.create(
            title='Notre-Dame de Paris', slug='notre-dame', author=author, borrowed_by=cls.reader,
        )

    def test_stylesheet_link(self):
        response = self.client.get(reverse('home'))
        self.assertContains(response, '<link rel="stylesheet" href="/static/library/site.css">', html=True)

    def test_summary_only_when_there_is_one(self):
        self.assertContains(self.client.get(self.summarised.get_absolute_url()), '<p class="summary">Jean Valjean &amp; Javert</p>', html=True)
        self.assertNotContains(self.client.get(self.borrowed.get_absolute_url()), 'class="summary"')

    def test_borrower_sees_their_loan(self):
        self.client.force_login(self.reader)
        response = self.client.get(self.borrowed.get_absolute_url())
        self.assertContains(response, 'You have borrowed this book.')
        self.assertNotContains(response, 'Not available')

    def test_others_see_the_book_is_out(self):
        for login in (None, self.other_reader):
            if login:
                self.client.force_login(login)
            response = self.client.get(self.borrowed.get_absolute_url())
            self.assertContains(response, 'Not available — come back soon.')
            self.assertNotContains(response, 'You have borrowed this book.')
            self.assertNotContains(response, 'Borrow</button>')

    def test_available_book_has_neither_message(self):
        self.client.force_login(self.other_reader)
        response = self.client.get(self.summarised.get_absolute_url())
        self.assertContains(response, 'Borrow</button>')
        self.assertNotContains(response, 'Not available')
        self.assertNotContains(response, 'You have borrowed this book.')

    def test_single_search_match_is_called_out(self):
        self.assertContains(self.client.get(reverse('library:search', kwargs={'term': 'misérables'})), 'Exactly one match.')
        self.assertNotContains(self.client.get(reverse('library:search', kwargs={'term': 'e'})), 'Exactly one match.')
        self.assertNotContains(self.client.get(reverse('library:search', kwargs={'term': 'zola'})), 'Exactly one match.')

    def test_archive_links_back_to_the_list(self):
        response = self.client.get(reverse('library:archive', kwargs={'year': '1862'}))
        self.assertContains(response, '<a href="/library/">All books</a>', html=True)
