//! Small PDFs written with lopdf in the tests: a Type0 font with a ToUnicode CMap, Chromium's
//! inline marked-content dictionaries, a ruled table with a merged cell, a form XObject that
//! draws itself, page rotation, and encryption with an empty and a real user password.

use lopdf::{dictionary, Document as PdfDoc, Object, Stream, StringFormat};

use super::read;

const CMAP: &str = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
4 beginbfchar <0001> <4E00> <0002> <3001> <0003> <603B> <0004> <4F53> endbfchar
1 beginbfrange <0030> <0039> <0030> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end";

/// Page content (upright, A4 portrait coordinates).
const CONTENT: &str = "/P <</MCID 0 /Lang (zh)>> BDC BT /F1 12 Tf 1 0 0 1 72 760 Tm <00010002> Tj [<0003> -50 <0004>] TJ ET EMC
0.5 w 72 700 m 272 700 l S 172 680 m 272 680 l S 72 660 m 272 660 l S
72 700 m 72 660 l S 172 700 m 172 660 l S 272.2 700 m 272.2 660 l S
BT /F1 10 Tf 80 676 Td <0001> Tj 100 10 Td <00310032> Tj 0 -20 Td <0033> Tj ET
q 1 0 0 1 0 -20 cm /Fm1 Do Q
BT /F1 9 Tf 290 40 Td <0032> Tj ET
BT /F1 40 Tf 0.7071 0.7071 -0.7071 0.7071 200 300 Tm <00010001> Tj ET
BT /F1 12 Tf 700 500 Td <0003> Tj ET";

pub fn make(rotate: bool, user_password: Option<&str>) -> Vec<u8> {
    build(if rotate { 90 } else { 0 }, user_password, false)
}

/// The same page with a font that has no ToUnicode, only an embedded TrueType font whose cmap
/// maps the same glyphs.
pub fn make_without_tounicode() -> Vec<u8> {
    NO_TOUNICODE.with(|f| f.set(true));
    let b = build(0, None, false);
    NO_TOUNICODE.with(|f| f.set(false));
    b
}

thread_local! {
    static NO_TOUNICODE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `modern`: saved with object streams and a cross-reference stream.
/// `rotate`: the page's /Rotate; the content is drawn turned the other way so it shows upright.
pub fn build(rotate: i64, user_password: Option<&str>, modern: bool) -> Vec<u8> {
    let mut doc = PdfDoc::with_version("1.5");
    let pages_id = doc.new_object_id();
    let tu = doc.add_object(Stream::new(dictionary! {}, CMAP.as_bytes().to_vec()));
    let mut pairs: Vec<(u16, u16)> = vec![(0x4E00, 1), (0x3001, 2), (0x603B, 3), (0x4F53, 4)];
    pairs.extend((0x30..=0x39).map(|c| (c, c)));
    let file = doc.add_object(Stream::new(dictionary! {}, super::sfnt::test_font(&pairs)));
    let fd = doc.add_object(dictionary! {
        "Type" => "FontDescriptor", "FontName" => "Test", "Flags" => 4, "FontFile2" => file,
    });
    let cid = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Test", "FontDescriptor" => fd,
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 1000, "W" => vec![Object::Integer(0x30), Object::Array((0..10).map(|_| Object::Integer(500)).collect())],
    });
    let mut font = dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Test", "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Reference(cid)], "ToUnicode" => Object::Reference(tu),
    };
    if NO_TOUNICODE.with(|f| f.get()) {
        font.remove(b"ToUnicode");
    }
    let font = doc.add_object(font);
    let form_id = doc.new_object_id();
    let form = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), (-10).into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font }, "XObject" => dictionary! { "Fm1" => form_id } },
        },
        b"BT /F1 12 Tf 72 630 Td <0003> Tj ET /Fm1 Do".to_vec(),
    );
    doc.objects.insert(form_id, Object::Stream(form));
    let mut content = CONTENT.as_bytes().to_vec();
    let mut media: Vec<Object> = vec![0.into(), 0.into(), 595.into(), 842.into()];
    let turn: &[u8] = match rotate {
        90 => b"q 0 1 -1 0 842 0 cm\n",
        180 => b"q -1 0 0 -1 595 842 cm\n",
        270 => b"q 0 -1 1 0 0 595 cm\n",
        _ => b"",
    };
    if !turn.is_empty() {
        content = [turn, &content, b"\nQ"].concat();
    }
    if rotate % 180 == 90 {
        media = vec![0.into(), 0.into(), 842.into(), 595.into()];
    }
    let mut stream = Stream::new(dictionary! {}, content);
    let _ = stream.compress();
    let content_id = doc.add_object(stream);
    let mut page = dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id, "MediaBox" => media,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font }, "XObject" => dictionary! { "Fm1" => form_id } },
    };
    if rotate != 0 {
        page.set("Rotate", rotate);
    }
    let page_id = doc.add_object(page);
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let id = Object::String(b"0123456789abcdef".to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    if let Some(pw) = user_password {
        let v = lopdf::EncryptionVersion::V2 {
            document: &doc,
            owner_password: "owner",
            user_password: pw,
            key_length: 128,
            permissions: lopdf::Permissions::all(),
        };
        let state = lopdf::EncryptionState::try_from(v).expect("encryption state");
        doc.encrypt(&state).expect("encrypt");
    }
    let mut out = Vec::new();
    if modern {
        let opts = lopdf::SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            .build();
        doc.save_with_options(&mut out, opts).expect("save");
    } else {
        doc.save_to(&mut out).expect("save");
    }
    out
}

