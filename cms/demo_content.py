"""The demo column's text: news, events, guides, stories, questions and documents of the demo ward, written for
the demo in plain Vietnamese. It is data, not interface text, so it is not translated.

Every figure about "Phường Ba Đình" here belongs to the demo ward and is made up for the demo.

Body blocks are tuples, resolved to StreamField JSON by cms.demo:
    ("p", html)                           a paragraph (rich text)
    ("quote", text, attribution)
    ("cta", button text, page key, description)   page keys: slugs of the column's pages
    ("doc", document key, link text)
    ("image", image key, alt text)
    ("table", caption, rows)              the first row is the header row
Rich text may hold "{page:<slug>}" and "{doc:<key>}" markers, replaced by page and document ids.
"""

import datetime

SECTION = {
    "title": "Bình dân học vụ số",
    "slug": "binh-dan-hoc-vu-so",
    "summary": (
        "Tin tức, lịch học, hướng dẫn từng bước và hỏi đáp về phong trào “Bình dân học vụ số” ở phường Ba Đình."
    ),
    "intro": (
        "<p>Chuyên mục của phường Ba Đình về phong trào <b>“Bình dân học vụ số”</b>: ai cũng có thể học dùng "
        "điện thoại, máy tính và Internet một cách an toàn để làm thủ tục hành chính, thanh toán, học tập và giữ "
        "liên lạc với người thân.</p>"
        "<p>Đọc tin của phường, xem lịch các lớp học miễn phí, làm theo hướng dẫn từng bước hoặc tìm câu trả lời "
        "trong mục Hỏi đáp.</p>"
        "<p><i>Nội dung chuyên mục là nội dung mẫu, viết để trình diễn hệ thống; các số liệu là số liệu minh họa."
        "</i></p>"
    ),
}

# slug: (kind, title, summary, intro)
INDEXES = {
    "tin-tuc": (
        "articles",
        "Tin tức",
        "Tin hoạt động, chính sách và kỹ năng số của phong trào ở phường Ba Đình.",
        "<p>Tin mới nhất về các lớp học, các tổ công nghệ số cộng đồng và những điều người dân cần biết.</p>",
    ),
    "su-kien": (
        "events",
        "Sự kiện",
        "Lịch các lớp học, ngày hội và buổi hỗ trợ người dân dùng công nghệ số.",
        "<p>Mọi hoạt động đều miễn phí. Hãy mang theo điện thoại đã sạc pin; nếu cần hỗ trợ về tài khoản VNeID, "
        "mang theo thẻ căn cước.</p>",
    ),
    "huong-dan": (
        "guides",
        "Hướng dẫn",
        "Làm từng bước những việc thường gặp: VNeID, thanh toán bằng mã QR, phòng tránh lừa đảo.",
        "<p>Mỗi hướng dẫn chia thành các bước ngắn, có hình minh họa. Làm chưa được? Hãy hỏi tổ công nghệ số "
        "cộng đồng ở tổ dân phố của bạn.</p>",
    ),
    "guong-dien-hinh": (
        "stories",
        "Gương điển hình",
        "Những người dân, những tổ nhóm tiêu biểu của phong trào.",
        "<p>Những câu chuyện thật gần: người cao tuổi tự học, thanh niên đi hướng dẫn, tổ dân phố cùng nhau "
        "thay đổi.</p>",
    ),
}

FAQ_PAGE = {
    "title": "Hỏi đáp",
    "slug": "hoi-dap",
    "summary": "Câu trả lời ngắn cho những thắc mắc thường gặp về phong trào, VNeID, thanh toán và an toàn trên mạng.",
    "intro": (
        "<p>Bấm vào từng câu hỏi để xem câu trả lời. Không thấy điều bạn cần? Hãy hỏi tổ công nghệ số cộng đồng "
        "ở tổ dân phố, hoặc đến nhà văn hóa phường vào tối thứ Ba và thứ Năm.</p>"
    ),
}

# --- pictures --------------------------------------------------------------------------------------------------

# key: (title, description = alternative text, motif, palette, calendar label)
ILLUSTRATIONS = {
    "nghi-quyet-57": (
        "Nghị quyết 57 và “Bình dân học vụ số”",
        "Hình minh họa: cuốn sách mở và ngôi sao, dòng chữ “Nghị quyết 57 và Bình dân học vụ số”.",
        "book",
        "purple",
        "",
    ),
    "phat-dong": (
        "Phát động phong trào",
        "Hình minh họa: chiếc loa phát thanh, dòng chữ “Phát động phong trào”.",
        "megaphone",
        "blue",
        "",
    ),
    "to-cong-nghe-so": (
        "Tổ công nghệ số cộng đồng",
        "Hình minh họa: ba người đứng cạnh nhau, dòng chữ “Tổ công nghệ số cộng đồng”.",
        "people",
        "sky",
        "",
    ),
    "lop-hoc": (
        "Lớp học ở nhà văn hóa",
        "Hình minh họa: nhà văn hóa có cờ đỏ sao vàng, dòng chữ “Lớp học ở nhà văn hóa”.",
        "house",
        "red",
        "",
    ),
    "tro-giang": (
        "Trợ giảng số mùa hè",
        "Hình minh họa: huy hiệu ngôi sao, dòng chữ “Trợ giảng số mùa hè”.",
        "badge",
        "green",
        "",
    ),
    "vneid": (
        "Tài khoản VNeID mức độ 2",
        "Hình minh họa: thẻ căn cước có dấu tích xanh, dòng chữ “Tài khoản VNeID mức độ 2”.",
        "idcard",
        "teal",
        "",
    ),
    "cho-qr": (
        "Đi chợ trả tiền bằng mã QR",
        "Hình minh họa: sạp hàng ở chợ có treo mã QR, dòng chữ “Đi chợ trả tiền bằng mã QR”.",
        "market",
        "cream",
        "",
    ),
    "nguoi-cao-tuoi": (
        "Người cao tuổi học dùng điện thoại",
        "Hình minh họa: điện thoại thông minh với các biểu tượng ứng dụng, dòng chữ “Người cao tuổi học dùng "
        "điện thoại”.",
        "phone",
        "red",
        "",
    ),
    "an-toan-mang": (
        "Đại sứ an toàn mạng",
        "Hình minh họa: tấm khiên có dấu tích, dòng chữ “Đại sứ an toàn mạng”.",
        "shield",
        "blue",
        "",
    ),
    "ket-qua": (
        "18 tháng triển khai phong trào",
        "Hình minh họa: biểu đồ cột đi lên, dòng chữ “18 tháng triển khai phong trào”.",
        "chart",
        "slate",
        "",
    ),
    "lop-hoc-trong-lop": (
        "Học ngay trên điện thoại của mình",
        "Hình minh họa: một người cầm điện thoại, bên cạnh là dấu tích, dòng chữ “Học ngay trên điện thoại của mình”.",
        "person",
        "purple",
        "",
    ),
    "ngay-hoi": (
        "Ngày hội toàn dân học tập số 10/10",
        "Hình minh họa: tờ lịch ghi ngày 10/10, dòng chữ “Ngày hội toàn dân học tập số”.",
        "calendar",
        "red",
        "10/10",
    ),
    "lop-cuoi-tuan": (
        "Lớp kỹ năng số cuối tuần",
        "Hình minh họa: tờ lịch ghi “Thứ Bảy”, dòng chữ “Lớp kỹ năng số cuối tuần”.",
        "calendar",
        "teal",
        "Thứ Bảy",
    ),
    "huong-dan-vneid": (
        "Cài đặt và kích hoạt VNeID",
        "Hình minh họa: thẻ căn cước có dấu tích xanh, dòng chữ “Cài đặt và kích hoạt VNeID”.",
        "idcard",
        "red",
        "",
    ),
    "huong-dan-qr": (
        "Thanh toán bằng mã QR",
        "Hình minh họa: mã QR trong khung quét, dòng chữ “Thanh toán bằng mã QR”.",
        "qr",
        "blue",
        "",
    ),
    "huong-dan-lua-dao": (
        "Cảnh giác lừa đảo qua điện thoại",
        "Hình minh họa: biển báo nguy hiểm có dấu chấm than, dòng chữ “Cảnh giác lừa đảo qua điện thoại”.",
        "warning",
        "slate",
        "",
    ),
    "ba-mai": (
        "Học công nghệ ở tuổi 68",
        "Hình minh họa: một người cầm điện thoại và dấu tích, dòng chữ “Học công nghệ ở tuổi 68”.",
        "person",
        "green",
        "",
    ),
    "to-3": (
        "Gõ cửa từng nhà",
        "Hình minh họa: nhà văn hóa tổ dân phố, dòng chữ “Gõ cửa từng nhà”.",
        "house",
        "teal",
        "",
    ),
}

