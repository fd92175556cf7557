//! Normalising pasted text.
//!
//! Every character is mapped to exactly one character (full-width ASCII to half-width, the many
//! kinds of spaces to a plain space, traditional characters to simplified ones, radicals to the
//! ideographs they stand for), so a position in
//! the normalised text is the same position in the user's own text: line numbers and columns in
//! findings point at what the user pasted. Line breaks (CR, LF, CRLF) split lines and are dropped.

/// One line of the input, normalised.
#[derive(Debug, Clone)]
pub struct Line {
    /// 1-based line number in the user's text.
    pub no: usize,
    /// The line as the user wrote it (without its line break).
    pub raw: String,
    /// The same characters, normalised one to one.
    pub text: String,
    /// Characters of the user's line before this one: 0 for a whole line; for a segment cut
    /// out of a very long line (see [`crate::oneline`]), where the segment starts.
    pub col: usize,
    /// For a segment of a one-line table: the character (in the segment) where its run of
    /// glued values begins (see [`crate::oneline`]); `None` for every other line.
    pub glued: Option<usize>,
}

impl Line {
    /// The matching key of the line (see [`key`]).
    pub fn key(&self) -> String {
        key_of_normalized(&self.text)
    }

    /// Appends the line's key to `out` (no String of its own).
    pub fn push_key(&self, out: &mut String) {
        push_key_of_normalized(&self.text, out)
    }

    /// The user's column (1-based, in characters) of character `ci` (0-based) of this line.
    pub fn column(&self, ci: usize) -> usize {
        self.col + ci + 1
    }
}

/// The whole input, split into normalised lines.
#[derive(Debug, Clone)]
pub struct Text {
    pub lines: Vec<Line>,
    pub chars: usize,
}

impl Text {
    pub fn new(input: &str) -> Text {
        let mut lines = Vec::new();
        for raw in self::lines(input) {
            push_line(&mut lines, raw);
        }
        let input = input.strip_prefix('\u{FEFF}').unwrap_or(input);
        Text {
            lines,
            chars: input.chars().count(),
        }
    }
}

/// The lines of `text` as the engine numbers them (a finding's line `n` is the `n`-th): split at
/// CRLF, LF and CR, the line breaks dropped, a byte order mark at the start skipped. A line break
/// at the end ends the last line (no empty line after it); an empty text is one empty line.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    line_spans(text).map(|(_, l)| l)
}

/// [`lines`] with where each line starts in `text`, in bytes.
pub fn line_spans(text: &str) -> LineSpans<'_> {
    LineSpans {
        text,
        pos: if text.starts_with('\u{FEFF}') { 3 } else { 0 },
        done: false,
    }
}

/// The iterator of [`line_spans`].
#[derive(Debug, Clone)]
pub struct LineSpans<'a> {
    text: &'a str,
    pos: usize,
    done: bool,
}

impl<'a> Iterator for LineSpans<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if self.done {
            return None;
        }
        let b = self.text.as_bytes();
        let start = self.pos;
        // The first line break (searched with `str::find`, which is fast on long texts).
        let rest = &self.text[start..];
        let nl = rest.find('\n').unwrap_or(rest.len());
        let cr = rest[..nl].find('\r');
        match cr.or((nl < rest.len()).then_some(nl)) {
            Some(n) => {
                let end = start + n;
                self.pos = end + if b[end..].starts_with(b"\r\n") { 2 } else { 1 };
                self.done = self.pos == b.len();
                Some((start, &self.text[start..end]))
            }
            None => {
                self.done = true;
                Some((start, &self.text[start..]))
            }
        }
    }
}

fn push_line(lines: &mut Vec<Line>, raw: &str) {
    // Copy runs of characters that normalise to themselves; push only the ones that change.
    let mut text = String::with_capacity(raw.len());
    let mut run = 0;
    for (i, c) in raw.char_indices() {
        let n = if c.is_ascii() { c } else { norm_char(c) };
        if n != c {
            text.push_str(&raw[run..i]);
            text.push(n);
            run = i + c.len_utf8();
        }
    }
    text.push_str(&raw[run..]);
    lines.push(Line {
        no: lines.len() + 1,
        raw: raw.to_string(),
        text,
        col: 0,
        glued: None,
    });
}

