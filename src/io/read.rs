//! From disk to text: a file read whole, within the size limit and with
//! progress, and its bytes checked to be UTF-8 text (UTF-16 and binary data
//! get their own messages).

use std::path::Path;

use super::error::LoadError;
use crate::model::limits::MAX_FILE_BYTES;

/// The bytes of a file of at most [`MAX_FILE_BYTES`]; a bigger one is
/// refused before it is read.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_limited_with(path, &mut |_, _| true)
}

/// [`read_limited`], telling `progress` (bytes read, file size) after each
/// piece; when it answers `false` the reading stops with
/// [`LoadError::Cancelled`].
pub fn read_limited_with(
    path: &Path,
    progress: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    const PIECE: u64 = 1 << 20;
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooBig { bytes: size });
    }
    // The file may grow while it is read: read one byte past the limit.
    let mut reader = file.take(MAX_FILE_BYTES + 1);
    let mut bytes = Vec::with_capacity(size as usize);
    loop {
        let read = (&mut reader).take(PIECE).read_to_end(&mut bytes)?;
        if read == 0 {
            break;
        }
        if !progress(bytes.len() as u64, size) {
            return Err(LoadError::Cancelled);
        }
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooBig {
            bytes: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// Refuses text that is not UTF-8: UTF-16 and binary data get their own messages.
pub(super) fn decode_text(bytes: &[u8]) -> Result<&str, LoadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Err(LoadError::Utf16("little-endian byte order mark"));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::Utf16("big-endian byte order mark"));
    }
    let head = &bytes[..bytes.len().min(64)];
    let nul_at_odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let nul_at_even = head.iter().step_by(2).filter(|b| **b == 0).count();
    if head.len() >= 4 && (nul_at_odd * 2 >= head.len() / 2 || nul_at_even * 2 >= head.len() / 2) {
        return Err(LoadError::Utf16("no byte order mark"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let what = format!("byte 0x{:02x}", bytes.get(offset).copied().unwrap_or(0));
        not_text(bytes, offset, what)
    })?;
    if let Some(offset) = text.find('\0') {
        return Err(not_text(
            bytes,
            offset,
            "a NUL byte (binary data)".to_owned(),
        ));
    }
    Ok(text)
}

fn not_text(bytes: &[u8], offset: usize, what: String) -> LoadError {
    let before = &bytes[..offset];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    LoadError::NotText {
        what,
        line,
        column: offset - line_start + 1,
    }
}
