from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.encoding import force_text
from django.utils.translation import ugettext_lazy as _


class Author(models.Model):
    name = models.CharField(_('name'), max_length=200)
    slug = models.SlugField(_('slug'), unique=True)
    bio = models.TextField(_('biography'), blank=True)

    class Meta:
        ordering = ['name']
        verbose_name = _('author')
        verbose_name_plural = _('authors')

    def __str__(self):
        return self.name


class Book(models.Model):
    title = models.CharField(_('title'), max_length=300)
    slug = models.SlugField(_('slug'), unique=True)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, verbose_name=_('author'))
    isbn = models.CharField(_('ISBN'), max_length=13, blank=True)
    published = models.DateField(_('published'), null=True, blank=True)
    summary = models.TextField(_('summary'), blank=True)
    borrowed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='borrowed_books',
        verbose_name=_('borrowed by'),
    )

    class Meta:
        ordering = ['title']
        verbose_name = _('book')
        verbose_name_plural = _('books')

    def __str__(self):
        # Titles may be lazy translation proxies when created from fixtures.
        return force_text(self.title)

    def get_absolute_url(self):
        return reverse('library:book-detail', kwargs={'pk': self.pk})

    @property
    def is_available(self):
        return self.borrowed_by_id is None
