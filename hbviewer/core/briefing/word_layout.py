"""The official-document layout of GB/T 9704-2012 for a Word document (python-docx): page, styles, page numbers.

A4; margins top 37 mm and left 28 mm around a type area of 156 × 225 mm (so
right 26 mm, bottom 35 mm); 22 lines of 28 characters, set as the document
grid (Word shows it in its page setup) and as exact line spacing with a
slightly condensed body font (which every program honours). Title 2号 (22 pt)
小标宋; body 3号 (16 pt) 仿宋; headings, Word's own Heading 1–3 (so the
navigation pane lists them), 黑体, 楷体 and bold 仿宋. Page numbers 4号 ``— 1 —``
7 mm below the type area, odd pages right and even pages left, one character in.

Word picks a Chinese font by the run's ``w:eastAsia`` attribute, not by the
name python-docx sets (that one is for Latin text), and a theme font
overrides a named one; so every style here names its East Asian font and no
theme font is left. The font table gives each font its English name and a
fallback (方正小标宋简体 → 华文中宋 → a Song face), for machines that lack it.
"""

from __future__ import annotations

PAGE_MM = (210, 297)
TOP_MM, LEFT_MM = 37, 28
TYPE_AREA_MM = (156, 225)
RIGHT_MM = PAGE_MM[0] - LEFT_MM - TYPE_AREA_MM[0]  # 26
BOTTOM_MM = PAGE_MM[1] - TOP_MM - TYPE_AREA_MM[1]  # 35
LINES, CHARS = 22, 28
PAGE_NUMBER_GAP_MM = 7  # from the type area's foot to the top of the page number

TITLE_FONT, BODY_FONT, PAGE_NUMBER_FONT, LATIN_FONT = "方正小标宋简体", "仿宋", "宋体", "Times New Roman"
HEADING_FONTS = {1: "黑体", 2: "楷体", 3: "仿宋"}
SOURCE_FONT = "楷体"
TITLE_PT, BODY_PT, PAGE_NUMBER_PT, TABLE_PT = 22, 16, 14, 12
# English names (Word and WPS know a font by either) and fallbacks, for the font table
FONT_ALIASES = {"方正小标宋简体": ("FZXiaoBiaoSong-B05S", "华文中宋", "roman"), "华文中宋": ("STZhongsong", "宋体", "roman"),
                "宋体": ("SimSun", "", "roman"), "仿宋": ("FangSong", "宋体", "modern"),
                "黑体": ("SimHei", "宋体", "modern"), "楷体": ("KaiTi", "宋体", "modern")}

MM_TWIPS = 1440 / 25.4
LINE_PITCH_TWIPS = int(TYPE_AREA_MM[1] * MM_TWIPS / LINES)  # 579: rounding up would leave room for 21 lines
CHAR_PITCH_PT = TYPE_AREA_MM[0] * 72 / 25.4 / CHARS
CHAR_SPACE = round((CHAR_PITCH_PT - BODY_PT) * 4096)  # the grid's pitch against the Normal font's size
LINE_PT = LINE_PITCH_TWIPS / 20
CONDENSE_PT = -0.4  # the body's character spacing: 28 characters of 15.6 pt fit the line, 29 do not
_AFTER_SNAP = ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")  # what follows w:snapToGrid in a w:pPr
_AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr",
                  "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
                  "w:specVanish", "w:oMath")  # what follows w:spacing in a w:rPr
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


# name: (East Asian font, size, bold, centred, first-line indent in characters, outline level)
STYLES = {
    "Normal": (BODY_FONT, BODY_PT, False, False, 2, None),
    "Title": (TITLE_FONT, TITLE_PT, False, True, 0, None),
    "Subtitle": (HEADING_FONTS[2], BODY_PT, False, True, 0, None),
    "Heading 1": (HEADING_FONTS[1], BODY_PT, False, False, 2, 0),
    "Heading 2": (HEADING_FONTS[2], BODY_PT, False, False, 2, 1),
    "Heading 3": (HEADING_FONTS[3], BODY_PT, True, False, 2, 2),
}


def built_in_document():
    """A new document in the layout, with its styles and page numbers and an empty body."""
    import docx

    doc = docx.Document()
    section = doc.sections[0]
    _page_setup(section)
    _defaults(doc)
    for name, spec in STYLES.items():
        apply_style(doc.styles[name], spec)
    _body_pitch(doc.styles["Normal"])
    _page_numbers(doc, section)
    _font_table(doc)
    return doc


def add_missing_styles(doc) -> None:
    """The styles a draft needs that a template lacks, in their built-in form."""
    from docx.enum.style import WD_STYLE_TYPE

    names = {s.name for s in doc.styles}
    for name, spec in STYLES.items():
        if name not in names:
            apply_style(doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=True), spec)


def _page_setup(section) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = Mm(TOP_MM), Mm(BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(LEFT_MM), Mm(RIGHT_MM)
    section.header_distance = Mm(15)
    # the footer's foot, so that its top (a 4号 line) is PAGE_NUMBER_GAP_MM below the type area
    section.footer_distance = Mm(BOTTOM_MM - PAGE_NUMBER_GAP_MM) - Pt(PAGE_NUMBER_PT)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))
    grid.set(qn("w:charSpace"), str(CHAR_SPACE))


def _defaults(doc) -> None:
    """Document defaults in Chinese, without theme fonts (python-docx's own template's are Japanese)."""
    from docx.oxml.ns import qn

    styles = doc.styles.element
    r_pr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _name_fonts(r_pr, BODY_FONT)
    for tag in ("w:sz", "w:szCs"):  # LibreOffice measures the character grid against this size, Word against Normal's
        r_pr.find(qn(tag)).set(qn("w:val"), str(BODY_PT * 2))
    lang = r_pr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    if spacing is not None:
        spacing.set(qn("w:after"), "0")
    for r_fonts in styles.iter(qn("w:rFonts")):  # every style: no theme font left to win over a name
        for attr in _THEME_ATTRS:
            r_fonts.attrib.pop(qn(f"w:{attr}"), None)
    theme_lang = doc.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")


