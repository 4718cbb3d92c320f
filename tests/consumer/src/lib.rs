//! A consumer of elementa, written as another team would: its own type holds
//! generated resources and derives serde's traits.
#![forbid(unsafe_code)]

use elementa::Many;
use elementa_coupa::{ExpenseLine, User};
use serde::{Deserialize, Serialize};

/// What the team's service stores and sends on: a Coupa user and the
/// expense lines it approved.
#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Approval {
    /// The team's own field.
    pub batch: u32,
    /// A generated resource, in Coupa's JSON wire form.
    pub approver: User,
    /// A list of generated resources.
    pub lines: Many<ExpenseLine>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests panic on purpose

    use super::*;
    use elementa::Field;

    #[test]
    fn round_trips_through_serde_json_with_the_codec_bytes_inside() {
        let user: User = elementa_json::from_str(
            r#"{"id":20,"login":"jo","firstname":null,"generate-password-and-notify":"Maybe","custom-field-8":"Cost centre 4711","score":4E70}"#,
        )
        .unwrap();
        let approval = Approval {
            batch: 7,
            approver: user.clone(),
            lines: [1, 2]
                .into_iter()
                .map(|id| ExpenseLine {
                    id: Field::Value(id),
                    amount: "12.50".parse().map(Field::Value).unwrap(),
                    ..Default::default()
                })
                .collect(),
        };
        let text = serde_json::to_string(&approval).unwrap();
        let codec = elementa_json::to_string(&user);
        assert!(
            text.contains(&format!(r#""approver":{codec}"#)),
            "{text}\ndoes not hold the codec's bytes\n{codec}"
        );
        let back: Approval = serde_json::from_str(&text).unwrap();
        assert_eq!(back, approval);
        assert_eq!(
            back.lines.into_iter().map(|l| l.id).collect::<Vec<_>>(),
            [Field::Value(1), Field::Value(2)]
        );
    }
}
