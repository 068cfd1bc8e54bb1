"""An in-memory store, so the example needs no database."""
import datetime
import decimal


class Document(object):
    def __init__(self, slug, title, body, published, rating, filename=None):
        self.slug = slug
        self.title = title
        self.body = body
        self.published = published
        self.rating = rating
        self.filename = filename

    def to_dict(self):
        return {
            "slug": self.slug,
            "title": self.title,
            "published": self.published,
            "rating": self.rating,
            "filename": self.filename,
        }


class Shelf(object):
    def __init__(self):
        self._documents = {}

    @classmethod
    def with_samples(cls):
        shelf = cls()
        shelf.add(Document(
            "annual-report",
            "Annual report 2019",
            "Revenue grew in every region; the new reading room opened in March.",
            datetime.date(2020, 3, 4),
            decimal.Decimal("4.50"),
        ))
        shelf.add(Document(
            "les-miserables",
            "Les Misérables — notes",
            "Jean Valjean & Javert: a reading guide with 📚 chapter summaries.",
            datetime.date(2019, 11, 20),
            decimal.Decimal("5.00"),
        ))
        return shelf

    def add(self, document):
        self._documents[document.slug] = document
        return document

    def get(self, slug):
        return self._documents.get(slug)

    def all(self):
        return sorted(self._documents.values(), key=lambda d: d.published, reverse=True)
