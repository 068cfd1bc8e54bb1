# fixture: path=shop/dates.py target=django-4.1
from django.utils.datetime_safe import new_date


def start_of(event):
    return new_date(event.starts_at)
