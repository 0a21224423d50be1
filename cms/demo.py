"""The portal's home page for the demo ward, made the default site's root."""

from django.db import transaction
from wagtail.models import Page, Site

from lms.demo import DemoContext, demo_step

from .models import HomePage

HOME_TITLE = "Bình dân học vụ số"
HOME_INTRO = (
    "<p>Phong trào <b>“Bình dân học vụ số”</b> giúp mọi người dân phường Ba Đình biết dùng điện thoại và "
    "máy tính cho việc hằng ngày: cài và dùng VNeID, nộp hồ sơ dịch vụ công trực tuyến, thanh toán không "
    "dùng tiền mặt, nhận biết lừa đảo trên mạng.</p>"
    "<p>Các khóa học ngắn, miễn phí, học trên điện thoại. Học xong, bạn nhận giấy chứng nhận có thể xác minh.</p>"
)


@demo_step(order=20)
@transaction.atomic
def home_page(context: DemoContext) -> None:
    home = HomePage.objects.first()
    if home is None:
        tree_root = Page.get_first_root_node()
        home = tree_root.add_child(
            instance=HomePage(
                title=HOME_TITLE,
                slug="trang-chu",
                intro=HOME_INTRO,
                call_to_action="Bắt đầu học ngay",
            )
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    if site.root_page_id != home.pk:
        previous_root = site.root_page_id
        site.root_page = home
        site.site_name = HOME_TITLE
        site.save()
        # Wagtail's own "Welcome" page is of no use once the portal home replaces it
        Page.objects.filter(
            pk=previous_root, depth=2, content_type__app_label="wagtailcore", content_type__model="page"
        ).delete()
    context.objects["home_page"] = home
    context.log(f"  home page “{home.title}” at {home.url_path}")
