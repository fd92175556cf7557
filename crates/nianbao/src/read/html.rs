//! Placeholder: the html reader is being written.

use super::ReadError;
use crate::document::Document;

pub fn read(_bytes: &[u8], _legacy: super::Legacy) -> Result<Document, ReadError> {
    Err(ReadError::new("尚不支持", "not supported yet"))
}

pub fn read_pasted(_html: &str) -> Document {
    Document::default()
}
