#!/usr/bin/env python3
"""Writes the large *test* glossary used to measure `mekong check` on real text.

  scripts/build-test-glossary.py [OUT_DIR]     # default: Tests/Fixtures/glossary-large

A glossary the way a newsroom would build one: the 63 provinces and centrally run cities of
Vietnam (the division before the 2025 mergers, which is what the corpora and most archives use),
cities and districts that collide with common words, neighbouring countries, the ministries, the
main party and state bodies (with their acronyms), the Politburo and the leaders of the last
decades, the Lao provinces and leaders. Written from public knowledge for measurement: it is TEST
DATA, every row `proposed`, and nothing here is shipped in `glossary/` unless verified there.
French forms follow the press convention of the French-language Vietnamese papers (tone marks
dropped, French accents kept) plus the ASCII form; exonyms have their French names.
"""
import os, sys, unicodedata

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'Tests', 'Fixtures', 'glossary-large')
nfc = lambda s: unicodedata.normalize('NFC', s)
TONES = {'\u0300', '\u0301', '\u0303', '\u0309', '\u0323'}
FRENCH = {'a\u0300', 'a\u0302', 'e\u0301', 'e\u0300', 'e\u0302', 'i\u0302', 'o\u0302', 'u\u0300', 'u\u0302'}


def ascii_form(vi):
    out = ''.join(c for c in unicodedata.normalize('NFD', vi) if not unicodedata.combining(c))
    return out.replace('Đ', 'D').replace('đ', 'd')


def press_form(vi):
    out = []
    for ch in unicodedata.normalize('NFC', vi):
        if ch in 'Đđ':
            out.append('D' if ch == 'Đ' else 'd')
            continue
        d = unicodedata.normalize('NFD', ch)
        base, marks = d[0], d[1:]
        if '\u0306' in marks or '\u031b' in marks:
            out.append(base)
            continue
        if '\u0302' in marks:
            out.append(nfc(base + '\u0302'))
            continue
        tones = [m for m in marks if m in TONES]
        if len(tones) == 1 and (base.lower() + tones[0]) in FRENCH:
            out.append(nfc(base + tones[0]))
        else:
            out.append(base)
    return ''.join(out)


def slug(s):
    s = ascii_form(s).lower()
    return '-'.join(''.join(c if c.isalnum() else ' ' for c in s).split())


def fr_forms(vi, extra=()):
    forms = []
    for f in list(extra) + [press_form(vi), ascii_form(vi)]:
        if f not in forms:
            forms.append(f)
    return ' | '.join(forms)


rows = {k: [] for k in ['person', 'place', 'body', 'office', 'organization']}


def add(kind, vi, fr=None, lo='', lo_latn='', note='', ident=None):
    rows[kind].append((ident or slug(fr.split(' | ')[0] if fr else vi), fr if fr else fr_forms(vi), vi, lo, lo_latn, note))


# The 63 provinces and centrally run cities (before the 2025 mergers).
PROVINCES = """An Giang|Bà Rịa – Vũng Tàu|Bạc Liêu|Bắc Giang|Bắc Kạn|Bắc Ninh|Bến Tre|Bình Định|Bình Dương|
Bình Phước|Bình Thuận|Cà Mau|Cao Bằng|Cần Thơ|Đà Nẵng|Đắk Lắk|Đắk Nông|Điện Biên|Đồng Nai|Đồng Tháp|Gia Lai|
Hà Giang|Hà Nam|Hà Tĩnh|Hải Dương|Hải Phòng|Hậu Giang|Hòa Bình|Hưng Yên|Khánh Hòa|Kiên Giang|Kon Tum|Lai Châu|
Lâm Đồng|Lạng Sơn|Lào Cai|Long An|Nam Định|Nghệ An|Ninh Bình|Ninh Thuận|Phú Thọ|Phú Yên|Quảng Bình|Quảng Nam|
Quảng Ngãi|Quảng Ninh|Quảng Trị|Sóc Trăng|Sơn La|Tây Ninh|Thái Bình|Thái Nguyên|Thanh Hóa|Thừa Thiên Huế|
Tiền Giang|Trà Vinh|Tuyên Quang|Vĩnh Long|Vĩnh Phúc|Yên Bái"""
for p in PROVINCES.replace('\n', '').split('|'):
    add('place', p, note='Province of Vietnam (before the 2025 mergers). Test data.')
add('place', 'Hà Nội', fr='Hanoï | Hanoi | Ha Noi | Hà Nôi', lo='ຮ່າໂນ້ຍ', note='Capital of Vietnam. Test data.')
add('place', 'Thành phố Hồ Chí Minh', fr='Hô Chi Minh-Ville | Ho Chi Minh-Ville | Thanh phô Hô Chi Minh',
    note='Test data.', ident='ho-chi-minh-ville')
