# fixture: path=shop/dates.py target=django-4.0 findings=2
from django.utils.datetime_safe import new_date

date = "2020-01-01"


def start_of(event):
    return new_date(event.starts_at)
