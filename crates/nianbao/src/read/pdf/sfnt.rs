//! Glyph → Unicode from an embedded TrueType/OpenType font's `cmap` table, for CID fonts that
//! carry no ToUnicode CMap (older WPS and print-driver PDFs): inverting the font's own
//! character map recovers the text that copy-and-paste would otherwise turn into garbage.

use std::collections::HashMap;

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(i)?, *b.get(i + 1)?]))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *b.get(i)?,
        *b.get(i + 1)?,
        *b.get(i + 2)?,
        *b.get(i + 3)?,
    ]))
}

/// Prefer a unified ideograph over a radical or compatibility form for the same glyph.
fn better(new: char, old: char) -> bool {
    let rank = |c: char| match c as u32 {
        0x4E00..=0x9FFF => 0,
        0x2E80..=0x2FDF | 0xF900..=0xFAFF => 2,
        _ => 1,
    };
    rank(new) < rank(old)
}

fn put(map: &mut HashMap<u16, char>, gid: u32, code: u32) {
    if gid == 0 || gid > 0xFFFF || map.len() > 200_000 {
        return;
    }
    let Some(c) = char::from_u32(code) else {
        return;
    };
    let gid = gid as u16;
    match map.get(&gid) {
        Some(&old) if !better(c, old) => {}
        _ => {
            map.insert(gid, c);
        }
    }
}

/// Glyph id → character, from the font's Unicode `cmap` subtable (format 4 or 12). Empty if the
/// font has none or is not an sfnt.
pub fn glyph_unicode(font: &[u8]) -> HashMap<u16, char> {
    let mut map = HashMap::new();
    let Some(n) = u16_at(font, 4) else { return map };
    let cmap = (0..n as usize)
        .map(|i| 12 + 16 * i)
        .find(|&r| font.get(r..r + 4) == Some(b"cmap"))
        .and_then(|r| u32_at(font, r + 8));
    let Some(cmap) = cmap.map(|o| o as usize) else {
        return map;
    };
    let Some(count) = u16_at(font, cmap + 2) else {
        return map;
    };
    let mut best: Option<(u8, usize)> = None;
    for i in 0..count as usize {
        let r = cmap + 4 + 8 * i;
        let (Some(pid), Some(eid), Some(off)) =
            (u16_at(font, r), u16_at(font, r + 2), u32_at(font, r + 4))
        else {
            break;
        };
        let rank = match (pid, eid) {
            (3, 10) | (0, 4) | (0, 6) => 3,
            (3, 1) | (0, _) => 2,
            _ => 0,
        };
        if rank > 0 && best.is_none_or(|(b, _)| rank > b) {
            best = Some((rank, cmap + off as usize));
        }
    }
    let Some((_, t)) = best else { return map };
    match u16_at(font, t) {
        Some(4) => {
            let Some(seg2) = u16_at(font, t + 6).map(|v| v as usize) else {
                return map;
            };
            let ends = t + 14;
            let starts = ends + seg2 + 2;
            let deltas = starts + seg2;
            let ranges = deltas + seg2;
            for s in (0..seg2).step_by(2) {
                let (Some(end), Some(start), Some(delta), Some(ro)) = (
                    u16_at(font, ends + s),
                    u16_at(font, starts + s),
                    u16_at(font, deltas + s),
                    u16_at(font, ranges + s),
                ) else {
                    break;
                };
                if start > end {
                    continue;
                }
                for c in start..=end {
                    if c == 0xFFFF {
                        break;
                    }
                    let gid = if ro == 0 {
                        c.wrapping_add(delta)
                    } else {
                        let at = ranges + s + ro as usize + 2 * (c - start) as usize;
                        match u16_at(font, at) {
                            Some(0) | None => continue,
                            Some(g) => g.wrapping_add(delta),
                        }
                    };
                    put(&mut map, gid as u32, c as u32);
                }
            }
        }
        Some(12) => {
            let Some(groups) = u32_at(font, t + 12) else {
                return map;
            };
            for g in 0..groups.min(100_000) as usize {
                let r = t + 16 + 12 * g;
                let (Some(a), Some(b), Some(gid)) =
                    (u32_at(font, r), u32_at(font, r + 4), u32_at(font, r + 8))
                else {
                    break;
                };
                if b < a || b - a > 0x10000 {
                    continue;
                }
                for (k, c) in (a..=b).enumerate() {
                    put(&mut map, gid + k as u32, c);
                }
            }
        }
        _ => {}
    }
    map
}

/// A minimal sfnt with only a format-4 `cmap`: (code, glyph) pairs, one segment each.
#[cfg(test)]
pub fn test_font(pairs: &[(u16, u16)]) -> Vec<u8> {
    let segs: Vec<(u16, u16)> = pairs.iter().copied().chain([(0xFFFF, 0)]).collect();
    let seg2 = (segs.len() * 2) as u16;
    let mut sub = Vec::new();
    let len = 16 + 8 * segs.len();
    for v in [4u16, len as u16, 0, seg2, 0, 0, 0] {
        sub.extend_from_slice(&v.to_be_bytes());
    }
    for (c, _) in &segs {
        sub.extend_from_slice(&c.to_be_bytes());
    }
    sub.extend_from_slice(&[0, 0]);
    for (c, _) in &segs {
        sub.extend_from_slice(&c.to_be_bytes());
    }
    for (c, g) in &segs {
        sub.extend_from_slice(&g.wrapping_sub(*c).to_be_bytes());
    }
    for _ in &segs {
        sub.extend_from_slice(&[0, 0]);
    }
    let mut cmap = vec![0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12];
    cmap.extend_from_slice(&sub);
    let mut f = vec![0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
    f.extend_from_slice(b"cmap");
    f.extend_from_slice(&[0, 0, 0, 0]);
    f.extend_from_slice(&28u32.to_be_bytes());
    f.extend_from_slice(&(cmap.len() as u32).to_be_bytes());
    f.extend_from_slice(&cmap);
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_4_inverted_preferring_ideographs() {
        let f = test_font(&[(0x2F00, 7), (0x4E00, 7), (0x0041, 3)]);
        let m = glyph_unicode(&f);
        assert_eq!(m.get(&7), Some(&'一'));
        assert_eq!(m.get(&3), Some(&'A'));
        assert!(glyph_unicode(&f[..20]).is_empty());
        assert!(glyph_unicode(b"garbage").is_empty());
    }
}
