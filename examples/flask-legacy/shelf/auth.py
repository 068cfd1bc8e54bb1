import functools

from flask import abort, current_app, request
from werkzeug.security import safe_str_cmp


def token_required(view):
    """API views need the X-Shelf-Token header; compared in constant time."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        given = request.headers.get("X-Shelf-Token", "")
        if not safe_str_cmp(given, current_app.config["API_TOKEN"]):
            abort(401)
        return view(*args, **kwargs)

    return wrapped
