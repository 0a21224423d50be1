"""The demo courses' text: three short practical courses for the "Bình dân học vụ số" movement, written for the demo
in plain Vietnamese. It is data, not interface text, so it is not translated.

COURSES: one dict per course, with modules, each with lessons. A lesson's body is a list of (block type, value):
    ("text", html)                a rich text block: h2, h3, p, ul, ol, li, b, i and a href="https://..." only
    ("callout", {kind, title, text})            kind: "info" | "tip" | "warning"
    ("checklist", {title, service_name, service_url, steps})   a "try it yourself"; service_url may be ""
    ("h5p", quiz key)             a key of H5P_QUIZZES; each quiz is used exactly once
A lesson's checkpoint holds 3-4 questions; "correct" is the 0-based index of the right option.

Facts are kept general where rules change often (fees, tax thresholds, button names in the apps); no phone number
appears here except 113, 114 and 115, the national emergency numbers.
"""

COURSES = [
    # --- 1. online safety for older people ----------------------------------------------------------------------
    {
        "slug": "an-toan-tren-mang-cho-nguoi-cao-tuoi",
        "title": "An toàn trên mạng cho người cao tuổi",
        "summary": (
            "Nhận biết cuộc gọi, tin nhắn lừa đảo, giữ kín mã OTP và mật khẩu, tránh đường link và ứng dụng giả, "
            "và biết phải làm gì ngay khi lỡ bị lừa."
        ),
        "audience": ["citizen"],
        "domain": "4",
        "level": 1,
        "format": "online",
        "estimated_minutes": 60,
        "enrolment_mode": "open",
        "sequential": True,
        "outcomes": [
            "Nhận ra các kiểu lừa đảo hay gặp: giả công an, giả ngân hàng, “con cháu gặp nạn”, trúng thưởng.",
            "Giữ kín mã OTP, mật khẩu và khóa màn hình điện thoại.",
            "Kiểm tra đường link trước khi bấm và chỉ cài ứng dụng từ kho ứng dụng chính thức.",
            "Gọi ngân hàng, báo công an và báo người thân ngay khi nghi mình bị lừa.",
        ],
        "prerequisites_text": "Không cần biết trước gì. Bạn chỉ cần một chiếc điện thoại thông minh và biết nghe, gọi.",
        "modules": [
            {
                "slug": "nhan-biet-lua-dao-va-giu-bi-mat",
                "title": "Nhận biết lừa đảo và giữ bí mật",
                "summary": "Các kiểu lừa đảo hay gặp qua điện thoại, tin nhắn, Zalo; cách giữ kín mã OTP, mật khẩu.",
                "lessons": [
                    {
                        "slug": "nhan-biet-cuoc-goi-tin-nhan-lua-dao",
                        "title": "Nhận biết cuộc gọi, tin nhắn lừa đảo",
                        "summary": "Bốn kiểu lừa đảo hay gặp nhất và những dấu hiệu chung để nhận ra chúng.",
                        "min_reading_seconds": 150,
                        "body": [
                            (
                                "text",
                                "<h2>Kẻ lừa đảo thường giả làm ai?</h2>"
                                "<p>Kẻ gian gọi điện, nhắn tin hoặc nhắn qua Zalo. Chúng hay giả làm người có "
                                "quyền hoặc người quen, để bạn sợ hay thương mà làm theo ngay. Bốn kiểu hay gặp "
                                "nhất:</p>"
                                "<ul>"
                                "<li><b>Giả công an:</b> nói bạn “liên quan đến một vụ án”, dọa bắt, rồi bảo chuyển "
                                "tiền vào một “tài khoản tạm giữ” để “chứng minh trong sạch”.</li>"
                                "<li><b>Giả ngân hàng:</b> báo tài khoản của bạn “bị khóa”, “cần cập nhật thông "
                                "tin” hay “được nâng hạn mức”, rồi gửi đường link hoặc hỏi mã OTP.</li>"
                                "<li><b>“Con cháu gặp nạn”:</b> người lạ xưng là thầy cô, bác sĩ hay bạn của cháu, "
                                "báo cháu bị tai nạn, đang cấp cứu, cần chuyển tiền gấp.</li>"
                                "<li><b>Trúng thưởng:</b> báo bạn trúng xe máy, điện thoại hay tiền mặt, nhưng phải "
                                "nộp “phí” hoặc “thuế” trước mới được nhận.</li>"
                                "</ul>",
                            ),
                            (
                                "text",
                                "<h2>Dấu hiệu chung để nhận ra</h2>"
                                "<ul>"
                                "<li><b>Giục làm ngay:</b> “phải chuyển trong 30 phút”, “không được nói với ai”."
                                "</li>"
                                "<li><b>Đòi tiền hoặc đòi mã:</b> bảo chuyển tiền, đọc mã OTP, gửi ảnh thẻ căn "
                                "cước.</li>"
                                "<li><b>Gửi đường link</b> hoặc bảo bạn cài một ứng dụng nào đó.</li>"
                                "<li><b>Số lạ, tài khoản Zalo mới lập,</b> ảnh đại diện lấy trên mạng.</li>"
                                "<li><b>Cuộc gọi video rất ngắn,</b> hình mờ, tiếng nói không khớp miệng. Kẻ gian "
                                "có thể dùng máy tính làm giả mặt và giọng của người thân.</li>"
                                "</ul>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Công an không làm việc qua điện thoại",
                                    "text": (
                                        "Cơ quan công an không làm việc, lấy lời khai qua điện thoại, không gửi "
                                        "giấy mời qua Zalo và không bao giờ bảo người dân chuyển tiền vào bất kỳ "
                                        "tài khoản nào. Ai làm vậy là kẻ lừa đảo."
                                    ),
                                },
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Cúp máy, tự gọi lại để kiểm tra",
                                    "text": (
                                        "Nghe tin con cháu gặp nạn, hãy bình tĩnh cúp máy. Tự gọi lại cho cháu, "
                                        "cho bố mẹ cháu hoặc nhà trường bằng số bạn đã lưu từ trước. Gọi video thì "
                                        "hỏi một câu chỉ người nhà mới biết."
                                    ),
                                },
                            ),
                            ("h5p", "quiz-nhan-biet-lua-dao"),
                        ],
                        "checkpoint": [
                            {
                                "question": (
                                    "Một người xưng là công an gọi điện, nói bạn liên quan đến vụ án và bảo chuyển "
                                    "tiền để “chứng minh trong sạch”. Bạn nên làm gì?"
                                ),
                                "options": [
                                    "Chuyển một ít tiền trước để họ tin mình",
                                    "Cúp máy, không chuyển tiền, báo người thân hoặc công an nơi mình ở",
                                    "Đọc số thẻ căn cước để họ kiểm tra",
                                ],
                                "correct": 1,
                                "explanation": (
                                    "Công an không làm việc qua điện thoại và không bao giờ bảo người dân chuyển "
                                    "tiền. Đây là kẻ lừa đảo."
                                ),
                            },
                            {
                                "question": "Dấu hiệu nào cho thấy một tin nhắn có thể là lừa đảo?",
                                "options": [
                                    "Tin nhắn giục bạn làm ngay và gửi kèm một đường link lạ",
                                    "Tin nhắn người thân hỏi thăm sức khỏe, không đòi gì",
                                    "Tin nhắn báo lịch họp tổ dân phố, không có đường link",
                                ],
                                "correct": 0,
                                "explanation": "Giục làm ngay và gửi đường link lạ là hai dấu hiệu lừa đảo hay gặp.",
                            },
                            {
                                "question": (
                                    "Bạn nhận tin báo trúng thưởng một chiếc xe máy, chỉ cần nộp phí trước. Điều này "
                                    "có nghĩa là gì?"
                                ),
                                "options": [
                                    "Đó là may mắn, nên nộp phí sớm kẻo hết hạn",
                                    "Nên hỏi thêm số tài khoản để nộp phí",
                                    "Đó là dấu hiệu lừa đảo: giải thưởng thật không bắt bạn chuyển tiền trước",
                                ],
                                "correct": 2,
                                "explanation": "Bắt nộp “phí” hay “thuế” trước khi nhận thưởng là trò lừa quen thuộc.",
                            },
                            {
                                "question": (
                                    "Người lạ gọi báo cháu bạn bị tai nạn, cần tiền mổ gấp. Việc đầu tiên nên làm "
                                    "là gì?"
                                ),
                                "options": [
                                    "Chuyển tiền ngay vì sợ chậm",
                                    "Tự gọi lại cho cháu hoặc bố mẹ cháu bằng số đã lưu sẵn để kiểm tra",
                                    "Gửi ảnh thẻ căn cước cho người đó để làm thủ tục",
                                ],
                                "correct": 1,
                                "explanation": (
                                    "Hãy cúp máy và tự gọi cho người nhà bằng số đã lưu. Kẻ gian hay bịa chuyện "
                                    "này để lừa tiền."
                                ),
                            },
                        ],
                    },
                    {
                        "slug": "giu-kin-ma-otp-va-mat-khau",
                        "title": "Giữ kín mã OTP và mật khẩu",
                        "summary": "Mã OTP là gì, vì sao không đưa cho ai, đặt mật khẩu khó đoán, khóa điện thoại.",
                        "min_reading_seconds": 140,
                        "body": [
                            (
                                "text",
                                "<h2>Mã OTP là gì?</h2>"
                                "<p>OTP là <b>mã xác thực dùng một lần</b>, thường gồm 6 chữ số. Ngân hàng hay "
                                "ứng dụng gửi mã này qua tin nhắn, hoặc hiện ngay trong ứng dụng, khi bạn chuyển "
                                "tiền, đăng nhập trên máy mới hay đổi mật khẩu. Mã chỉ dùng được trong thời gian "
                                "ngắn.</p>"
                                "<p>Hãy coi mã OTP như <b>chìa khóa két sắt</b>. Ai có mã, người đó có thể lấy tiền "
                                "trong tài khoản của bạn.</p>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Ngân hàng không bao giờ hỏi mã OTP",
                                    "text": (
                                        "Nhân viên ngân hàng, công an, nhà mạng hay bất kỳ ai đều không có quyền hỏi "
                                        "mã OTP và mật khẩu của bạn. Ai hỏi mã OTP, người đó là kẻ lừa đảo. Đọc kỹ "
                                        "tin nhắn chứa mã: nếu mã dùng cho một việc bạn không làm, đừng nhập và "
                                        "đừng đưa cho ai."
                                    ),
                                },
                            ),
                            (
                                "text",
                                "<h2>Đặt mật khẩu khó đoán</h2>"
                                "<ul>"
                                "<li>Dài ít nhất 8 ký tự, có cả chữ và số.</li>"
                                "<li>Không dùng ngày sinh, số điện thoại hay “123456”.</li>"
                                "<li>Mỗi tài khoản quan trọng (ngân hàng, VNeID, Zalo) dùng một mật khẩu riêng.</li>"
                                "<li>Nếu phải ghi ra giấy, hãy cất kín, không để cùng điện thoại, không dán lên "
                                "máy.</li>"
                                "<li>Đổi mật khẩu ngay khi nghi có người khác biết.</li>"
                                "</ul>",
                            ),
                            (
                                "text",
                                "<h2>Giữ điện thoại an toàn</h2>"
                                "<ul>"
                                "<li>Cài <b>khóa màn hình</b> bằng mã số, vân tay hoặc khuôn mặt.</li>"
                                "<li>Không cho người lạ mượn điện thoại “để gọi nhờ” hay “để cài giúp”.</li>"
                                "<li>Bật <b>thông báo biến động số dư</b> để biết ngay khi có tiền ra, vào tài "
                                "khoản.</li>"
                                "<li>Với khoản chuyển lớn, ứng dụng ngân hàng có thể yêu cầu quét khuôn mặt. Chỉ "
                                "làm việc này khi chính bạn muốn chuyển tiền, không làm theo lời người khác qua "
                                "điện thoại.</li>"
                                "</ul>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Nhờ người thân tin cậy",
                                    "text": (
                                        "Thấy khó thì nhờ con cháu ngồi cạnh, cùng bạn cài khóa màn hình và đổi mật "
                                        "khẩu. Nhưng mật khẩu và mã OTP ngân hàng thì chỉ mình bạn nên biết."
                                    ),
                                },
                            ),
                        ],
                        "checkpoint": [
                            {
                                "question": "Mã OTP dùng để làm gì?",
                                "options": [
                                    "Để xác nhận một giao dịch hay một lần đăng nhập của chính bạn",
                                    "Để nhân viên ngân hàng kiểm tra tài khoản giúp bạn",
                                    "Để nhận quà khuyến mãi của nhà mạng",
                                ],
                                "correct": 0,
                                "explanation": "Mã OTP chỉ để chính bạn tự nhập khi chính bạn làm giao dịch.",
                            },
                            {
                                "question": (
                                    "Người xưng là nhân viên ngân hàng gọi đến, xin mã OTP “để mở khóa tài khoản”. "
                                    "Bạn làm gì?"
                                ),
                                "options": [
                                    "Đọc mã vì họ là người của ngân hàng",
                                    "Gửi mã qua Zalo cho nhanh",
                                    "Không đọc mã, cúp máy, tự gọi số tổng đài in sau thẻ ngân hàng để hỏi",
                                ],
                                "correct": 2,
                                "explanation": "Ngân hàng không bao giờ hỏi mã OTP. Ai hỏi mã là kẻ lừa đảo.",
                            },
                            {
                                "question": "Mật khẩu nào an toàn hơn?",
                                "options": [
                                    "123456",
                                    "Một cụm dài có chữ và số, chỉ bạn nhớ, không dùng cho tài khoản khác",
                                    "Ngày tháng năm sinh của bạn",
                                ],
                                "correct": 1,
                                "explanation": "Mật khẩu dài, có chữ và số, dùng riêng cho mỗi tài khoản thì khó đoán.",
                            },
                            {
                                "question": "Vì sao nên bật thông báo biến động số dư?",
                                "options": [
                                    "Để ngân hàng gửi quảng cáo",
                                    "Để không phải dùng mật khẩu nữa",
                                    "Để biết ngay khi có tiền ra, vào tài khoản và phát hiện sớm điều bất thường",
                                ],
                                "correct": 2,
                                "explanation": "Thấy giao dịch lạ sớm, bạn gọi ngân hàng khóa tài khoản sớm.",
                            },
                        ],
                    },
                ],
            },
            {
                "slug": "duong-link-ung-dung-gia-va-khi-bi-lua",
                "title": "Đường link, ứng dụng giả và khi bị lừa",
                "summary": "Cách kiểm tra đường link, tránh ứng dụng giả và những việc cần làm ngay khi lỡ bị lừa.",
                "lessons": [
                    {
                        "slug": "duong-link-an-toan-va-ung-dung-gia",
                        "title": "Đường link an toàn và ứng dụng giả",
                        "summary": "Nhận ra trang web giả, chỉ cài ứng dụng từ kho chính thức, không cấp quyền lạ.",
                        "min_reading_seconds": 150,
                        "body": [
                            (
                                "text",
                                "<h2>Đường link giả trông như thế nào?</h2>"
                                "<p>Kẻ gian gửi đường link qua tin nhắn, Zalo, Facebook, hoặc dán mã QR lạ ở nơi "
                                "công cộng. Bấm vào, bạn có thể thấy một trang web giống hệt trang ngân hàng hay "
                                "trang dịch vụ công. Nếu bạn nhập mật khẩu hay mã OTP vào đó, kẻ gian sẽ lấy "
                                "được.</p>"
                                "<ul>"
                                "<li>Tên trang bị thêm chữ, thêm dấu gạch ngang hoặc sai một chữ so với tên thật.</li>"
                                "<li>Phần cuối tên trang lạ, không giống trang bạn vẫn dùng.</li>"
                                "<li>Trang đòi nhập ngay mật khẩu, mã OTP hay số thẻ ngân hàng.</li>"
                                "<li>Đường link bị rút gọn, không đọc được tên trang.</li>"
                                "</ul>"
                                "<p>Trang của cơ quan nhà nước Việt Nam có tên kết thúc bằng <b>.gov.vn</b>, ví dụ "
                                "Cổng Dịch vụ công quốc gia là <b>dichvucong.gov.vn</b>. Cách an toàn nhất: tự gõ "
                                "tên trang, hoặc mở ứng dụng chính thức, thay vì bấm link người khác gửi.</p>",
                            ),
                            (
                                "text",
                                "<h2>Ứng dụng giả</h2>"
                                "<p>Kẻ gian có thể gửi link để bạn cài một ứng dụng giả mạo VNeID, ngân hàng, điện "
                                "lực hay cơ quan thuế. Cài xong, ứng dụng giả xin quyền điều khiển điện thoại, đọc "
                                "tin nhắn, rồi lén chuyển tiền của bạn đi.</p>"
                                "<ul>"
                                "<li>Chỉ cài ứng dụng từ <b>CH Play</b> (điện thoại Android) hoặc <b>App Store</b> "
                                "(iPhone).</li>"
                                "<li>Không cài tệp có đuôi “.apk” do người khác gửi.</li>"
                                "<li>Xem kỹ tên ứng dụng và tên nhà phát triển trước khi bấm cài.</li>"
                                "<li>Ứng dụng xin “quyền trợ năng” hay quyền điều khiển màn hình mà không rõ lý do: "
                                "không đồng ý, gỡ ngay.</li>"
                                "</ul>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Không ai “cài giúp” qua điện thoại",
                                    "text": (
                                        "Cán bộ nhà nước và nhân viên ngân hàng không gọi điện hướng dẫn bạn cài ứng "
                                        "dụng từ một đường link. Gặp trường hợp này, hãy cúp máy."
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Tự kiểm tra trước khi bấm một đường link",
                                    "service_name": "Trang cảnh báo lừa đảo trên không gian mạng",
                                    "service_url": "https://canhbao.khonggianmang.gov.vn",
                                    "steps": [
                                        "Xem ai gửi: có phải người bạn quen, đã hẹn gửi cho bạn không?",
                                        "Đọc tên trang trong đường link: có đúng tên thật, không thừa, không thiếu "
                                        "chữ nào?",
                                        "Không chắc thì đừng bấm. Tự mở ứng dụng chính thức hoặc gọi tổng đài in sau "
                                        "thẻ ngân hàng.",
                                        "Mở trang canhbao.khonggianmang.gov.vn để xem các cảnh báo lừa đảo mới và "
                                        "phản ánh đường link đáng ngờ.",
                                        "Vẫn băn khoăn? Hỏi con cháu hoặc tổ công nghệ số cộng đồng nơi bạn ở.",
                                    ],
                                },
                            ),
                        ],
                        "checkpoint": [
                            {
                                "question": (
                                    "Bạn nhận tin nhắn “Tài khoản bị khóa, bấm vào link để mở lại”. Nên làm gì?"
                                ),
                                "options": [
                                    "Bấm link và nhập mật khẩu cho nhanh",
                                    "Không bấm; tự mở ứng dụng ngân hàng hoặc gọi tổng đài in sau thẻ để hỏi",
                                    "Chuyển tiếp tin nhắn cho bạn bè bấm thử",
                                ],
                                "correct": 1,
                                "explanation": "Không bấm link lạ. Tự kiểm tra qua ứng dụng hoặc tổng đài chính thức.",
                            },
                            {
                                "question": "Nên cài ứng dụng từ đâu?",
                                "options": [
                                    "Từ tệp .apk người lạ gửi qua Zalo",
                                    "Từ đường link trong tin nhắn trúng thưởng",
                                    "Từ kho ứng dụng chính thức CH Play hoặc App Store",
                                ],
                                "correct": 2,
                                "explanation": "Kho ứng dụng chính thức an toàn hơn nhiều so với tệp hay link lạ.",
                            },
                            {
                                "question": (
                                    "Một ứng dụng vừa cài xin quyền điều khiển màn hình mà không rõ lý do. Bạn nên "
                                    "làm gì?"
                                ),
                                "options": [
                                    "Không đồng ý và gỡ ứng dụng đó",
                                    "Đồng ý cho xong để dùng được ứng dụng",
                                    "Tắt điện thoại, bật lại rồi đồng ý",
                                ],
                                "correct": 0,
                                "explanation": "Ứng dụng giả hay xin quyền này để điều khiển máy và chuyển tiền đi.",
                            },
                            {
                                "question": "Trang web của cơ quan nhà nước Việt Nam thường có tên kết thúc bằng gì?",
                                "options": [".com", ".gov.vn", ".xyz"],
                                "correct": 1,
                                "explanation": "Ví dụ: dichvucong.gov.vn. Tuy vậy, tốt nhất vẫn là tự gõ tên trang.",
                            },
                        ],
                    },
                    {
                        "slug": "bi-lua-roi-phai-lam-gi",
                        "title": "Bị lừa rồi, phải làm gì?",
                        "summary": "Gọi ngân hàng, báo công an, phản ánh và báo người thân; giữ bằng chứng.",
                        "min_reading_seconds": 160,
                        "body": [
                            (
                                "text",
                                "<h2>Bình tĩnh, làm ngay bốn việc</h2>"
                                "<ol>"
                                "<li><b>Gọi ngay cho ngân hàng</b> theo số tổng đài in sau thẻ hoặc trong ứng dụng "
                                "chính thức. Đề nghị khóa tài khoản, khóa thẻ và báo giao dịch bị lừa. Gọi càng "
                                "sớm càng tốt.</li>"
                                "<li><b>Báo công an:</b> gọi <b>113</b> hoặc đến công an xã, phường gần nhất. Mang "
                                "theo điện thoại và thẻ căn cước.</li>"
                                "<li><b>Phản ánh</b> lên trang "
                                '<a href="https://canhbao.khonggianmang.gov.vn">canhbao.khonggianmang.gov.vn</a> '
                                "của Cục An toàn thông tin, để người khác được cảnh báo.</li>"
                                "<li><b>Báo cho người thân</b> để được giúp, và để họ cảnh giác nếu kẻ gian mạo "
                                "danh bạn nhắn tin vay tiền.</li>"
                                "</ol>",
                            ),
                            (
                                "text",
                                "<h2>Giữ lại bằng chứng</h2>"
                                "<ul>"
                                "<li>Không xóa tin nhắn, lịch sử cuộc gọi, đoạn chat Zalo.</li>"
                                "<li>Chụp màn hình số điện thoại, tên tài khoản Zalo, đường link kẻ gian gửi.</li>"
                                "<li>Giữ biên lai chuyển tiền: số tài khoản nhận, tên người nhận, số tiền, giờ "
                                "chuyển.</li>"
                                "</ul>"
                                "<h3>Nếu lỡ cài ứng dụng lạ hoặc đưa mã OTP</h3>"
                                "<ul>"
                                "<li>Tắt mạng ngay (bật chế độ máy bay) để kẻ gian không điều khiển được máy.</li>"
                                "<li>Dùng một máy khác gọi ngân hàng để khóa tài khoản.</li>"
                                "<li>Đổi mật khẩu ngân hàng, Zalo, VNeID từ một máy an toàn.</li>"
                                "<li>Nhờ người tin cậy hoặc cửa hàng sửa chữa uy tín gỡ ứng dụng lạ.</li>"
                                "</ul>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Cẩn thận bị lừa lần hai",
                                    "text": (
                                        "Sau khi bị lừa, bạn có thể gặp người hứa “lấy lại tiền giúp” nếu nộp phí "
                                        "trước. Đó cũng là lừa đảo. Chỉ làm việc trực tiếp với ngân hàng và cơ quan "
                                        "công an."
                                    ),
                                },
                            ),
                            (
                                "callout",
                                {
                                    "kind": "info",
                                    "title": "Không có gì phải xấu hổ",
                                    "text": (
                                        "Ai cũng có thể bị lừa, vì kẻ gian rất khéo. Nói sớm với người thân và báo "
                                        "sớm cho ngân hàng, công an giúp bạn có thêm cơ hội ngăn kẻ gian."
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Chuẩn bị sẵn danh bạ khẩn cấp",
                                    "service_name": "Danh bạ trên điện thoại của bạn",
                                    "service_url": "",
                                    "steps": [
                                        "Lật mặt sau thẻ ngân hàng, lưu số tổng đài vào danh bạ với tên “Ngân hàng "
                                        "của tôi”.",
                                        "Lưu số 113 với tên “Công an”.",
                                        "Lưu số của hai người thân tin cậy, đặt tên dễ nhận ra.",
                                        "Viết các số này ra một tờ giấy, cất trong ví.",
                                        "Lưu trang canhbao.khonggianmang.gov.vn vào dấu trang của trình duyệt.",
                                    ],
                                },
                            ),
                            ("h5p", "quiz-xu-ly-khi-bi-lua"),
                        ],
                        "checkpoint": [
                            {
                                "question": "Vừa chuyển tiền cho kẻ lừa đảo, việc nên làm đầu tiên là gì?",
                                "options": [
                                    "Chờ vài ngày xem họ có trả lại không",
                                    "Gọi ngay tổng đài ngân hàng để báo và đề nghị khóa tài khoản",
                                    "Xóa hết tin nhắn cho đỡ buồn",
                                ],
                                "correct": 1,
                                "explanation": "Gọi ngân hàng càng sớm, càng có thêm cơ hội ngăn tiền bị rút đi.",
                            },
                            {
                                "question": "Gọi số nào để báo công an?",
                                "options": ["113", "114", "115"],
                                "correct": 0,
                                "explanation": "113 là số gọi công an. 114 là cứu hỏa, 115 là cấp cứu.",
                            },
                            {
                                "question": (
                                    "Có người nhắn: “Tôi lấy lại được tiền bị lừa cho bạn, chỉ cần nộp phí trước”. "
                                    "Đó là gì?"
                                ),
                                "options": [
                                    "Một cách tốt để lấy lại tiền",
                                    "Một dịch vụ của ngân hàng",
                                    "Một trò lừa đảo lần hai",
                                ],
                                "correct": 2,
                                "explanation": "Chỉ ngân hàng và công an mới giúp bạn xử lý, không ai đòi phí trước.",
                            },
                            {
                                "question": "Vì sao không nên xóa tin nhắn của kẻ lừa đảo?",
                                "options": [
                                    "Vì đó là bằng chứng giúp ngân hàng và công an xử lý",
                                    "Vì kẻ gian cần đọc lại tin nhắn",
                                    "Vì điện thoại sẽ bị khóa nếu xóa",
                                ],
                                "correct": 0,
                                "explanation": "Tin nhắn, số điện thoại, biên lai là bằng chứng quan trọng.",
                            },
                        ],
                    },
                ],
            },
        ],
    },
    # --- 2. online public services and VNeID ----------------------------------------------------------------------
    {
        "slug": "dich-vu-cong-truc-tuyen-va-vneid",
        "title": "Dịch vụ công trực tuyến và VNeID",
        "summary": (
            "Có tài khoản định danh điện tử mức độ 2, dùng ví giấy tờ trên VNeID, nộp hồ sơ trên Cổng Dịch vụ công "
            "quốc gia, theo dõi hồ sơ và nộp phí trực tuyến."
        ),
        "audience": ["citizen", "civil_servant"],
        "domain": "5",
        "level": 2,
        "format": "blended",
        "estimated_minutes": 90,
        "enrolment_mode": "open",
        "sequential": True,
        "outcomes": [
            "Giải thích tài khoản định danh điện tử mức độ 2 là gì và đăng ký ở đâu.",
            "Cài đặt, kích hoạt và giữ an toàn ứng dụng VNeID trên điện thoại của mình.",
            "Tích hợp và xuất trình giấy tờ trong ví giấy tờ của VNeID.",
            "Nộp một hồ sơ trên Cổng Dịch vụ công quốc gia, theo dõi hồ sơ và nộp phí trực tuyến.",
        ],
        "prerequisites_text": (
            "Bạn cần biết dùng điện thoại thông minh ở mức cơ bản và có thẻ căn cước gắn chip. Nên học trước khóa "
            "“An toàn trên mạng cho người cao tuổi”."
        ),
        "modules": [
            {
                "slug": "vneid-can-cuoc-tren-dien-thoai",
                "title": "VNeID: căn cước trên điện thoại",
                "summary": "Tài khoản định danh điện tử mức độ 2, cài đặt và kích hoạt VNeID, dùng ví giấy tờ.",
                "lessons": [
                    {
                        "slug": "vneid-la-gi-va-tai-khoan-muc-do-2",
                        "title": "VNeID là gì? Tài khoản định danh điện tử mức độ 2",
                        "summary": "VNeID dùng để làm gì, khác nhau giữa mức độ 1 và mức độ 2, đăng ký ở đâu.",
                        "min_reading_seconds": 160,
                        "body": [
                            (
                                "text",
                                "<h2>VNeID là gì?</h2>"
                                "<p><b>VNeID</b> là ứng dụng định danh điện tử quốc gia của <b>Bộ Công an</b>. Mỗi "
                                "người dân được cấp một tài khoản định danh điện tử, có thể hiểu là “căn cước trên "
                                "điện thoại”. Với tài khoản này, bạn chứng minh mình là ai khi làm thủ tục trực "
                                "tuyến, xem giấy tờ của mình và dùng nhiều tiện ích khác.</p>"
                                "<h3>Hai mức tài khoản</h3>"
                                "<ul>"
                                "<li><b>Mức độ 1:</b> đăng ký trên ứng dụng, dùng được ít tiện ích hơn.</li>"
                                "<li><b>Mức độ 2:</b> được cơ quan công an xác thực trực tiếp bằng thẻ căn cước, "
                                "ảnh chân dung và vân tay. Mức này dùng được cho nhiều việc hơn: đăng nhập Cổng "
                                "Dịch vụ công quốc gia, xem ví giấy tờ, nộp hồ sơ trực tuyến.</li>"
                                "</ul>",
                            ),
                            (
                                "text",
                                "<h2>Đăng ký mức độ 2 ở đâu, cần mang gì?</h2>"
                                "<p>Bạn đăng ký tại cơ quan công an, thường là công an xã, phường nơi bạn ở hoặc "
                                "nơi làm thẻ căn cước. Khi đi làm thẻ căn cước, bạn có thể đề nghị đăng ký tài "
                                "khoản mức độ 2 cùng lúc. Việc đăng ký không mất phí.</p>"
                                "<ul>"
                                "<li>Thẻ căn cước (hoặc căn cước công dân) gắn chip.</li>"
                                "<li>Số điện thoại <b>đứng tên chính bạn</b> (số chính chủ).</li>"
                                "<li>Điện thoại thông minh, nếu muốn kích hoạt ngay sau khi được duyệt.</li>"
                                "</ul>"
                                "<p>Cán bộ sẽ chụp ảnh chân dung, lấy vân tay nếu cần và ghi số điện thoại. Khi hồ "
                                "sơ được duyệt, bạn nhận tin nhắn báo để kích hoạt tài khoản.</p>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "info",
                                    "title": "Vì sao cần số điện thoại chính chủ?",
                                    "text": (
                                        "Mã kích hoạt và các thông báo quan trọng được gửi đến số này. Nếu số đứng "
                                        "tên người khác, bạn có thể không kích hoạt được. Chưa chắc? Hãy hỏi cửa "
                                        "hàng của nhà mạng."
                                    ),
                                },
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Không ai “làm hộ” qua điện thoại",
                                    "text": (
                                        "Công an không gọi điện hay nhắn Zalo để “kích hoạt VNeID giúp”, không gửi "
                                        "đường link cài ứng dụng và không hỏi mã kích hoạt của bạn. Muốn đăng ký "
                                        "mức độ 2, hãy đến trụ sở công an hoặc điểm hỗ trợ do công an xã, phường "
                                        "thông báo công khai."
                                    ),
                                },
                            ),
                            ("h5p", "quiz-vneid-muc-do-2"),
                        ],
                        "checkpoint": [
                            {
                                "question": "VNeID là ứng dụng của cơ quan nào?",
                                "options": ["Ngân hàng nơi bạn mở tài khoản", "Nhà mạng điện thoại", "Bộ Công an"],
                                "correct": 2,
                                "explanation": "VNeID là ứng dụng định danh điện tử quốc gia của Bộ Công an.",
                            },
                            {
                                "question": "Muốn có tài khoản định danh điện tử mức độ 2, bạn làm thế nào?",
                                "options": [
                                    "Chỉ cần tải ứng dụng, không phải làm gì thêm",
                                    "Đến cơ quan công an với thẻ căn cước và số điện thoại chính chủ",
                                    "Gửi ảnh thẻ căn cước qua Zalo cho người xưng là cán bộ",
                                ],
                                "correct": 1,
                                "explanation": "Mức độ 2 do công an xác thực trực tiếp: thẻ căn cước, ảnh, vân tay.",
                            },
                            {
                                "question": "Vì sao cần số điện thoại đứng tên chính mình khi đăng ký?",
                                "options": [
                                    "Vì mã kích hoạt và thông báo quan trọng được gửi đến số đó",
                                    "Vì ứng dụng chỉ chạy được trên một loại điện thoại",
                                    "Vì phải trả phí đăng ký qua nhà mạng",
                                ],
                                "correct": 0,
                                "explanation": "Số chính chủ giúp bạn nhận mã kích hoạt và giữ tài khoản an toàn.",
                            },
                        ],
                    },
                    {
                        "slug": "cai-dat-va-kich-hoat-vneid-an-toan",
                        "title": "Cài đặt và kích hoạt VNeID an toàn",
                        "summary": "Tải đúng ứng dụng, kích hoạt, đặt mật khẩu và passcode, giữ tài khoản an toàn.",
                        "min_reading_seconds": 150,
                        "body": [
                            (
                                "text",
                                "<h2>Bước 1: Tải đúng ứng dụng</h2>"
                                "<p>Mở <b>CH Play</b> (Android) hoặc <b>App Store</b> (iPhone), gõ tìm “VNeID”. "
                                "Kiểm tra tên nhà phát triển là cơ quan thuộc Bộ Công an, không phải một cá nhân "
                                "hay công ty lạ, rồi bấm <b>Cài đặt</b>. Ứng dụng miễn phí.</p>"
                                "<h2>Bước 2: Kích hoạt tài khoản</h2>"
                                "<ol>"
                                "<li>Mở ứng dụng, chọn <b>Kích hoạt tài khoản định danh điện tử</b>.</li>"
                                "<li>Nhập <b>số định danh cá nhân</b> (12 chữ số in trên thẻ căn cước) và số điện "
                                "thoại đã đăng ký với công an.</li>"
                                "<li>Nhập mã kích hoạt (OTP) vừa nhận qua tin nhắn.</li>"
                                "<li>Đặt mật khẩu đăng nhập và <b>passcode</b> gồm 6 chữ số theo hướng dẫn trên "
                                "màn hình.</li>"
                                "<li>Đăng nhập lại và xem mức tài khoản trong phần thông tin cá nhân.</li>"
                                "</ol>"
                                "<p><i>Tên các nút có thể khác đôi chút tùy phiên bản ứng dụng.</i></p>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Mã kích hoạt chỉ để bạn tự nhập",
                                    "text": (
                                        "Không đọc mã kích hoạt, mật khẩu hay passcode cho bất kỳ ai, kể cả người "
                                        "xưng là công an. Kẻ gian chiếm được tài khoản VNeID có thể mạo danh bạn để "
                                        "làm những việc bạn không hề biết."
                                    ),
                                },
                            ),
                            (
                                "text",
                                "<h2>Giữ tài khoản an toàn</h2>"
                                "<ul>"
                                "<li>Dùng mật khẩu VNeID khác với mật khẩu ngân hàng và Zalo.</li>"
                                "<li>Cài khóa màn hình cho điện thoại.</li>"
                                "<li>Không đăng nhập VNeID của mình trên điện thoại của người khác.</li>"
                                "<li>Mất điện thoại hay đổi số điện thoại: đến công an xã, phường để được hướng "
                                "dẫn bảo vệ và cập nhật tài khoản.</li>"
                                "</ul>",
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Thực hành: kiểm tra tài khoản VNeID của bạn",
                                    "service_name": "Ứng dụng VNeID",
                                    "service_url": "",
                                    "steps": [
                                        "Mở ứng dụng VNeID và đăng nhập.",
                                        "Vào phần thông tin tài khoản, xem tài khoản đã ở mức độ 2 chưa.",
                                        "Xem lại họ tên, ngày sinh, nơi thường trú có đúng không.",
                                        "Nếu thông tin sai hoặc tài khoản mới ở mức độ 1, mang thẻ căn cước đến công "
                                        "an xã, phường để được hỗ trợ.",
                                        "Nếu đã ghi mật khẩu ra giấy, cất ở nơi kín đáo, không để cùng điện thoại.",
                                    ],
                                },
                            ),
                        ],
                        "checkpoint": [
                            {
                                "question": "Nên tải ứng dụng VNeID từ đâu?",
                                "options": [
                                    "Đường link người lạ gửi qua tin nhắn",
                                    "Kho ứng dụng chính thức CH Play hoặc App Store",
                                    "Tệp cài đặt bạn bè chia sẻ trên Zalo",
                                ],
                                "correct": 1,
                                "explanation": "Chỉ tải VNeID từ kho ứng dụng chính thức để tránh ứng dụng giả.",
                            },
                            {
                                "question": "Khi kích hoạt, số định danh cá nhân là số nào?",
                                "options": [
                                    "Số điện thoại của bạn",
                                    "Số sổ hộ khẩu cũ",
                                    "12 chữ số in trên thẻ căn cước",
                                ],
                                "correct": 2,
                                "explanation": "Số định danh cá nhân gồm 12 chữ số, in trên thẻ căn cước của bạn.",
                            },
                            {
                                "question": (
                                    "Người xưng là công an gọi đến, đề nghị bạn đọc mã kích hoạt VNeID để “hỗ trợ”. "
                                    "Bạn làm gì?"
                                ),
                                "options": [
                                    "Không đọc mã và cúp máy; cần hỗ trợ thì tự đến công an xã, phường",
                                    "Đọc mã vì người đó là công an",
                                    "Chụp ảnh mã gửi qua Zalo cho họ",
                                ],
                                "correct": 0,
                                "explanation": "Mã kích hoạt chỉ để bạn tự nhập. Ai hỏi mã là kẻ lừa đảo.",
                            },
                        ],
                    },
                    {
                        "slug": "dung-vi-giay-to-tich-hop-tren-vneid",
                        "title": "Dùng ví giấy tờ tích hợp trên VNeID",
                        "summary": "Tích hợp giấy phép lái xe, thẻ bảo hiểm y tế vào VNeID và xuất trình khi cần.",
                        "min_reading_seconds": 140,
                        "body": [
                            (
                                "text",
                                "<h2>Ví giấy tờ là gì?</h2>"
                                "<p>Trong VNeID có phần <b>ví giấy tờ</b>. Tại đây bạn xem được thẻ căn cước điện "
                                "tử của mình, và có thể tích hợp thêm giấy tờ khác như giấy phép lái xe, thẻ bảo "
                                "hiểm y tế, giấy đăng ký xe, khi các giấy tờ này đã có trong dữ liệu của cơ quan "
                                "nhà nước. Loại giấy tờ tích hợp được có thể thay đổi theo thời gian.</p>"
                                "<h2>Cách tích hợp một giấy tờ</h2>"
                                "<ol>"
                                "<li>Đăng nhập VNeID, mở <b>ví giấy tờ</b>.</li>"
                                "<li>Chọn tích hợp thông tin, rồi chọn loại giấy tờ, ví dụ thẻ bảo hiểm y tế.</li>"
                                "<li>Nhập số giấy tờ theo hướng dẫn, đánh dấu đồng ý và gửi yêu cầu.</li>"
                                "<li>Nhập passcode nếu ứng dụng hỏi.</li>"
                                "<li>Chờ hệ thống kiểm tra. Khi xong, giấy tờ hiện trong ví.</li>"
                                "</ol>"
                                "<p><i>Tên các mục có thể khác đôi chút tùy phiên bản ứng dụng.</i></p>",
                            ),
                            (
                                "text",
                                "<h2>Dùng giấy tờ trong ví khi nào?</h2>"
                                "<p>Ở nhiều nơi, bạn có thể xuất trình giấy tờ trên VNeID thay cho bản giấy, ví dụ "
                                "thẻ bảo hiểm y tế khi đi khám bệnh, hay thẻ căn cước điện tử khi làm thủ tục. Việc "
                                "chấp nhận còn tùy quy định của từng việc, từng nơi. Khi đi làm việc quan trọng, "
                                "hãy mang theo bản gốc cho chắc.</p>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Mở sẵn trước khi đến lượt",
                                    "text": (
                                        "Điện thoại cần có mạng và đủ pin. Đăng nhập sẵn và mở giấy tờ cần xuất "
                                        "trình trước khi đến quầy, để không phải vội."
                                    ),
                                },
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Đừng đăng giấy tờ lên mạng",
                                    "text": (
                                        "Không chụp màn hình ví giấy tờ, thẻ căn cước hay mã QR trên giấy tờ rồi "
                                        "đăng lên mạng xã hội hoặc gửi cho người lạ. Kẻ gian có thể dùng thông tin "
                                        "đó để mạo danh bạn."
                                    ),
                                },
                            ),
                        ],
                        "checkpoint": [
                            {
                                "question": "Ví giấy tờ trong VNeID dùng để làm gì?",
                                "options": [
                                    "Lưu ảnh gia đình",
                                    "Xem và xuất trình các giấy tờ của bạn đã được tích hợp",
                                    "Chuyển tiền cho người khác",
                                ],
                                "correct": 1,
                                "explanation": "Ví giấy tờ chứa thẻ căn cước điện tử và các giấy tờ bạn đã tích hợp.",
                            },
                            {
                                "question": "Đi khám bệnh bằng thẻ bảo hiểm y tế trên VNeID, bạn nên chuẩn bị gì?",
                                "options": [
                                    "Không cần chuẩn bị gì",
                                    "Chụp màn hình thẻ rồi đăng lên mạng xã hội",
                                    "Điện thoại có mạng, đủ pin, đăng nhập sẵn; mang bản gốc nếu cần cho chắc",
                                ],
                                "correct": 2,
                                "explanation": "Chuẩn bị sẵn giúp bạn xuất trình nhanh, không phải vội ở quầy.",
                            },
                            {
                                "question": "Vì sao không nên đăng ảnh chụp ví giấy tờ lên mạng xã hội?",
                                "options": [
                                    "Vì kẻ gian có thể dùng thông tin đó để mạo danh bạn",
                                    "Vì ảnh sẽ bị mờ",
                                    "Vì ứng dụng sẽ tự xóa giấy tờ",
                                ],
                                "correct": 0,
                                "explanation": "Thông tin trên giấy tờ là thông tin cá nhân, cần giữ kín.",
                            },
                        ],
                    },
                ],
            },
            {
                "slug": "lam-thu-tuc-tren-cong-dich-vu-cong",
                "title": "Làm thủ tục trên Cổng Dịch vụ công quốc gia",
                "summary": "Nộp hồ sơ trực tuyến trên dichvucong.gov.vn, theo dõi hồ sơ và nộp phí, lệ phí.",
                "lessons": [
                    {
                        "slug": "nop-ho-so-tren-cong-dich-vu-cong-quoc-gia",
                        "title": "Nộp hồ sơ trên Cổng Dịch vụ công quốc gia",
                        "summary": "Đăng nhập bằng VNeID, tìm thủ tục, điền tờ khai, đính kèm giấy tờ và nộp hồ sơ.",
                        "min_reading_seconds": 180,
                        "body": [
                            (
                                "text",
                                "<h2>Cổng Dịch vụ công quốc gia</h2>"
                                "<p>Cổng Dịch vụ công quốc gia có địa chỉ "
                                '<a href="https://dichvucong.gov.vn">dichvucong.gov.vn</a>. Tại đây bạn nộp hồ sơ '
                                "nhiều thủ tục hành chính qua mạng, không phải đến cơ quan nhiều lần. Bạn đăng nhập "
                                "bằng tài khoản định danh điện tử VNeID.</p>"
                                "<h2>Các bước nộp hồ sơ</h2>"
                                "<ol>"
                                "<li>Tự gõ địa chỉ dichvucong.gov.vn vào trình duyệt, không bấm link lạ.</li>"
                                "<li>Bấm <b>Đăng nhập</b>, chọn đăng nhập bằng tài khoản định danh điện tử, rồi làm "
                                "theo hướng dẫn xác nhận trên ứng dụng VNeID.</li>"
                                "<li>Gõ tên thủ tục vào ô tìm kiếm, ví dụ “đăng ký khai sinh”.</li>"
                                "<li>Chọn đúng thủ tục, chọn tỉnh, thành phố và cơ quan giải quyết.</li>"
                                "<li>Điền tờ khai. Nhiều thông tin được điền sẵn từ dữ liệu dân cư, hãy đọc lại cho "
                                "đúng.</li>"
                                "<li>Đính kèm ảnh chụp hoặc bản quét giấy tờ cần thiết: rõ nét, đủ trang.</li>"
                                "<li>Xem lại rồi bấm <b>Nộp hồ sơ</b>. Ghi lại <b>mã hồ sơ</b>.</li>"
                                "</ol>",
                            ),
                            (
                                "text",
                                "<h2>Ví dụ 1: Đăng ký khai sinh</h2>"
                                "<p>Cha mẹ cần đăng ký khai sinh cho con trong vòng 60 ngày kể từ ngày sinh. Trên "
                                "Cổng có nhóm thủ tục liên thông: một lần nộp, bạn làm được đăng ký khai sinh, "
                                "đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi. Thường bạn cần "
                                "ảnh chụp rõ nét giấy chứng sinh do cơ sở y tế cấp.</p>"
                                "<h3>Ví dụ 2: Phiếu lý lịch tư pháp</h3>"
                                "<p>Phiếu lý lịch tư pháp cho biết một người có án tích hay không, thường cần khi "
                                "xin việc. Bạn có thể đề nghị cấp phiếu trực tuyến trên Cổng, hoặc trên ứng dụng "
                                "VNeID. Hãy đọc kỹ hướng dẫn về giấy tờ, phí và cách nhận kết quả trước khi nộp.</p>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Cần giúp? Có nơi hỗ trợ",
                                    "text": (
                                        "Bộ phận tiếp nhận hồ sơ (một cửa) ở Ủy ban nhân dân xã, phường và các tổ "
                                        "công nghệ số cộng đồng có thể hướng dẫn bạn nộp hồ sơ trực tuyến. Đây là "
                                        "khóa học kết hợp: hãy mang điện thoại đến buổi thực hành để làm thử cùng "
                                        "hướng dẫn viên."
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Thực hành: tìm một thủ tục trên Cổng",
                                    "service_name": "Cổng Dịch vụ công quốc gia",
                                    "service_url": "https://dichvucong.gov.vn",
                                    "steps": [
                                        "Tự gõ dichvucong.gov.vn vào trình duyệt.",
                                        "Đăng nhập bằng tài khoản định danh điện tử VNeID.",
                                        "Gõ “đăng ký khai sinh” hoặc “lý lịch tư pháp” vào ô tìm kiếm.",
                                        "Mở thủ tục, đọc phần giấy tờ cần chuẩn bị, thời hạn giải quyết và phí, lệ "
                                        "phí.",
                                        "Chỉ bấm Nộp hồ sơ khi bạn thật sự cần làm thủ tục đó.",
                                    ],
                                },
                            ),
                        ],
                        "checkpoint": [
                            {
                                "question": "Địa chỉ Cổng Dịch vụ công quốc gia là gì?",
                                "options": [
                                    "dichvucong.gov.vn",
                                    "Bất kỳ trang nào có chữ “dịch vụ công”",
                                    "Đường link trong tin nhắn báo trúng thưởng",
                                ],
                                "correct": 0,
                                "explanation": "Địa chỉ đúng là dichvucong.gov.vn. Hãy tự gõ, đừng bấm link lạ.",
                            },
                            {
                                "question": "Đăng nhập Cổng Dịch vụ công quốc gia bằng tài khoản nào?",
                                "options": [
                                    "Tài khoản Zalo",
                                    "Tài khoản định danh điện tử VNeID",
                                    "Tài khoản ngân hàng của người thân",
                                ],
                                "correct": 1,
                                "explanation": "Người dân đăng nhập Cổng bằng tài khoản định danh điện tử VNeID.",
                            },
                            {
                                "question": "Sau khi nộp hồ sơ, bạn nên ghi lại điều gì?",
                                "options": [
                                    "Tên máy tính đã dùng",
                                    "Không cần ghi gì",
                                    "Mã hồ sơ, để tra cứu sau này",
                                ],
                                "correct": 2,
                                "explanation": "Mã hồ sơ giúp bạn tra cứu và hỏi cơ quan giải quyết khi cần.",
                            },
                            {
                                "question": "Cần đăng ký khai sinh cho con trong thời hạn nào kể từ ngày sinh?",
                                "options": ["Trong vòng 60 ngày", "Trong vòng 1 năm", "Khi con đi học lớp 1"],
                                "correct": 0,
                                "explanation": "Thời hạn đăng ký khai sinh là 60 ngày kể từ ngày sinh của con.",
                            },
                        ],
                    },
                    {
                        "slug": "theo-doi-ho-so-va-nop-phi-truc-tuyen",
                        "title": "Theo dõi hồ sơ và nộp phí trực tuyến",
                        "summary": "Xem tình trạng hồ sơ, bổ sung khi được yêu cầu và thanh toán phí, lệ phí an toàn.",
                        "min_reading_seconds": 160,
                        "body": [
                            (
                                "text",
                                "<h2>Theo dõi hồ sơ</h2>"
                                "<p>Sau khi nộp, hồ sơ được chuyển đến cơ quan giải quyết. Bạn không cần đến hỏi "
                                "nhiều lần; hãy theo dõi ngay trên mạng.</p>"
                                "<ul>"
                                "<li>Đăng nhập Cổng, vào phần quản lý hồ sơ của bạn để xem các hồ sơ đã nộp.</li>"
                                "<li>Hoặc dùng chức năng tra cứu hồ sơ, nhập mã hồ sơ đã ghi lại.</li>"
                                "<li>Để ý tin nhắn và thư điện tử báo tình trạng hồ sơ.</li>"
                                "</ul>"
                                "<h3>Các tình trạng thường gặp</h3>"
                                "<ul>"
                                "<li><b>Đã tiếp nhận, đang xử lý:</b> cán bộ đang giải quyết, bạn chỉ cần chờ.</li>"
                                "<li><b>Yêu cầu bổ sung:</b> đọc kỹ lý do, bổ sung đúng giấy tờ được yêu cầu.</li>"
                                "<li><b>Đã có kết quả:</b> xem cách nhận kết quả: bản điện tử, nhận tại cơ quan hoặc "
                                "qua bưu điện.</li>"
                                "</ul>"
                                "<p><i>Tên các tình trạng có thể khác đôi chút trên từng cổng.</i></p>",
                            ),
                            (
                                "text",
                                "<h2>Nộp phí, lệ phí trực tuyến</h2>"
                                "<p>Nhiều thủ tục không mất phí, ví dụ đăng ký khai sinh đúng hạn. Với thủ tục có "
                                "phí, Cổng cho phép thanh toán trực tuyến.</p>"
                                "<ol>"
                                "<li>Trong hồ sơ, bấm nút thanh toán.</li>"
                                "<li>Kiểm tra tên thủ tục, số tiền và cơ quan thu.</li>"
                                "<li>Chọn ngân hàng hoặc ví điện tử, hoặc quét mã QR bằng ứng dụng ngân hàng của "
                                "bạn.</li>"
                                "<li>Xác nhận trong ứng dụng ngân hàng.</li>"
                                "<li>Lưu lại biên lai điện tử.</li>"
                                "</ol>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Chỉ trả tiền qua kênh chính thức",
                                    "text": (
                                        "Chỉ thanh toán bằng chức năng thanh toán trên Cổng hoặc theo hướng dẫn chính "
                                        "thức của cơ quan giải quyết. Không chuyển tiền vào tài khoản cá nhân của "
                                        "người tự xưng là cán bộ “làm nhanh giúp”."
                                    ),
                                },
                            ),
                            (
                                "callout",
                                {
                                    "kind": "info",
                                    "title": "Khi thanh toán bị lỗi",
                                    "text": (
                                        "Đã bị trừ tiền mà hồ sơ vẫn báo chưa thanh toán? Đừng trả thêm lần nữa. "
                                        "Chụp màn hình giao dịch, chờ một lúc rồi xem lại, hoặc hỏi bộ phận một cửa "
                                        "nơi giải quyết hồ sơ."
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Thực hành: tra cứu hồ sơ của bạn",
                                    "service_name": "Cổng Dịch vụ công quốc gia",
                                    "service_url": "https://dichvucong.gov.vn",
                                    "steps": [
                                        "Đăng nhập Cổng bằng tài khoản định danh điện tử VNeID.",
                                        "Mở phần quản lý hồ sơ, hoặc chức năng tra cứu hồ sơ.",
                                        "Nhập mã hồ sơ đã ghi lại.",
                                        "Đọc tình trạng hồ sơ và ghi chú của cán bộ, nếu có.",
                                        "Nếu có yêu cầu bổ sung, chuẩn bị giấy tờ và nộp bổ sung đúng hạn.",
                                    ],
                                },
                            ),
                        ],
                        "checkpoint": [
                            {
                                "question": "Hồ sơ báo “Yêu cầu bổ sung”. Bạn nên làm gì?",
                                "options": [
                                    "Nộp lại một hồ sơ mới giống hệt",
                                    "Đọc kỹ lý do và bổ sung đúng giấy tờ được yêu cầu",
                                    "Bỏ qua, hồ sơ sẽ tự xong",
                                ],
                                "correct": 1,
                                "explanation": "Bổ sung đúng và đúng hạn để hồ sơ được giải quyết tiếp.",
                            },
                            {
                                "question": (
                                    "Người tự xưng là cán bộ nhắn tin, bảo chuyển tiền vào tài khoản cá nhân để "
                                    "“làm hồ sơ nhanh”. Bạn nên làm gì?"
                                ),
                                "options": [
                                    "Chuyển tiền cho nhanh",
                                    "Chuyển trước một nửa",
                                    "Từ chối; chỉ nộp phí qua chức năng thanh toán trên Cổng hoặc tại cơ quan",
                                ],
                                "correct": 2,
                                "explanation": "Phí, lệ phí chỉ nộp qua kênh chính thức, không qua tài khoản cá nhân.",
                            },
                            {
                                "question": "Đã bị trừ tiền nhưng hồ sơ vẫn báo chưa thanh toán. Nên làm gì trước?",
                                "options": [
                                    "Giữ ảnh chụp giao dịch, xem lại sau hoặc hỏi bộ phận một cửa",
                                    "Thanh toán thêm lần nữa ngay",
                                    "Xóa hồ sơ đi rồi nộp lại",
                                ],
                                "correct": 0,
                                "explanation": "Trả thêm lần nữa có thể mất tiền hai lần. Hãy giữ bằng chứng và hỏi.",
                            },
                        ],
                    },
                ],
            },
        ],
    },
    # --- 3. digital market: selling and cashless payments --------------------------------------------------------
    {
        "slug": "cho-so-ban-hang-va-thanh-toan-khong-dung-tien-mat",
        "title": "Chợ số: bán hàng và thanh toán không dùng tiền mặt",
        "summary": (
            "Nhận tiền bằng mã VietQR và kiểm tra tiền đã về, chụp ảnh và mô tả hàng trung thực, bán hàng qua mạng, "
            "giữ kín thông tin khách và hiểu những điều cơ bản về hóa đơn, thuế."
        ),
        "audience": ["enterprise_worker", "citizen"],
        "domain": "2",
        "level": 2,
        "format": "online",
        "estimated_minutes": 75,
        "enrolment_mode": "open",
        "sequential": False,
        "outcomes": [
            "Nhận tiền bằng mã VietQR và kiểm tra chắc chắn tiền đã về tài khoản của mình.",
            "Chụp ảnh sản phẩm rõ ràng và viết mô tả ngắn, trung thực.",
            "Nhận và xác nhận đơn hàng qua Zalo, mạng xã hội mà không nhầm lẫn.",
            "Giữ kín thông tin khách hàng và biết hỏi đúng nơi về hóa đơn điện tử, thuế.",
        ],
        "prerequisites_text": "Bạn cần có tài khoản ngân hàng và đã cài ứng dụng ngân hàng trên điện thoại.",
        "modules": [
            {
                "slug": "nhan-tien-va-trinh-bay-san-pham",
                "title": "Nhận tiền an toàn và trình bày sản phẩm",
                "summary": "Nhận tiền bằng mã VietQR, kiểm tra tiền về, chụp ảnh và viết mô tả sản phẩm.",
                "lessons": [
                    {
                        "slug": "nhan-tien-bang-vietqr-va-kiem-tra-tien-ve",
                        "title": "Nhận tiền bằng mã VietQR và kiểm tra tiền đã về",
                        "summary": "Tạo mã QR nhận tiền; tránh ảnh màn hình giả, mã QR bị dán đè, tiền “chuyển nhầm”.",
                        "min_reading_seconds": 160,
                        "body": [
                            (
                                "text",
                                "<h2>VietQR là gì?</h2>"
                                "<p><b>VietQR</b> là chuẩn mã QR chung để chuyển khoản giữa các ngân hàng ở Việt "
                                "Nam. Người mua mở ứng dụng ngân hàng bất kỳ, quét mã QR của bạn, nhập số tiền và "
                                "xác nhận. Tiền thường về tài khoản của bạn chỉ sau vài giây, kể cả ngoài giờ hành "
                                "chính.</p>"
                                "<h3>Tạo và dùng mã QR nhận tiền</h3>"
                                "<ol>"
                                "<li>Mở ứng dụng ngân hàng của bạn, tìm chức năng mã QR nhận tiền.</li>"
                                "<li>Lưu ảnh mã, in ra, bọc nhựa và đặt ở quầy.</li>"
                                "<li>Nên dùng một tài khoản riêng cho việc buôn bán để dễ theo dõi.</li>"
                                "<li>Với đơn có số tiền cụ thể, có thể tạo mã QR kèm sẵn số tiền và nội dung, để "
                                "khách không gõ nhầm.</li>"
                                "</ol>",
                            ),
                            (
                                "text",
                                "<h2>Kiểm tra tiền đã thật sự về</h2>"
                                "<p>Màn hình điện thoại của khách <b>không phải là bằng chứng</b>. Kẻ gian có thể "
                                "đưa ảnh chụp màn hình giả, tin nhắn giả hay một giao dịch “đang xử lý” rồi đi "
                                "mất.</p>"
                                "<ul>"
                                "<li>Chỉ tin thông báo biến động số dư từ ứng dụng ngân hàng của chính bạn, hoặc "
                                "lịch sử giao dịch trong ứng dụng.</li>"
                                "<li>Xem đúng số tiền, đúng giờ, đúng nội dung chuyển khoản.</li>"
                                "<li>Chưa thấy tiền về thì lịch sự mời khách chờ một chút, hoặc trả bằng cách khác."
                                "</li>"
                                "<li>Lúc đông khách, loa báo tiền về gắn với tài khoản của bạn giúp bạn đỡ vất vả; khi "
                                "nghi ngờ, vẫn mở ứng dụng xem lại.</li>"
                                "</ul>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Coi chừng mã QR bị dán đè",
                                    "text": (
                                        "Kẻ gian có thể dán mã QR của chúng đè lên mã của bạn. Mỗi sáng hãy nhìn kỹ "
                                        "mã ở quầy. Thỉnh thoảng tự quét thử: tên hiện ra phải đúng tên chủ tài "
                                        "khoản của bạn."
                                    ),
                                },
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Tiền “chuyển nhầm”",
                                    "text": (
                                        "Có khoản tiền lạ vào tài khoản, rồi người lạ gọi nhờ chuyển trả sang một "
                                        "tài khoản khác? Đừng làm theo. Hãy báo ngân hàng của bạn để ngân hàng hoàn "
                                        "trả đúng quy trình."
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Thực hành: nhận tiền bằng mã QR",
                                    "service_name": "Ứng dụng ngân hàng của bạn",
                                    "service_url": "",
                                    "steps": [
                                        "Mở ứng dụng ngân hàng, tìm mã QR nhận tiền của bạn.",
                                        "Nhờ người thân quét mã và chuyển thử một khoản nhỏ.",
                                        "Xem thông báo biến động số dư trong ứng dụng của bạn: đúng số tiền, đúng "
                                        "nội dung.",
                                        "Tự quét mã của mình bằng một máy khác, xem tên chủ tài khoản hiện ra.",
                                        "In mã, đặt ở quầy và kiểm tra mã mỗi ngày.",
                                    ],
                                },
                            ),
                            ("h5p", "quiz-kiem-tra-tien-ve"),
                        ],
                        "checkpoint": [
                            {
                                "question": "Khách đưa màn hình điện thoại báo “chuyển khoản thành công”. Bạn làm gì?",
                                "options": [
                                    "Tin ngay vì màn hình đã ghi thành công",
                                    "Xem thông báo hoặc lịch sử giao dịch trong ứng dụng ngân hàng của chính bạn",
                                    "Chụp lại màn hình của khách là đủ",
                                ],
                                "correct": 1,
                                "explanation": "Chỉ ứng dụng ngân hàng của bạn mới cho biết tiền đã thật sự về.",
                            },
                            {
                                "question": "Vì sao nên thỉnh thoảng tự quét thử mã QR ở quầy?",
                                "options": [
                                    "Để mã QR sáng hơn",
                                    "Để ngân hàng tặng điểm thưởng",
                                    "Để chắc tên hiện ra là của bạn, mã không bị kẻ gian dán đè",
                                ],
                                "correct": 2,
                                "explanation": "Mã bị dán đè thì tiền của khách sẽ chảy vào tài khoản kẻ gian.",
                            },
                            {
                                "question": (
                                    "Có khoản tiền lạ vào tài khoản, rồi người lạ gọi nhờ chuyển trả sang tài khoản "
                                    "khác. Cách đúng là gì?"
                                ),
                                "options": [
                                    "Không chuyển; báo ngân hàng của bạn để xử lý đúng quy trình",
                                    "Chuyển ngay cho họ kẻo phiền",
                                    "Rút tiền mặt đưa tận tay họ",
                                ],
                                "correct": 0,
                                "explanation": "Hoàn trả qua ngân hàng giúp bạn tránh bẫy “chuyển nhầm”.",
                            },
                            {
                                "question": "Mã QR kèm sẵn số tiền giúp gì?",
                                "options": [
                                    "Tiền về nhiều hơn",
                                    "Khách không phải gõ số tiền, tránh nhầm lẫn",
                                    "Không cần kiểm tra tiền về nữa",
                                ],
                                "correct": 1,
                                "explanation": "Mã có sẵn số tiền giúp tránh gõ nhầm, nhưng vẫn cần kiểm tra tiền về.",
                            },
                        ],
                    },
                    {
                        "slug": "chup-anh-san-pham-va-viet-mo-ta-trung-thuc",
                        "title": "Chụp ảnh sản phẩm và viết mô tả trung thực",
                        "summary": "Chụp ảnh rõ bằng điện thoại, ảnh đúng hàng thật, mô tả ngắn, rõ, không nói quá.",
                        "min_reading_seconds": 140,
                        "body": [
                            (
                                "text",
                                "<h2>Chụp ảnh bằng điện thoại</h2>"
                                "<ul>"
                                "<li>Chụp ban ngày, gần cửa sổ, dùng ánh sáng tự nhiên.</li>"
                                "<li>Nền đơn giản: một tấm vải, tờ giấy trắng hay mặt bàn gọn gàng.</li>"
                                "<li>Lau sạch ống kính điện thoại trước khi chụp.</li>"
                                "<li>Chụp nhiều góc: mặt trước, mặt sau, cận cảnh chi tiết.</li>"
                                "<li>Đặt hàng cạnh bàn tay hoặc cái thước để người mua thấy kích thước.</li>"
                                "<li>Chụp hàng thật của bạn, không lấy ảnh của người khác trên mạng.</li>"
                                "</ul>"
                                "<h3>Ảnh phải giống hàng thật</h3>"
                                "<p>Có thể chỉnh cho sáng hơn một chút, nhưng đừng dùng bộ lọc làm đổi màu hay làm "
                                "hàng trông khác đi. Hàng có vết xước, vết bạc màu thì chụp rõ. Người mua nhận hàng "
                                "đúng như ảnh sẽ tin bạn và quay lại.</p>",
                            ),
                            (
                                "text",
                                "<h2>Viết mô tả ngắn, rõ, thật</h2>"
                                "<ul>"
                                "<li>Tên sản phẩm.</li>"
                                "<li>Kích thước, khối lượng, màu sắc.</li>"
                                "<li>Chất liệu, nơi sản xuất.</li>"
                                "<li>Giá bán rõ ràng và phí giao hàng.</li>"
                                "<li>Với thực phẩm: ngày sản xuất, hạn sử dụng, cách bảo quản.</li>"
                                "<li>Cách đổi, trả nếu hàng lỗi.</li>"
                                "</ul>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Không nói quá",
                                    "text": (
                                        "Không quảng cáo thực phẩm, thảo dược là có tác dụng chữa bệnh: pháp luật "
                                        "cấm việc này và nó có thể gây hại cho người mua. Không ghi “chính hãng”, "
                                        "“hàng xuất khẩu” nếu bạn không có giấy tờ chứng minh."
                                    ),
                                },
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Một mẫu mô tả",
                                    "text": (
                                        "“Chè búp khô nhà trồng, gói 500 g, hái vụ xuân năm nay. Hạn dùng 12 tháng, "
                                        "bảo quản nơi khô ráo. Giá 180.000 đồng một gói, chưa gồm phí giao hàng. "
                                        "Hàng lỗi được đổi trong 3 ngày.”"
                                    ),
                                },
                            ),
                        ],
                        "checkpoint": [
                            {
                                "question": "Nên chụp ảnh sản phẩm ở đâu cho đẹp và đúng màu?",
                                "options": [
                                    "Nơi tối, bật đèn flash thật mạnh",
                                    "Gần cửa sổ, ánh sáng ban ngày, nền đơn giản",
                                    "Chụp lại ảnh của cửa hàng khác trên mạng",
                                ],
                                "correct": 1,
                                "explanation": "Ánh sáng tự nhiên và nền đơn giản giúp ảnh rõ và đúng màu.",
                            },
                            {
                                "question": "Hàng có một vết xước nhỏ. Bạn nên làm gì?",
                                "options": [
                                    "Chụp rõ vết xước và ghi vào mô tả",
                                    "Dùng bộ lọc che vết xước đi",
                                    "Không nhắc đến, khách sẽ không để ý",
                                ],
                                "correct": 0,
                                "explanation": "Nói thật về hàng giúp khách tin và tránh bị trả hàng.",
                            },
                            {
                                "question": "Câu mô tả nào đúng mực?",
                                "options": [
                                    "“Uống vào khỏi hẳn bệnh tiểu đường”",
                                    "“Hàng xuất khẩu chính hãng”, dù bạn không có giấy tờ",
                                    "“Gói 500 g, hạn dùng 12 tháng, bảo quản nơi khô ráo”",
                                ],
                                "correct": 2,
                                "explanation": "Mô tả tốt nói rõ thông tin thật, không hứa hẹn quá sự thật.",
                            },
                        ],
                    },
                ],
            },
            {
                "slug": "ban-hang-qua-mang-dung-quy-dinh",
                "title": "Bán hàng qua mạng đúng quy định",
                "summary": "Bán hàng qua mạng xã hội, Zalo, nhận đơn; giữ kín thông tin khách; hóa đơn và thuế.",
                "lessons": [
                    {
                        "slug": "ban-hang-qua-mang-xa-hoi-zalo-va-nhan-don",
                        "title": "Bán hàng qua mạng xã hội, Zalo và nhận đơn",
                        "summary": "Chuẩn bị trang bán hàng, xác nhận đơn bằng chữ, ghi sổ đơn, tránh “khách” lừa.",
                        "min_reading_seconds": 150,
                        "body": [
                            (
                                "text",
                                "<h2>Chuẩn bị trang bán hàng</h2>"
                                "<ul>"
                                "<li>Dùng tên bán hàng rõ ràng, ảnh đại diện là cửa hàng hoặc sản phẩm.</li>"
                                "<li>Ghi địa chỉ, giờ nhận đơn và cách liên hệ.</li>"
                                "<li>Đăng bài đều đặn, có ảnh thật và giá rõ ràng.</li>"
                                "<li>Có thể lập nhóm Zalo cho khách quen để báo hàng mới, nhưng chỉ thêm người đã "
                                "đồng ý.</li>"
                                "</ul>",
                            ),
                            (
                                "text",
                                "<h2>Nhận đơn không nhầm lẫn</h2>"
                                "<p>Với mỗi đơn hàng, hãy nhắn lại cho khách để xác nhận bằng chữ:</p>"
                                "<ul>"
                                "<li>Tên người nhận, số điện thoại, địa chỉ giao hàng.</li>"
                                "<li>Món hàng, số lượng, màu, cỡ.</li>"
                                "<li>Tổng tiền và phí giao hàng.</li>"
                                "<li>Cách trả tiền: chuyển khoản bằng mã QR, hay trả tiền khi nhận hàng.</li>"
                                "<li>Ngày giao dự kiến.</li>"
                                "</ul>"
                                "<p>Ghi các đơn vào một cuốn sổ hoặc bảng tính trên điện thoại: ngày, tên khách, "
                                "hàng, số tiền, đã trả tiền chưa, đã giao chưa. Cuối ngày xem lại để không sót "
                                "đơn.</p>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Trả lời khách nhanh, lịch sự",
                                    "text": (
                                        "Khách hỏi mà phải chờ lâu sẽ đi mua nơi khác. Soạn sẵn vài câu trả lời cho "
                                        "các câu hỏi hay gặp: giá, phí giao hàng, thời gian giao, cách đổi trả."
                                    ),
                                },
                            ),
                            (
                                "callout",
                                {
                                    "kind": "warning",
                                    "title": "Cẩn thận “khách” lừa người bán",
                                    "text": (
                                        "Có kẻ giả làm khách hay người giao hàng, gửi đường link để bạn “nhận tiền” "
                                        "hoặc “xác nhận đơn”, rồi đòi mã OTP. Nhận tiền không bao giờ cần nhập mã "
                                        "OTP hay đăng nhập ngân hàng qua link. Cũng đừng chuyển “phí” cho người tự "
                                        "xưng là nhân viên giao hàng."
                                    ),
                                },
                            ),
                        ],
                        "checkpoint": [
                            {
                                "question": "Khi nhận đơn qua Zalo, bạn nên xác nhận lại điều gì với khách?",
                                "options": [
                                    "Chỉ cần tên Zalo của khách",
                                    "Mật khẩu Zalo của khách",
                                    "Tên, số điện thoại, địa chỉ, món hàng, số lượng, tổng tiền, cách trả tiền",
                                ],
                                "correct": 2,
                                "explanation": "Xác nhận đủ thông tin bằng chữ giúp tránh giao nhầm, thu nhầm.",
                            },
                            {
                                "question": "Một “khách” gửi link, bảo bạn đăng nhập ngân hàng để nhận tiền. Nghĩ sao?",
                                "options": [
                                    "Nhận tiền không bao giờ cần đăng nhập qua link hay nhập OTP; đây là lừa đảo",
                                    "Nên đăng nhập để nhận tiền nhanh hơn",
                                    "Chỉ cần nhập mã OTP, không cần mật khẩu",
                                ],
                                "correct": 0,
                                "explanation": "Để nhận tiền, bạn chỉ cần đưa mã QR hoặc số tài khoản.",
                            },
                            {
                                "question": "Có nên tự thêm số điện thoại của mọi khách vào nhóm Zalo quảng cáo không?",
                                "options": [
                                    "Có, càng đông càng tốt",
                                    "Không, chỉ thêm người đã đồng ý",
                                    "Có, miễn là thêm vào ban đêm",
                                ],
                                "correct": 1,
                                "explanation": "Tôn trọng khách: chỉ thêm vào nhóm những người đã đồng ý.",
                            },
                        ],
                    },
                    {
                        "slug": "thong-tin-khach-hang-hoa-don-dien-tu-va-thue",
                        "title": "Giữ kín thông tin khách hàng, hóa đơn điện tử và thuế",
                        "summary": "Bảo vệ thông tin của khách; hóa đơn điện tử và nghĩa vụ thuế của hộ kinh doanh.",
                        "min_reading_seconds": 170,
                        "body": [
                            (
                                "text",
                                "<h2>Thông tin khách hàng là của khách</h2>"
                                "<p>Khi bán hàng, bạn biết tên, số điện thoại, địa chỉ của khách. Đây là thông tin "
                                "cá nhân. Pháp luật Việt Nam có quy định về bảo vệ dữ liệu cá nhân; làm lộ hay mua "
                                "bán thông tin của người khác có thể bị xử lý.</p>"
                                "<ul>"
                                "<li>Chỉ hỏi những gì cần để giao hàng.</li>"
                                "<li>Không đăng ảnh đơn hàng, phiếu giao hàng hay tin nhắn có tên, số điện thoại, "
                                "địa chỉ của khách lên mạng. Muốn khoe đơn thì che kín thông tin.</li>"
                                "<li>Không bán, không cho người khác danh sách khách hàng.</li>"
                                "<li>Khóa màn hình điện thoại bán hàng, không để người lạ dùng.</li>"
                                "<li>Xóa thông tin khi không còn cần nữa.</li>"
                                "</ul>",
                            ),
                            (
                                "text",
                                "<h2>Hóa đơn điện tử là gì?</h2>"
                                "<p>Hóa đơn điện tử là hóa đơn được lập và gửi bằng máy tính, điện thoại hay máy "
                                "tính tiền, thay cho hóa đơn giấy. Người mua có thể tra cứu hóa đơn trên trang của "
                                'ngành thuế (<a href="https://hoadondientu.gdt.gov.vn">hoadondientu.gdt.gov.vn</a>).'
                                "</p>"
                                "<h2>Hộ kinh doanh và thuế: những điều nên biết</h2>"
                                "<ul>"
                                "<li>Bán hàng qua mạng cũng là kinh doanh. Nếu thuộc diện phải nộp thuế theo quy "
                                "định, bạn kê khai và nộp thuế như khi bán ở cửa hàng.</li>"
                                "<li>Quy định về thuế và hóa đơn cho hộ kinh doanh đã thay đổi nhiều trong thời gian "
                                "gần đây, ví dụ chủ trương bỏ thuế khoán, chuyển sang hộ kinh doanh tự kê khai, và "
                                "một số hộ phải dùng hóa đơn điện tử.</li>"
                                "<li>Mức doanh thu phải nộp thuế và cách nộp do pháp luật quy định và có thể thay "
                                "đổi. Hãy hỏi cơ quan thuế nơi bạn kinh doanh để biết đúng trường hợp của mình.</li>"
                                "<li>Ghi chép doanh thu hằng ngày và giữ lịch sử giao dịch. Dùng tài khoản riêng "
                                "cho việc bán hàng giúp kê khai dễ hơn.</li>"
                                "</ul>",
                            ),
                            (
                                "callout",
                                {
                                    "kind": "info",
                                    "title": "Hỏi đúng nơi",
                                    "text": (
                                        "Cơ quan thuế nơi bạn kinh doanh hướng dẫn miễn phí. Ngành thuế có ứng dụng "
                                        "eTax Mobile để tra cứu và nộp thuế trên điện thoại. Cẩn thận với người gọi "
                                        "điện xưng là cán bộ thuế rồi gửi link cài ứng dụng: hãy cúp máy và tự liên "
                                        "hệ cơ quan thuế."
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Thực hành: che thông tin khách trước khi đăng ảnh",
                                    "service_name": "Công cụ sửa ảnh có sẵn trên điện thoại",
                                    "service_url": "",
                                    "steps": [
                                        "Chọn một ảnh đơn hàng hay phiếu giao hàng bạn định đăng.",
                                        "Mở ảnh, chọn Sửa (hoặc Chỉnh sửa), dùng công cụ vẽ hay cắt ảnh.",
                                        "Che kín tên, số điện thoại, địa chỉ của khách.",
                                        "Phóng to ảnh để chắc không còn đọc được thông tin nào.",
                                        "Chỉ đăng bản đã che; xóa bản gốc nếu không cần giữ.",
                                    ],
                                },
                            ),
                        ],
                        "checkpoint": [
                            {
                                "question": "Bạn muốn đăng ảnh đơn hàng để quảng cáo. Cách đúng là gì?",
                                "options": [
                                    "Đăng nguyên ảnh cho khách khác thấy là hàng bán chạy",
                                    "Che kín tên, số điện thoại, địa chỉ của khách rồi mới đăng",
                                    "Gửi ảnh cho một cửa hàng khác nhờ đăng hộ",
                                ],
                                "correct": 1,
                                "explanation": "Thông tin của khách là thông tin cá nhân, phải được giữ kín.",
                            },
                            {
                                "question": "Bán hàng qua mạng có phải thực hiện nghĩa vụ thuế không?",
                                "options": [
                                    "Không bao giờ, vì bán trên mạng",
                                    "Chỉ khi có khách phàn nàn",
                                    "Có, nếu thuộc diện phải nộp thuế theo quy định, như bán ở cửa hàng",
                                ],
                                "correct": 2,
                                "explanation": "Bán qua mạng cũng là kinh doanh; hỏi cơ quan thuế cho đúng trường hợp.",
                            },
                            {
                                "question": "Không chắc mình phải nộp thuế thế nào, bạn nên hỏi ai?",
                                "options": [
                                    "Cơ quan thuế nơi bạn kinh doanh",
                                    "Người lạ gọi điện tự xưng cán bộ thuế, gửi link cài ứng dụng",
                                    "Một nhóm bán hàng trên mạng không rõ ai quản lý",
                                ],
                                "correct": 0,
                                "explanation": "Cơ quan thuế hướng dẫn miễn phí và đúng quy định hiện hành.",
                            },
                        ],
                    },
                ],
            },
        ],
    },
]