# key: (title, description = alternative text, app bar, palette, widgets) — see cms.demo_media.screen
SCREENS = {
    "vneid-tai-ung-dung": (
        "Bước tải ứng dụng VNeID",
        "Màn hình kho ứng dụng: ô tìm kiếm có chữ VNeID, bên dưới là ứng dụng VNeID và nút Cài đặt.",
        "Cửa hàng ứng dụng",
        "slate",
        [
            ("search", "VNeID"),
            ("app", "VNeID", "Ứng dụng định danh điện tử"),
            ("button", "Cài đặt"),
            ("warning", "Chỉ cài từ CH Play hoặc App Store, không cài từ đường link lạ"),
        ],
    ),
    "vneid-kich-hoat": (
        "Bước kích hoạt tài khoản VNeID",
        "Màn hình kích hoạt tài khoản: hai ô nhập số định danh cá nhân và số điện thoại, nút Gửi yêu cầu.",
        "VNeID",
        "red",
        [
            ("title", "Kích hoạt tài khoản định danh điện tử"),
            ("input", "Số định danh cá nhân", "001058012345"),
            ("input", "Số điện thoại", "0912 345 678"),
            ("button", "Gửi yêu cầu"),
            ("text", "Mã kích hoạt (OTP) sẽ được gửi qua tin nhắn đến số điện thoại này."),
        ],
    ),
    "vneid-passcode": (
        "Bước đặt mã passcode VNeID",
        "Màn hình đặt passcode: sáu ô tròn, ba ô đã điền, lời nhắc không cho ai biết mã.",
        "VNeID",
        "red",
        [
            ("title", "Thiết lập passcode"),
            ("text", "Nhập 6 chữ số bạn dễ nhớ nhưng người khác khó đoán."),
            ("otp", 3),
            ("warning", "Không cho bất kỳ ai biết mật khẩu và passcode"),
        ],
    ),
    "qr-mo-quet": (
        "Bước mở chức năng quét mã QR",
        "Màn hình ứng dụng ngân hàng: ô “Quét QR” được tô màu nổi bật giữa các chức năng khác.",
        "Ngân hàng của tôi",
        "green",
        [
            ("title", "Xin chào!"),
            ("text", "Chọn việc bạn muốn làm:"),
            ("tiles", ["Quét QR", "Chuyển tiền", "Lịch sử", "Thẻ", "Hóa đơn", "Tiết kiệm"]),
        ],
    ),
    "qr-quet-ma": (
        "Bước quét mã QR của người bán",
        "Màn hình quét: mã QR nằm gọn trong khung quét màu vàng.",
        "Quét mã QR",
        "green",
        [("text", "Đưa mã QR vào giữa khung, giữ yên tay."), ("scan",)],
    ),
    "qr-xac-nhan": (
        "Bước kiểm tra người nhận và số tiền",
        "Màn hình xác nhận: người nhận là cửa hàng rau Hạnh, số tiền 45.000 đồng, nút Xác nhận.",
        "Chuyển tiền",
        "green",
        [
            ("input", "Người nhận", "CUA HANG RAU HANH"),
            ("input", "Số tiền", "45.000 đ"),
            ("input", "Nội dung", "Mua rau"),
            ("warning", "Đọc kỹ tên người nhận trước khi xác nhận"),
            ("button", "Xác nhận"),
        ],
    ),
    "qr-thanh-cong": (
        "Bước giao dịch thành công",
        "Màn hình báo giao dịch thành công với dấu tích xanh lớn và số tiền 45.000 đồng.",
        "Chuyển tiền",
        "green",
        [
            ("success", "Giao dịch thành công"),
            ("text", "45.000 đ đến CUA HANG RAU HANH, lúc 08:30."),
            ("button", "Về trang chủ"),
        ],
    ),
    "lua-dao-cuoc-goi": (
        "Dấu hiệu cuộc gọi lừa đảo",
        "Màn hình cuộc gọi đến từ số lạ tự xưng là công an, với nút từ chối màu đỏ và nút nghe màu xanh.",
        "Cuộc gọi đến",
        "slate",
        [
            ("call", "Số lạ", "Tự xưng: “công an phường”"),
            ("warning", "Công an không yêu cầu chuyển tiền qua điện thoại. Hãy cúp máy!"),
        ],
    ),
    "lua-dao-tin-nhan": (
        "Dấu hiệu tin nhắn lừa đảo",
        "Màn hình tin nhắn báo tài khoản bị khóa, kèm đường link lạ, và lời cảnh báo không bấm vào link.",
        "Tin nhắn",
        "slate",
        [
            (
                "bubble",
                "Số lạ",
                "Tài khoản của quý khách bị tạm khóa. Bấm vào link sau để mở lại: http://nganhang-xacminh.top",
            ),
            ("bubble", "Số lạ", "Chúc mừng! Bạn trúng thưởng xe máy. Nhận quà tại: http://qua-tang.xyz"),
            ("warning", "Không bấm vào đường link lạ"),
        ],
    ),
}

# --- documents -------------------------------------------------------------------------------------------------

# key: (title, file name, paragraphs of the PDF)
DOCUMENTS = {
    "ke-hoach": (
        "Kế hoạch triển khai phong trào Bình dân học vụ số",
        "ke-hoach-binh-dan-hoc-vu-so.pdf",
        [
            "UBND phường Ba Đình - Bản mẫu dùng cho hệ thống trình diễn.",
            "1. Mục đích: giúp mọi người dân trong phường có kỹ năng số cơ bản để dùng dịch vụ công trực tuyến, "
            "thanh toán không dùng tiền mặt và phòng tránh lừa đảo trên mạng.",
            "2. Đối tượng ưu tiên: người cao tuổi, tiểu thương, người lao động tự do, học sinh và phụ huynh.",
            "3. Nội dung: mở lớp kỹ năng số miễn phí tại nhà văn hóa phường; lập tổ công nghệ số cộng đồng ở 6 tổ "
            "dân phố; hỗ trợ kích hoạt tài khoản VNeID mức độ 2; hướng dẫn thanh toán bằng mã QR tại chợ dân sinh; "
            "tuyên truyền phòng chống lừa đảo.",
            "4. Thời gian: từ tháng 4/2025, sơ kết sau mỗi 6 tháng.",
            "5. Tổ chức thực hiện: UBND phường chủ trì; Trung tâm học tập cộng đồng, công an phường, Đoàn Thanh "
            "niên, Hội Phụ nữ, Hội Người cao tuổi và các tổ dân phố phối hợp.",
        ],
    ),
    "tai-lieu-vneid": (
        "Tài liệu hướng dẫn kích hoạt VNeID mức độ 2",
        "huong-dan-kich-hoat-vneid-muc-do-2.pdf",
        [
            "Tài liệu in phát tại các lớp kỹ năng số của phường Ba Đình (bản mẫu).",
            "Chuẩn bị: thẻ căn cước gắn chip, điện thoại thông minh, số điện thoại chính chủ.",
            "Bước 1: Đăng ký tài khoản mức độ 2 tại công an phường (chụp ảnh, lấy vân tay). Không mất phí.",
            "Bước 2: Tải ứng dụng VNeID từ CH Play hoặc App Store. Không cài từ đường link lạ.",
            "Bước 3: Chọn Kích hoạt tài khoản định danh điện tử, nhập số định danh cá nhân và số điện thoại.",
            "Bước 4: Nhập mã kích hoạt (OTP) nhận qua tin nhắn. Không đọc mã này cho bất kỳ ai.",
            "Bước 5: Đặt mật khẩu và passcode 6 chữ số. Ghi nhớ, không cho ai biết.",
            "Bước 6: Đăng nhập lại, kiểm tra tài khoản ở mức độ 2.",
            "Cần hỗ trợ: tổ công nghệ số cộng đồng ở tổ dân phố, hoặc nhà văn hóa phường tối thứ Ba và thứ Năm.",
        ],
    ),
    "lich-hoc": (
        "Lịch học các lớp kỹ năng số tại nhà văn hóa phường",
        "lich-hoc-lop-ky-nang-so.pdf",
        [
            "Nhà văn hóa phường Ba Đình - Lịch học mẫu, miễn phí cho mọi người dân.",
            "Sáng thứ Bảy, 8:00 - 10:30: Lớp cuối tuần - VNeID và thanh toán bằng mã QR.",
            "Sáng thứ Tư, 8:30 - 10:00: Điện thoại thông minh cho người cao tuổi (6 buổi).",
            "Tối thứ Ba và thứ Năm, 19:00 - 20:30: Hỗ trợ cá nhân, mang theo điện thoại và giấy tờ cần dùng.",
            "Tối thứ Sáu, 19:00 - 20:30: Dịch vụ công trực tuyến và phòng tránh lừa đảo.",
            "Đăng ký: qua tổ trưởng tổ dân phố, tại nhà văn hóa phường, hoặc trên cổng học tập.",
        ],
    ),
}

