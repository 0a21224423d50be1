from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .selectors import search_portal

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


@require_GET
def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    hits = search_portal(query) if query else []
    page_obj = Paginator(hits, RESULTS_PER_PAGE).get_page(request.GET.get("trang"))
    context = {"query": query, "page_obj": page_obj, "total": len(hits), "query_prefix": urlencode({"q": query}) + "&"}
    return render(request, "cms/search.html", context)
