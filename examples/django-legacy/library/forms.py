from django import forms
from django.utils.encoding import force_text
from django.utils.translation import ugettext_lazy as _

from .models import Book


class BookForm(forms.ModelForm):
    class Meta:
        model = Book
        fields = ['title', 'slug', 'author', 'isbn', 'published', 'summary']
        help_texts = {'isbn': _('10 or 13 digits, dashes allowed.')}

    def clean_isbn(self):
        isbn = force_text(self.cleaned_data['isbn']).replace('-', '').strip()
        if isbn and len(isbn) not in (10, 13):
            raise forms.ValidationError(_('An ISBN has 10 or 13 digits.'))
        return isbn


class SearchForm(forms.Form):
    q = forms.CharField(label=_('Search'), max_length=100)
