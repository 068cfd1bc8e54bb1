# -*- coding: utf-8 -*-
from django.test import SimpleTestCase
from django.urls import Resolver404, resolve, reverse

from . import views


class LibraryUrlTests(SimpleTestCase):
    def test_reverse(self):
        self.assertEqual(reverse('library:book-list'), '/library/')
        self.assertEqual(reverse('library:book-detail', kwargs={'pk': 7}), '/library/books/7/')
        self.assertEqual(reverse('library:borrow', kwargs={'slug': 'les-miserables'}), '/library/books/les-miserables/borrow/')
        self.assertEqual(reverse('library:author-books-json', kwargs={'author_id': 3}), '/library/authors/3/books.json')
        self.assertEqual(reverse('library:search', kwargs={'term': 'misérables'}), '/library/search/mis%C3%A9rables/')
        self.assertEqual(reverse('library:archive', kwargs={'year': '1862'}), '/library/archive/1862/')

    def test_resolve(self):
        match = resolve('/library/books/7/')
        self.assertEqual(match.func, views.book_detail)
        self.assertEqual(str(match.kwargs['pk']), '7')
        self.assertEqual(match.view_name, 'library:book-detail')
        self.assertEqual(resolve('/library/search/misérables/').kwargs, {'term': 'misérables'})
        self.assertEqual(resolve('/library/archive/1862/').kwargs, {'year': '1862'})
        self.assertEqual(resolve('/library/').func.view_class, views.BookListView)

    def test_no_match(self):
        for path in ('/library/books/seven/', '/library/archive/862/', '/library/archive/18620/',
                     '/library/books/les misérables/borrow/', '/library/authors/x/books.json'):
            with self.subTest(path=path):
                with self.assertRaises(Resolver404):
                    resolve(path)
