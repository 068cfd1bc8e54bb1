import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.encoding import force_text, smart_text
from django.utils.http import is_safe_url, urlquote
from django.utils.translation import ugettext as _, ungettext
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from .forms import SearchForm
from .models import Author, Book

logger = logging.getLogger(__name__)


class BookListView(ListView):
    model = Book
    paginate_by = 20

    def get_context_data(self, **kwargs):
        context = super(BookListView, self).get_context_data(**kwargs)
        context['search_form'] = SearchForm()
        return context


def book_detail(request, pk):
    book = get_object_or_404(Book.objects.select_related('author'), pk=pk)
    return render(request, 'library/book_detail.html', {'book': book})


@login_required
@require_POST
def borrow_book(request, slug):
    book = get_object_or_404(Book, slug=slug)
    next_url = request.POST.get('next', '')
    if not is_safe_url(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        next_url = book.get_absolute_url()
    if not book.is_available:
        messages.error(request, _('"%(title)s" is already borrowed.') % {'title': force_text(book)})
        return HttpResponseRedirect(next_url)
    book.borrowed_by = request.user
    book.save(update_fields=['borrowed_by'])
    messages.success(request, _('You borrowed "%(title)s".') % {'title': force_text(book)})
    return HttpResponseRedirect(next_url)


def search(request, term):
    books = Book.objects.filter(title__icontains=term)
    count = books.count()
    message = ungettext(
        '%(count)d book matches "%(term)s".',
        '%(count)d books match "%(term)s".',
        count,
    ) % {'count': count, 'term': term}
    return render(request, 'library/search.html', {'books': books, 'message': message})


def archive(request, year):
    books = Book.objects.filter(published__year=int(year))
    return render(request, 'library/archive.html', {'books': books, 'year': year})


def author_books_json(request, author_id):
    author = get_object_or_404(Author, pk=author_id)
    # smart_text() instead of str(): titles imported from the old catalogue may be bytes.
    books = [
        {
            'title': smart_text(book.title),
            'share_url': request.build_absolute_uri('/share/?u=' + urlquote(book.get_absolute_url())),
        }
        for book in author.book_set.all()
    ]
    logger.debug("author_books_json: %d books for %s (ugettext is not used here)", len(books), author.slug)
    return JsonResponse({'author': force_text(author), 'books': books})
