# -*- coding: utf-8 -*-
from django.conf import settings
from django.test import TestCase
from django.urls import reverse
from django.utils import translation


class SettingsTests(TestCase):
    def test_languages_have_translatable_names(self):
        self.assertEqual({code: str(name) for code, name in settings.LANGUAGES}, {'en': 'English', 'fr': 'Français'})

    def test_time_zone_aware(self):
        self.assertTrue(settings.USE_TZ)
        self.assertEqual(settings.TIME_ZONE, 'Europe/Paris')

    def test_apps_are_loaded_with_their_configs(self):
        from django.apps import apps
        self.assertEqual(str(apps.get_app_config('library').verbose_name), 'Library')
        self.assertEqual(str(apps.get_app_config('accounts').verbose_name), 'Accounts')


class SiteTests(TestCase):
    def test_home_page(self):
        response = self.client.get(reverse('home'))
        self.assertContains(response, '<h1>Welcome to the library</h1>', html=True)
        self.assertContains(response, 'href="/library/"')
        self.assertContains(response, '<title>Legacy Library</title>', html=True)
        self.assertTemplateUsed(response, 'base.html')

    def test_language_from_accept_language_header(self):
        response = self.client.get(reverse('home'), HTTP_ACCEPT_LANGUAGE='fr')
        self.assertContains(response, '<html lang="fr">')
        response = self.client.get(reverse('home'), HTTP_ACCEPT_LANGUAGE='en')
        self.assertContains(response, '<html lang="en">')

    def test_admin_login_page(self):
        response = self.client.get('/admin/login/')
        self.assertEqual(response.status_code, 200)

    def test_translation_activation(self):
        with translation.override('fr'):
            self.assertEqual(translation.get_language(), 'fr')
