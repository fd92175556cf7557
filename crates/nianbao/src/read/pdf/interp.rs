//! The content-stream interpreter: a page's operations → characters with positions and ruling
//! lines, in display space (points, origin top-left, y downwards, page rotation applied).

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document as PdfDoc, Object, ObjectId};

use super::font::Font;
use super::lex::{self, Op, Operand};
use super::obj::{arr, deref, dict, num, rect, stream_bytes, Budget};

/// A character placed on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Char {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    /// Baseline.
    pub y: f64,
    /// Font size in page space.
    pub size: f64,
}

/// A ruling line: horizontal (`horizontal`, at `pos` = y, from `a` to `b` in x) or vertical
/// (at `pos` = x, from `a` to `b` in y).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub horizontal: bool,
    pub pos: f64,
    pub a: f64,
    pub b: f64,
}

/// What a page shows.
#[derive(Debug, Default)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub chars: Vec<Char>,
    pub rules: Vec<Rule>,
    pub images: usize,
    /// The operator cap stopped the page early.
    pub truncated: bool,
}

type M = [f64; 6];

fn mul(a: &M, b: &M) -> M {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &M, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

const ID: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// The text matrix and the text line matrix.
struct TextPos {
    tm: M,
    tlm: M,
}

/// Operations interpreted per page (forms included).
pub const MAX_OPS: usize = 2_000_000;
/// Characters kept per page.
const MAX_CHARS: usize = 200_000;
/// Form XObjects nest at most this deep.
const MAX_DEPTH: usize = 12;

#[derive(Clone)]
struct GState {
    ctm: M,
    font: Option<Rc<Font>>,
    size: f64,
    tc: f64,
    tw: f64,
    th: f64,
    tl: f64,
    rise: f64,
}

pub struct Interp<'a> {
    doc: &'a PdfDoc,
    pub budget: &'a mut Budget,
    fonts: HashMap<ObjectId, Rc<Font>>,
    pub unknown_glyphs: bool,
}

struct Run {
    page: Page,
    ops: usize,
    stack: Vec<ObjectId>,
    path: Vec<Vec<(f64, f64)>>,
    path_curved: bool,
}

