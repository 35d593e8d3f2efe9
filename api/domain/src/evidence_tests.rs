use super::*;

fn with_tail(head: &[u8]) -> Vec<u8> {
    let mut bytes = head.to_vec();
    bytes.extend_from_slice(&[0u8; 32]);
    bytes
}

#[test]
fn each_accepted_type_is_recognised_by_its_signature() {
    let cases: [(&[u8], MediaType); 10] = [
        (b"\xFF\xD8\xFF\xE0\x00\x10JFIF", MediaType::Jpeg),
        (b"\xFF\xD8\xFF\xE1\x00\x10Exif", MediaType::Jpeg),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", MediaType::Png),
        (b"GIF87a", MediaType::Gif),
        (b"GIF89a", MediaType::Gif),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", MediaType::Webp),
        (b"%PDF-1.7\n", MediaType::Pdf),
        (b"\x00\x00\x00\x18ftypheic", MediaType::Heic),
        (b"\x00\x00\x00\x18ftyphevc", MediaType::Heic),
        (b"\x00\x00\x00\x1cftypmif1", MediaType::Heif),
    ];
    for (head, expected) in cases {
        assert_eq!(
            MediaType::sniff(&with_tail(head)),
            Some(expected),
            "{head:?}"
        );
    }
}

#[test]
fn anything_else_is_refused_whatever_it_is_called() {
    let refused: [&[u8]; 13] = [
        b"",
        b"hello, this is a text file named photo.png",
        b"<html><script>alert(1)</script>",
        b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\">",
        b"<svg onload=alert(1)>",
        b"PK\x03\x04 a zip or docx",
        b"MZ\x90\x00 a Windows program",
        b"\x7fELF a Linux program",
        b"RIFF\x24\x00\x00\x00WAVEfmt ",
        b"\x00\x00\x00\x18ftypisom (an MP4 video)",
        b"\x00\x00\x00\x18ftypqt  (a QuickTime video)",
        b"  %PDF-1.7 (not at the start)",
        b"\xFF\xD8",
    ];
    for head in refused {
        assert_eq!(
            MediaType::sniff(head),
            None,
            "{:?}",
            String::from_utf8_lossy(head)
        );
    }
}

#[test]
fn short_files_are_judged_on_what_there_is() {
    assert_eq!(MediaType::sniff(b"\xFF\xD8\xFF"), Some(MediaType::Jpeg));
    assert_eq!(MediaType::sniff(b"%PDF-"), Some(MediaType::Pdf));
    assert_eq!(MediaType::sniff(b"RIFF\x00\x00\x00\x00WEB"), None);
    assert_eq!(MediaType::sniff(b"\x00\x00\x00\x18ftyphei"), None);
}

#[test]
fn mime_names_round_trip_and_are_never_active_content() {
    for t in MediaType::ALL {
        assert_eq!(MediaType::from_mime(t.mime()), Some(t));
        assert!(t.mime().starts_with("image/") || t.mime() == "application/pdf");
        assert!(!t.mime().contains("svg") && !t.mime().contains("html"));
    }
    assert_eq!(MediaType::from_mime("image/svg+xml"), None);
    assert_eq!(MediaType::from_mime("text/html"), None);
}

#[test]
fn display_names_keep_what_the_user_called_the_file() {
    assert_eq!(display_name("发票.jpg", MediaType::Jpeg), "发票.jpg");
    assert_eq!(
        display_name("IMG_0001.JPEG", MediaType::Jpeg),
        "IMG_0001.JPEG"
    );
    assert_eq!(
        display_name("合同 第1页.pdf", MediaType::Pdf),
        "合同 第1页.pdf"
    );
    assert_eq!(
        display_name("IMG_0002.HEIC", MediaType::Heic),
        "IMG_0002.HEIC"
    );
}

#[test]
fn display_names_drop_paths_controls_and_invisible_characters() {
    assert_eq!(
        display_name("C:\\Users\\张三\\发票.png", MediaType::Png),
        "发票.png"
    );
    assert_eq!(
        display_name("../../etc/passwd", MediaType::Pdf),
        "passwd.pdf"
    );
    assert_eq!(display_name("a\r\nb\0.png", MediaType::Png), "ab.png");
    assert_eq!(
        display_name("invoice\u{202E}gnp.exe", MediaType::Png),
        "invoicegnp.exe.png"
    );
    assert_eq!(display_name("\u{200B}.png", MediaType::Png), "png.png");
}

