# fixture: path=shop/dates.py target=django-4.0 findings=2
from django.utils.datetime_safe import new_datetime


def normalise(value):
    return new_datetime(value)
