//! Masking personal information wherever it is shown to someone who does not handle it, and in
//! logs (PIPL): phones as `138****5678`, email addresses as `z***@example.com`.

use crate::notify::Channel;

/// A phone number with the four characters before its last four hidden: `13812345678` →
/// `138****5678`, `+8613812345678` → `+86138****5678`. Short strings keep only their last
/// two characters.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    let n = chars.len();
    if n < 8 {
        let keep = n.saturating_sub(2);
        return chars
            .iter()
            .enumerate()
            .map(|(i, c)| if i < keep { '*' } else { *c })
            .collect();
    }
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| if (n - 8..n - 4).contains(&i) { '*' } else { *c })
        .collect()
}

/// An email address with its local part reduced to the first character: `zhangsan@x.cn` →
/// `z***@x.cn`. Anything without an `@` is masked like a phone number.
pub fn mask_email(address: &str) -> String {
    match address.rsplit_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => mask_phone(address),
    }
}

/// The recipient of a message on `channel`, masked.
pub fn mask_recipient(channel: Channel, recipient: &str) -> String {
    match channel {
        Channel::Sms => mask_phone(recipient),
        Channel::Email => mask_email(recipient),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_show_the_first_three_and_last_four_digits() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("+8613812345678"), "+86138****5678");
        assert_eq!(mask_phone("12345678"), "****5678");
        assert_eq!(mask_phone("12345"), "***45");
        assert_eq!(mask_phone(""), "");
    }

    #[test]
    fn emails_keep_the_domain_and_one_character() {
        assert_eq!(mask_email("zhangsan@example.com"), "z***@example.com");
        assert_eq!(mask_email("张三@例子.中国"), "张***@例子.中国");
        assert_eq!(mask_email("@example.com"), "***@example.com");
        assert_eq!(mask_recipient(Channel::Email, "li@x.cn"), "l***@x.cn");
        assert_eq!(mask_recipient(Channel::Sms, "13812345678"), "138****5678");
    }

    #[test]
    fn no_masked_phone_reveals_the_middle_digits() {
        for n in 8..=15 {
            let phone: String = (0..n).map(|i| char::from(b'0' + (i % 10) as u8)).collect();
            let masked = mask_phone(&phone);
            assert_eq!(masked.chars().count(), n);
            assert_eq!(masked.matches('*').count(), 4, "{masked}");
            assert!(masked.ends_with(&phone[n - 4..]));
        }
    }
}
