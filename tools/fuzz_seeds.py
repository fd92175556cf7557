#!/usr/bin/env python3
"""Writes the fuzz targets' small seeds: fuzz/seeds/<target>/<name> (committed).

    python3 tools/fuzz_seeds.py          # rewrites fuzz/seeds/ (deterministic: same bytes each run)

Each seed is a few hundred bytes to a few KB, so the fuzzer runs thousands of inputs a second
where the project's fixtures (100-500 KB PDFs) gave it a handful. Only the standard library:
the PDFs are written by hand (a Type0 font with Identity-H and a ToUnicode CMap, a simple
font, a ruled table with a merged cell, Flate content, an object stream with a cross-reference
stream, two pages), the Word files are zips holding a small document.xml (tables with gridSpan
and vMerge; one with styles and automatic numbering), the web pages hold tables with rowspan and
colspan, a crawled one-line page, a GBK page; the zips hold small reports (a GBK file name,
a stored entry, a nested folder, a hidden entry). The texts are the part headings, a few table
rows in each layout the readers know, and the fixture report_a_tabs.txt reshaped. The
structure-aware `tables` target gets a few pseudo-random byte strings.

Targets and their first byte: read_bytes takes the first byte as the file kind (0 text, 1 web
page, 2 Word, 3 PDF); html reads pasted HTML when the first byte is odd.
"""
import io
import pathlib
import shutil
import sys
import zipfile
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz" / "seeds"
FIXTURE = ROOT / "crates" / "nianbao" / "tests" / "fixtures" / "report_a_tabs.txt"

TITLE = "某市某区卫生健康局2022年政府信息公开工作年度报告"
HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]
REQ_HEADER = [
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
    ["", "自然人", "法人或其他组织", "", "", "", "", "总计"],
    ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
]
REQ_ROWS = [
    ["一、本年新收政府信息公开申请数量", "5", "1", "0", "0", "0", "0", "6"],
    ["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"],
    ["三、本年度办理结果", "（一）予以公开", "3", "1", "0", "0", "0", "0", "4"],
    ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1", "0", "0", "0", "0", "0", "1"],
    ["（三）不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"],
    ["（七）总计", "4", "1", "0", "0", "0", "0", "5"],
    ["四、结转下年度继续办理", "2", "0", "0", "0", "0", "0", "2"],
]
APPEALS = ["1", "0", "0", "1", "2", "0", "0", "0", "0", "0", "1", "0", "0", "0", "1"]
APPEAL_HEAD = "结果维持 结果纠正 其他结果 尚未审结 总计".split()
ACTIVE = [
    "第二十条第（一）项",
    "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
    "规章\t0\t0\t0",
    "行政规范性文件\t3\t1\t12",
    "第二十条第（五）项",
    "信息内容\t本年处理决定数量",
    "行政许可\t1520",
]
PROSE = "全年共收到政府信息公开申请6件，其中自然人5件，法人或其他组织1件；上年结转1件。"
CLOSING = ["本年度未收取信息处理费。", "某市某区卫生健康局", "2023年1月16日"]


def write(target, name, data):
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (d / name).write_bytes(data)


def tab_lines(rows):
    return ["\t".join(r) for r in rows]


def short_report(table_lines, appeals_lines=None, active_lines=None):
    """A short report: title, the six headings, the given table lines in their parts."""
    lines = [TITLE, HEADINGS[0], PROSE, HEADINGS[1]]
    lines += active_lines if active_lines is not None else ACTIVE
    lines += [HEADINGS[2]] + table_lines + [HEADINGS[3]]
    lines += appeals_lines if appeals_lines is not None else [
        "行政复议\t行政诉讼",
        "\t".join(APPEAL_HEAD) + "\t未经复议直接起诉\t复议后起诉",
        "\t".join(APPEALS),
    ]
    lines += [HEADINGS[4], "公开内容还不够全面。", HEADINGS[5]] + CLOSING
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------------ texts