# --- snippets --------------------------------------------------------------------------------------------------

CATEGORIES = [("Tin hoạt động", "tin-hoat-dong"), ("Chính sách", "chinh-sach"), ("Kỹ năng số", "ky-nang-so")]

# --- guides ----------------------------------------------------------------------------------------------------

# Each step: (title, rich text, screen key or "")
GUIDES = [
    {
        "slug": "cai-dat-va-kich-hoat-vneid-muc-do-2",
        "title": "Cài đặt và kích hoạt tài khoản VNeID mức độ 2",
        "summary": (
            "Sáu bước để có tài khoản định danh điện tử mức độ 2 và dùng ứng dụng VNeID trên điện thoại của mình."
        ),
        "image": "huong-dan-vneid",
        "published": datetime.datetime(2025, 6, 2, 9, 0),
        "steps": [
            (
                "Chuẩn bị giấy tờ và điện thoại",
                "<p>Bạn cần: thẻ căn cước (hoặc căn cước công dân) gắn chip; điện thoại thông minh có kết nối "
                "Internet; một số điện thoại <b>đứng tên chính bạn</b> (số chính chủ).</p>"
                "<p>Chưa chắc số điện thoại của mình đã chính chủ? Hãy hỏi cửa hàng của nhà mạng.</p>",
                "",
            ),
            (
                "Đăng ký tài khoản mức độ 2 tại công an phường",
                "<p>Mang thẻ căn cước đến công an phường. Cán bộ sẽ chụp ảnh chân dung, lấy vân tay và ghi số điện "
                "thoại của bạn. Việc đăng ký không mất phí.</p>"
                "<p>Khi hồ sơ được duyệt, bạn nhận tin nhắn báo tài khoản đã được tạo.</p>",
                "",
            ),
            (
                "Tải ứng dụng VNeID",
                "<p>Mở <b>CH Play</b> (điện thoại Android) hoặc <b>App Store</b> (iPhone), gõ tìm “VNeID” và bấm "
                "<b>Cài đặt</b>.</p>"
                "<p>Chỉ tải ứng dụng từ kho ứng dụng chính thức. Không cài ứng dụng từ đường link người lạ gửi qua "
                "tin nhắn hay Zalo.</p>",
                "vneid-tai-ung-dung",
            ),
            (
                "Kích hoạt tài khoản",
                "<p>Mở ứng dụng, chọn <b>Kích hoạt tài khoản định danh điện tử</b>. Nhập <b>số định danh cá nhân</b> "
                "(12 chữ số in trên thẻ căn cước) và số điện thoại đã đăng ký, rồi bấm <b>Gửi yêu cầu</b>.</p>"
                "<p>Nhập mã kích hoạt (OTP) gồm 6 chữ số vừa nhận qua tin nhắn. Mã này chỉ để bạn tự nhập, "
                "<b>không đọc cho bất kỳ ai</b>.</p>"
                "<p><i>Tên các nút có thể khác đôi chút tùy phiên bản ứng dụng.</i></p>",
                "vneid-kich-hoat",
            ),
            (
                "Đặt mật khẩu và passcode",
                "<p>Đặt mật khẩu đăng nhập (có chữ hoa, chữ thường, chữ số và ký tự đặc biệt), rồi đặt "
                "<b>passcode</b> gồm 6 chữ số để xác nhận khi dùng các tiện ích.</p>"
                "<p>Nếu cần ghi ra giấy, hãy cất ở nơi kín đáo, không để chung với điện thoại.</p>",
                "vneid-passcode",
            ),
            (
                "Kiểm tra và bắt đầu sử dụng",
                "<p>Đăng nhập lại ứng dụng. Trong phần thông tin tài khoản, bạn sẽ thấy tài khoản ở <b>mức độ 2</b>. "
                "Từ đây, bạn có thể xem ví giấy tờ, đăng nhập Cổng Dịch vụ công quốc gia và làm thủ tục trực "
                "tuyến.</p>"
                '<p>Muốn có bản in để xem lại ở nhà? Tải <a linktype="document" id="{doc:tai-lieu-vneid}">tài liệu '
                "hướng dẫn kích hoạt VNeID</a>.</p>",
                "",
            ),
        ],
    },
    {
        "slug": "thanh-toan-truc-tuyen-bang-ma-qr",
        "title": "Thanh toán trực tuyến bằng mã QR",
        "summary": (
            "Trả tiền khi đi chợ, mua hàng hay đóng học phí chỉ bằng cách quét mã QR trên ứng dụng ngân hàng: "
            "nhanh, an toàn, không cần tiền mặt."
        ),
        "image": "huong-dan-qr",
        "published": datetime.datetime(2025, 9, 5, 9, 0),
        "steps": [
            (
                "Cài ứng dụng ngân hàng",
                "<p>Bạn cần một tài khoản ngân hàng và ứng dụng ngân hàng trên điện thoại. Nếu chưa có, hãy mang "
                "thẻ căn cước đến quầy giao dịch của ngân hàng để được mở tài khoản và cài ứng dụng.</p>"
                "<p>Nhớ bật <b>thông báo biến động số dư</b> để biết ngay mỗi khi tiền vào, tiền ra.</p>",
                "",
            ),
            (
                "Mở chức năng quét mã QR",
                "<p>Đăng nhập ứng dụng ngân hàng, bấm vào ô <b>Quét QR</b> (thường ở trang đầu hoặc giữa thanh "
                "dưới cùng). Nếu ứng dụng hỏi quyền dùng máy ảnh, bấm <b>Cho phép</b>.</p>",
                "qr-mo-quet",
            ),
            (
                "Quét mã của người bán",
                "<p>Đưa máy ảnh vào mã QR của người bán, giữ yên tay đến khi ứng dụng nhận mã. Tên và số tài khoản "
                "người nhận tự hiện ra, bạn không phải gõ.</p>",
                "qr-quet-ma",
            ),
            (
                "Kiểm tra tên người nhận và số tiền",
                "<p>Trước khi xác nhận, đọc kỹ <b>tên người nhận</b> xem có đúng cửa hàng không, rồi nhập hoặc kiểm "
                "tra <b>số tiền</b>. Tên người nhận lạ? Đừng chuyển, hãy hỏi lại người bán: có thể mã QR đã bị dán "
                "đè.</p>",
                "qr-xac-nhan",
            ),
            (
                "Xác nhận giao dịch",
                "<p>Xác nhận bằng mã OTP, vân tay hoặc khuôn mặt theo hướng dẫn của ngân hàng. Không bao giờ nhập "
                "mã OTP vào trang web hay đường link do người khác gửi.</p>",
                "",
            ),
            (
                "Cho người bán xem kết quả",
                "<p>Khi màn hình báo <b>Giao dịch thành công</b>, cho người bán xem. Người bán nên chờ thông báo "
                "tiền về trên điện thoại của mình rồi mới giao hàng. Bạn có thể xem lại giao dịch trong mục lịch "
                "sử của ứng dụng.</p>",
                "qr-thanh-cong",
            ),
        ],
    },
    {
        "slug": "nhan-biet-cuoc-goi-tin-nhan-lua-dao",
        "title": "Nhận biết cuộc gọi, tin nhắn lừa đảo",
        "summary": (
            "Những dấu hiệu của cuộc gọi, tin nhắn lừa đảo thường gặp và những việc cần làm ngay nếu chẳng may bị lừa."
        ),
        "image": "huong-dan-lua-dao",
        "published": datetime.datetime(2026, 2, 20, 9, 0),
        "steps": [
            (
                "Cảnh giác khi người lạ tự xưng là cơ quan nhà nước",
                "<p>Kẻ gian hay gọi điện tự xưng là công an, tòa án, cơ quan thuế, điện lực hay nhân viên ngân "
                "hàng, nói bạn liên quan đến một vụ án hoặc sắp bị cắt điện, rồi đòi chuyển tiền hay hỏi thông tin "
                "cá nhân.</p>"
                "<p>Hãy nhớ: cơ quan nhà nước <b>không giải quyết công việc và không yêu cầu chuyển tiền qua điện "
                "thoại</b>. Hãy cúp máy.</p>",
                "lua-dao-cuoc-goi",
            ),
            (
                "Không bấm vào đường link lạ",
                "<p>Tin nhắn báo trúng thưởng, báo tài khoản bị khóa, mời nhận quà hay hoàn tiền thường kèm một "
                "đường link. Bấm vào đó, bạn có thể vào một trang web giả và mất mật khẩu, mất tiền.</p>"
                "<p>Muốn kiểm tra, hãy tự mở ứng dụng chính thức hoặc gọi số tổng đài in trên thẻ ngân hàng.</p>",
                "lua-dao-tin-nhan",
            ),
            (
                "Không cài ứng dụng theo lời người lạ",
                "<p>Kẻ gian có thể gửi đường link để bạn cài một ứng dụng “dịch vụ công” hay “VNeID” giả, rồi chiếm "
                "quyền điều khiển điện thoại. Chỉ cài ứng dụng từ CH Play hoặc App Store.</p>",
                "",
            ),
            (
                "Giữ bí mật mã OTP và mật khẩu",
                "<p>Mã OTP là “chìa khóa” tài khoản của bạn. Không ai có quyền hỏi mã này, kể cả người xưng là nhân "
                "viên ngân hàng hay công an. <b>Ai hỏi mã OTP, người đó là kẻ lừa đảo.</b></p>",
                "",
            ),
            (
                "Gọi lại để kiểm tra",
                "<p>“Người thân” nhắn tin hay gọi video hỏi vay tiền gấp? Hãy gọi lại vào số điện thoại quen thuộc "
                "của họ để hỏi trực tiếp. Kẻ gian có thể giả giọng nói và hình ảnh bằng công nghệ.</p>",
                "",
            ),
            (
                "Nếu chẳng may bị lừa",
                "<p>Gọi ngay tổng đài ngân hàng để yêu cầu khóa tài khoản và tra soát giao dịch. Sau đó báo công an "
                "phường hoặc gọi <b>113</b>. Giữ lại tin nhắn, số điện thoại, ảnh chụp màn hình làm bằng chứng.</p>"
                "<p>Tổ công nghệ số cộng đồng ở tổ dân phố sẵn sàng giúp bạn làm những việc này.</p>",
                "",
            ),
        ],
    },
]