#[test]
fn the_extension_always_fits_the_real_type() {
    assert_eq!(display_name("photo.png", MediaType::Pdf), "photo.png.pdf");
    assert_eq!(display_name("page.html", MediaType::Png), "page.html.png");
    assert_eq!(display_name("scan", MediaType::Pdf), "scan.pdf");
    assert_eq!(display_name(".png", MediaType::Png), "png.png");
    assert_eq!(display_name("photo.jpg", MediaType::Webp), "photo.jpg.webp");
}

#[test]
fn empty_names_become_evidence_and_long_ones_are_cut() {
    assert_eq!(display_name("", MediaType::Png), "evidence.png");
    assert_eq!(display_name("  ..  ", MediaType::Pdf), "evidence.pdf");
    assert_eq!(display_name("dir/", MediaType::Gif), "evidence.gif");
    let long = format!("{}.pdf", "证".repeat(300));
    let shown = display_name(&long, MediaType::Pdf);
    assert_eq!(shown.chars().count(), MAX_NAME_CHARS + 4);
    assert!(shown.ends_with(".pdf"));
}

#[test]
fn evidence_is_shown_to_filer_and_staff_and_a_business_only_for_a_complaint() {
    let kinds = [
        AppealKind::Complaint,
        AppealKind::Report,
        AppealKind::Suggestion,
        AppealKind::Consultation,
    ];
    for kind in kinds {
        assert!(evidence_visible(View::Filer, kind));
        assert!(evidence_visible(View::Staff, kind));
        assert_eq!(
            evidence_visible(View::Enterprise, kind),
            kind != AppealKind::Report,
            "{kind:?}"
        );
    }
}

#[test]
fn an_anonymous_reports_file_names_are_hidden_from_everyone_but_the_filer() {
    let name = "张三的发票.jpg";
    assert_eq!(
        shown_name(View::Filer, true, 0, name, MediaType::Jpeg),
        name
    );
    assert_eq!(
        shown_name(View::Staff, true, 2, name, MediaType::Jpeg),
        "evidence-3.jpg"
    );
    assert_eq!(
        shown_name(View::Enterprise, true, 0, name, MediaType::Pdf),
        "evidence-1.pdf"
    );
    for view in [View::Filer, View::Staff, View::Enterprise] {
        assert_eq!(shown_name(view, false, 0, name, MediaType::Jpeg), name);
    }
}

#[test]
fn a_selection_of_up_to_nine_distinct_ids_passes() {
    assert!(check_selection(&[]).is_empty());
    assert!(check_selection(&[1, 2, 3, 4, 5, 6, 7, 8, 9]).is_empty());
}

#[test]
fn a_tenth_id_and_repeated_ids_are_named_by_position() {
    let ids: Vec<i64> = (1..=11).collect();
    assert_eq!(
        check_selection(&ids),
        vec![
            (9, SelectionProblem::TooMany),
            (10, SelectionProblem::TooMany)
        ]
    );
    assert_eq!(
        check_selection(&[5, 6, 5, 5]),
        vec![
            (2, SelectionProblem::Duplicate),
            (3, SelectionProblem::Duplicate)
        ]
    );
}

#[test]
fn only_ones_own_unattached_uploads_may_be_attached() {
    let state = |uploaded_by_caller, attached| {
        Some(UploadState {
            uploaded_by_caller,
            attached,
        })
    };
    assert_eq!(may_attach(state(true, false)), Ok(()));
    assert_eq!(
        may_attach(state(true, true)),
        Err(SelectionProblem::AlreadyAttached)
    );
    // Someone else's upload, attached or not, and no upload at all: the same answer.
    assert_eq!(
        may_attach(state(false, false)),
        Err(SelectionProblem::NotYours)
    );
    assert_eq!(
        may_attach(state(false, true)),
        Err(SelectionProblem::NotYours)
    );
    assert_eq!(may_attach(None), Err(SelectionProblem::NotYours));
}

#[test]
fn signed_in_consumers_and_members_upload_clients_do_not() {
    use crate::access::{ClientId, OrgId, OrgKind, OrgPath, OrgRef, UserId};
    assert_eq!(may_upload(&Actor::Consumer { user: UserId(1) }), Ok(()));
    assert_eq!(may_upload(&Actor::Anonymous), Err(Denied::SignInRequired));
    let org = OrgRef {
        id: OrgId(2),
        kind: OrgKind::Enterprise,
        path: OrgPath(vec![OrgId(1), OrgId(2)]),
        division: None,
    };
    let member = Actor::Member {
        user: UserId(3),
        org: org.clone(),
        roles: Default::default(),
        second_factor: true,
    };
    assert_eq!(may_upload(&member), Ok(()));
    let client = Actor::Client {
        client: ClientId(4),
        org,
        scopes: Vec::new(),
    };
    assert_eq!(may_upload(&client), Err(Denied::Forbidden));
}
