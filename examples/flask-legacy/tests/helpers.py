import shutil
import tempfile
import unittest

from shelf import create_app


class AppTestCase(unittest.TestCase):
    """A fresh app (with its own upload folder) and test client per test."""

    def setUp(self):
        self.upload_folder = tempfile.mkdtemp(prefix="shelf-uploads-")
        self.addCleanup(shutil.rmtree, self.upload_folder, ignore_errors=True)
        self.app = create_app({"TESTING": True, "API_TOKEN": "s3cret-tökén", "UPLOAD_FOLDER": self.upload_folder})
        self.client = self.app.test_client()
