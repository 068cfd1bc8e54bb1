from flask import Blueprint, abort, current_app, jsonify

from .auth import token_required

bp = Blueprint("api", __name__)


@bp.route("/documents")
@token_required
def documents():
    return jsonify(documents=current_app.extensions["shelf"].all())


@bp.route("/documents/<slug>")
@token_required
def document(slug):
    document = current_app.extensions["shelf"].get(slug) or abort(404)
    return jsonify(document)
