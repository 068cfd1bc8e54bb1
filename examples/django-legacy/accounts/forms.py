from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User
from django.utils.translation import ugettext_lazy as _, ungettext_lazy

from .models import Profile

MIN_NAME_LENGTH = 3


class SignupForm(UserCreationForm):
    email = forms.EmailField(label=_('Email address'), help_text=_('We send the activation link here.'))

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ('username', 'email')


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ('display_name', 'website', 'location')

    def clean_display_name(self):
        name = self.cleaned_data['display_name'].strip()
        if name and len(name) < MIN_NAME_LENGTH:
            raise forms.ValidationError(
                ungettext_lazy(
                    'Use at least %(count)d character.',
                    'Use at least %(count)d characters.',
                    MIN_NAME_LENGTH,
                ) % {'count': MIN_NAME_LENGTH}
            )
        return name