# --- events ----------------------------------------------------------------------------------------------------

EVENTS = [
    {
        "slug": "ngay-hoi-toan-dan-hoc-tap-so-2026",
        "title": "Ngày hội toàn dân học tập số 2026",
        "summary": (
            "Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10: các gian hướng dẫn VNeID, dịch vụ công trực tuyến, "
            "thanh toán bằng mã QR và phòng chống lừa đảo, miễn phí cho mọi người."
        ),
        "date": datetime.date(2026, 10, 10),
        "hours": ((7, 30), (11, 30)),
        "location": "Nhà văn hóa phường Ba Đình",
        "audience": "Mọi người dân trong phường, nhất là người cao tuổi, tiểu thương, học sinh và phụ huynh",
        "what_to_bring": (
            "Điện thoại thông minh đã sạc đầy pin\n"
            "Thẻ căn cước, nếu cần hỗ trợ tài khoản VNeID\n"
            "Kính đọc sách, nếu bạn thường dùng"
        ),
        "image": "ngay-hoi",
        "body": [
            (
                "p",
                "<p>Nhân Ngày Chuyển đổi số quốc gia 10/10, phường Ba Đình tổ chức “Ngày hội toàn dân học tập "
                "số”. Người dân đến ngày hội được hướng dẫn tận tay, ngay trên điện thoại của mình.</p>",
            ),
            (
                "p",
                "<h3>Chương trình</h3><ul>"
                "<li>7:30 - 8:00: Đón tiếp, đăng ký tham gia các gian hướng dẫn.</li>"
                "<li>8:00 - 8:30: Khai mạc, khen thưởng tổ công nghệ số cộng đồng và cá nhân tiêu biểu.</li>"
                "<li>8:30 - 11:00: Các gian hướng dẫn VNeID, dịch vụ công trực tuyến, thanh toán bằng mã QR, "
                "nhận biết lừa đảo; góc “Cháu dạy ông bà” do học sinh phụ trách.</li>"
                "<li>11:00 - 11:30: Đố vui kỹ năng số có thưởng.</li></ul>",
            ),
            (
                "cta",
                "Xem các hướng dẫn từng bước",
                "huong-dan",
                "Muốn chuẩn bị trước? Đọc hướng dẫn và mang câu hỏi đến ngày hội.",
            ),
        ],
    },
    {
        "slug": "lop-ky-nang-so-cuoi-tuan",
        "title": "Lớp kỹ năng số cuối tuần: VNeID và thanh toán bằng mã QR",
        "summary": (
            "Buổi học sáng thứ Bảy dành cho người mới bắt đầu: kích hoạt VNeID mức độ 2 và thanh toán bằng mã QR, "
            "có trợ giảng hướng dẫn từng người."
        ),
        "date": None,  # the first Saturday at least a week after the demo is loaded: always a coming event
        "hours": ((8, 0), (10, 30)),
        "location": "Phòng học tầng 2, nhà văn hóa phường Ba Đình",
        "audience": "Người mới bắt đầu dùng điện thoại thông minh; không cần biết trước về công nghệ",
        "what_to_bring": (
            "Điện thoại thông minh đã sạc đầy pin\n"
            "Thẻ căn cước\n"
            "Điện thoại đã cài ứng dụng ngân hàng, nếu bạn có tài khoản (không cần mang tiền)"
        ),
        "image": "lop-cuoi-tuan",
        "body": [
            (
                "p",
                "<p>Lớp học miễn phí, tối đa 20 học viên, mỗi học viên có trợ giảng là đoàn viên thanh niên ngồi "
                "cạnh. Học xong, bạn tự kích hoạt được tài khoản VNeID và tự trả tiền bằng mã QR.</p>"
                "<p>Đăng ký qua tổ trưởng tổ dân phố, tại nhà văn hóa phường hoặc trên cổng học tập này.</p>",
            ),
            ("doc", "lich-hoc", "Xem lịch các lớp khác (PDF)"),
        ],
    },
]

# --- stories ---------------------------------------------------------------------------------------------------

