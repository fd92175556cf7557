//! A content-stream lexer: bytes → operations (operands + operator).
//!
//! Written here rather than taken from lopdf because content streams in the wild carry inline
//! dictionaries (`/P <</MCID 0>> BDC` from Chromium), inline images (`BI … ID … EI`) and junk,
//! and a reader must skip what it does not understand instead of giving up on the page.

/// An operand. Dictionaries and other objects the interpreter never needs are `Other`.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Num(f64),
    Name(Vec<u8>),
    Str(Vec<u8>),
    Arr(Vec<Operand>),
    Other,
}

impl Operand {
    pub fn num(&self) -> Option<f64> {
        match self {
            Operand::Num(n) if n.is_finite() => Some(*n),
            _ => None,
        }
    }
}

/// One operation: the operator and its operands.
#[derive(Debug, Clone, PartialEq)]
pub struct Op {
    pub op: Vec<u8>,
    pub args: Vec<Operand>,
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

struct Lexer<'a> {
    s: &'a [u8],
    i: usize,
}

/// Arrays and dictionaries nest at most this deep; deeper input is skipped.
const MAX_NEST: usize = 32;

impl<'a> Lexer<'a> {
    fn skip_white(&mut self) {
        while self.i < self.s.len() {
            let b = self.s[self.i];
            if is_white(b) {
                self.i += 1;
            } else if b == b'%' {
                while self.i < self.s.len() && !matches!(self.s[self.i], b'\r' | b'\n') {
                    self.i += 1;
                }
            } else {
                break;
            }
        }
    }