/// Maps one character to its normalised form (always exactly one character).
#[inline(always)]
pub fn norm_char(c: char) -> char {
    // Fast paths for the common cases: below U+2000 only U+00A0 changes; ideographs change only
    // when traditional (the last arm of `norm_other`).
    let u = c as u32;
    if u < 0x2000 {
        return if u == 0xA0 { ' ' } else { c };
    }
    if (0x4E00..0xA000).contains(&u) {
        return simplified(c);
    }
    norm_other(c)
}

#[inline(never)]
fn norm_other(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}'
        | '\u{00A0}'
        | '\u{2000}'..='\u{200B}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{FEFF}' => ' ',
        '\u{2212}' => '-',
        // Radicals for ideographs, as text copied from some PDFs has them ("⼀、总体情况").
        '\u{2E80}'..='\u{2FDF}' | '\u{2329}' | '\u{232A}' => crate::radicals::unify(c),
        _ => simplified(c),
    }
}

/// Normalises a whole string.
pub fn normalize(s: &str) -> String {
    s.chars().map(norm_char).collect()
}

/// Pairs of (traditional, simplified) characters: those that occur in the format's labels and
/// headings, and in agency names and the surrounding prose often enough to matter.
const TRAD_SIMP: &str =
    "總总體体況况動动開开資资處处請请與与辦办復复議议訴诉訟讼問问題题進进報报項项務务規规範范\
條条許许罰罚強强製制數数計计維维糾纠結结審审經经機机關关構构會会門门區区縣县鎮镇鄉乡廳厅於于應应\
購购費费權权屬属國国內内過过執执詢询現现補补確确訪访舉举複复對对為为無无當当獲获決决統统這这認认\
證证據据類类級级網网頁页號号發发廢废實实際际單单簡简稱称聯联電电話话書书時时間间盡尽標标準准責责\
績绩評评監监導导長长傳传優优價价兩两劃划協协參参啟启嚴严團团圍围圖图場场專专將将層层廣广後后從从\
徵征態态戰战據据擴扩擇择擔担斷断暢畅東东極极樣样檔档檢检歷历歸归殘残氣气滿满溝沟濟济災灾熱热爭争\
狀状獨独環环產产畫画療疗盤盘禮礼穩稳種种積积競竞節节簽签糧粮紀纪約约紅红納纳紙纸紛纷細细終终組组\
絕绝絲丝綜综緊紧線线編编練练織织繼继續续職职聽听腦脑興兴舊旧藝艺蘇苏號号衛卫衝冲裝装見见視视覺觉\
親亲觀观訂订討讨訓训記记設设診诊試试該该詳详誠诚誤误說说諸诸論论講讲謝谢識识譯译護护讀读變变讓让\
負负財财貨货質质貼贴賦赋賬账賣卖贊赞趕赶跡迹踐践車车軍军軟软載载較较輔辅輕轻輸输轄辖轉转農农週周\
運运達达違违遞递遠远適适選选遺遗還还邊边郵邮鄰邻醫医釋释針针錄录錯错鍵键閉闭闡阐隊队階阶隨随險险\
隱隐雜杂難难靈灵順顺須须預预領领頻频額额顧顾風风飲饮館馆驗验鬥斗麼么黨党點点齊齐個个們们來来\
並并廠厂歲岁盡尽幹干儘尽況况紹绍貫贯徹彻黃黄華华陽阳陰阴臺台灣湾鐵铁銀银錢钱礎础盤盘療疗衆众\
聞闻媒媒僅仅衹只佈布採采筆笔雙双豐丰葉叶務务萬万億亿優优稅税餘余庫库壇坛禦御屆届頒颁遞递覆覆\
涉涉訊讯態态寫写軟软據据擬拟諮咨詢询檔档範范彙汇總总結结縮缩減减額额齡龄龍龙齒齿黨党滬沪湘湘\
閩闽贛赣鄂鄂遼辽寧宁吉吉黑黑蒙蒙疆疆藏藏瀋沈蘭兰烏乌魯鲁齊齐陝陕甯宁廈厦門门滄沧橋桥麗丽鳳凤\
環环獎奖懲惩罷罢擁拥擊击攜携攝摄敵敌斂敛樓楼歡欢漢汉潔洁濕湿爐炉牆墙犧牺獄狱瑪玛瓊琼產产畢毕\
異异癥症盜盗禍祸窮穷籌筹緣缘縱纵繁繁罷罢羅罗聖圣膽胆臨临艱艰莊庄葦苇蓋盖蕭萧藥药蟲虫補补襲袭\
覽览觸触訃讣訴诉詞词誌志諾诺謀谋譜谱豬猪貓猫貝贝貞贞賓宾賴赖趨趋躍跃軌轨輛辆輝辉轟轰辭辞遲迟\
鄭郑醜丑釣钓鈴铃鋼钢鍋锅鎖锁鏡镜鐘钟門门閃闪閱阅闊阔陸陆隸隶雞鸡離离雲云霧雾靜静韓韩頂顶頓顿\
頗颇頸颈頻频顏颜願愿顯显飛飞飯饭飽饱餐餐馬马駐驻騎骑髮发鬆松魚鱼鳥鸟鹽盐麥麦黴霉鼓鼓齣出";