for c in ['Huế', 'Vinh', 'Đà Lạt', 'Nha Trang', 'Hạ Long', 'Buôn Ma Thuột', 'Pleiku', 'Quy Nhơn', 'Vũng Tàu',
          'Mỹ Tho', 'Biên Hòa', 'Hội An', 'Sa Pa', 'Phan Thiết', 'Rạch Giá', 'Móng Cái', 'Cửa Lò']:
    add('place', c, note='City or town of Vietnam. Test data.', ident=slug(c) + '-ville')
for d in ['An Lão', 'Mường Nhé', 'Điện Biên Phủ', 'Côn Đảo', 'Phú Quốc', 'Trường Sa', 'Hoàng Sa', 'Mê Kông']:
    add('place', d, note='District, island or river. Test data.', ident=slug(d) + '-lieu')
# Exonyms: French name, Vietnamese name (Lao where known).
for fr, vi, lo in [('Laos', 'Lào', 'ລາວ'), ('Chine', 'Trung Quốc', 'ຈີນ'), ('Cambodge', 'Campuchia', 'ກຳປູເຈຍ'),
                   ('Thaïlande', 'Thái Lan', 'ໄທ'), ('Vietnam | Viêt Nam', 'Việt Nam', 'ຫວຽດນາມ'),
                   ('États-Unis | Etats-Unis', 'Hoa Kỳ | Mỹ', 'ອາເມລິກາ'), ('France', 'Pháp', 'ຝຣັ່ງ'),
                   ('Japon', 'Nhật Bản', 'ຍີ່ປຸ່ນ'), ('Corée du Sud', 'Hàn Quốc', ''), ('Russie', 'Nga', 'ຣັດເຊຍ'),
                   ('Inde', 'Ấn Độ', ''), ('Allemagne', 'Đức', ''), ('Royaume-Uni', 'Anh', ''),
                   ('Singapour', 'Singapore', ''), ('Indonésie', 'Indonesia', ''), ('Myanmar', 'Myanmar', ''),
                   ('Philippines', 'Philippines', ''), ('Malaisie', 'Malaysia', ''), ('Australie', 'Australia', ''),
                   ('Cuba', 'Cuba', ''), ('Yunnan', 'Vân Nam', '')]:
    add('place', vi, fr=fr, lo=lo, note='Country or region. Test data.', ident=slug(fr.split(' | ')[0]))
# Lao provinces: French/Latin form, Vietnamese transcription as the Vietnamese press writes it, Lao script.
for latin, vi, lo in [('Vientiane', 'Viêng Chăn', 'ວຽງຈັນ'), ('Luang Prabang', 'Luông Pha Băng', 'ຫຼວງພະບາງ'),
                      ('Champassak', 'Champasak', 'ຈຳປາສັກ'), ('Savannakhet', 'Savannakhet', 'ສະຫວັນນະເຂດ'),
                      ('Khammouane', 'Khammouane', 'ຄຳມ່ວນ'), ('Bolikhamxay', 'Bolikhamxay', 'ບໍລິຄຳໄຊ'),
                      ('Houaphanh', 'Hủa Phăn', 'ຫົວພັນ'), ('Xieng Khouang', 'Xiêng Khoảng', 'ຊຽງຂວາງ'),
                      ('Phongsaly', 'Phongsaly', 'ຜົ້ງສາລີ'), ('Oudomxay', 'Oudomxay', 'ອຸດົມໄຊ'),
                      ('Luang Namtha', 'Luang Namtha', 'ຫຼວງນ້ຳທາ'), ('Bokeo', 'Bokeo', 'ບໍ່ແກ້ວ'),
                      ('Sayaboury', 'Sayaboury', 'ໄຊຍະບູລີ'), ('Saravane', 'Salavan', 'ສາລະວັນ'),
                      ('Sekong', 'Sekong', 'ເຊກອງ'), ('Attapeu', 'Attapeu', 'ອັດຕະປື'),
                      ('Xaysomboun', 'Xaysomboun', 'ໄຊສົມບູນ')]:
    add('place', vi, fr=latin, lo=lo, lo_latn=latin, note='Province of Laos. Test data.', ident=slug(latin) + '-laos')

