/// Syllables of Vietnamese personal names, written by hand (see data/vietnamese/SOURCES.md).
///
/// A person's name is a surname, usually a middle name, and a given name of one or two
/// syllables: "Nguyễn Văn An", "Trần Thị Kim Ngân", "Phạm Minh Chính". Only common, certain
/// spellings are listed; both tone placements are accepted when names are looked up.
public enum VietnameseNames {
    /// The common surnames (họ).
    public static let surnames: [String] = """
        Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh \
        Trương Đinh Lâm Phùng Mai Tô Hà Tạ Lương Cao Quách Lưu Thái Châu Tăng Triệu Chu Đàm Lại La \
        Mạc Hứa Khúc Kiều Thân Giang Từ Kim Lục Tôn Nghiêm Diệp Âu Mã Khổng Bạch Hầu Đồng Ông Lã Lò \
        Vi Tiêu Doãn Phó Quan Đường Cù Khương Nông Ninh Thạch Cấn Hàn Viên Thiều Tống Trình Bế Ma \
        Lường Quàng Sầm Giáp Nhan Dư Thiệu Lữ Ân Kha Văn Lục Mạch Hoa Yên Âu Chế Cáp Đậu Hồng Khuất Lò Đàm
        """.split(separator: " ").map(String.init)

    /// Common middle names (tên đệm).
    public static let middleNames: [String] = """
        Văn Thị Đức Minh Quốc Hữu Ngọc Thanh Xuân Hồng Công Đình Quang Kim Thu Hoài Bảo Gia Trọng \
        Anh Duy Thế Mạnh Tiến Hoàng Phương Như Tấn Chí Đăng Bá Khánh Thành Tuấn Việt Hải Huy \
        Thúy Thuý Thùy Thuỳ Mỹ Diệu Bích Cẩm Ánh Phúc Trung Tường Nhật Sỹ Sĩ Khắc Doãn Phước Vĩnh Thái
        """.split(separator: " ").map(String.init)

    /// Common given names (tên), and the second syllables of two-syllable ones.
    public static let givenNames: [String] = """
        An Anh Bình Cường Dũng Hùng Hải Hà Hạnh Hương Hoa Lan Linh Long Mai Nam Nga Ngân Phong Phúc \
        Quân Sơn Tâm Thắng Thảo Trang Trung Tú Tuấn Việt Vinh Yến Chính Thanh Đô Huệ Thủy Thuỷ Quỳnh \
        Nhung Oanh Khoa Lộc Lợi Nghĩa Hiếu Hiền Huy Kiên Khải Lâm Luân Nhân Nhật Phát Phượng Sang Tài \
        Thái Thịnh Thuận Toàn Trí Trinh Tùng Uyên Vân Vũ Xuân Đạt Định Điệp Đông Giang Hằng Hậu Hòa \
        Hoà Huyền Khang Khanh Liên Loan Mạnh My Mỹ Ngọc Nhi Phụng Quang Quế Tín Trâm Trọng Tuyết Hưng \
        Hiệp Hoàn Thành Thọ Lực Ninh Hào Dương Duy Cảnh Châu Chi Dung Diễm Duyên Giao Hân Hậu Hồng Kiệt \
        Lành Lệ Liêm Lương Minh Mến Nguyên Phương Quyên Quý Sinh Tân Thăng Thắm Thiện Thơ Thư Thúy Thuý \
        Tiến Tình Toản Trang Triều Trường Tuệ Tường Uy Vĩnh Vượng Xuyến Yên Bảo Đức Hạ Hoan Khuê Lễ \
        Lý Mừng Ngà Nhàn Phú Sáng Thạch Thoa Thông Thục Tiên Toán Trà Trúc Tuân Tươi Văn Vy Bằng Cầm \
        Chung Đào Điền Hoài Hợp Huấn Kha Khiêm Lam Lũy Lũy Mẫn Nhạn Pháp Phi Quyết Sửu Thân Thiêm Thục \
        Thường Tuyền Ước Vĩ Xương Yến Lâm Hòe Hoè Thùy Thuỳ Khôi Khuyên Ngoan Nhuận Phấn Phước Quỳnh
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// Place-name syllables a newsroom meets daily (provinces, cities), to rank suggestions.
    public static let placeSyllables: [String] = """
        Hà Nội Hồ Chí Minh Hải Phòng Đà Nẵng Cần Thơ Huế Bắc Giang Kạn Ninh Cao Bằng Lạng Sơn Lào Cai \
        Điện Biên Lai Châu Yên Bái Tuyên Quang Thái Nguyên Phú Thọ Vĩnh Phúc Hưng Yên Dương Nam Định \
        Thanh Hóa Hoá Nghệ An Tĩnh Quảng Bình Trị Ngãi Kon Tum Gia Lai Đắk Lắk Nông Lâm Đồng Khánh Hòa \
        Thuận Tây Ninh Bình Long Đồng Nai Bà Rịa Vũng Tàu Tiền Vĩnh Bến Tre Trà Vinh Sóc Trăng Bạc \
        Liêu Cà Mau Kiên Hậu Tháp Hòa Hạ Sài Gòn Hạ Long Mê Kông Cửu Trường Sa Hoàng Việt
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}