impl<'a> Interp<'a> {
    pub fn new(doc: &'a PdfDoc, budget: &'a mut Budget) -> Interp<'a> {
        Interp {
            doc,
            budget,
            fonts: HashMap::new(),
            unknown_glyphs: false,
        }
    }

    /// Interprets one page (a page dictionary).
    pub fn page(&mut self, page_id: ObjectId) -> Page {
        let doc = self.doc;
        let Ok(pd) = doc.get_dictionary(page_id) else {
            return Page::default();
        };
        let media = inherited(doc, pd, b"MediaBox").and_then(|o| rect(doc, Some(o)));
        let crop = inherited(doc, pd, b"CropBox").and_then(|o| rect(doc, Some(o)));
        let mut r = media.unwrap_or([0.0, 0.0, 595.0, 842.0]);
        if let Some(c) = crop {
            // The visible area: the crop box cut to the media box.
            let i = [
                r[0].max(c[0]),
                r[1].max(c[1]),
                r[2].min(c[2]),
                r[3].min(c[3]),
            ];
            if i[2] - i[0] > 1.0 && i[3] - i[1] > 1.0 {
                r = i;
            }
        }
        let rot = inherited(doc, pd, b"Rotate")
            .and_then(|o| num(doc, Some(o)))
            .unwrap_or(0.0) as i64;
        let rot = ((rot % 360) + 360) % 360 / 90 * 90;
        let [x0, y0, x1, y1] = r;
        let (base, w, h) = match rot {
            90 => ([0.0, 1.0, 1.0, 0.0, -y0, -x0], y1 - y0, x1 - x0),
            180 => ([-1.0, 0.0, 0.0, 1.0, x1, -y0], x1 - x0, y1 - y0),
            270 => ([0.0, -1.0, -1.0, 0.0, y1, x1], y1 - y0, x1 - x0),
            _ => ([1.0, 0.0, 0.0, -1.0, -x0, y1], x1 - x0, y1 - y0),
        };
        let mut run = Run {
            page: Page {
                width: w,
                height: h,
                ..Page::default()
            },
            ops: 0,
            stack: Vec::new(),
            path: Vec::new(),
            path_curved: false,
        };
        let res = inherited(doc, pd, b"Resources").and_then(|o| dict(doc, Some(o)));
        let mut content = Vec::new();
        match pd.get(b"Contents").ok().map(|o| deref(doc, o)) {
            Some(Object::Array(parts)) => {
                for p in parts.iter().take(10_000) {
                    if let Some(b) = stream_bytes(doc, p, self.budget) {
                        content.extend_from_slice(&b);
                        content.push(b'\n');
                    }
                }
            }
            Some(o @ Object::Stream(_)) => {
                if let Some(b) = stream_bytes(doc, o, self.budget) {
                    content = b;
                }
            }
            _ => {}
        }
        let gs = GState {
            ctm: base,
            font: None,
            size: 0.0,
            tc: 0.0,
            tw: 0.0,
            th: 1.0,
            tl: 0.0,
            rise: 0.0,
        };
        self.run(&mut run, &content, res, gs);
        run.page
    }

    fn font(&mut self, res: Option<&Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let doc = self.doc;
        let fonts = dict(doc, res?.get(b"Font").ok())?;
        let fo = fonts.get(name).ok()?;
        if let Object::Reference(id) = fo {
            if let Some(f) = self.fonts.get(id) {
                return Some(f.clone());
            }
            let f = Rc::new(Font::load(doc, dict(doc, Some(fo))?, self.budget));
            self.fonts.insert(*id, f.clone());
            return Some(f);
        }
        Some(Rc::new(Font::load(doc, dict(doc, Some(fo))?, self.budget)))
    }

    fn run(&mut self, run: &mut Run, content: &[u8], res: Option<&Dictionary>, mut gs: GState) {
        let left = MAX_OPS.saturating_sub(run.ops);
        let ops = lex::parse(content, left);
        if ops.len() >= left {
            run.page.truncated = true;
        }
        run.ops += ops.len();
        let mut stack: Vec<GState> = Vec::new();
        let mut tp = TextPos { tm: ID, tlm: ID };
        for Op { op, args } in &ops {
            let n = |i: usize| args.get(i).and_then(Operand::num).unwrap_or(0.0);
            match op.as_slice() {
                b"q" if stack.len() < 256 => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                b"cm" if args.len() >= 6 => {
                    let m = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    gs.ctm = mul(&m, &gs.ctm);
                }
                b"EI" => run.page.images += 1,
                b"Do" => {
                    if let Some(Operand::Name(name)) = args.first() {
                        self.xobject(run, res, name, &gs);
                    }
                }
                _ => {
                    if !self.text_op(run, res, op, args, &mut gs, &mut tp) {
                        self.path_op(run, op, args, &gs);
                    }
                }
            }
            if run.page.chars.len() >= MAX_CHARS {
                run.page.truncated = true;
                break;
            }
        }
    }

    /// A text operator (state, position, showing): false when `op` is none.
    fn text_op(
        &mut self,
        run: &mut Run,
        res: Option<&Dictionary>,
        op: &[u8],
        args: &[Operand],
        gs: &mut GState,
        tp: &mut TextPos,
    ) -> bool {
        let n = |i: usize| args.get(i).and_then(Operand::num).unwrap_or(0.0);
        let TextPos { tm, tlm } = tp;
        match op {
            b"BT" => {
                *tm = ID;
                *tlm = ID;
            }
            b"Tf" => {
                gs.size = n(1);
                if let Some(Operand::Name(name)) = args.first() {
                    gs.font = self.font(res, name);
                }
            }
            b"Tc" => gs.tc = n(0),
            b"Tw" => gs.tw = n(0),
            b"Tz" => gs.th = n(0) / 100.0,
            b"TL" => gs.tl = n(0),
            b"Ts" => gs.rise = n(0),
            b"Td" => {
                *tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], tlm);
                *tm = *tlm;
            }
            b"TD" => {
                gs.tl = -n(1);
                *tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], tlm);
                *tm = *tlm;
            }
            b"Tm" if args.len() >= 6 => {
                *tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                *tm = *tlm;
            }
            b"T*" => {
                *tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.tl], tlm);
                *tm = *tlm;
            }
            b"Tj" => {
                if let Some(Operand::Str(s)) = args.first() {
                    self.show(run, gs, tm, s);
                }
            }
            b"'" | b"\"" => {
                if op == b"\"" {
                    gs.tw = n(0);
                    gs.tc = n(1);
                }
                *tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.tl], tlm);
                *tm = *tlm;
                if let Some(Operand::Str(s)) = args.last() {
                    self.show(run, gs, tm, s);
                }
            }
            b"TJ" => {
                if let Some(Operand::Arr(items)) = args.first() {
                    for it in items {
                        match it {
                            Operand::Str(s) => self.show(run, gs, tm, s),
                            Operand::Num(k) if k.is_finite() => {
                                let tx = -k / 1000.0 * gs.size * gs.th;
                                *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
                            }
                            _ => {}
                        }
                    }
                }
            }
            _ => return false,
        }
        true
    }

    /// A path operator: construction (in device space), painting, ending.
    fn path_op(&mut self, run: &mut Run, op: &[u8], args: &[Operand], gs: &GState) {
        let n = |i: usize| args.get(i).and_then(Operand::num).unwrap_or(0.0);
        match op {
            b"m" => {
                run.path.push(vec![apply(&gs.ctm, n(0), n(1))]);
            }
            b"l" => {
                let p = apply(&gs.ctm, n(0), n(1));
                match run.path.last_mut() {
                    Some(sp) if sp.len() < 100_000 => sp.push(p),
                    _ => run.path.push(vec![p]),
                }
            }
            b"c" | b"v" | b"y" => {
                run.path_curved = true;
                let k = args.len().saturating_sub(2);
                let p = apply(&gs.ctm, n(k), n(k + 1));
                if let Some(sp) = run.path.last_mut() {
                    sp.push(p);
                }
            }
            b"h" => {
                if let Some(sp) = run.path.last_mut() {
                    if let Some(&f) = sp.first() {
                        if sp.len() < 100_000 {
                            sp.push(f);
                        }
                    }
                }
            }
            b"re" => {
                let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                let pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)];
                if run.path.len() < 100_000 {
                    run.path
                        .push(pts.iter().map(|&(a, b)| apply(&gs.ctm, a, b)).collect());
                }
            }
            b"S" | b"s" => {
                if op == b"s" {
                    close_all(&mut run.path);
                }
                self.stroke(run);
            }
            b"f" | b"F" | b"f*" => self.fill(run),
            b"B" | b"B*" | b"b" | b"b*" => {
                if op.starts_with(b"b") {
                    close_all(&mut run.path);
                }
                self.stroke(run);
            }
            b"n" => {
                run.path.clear();
                run.path_curved = false;
            }
            _ => {}
        }
    }

    fn xobject(&mut self, run: &mut Run, res: Option<&Dictionary>, name: &[u8], gs: &GState) {
        let doc = self.doc;
        let Some(xo) = res
            .and_then(|r| dict(doc, r.get(b"XObject").ok()))
            .and_then(|x| x.get(name).ok())
        else {
            return;
        };
        let Object::Stream(s) = deref(doc, xo) else {
            return;
        };
        let sub = s
            .dict
            .get(b"Subtype")
            .ok()
            .and_then(|o| match deref(doc, o) {
                Object::Name(n) => Some(n.as_slice()),
                _ => None,
            });
        match sub {
            Some(b"Image") => run.page.images += 1,
            Some(b"Form") => {
                let id = match xo {
                    Object::Reference(id) => Some(*id),
                    _ => None,
                };
                if run.stack.len() >= MAX_DEPTH || id.is_some_and(|id| run.stack.contains(&id)) {
                    return;
                }
                let Some(bytes) = stream_bytes(doc, xo, self.budget) else {
                    return;
                };
                let mut inner = gs.clone();
                if let Some(m) = arr(doc, s.dict.get(b"Matrix").ok()) {
                    let v: Vec<f64> = m.iter().filter_map(|o| num(doc, Some(o))).collect();
                    if v.len() == 6 {
                        inner.ctm = mul(&[v[0], v[1], v[2], v[3], v[4], v[5]], &gs.ctm);
                    }
                }
                let own = dict(doc, s.dict.get(b"Resources").ok());
                run.stack.push(id.unwrap_or((0, 0)));
                let saved = std::mem::take(&mut run.path);
                self.run(run, &bytes, own.or(res), inner);
                run.path = saved;
                run.stack.pop();
            }
            _ => {}
        }
    }

    fn show(&mut self, run: &mut Run, gs: &GState, tm: &mut M, s: &[u8]) {
        let Some(font) = gs.font.clone() else {
            return;
        };
        let glyphs = font.decode(s);
        if font.unknown.get() {
            self.unknown_glyphs = true;
        }
        let fs = gs.size;
        for g in glyphs {
            let trm = mul(&[fs * gs.th, 0.0, 0.0, fs, 0.0, gs.rise], &mul(tm, &gs.ctm));
            let (ox, oy) = apply(&trm, 0.0, 0.0);
            let (ex, ey) = apply(&trm, g.width, 0.0);
            let (ux, uy) = (trm[2], trm[3]);
            let size = (ux * ux + uy * uy).sqrt() * font.vscale;
            let t = g.text.trim_matches('\0');
            if !t.is_empty() && size > 0.1 && ox.is_finite() && oy.is_finite() {
                let (x0, x1, y) = if (ex - ox).abs() >= (ey - oy).abs() {
                    (ox.min(ex), ox.max(ex), oy)
                } else {
                    // Rotated text: the glyph stands at its origin.
                    (ox, ox + size, oy.max(ey))
                };
                // Diagonal text (watermarks) and text outside the visible page are not read.
                let (dx, dy) = (trm[0].abs(), trm[1].abs());
                let diagonal = dx.min(dy) > 0.2 * dx.max(dy);
                let (cx, cy) = ((x0 + x1) / 2.0, y - size / 2.0);
                let (w, h) = (run.page.width, run.page.height);
                let visible = cx > -1.0 && cx < w + 1.0 && cy > -1.0 && cy < h + 1.0;
                if !diagonal && visible {
                    run.page.chars.push(Char {
                        text: t.to_string(),
                        x0,
                        x1,
                        y,
                        size,
                    });
                }
            }
            let adv = (g.width * fs + gs.tc + if g.is_space { gs.tw } else { 0.0 }) * gs.th;
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, adv, 0.0], tm);
        }
    }

    fn stroke(&mut self, run: &mut Run) {
        for sp in std::mem::take(&mut run.path) {
            for w in sp.windows(2) {
                push_rule(&mut run.page.rules, w[0], w[1]);
            }
        }
        run.path_curved = false;
    }

    fn fill(&mut self, run: &mut Run) {
        // Filled thin rectangles are rules (Chromium and Word draw borders so).
        for sp in std::mem::take(&mut run.path) {
            if sp.len() < 4 || sp.len() > 5 {
                continue;
            }
            let xs = sp.iter().map(|p| p.0);
            let ys = sp.iter().map(|p| p.1);
            let (x0, x1) = xs.fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)));
            let (y0, y1) = ys.fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)));
            // Axis-aligned: every point on the box's edges.
            let on_box = sp.iter().all(|&(x, y)| {
                ((x - x0).abs() < 0.1 || (x - x1).abs() < 0.1)
                    && ((y - y0).abs() < 0.1 || (y - y1).abs() < 0.1)
            });
            if !on_box {
                continue;
            }
            let (w, h) = (x1 - x0, y1 - y0);
            if h <= 3.0 && w >= 2.0 * h && w > 1.5 {
                let y = (y0 + y1) / 2.0;
                push_rule(&mut run.page.rules, (x0, y), (x1, y));
            } else if w <= 3.0 && h >= 2.0 * w && h > 1.5 {
                let x = (x0 + x1) / 2.0;
                push_rule(&mut run.page.rules, (x, y0), (x, y1));
            }
        }
        run.path_curved = false;
    }
}

