# -*- coding: utf-8 -*-
from django.contrib.auth.models import User
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlquote, urlsafe_base64_encode

from .models import Profile
from .tokens import account_activation_token


class SignupTests(TestCase):
    def test_signup_page(self):
        response = self.client.get(reverse('accounts:signup'))
        self.assertContains(response, 'name="email"')

    def test_signup_creates_an_inactive_user(self):
        response = self.client.post(reverse('accounts:signup'), {
            'username': 'zoé', 'email': 'zoe@example.com',
            'password1': 'correct-horse-battery', 'password2': 'correct-horse-battery',
        }, follow=True)
        self.assertRedirects(response, reverse('home'))
        self.assertContains(response, 'Check your inbox for the activation link.')
        user = User.objects.get(username='zoé')
        self.assertFalse(user.is_active)
        self.assertEqual(mail.outbox, [])

    def test_signup_errors(self):
        response = self.client.post(reverse('accounts:signup'), {'username': 'zoé', 'email': 'not-an-address'})
        self.assertEqual(response.status_code, 200)
        self.assertFormError(response, 'form', 'email', 'Enter a valid email address.')
        self.assertFormError(response, 'form', 'password1', 'This field is required.')


class ActivationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_user('ada', 'ada@example.com', is_active=False)

    def activation_url(self, user, token=None):
        return reverse('accounts:activate', kwargs={
            'uidb64': urlsafe_base64_encode(force_bytes(user.pk)),
            'token': token or account_activation_token.make_token(user),
        })

    def test_activation_logs_the_user_in(self):
        response = self.client.get(self.activation_url(self.user), follow=True)
        self.assertRedirects(response, reverse('home'))
        self.assertContains(response, 'Your account is active. Welcome!')
        self.user.refresh_from_db()
        self.assertTrue(self.user.is_active)
        self.assertEqual(int(self.client.session['_auth_user_id']), self.user.pk)

    def test_token_is_single_use(self):
        url = self.activation_url(self.user)
        self.client.get(url)
        response = self.client.get(url)
        self.assertContains(response, 'This activation link is invalid or has expired.', status_code=400)

    def test_bad_token(self):
        response = self.client.get(self.activation_url(self.user, token='abc-0123456789'))
        self.assertEqual(response.status_code, 400)
        self.assertTemplateUsed(response, 'accounts/activation_invalid.html')

    def test_unknown_user(self):
        response = self.client.get(reverse('accounts:activate', kwargs={'uidb64': 'OTk5', 'token': 'abc-def'}))
        self.assertEqual(response.status_code, 400)


class ProfileViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_user('ada lovelace', 'ada@example.com')
        Profile.objects.create(user=cls.user, display_name='Ada', location='Londres 🇬🇧')

    def test_profile_page(self):
        response = self.client.get(reverse('accounts:profile', kwargs={'username': 'ada lovelace'}))
        self.assertContains(response, '<h1>Ada</h1>', html=True)
        self.assertContains(response, 'Londres 🇬🇧')

    def test_profile_of_a_user_without_one(self):
        User.objects.create_user('grace')
        response = self.client.get('/accounts/profile/%s/' % urlquote('grace'))
        self.assertContains(response, '<h1>grace</h1>', html=True)

    def test_unknown_profile(self):
        self.assertEqual(self.client.get('/accounts/profile/nobody/').status_code, 404)

    def test_edit_needs_login(self):
        response = self.client.get(reverse('accounts:edit-profile'))
        self.assertRedirects(response, '/accounts/login/?next=/accounts/profile/', fetch_redirect_response=False)

    def test_edit_and_go_to_a_safe_next_url(self):
        self.client.force_login(self.user)
        response = self.client.post(
            reverse('accounts:edit-profile') + '?next=/library/',
            {'display_name': 'Countess', 'website': 'https://ada.example/', 'location': 'London'},
        )
        self.assertRedirects(response, '/library/', fetch_redirect_response=False)
        self.assertEqual(Profile.objects.get(user=self.user).display_name, 'Countess')

    def test_edit_ignores_an_unsafe_next_url(self):
        self.client.force_login(self.user)
        response = self.client.post(
            reverse('accounts:edit-profile') + '?next=https://evil.example/',
            {'display_name': 'Countess', 'website': '', 'location': ''},
        )
        self.assertRedirects(
            response, reverse('accounts:profile', kwargs={'username': 'ada lovelace'}), fetch_redirect_response=False,
        )

    def test_edit_shows_errors(self):
        self.client.force_login(self.user)
        response = self.client.post(reverse('accounts:edit-profile'), {'display_name': 'Al', 'website': 'not a url'})
        self.assertFormError(response, 'form', 'display_name', 'Use at least 3 characters.')
        self.assertFormError(response, 'form', 'website', 'Enter a valid URL.')


class LoginLogoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_user('ada', 'ada@example.com', 'analytical-engine')

    def test_login_redirects_home(self):
        response = self.client.post(reverse('accounts:login'), {'username': 'ada', 'password': 'analytical-engine'})
        self.assertRedirects(response, reverse('home'), fetch_redirect_response=False)

    def test_login_errors(self):
        response = self.client.post(reverse('accounts:login'), {'username': 'ada', 'password': 'wrong'})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'Please enter a correct username and password.')

    def test_logout_by_post(self):
        self.client.force_login(self.user)
        response = self.client.post(reverse('accounts:logout'))
        self.assertEqual(response.status_code, 200)
        self.assertNotIn('_auth_user_id', self.client.session)
