# fixture: path=shop/dates.py target=django-4.0 findings=none
from time import strftime

from shop.compat.datetime_safe import new_date

LABEL = strftime("%Y")
START = new_date(TODAY)