def apply_style(style, spec) -> None:
    """Give ``style`` the font, size, alignment, indent and spacing of ``spec`` (a value of STYLES)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    east_asia, size, bold, centred, indent, level = spec
    font = style.font
    font.size, font.bold, font.italic = Pt(size), bold, False
    font.color.rgb = RGBColor(0, 0, 0)
    _name_fonts(style.element.get_or_add_rPr(), east_asia)
    r_pr = style.element.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern"):  # the Title's letter spacing and kerning
        for el in r_pr.findall(qn(tag)):
            r_pr.remove(el)
    size_cs = r_pr.find(qn("w:szCs"))  # python-docx sets w:sz alone
    if size_cs is None:
        from docx.oxml import OxmlElement

        size_cs = OxmlElement("w:szCs")
        r_pr.find(qn("w:sz")).addnext(size_cs)
    size_cs.set(qn("w:val"), str(size * 2))
    fmt = style.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PT)
    fmt.first_line_indent = Pt(indent * BODY_PT) if indent else Pt(0)
    p_pr = style.element.get_or_add_pPr()
    for tag in ("w:pBdr", "w:contextualSpacing", "w:numPr"):  # the Title's rule below it, the Subtitle's list level
        for el in p_pr.findall(qn(tag)):
            p_pr.remove(el)
    p_pr.get_or_add_ind().set(qn("w:firstLineChars"), str(indent * 100))  # 0 too: Normal's 2 is inherited
    if size > BODY_PT:  # a title's characters would each take two of the grid's cells
        _off_grid(p_pr)
    if level is not None:
        outline_level = p_pr.find(qn("w:outlineLvl"))
        if outline_level is None:
            from docx.oxml import OxmlElement

            outline_level = OxmlElement("w:outlineLvl")
            p_pr.append(outline_level)
        outline_level.set(qn("w:val"), str(level))
        fmt.keep_with_next = True


def _body_pitch(normal) -> None:
    """28 characters a line by a slightly condensed body font, not by snapping text to the grid.

    The grid's pitch (15.8 pt) is less than the 16 pt font: Word and WPS squeeze
    the characters to fit it, LibreOffice gives each one two cells (14 a line).
    Condensing the font by 0.4 pt fits 28 (not 29) in every program; the grid
    stays in the page setup, where Word shows it as 28 × 22.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r_pr = normal.element.get_or_add_rPr()
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(round(CONDENSE_PT * 20)))
    r_pr.insert_element_before(spacing, *_AFTER_SPACING)
    _off_grid(normal.element.get_or_add_pPr())


def _name_fonts(r_pr, east_asia: str, hint: bool = False) -> None:
    """``w:rFonts`` of a style's or run's properties: Latin text in Times New Roman, Chinese in ``east_asia``."""
    from docx.oxml.ns import qn

    r_fonts = r_pr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        r_fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "cs"):
        r_fonts.set(qn(f"w:{attr}"), LATIN_FONT)
    r_fonts.set(qn("w:eastAsia"), east_asia)
    if hint:  # quotation marks and dashes, which both scripts have, in the Chinese font
        r_fonts.set(qn("w:hint"), "eastAsia")


def _font_table(doc) -> None:
    """English names and fallbacks of the Chinese fonts, for Word and WPS on machines that lack one."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    part = doc.part.part_related_by(RT.FONT_TABLE)
    fonts = parse_xml(part.blob)
    for name, (english, fallback, family) in FONT_ALIASES.items():
        alt = ",".join(n for n in (english, fallback) if n)
        fonts.append(parse_xml(
            f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'))
    from lxml import etree

    part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_numbers(doc, section) -> None:
    """``— 1 —`` in 4号 宋体: odd pages at the right, even pages at the left, one character in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc.settings.odd_and_even_pages_header_footer = True
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer,
                                                                        WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        _page_number_paragraph(p, align)


def _page_number_paragraph(p, align) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    p.style = "Footer"
    fmt = p.paragraph_format
    fmt.alignment = align
    _no_indent(p)
    _off_grid(p._p.get_or_add_pPr())
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(PAGE_NUMBER_PT)
    one_character = Pt(CHAR_PITCH_PT)
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = one_character
    else:
        fmt.left_indent = one_character

    def run(text: str = ""):
        r = p.add_run(text)
        r.font.size = Pt(PAGE_NUMBER_PT)
        _name_fonts(r._r.get_or_add_rPr(), PAGE_NUMBER_FONT, hint=True)
        return r

    def field_char(kind: str) -> None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run()._r.append(el)

    run("— ")
    field_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run()._r.append(instr)
    field_char("separate")
    run("1")  # shown until the program counts the pages
    field_char("end")
    run(" —")


def _off_grid(p_pr) -> None:
    """The paragraph keeps its own spacing rather than the document grid's (text larger or smaller than it)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    snap = p_pr.find(qn("w:snapToGrid"))
    if snap is None:
        snap = OxmlElement("w:snapToGrid")
        p_pr.insert_element_before(snap, *_AFTER_SNAP)
    snap.set(qn("w:val"), "0")


def _no_indent(p) -> None:
    """No first-line indent, whatever the style says (in characters, which win over lengths)."""
    from docx.oxml.ns import qn

    ind = p._p.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLine"), "0")
    ind.set(qn("w:firstLineChars"), "0")
