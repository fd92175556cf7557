//! A 2021-format report whose part 三 table still has the 2019 form's single row "（六）其他处理"
//! (common in 2023–2024 reports) instead of the 2021 form's three sub-rows under it. Such a table
//! is the 2019 form's part 三 table (the rest is the same): it is read as that, so its row
//! (六) stands for the group's total, the identities of the 2019 form check it, and one warning
//! says the table uses the outdated row (`rules::cells`). The three sub-rows are then not
//! "missing", and a real error in （七）总计 is still found.

use crate::result::{RowOut, TableOut};
use crate::spec::Format;
use crate::tables::TableRead;

/// Keys of the 2021 form's sub-rows of （六）其他处理.
const SUB_ROWS: [&str; 3] = ["3.6.1", "3.6.2", "3.6.3"];

/// The layout of part 三's table as read: the 2019 form's rows when the table has the single
/// row （六）其他处理 (key "3.6"), otherwise `format`'s. The identities and row names of a table
/// are those of its layout (rows are indexed by it).
pub fn request_layout(format: Format, t: &TableOut) -> Format {
    if t.rows.iter().any(|r| r.key == "3.6") {
        Format::F2019
    } else {
        format
    }
}

/// Whether a table read in `format` uses the 2019 form's row （六）其他处理 in a 2021 report.
pub fn uses_old_other_row(format: Format, t: &TableOut) -> bool {
    format == Format::F2021 && request_layout(format, t) == Format::F2019
}

/// `t` read in the 2021 form; when none of the three sub-rows of （六）其他处理 was found, at most
/// one row of that group was left without a label (the old row, read as the group's label with
/// numbers), and the table read in the 2019 form (`as_2019`) finds the row （六）其他处理 with
/// numbers and every row the 2021 reading found, that reading is the table's.
pub fn prefer_old_other_row(
    format: Format,
    t: TableRead,
    as_2019: impl FnOnce() -> Option<TableRead>,
) -> TableRead {
    if format != Format::F2021 || !t.out.found {
        return t;
    }
    let missing = |t: &TableOut, k: &str| t.row(k).is_none_or(|r| !r.found);
    if !SUB_ROWS.iter().all(|k| missing(&t.out, k)) {
        return t;
    }
    if t.unplaced
        .iter()
        .any(|(g, _, lines)| g != "3.6" || lines.len() > 1)
    {
        return t;
    }
    let Some(old) = as_2019() else {
        return t;
    };
    let has_row = old
        .out
        .row("3.6")
        .is_some_and(|r: &RowOut| r.found && r.numbers > 0);
    let found = |t: &TableOut| t.rows.iter().filter(|r| r.found && r.key != "3.6").count();
    if has_row && found(&old.out) >= found(&t.out) && old.unplaced.is_empty() {
        old
    } else {
        t
    }
}
