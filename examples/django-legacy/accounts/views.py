from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.encoding import force_text
from django.utils.http import is_safe_url, urlsafe_base64_decode, urlunquote
from django.utils.translation import ugettext_lazy as _

from .forms import ProfileForm, SignupForm
from .models import Profile
from .tokens import account_activation_token

User = get_user_model()


def signup(request):
    form = SignupForm(request.POST or None)
    if request.method == 'POST' and form.is_valid():
        user = form.save(commit=False)
        user.is_active = False
        user.save()
        messages.info(request, _('Check your inbox for the activation link.'))
        return redirect('home')
    return render(request, 'accounts/signup.html', {'form': form})


def profile(request, username):
    # Old links were generated with urlquote(); unquote them the same way.
    user = get_object_or_404(User, username=urlunquote(username))
    profile, _created = Profile.objects.get_or_create(user=user)
    return render(request, 'accounts/profile.html', {'profile': profile})


@login_required
def edit_profile(request):
    profile, _created = Profile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == 'POST' and form.is_valid():
        form.save()
        next_url = request.GET.get('next')
        if next_url and is_safe_url(next_url, allowed_hosts={request.get_host()}):
            return redirect(next_url)
        return redirect('accounts:profile', username=request.user.get_username())
    return render(request, 'accounts/edit_profile.html', {'form': form})


def activate(request, uidb64, token):
    try:
        uid = force_text(urlsafe_base64_decode(uidb64))
        user = User.objects.get(pk=uid)
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not account_activation_token.check_token(user, token):
        return render(request, 'accounts/activation_invalid.html', status=400)
    user.is_active = True
    user.save(update_fields=['is_active'])
    login(request, user)
    messages.success(request, translation.ugettext('Your account is active. Welcome!'))
    return redirect('home')