def texts():
    """(name, text) pairs: short reports in each layout, and the fixture reshaped."""
    out = []
    out.append(("headings.txt", "\n".join([TITLE] + HEADINGS + CLOSING) + "\n"))
    out.append(("tabs.txt", short_report(tab_lines(REQ_HEADER + REQ_ROWS))))
    pipe = ["| " + " | ".join(r) + " |" for r in REQ_HEADER[:1]]
    pipe.append("|" + "---|" * 9)
    pipe += ["| " + " | ".join(r) + " |" for r in REQ_HEADER[1:] + REQ_ROWS]
    out.append(("pipes.md", short_report(pipe, ["| " + " | ".join(APPEALS) + " |"])))
    out.append(("spaces.txt", short_report(["  ".join(r) for r in REQ_ROWS], ["  ".join(APPEALS)])))
    cells = []
    for r in REQ_ROWS:
        cells += [c + " |" for c in r]
    out.append(("cell_per_line.txt", short_report(cells, [v for v in APPEALS])))
    nextline = []
    for r in REQ_ROWS:
        labels = [c for c in r if not c.isdigit()]
        nums = [c for c in r if c.isdigit()]
        nextline += labels + [" ".join(nums)]
    out.append(("next_line.txt", short_report(nextline)))
    glued = [
        "".join(c for c in r if not c.isdigit()) + "".join(c for c in r if c.isdigit())
        for r in REQ_ROWS
    ]
    out.append(("glued.txt", short_report(glued, ["".join(APPEALS)])))
    # Column by column: the labels, the headers, then each column's values top to bottom.
    colmajor = [r[-8] if len(r) == 8 else r[1] for r in REQ_ROWS]
    colmajor += ["申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    for c in range(7):
        colmajor += [r[-7 + c] for r in REQ_ROWS]
    out.append(("column_by_column.txt", short_report(colmajor, ["\n".join(APPEAL_HEAD)] + APPEALS)))
    # A crawled page: a header, then the whole report on one line.
    header = f"标题：{TITLE}\n发布时间：2023-01-16 10:38\n发布机构：某市某区卫生健康局\n栏目：政府信息公开年报\n"
    full = FIXTURE.read_text(encoding="utf-8")
    out.append(("one_line.txt", header + full.replace("\t", " ").replace("\n", " ") + "\n"))
    glued = full.replace("\t", "").replace("\n", "")
    out.append(("one_line_glued.txt", header + glued + "\n"))
    out.append(("crlf_fullwidth.txt", short_report(tab_lines(REQ_ROWS)).replace("\n", "\r\n").translate(str.maketrans("0123456789", "０１２３４５６７８９"))))
    out.append(("traditional.txt", short_report(tab_lines(REQ_ROWS)).replace("政府信息公开申请", "政府資訊公開申請").replace("结转", "結轉")))
    out.append(("markdown_headings.md", short_report(tab_lines(REQ_ROWS)).replace("一、总体", "## 一、总体").replace("三、收到", "### 三、收到")))
    out.append(("prose_totals.txt", "\n".join([TITLE, HEADINGS[0], PROSE, "全年主动公开政府信息399条，其中机构职能类2条，政策文件类10条。", HEADINGS[2], "共办结5件，其中予以公开4件，部分公开1件。"]) + "\n"))
    out.append(("f2019.txt", short_report(tab_lines(REQ_ROWS)).replace("2022年", "2019年").replace("2023年", "2020年")))
    full = FIXTURE.read_text(encoding="utf-8")
    out.append(("full_tabs.txt", full))
    out.append(("full_spaces.txt", full.replace("\t", "  ")))
    out.append(("full_pipes.md", "\n".join("| " + l.replace("\t", " | ") + " |" if "\t" in l else l for l in full.splitlines()) + "\n"))
    return out


# ------------------------------------------------------------------------------------ html

def table_html(rows, attrs=None):
    """rows: lists of cells; attrs: {(r, c): 'rowspan="2"'}."""
    attrs = attrs or {}
    s = "<table border=\"1\">"
    for i, r in enumerate(rows):
        s += "<tr>" + "".join(f"<td {attrs.get((i, j), '')}>{c}</td>" for j, c in enumerate(r)) + "</tr>"
    return s + "</table>"


def page(body, charset="utf-8", title=TITLE):
    return f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head><body>{body}</body></html>'


def htmls():
    out = []
    head = [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
        ["自然人", "法人或其他组织", "总计"],
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    ]
    attrs = {(0, 0): 'rowspan="3" colspan="3"', (0, 1): 'colspan="7"', (1, 0): 'rowspan="2"',
             (1, 1): 'colspan="5"', (1, 2): 'rowspan="2"'}
    rows = head + [
        [REQ_ROWS[0][0], *REQ_ROWS[0][1:]],
        [REQ_ROWS[1][0], *REQ_ROWS[1][1:]],
        ["三、本年度办理结果", "（一）予以公开", *REQ_ROWS[2][2:]],
        [REQ_ROWS[3][0], *REQ_ROWS[3][1:]],
        ["（三）不予公开", "1.属于国家秘密", *REQ_ROWS[4][2:]],
    ]
    attrs.update({(3, 0): 'colspan="3"', (4, 0): 'colspan="3"', (5, 0): 'rowspan="3"',
                  (5, 1): 'colspan="2"', (6, 0): 'colspan="2"'})
    body = "".join(f"<p>{x}</p>" for x in [TITLE, HEADINGS[0], PROSE, HEADINGS[2]])
    body += table_html(rows, attrs)
    body += f"<h2>{HEADINGS[3]}</h2>" + table_html([["行政复议", "行政诉讼"], APPEAL_HEAD, APPEALS], {(0, 0): 'colspan="5"', (0, 1): 'colspan="10"'})
    body += "".join(f"<p>{x}</p>" for x in [HEADINGS[4], HEADINGS[5]] + CLOSING)
    out.append(("spans.html", page(body)))
    crawled = short_report(["".join(r) for r in REQ_ROWS]).replace("\n", "")
    out.append(("crawled_one_line.html", page(f'<div class="article"><h1>{TITLE}</h1><div class="info">发布时间：2023-01-16</div><div class="content">{crawled}</div></div><script>var x=1;</script><style>p{{}}</style>')))
    out.append(("gbk.html", page("".join(f"<p>{x}</p>" for x in [TITLE, HEADINGS[2]]) + table_html(REQ_ROWS[:3]), charset="gbk").encode("gbk")))
    out.append(("nested_entities.html", page(f"<div><p>{HEADINGS[2]}</p><table><tr><td><table><tr><td>{REQ_ROWS[0][0]}</td><td>5&nbsp;</td><td>&#49;</td></tr></table></td></tr></table><p>{HEADINGS[3]}<br/>&lt;a&gt; &amp;</p></div>")))
    full = FIXTURE.read_text(encoding="utf-8").splitlines()
    body, table = "", []
    for l in full + [""]:
        if "\t" in l:
            table.append(l.split("\t"))
            continue
        if table:
            body += table_html(table)
            table = []
        if l:
            body += f"<p>{l}</p>"
    out.append(("full.html", page(body)))
    return out


# ------------------------------------------------------------------------------------ docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def p(text, props=""):
    return f"<w:p>{props}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def tc(text, props=""):
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(text)}</w:tc>"


