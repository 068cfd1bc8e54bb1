from django.contrib.admin.sites import site
from django.contrib.auth.models import User
from django.test import TestCase

from .admin import ProfileUserAdmin
from .models import Profile


class ProfileAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser('admin', 'admin@example.com', 'admin-pässword')

    def test_user_admin_is_replaced(self):
        self.assertIsInstance(site._registry[User], ProfileUserAdmin)

    def test_user_change_page_has_the_profile_inline(self):
        self.client.force_login(self.admin)
        Profile.objects.create(user=self.admin, display_name='Root')
        response = self.client.get('/admin/auth/user/%d/change/' % self.admin.pk)
        self.assertContains(response, 'id="id_profile-0-display_name"')
        self.assertContains(response, 'value="Root"')
