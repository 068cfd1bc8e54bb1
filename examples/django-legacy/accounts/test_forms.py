# -*- coding: utf-8 -*-
from django.contrib.auth.models import User
from django.test import TestCase
from django.utils.translation import ungettext

from .forms import MIN_NAME_LENGTH, ProfileForm, SignupForm


class ProfileFormTests(TestCase):
    def test_display_name_is_stripped(self):
        form = ProfileForm({'display_name': '  Ada  ', 'website': '', 'location': ''})
        self.assertTrue(form.is_valid(), form.errors)
        self.assertEqual(form.cleaned_data['display_name'], 'Ada')

    def test_display_name_minimum_length_message_is_pluralised(self):
        form = ProfileForm({'display_name': 'Al', 'website': '', 'location': ''})
        self.assertFalse(form.is_valid())
        expected = ungettext('Use at least %(count)d character.', 'Use at least %(count)d characters.', MIN_NAME_LENGTH)
        self.assertEqual(form.errors['display_name'], [expected % {'count': MIN_NAME_LENGTH}])

    def test_website_without_a_scheme_gets_http(self):
        # What the legacy site stores for "ada.example": an upgrade must keep it.
        form = ProfileForm({'display_name': '', 'website': 'ada.example', 'location': ''})
        self.assertTrue(form.is_valid(), form.errors)
        self.assertEqual(form.cleaned_data['website'], 'http://ada.example')


class SignupFormTests(TestCase):
    def test_fields(self):
        self.assertEqual(list(SignupForm().fields), ['username', 'email', 'password1', 'password2'])
        self.assertEqual(str(SignupForm().fields['email'].help_text), 'We send the activation link here.')

    def test_duplicate_username(self):
        User.objects.create_user('ada')
        form = SignupForm({'username': 'ada', 'email': 'a@example.com', 'password1': 'x-Y-z-123456', 'password2': 'x-Y-z-123456'})
        self.assertFalse(form.is_valid())
        self.assertIn('username', form.errors)