H5P_QUIZZES = {
    "quiz-nhan-biet-lua-dao": {
        "title": "Đâu là lừa đảo?",
        "questions": [
            {
                "question": "Tin nhắn: “Tài khoản của bạn sắp bị khóa, bấm vào đây để cập nhật”. Đây là gì?",
                "answers": [
                    "Thông báo bình thường của ngân hàng",
                    "Dấu hiệu lừa đảo: giục làm ngay và gửi đường link",
                    "Tin nhắn khuyến mãi của nhà mạng",
                ],
                "correct": 1,
                "feedback": "Ngân hàng không gửi link bắt bạn cập nhật thông tin. Hãy tự mở ứng dụng ngân hàng.",
            },
            {
                "question": "Người xưng là công an gọi video, bảo bạn chuyển tiền vào “tài khoản tạm giữ”. Bạn làm gì?",
                "answers": [
                    "Cúp máy, không chuyển tiền, báo người thân hoặc công an nơi mình ở",
                    "Chuyển tiền vì thấy người đó mặc đồng phục",
                    "Hỏi số tài khoản khác để chuyển",
                ],
                "correct": 0,
                "feedback": "Công an không bao giờ bảo người dân chuyển tiền. Đồng phục trên video cũng có thể giả.",
            },
            {
                "question": "Cách tốt nhất để kiểm tra tin “cháu bị tai nạn, cần tiền gấp” là gì?",
                "answers": [
                    "Chuyển một nửa số tiền trước",
                    "Nhắn lại cho số vừa gọi để hỏi thêm",
                    "Tự gọi cho cháu hoặc bố mẹ cháu bằng số đã lưu sẵn",
                ],
                "correct": 2,
                "feedback": "Dùng số bạn đã lưu từ trước, không dùng số của người vừa gọi đến.",
            },
        ],
    },
    "quiz-xu-ly-khi-bi-lua": {
        "title": "Khi lỡ bị lừa",
        "questions": [
            {
                "question": "Bạn lỡ đọc mã OTP cho người lạ. Việc cần làm ngay là gì?",
                "answers": [
                    "Chờ xem tài khoản có mất tiền không",
                    "Gọi tổng đài ngân hàng in sau thẻ để khóa tài khoản",
                    "Nhắn tin xin kẻ gian đừng lấy tiền",
                ],
                "correct": 1,
                "feedback": "Gọi ngân hàng càng sớm, càng dễ chặn giao dịch của kẻ gian.",
            },
            {
                "question": "Bạn lỡ cài một ứng dụng lạ từ đường link. Nên làm gì trước tiên?",
                "answers": [
                    "Tắt mạng (bật chế độ máy bay), rồi dùng máy khác gọi ngân hàng",
                    "Mở ứng dụng lạ để xem nó làm gì",
                    "Cho người gửi link điều khiển máy để “gỡ giúp”",
                ],
                "correct": 0,
                "feedback": "Tắt mạng giúp kẻ gian không điều khiển được điện thoại của bạn.",
            },
            {
                "question": "Bạn có thể phản ánh lừa đảo trên mạng ở trang nào?",
                "answers": [
                    "Một nhóm Facebook “lấy lại tiền bị lừa”",
                    "Đường link trong tin nhắn của kẻ gian",
                    "canhbao.khonggianmang.gov.vn",
                ],
                "correct": 2,
                "feedback": "Đó là trang của Cục An toàn thông tin. Hãy báo cả công an (113) và ngân hàng.",
            },
        ],
    },
    "quiz-vneid-muc-do-2": {
        "title": "Tài khoản VNeID mức độ 2",
        "questions": [
            {
                "question": "Tài khoản định danh điện tử mức độ 2 được xác thực ở đâu?",
                "answers": [
                    "Tại cơ quan công an, bằng thẻ căn cước, ảnh chân dung và vân tay",
                    "Tại cửa hàng điện thoại",
                    "Qua một người lạ trên Zalo",
                ],
                "correct": 0,
                "feedback": "Mức độ 2 do cơ quan công an xác thực trực tiếp, không mất phí.",
            },
            {
                "question": "Khi đi đăng ký mức độ 2, bạn cần mang gì?",
                "answers": [
                    "Sổ hộ khẩu và giấy khai sinh",
                    "Thẻ căn cước gắn chip và số điện thoại đứng tên chính mình",
                    "Thẻ ngân hàng và mã OTP",
                ],
                "correct": 1,
                "feedback": "Thẻ căn cước gắn chip và số điện thoại chính chủ là hai thứ cần nhất.",
            },
            {
                "question": "Với tài khoản mức độ 2, bạn làm được việc nào?",
                "answers": [
                    "Rút tiền mặt tại cây ATM",
                    "Gọi điện miễn phí",
                    "Đăng nhập Cổng Dịch vụ công quốc gia để nộp hồ sơ trực tuyến",
                ],
                "correct": 2,
                "feedback": "Tài khoản mức độ 2 dùng để đăng nhập dịch vụ công và xem ví giấy tờ.",
            },
        ],
    },
    "quiz-kiem-tra-tien-ve": {
        "title": "Tiền đã về chưa?",
        "questions": [
            {
                "question": "Cách chắc chắn nhất để biết khách đã trả tiền là gì?",
                "answers": [
                    "Xem ảnh chụp màn hình khách gửi",
                    "Nghe khách nói “chuyển rồi”",
                    "Xem biến động số dư trong ứng dụng ngân hàng của chính bạn",
                ],
                "correct": 2,
                "feedback": "Ảnh chụp màn hình và tin nhắn có thể bị làm giả; ứng dụng của bạn thì không.",
            },
            {
                "question": "Quét thử mã QR ở quầy, tên hiện ra không phải tên bạn. Điều đó có nghĩa là gì?",
                "answers": [
                    "Mã của bạn có thể đã bị kẻ gian dán đè; gỡ ngay và thay mã đúng",
                    "Ngân hàng đổi tên tài khoản của bạn",
                    "Không sao, tiền vẫn về tài khoản của bạn",
                ],
                "correct": 0,
                "feedback": "Tên hiện ra khi quét phải đúng tên chủ tài khoản của bạn.",
            },
            {
                "question": "Khách nói “giao dịch đang xử lý, tí nữa tiền về” rồi muốn lấy hàng đi. Bạn nên làm gì?",
                "answers": [
                    "Cho khách đi vì họ đã bấm chuyển",
                    "Lịch sự mời khách chờ đến khi tiền về, hoặc trả bằng cách khác",
                    "Ghi số điện thoại của khách là đủ",
                ],
                "correct": 1,
                "feedback": "Chuyển khoản nhanh thường về sau vài giây. Chưa thấy tiền thì chưa giao hàng.",
            },
        ],
    },
}

# Self-check, run by hand from /work/main (keys, answer indexes, quiz keys, slugs):
#   .venv/bin/python - <<'EOF'
#   import re, courses.demo_content as d
#   ms = [m for c in d.COURSES for m in c["modules"]]
#   ls = [lesson for m in ms for lesson in m["lessons"]]
#   assert all(len(c) == 13 for c in d.COURSES) and all(len(lesson) == 6 for lesson in ls)
#   slugs = [x["slug"] for x in d.COURSES + ms + ls]
#   assert len(slugs) == len(set(slugs)) and all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s) for s in slugs)
#   assert all(0 <= q["correct"] < len(q["options"]) for lesson in ls for q in lesson["checkpoint"])
#   assert all(0 <= q["correct"] < len(q["answers"]) for z in d.H5P_QUIZZES.values() for q in z["questions"])
#   used = [v for lesson in ls for k, v in lesson["body"] if k == "h5p"]
#   assert sorted(used) == sorted(d.H5P_QUIZZES) and ls[0]["body"][-1] == ("h5p", used[0])
#   print("ok:", len(d.COURSES), "courses,", len(ls), "lessons,", len(used), "quizzes")
#   EOF
