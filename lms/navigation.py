"""Links that feature apps add to the signed-in person's account menu (e.g. "My learning" from courses), so the
site frame in lms never names the apps above it."""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class AccountLink:
    label: object  # a lazy translation
    url_name: str
    order: int

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_links: list[AccountLink] = []


def register_account_link(*, label, url_name: str, order: int = 100) -> None:
    if all(link.url_name != url_name for link in _links):
        _links.append(AccountLink(label=label, url_name=url_name, order=order))
        _links.sort(key=lambda link: link.order)


def account_links() -> list[AccountLink]:
    return list(_links)