def document_xml(body):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>'


def zip_bytes(parts, method=zipfile.ZIP_DEFLATED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", method) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2023, 1, 16, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return b.getvalue()


def docx(body, extra=()):
    return zip_bytes([("word/document.xml", document_xml(body))] + list(extra))


def docxs():
    out = []
    span = '<w:gridSpan w:val="2"/>'
    rows = [
        [tc(REQ_HEADER[0][0], span + '<w:vMerge w:val="restart"/>'), tc("申请人情况", '<w:gridSpan w:val="7"/>')],
        [tc("", span + "<w:vMerge/>"), tc("自然人"), tc("法人或其他组织", '<w:gridSpan w:val="5"/>'), tc("总计")],
        [tc(REQ_ROWS[0][0], span)] + [tc(v) for v in REQ_ROWS[0][1:]],
        [tc("三、本年度办理结果", '<w:vMerge w:val="restart"/>'), tc("（一）予以公开")] + [tc(v) for v in REQ_ROWS[2][2:]],
        [tc("", "<w:vMerge/>"), tc("（七）总计")] + [tc(v) for v in REQ_ROWS[5][1:]],
    ]
    grid = "<w:tblGrid>" + '<w:gridCol w:w="900"/>' * 9 + "</w:tblGrid>"
    tbl = "<w:tbl><w:tblPr/>" + grid + "".join(f"<w:tr>{''.join(r)}</w:tr>" for r in rows) + "</w:tbl>"
    body = "".join(p(x) for x in [TITLE, HEADINGS[0], PROSE, HEADINGS[2]]) + tbl
    body += "".join(p(x) for x in [HEADINGS[3], "\t".join(APPEALS), HEADINGS[4], HEADINGS[5]] + CLOSING)
    out.append(("table_spans.docx", docx(body)))
    # Headings from automatic numbering (a style's numbering, a level restarting).
    numbering = f'''<w:numbering {W}><w:abstractNum w:abstractNumId="3">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3."/></w:lvl>
</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num></w:numbering>'''
    styles = f'''<w:styles {W}><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="h1"><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style></w:styles>'''

    def np(num, lvl, text):
        return p(text, f'<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>')

    body = p(TITLE) + np(7, 0, "总体情况") + np(7, 1, "主动公开") + p("主动公开信息399条。")
    body += p("主动公开政府信息情况", '<w:pPr><w:pStyle w:val="h1"/></w:pPr>')
    body += np(8, 0, "收到和处理政府信息公开申请情况") + tbl
    body += np(7, 2, "细项") + "".join(p(x) for x in CLOSING)
    out.append(("numbering.docx", docx(body, [("word/styles.xml", styles), ("word/numbering.xml", numbering)])))
    # Text boxes, tabs and breaks inside runs, a field, a deleted run.
    body = p(TITLE) + f'<w:p><w:r><w:t>{HEADINGS[2]}</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>{REQ_ROWS[0][0]}</w:t><w:tab/><w:t>5</w:t><w:tab/><w:t>1</w:t></w:r><w:del><w:r><w:delText>9</w:delText></w:r></w:del><w:ins><w:r><w:t>6</w:t></w:r></w:ins></w:p>'
    body += '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:txbxContent>' + p("框内文字") + '</w:txbxContent></mc:Choice><mc:Fallback/></mc:AlternateContent></w:r></w:p>'
    body += '<w:p><w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'
    out.append(("runs.docx", docx(body)))
    full = FIXTURE.read_text(encoding="utf-8").splitlines()
    body, table = "", []
    for l in full + [""]:
        if "\t" in l:
            table.append("<w:tr>" + "".join(tc(c) for c in l.split("\t")) + "</w:tr>")
            continue
        if table:
            body += "<w:tbl><w:tblPr/>" + "".join(table) + "</w:tbl>"
            table = []
        if l:
            body += p(l)
    out.append(("full.docx", docx(body)))
    return out


# ------------------------------------------------------------------------------------ pdf

class Pdf:
    """A PDF written by hand: objects by number, saved with a classic xref table or with an
    object stream and a cross-reference stream."""

    def __init__(self):
        self.objs = {}

    def add(self, body, stream=None):
        n = len(self.objs) + 1
        self.objs[n] = (body, stream)
        return n

    def set(self, n, body, stream=None):
        self.objs[n] = (body, stream)

    def reserve(self):
        n = len(self.objs) + 1
        self.objs[n] = (b"null", None)
        return n

    @staticmethod
    def _obj(n, body, stream):
        if stream is None:
            return b"%d 0 obj\n%s\nendobj\n" % (n, body)
        d = body[:-2] + b" /Length %d>>" % len(stream)
        return b"%d 0 obj\n%s\nstream\n%s\nendstream\nendobj\n" % (n, d, stream)

    def classic(self, root):
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for n, (body, stream) in sorted(self.objs.items()):
            offsets[n] = len(out)
            out += self._obj(n, body, stream)
        xref = len(out)
        size = len(self.objs) + 1
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for n in range(1, size):
            out += b"%010d 00000 n \n" % offsets[n]
        out += b"trailer\n<</Size %d /Root %d 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
        return bytes(out)

    def modern(self, root):
        """Dictionaries in one object stream (Flate), streams at the top, an xref stream."""
        out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
        inner = [(n, b) for n, (b, s) in sorted(self.objs.items()) if s is None]
        outer = [(n, b, s) for n, (b, s) in sorted(self.objs.items()) if s is not None]
        stm_n = len(self.objs) + 1
        xref_n = stm_n + 1
        head, data = b"", b""
        for i, (n, b) in enumerate(inner):
            head += b"%d %d " % (n, len(data))
            data += b + b"\n"
        packed = zlib.compress(head + data)
        entries = {}
        for n, b, s in outer:
            entries[n] = (1, len(out), 0)
            out += self._obj(n, b, s)
        entries[stm_n] = (1, len(out), 0)
        out += self._obj(stm_n, b"<</Type /ObjStm /N %d /First %d /Filter /FlateDecode>>" % (len(inner), len(head)), packed)
        for i, (n, _) in enumerate(inner):
            entries[n] = (2, stm_n, i)
        entries[xref_n] = (1, len(out), 0)
        rows = b"\x00\x00\x00\x00\x00\xff\xff"  # object 0: free
        for n in range(1, xref_n + 1):
            t, a, b = entries[n]
            rows += bytes([t]) + a.to_bytes(4, "big") + b.to_bytes(2, "big")
        d = b"<</Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Filter /FlateDecode>>" % (xref_n + 1, root)
        xref_at = len(out)
        out += self._obj(xref_n, d, zlib.compress(rows))
        out += b"startxref\n%d\n%%%%EOF\n" % xref_at
        return bytes(out)


def cid_font(pdf, text):
    """A Type0 font (Identity-H) whose ToUnicode maps a CID to each character of `text`;
    returns (font object, encoder)."""
    chars = sorted(set(text) - {"\n", "\t"})
    cid = {c: i + 1 for i, c in enumerate(chars)}
    lines = []
    for i in range(0, len(chars), 100):
        chunk = chars[i:i + 100]
        lines.append(b"%d beginbfchar" % len(chunk))
        lines += [b"<%04X> <%04X>" % (cid[c], ord(c)) for c in chunk]
        lines.append(b"endbfchar")
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Seed def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + b"\n".join(lines) + b"\nendcmap CMapName currentdict /CMap defineresource pop end end")
    tu = pdf.add(b"<</Filter /FlateDecode>>", zlib.compress(cmap))
    fd = pdf.add(b"<</Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80>>")
    desc = pdf.add(b"<</Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW 1000 /W [1 [500 500]]>>" % fd)
    font = pdf.add(b"<</Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>" % (desc, tu))
    return font, lambda s: b"<" + b"".join(b"%04X" % cid[c] for c in s) + b">"


