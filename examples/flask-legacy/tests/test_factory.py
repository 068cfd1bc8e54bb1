from shelf import create_app

from .helpers import AppTestCase


class FactoryTests(AppTestCase):
    def test_settings_json_is_loaded(self):
        self.assertEqual(self.app.config["SHELF_TITLE"], "The Shelf")
        self.assertEqual(self.app.config["EXPORT_CACHE_SECONDS"], 60)

    def test_test_config_wins(self):
        self.assertTrue(self.app.testing)
        self.assertEqual(self.app.config["API_TOKEN"], "s3cret-tökén")

    def test_missing_instance_settings_are_fine(self):
        app = create_app()
        self.assertEqual(app.config["API_TOKEN"], "dev-token")

    def test_blueprints_and_routes(self):
        self.assertEqual(set(self.app.blueprints), {"documents", "api"})
        rules = {rule.rule: rule.endpoint for rule in self.app.url_map.iter_rules()}
        self.assertEqual(rules["/"], "index")
        self.assertEqual(rules["/documents/<slug>/"], "documents.detail")
        self.assertEqual(rules["/api/documents/<slug>"], "api.document")

    def test_home_page_lists_documents(self):
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Les Misérables — notes", response.get_data(as_text=True))
