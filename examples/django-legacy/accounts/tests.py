from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse
from django.utils.http import is_safe_url, urlquote


class ProfileTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_user('ada lovelace', 'ada@example.com', 'analytical-engine')

    def test_profile_with_quoted_username(self):
        response = self.client.get('/accounts/profile/%s/' % urlquote(self.user.username))
        self.assertEqual(response.status_code, 200)

    def test_login_page(self):
        response = self.client.get(reverse('accounts:login'))
        self.assertEqual(response.status_code, 200)

    def test_is_safe_url_rejects_other_hosts(self):
        # Not a test of Django itself: documents which redirects edit_profile accepts.
        self.assertFalse(is_safe_url('https://evil.example/', allowed_hosts={'testserver'}))
        self.assertTrue(is_safe_url('/library/', allowed_hosts={'testserver'}))