    fn regular(&mut self) -> &'a [u8] {
        let start = self.i;
        while self.i < self.s.len() && !is_white(self.s[self.i]) && !is_delim(self.s[self.i]) {
            self.i += 1;
        }
        &self.s[start..self.i]
    }

    fn literal_string(&mut self) -> Vec<u8> {
        // At '('.
        self.i += 1;
        let mut out = Vec::new();
        let mut depth = 1usize;
        while self.i < self.s.len() {
            let b = self.s[self.i];
            self.i += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return out;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(&e) = self.s.get(self.i) else { break };
                    self.i += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.s.get(self.i) == Some(&b'\n') {
                                self.i += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = (e - b'0') as u32;
                            for _ in 0..2 {
                                match self.s.get(self.i) {
                                    Some(&d @ b'0'..=b'7') => {
                                        v = v * 8 + (d - b'0') as u32;
                                        self.i += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        out
    }

    fn hex_string(&mut self) -> Vec<u8> {
        // At '<' (not '<<').
        self.i += 1;
        let mut out = Vec::new();
        let mut hi: Option<u8> = None;
        while self.i < self.s.len() {
            let b = self.s[self.i];
            self.i += 1;
            if b == b'>' {
                break;
            }
            let v = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => continue,
            };
            match hi.take() {
                Some(h) => out.push(h << 4 | v),
                None => hi = Some(v),
            }
        }
        if let Some(h) = hi {
            out.push(h << 4);
        }
        out
    }

    /// Skips a dictionary `<< … >>` (at its start), nested ones included.
    fn skip_dict(&mut self, depth: usize) {
        self.i += 2;
        loop {
            self.skip_white();
            if self.i >= self.s.len() {
                return;
            }
            if self.s[self.i..].starts_with(b">>") {
                self.i += 2;
                return;
            }
            if self.object(depth + 1).is_none() {
                // An operator-like word inside a dictionary: skip it.
                let w = self.regular();
                if w.is_empty() {
                    self.i += 1;
                }
            }
        }
    }

    /// Reads one object at the cursor, or None if the cursor is at an operator (or junk).
    fn object(&mut self, depth: usize) -> Option<Operand> {
        let b = *self.s.get(self.i)?;
        match b {
            b'/' => {
                self.i += 1;
                let raw = self.regular();
                Some(Operand::Name(unescape_name(raw)))
            }
            b'(' => Some(Operand::Str(self.literal_string())),
            b'<' => {
                if self.s.get(self.i + 1) == Some(&b'<') {
                    if depth < MAX_NEST {
                        self.skip_dict(depth);
                    } else {
                        self.i += 2;
                    }
                    Some(Operand::Other)
                } else {
                    Some(Operand::Str(self.hex_string()))
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_white();
                    match self.s.get(self.i) {
                        None => break,
                        Some(b']') => {
                            self.i += 1;
                            break;
                        }
                        _ => {}
                    }
                    if depth >= MAX_NEST {
                        self.i += 1;
                        continue;
                    }
                    match self.object(depth + 1) {
                        Some(o) => items.push(o),
                        None => {
                            let w = self.regular();
                            if w.is_empty() {
                                self.i += 1;
                            }
                        }
                    }
                }
                Some(Operand::Arr(items))
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let save = self.i;
                let w = self.regular();
                match parse_number(w) {
                    Some(n) => Some(Operand::Num(n)),
                    None => {
                        self.i = save;
                        None
                    }
                }
            }
            b't' | b'f' | b'n' => {
                let save = self.i;
                let w = self.regular();
                if matches!(w, b"true" | b"false" | b"null") {
                    Some(Operand::Other)
                } else {
                    self.i = save;
                    None
                }
            }
            _ => None,
        }
    }

    /// After the `ID` operator: skips inline image data up to `EI` surrounded by white space.
    fn skip_inline_image(&mut self) {
        // One white-space byte follows ID.
        self.i += 1;
        while self.i + 2 <= self.s.len() {
            if &self.s[self.i..self.i + 2] == b"EI"
                && self.i > 0
                && is_white(self.s[self.i - 1])
                && self.s.get(self.i + 2).is_none_or(|&b| is_white(b))
            {
                self.i += 2;
                return;
            }
            self.i += 1;
        }
        self.i = self.s.len();
    }
}

fn unescape_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#' && i + 2 < raw.len() {
            let h = std::str::from_utf8(&raw[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(v) = h {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

fn parse_number(w: &[u8]) -> Option<f64> {
    let s = std::str::from_utf8(w).ok()?;
    if s.is_empty() {
        return None;
    }
    if let Ok(v) = s.parse::<f64>() {
        return Some(v);
    }
    // Forms like "--5", "5-", "1.2.3" from sloppy writers: keep the leading valid part.
    let t = s.trim_start_matches(['-', '+']);
    let neg = s.starts_with('-');
    let end = t
        .char_indices()
        .scan(false, |dot, (i, c)| {
            if c.is_ascii_digit() {
                Some(i + 1)
            } else if c == '.' && !*dot {
                *dot = true;
                Some(i + 1)
            } else {
                None
            }
        })
        .last()
        .unwrap_or(0);
    let v: f64 = t[..end]
        .parse()
        .ok()
        .or(if end == 0 { None } else { Some(0.0) })?;
    Some(if neg { -v } else { v })
}

/// A token of a PostScript-like stream (CMaps): an object or a bare word.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Obj(Operand),
    Word(Vec<u8>),
}

/// Splits a CMap-like stream into tokens, at most `max` of them.
pub fn tokens(s: &[u8], max: usize) -> Vec<Tok> {
    let mut lx = Lexer { s, i: 0 };
    let mut out = Vec::new();
    while out.len() < max {
        lx.skip_white();
        if lx.i >= s.len() {
            break;
        }
        if let Some(o) = lx.object(0) {
            out.push(Tok::Obj(o));
            continue;
        }
        let w = lx.regular();
        if w.is_empty() {
            lx.i += 1;
            continue;
        }
        out.push(Tok::Word(w.to_vec()));
    }
    out
}

/// Parses a content stream into operations, at most `max_ops` of them.
pub fn parse(s: &[u8], max_ops: usize) -> Vec<Op> {
    let mut lx = Lexer { s, i: 0 };
    let mut ops = Vec::new();
    let mut args: Vec<Operand> = Vec::new();
    while ops.len() < max_ops {
        lx.skip_white();
        if lx.i >= s.len() {
            break;
        }
        if let Some(o) = lx.object(0) {
            if args.len() < 64 {
                args.push(o);
            }
            continue;
        }
        let w = lx.regular();
        if w.is_empty() {
            // A stray delimiter (')', '>', ']', '{', '}'): skip it.
            lx.i += 1;
            args.clear();
            continue;
        }
        let op = w.to_vec();
        if op == b"ID" {
            lx.skip_inline_image();
            args.clear();
            ops.push(Op {
                op: b"EI".to_vec(),
                args: Vec::new(),
            });
            continue;
        }
        if op == b"BI" {
            args.clear();
            continue;
        }
        ops.push(Op {
            op,
            args: std::mem::take(&mut args),
        });
    }
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chromium_marked_content_and_text() {
        let ops = parse(
            b"/P <</MCID 0 /A [1 2]>> BDC BT /F4 12 Tf 1 0 0 -1 72 700 Tm <0012003A> Tj [(a\\051b) -120 <41>] TJ ET EMC",
            100,
        );
        let names: Vec<&[u8]> = ops.iter().map(|o| o.op.as_slice()).collect();
        assert_eq!(
            names,
            vec![
                &b"BDC"[..],
                b"BT",
                b"Tf",
                b"Tm",
                b"Tj",
                b"TJ",
                b"ET",
                b"EMC"
            ]
        );
        assert_eq!(ops[0].args.len(), 2);
        assert_eq!(ops[4].args[0], Operand::Str(vec![0, 0x12, 0, 0x3A]));
        assert_eq!(
            ops[5].args[0],
            Operand::Arr(vec![
                Operand::Str(b"a)b".to_vec()),
                Operand::Num(-120.0),
                Operand::Str(b"A".to_vec())
            ])
        );
    }

    #[test]
    fn inline_images_and_junk_are_skipped() {
        let ops = parse(b"BI /W 2 /H 2 ID \x00EI\xff EI Q ) ] 5 -.5 --3 m", 100);
        let names: Vec<&[u8]> = ops.iter().map(|o| o.op.as_slice()).collect();
        assert_eq!(names, vec![&b"EI"[..], b"Q", b"m"]);
        assert_eq!(
            ops[2].args,
            vec![Operand::Num(5.0), Operand::Num(-0.5), Operand::Num(-3.0)]
        );
    }

    #[test]
    fn garbage_never_panics() {
        let junk: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 251) as u8).collect();
        for n in [0, 1, 2, 3, 10, 100, 4000] {
            parse(&junk[..n], 10_000);
        }
        parse(b"<<<<<<[[[[(((\\", 10);
        parse(b"/a#", 10);
        parse(b"/a#4", 10);
    }
}