#[inline]
fn simplified(c: char) -> char {
    // Traditional characters are all in the CJK block; most characters are not traditional,
    // and a bitset answers that without a search.
    let u = c as u32;
    if !(0x4E00..0xA000).contains(&u) {
        return c;
    }
    let (bits, table) = trad_table();
    let i = (u - 0x4E00) as usize;
    if bits[i / 64] & (1 << (i % 64)) == 0 {
        return c;
    }
    match table.binary_search_by_key(&c, |&(t, _)| t) {
        Ok(i) => table[i].1,
        Err(_) => c,
    }
}

type TradTable = (Vec<u64>, Vec<(char, char)>);

fn trad_table() -> &'static TradTable {
    use std::sync::OnceLock;
    static TABLE: OnceLock<TradTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let chars: Vec<char> = TRAD_SIMP.chars().filter(|c| !c.is_whitespace()).collect();
        let mut pairs: Vec<(char, char)> = chars
            .chunks_exact(2)
            .map(|p| (p[0], p[1]))
            .filter(|(t, s)| t != s)
            .collect();
        pairs.sort_unstable();
        pairs.dedup_by_key(|p| p.0);
        let mut bits = vec![0u64; (0xA000 - 0x4E00) / 64 + 1];
        for (t, _) in &pairs {
            let i = (*t as u32 - 0x4E00) as usize;
            bits[i / 64] |= 1 << (i % 64);
        }
        (bits, pairs)
    })
}

/// A matching key: only CJK ideographs, ASCII letters and digits survive (lower-cased). Spaces,
/// punctuation of both widths, quotes and markdown marks are dropped, so "（二） 部分 公开" and
/// "(二)部分公开" give the same key.
pub fn key(s: &str) -> String {
    // (Sized for the whole text: a key is rarely much shorter, and never grown char by char.)
    let mut out = String::with_capacity(s.len());
    out.extend(
        s.chars()
            .map(norm_char)
            .filter(|c| c.is_ascii_alphanumeric() || is_cjk(*c))
            .map(|c| c.to_ascii_lowercase()),
    );
    out
}

fn key_of_normalized(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_key_of_normalized(s, &mut out);
    out
}

fn push_key_of_normalized(s: &str, out: &mut String) {
    let keep = |c: char| c.is_ascii_alphanumeric() || is_cjk(c);
    let mut run: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if keep(c) && !c.is_ascii_uppercase() {
            run.get_or_insert(i);
        } else {
            if let Some(r) = run.take() {
                out.push_str(&s[r..i]);
            }
            if keep(c) {
                out.push(c.to_ascii_lowercase());
            }
        }
    }
    if let Some(r) = run {
        out.push_str(&s[r..]);
    }
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF)
}

/// Chinese numerals used for numbering parts and items.
pub fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => return None,
    })
}

