from django.contrib import admin
from django.utils.text import unescape_entities
from django.utils.translation import ugettext_lazy as _

from .models import Author, Book


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ('name', 'slug')
    prepopulated_fields = {'slug': ('name',)}
    search_fields = ('name',)


@admin.register(Book)
class BookAdmin(admin.ModelAdmin):
    list_display = ('title', 'author', 'published', 'plain_summary', 'is_available')
    list_filter = ('published',)
    search_fields = ('title', 'isbn', 'author__name')
    raw_id_fields = ('author', 'borrowed_by')

    def plain_summary(self, obj):
        # Summaries come from a publisher feed that HTML-escapes everything.
        return unescape_entities(obj.summary)[:80]
    plain_summary.short_description = _('summary')

    def is_available(self, obj):
        return obj.is_available
    is_available.boolean = True
    is_available.short_description = _('available')
