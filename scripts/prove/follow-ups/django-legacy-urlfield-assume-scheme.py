"""The manual step pycodemod's django/forms-urlfield-assume-scheme finding asks for, done on an
upgraded copy of examples/django-legacy (Django 5.x): the form fields Django builds for the model
URLField `Profile.website` get assume_scheme="http", which keeps what the site stores for input
without a scheme. The ModelForm declares the field; the admin inline overrides its form field.

Run by scripts/prove.sh in the project folder, after pycodemod. Fails loudly when an anchor line
is missing, so a changed example cannot make it a silent no-op.
"""
import sys


def insert_after(path, anchor, text):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    if source.count(anchor) != 1:
        sys.exit("follow-up: %r not found exactly once in %s" % (anchor, path))
    with open(path, "w", encoding="utf-8") as f:
        f.write(source.replace(anchor, anchor + text))
    print("follow-up: %s: inserted after %r" % (path, anchor.strip()))


insert_after(
    "accounts/forms.py",
    "class ProfileForm(forms.ModelForm):\n",
    "    website = forms.URLField(label=_('website'), required=False, assume_scheme='http')\n\n",
)
insert_after(
    "accounts/admin.py",
    "    can_delete = False\n",
    "    formfield_overrides = {models.URLField: {'assume_scheme': 'http'}}\n",
)
insert_after("accounts/admin.py", "from django.contrib.auth.models import User\n", "from django.db import models\n")
