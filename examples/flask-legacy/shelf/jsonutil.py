import datetime
import decimal

from flask.json import JSONEncoder

from .store import Document


class ShelfJSONEncoder(JSONEncoder):
    """Flask's encoder, plus ISO dates, Decimal ratings and Document objects."""

    def default(self, o):
        if isinstance(o, datetime.date):
            return o.isoformat()
        if isinstance(o, decimal.Decimal):
            return str(o)
        if isinstance(o, Document):
            return o.to_dict()
        return JSONEncoder.default(self, o)
