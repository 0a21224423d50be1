"""Admin listings that page through rows: sorted as asked, then by primary key, so no row repeats or goes
missing from one page to the next when many rows share the sort value."""


class StableOrdering:
    """A mixin for Wagtail's IndexView; `tie_break` is "pk" (oldest first among equals) or "-pk"."""

    tie_break = "pk"

    def order_queryset(self, queryset):
        return queryset.order_by(self.ordering or self.default_ordering, self.tie_break)
