import io
import os

from .helpers import AppTestCase


class DocumentPageTests(AppTestCase):
    def test_index_renders_excerpts(self):
        page = self.client.get("/documents/").get_data(as_text=True)
        self.assertIn("<h1>The Shelf</h1>", page)
        self.assertIn('Revenue grew in every region; the new<span class="more">…</span>', page)
        # Escaped by the filter, not double-escaped by the template.
        self.assertIn("Jean Valjean &amp; Javert", page)

    def test_index_as_json_for_ajax_requests(self):
        response = self.client.get("/documents/", headers={"X-Requested-With": "XMLHttpRequest"})
        self.assertEqual(response.mimetype, "application/json")
        titles = [d["title"] for d in response.get_json()["documents"]]
        self.assertEqual(titles, ["Annual report 2019", "Les Misérables — notes"])

    def test_index_as_html_otherwise(self):
        response = self.client.get("/documents/")
        self.assertEqual(response.mimetype, "text/html")

    def test_detail_has_share_link(self):
        page = self.client.get("/documents/annual-report/").get_data(as_text=True)
        self.assertIn(
            '<a href="mailto:?subject=Annual%20report%202019&amp;body='
            'http%3A%2F%2Flocalhost%2Fdocuments%2Fannual-report%2F">Share</a>',
            page,
        )

    def test_share_link_quotes_non_ascii_titles(self):
        page = self.client.get("/documents/les-miserables/").get_data(as_text=True)
        self.assertIn("subject=Les%20Mis%C3%A9rables%20%E2%80%94%20notes", page)

    def test_unknown_document(self):
        self.assertEqual(self.client.get("/documents/nope/").status_code, 404)


class UploadDownloadTests(AppTestCase):
    def upload(self, filename, data=b"report body", title="Quarterly <figures>"):
        return self.client.post(
            "/documents/upload",
            data={"title": title, "file": (io.BytesIO(data), filename)},
            content_type="multipart/form-data",
        )

    def test_upload_secures_the_filename(self):
        response = self.upload("../../etc/Q1 report.txt")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response.headers["Location"].endswith("/documents/etc_q1_report/"))
        self.assertEqual(os.listdir(self.upload_folder), ["etc_Q1_report.txt"])

    def test_upload_flashes_escaped_title(self):
        self.upload("q2.txt")
        page = self.client.get("/documents/q2/").get_data(as_text=True)
        self.assertIn("Uploaded <em>Quarterly &lt;figures&gt;</em>.", page)

    def test_upload_without_file(self):
        response = self.client.post("/documents/upload", data={"title": "x"})
        self.assertEqual(response.status_code, 400)

    def test_download_is_an_attachment(self):
        self.upload("q3.txt", data=b"third quarter")
        response = self.client.get("/documents/q3/file")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.get_data(), b"third quarter")
        self.assertEqual(response.headers["Content-Disposition"], "attachment; filename=q3.txt")
        response.close()

    def test_download_without_file(self):
        self.assertEqual(self.client.get("/documents/annual-report/file").status_code, 404)

    def test_export_csv(self):
        response = self.client.get("/documents/export.csv")
        self.assertEqual(response.mimetype, "text/csv")
        self.assertEqual(response.headers["Content-Disposition"], "attachment; filename=shelf-export.csv")
        self.assertEqual(response.cache_control.max_age, 60)
        lines = response.get_data(as_text=True).splitlines()
        self.assertEqual(lines[0], "slug,title,published,rating")
        self.assertIn("les-miserables,Les Misérables — notes,2019-11-20,5.00", lines)
        response.close()
