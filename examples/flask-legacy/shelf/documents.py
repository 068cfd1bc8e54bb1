import csv
import datetime
import decimal
import io
import os

from flask import (
    Blueprint, Markup, abort, current_app, flash, jsonify, redirect, render_template, request,
    send_file, send_from_directory, url_for,
)
from werkzeug import secure_filename

from .store import Document

bp = Blueprint("documents", __name__, url_prefix="/documents")


def shelf():
    return current_app.extensions["shelf"]


@bp.route("/")
def index():
    documents = shelf().all()
    if request.is_xhr:
        # The search box refreshes the list without reloading the page.
        return jsonify(documents=documents)
    return render_template("documents/index.html", documents=documents)


@bp.route("/<slug>/")
def detail(slug):
    document = shelf().get(slug) or abort(404)
    return render_template("documents/detail.html", document=document)


@bp.route("/upload", methods=["POST"])
def upload():
    uploaded = request.files.get("file")
    if uploaded is None or not uploaded.filename:
        abort(400)
    filename = secure_filename(uploaded.filename)
    os.makedirs(current_app.config["UPLOAD_FOLDER"], exist_ok=True)
    uploaded.save(os.path.join(current_app.config["UPLOAD_FOLDER"], filename))
    slug = os.path.splitext(filename)[0].lower()
    document = shelf().add(Document(
        slug, request.form.get("title") or filename, "", datetime.date.today(), decimal.Decimal("0"), filename,
    ))
    flash(Markup("Uploaded <em>{}</em>.").format(document.title))
    return redirect(url_for("documents.detail", slug=document.slug))


@bp.route("/<slug>/file")
def download(slug):
    document = shelf().get(slug)
    if document is None or not document.filename:
        abort(404)
    return send_from_directory(current_app.config["UPLOAD_FOLDER"], filename=document.filename, as_attachment=True)


@bp.route("/export.csv")
def export():
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["slug", "title", "published", "rating"])
    for document in shelf().all():
        writer.writerow([document.slug, document.title, document.published.isoformat(), document.rating])
    return send_file(
        io.BytesIO(out.getvalue().encode("utf-8")),
        mimetype="text/csv",
        as_attachment=True,
        attachment_filename="shelf-export.csv",
        cache_timeout=current_app.config["EXPORT_CACHE_SECONDS"],
    )
