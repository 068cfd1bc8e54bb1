from django.conf.urls import url
from django.contrib.auth import views as auth_views

from . import views

app_name = 'accounts'

urlpatterns = [
    url(r'^login/$', auth_views.LoginView.as_view(template_name='accounts/login.html'), name='login'),
    url(r'^logout/$', auth_views.LogoutView.as_view(), name='logout'),
    url(r'^signup/$', views.signup, name='signup'),
    url(r'^profile/$', views.edit_profile, name='edit-profile'),
    url(r'^profile/(?P<username>[^/]+)/$', views.profile, name='profile'),
    # Stays a regular expression: the token part has length limits. The hash part was 20
    # characters long up to Django 3.0 and is 32 from 3.1 on (sha256); {1,20} would 404.
    url(
        r'^activate/(?P<uidb64>[0-9A-Za-z_\-]+)/(?P<token>[0-9A-Za-z]{1,13}-[0-9A-Za-z]{1,32})/$',
        views.activate,
        name='activate',
    ),
]
