"""Shelf: a small document shelf written for Flask 1.1 / Werkzeug 0.16 / Jinja 2.11."""
import os

from flask import Flask
from werkzeug.contrib.fixers import ProxyFix

from . import api, documents, filters
from .jsonutil import ShelfJSONEncoder
from .store import Shelf


def create_app(test_config=None):
    """Application factory: ``flask run`` finds it through FLASK_APP=shelf."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        SECRET_KEY="dev-only-not-for-production",
        API_TOKEN="dev-token",
        UPLOAD_FOLDER=os.path.join(app.instance_path, "uploads"),
        SHELF_TITLE="Shelf",
    )
    # Site-wide defaults shipped with the package; instance settings override them.
    app.config.from_json(os.path.join(app.root_path, "settings.json"))
    app.config.from_json("settings.json", silent=True)
    if test_config is not None:
        app.config.update(test_config)

    # Dates as ISO 8601 and Decimal ratings as strings in every JSON response.
    app.json_encoder = ShelfJSONEncoder

    app.add_template_filter(filters.share_link)
    app.add_template_filter(filters.excerpt)

    app.register_blueprint(documents.bp)
    app.register_blueprint(api.bp, url_prefix="/api")
    app.add_url_rule("/", endpoint="index", view_func=documents.index)

    app.extensions["shelf"] = Shelf.with_samples()
    # Deployed behind one reverse proxy: the client's address and scheme come from X-Forwarded-*.
    app.wsgi_app = ProxyFix(app.wsgi_app, num_proxies=1)
    return app
