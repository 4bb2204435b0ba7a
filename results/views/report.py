"""Downloading the monthly report from the «Результаты» screen."""

from __future__ import annotations

import re

from django.http import Http404, HttpResponse

from .. import periods
from ..report import data, formats
from .screens import _guard


def download(request, fmt: str):
    _guard(request)
    month = request.GET.get("month") or periods.previous_month()
    if fmt not in formats.FORMATS or not re.fullmatch(r"\d{4}-\d{2}", month):
        raise Http404
    try:
        periods.month_bounds(month)
    except ValueError:
        raise Http404 from None
    content, content_type = formats.render(data.build(month), fmt)
    response = HttpResponse(content, content_type=content_type)
    name = formats.filename(month, fmt)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