fn close_all(path: &mut [Vec<(f64, f64)>]) {
    for sp in path {
        if let (Some(&f), Some(&l)) = (sp.first(), sp.last()) {
            if f != l {
                sp.push(f);
            }
        }
    }
}

fn push_rule(rules: &mut Vec<Rule>, p: (f64, f64), q: (f64, f64)) {
    if rules.len() >= 200_000
        || !(p.0.is_finite() && p.1.is_finite() && q.0.is_finite() && q.1.is_finite())
    {
        return;
    }
    if (p.1 - q.1).abs() < 0.5 && (p.0 - q.0).abs() > 1.0 {
        rules.push(Rule {
            horizontal: true,
            pos: (p.1 + q.1) / 2.0,
            a: p.0.min(q.0),
            b: p.0.max(q.0),
        });
    } else if (p.0 - q.0).abs() < 0.5 && (p.1 - q.1).abs() > 1.0 {
        rules.push(Rule {
            horizontal: false,
            pos: (p.0 + q.0) / 2.0,
            a: p.1.min(q.1),
            b: p.1.max(q.1),
        });
    }
}

/// A page attribute, looked up the page tree (Resources, MediaBox, CropBox, Rotate inherit).
fn inherited<'a>(doc: &'a PdfDoc, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut d = page;
    for _ in 0..32 {
        if let Ok(v) = d.get(key) {
            return Some(v);
        }
        d = dict(doc, d.get(b"Parent").ok())?;
    }
    None
}