/// Strips a leading item number (一, 十二, 3, (四) …) from a key.
pub fn strip_numbering(key: &str) -> &str {
    let t = key.trim_start_matches(|c: char| c.is_ascii_digit());
    if t.len() != key.len() {
        return t;
    }
    key.trim_start_matches(|c: char| cn_digit(c).is_some())
}

/// Length of the longest common subsequence of two char slices (for fuzzy label matching).
pub fn lcs(a: &[char], b: &[char]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let mut stack = [0u16; 2 * 65];
    let mut heap;
    let rows: &mut [u16] = if b.len() < 64 {
        &mut stack[..2 * (b.len() + 1)]
    } else {
        heap = vec![0u16; 2 * (b.len() + 1)];
        &mut heap
    };
    let (mut prev, mut cur) = rows.split_at_mut(b.len() + 1);
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] as usize
}

fn is_subsequence(a: &[char], b: &[char]) -> bool {
    let mut it = b.iter();
    a.iter().all(|c| it.any(|x| x == c))
}

/// How alike a found label is to an official one, from 0 to 1. A prefix of at least four
/// characters (a label broken across lines) counts as a good match.
pub fn similarity(found: &str, official: &str) -> f32 {
    if found == official {
        return 1.0;
    }
    let mut fb = [' '; 64];
    let mut ob = [' '; 64];
    let f = chars_into(found, &mut fb);
    let o = chars_into(official, &mut ob);
    match (f, o) {
        (Some(f), Some(o)) => similarity_chars(f, o),
        _ => {
            let f: Vec<char> = found.chars().collect();
            let o: Vec<char> = official.chars().collect();
            similarity_chars(&f, &o)
        }
    }
}

/// The chars of `s` in `buf`, if they fit.
fn chars_into<'b>(s: &str, buf: &'b mut [char; 64]) -> Option<&'b [char]> {
    let mut n = 0;
    for c in s.chars() {
        if n == buf.len() {
            return None;
        }
        buf[n] = c;
        n += 1;
    }
    Some(&buf[..n])
}

