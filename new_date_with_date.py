# fixture: path=shop/dates.py target=django-4.1
from datetime import date

from django.utils.datetime_safe import new_date, strftime

TODAY = date.today()
LABEL = strftime(new_date(TODAY), "%Y-%m-%d")
