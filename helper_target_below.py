# fixture: path=shop/dates.py target=django-3.2 findings=none
from django.utils.datetime_safe import new_date, strftime

LABEL = strftime(new_date(TODAY), "%Y")