# People: Vietnamese leaders (Politburo members of recent terms and historical leaders).
PEOPLE = """Tô Lâm|Lương Cường|Phạm Minh Chính|Trần Thanh Mẫn|Trần Cẩm Tú|Lê Minh Hưng|Nguyễn Trọng Nghĩa|
Phan Văn Giang|Lương Tam Quang|Nguyễn Xuân Thắng|Bùi Thị Minh Hoài|Nguyễn Hòa Bình|Đỗ Văn Chiến|Phan Đình Trạc|
Nguyễn Duy Ngọc|Nguyễn Văn Nên|Lê Hoài Trung|Trịnh Văn Quyết|Nguyễn Phú Trọng|Võ Văn Thưởng|Vương Đình Huệ|
Nguyễn Xuân Phúc|Trương Thị Mai|Võ Thị Ánh Xuân|Bùi Thanh Sơn|Hồ Đức Phớc|Phạm Bình Minh|Trần Hồng Hà|Lê Thành Long|
Nguyễn Chí Dũng|Nguyễn Kim Sơn|Đào Ngọc Dung|Hồ Chí Minh|Võ Nguyên Giáp|Phạm Văn Đồng|Lê Duẩn|Trường Chinh|
Nguyễn Văn Linh|Đỗ Mười|Lê Khả Phiêu|Nông Đức Mạnh|Trần Đức Lương|Nguyễn Minh Triết|Trương Tấn Sang|Trần Đại Quang|
Nguyễn Tấn Dũng|Phan Văn Khải|Võ Văn Kiệt|Nguyễn Thị Kim Ngân|Nguyễn Sinh Hùng|Tòng Thị Phóng|Phan Đình Diệu|
Nguyễn Huệ|Trần Hưng Đạo|Lê Lợi|Nguyễn Trãi|Hai Bà Trưng"""
for p in PEOPLE.replace('\n', '').split('|'):
    add('person', p, note='Vietnamese leader or historical figure. Test data.')
# Lao leaders: the Latin form the French press uses; Vietnamese press forms differ between papers.
for latin, lo in [('Thongloun Sisoulith', 'ທອງລຸນ ສີສຸລິດ'), ('Sonexay Siphandone', 'ສອນໄຊ ສີພັນດອນ'),
                  ('Saysomphone Phomvihane', 'ໄຊສົມພອນ ພົມວິຫານ'), ('Kaysone Phomvihane', 'ໄກສອນ ພົມວິຫານ'),
                  ('Souphanouvong', 'ສຸພານຸວົງ'), ('Bounnhang Vorachith', 'ບຸນຍັງ ວໍລະຈິດ'),
                  ('Choummaly Sayasone', 'ຈູມມະລີ ໄຊຍະສອນ'), ('Thongsing Thammavong', 'ທອງສິງ ທຳມະວົງ'),
                  ('Phankham Viphavanh', 'ພັນຄຳ ວິພາວັນ'), ('Saleumxay Kommasith', 'ສະເຫຼີມໄຊ ກົມມະສິດ'),
                  ('Pany Yathotou', 'ປານີ ຢາທໍ່ຕູ້'), ('Khamtay Siphandone', 'ຄຳໄຕ ສີພັນດອນ')]:
    add('person', latin, fr=latin, lo=lo, lo_latn=latin, note='Lao leader. Lao script not verified. Test data.')

# Bodies and organisations, with acronyms where the press uses them.
for fr, vi, note in [
    ('Assemblée nationale du Vietnam', 'Quốc hội', 'Test data.'),
    ('Assemblée nationale lao | AN lao | AN', 'Quốc hội Lào', 'Acronym AN: case-sensitive. Test data.'),
    ('gouvernement vietnamien', 'Chính phủ', 'Test data.'),
    ('Bureau politique', 'Bộ Chính trị', 'Test data.'),
    ('Secrétariat du Comité central', 'Ban Bí thư', 'Test data.'),
    ('Comité central du Parti', 'Ban Chấp hành Trung ương', 'Test data.'),
    ('Parti communiste du Vietnam | PCV', 'Đảng Cộng sản Việt Nam', 'Test data.'),
    ('Parti populaire révolutionnaire lao | PPRL', 'Đảng Nhân dân Cách mạng Lào', 'Test data.'),
    ('Front de la Patrie du Vietnam', 'Mặt trận Tổ quốc Việt Nam', 'Test data.'),
    ('Cour populaire suprême', 'Tòa án nhân dân tối cao', 'Test data.'),
    ('Parquet populaire suprême', 'Viện Kiểm sát nhân dân tối cao', 'Test data.'),
    ('Audit d\'État', 'Kiểm toán Nhà nước', 'Test data.'),
    ('Banque d\'État du Vietnam', 'Ngân hàng Nhà nước Việt Nam', 'Test data.'),
    ('Comité populaire', 'Ủy ban nhân dân | UBND', 'Acronym UBND: case-sensitive. Test data.'),
    ('Conseil populaire', 'Hội đồng nhân dân | HĐND', 'Test data.'),
    ('Union des femmes du Vietnam', 'Hội Liên hiệp Phụ nữ Việt Nam', 'Test data.'),
    ('Union de la jeunesse communiste Hô Chi Minh', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'Test data.'),
    ('Confédération générale du travail du Vietnam', 'Tổng Liên đoàn Lao động Việt Nam', 'Test data.'),
    ('Armée populaire du Vietnam', 'Quân đội nhân dân Việt Nam', 'Test data.'),
]:
    add('body', vi.split(' | ')[0], fr=fr, note=note, ident=slug(fr.split(' | ')[0]))
    rows['body'][-1] = rows['body'][-1][:2] + (vi,) + rows['body'][-1][3:]
