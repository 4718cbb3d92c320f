//! Where a problem's element stands in the payload text: the byte offset of
//! a path in wire names (`[2].expense-lines[0].description`,
//! `faktura-vydana[1].polozkyDokladu[0].typSzbDphK@label`), found by reading
//! the text again — XML with quick-xml's reader, JSON with serde_json's raw
//! values, whose slices point into the text. A step that is not there (a
//! missing required element) stops at its parent, which is where it should
//! have been.

use std::collections::HashMap;

use elementa::ENVELOPE_ROOT;
use quick_xml::events::Event;
use serde_json::value::RawValue;

/// One step of a path.
#[derive(Debug, PartialEq, Eq)]
enum Step<'a> {
    Name(&'a str),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, mut rest) = match part.find('[') {
            Some(i) => part.split_at(i),
            None => (part, ""),
        };
        if !name.is_empty() {
            out.push(Step::Name(name));
        }
        while let Some(close) = rest.find(']') {
            if let Some(n) = rest.get(1..close).and_then(|n| n.parse().ok()) {
                out.push(Step::Index(n));
            }
            rest = rest.get(close + 1..).unwrap_or_default();
        }
    }
    out
}

/// The byte offset in `text` of the element at `path`, or of the nearest
/// enclosing one found.
pub fn locate(text: &str, xml: bool, path: &str) -> usize {
    let steps = steps(path);
    if xml {
        locate_xml(text, &steps)
    } else {
        locate_json(text, &steps)
    }
}

fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

fn locate_json(text: &str, steps: &[Step<'_>]) -> usize {
    // Offsets stay in `text`: the raw values point into it, mark or not.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Ok(mut current) = serde_json::from_str::<&RawValue>(body) else {
        return 0;
    };
    // A Flexi document: paths start at the evidence inside `winstrom`.
    if let Ok(root) = serde_json::from_str::<HashMap<String, &RawValue>>(current.get())
        && let Some(inner) = root.get(ENVELOPE_ROOT)
        && !matches!(steps.first(), Some(Step::Name(ENVELOPE_ROOT)))
    {
        current = inner;
    }
    for step in steps {
        let next = match step {
            // Flexi writes attributes as `@name` keys.
            Step::Name(name) => serde_json::from_str::<HashMap<String, &RawValue>>(current.get())
                .ok()
                .and_then(|map| {
                    map.get(*name)
                        .or_else(|| map.get(&format!("@{name}")))
                        .copied()
                }),
            // A lone object stands for a one-item list.
            Step::Index(i) => match serde_json::from_str::<Vec<&RawValue>>(current.get()) {
                Ok(items) => items.get(*i).copied(),
                Err(_) if *i == 0 => Some(current),
                Err(_) => None,
            },
        };
        match next {
            Some(n) => current = n,
            None => break,
        }
    }
    offset_in(text, current.get())
}

/// An element of the XML text: its name, where its start tag begins, and
/// its child elements.
struct Node {
    name: String,
    start: usize,
    children: Vec<Node>,
}

fn xml_tree(text: &str) -> Option<Node> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack: Vec<Node> = Vec::new();
    loop {
        let before = usize::try_from(reader.buffer_position()).ok()?;
        let event = reader.read_event().ok()?;
        let node = |e: &quick_xml::events::BytesStart<'_>| Node {
            name: e.name().into_inner().to_owned(),
            start: before + text.get(before..).map_or(0, |t| t.find('<').unwrap_or(0)),
            children: Vec::new(),
        };
        match event {
            Event::Start(e) => stack.push(node(&e)),
            Event::Empty(e) => {
                let n = node(&e);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(n),
                    None => return Some(n),
                }
            }
            Event::End(_) => {
                let done = stack.pop()?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => return Some(done),
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

fn locate_xml(text: &str, steps: &[Step<'_>]) -> usize {
    let Some(root) = xml_tree(text) else {
        return 0;
    };
    let mut current = &root;
    let mut k = 0;
    while let Some(step) = steps.get(k) {
        let next = match (step, steps.get(k + 1)) {
            // Flexi attributes (`typSzbDphK@label`) stand on their element.
            (Step::Name(name), following) => {
                let name = name.split('@').next().unwrap_or(name);
                let mut named = current.children.iter().filter(|c| c.name == name);
                match following {
                    // Records in an envelope, and lists whose items stand
                    // directly in the parent, repeat the name: the i-th.
                    Some(Step::Index(i))
                        if current.name == ENVELOPE_ROOT
                            || current.children.iter().filter(|c| c.name == name).count() > 1 =>
                    {
                        k += 1;
                        named.nth(*i)
                    }
                    _ => named.next(),
                }
            }
            (Step::Index(i), _) => current.children.get(*i),
        };
        match next {
            Some(n) => current = n,
            None => break,
        }
        k += 1;
    }
    current.start
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests panic on purpose
mod tests {
    use super::*;

    fn at(text: &str, xml: bool, path: &str) -> (usize, usize) {
        elementa::line_col(text, locate(text, xml, path))
    }

    #[test]
    fn paths_split_into_names_and_indices() {
        assert_eq!(
            steps("[2].expense-lines[0].description"),
            [
                Step::Index(2),
                Step::Name("expense-lines"),
                Step::Index(0),
                Step::Name("description")
            ]
        );
    }

    #[test]
    fn json_paths_point_at_their_values() {
        let text = "[\n {\"id\": 1},\n {\"id\": 2,\n  \"lines\": [\n   {\"amount\": \"x\"}]}]";
        assert_eq!(at(text, false, "[1].lines[0].amount"), (5, 15));
        // A missing element: its record.
        assert_eq!(at(text, false, "[0].login"), (2, 2));
        let flexi = "{\"winstrom\": {\"adresar\": [{\"kod\": \"A\"},\n {\"kod\": \"B\"}]}}";
        assert_eq!(at(flexi, false, "adresar[1].kod"), (2, 10));
    }

    #[test]
    fn xml_paths_point_at_their_start_tags() {
        let text = "<users>\n  <user><id>1</id></user>\n  <user>\n    <lines><line><amount>x</amount></line></lines>\n  </user>\n</users>";
        assert_eq!(at(text, true, "[1].lines[0].amount"), (4, 18));
        assert_eq!(at(text, true, "[1].login"), (3, 3));
        let flexi = "<winstrom version=\"1.0\">\n<adresar><kod>A</kod></adresar>\n<adresar>\n<kod>B</kod></adresar></winstrom>";
        assert_eq!(at(flexi, true, "adresar[1].kod"), (4, 1));
    }
}
