from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from . import feeds, views

urlpatterns = [
    path("tim-kiem/", views.search, name="cms_search"),
    path("tin-tuc/rss.xml", feeds.ArticleFeed(), name="cms_rss"),
    path("tin-tuc/atom.xml", feeds.ArticleAtomFeed(), name="cms_atom"),
    path("sitemap.xml", sitemap, name="sitemap"),
]