STORIES = [
    {
        "slug": "ba-hoang-thi-mai-hoc-cong-nghe-o-tuoi-68",
        "title": "Bà Hoàng Thị Mai: học công nghệ ở tuổi 68 và dạy lại cho hàng xóm",
        "person_name": "Hoàng Thị Mai",
        "role": "Người dân tổ dân phố số 4, phường Ba Đình",
        "summary": (
            "Từ người chỉ biết nghe gọi, bà Mai đã tự kích hoạt VNeID, trả tiền chợ bằng mã QR và trở thành "
            "“cô giáo” của các bà bạn trong tổ."
        ),
        "image": "ba-mai",
        "published": datetime.datetime(2026, 5, 16, 9, 0),
        "body": [
            (
                "p",
                "<p>Hai năm trước, chiếc điện thoại thông minh con trai mua cho bà Hoàng Thị Mai chủ yếu nằm "
                "trong ngăn tủ. “Tôi chỉ biết nghe gọi, màn hình nhiều thứ quá, sợ bấm nhầm hỏng máy”, bà kể.</p>",
            ),
            (
                "p",
                "<p>Tháng 6/2025, bà Mai đăng ký lớp “Điện thoại thông minh cho người cao tuổi” ở nhà văn hóa "
                "phường. Bà mang theo một cuốn sổ nhỏ, buổi nào cũng chép lại từng bước bằng chữ to, về nhà tập "
                "lại đến khi thuộc. Sau sáu buổi, bà tự gọi video cho cháu đang học ở xa, tự kích hoạt tài khoản "
                "VNeID và trả tiền chợ bằng mã QR.</p>",
            ),
            (
                "quote",
                "Người già học chậm thì học chậm, miễn là học chắc. Tôi làm được thì các bà trong tổ cũng làm được.",
                "Bà Hoàng Thị Mai",
            ),
            (
                "p",
                "<p>Giờ đây, mỗi chiều, bà Mai lại cùng các bà bạn trong tổ dân phố ngồi ở nhà văn hóa tổ, mở "
                "cuốn sổ ra hướng dẫn từng người. Đã có hơn 20 người cao tuổi trong tổ được bà “kèm” dùng "
                "VNeID và nhận biết cuộc gọi lừa đảo.</p>",
            ),
            (
                "cta",
                "Xem hướng dẫn kích hoạt VNeID",
                "cai-dat-va-kich-hoat-vneid-muc-do-2",
                "Các bước bà Mai đã học, có hình minh họa.",
            ),
        ],
    },
    {
        "slug": "to-cong-nghe-so-cong-dong-so-3-go-cua-tung-nha",
        "title": "Tổ công nghệ số cộng đồng số 3: gõ cửa từng nhà",
        "person_name": "Tổ công nghệ số cộng đồng tổ dân phố số 3",
        "role": "Tổ trưởng: anh Phạm Quốc Bảo, Đoàn Thanh niên phường Ba Đình",
        "summary": (
            "Bảy thành viên, hơn 400 lượt hỗ trợ tận nhà: tổ được khen thưởng tại Ngày hội toàn dân học tập số 2026."
        ),
        "image": "to-3",
        "published": datetime.datetime(2026, 10, 20, 9, 0),
        "body": [
            (
                "p",
                "<p>Tổ công nghệ số cộng đồng tổ dân phố số 3 có bảy thành viên: tổ trưởng tổ dân phố, cảnh sát "
                "khu vực, hai đoàn viên thanh niên, một hội viên phụ nữ và hai người dân làm nghề kỹ thuật. Tổ "
                "trưởng là anh Phạm Quốc Bảo, đoàn viên thanh niên của phường.</p>",
            ),
            (
                "p",
                "<p>Thay vì chờ người dân đến, tổ chia nhau đi từng ngõ, lập danh sách những nhà chưa có tài "
                "khoản VNeID, những cụ sống một mình, những hộ kinh doanh chưa nhận thanh toán bằng mã QR, rồi "
                "hẹn đến tận nhà hướng dẫn, thường vào buổi tối hoặc cuối tuần.</p>",
            ),
            (
                "quote",
                "Nhiều cụ ngại đến lớp vì sợ làm phiền. Mình đến nhà, ngồi uống chén trà rồi hướng dẫn, các "
                "cụ thoải mái hơn nhiều.",
                "Anh Phạm Quốc Bảo, tổ trưởng",
            ),
            (
                "p",
                "<p>Sau 18 tháng, tổ đã có hơn 400 lượt hỗ trợ tận nhà. Tổ cũng lập một nhóm Zalo chung của tổ dân "
                "phố để cảnh báo kịp thời các thủ đoạn lừa đảo mới. Tại Ngày hội toàn dân học tập số 2026, tổ được "
                "UBND phường khen thưởng.</p>",
            ),
        ],
    },
]

# --- articles --------------------------------------------------------------------------------------------------

