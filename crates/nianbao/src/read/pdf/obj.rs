//! Small helpers over lopdf objects: follow references (with a cap), typed getters, and
//! decoded stream bytes counted against a budget.

use lopdf::{Dictionary, Document as PdfDoc, Object};

/// Work limits for one file.
#[derive(Debug)]
pub struct Budget {
    /// Decoded stream bytes still allowed.
    pub bytes: usize,
    /// A stream was skipped because the budget ran out (or it would not decode).
    pub exhausted: bool,
}

/// Decoded stream bytes allowed per file.
pub const MAX_DECODED: usize = 256 << 20;

/// Follows references (at most 32 hops: reference chains can loop).
pub fn deref<'a>(doc: &'a PdfDoc, mut o: &'a Object) -> &'a Object {
    for _ in 0..32 {
        match o {
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(x) => o = x,
                Err(_) => return &Object::Null,
            },
            _ => return o,
        }
    }
    &Object::Null
}

pub fn dict<'a>(doc: &'a PdfDoc, o: Option<&'a Object>) -> Option<&'a Dictionary> {
    match deref(doc, o?) {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

pub fn arr<'a>(doc: &'a PdfDoc, o: Option<&'a Object>) -> Option<&'a [Object]> {
    match deref(doc, o?) {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

pub fn name(doc: &PdfDoc, o: Option<&Object>) -> Option<Vec<u8>> {
    match deref(doc, o?) {
        Object::Name(n) => Some(n.clone()),
        _ => None,
    }
}

pub fn num(doc: &PdfDoc, o: Option<&Object>) -> Option<f64> {
    match deref(doc, o?) {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) if r.is_finite() => Some(*r as f64),
        _ => None,
    }
}

/// Four numbers (a rectangle), normalised so that x0 ≤ x1 and y0 ≤ y1.
pub fn rect(doc: &PdfDoc, o: Option<&Object>) -> Option<[f64; 4]> {
    let a = arr(doc, o)?;
    if a.len() != 4 {
        return None;
    }
    let v: Vec<f64> = a.iter().filter_map(|x| num(doc, Some(x))).collect();
    if v.len() != 4 {
        return None;
    }
    let r = [
        v[0].min(v[2]),
        v[1].min(v[3]),
        v[0].max(v[2]),
        v[1].max(v[3]),
    ];
    (r[2] - r[0] > 1.0 && r[3] - r[1] > 1.0 && r.iter().all(|x| x.abs() < 1e6)).then_some(r)
}

/// A stream's decoded bytes, within the budget. None if it is not a stream, does not decode or
/// the budget is spent.
pub fn stream_bytes(doc: &PdfDoc, o: &Object, budget: &mut Budget) -> Option<Vec<u8>> {
    let Object::Stream(s) = deref(doc, o) else {
        return None;
    };
    if budget.bytes == 0 {
        budget.exhausted = true;
        return None;
    }
    let data = if s.dict.get(b"Filter").is_ok() {
        match s.decompressed_content_with_limit(budget.bytes) {
            Ok(d) => d,
            Err(_) => {
                // Some writers compress without saying so correctly; a failed filter leaves
                // the raw bytes, which is what lopdf's lenient readers do too.
                if s.content.len() <= budget.bytes
                    && !s.content.is_empty()
                    && !looks_binary(&s.content)
                {
                    s.content.clone()
                } else {
                    budget.exhausted = true;
                    return None;
                }
            }
        }
    } else {
        if s.content.len() > budget.bytes {
            budget.exhausted = true;
            return None;
        }
        s.content.clone()
    };
    budget.bytes = budget.bytes.saturating_sub(data.len());
    Some(data)
}

fn looks_binary(b: &[u8]) -> bool {
    let n = b.len().min(256);
    b[..n]
        .iter()
        .filter(|&&c| c < 9 || (c > 13 && c < 32) || c > 126)
        .count()
        * 4
        > n
}
