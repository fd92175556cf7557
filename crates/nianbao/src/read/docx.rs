//! Placeholder: the docx reader is being written.

use super::ReadError;
use crate::document::Document;

pub fn read(_bytes: &[u8]) -> Result<Document, ReadError> {
    Err(ReadError::new("尚不支持", "not supported yet"))
}
