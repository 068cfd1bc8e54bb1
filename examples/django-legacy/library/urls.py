from django.conf.urls import url

from . import views

app_name = 'library'

urlpatterns = [
    url(r'^$', views.BookListView.as_view(), name='book-list'),
    url(r'^books/(?P<pk>[0-9]+)/$', views.book_detail, name='book-detail'),
    url(r'^books/(?P<slug>[-a-zA-Z0-9_]+)/borrow/$', views.borrow_book, name='borrow'),
    url(r'^authors/(?P<author_id>\d+)/books\.json$', views.author_books_json, name='author-books-json'),
    # These two must stay regular expressions: [\w-]+ also matches non-ASCII letters, which
    # <slug:term> would not, and {4} limits the year to four digits.
    url(r'^search/(?P<term>[\w-]+)/$', views.search, name='search'),
    url(r'^archive/(?P<year>[0-9]{4})/$', views.archive, name='archive'),
]
