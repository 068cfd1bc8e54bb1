from django import template
from django.utils.encoding import force_text
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def book_label(book, force_text=False):
    """Label for a book: emphasised HTML, or plain text when ``force_text`` is true.

    The parameter shadows django.utils.encoding.force_text inside this function on purpose;
    it is a flag here and must stay one.
    """
    if force_text:
        return book.title
    return format_html('<em>{}</em> by {}', book.title, book.author.name)


@register.filter
def as_text(value):
    return force_text(value, strings_only=True)
