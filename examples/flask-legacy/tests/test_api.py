from flask import request

from .helpers import AppTestCase


class ApiTests(AppTestCase):
    def get(self, url, token="s3cret-tökén"):
        headers = {"X-Shelf-Token": token} if token is not None else {}
        return self.client.get(url, headers=headers)

    def test_token_required(self):
        self.assertEqual(self.get("/api/documents", token=None).status_code, 401)
        self.assertEqual(self.get("/api/documents", token="wrong").status_code, 401)
        self.assertEqual(self.get("/api/documents", token="s3cret-tökén").status_code, 200)

    def test_documents_use_the_shelf_encoder(self):
        data = self.get("/api/documents").get_json()
        self.assertEqual(data["documents"][0], {
            "slug": "annual-report",
            "title": "Annual report 2019",
            "published": "2020-03-04",
            "rating": "4.50",
            "filename": None,
        })

    def test_one_document(self):
        data = self.get("/api/documents/les-miserables").get_json()
        self.assertEqual(data["title"], "Les Misérables — notes")
        self.assertEqual(data["published"], "2019-11-20")

    def test_unknown_document(self):
        self.assertEqual(self.get("/api/documents/nope").status_code, 404)

    def test_client_address_comes_from_the_proxy(self):
        seen = {}
        self.app.before_request(lambda: seen.update(addr=request.remote_addr, scheme=request.scheme))
        forwarded = {"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"}
        environ, rv = self.client.get("/", headers=forwarded, as_tuple=True)
        self.assertEqual(rv.status_code, 200)
        self.assertEqual(environ["HTTP_X_FORWARDED_FOR"], "203.0.113.7")
        self.assertEqual(seen, {"addr": "203.0.113.7", "scheme": "https"})