#[test]
fn object_streams_and_xref_streams() {
    let a = read(&make(false, None)).unwrap();
    let bytes = build(0, None, true);
    assert!(bytes
        .windows(9)
        .any(|w| w == b"/Type /XR" || w == b"/Type/XRe"));
    let b = read(&bytes).expect("modern file");
    assert_eq!(a.text, b.text);
    assert_eq!(a.tables, b.tables);
}

#[test]
fn type0_text_rules_merged_cells_and_a_self_drawing_form() {
    let d = read(&make(false, None)).expect("reads");
    let lines: Vec<&str> = d.text.lines().collect();
    assert_eq!(lines[0], "一、总体", "{}", d.text);
    let g = &d.tables[0];
    assert_eq!((g.rows, g.cols), (2, 2));
    let c = g.at(0, 0).unwrap();
    assert_eq!((c.rowspan, c.text.as_str()), (2, "一"));
    assert_eq!(g.at(0, 1).unwrap().text, "12");
    assert_eq!(g.at(1, 1).unwrap().text, "3");
    // The form draws "总" once: drawing itself again is refused.
    assert_eq!(
        lines.iter().filter(|l| **l == "总").count(),
        1,
        "{}",
        d.text
    );
    // No watermark ("一一" at 45°) and nothing from outside the page ("总" at x = 700).
    assert!(!d.text.contains("一一"), "{}", d.text);
    // The page number at the bottom is dropped.
    assert!(!lines.contains(&"2"), "{}", d.text);
}

#[test]
fn rotated_page_reads_upright() {
    let a = read(&make(false, None)).unwrap();
    for r in [90, 180, 270] {
        let b = read(&build(r, None, false)).unwrap();
        assert_eq!(a.text, b.text, "/Rotate {r}");
        assert_eq!(a.tables, b.tables, "/Rotate {r}");
    }
}

#[test]
fn encryption_with_an_empty_password_reads_and_a_real_one_is_refused() {
    let a = read(&make(false, None)).unwrap();
    let b = read(&make(false, Some(""))).expect("empty user password");
    assert_eq!(a.text, b.text);
    let e = read(&make(false, Some("secret"))).unwrap_err();
    assert!(e.zh.contains("密码"), "{e}");
}

#[test]
fn truncated_and_flipped_synthetic_files_never_panic() {
    let bytes = make(false, Some(""));
    for cut in (0..bytes.len()).step_by(37) {
        let _ = read(&bytes[..cut]);
    }
    for i in (0..bytes.len()).step_by(11) {
        let mut b = bytes.clone();
        b[i] ^= 0x5A;
        let _ = read(&b);
    }
}

#[test]
fn a_font_without_tounicode_reads_through_its_embedded_cmap() {
    let a = read(&make(false, None)).unwrap();
    let b = read(&make_without_tounicode()).unwrap();
    assert_eq!(a.text, b.text);
    assert!(b.notes.is_empty(), "{:?}", b.notes);
}