def pdf_of(pages_content, text, modern=False, helv=False, flate=True):
    """A PDF of pages, each content a function of the encoder; the CID font covers `text`."""
    pdf = Pdf()
    pages = pdf.reserve()
    font, enc = cid_font(pdf, text)
    fonts = b"/F1 %d 0 R" % font
    if helv:
        f2 = pdf.add(b"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>")
        fonts += b" /F2 %d 0 R" % f2
    kids = []
    for content in pages_content:
        c = content(enc)
        if flate:
            cs = pdf.add(b"<</Filter /FlateDecode>>", zlib.compress(c))
        else:
            cs = pdf.add(b"<<>>", c)
        kids.append(pdf.add(b"<</Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources <</Font <<%s>>>>>>" % (pages, cs, fonts)))
    pdf.set(pages, b"<</Type /Pages /Kids [%s] /Count %d>>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    root = pdf.add(b"<</Type /Catalog /Pages %d 0 R>>" % pages)
    return pdf.modern(root) if modern else pdf.classic(root)


def text_lines(lines, enc, top=800, size=10.5, lead=16):
    """Content drawing each line (TAB-separated cells at fixed columns) from the top."""
    out = b""
    y = top
    for l in lines:
        for i, cell in enumerate(l.split("\t")):
            x = 60 if i == 0 else 220 + 40 * i
            if cell:
                out += b"BT /F1 %.1f Tf 1 0 0 1 %d %d Tm %s Tj ET\n" % (size, x, y, enc(cell))
        y -= lead
    return out


def ruled_table(rows, enc, x0=60, y0=700, widths=None, h=22, merged=None):
    """A ruled table: every cell's borders drawn as lines, its text inside; `merged` (r, c)
    spans two rows (no line between them)."""
    widths = widths or [220] + [40] * (max(len(r) for r in rows) - 1)
    out = b"0.5 w\n"
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    n = len(rows)
    for i in range(n + 1):
        y = y0 - i * h
        if merged and i == merged[0] + 1:
            out += b"%d %d m %d %d l S\n" % (xs[merged[1] + 1], y, xs[-1], y)
        else:
            out += b"%d %d m %d %d l S\n" % (xs[0], y, xs[-1], y)
    for x in xs:
        out += b"%d %d m %d %d l S\n" % (x, y0, x, y0 - n * h)
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            if c:
                out += b"BT /F1 9 Tf %d %d Td %s Tj ET\n" % (xs[j] + 3, y0 - i * h - 15, enc(c))
    return out


def pdfs():
    out = []
    short = short_report(tab_lines(REQ_ROWS)).splitlines()
    alltext = "".join(short) + "".join("".join(r) for r in REQ_HEADER) + "申请人情况—1-"
    out.append(("cid_tounicode.pdf", pdf_of([lambda e: text_lines(short, e)], alltext)))
    out.append(("xref_stream.pdf", pdf_of([lambda e: text_lines(short, e)], alltext, modern=True)))
    out.append(("uncompressed.pdf", pdf_of([lambda e: b"BT /F1 12 Tf 72 760 Td " + e(TITLE) + b" Tj 0 -20 Td " + e(HEADINGS[2]) + b" Tj 0 -20 Td " + e(REQ_ROWS[0][0]) + b" Tj ET\nBT /F2 10 Tf 300 720 Td (5 1 0 0 0 0 6) Tj ET"], alltext, helv=True, flate=False)))
    table = [
        ["三、本年度办理结果", "（一）予以公开", "3", "1", "0", "4"],
        ["", "（二）部分公开", "1", "0", "0", "1"],
        ["四、结转下年度继续办理", "", "2", "0", "0", "2"],
    ]
    out.append(("ruled_table.pdf", pdf_of([lambda e: text_lines([TITLE, HEADINGS[2]], e) + ruled_table(table, e, widths=[110, 110, 40, 40, 40, 40], merged=(0, 0))], alltext)))
    # Two pages: part 三's rows split over a page break, a page number at the bottom, a
    # heading drawn one character at a time with TJ kerning.
    half = len(short) // 2
    p1 = lambda e: text_lines(short[:half], e) + b"BT /F1 9 Tf 290 40 Td " + e("-1-") + b" Tj ET\n"
    p2 = lambda e: (b"BT /F1 12 Tf 72 800 Td [" + b" -20 ".join(e(c) for c in "总体情况") + b"] TJ ET\n" + text_lines(short[half:], e, top=780))
    out.append(("two_pages.pdf", pdf_of([p1, p2], alltext + "总体情况")))
    full = FIXTURE.read_text(encoding="utf-8").splitlines()
    pages = [full[i:i + 45] for i in range(0, len(full), 45)]
    out.append(("full.pdf", pdf_of([(lambda ls: lambda e: text_lines(ls, e, size=8, lead=17))(ls) for ls in pages], "".join(full), modern=True)))
    return out


# ------------------------------------------------------------------------------------ zips

def gbk_named_zip(name, data):
    """A zip whose entry name is GBK bytes without the UTF-8 flag (as Windows tools write)."""
    raw = name.encode("gbk")
    placeholder = "x" * (len(raw) - 4) + ".txt"
    assert placeholder.endswith(name[-4:]) and len(placeholder.encode()) == len(raw)
    z = zip_bytes([(placeholder, data)])
    return z.replace(placeholder.encode(), raw)


def zips(text_seeds, html_seeds, docx_seeds, pdf_seeds):
    t = dict(text_seeds)
    h = dict(html_seeds)
    d = dict(docx_seeds)
    pd = dict(pdf_seeds)
    out = []
    out.append(("reports.zip", zip_bytes([("reports/a.txt", t["tabs.txt"]), ("reports/b.html", h["spans.html"]),
                                          ("reports/c.docx", d["table_spans.docx"]), ("reports/d.pdf", pd["ruled_table.pdf"])])))
    out.append(("stored.zip", zip_bytes([("a.txt", t["spaces.txt"])], zipfile.ZIP_STORED)))
    out.append(("gbk_name.zip", gbk_named_zip("年报.txt", t["glued.txt"].encode("utf-8"))))
    out.append(("hidden_and_dirs.zip", zip_bytes([("__MACOSX/._a.txt", b"\x00\x05\x16\x07"), ("d/", b""), ("d/.hidden.txt", b"x"),
                                                 ("d/e/report.md", t["pipes.md"]), ("notes.xls", b"skip")])))
    out.append(("gb18030_text.zip", zip_bytes([("gb.txt", t["tabs.txt"].encode("gb18030")), ("u16.txt", b"\xff\xfe" + t["headings.txt"].encode("utf-16-le"))])))
    return out


def tables_seeds():
    """The structure-aware `tables` target takes any bytes (`arbitrary` turns them into a
    report's choices): pseudo-random bytes of a few lengths, so its first inputs already
    choose numbers and edits (a fixed generator: the same bytes each run)."""
    import random
    rng = random.Random(17)
    return [(f"random-{n}-{i}", bytes(rng.randrange(256) for _ in range(n)))
            for n in (16, 64, 256, 1024) for i in range(4)]


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    t, h, d, pd = texts(), htmls(), docxs(), pdfs()
    for name, text in t:
        write("check_text", name, text)
        write("read_bytes", "txt-" + name, b"\x00" + text.encode("utf-8"))
    for name, data in h:
        data = data.encode("utf-8") if isinstance(data, str) else data
        write("html", name, data)
        if name != "gbk.html":  # pasted HTML is text (UTF-8)
            write("html", "pasted-" + name, b"\x01" + data)
        write("read_bytes", "html-" + name, b"\x01" + data)
    for name, data in d:
        write("docx", name, data)
        write("read_bytes", "docx-" + name, b"\x02" + data)
    for name, data in pd:
        write("pdf", name, data)
        write("read_bytes", "pdf-" + name, b"\x03" + data)
    for name, data in zips(t, h, d, pd):
        write("archive", name, data)
    for name, data in tables_seeds():
        write("tables", name, data)
    total = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    count = sum(1 for f in OUT.rglob("*") if f.is_file())
    print(f"{count} seeds, {total} bytes under {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