ARTICLES = [
    {
        "slug": "nghi-quyet-57-va-phong-trao-binh-dan-hoc-vu-so",
        "title": "Nghị quyết 57-NQ/TW và phong trào “Bình dân học vụ số”: người dân cần biết gì?",
        "date": datetime.date(2025, 3, 28),
        "category": "chinh-sach",
        "tags": ["Nghị quyết 57", "chuyển đổi số"],
        "author": "Ban biên tập",
        "image": "nghi-quyet-57",
        "summary": (
            "Giải thích ngắn gọn, dễ hiểu: Nghị quyết 57-NQ/TW nói gì, phong trào “Bình dân học vụ số” để làm gì, "
            "ai được học và học ở đâu."
        ),
        "body": [
            (
                "p",
                "<p>Ngày 22/12/2024, Bộ Chính trị ban hành Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, "
                "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia. Nói đơn giản, Nghị quyết đặt mục tiêu dùng "
                "công nghệ số để đất nước phát triển nhanh hơn và cuộc sống của mỗi người dân thuận tiện hơn.</p>",
            ),
            (
                "p",
                "<p>Muốn vậy, mọi người dân cần có những kỹ năng số cơ bản. Vì thế, phong trào <b>“Bình dân học "
                "vụ số”</b> được phát động trên cả nước từ tháng 3/2025. Tên phong trào gợi nhớ phong trào “Bình "
                "dân học vụ” do Chủ tịch Hồ Chí Minh phát động năm 1945 để xóa nạn mù chữ: ngày ấy là học đọc, "
                "học viết; ngày nay là học dùng công nghệ số.</p>",
            ),
            (
                "p",
                "<h3>Người dân sẽ được học những gì?</h3><ul>"
                "<li>Dùng điện thoại thông minh: gọi video, nhắn tin, chụp và gửi ảnh giấy tờ.</li>"
                "<li>Cài đặt và sử dụng ứng dụng định danh điện tử VNeID.</li>"
                "<li>Nộp hồ sơ dịch vụ công trực tuyến mà không phải đến trụ sở.</li>"
                "<li>Thanh toán không dùng tiền mặt bằng mã QR.</li>"
                "<li>Nhận biết và phòng tránh lừa đảo trên mạng.</li></ul>",
            ),
            (
                "p",
                "<h3>Học ở đâu, có mất tiền không?</h3><p>Ở phường Ba Đình, các lớp học đều miễn phí, tổ chức "
                "tại nhà văn hóa phường và ngay ở các tổ dân phố. Người dân cũng có thể tự học các khóa ngắn trên "
                "điện thoại qua cổng học tập này và nhận giấy chứng nhận khi hoàn thành.</p>",
            ),
            (
                "cta",
                "Xem các hướng dẫn từng bước",
                "huong-dan",
                "Bắt đầu từ việc dễ nhất: cài VNeID, thanh toán bằng mã QR, phòng tránh lừa đảo.",
            ),
        ],
    },
    {
        "slug": "phuong-ba-dinh-phat-dong-phong-trao-binh-dan-hoc-vu-so",
        "title": "Phường Ba Đình phát động phong trào “Bình dân học vụ số”",
        "date": datetime.date(2025, 4, 12),
        "category": "tin-hoat-dong",
        "tags": ["phát động", "Nghị quyết 57", "nhà văn hóa"],
        "author": "Nguyễn Thu Hà",
        "image": "phat-dong",
        "summary": (
            "Hơn 300 cán bộ, đoàn viên và người dân dự lễ phát động tại nhà văn hóa phường; cả 6 tổ dân phố đăng "
            "ký lập tổ công nghệ số cộng đồng."
        ),
        "body": [
            (
                "p",
                "<p>Sáng 12/4/2025, UBND phường Ba Đình tổ chức lễ phát động phong trào “Bình dân học vụ số” tại "
                "nhà văn hóa phường. Tham dự có cán bộ phường, đại diện Mặt trận Tổ quốc, các đoàn thể, tổ trưởng "
                "tổ dân phố, đoàn viên thanh niên và đông đảo người dân.</p>",
            ),
            (
                "p",
                "<p>Theo kế hoạch, phường sẽ mở các lớp kỹ năng số miễn phí, lập tổ công nghệ số cộng đồng ở từng "
                "tổ dân phố và tổ chức các buổi hỗ trợ người dân dùng ứng dụng VNeID, dịch vụ công trực tuyến và "
                "thanh toán không dùng tiền mặt. Người cao tuổi, tiểu thương và các gia đình chưa quen dùng điện "
                "thoại thông minh được ưu tiên.</p>",
            ),
            (
                "quote",
                "Chúng tôi mong mỗi gia đình trong phường có ít nhất một người thành thạo kỹ năng số để giúp "
                "cả nhà. Học không khó, chỉ cần bắt đầu, và luôn có người bên cạnh hướng dẫn.",
                "Bà Lê Thị Lan, cán bộ UBND phường Ba Đình",
            ),
            (
                "p",
                "<p>Ngay tại buổi lễ, các đoàn viên thanh niên đã giúp gần 80 người dân kiểm tra tài khoản VNeID "
                "và cài ứng dụng ngân hàng trên điện thoại. Nhiều cụ cao tuổi lần đầu tự quét mã QR để đọc thông "
                "tin về phong trào.</p>",
            ),
            ("doc", "ke-hoach", "Tải kế hoạch triển khai phong trào của phường (PDF)"),
        ],
    },
    {
        "slug": "ra-mat-6-to-cong-nghe-so-cong-dong",
        "title": "Ra mắt 6 tổ công nghệ số cộng đồng ở các tổ dân phố",
        "date": datetime.date(2025, 5, 20),
        "category": "tin-hoat-dong",
        "tags": ["tổ công nghệ số cộng đồng"],
        "author": "Nguyễn Thu Hà",
        "image": "to-cong-nghe-so",
        "summary": (
            "Mỗi tổ dân phố có một tổ công nghệ số cộng đồng: tổ trưởng, cảnh sát khu vực, đoàn viên thanh niên và "
            "người dân giỏi công nghệ, sẵn sàng hỗ trợ tận nhà."
        ),
        "body": [
            (
                "p",
                "<p>Hơn một tháng sau lễ phát động, cả 6 tổ dân phố của phường Ba Đình đã ra mắt tổ công nghệ số "
                "cộng đồng. Mỗi tổ có từ 5 đến 7 thành viên: tổ trưởng tổ dân phố, cảnh sát khu vực, đoàn viên "
                "thanh niên, hội viên phụ nữ và những người dân dùng công nghệ thành thạo.</p>",
            ),
            (
                "p",
                "<h3>Tổ công nghệ số cộng đồng làm gì?</h3><ul>"
                "<li>Đến tận nhà hướng dẫn người dân cài đặt và dùng ứng dụng trên điện thoại.</li>"
                "<li>Giúp người dân nộp hồ sơ dịch vụ công trực tuyến.</li>"
                "<li>Cảnh báo các thủ đoạn lừa đảo mới qua nhóm Zalo của tổ dân phố.</li>"
                "<li>Ghi lại khó khăn của người dân để phường mở lớp phù hợp.</li></ul>",
            ),
            (
                "quote",
                "Có việc gì về điện thoại, bà con cứ gọi. Chúng tôi ở ngay trong tổ, đến nhà chỉ mất vài phút.",
                "Anh Phạm Quốc Bảo, tổ công nghệ số cộng đồng tổ dân phố số 3",
            ),
            (
                "p",
                "<p>Người dân cần hỗ trợ có thể liên hệ tổ trưởng tổ dân phố, hoặc đến nhà văn hóa phường vào tối "
                "thứ Ba và thứ Năm hằng tuần, từ 19 giờ đến 20 giờ 30.</p>",
            ),
        ],
    },
    {
        "slug": "mo-lop-ky-nang-so-mien-phi-tai-nha-van-hoa",
        "title": "Mở lớp kỹ năng số miễn phí tại nhà văn hóa phường",
        "date": datetime.date(2025, 6, 14),
        "category": "ky-nang-so",
        "tags": ["lớp học", "nhà văn hóa"],
        "author": "Trần Văn Minh",
        "image": "lop-hoc",
        "summary": (
            "Lớp ngắn, mỗi buổi 90 phút, cho người mới bắt đầu: dùng điện thoại, VNeID, dịch vụ công trực tuyến và "
            "thanh toán bằng mã QR."
        ),
        "body": [
            (
                "p",
                "<p>Từ tháng 6/2025, Trung tâm học tập cộng đồng phường Ba Đình mở các lớp kỹ năng số miễn phí tại "
                "nhà văn hóa phường. Mỗi lớp khoảng 20 học viên, học vào sáng thứ Bảy hoặc buổi tối trong tuần để "
                "người đi làm cũng tham gia được.</p>",
            ),
            (
                "image",
                "lop-hoc-trong-lop",
                "Hình minh họa: một người cầm điện thoại học theo hướng dẫn, bên cạnh là dấu tích hoàn thành.",
            ),
            (
                "p",
                "<p>Học viên học ngay trên điện thoại của mình. Mỗi buổi có một giảng viên và hai, ba đoàn viên "
                "thanh niên làm trợ giảng, ai chậm cũng được hướng dẫn lại từng bước. Cuối khóa, học viên làm một "
                "bài kiểm tra ngắn và nhận giấy chứng nhận.</p>",
            ),
            (
                "p",
                "<h3>Nội dung các buổi học</h3><ol>"
                "<li>Làm quen với điện thoại thông minh, kết nối Wi-Fi, cài ứng dụng an toàn.</li>"
                "<li>Cài đặt và kích hoạt VNeID, dùng ví giấy tờ.</li>"
                "<li>Nộp hồ sơ trên Cổng Dịch vụ công quốc gia.</li>"
                "<li>Thanh toán bằng mã QR, kiểm tra giao dịch.</li>"
                "<li>Nhận biết lừa đảo trên mạng, bảo vệ thông tin cá nhân.</li></ol>",
            ),
            ("doc", "lich-hoc", "Xem lịch học các lớp (PDF)"),
            (
                "cta",
                "Đăng ký lớp cuối tuần",
                "lop-ky-nang-so-cuoi-tuan",
                "Lớp gần nhất học về VNeID và thanh toán bằng mã QR.",
            ),
        ],
    },
    {
        "slug": "doan-vien-thanh-nien-lam-tro-giang-so",
        "title": "Đoàn viên thanh niên làm “trợ giảng số” trong dịp hè",
        "date": datetime.date(2025, 7, 22),
        "category": "tin-hoat-dong",
        "tags": ["đoàn thanh niên", "tình nguyện"],
        "author": "Phạm Quốc Bảo",
        "image": "tro-giang",
        "summary": (
            "40 đoàn viên, sinh viên tình nguyện chia nhau về các tổ dân phố, hướng dẫn người dân dùng VNeID, dịch "
            "vụ công và thanh toán trực tuyến."
        ),
        "body": [
            (
                "p",
                "<p>Hưởng ứng chiến dịch tình nguyện hè, Đoàn Thanh niên phường Ba Đình lập đội “trợ giảng số” "
                "gồm 40 đoàn viên, sinh viên. Mỗi tối, các bạn chia nhau về 6 tổ dân phố, ngồi cùng người dân ở "
                "nhà văn hóa tổ hoặc đến tận nhà những cụ đi lại khó khăn.</p>",
            ),
            (
                "p",
                "<p>Trước khi đi, các bạn được tập huấn cách hướng dẫn người lớn tuổi: nói chậm, để người học tự "
                "bấm, viết lại các bước ra giấy. Mỗi người được hướng dẫn nhận một “phiếu ghi nhớ” các bước đã "
                "học để tự làm lại ở nhà.</p>",
            ),
            (
                "quote",
                "Lúc đầu em nghĩ chỉ cần bấm giúp là xong. Nhưng các bác cần tự làm được, nên em học cách kiên "
                "nhẫn chờ các bác bấm từng nút.",
                "Một sinh viên tình nguyện trong đội trợ giảng số",
            ),
            (
                "p",
                "<p>Sau hai tháng, đội trợ giảng đã hỗ trợ hơn 600 lượt người dân. Nhiều bạn tiếp tục tham gia tổ "
                "công nghệ số cộng đồng khi chiến dịch kết thúc.</p>",
            ),
        ],
    },
    {
        "slug": "tai-khoan-dinh-danh-dien-tu-muc-do-2-vi-sao-nen-kich-hoat-som",
        "title": "Tài khoản định danh điện tử mức độ 2: vì sao nên kích hoạt sớm?",
        "date": datetime.date(2025, 8, 30),
        "category": "chinh-sach",
        "tags": ["VNeID", "dịch vụ công trực tuyến"],
        "author": "Ban biên tập",
        "image": "vneid",
        "summary": (
            "Tài khoản VNeID mức độ 2 giúp làm thủ tục trực tuyến và xuất trình giấy tờ ngay trên điện thoại. "
            "Trong tháng 9, phường hỗ trợ đăng ký, kích hoạt cả buổi tối và cuối tuần."
        ),
        "body": [
            (
                "p",
                "<p>Tài khoản định danh điện tử là “căn cước trên điện thoại” của mỗi người, do Bộ Công an cấp và "
                "dùng qua ứng dụng VNeID. Tài khoản có hai mức: <b>mức độ 1</b> đăng ký trên ứng dụng; <b>mức độ "
                "2</b> được xác thực trực tiếp với cơ quan công an bằng thẻ căn cước, ảnh chân dung và vân tay, "
                "nên dùng được cho nhiều việc hơn.</p>",
            ),
            (
                "p",
                "<h3>Tài khoản mức độ 2 giúp gì cho bạn?</h3><ul>"
                "<li>Đăng nhập Cổng Dịch vụ công quốc gia để nộp hồ sơ trực tuyến, không phải khai lại thông tin."
                "</li>"
                "<li>Xuất trình thẻ căn cước, giấy phép lái xe, thẻ bảo hiểm y tế đã tích hợp trên ứng dụng khi "
                "được yêu cầu.</li>"
                "<li>Thông báo lưu trú, xem thông tin cư trú ngay trên điện thoại.</li></ul>",
            ),
            (
                "p",
                "<p>Trong tháng 9/2025, công an phường cùng các tổ công nghệ số cộng đồng tổ chức đợt cao điểm hỗ "
                "trợ người dân đăng ký và kích hoạt tài khoản mức độ 2, kể cả buổi tối và cuối tuần. Người dân "
                "chỉ cần mang thẻ căn cước và điện thoại có số thuê bao chính chủ.</p>",
            ),
            (
                "cta",
                "Xem hướng dẫn kích hoạt VNeID từng bước",
                "cai-dat-va-kich-hoat-vneid-muc-do-2",
                "Sáu bước, có hình minh họa, làm được ngay trên điện thoại.",
            ),
            ("doc", "tai-lieu-vneid", "Tải tài liệu hướng dẫn để in (PDF)"),
        ],
    },
    {
        "slug": "tieu-thuong-cho-dan-sinh-nhan-tien-bang-ma-qr",
        "title": "Tiểu thương chợ dân sinh nhận tiền bằng mã QR",
        "date": datetime.date(2025, 10, 18),
        "category": "ky-nang-so",
        "tags": ["thanh toán không dùng tiền mặt", "mã QR"],
        "author": "Nguyễn Thu Hà",
        "image": "cho-qr",
        "summary": (
            "Phần lớn sạp hàng ở chợ dân sinh của phường đã treo mã QR: người mua không cần tiền lẻ, người bán biết "
            "ngay tiền đã về tài khoản."
        ),
        "body": [
            (
                "p",
                "<p>Ở chợ dân sinh của phường Ba Đình, những tấm mã QR nhỏ treo cạnh rổ rau, quầy thịt đã trở nên "
                "quen thuộc. Sau ba buổi hướng dẫn ngay tại chợ, các tiểu thương đã biết tạo mã QR nhận tiền, bật "
                "thông báo biến động số dư và kiểm tra giao dịch trước khi giao hàng.</p>",
            ),
            (
                "quote",
                "Trước tôi ngại lắm, sợ bấm nhầm mất tiền. Giờ khách quét mã, điện thoại báo tiền về là tôi "
                "yên tâm, cuối ngày cũng không phải đếm tiền lẻ nữa.",
                "Bà Vũ Thị Hạnh, bán rau ở chợ dân sinh",
            ),
            (
                "p",
                "<h3>Lưu ý an toàn cho người bán</h3><ul>"
                "<li>Chỉ giao hàng khi điện thoại đã báo tiền vào tài khoản; không tin ảnh chụp màn hình chuyển "
                "khoản.</li>"
                "<li>Thỉnh thoảng kiểm tra mã QR của mình, đề phòng bị dán đè mã khác.</li>"
                "<li>Không đưa điện thoại cho người lạ “kiểm tra giúp” tài khoản.</li></ul>",
            ),
            (
                "cta",
                "Xem hướng dẫn thanh toán bằng mã QR",
                "thanh-toan-truc-tuyen-bang-ma-qr",
                "Dành cho người mua: sáu bước từ mở ứng dụng đến giao dịch thành công.",
            ),
        ],
    },
    {
        "slug": "nguoi-cao-tuoi-hoc-dung-dien-thoai-thong-minh",
        "title": "Người cao tuổi học dùng điện thoại thông minh: chậm mà chắc",
        "date": datetime.date(2025, 12, 6),
        "category": "tin-hoat-dong",
        "tags": ["người cao tuổi", "lớp học"],
        "author": "Nguyễn Thu Hà",
        "image": "nguoi-cao-tuoi",
        "summary": (
            "Lớp học riêng cho người cao tuổi: chữ to, học chậm, mỗi cụ có một đoàn viên thanh niên kèm riêng suốt "
            "khóa."
        ),
        "body": [
            (
                "p",
                "<p>Mỗi sáng thứ Tư, phòng học tầng 2 nhà văn hóa phường lại rộn tiếng cười của các cụ trong lớp "
                "“Điện thoại thông minh cho người cao tuổi”. Lớp do Hội Người cao tuổi phường phối hợp với Trung "
                "tâm học tập cộng đồng tổ chức, mỗi khóa 6 buổi.</p>",
            ),
            (
                "p",
                "<p>Các cụ được hướng dẫn phóng to chữ trên điện thoại, gọi video cho con cháu ở xa, chụp ảnh đơn "
                "thuốc gửi bác sĩ, xem thẻ bảo hiểm y tế trên ứng dụng VNeID. Mỗi cụ có một đoàn viên thanh niên "
                "kèm riêng trong suốt khóa học.</p>",
            ),
            (
                "quote",
                "Con cháu đi làm cả ngày, trước muốn hỏi gì cũng phải chờ đến tối. Bây giờ tôi tự gọi video "
                "được, tự đọc tin tức, thấy mình trẻ ra.",
                "Bà Hoàng Thị Mai, tổ dân phố số 4",
            ),
            (
                "p",
                "<p>Đến nay đã có 4 khóa với gần 120 người cao tuổi tham gia. Năm 2026, phường tiếp tục mở lớp, "
                "ưu tiên các cụ sống một mình.</p>",
            ),
        ],
    },
    {
        "slug": "hoc-sinh-lam-dai-su-an-toan-mang",
        "title": "Học sinh làm “đại sứ an toàn mạng” cho ông bà, cha mẹ",
        "date": datetime.date(2026, 3, 12),
        "category": "ky-nang-so",
        "tags": ["học sinh", "an toàn trên mạng"],
        "author": "Phạm Quốc Bảo",
        "image": "an-toan-mang",
        "summary": (
            "Học sinh trên địa bàn phường học cách nhận biết cuộc gọi, tin nhắn lừa đảo, rồi về nhà hướng dẫn lại "
            "cho người thân."
        ),
        "body": [
            (
                "p",
                "<p>Với khẩu hiệu “Con dạy cha mẹ, cháu dạy ông bà”, Đoàn Thanh niên phường phối hợp với các "
                "trường trung học cơ sở trên địa bàn tổ chức chuyên đề “Đại sứ an toàn mạng”. Học sinh học qua "
                "những tình huống thật: cuộc gọi giả danh công an, tin nhắn báo trúng thưởng, đường link giả mạo "
                "ngân hàng.</p>",
            ),
            (
                "p",
                "<p>Sau mỗi buổi, các em có một bài tập về nhà: ngồi cùng ông bà, cha mẹ kiểm tra điện thoại, gỡ "
                "ứng dụng lạ, bật xác thực hai lớp cho tài khoản mạng xã hội và dặn người thân không bao giờ đọc "
                "mã OTP cho ai.</p>",
            ),
            (
                "quote",
                "Bà em từng suýt chuyển tiền cho người gọi tự xưng là công an. Bây giờ bà bảo: ai gọi đòi tiền "
                "là bà cúp máy rồi hỏi cháu.",
                "Một học sinh lớp 8",
            ),
            (
                "cta",
                "Xem hướng dẫn nhận biết lừa đảo",
                "nhan-biet-cuoc-goi-tin-nhan-lua-dao",
                "Những dấu hiệu thường gặp và việc cần làm ngay nếu chẳng may bị lừa.",
            ),
        ],
    },
    {
        "slug": "ngay-hoi-toan-dan-hoc-tap-so-nhin-lai-18-thang",
        "title": "Ngày hội toàn dân học tập số: nhìn lại 18 tháng triển khai phong trào",
        "date": datetime.date(2026, 10, 12),
        "category": "tin-hoat-dong",
        "tags": ["ngày hội", "kết quả", "Nghị quyết 57"],
        "author": "Nguyễn Thu Hà",
        "image": "ket-qua",
        "summary": (
            "Hơn 1.000 lượt người dân đến Ngày hội 10/10 tại nhà văn hóa phường. Phường công bố kết quả sau 18 tháng "
            "triển khai phong trào."
        ),
        "body": [
            (
                "p",
                "<p>Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10, phường Ba Đình tổ chức “Ngày hội toàn dân học tập "
                "số” tại nhà văn hóa phường. Suốt buổi sáng, các gian hướng dẫn VNeID, dịch vụ công trực tuyến, "
                "thanh toán bằng mã QR và phòng chống lừa đảo lúc nào cũng đông người.</p>",
            ),
            ("image", "ngay-hoi", "Hình minh họa: tờ lịch ghi ngày 10/10, ngày hội toàn dân học tập số."),
            (
                "p",
                "<p>Tại ngày hội, phường khen thưởng các tổ công nghệ số cộng đồng và cá nhân tiêu biểu, đồng thời "
                "công bố kết quả sau 18 tháng triển khai phong trào, từ tháng 4/2025 đến tháng 9/2026.</p>",
            ),
            (
                "table",
                "Kết quả phong trào ở phường Ba Đình (số liệu minh họa của hệ thống trình diễn)",
                [
                    ["Nội dung", "Kết quả", "Ghi chú"],
                    ["Lớp kỹ năng số đã mở", "46 lớp", "Ở nhà văn hóa phường và các tổ dân phố"],
                    ["Lượt người dân được hướng dẫn", "3.850 lượt", "Kể cả hướng dẫn tận nhà"],
                    ["Người từ 14 tuổi có tài khoản VNeID mức độ 2", "92%", "Khi bắt đầu: 61%"],
                    ["Sạp hàng ở chợ dân sinh nhận tiền bằng mã QR", "85%", "Khi bắt đầu: khoảng 30%"],
                    ["Người cao tuổi học xong khóa điện thoại thông minh", "214 người", "6 khóa học"],
                    ["Giấy chứng nhận kỹ năng số đã cấp", "1.270", "Xác minh được trực tuyến"],
                ],
            ),
            (
                "quote",
                "Kết quả quan trọng nhất không nằm ở con số, mà ở chỗ bà con đã tự tin dùng điện thoại để làm "
                "việc của mình.",
                "Bà Lê Thị Lan, cán bộ UBND phường Ba Đình",
            ),
            (
                "p",
                "<p>Năm 2027, phường đặt mục tiêu mỗi hộ gia đình có ít nhất một người dùng thành thạo dịch vụ "
                "công trực tuyến, và tiếp tục mở lớp cho người cao tuổi, người khuyết tật.</p>",
            ),
            (
                "cta",
                "Đăng ký lớp học tiếp theo",
                "lop-ky-nang-so-cuoi-tuan",
                "Lớp cuối tuần miễn phí: VNeID và thanh toán bằng mã QR.",
            ),
        ],
    },
]

