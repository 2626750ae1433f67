//! Attachments (images and PDF) of a petition: the kind is decided by the file's first bytes,
//! never by its name or the type the browser declared.

use crate::message::Msg;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    Jpeg,
    Png,
    Pdf,
}

impl FileKind {
    pub const ALL: [Self; 3] = [Self::Jpeg, Self::Png, Self::Pdf];

    /// The kind the content shows, from its signature ("magic number"); `None` for anything else.
    pub fn sniff(head: &[u8]) -> Option<Self> {
        if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Self::Jpeg)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if head.starts_with(b"%PDF-") {
            Some(Self::Pdf)
        } else {
            None
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Pdf => "application/pdf",
        }
    }

    pub fn from_media_type(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.media_type() == s)
    }

    /// The file-name extensions of the kind; the first is the one a download gets.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Jpeg => &["jpg", "jpeg"],
            Self::Png => &["png"],
            Self::Pdf => &["pdf"],
        }
    }

    pub fn label(self) -> Msg {
        match self {
            Self::Jpeg => Msg::new("file-kind-jpeg"),
            Self::Png => Msg::new("file-kind-png"),
            Self::Pdf => Msg::new("file-kind-pdf"),
        }
    }
}

/// The name to show for an uploaded file: without any folder part, control characters or bidi overrides, at most
/// 80 characters; `附件` when nothing is left.
pub fn display_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        // Control characters, and the bidi overrides that make `exe.jpg` look like `gpj.exe`.
        .filter(|c| {
            !c.is_control()
                && !('\u{202a}'..='\u{202e}').contains(c)
                && !('\u{2066}'..='\u{2069}').contains(c)
        })
        .take(80)
        .collect();
    let clean = clean.trim();
    if clean.is_empty() {
        "附件".to_owned()
    } else {
        clean.to_owned()
    }
}

/// The name a download is saved under: the shown name with its extension made the one of the
/// kind the content was sniffed as, so that a JPEG named `证据照片.hta` or `scan.jpg   .exe` is saved
/// as a picture and never run as a program. The citizen's own name stays visible in the portal.
pub fn download_name(shown: &str, kind: FileKind) -> String {
    let shown = display_name(shown);
    let stem = match shown.rsplit_once('.') {
        Some((stem, ext))
            if !kind
                .extensions()
                .iter()
                .any(|k| ext.eq_ignore_ascii_case(k)) =>
        {
            stem
        }
        Some(_) => return shown,
        None => shown.as_str(),
    };
    // Spaces and dots before the extension hide it (`scan.jpg      .exe`).
    let stem = stem.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    let stem = match stem.rsplit_once('.') {
        Some((inner, ext))
            if kind
                .extensions()
                .iter()
                .any(|k| ext.eq_ignore_ascii_case(k)) =>
        {
            inner
        }
        _ => stem,
    };
    let stem = stem.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    let stem = if stem.is_empty() { "附件" } else { stem };
    format!("{stem}.{}", kind.extensions()[0])
}

/// A size in words: `850 KB`, `2.4 MB`.
pub fn size_label(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// The largest file a petition or an application may carry, in bytes.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;

/// Upload tokens, like forms' one-time tokens (128 random bits), are 32 lower-case hex digits;
/// anything else is not ours.
pub fn is_token(s: &str) -> bool {
    s.len() == 32
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_download_is_named_for_what_its_content_is() {
        use FileKind::*;
        for (shown, kind, saved) in [
            ("证据照片.hta", Jpeg, "证据照片.jpg"),
            ("欠条.html", Pdf, "欠条.pdf"),
            ("scan.jpg      .exe", Jpeg, "scan.jpg"),
            ("scan.jpg . . .exe", Jpeg, "scan.jpg"),
            ("photo.JPEG", Jpeg, "photo.JPEG"),
            ("合同.pdf", Pdf, "合同.pdf"),
            ("合同", Pdf, "合同.pdf"),
            ("图.png.exe", Png, "图.png"),
            ("report.pdf.scr", Pdf, "report.pdf"),
            (".exe", Png, "附件.png"),
            ("a.b.c", Jpeg, "a.b.jpg"),
        ] {
            assert_eq!(download_name(shown, kind), saved, "{shown}");
        }
    }

    #[test]
    fn the_content_decides_the_kind() {
        assert_eq!(
            FileKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]),
            Some(FileKind::Jpeg)
        );
        assert_eq!(
            FileKind::sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(FileKind::Png)
        );
        assert_eq!(FileKind::sniff(b"%PDF-1.7\n"), Some(FileKind::Pdf));
        assert_eq!(FileKind::sniff(b"<html><script>"), None);
        assert_eq!(
            FileKind::sniff(b"MZ\x90\0"),
            None,
            "a Windows program named photo.jpg"
        );
        assert_eq!(FileKind::sniff(b"GIF89a"), None);
        assert_eq!(FileKind::sniff(b""), None);
        for k in FileKind::ALL {
            assert_eq!(FileKind::from_media_type(k.media_type()), Some(k));
        }
    }

    #[test]
    fn names_lose_their_folders_and_control_characters() {
        assert_eq!(display_name("C:\\Users\\张三\\欠条.jpg"), "欠条.jpg");
        assert_eq!(display_name("../../etc/passwd"), "passwd");
        assert_eq!(display_name("a\u{0}b\u{202e}fdp.exe"), "abfdp.exe");
        assert_eq!(display_name("  "), "附件");
        assert_eq!(display_name(&"长".repeat(200)).chars().count(), 80);
    }

    #[test]
    fn sizes_are_said_plainly() {
        assert_eq!(size_label(1), "1 KB");
        assert_eq!(size_label(2_500_000), "2.4 MB");
    }
}