/// `similarity` on char slices.
pub fn similarity_chars(f: &[char], o: &[char]) -> f32 {
    if f == o {
        return 1.0;
    }
    if f.is_empty() || o.is_empty() {
        return 0.0;
    }
    if f.len() >= 4 && o.starts_with(f) {
        return 0.85;
    }
    if o.len() >= 4 && f.starts_with(o) && f.len() <= o.len() + 3 {
        return 0.85;
    }
    // An abbreviated label ("其他法律法规" for "其他法律行政法规禁止公开"): same start, and every
    // character found in order in the official label.
    if f.len() >= 5 && f[..2] == o[..2.min(o.len())] && is_subsequence(f, o) {
        return 0.8;
    }
    // Too different in length (the cheapest rejection, so first).
    let (short, long) = if f.len() < o.len() {
        (f.len(), o.len())
    } else {
        (o.len(), f.len())
    };
    if (short as f32) < long as f32 * 0.6 {
        return 0.0;
    }
    // Cheap rejection before the quadratic LCS: the characters of `found` that occur in
    // `official` at all bound the LCS from above; no caller accepts a score below 0.7.
    let mut bloom = 0u128;
    for c in o {
        bloom |= 1u128 << (*c as u32 % 128);
    }
    let hits = f
        .iter()
        .filter(|c| bloom & (1u128 << (**c as u32 % 128)) != 0)
        .count();
    if (hits as f32) < f.len().max(o.len()) as f32 * 0.7 {
        return 0.0;
    }
    lcs(f, o) as f32 / long as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain definition of a line's key, to check the fast one against.
    fn key_of_normalized_slow(s: &str) -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric() || is_cjk(*c))
            .map(|c| c.to_ascii_lowercase())
            .collect()
    }

    #[test]
    fn lines_split_at_crlf_lf_and_cr() {
        fn all(t: &str) -> Vec<&str> {
            lines(t).collect()
        }
        assert_eq!(all("a\r\nb\rc\nd"), ["a", "b", "c", "d"]);
        assert_eq!(all("a\rb\r"), ["a", "b"]);
        assert_eq!(all("a\n\n"), ["a", ""]);
        assert_eq!(all("\r\n\r"), ["", ""]);
        assert_eq!(all(""), [""]);
        assert_eq!(all("\u{FEFF}a\rb"), ["a", "b"]);
        let spans: Vec<_> = line_spans("\u{FEFF}甲\r\n乙").collect();
        assert_eq!(spans, [(3, "甲"), (8, "乙")]);
        for t in ["", "\n", "a\r\n\r\nb\r", "\u{FEFF}\r", "x\n\ry\r\r\n"] {
            let raw: Vec<String> = Text::new(t).lines.into_iter().map(|l| l.raw).collect();
            assert_eq!(raw, all(t), "{t:?}");
        }
    }

    /// The engine's line numbers (parts' headings, table rows) point at the same lines in
    /// [`lines`] whatever the line breaks.
    #[test]
    fn lines_agree_with_the_engines_line_numbers() {
        let lf = include_str!("../tests/fixtures/report_a_tabs.txt").replace("\r\n", "\n");
        let cr = lf.replace('\n', "\r");
        let mut mixed = String::new();
        for (i, l) in lf.split('\n').enumerate() {
            mixed.push_str(l);
            mixed.push_str(["\r\n", "\r", "\n"][i % 3]);
        }
        for (name, text) in [("LF", &lf), ("CR", &cr), ("mixed", &mixed)] {
            let r = crate::check("report_a_tabs.txt", text);
            let all: Vec<&str> = lines(text).collect();
            assert_eq!(r.input.lines, all.len(), "{name}");
            for sec in &r.sections {
                let (Some(no), Some(h)) = (sec.line, &sec.heading) else {
                    panic!("{name}: part {} not found", sec.number);
                };
                assert!(all[no - 1].contains(h.as_str()), "{name}: {h} at {no}");
            }
            let rows = r.tables.requests.rows.iter().chain(&r.tables.active.rows);
            let mut n = 0;
            for row in rows.filter(|row| row.found) {
                let (Some(no), Some(raw)) = (row.line, &row.raw_label) else {
                    continue;
                };
                // A label over two cells comes with a space for the TAB between them.
                let squeeze = |s: &str| s.replace([' ', '\t'], "");
                assert!(
                    squeeze(all[no - 1]).contains(&squeeze(raw)),
                    "{name}: {raw} at {no}"
                );
                n += 1;
            }
            assert!(n > 20, "{name}: {n} rows");
        }
    }

    #[test]
    fn full_width_and_spaces_map_one_to_one() {
        let t = Text::new("１２\u{3000}（一）\r\n總體情況\rb\n");
        assert_eq!(t.lines.len(), 3);
        assert_eq!(t.lines[0].text, "12 (一)");
        assert_eq!(
            t.lines[0].raw.chars().count(),
            t.lines[0].text.chars().count()
        );
        assert_eq!(t.lines[1].text, "总体情况");
        assert_eq!(normalize("條例處理費"), "条例处理费");
        assert_eq!(normalize("总体情况"), "总体情况");
        for t in ["（二） 部分 公开", "ABC def 12", "3.危及“三安全一稳定”", ""] {
            assert_eq!(
                key_of_normalized(&normalize(t)),
                key_of_normalized_slow(&normalize(t))
            );
        }
        assert_eq!(t.lines[2].text, "b");
    }

    #[test]
    fn keys_ignore_punctuation_and_width() {
        assert_eq!(key("（二） 部分 公开"), key("(二)部分公开"));
        assert_eq!(key("3.危及“三安全一稳定”"), "3危及三安全一稳定");
        assert_eq!(strip_numbering("3危及三安全一稳定"), "危及三安全一稳定");
        assert_eq!(strip_numbering("七总计"), "总计");
    }

    #[test]
    fn similarity_accepts_slips_and_broken_labels() {
        assert!(similarity("本机关不", "本机关不掌握相关政府信息") > 0.8);
        assert!(similarity("结果维稳", "结果维持") >= 0.75);
        assert!(similarity("规章", "行政许可") < 0.5);
        assert!(similarity("其他法律法规", "其他法律行政法规禁止公开") >= 0.8);
    }
}