# --- questions and answers -------------------------------------------------------------------------------------

# (topic, [(question, answer)])
FAQ = [
    (
        "Về phong trào",
        [
            (
                "“Bình dân học vụ số” là gì?",
                "<p>Là phong trào giúp mọi người dân có kỹ năng số cơ bản: dùng điện thoại, làm thủ tục trực tuyến, "
                "thanh toán không dùng tiền mặt và tự bảo vệ mình trên mạng. Phong trào được phát động trên cả "
                "nước từ tháng 3/2025, để thực hiện Nghị quyết 57-NQ/TW của Bộ Chính trị.</p>",
            ),
            (
                "Tham gia các lớp học có mất tiền không?",
                "<p>Không. Các lớp ở nhà văn hóa phường và ở tổ dân phố đều miễn phí. Các khóa học trên cổng học "
                "tập này cũng miễn phí.</p>",
            ),
            (
                "Tôi đã lớn tuổi, chưa biết gì về điện thoại, có học được không?",
                "<p>Được. Phường có lớp riêng cho người cao tuổi, học chậm, chữ to, có trợ giảng kèm riêng. Bạn "
                "cũng có thể nhờ tổ công nghệ số cộng đồng đến tận nhà hướng dẫn.</p>",
            ),
            (
                "Học xong có được cấp giấy chứng nhận không?",
                "<p>Có. Khi học xong một khóa và đạt bài kiểm tra, bạn nhận giấy chứng nhận có mã riêng; bất kỳ ai "
                "cũng kiểm tra được giấy là thật trên cổng học tập.</p>",
            ),
        ],
    ),
    (
        "VNeID và dịch vụ công",
        [
            (
                "Tài khoản VNeID mức độ 1 và mức độ 2 khác nhau thế nào?",
                "<p>Mức độ 1 đăng ký ngay trên ứng dụng, dùng được ít tiện ích. Mức độ 2 được công an xác thực "
                "trực tiếp bằng thẻ căn cước, ảnh chân dung và vân tay, nên dùng được để làm thủ tục trực tuyến và "
                "xuất trình giấy tờ. Xem "
                '<a linktype="page" id="{page:cai-dat-va-kich-hoat-vneid-muc-do-2}">hướng dẫn kích hoạt VNeID '
                "mức độ 2</a>.</p>",
            ),
            (
                "Tôi quên mật khẩu VNeID thì làm sao?",
                "<p>Ở màn hình đăng nhập, chọn <b>Quên mật khẩu</b> và làm theo hướng dẫn; mã xác nhận được gửi "
                "đến số điện thoại bạn đã đăng ký. Nếu đã đổi số điện thoại, hãy mang thẻ căn cước đến công an "
                "phường để được hỗ trợ.</p>",
            ),
            (
                "Nộp hồ sơ dịch vụ công trực tuyến ở đâu?",
                "<p>Trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), đăng nhập bằng tài khoản VNeID mức độ 2. "
                "Các tổ công nghệ số cộng đồng có thể ngồi cùng bạn làm hồ sơ lần đầu.</p>",
            ),
        ],
    ),
    (
        "Thanh toán và an toàn trên mạng",
        [
            (
                "Thanh toán bằng mã QR có an toàn không?",
                "<p>An toàn, nếu bạn luôn đọc kỹ tên người nhận và số tiền trước khi xác nhận, và không bao giờ cho "
                "ai biết mã OTP hay mật khẩu. Xem "
                '<a linktype="page" id="{page:thanh-toan-truc-tuyen-bang-ma-qr}">hướng dẫn thanh toán bằng mã QR'
                "</a>.</p>",
            ),
            (
                "Có người gọi điện tự xưng là công an, yêu cầu chuyển tiền. Tôi phải làm gì?",
                "<p>Hãy cúp máy. Công an và các cơ quan nhà nước không giải quyết việc và không yêu cầu chuyển tiền "
                "qua điện thoại. Nếu lo lắng, hãy đến trực tiếp công an phường để hỏi.</p>",
            ),
            (
                "Lỡ chuyển tiền cho kẻ lừa đảo thì làm gì?",
                "<p>Gọi ngay tổng đài ngân hàng để yêu cầu khóa tài khoản và tra soát giao dịch, rồi báo công an "
                "phường hoặc gọi 113. Giữ lại tin nhắn, số điện thoại và ảnh chụp màn hình làm bằng chứng.</p>",
            ),
        ],
    ),
]