MINISTRIES = [
    ('ministère des Affaires étrangères', 'Bộ Ngoại giao'), ('ministère de la Défense', 'Bộ Quốc phòng'),
    ('ministère de la Sécurité publique', 'Bộ Công an'), ('ministère des Finances', 'Bộ Tài chính'),
    ('ministère du Plan et de l\'Investissement', 'Bộ Kế hoạch và Đầu tư'),
    ('ministère de l\'Industrie et du Commerce', 'Bộ Công Thương'),
    ('ministère de l\'Agriculture et du Développement rural', 'Bộ Nông nghiệp và Phát triển nông thôn'),
    ('ministère des Transports', 'Bộ Giao thông vận tải'), ('ministère de la Construction', 'Bộ Xây dựng'),
    ('ministère des Ressources naturelles et de l\'Environnement', 'Bộ Tài nguyên và Môi trường'),
    ('ministère de l\'Information et des Communications', 'Bộ Thông tin và Truyền thông'),
    ('ministère du Travail, des Invalides et des Affaires sociales', 'Bộ Lao động - Thương binh và Xã hội'),
    ('ministère de la Culture, des Sports et du Tourisme', 'Bộ Văn hóa, Thể thao và Du lịch'),
    ('ministère des Sciences et des Technologies', 'Bộ Khoa học và Công nghệ'),
    ('ministère de l\'Éducation et de la Formation', 'Bộ Giáo dục và Đào tạo'), ('ministère de la Santé', 'Bộ Y tế'),
    ('ministère de la Justice', 'Bộ Tư pháp'), ('ministère de l\'Intérieur', 'Bộ Nội vụ'),
]
for fr, vi in MINISTRIES:
    add('body', vi, fr=fr, note='Ministry of Vietnam. Test data.', ident=slug(fr))
for fr, vi, latin in [('Agence vietnamienne d\'information | AVI | VNA', 'Thông tấn xã Việt Nam | TTXVN', ''),
                      ('Association des nations de l\'Asie du Sud-Est | ASEAN', 'ASEAN', 'ASEAN'),
                      ('Organisation des Nations unies | ONU', 'Liên hợp quốc', ''),
                      ('Banque asiatique de développement | BAD', 'Ngân hàng Phát triển châu Á | ADB', '')]:
    rows['organization'].append((slug(fr.split(' | ')[0]), fr, vi, '', latin, 'Test data.'))
# Offices (lower case is normal for them).
for fr, vi in [('Premier ministre', 'Thủ tướng'), ('président', 'Chủ tịch'), ('secrétaire général', 'Tổng Bí thư'),
               ('ministre', 'Bộ trưởng'), ('vice-Premier ministre', 'Phó Thủ tướng'),
               ('président de l\'Assemblée nationale', 'Chủ tịch Quốc hội'), ('président du pays', 'Chủ tịch nước'),
               ('ambassadeur', 'Đại sứ'), ('gouverneur', 'Tỉnh trưởng'), ('vice-président', 'Phó Chủ tịch')]:
    rows['office'].append((slug(fr), fr, vi, '', '', 'Test data.'))

os.makedirs(OUT, exist_ok=True)
for kind, rs in rows.items():
    seen = {}
    with open(os.path.join(OUT, kind + '.tsv'), 'w', encoding='utf-8') as f:
        f.write('id\tstatus\tfr\tvi\tlo\tlo-Latn\tnote\tsource\n')
        for r in sorted(rs):
            ident = r[0]
            assert ident not in seen, ident
            seen[ident] = 1
            f.write('\t'.join([nfc(x) for x in (ident, 'proposed', r[1], r[2], r[3], r[4], r[5], '')]) + '\n')
with open(os.path.join(OUT, 'README.md'), 'w', encoding='utf-8') as f:
    f.write('# Test glossary (not shipped)\n\nGenerated by `scripts/build-test-glossary.py`: a large glossary '
            'built the way a newsroom would, from public knowledge, to measure `mekong check` on real text. '
            'Every row is `proposed` and unverified; nothing here is copied into `glossary/` unless checked there.\n')
print(sum(len(r) for r in rows.values()), 'concepts in', OUT)
