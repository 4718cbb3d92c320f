//! Static metadata: the element tables as `&'static` data, generated per
//! resource and read by codecs, projectors and validation.

use crate::record::Record;

/// The wire dialect of a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// Coupa: dash-case elements, `type` attributes, `nil="true"`.
    Coupa,
    /// ABRA Flexi: the `winstrom` envelope, attributes as `@` keys in JSON.
    Flexi,
}

/// Where an element travels in XML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Placement {
    /// A child element.
    Element,
    /// An attribute (`in-version="3"`); an `@` key in Flexi JSON.
    Attribute,
    /// The record's XML element name (Flexi change records are named after
    /// their evidence); an `@` key in Flexi JSON.
    Name,
    /// The text content of the record's XML element (Flexi's
    /// `<error for="kod">message</error>`); a plain key in JSON. A record
    /// with a text element is one XML element: its other elements travel as
    /// attributes.
    Text,
}

/// The least detail level of a Flexi listing (`detail=`) that carries an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Detail {
    /// `detail=id`.
    Id,
    /// `detail=summary`.
    Summary,
    /// `detail=full`, the default.
    Full,
    /// Only when asked for by name.
    Expensive,
}

impl Detail {
    /// The spelling in schema files and in `detail=`.
    pub fn as_str(self) -> &'static str {
        match self {
            Detail::Id => "id",
            Detail::Summary => "summary",
            Detail::Full => "full",
            Detail::Expensive => "expensive",
        }
    }
}

/// The type of an element.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// 64-bit integer.
    Integer,
    /// Exact decimal with its scale kept.
    Decimal,
    /// Short string.
    String,
    /// Long text.
    Text,
    /// Boolean.
    Boolean,
    /// Date and time with offset.
    DateTime,
    /// Calendar date.
    Date,
    /// Zone-less local date and time (Flexi).
    Timestamp,
    /// A list of strings.
    Strings {
        /// XML item element name.
        item: &'static str,
    },
    /// One associated record.
    One(fn() -> &'static ResourceMeta),
    /// A list of associated records.
    Many {
        /// The item resource.
        target: fn() -> &'static ResourceMeta,
        /// XML item element name.
        item: &'static str,
    },
    /// A reference to a record by identifier (Flexi), see [`crate::Relation`].
    Relation {
        /// The target resource's id (`flexi/adresar`), when the metadata names one.
        target: Option<&'static str>,
    },
    /// A free-form value, kept as it came (see [`crate::Any`]).
    Any,
}

impl Kind {
    /// The schema-file spelling of the type.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Integer => "integer",
            Kind::Decimal => "decimal",
            Kind::String => "string",
            Kind::Text => "text",
            Kind::Boolean => "boolean",
            Kind::DateTime => "datetime",
            Kind::Date => "date",
            Kind::Timestamp => "timestamp",
            Kind::Strings { .. } => "strings",
            Kind::One(_) => "one",
            Kind::Many { .. } => "many",
            Kind::Relation { .. } => "relation",
            Kind::Any => "any",
        }
    }

    /// The associated resource of `one` / `many`.
    pub fn target(&self) -> Option<&'static ResourceMeta> {
        match self {
            Kind::One(t) | Kind::Many { target: t, .. } => Some(t()),
            _ => None,
        }
    }

    /// Whether this is an association (`one` or `many`).
    pub fn is_association(&self) -> bool {
        matches!(self, Kind::One(_) | Kind::Many { .. })
    }
}

/// One element of a resource.
#[derive(Debug, Clone, Copy)]
pub struct ElementMeta {
    /// Wire name (`commentable-id`).
    pub wire: &'static str,
    /// Rust field name (`commentable_id`).
    pub rust: &'static str,
    /// Meaning.
    pub doc: &'static str,
    /// Type.
    pub kind: Kind,
    /// Accepted in requests.
    pub api_in: bool,
    /// Present in responses.
    pub api_out: bool,
    /// Required on create.
    pub required: bool,
    /// Unique within the resource.
    pub unique: bool,
    /// Maximum length in characters.
    pub length: Option<u32>,
    /// Decimals: most significant digits.
    pub precision: Option<u32>,
    /// Decimals: most digits after the point.
    pub scale: Option<u32>,
    /// Flexi: the least listing detail level that carries the element.
    pub detail: Option<Detail>,
    /// Allowed values (empty: any).
    pub values: &'static [&'static str],
    /// Child element, attribute or element name.
    pub placement: Placement,
    /// Lists only: XML items stand directly in the parent, without a wrapper.
    pub inline: bool,
}

/// A route of a resource's API, from the schema file's `[[action]]` tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionMeta {
    /// Name (`create`, `show`, `run`).
    pub name: &'static str,
    /// HTTP method in capitals (`PUT`).
    pub method: &'static str,
    /// Path template with `:name` parameters (`/api/integration_runs/:id/run`).
    pub path: &'static str,
    /// What it does.
    pub doc: &'static str,
    /// Whether the request carries a record of the resource.
    pub body: bool,
    /// Whether the response is a list of records.
    pub list: bool,
}

impl ActionMeta {
    /// The names of the path's `:name` parameters, in order.
    pub fn params(&self) -> impl Iterator<Item = &'static str> {
        self.path.split('/').filter_map(|seg| seg.strip_prefix(':'))
    }
}

/// One resource: its element table and identity.
#[derive(Debug)]
pub struct ResourceMeta {
    /// Resource id, `<vendor>/<wire>` (`coupa/comment`).
    pub id: &'static str,
    /// Wire (root element) name.
    pub wire: &'static str,
    /// Rust type name.
    pub rust: &'static str,
    /// XML root element and Flexi JSON top-level key (usually the wire name).
    pub root: &'static str,
    /// Plural wire name, the root of XML lists (`<users type="array">`).
    pub plural: &'static str,
    /// Wire dialect.
    pub dialect: Dialect,
    /// What the resource is.
    pub doc: &'static str,
    /// API paths.
    pub paths: &'static [&'static str],
    /// Natural keys (element wire names).
    pub natural_keys: &'static [&'static str],
    /// Elements in wire order.
    pub elements: &'static [ElementMeta],
    /// API actions (routes).
    pub actions: &'static [ActionMeta],
    /// Finds an element's index by wire name.
    pub lookup: fn(&str) -> Option<usize>,
    /// Makes an empty record of this resource.
    pub new: fn() -> Box<dyn Record>,
}

impl ResourceMeta {
    /// The index and metadata of the element with wire name `wire`.
    pub fn element(&self, wire: &str) -> Option<(usize, &'static ElementMeta)> {
        let i = (self.lookup)(wire)?;
        self.elements.get(i).map(|e| (i, e))
    }

    /// The element holding the text content of the record's XML element, if
    /// any ([`Placement::Text`]).
    pub fn text_element(&self) -> Option<(usize, &'static ElementMeta)> {
        self.elements
            .iter()
            .enumerate()
            .find(|(_, e)| e.placement == Placement::Text)
    }

    /// The element whose value names the record's XML element, if any.
    pub fn name_element(&self) -> Option<(usize, &'static ElementMeta)> {
        self.elements
            .iter()
            .enumerate()
            .find(|(_, e)| e.placement == Placement::Name)
    }

    /// The actions named `name` (a name may have several routes, such as a
    /// comment's `create` under each parent).
    pub fn actions_named(&self, name: &str) -> impl Iterator<Item = &'static ActionMeta> {
        let name = name.to_owned();
        self.actions.iter().filter(move |a| a.name == name)
    }

    /// Whether `wire` is `id` or one of the natural keys.
    pub fn is_key(&self, wire: &str) -> bool {
        wire == "id" || self.natural_keys.contains(&wire)
    }

    /// Whether the resource is an ABRA Flexi evidence, whose records a
    /// `winstrom` envelope holds under its name: not the change listing
    /// (an envelope itself), nor a part of another document (a listing's
    /// `change`, a write answer's `result`), which have no paths of their
    /// own, nor a Coupa resource.
    pub fn is_evidence(&self) -> bool {
        self.dialect == crate::Dialect::Flexi
            && self.root != crate::ENVELOPE_ROOT
            && !self.paths.is_empty()
    }
}

/// A set of element indexes, for decoders that refuse an element given twice:
/// inline bits for the first 128 elements, a vector beyond.
///
/// ```
/// let mut seen = elementa::ElementSet::new(200);
/// assert!(seen.insert(3) && !seen.insert(3));
/// assert!(seen.insert(150) && seen.contains(150) && !seen.contains(4));
/// ```
#[derive(Debug, Clone, Default)]
pub struct ElementSet {
    low: u128,
    high: Vec<bool>,
}

impl ElementSet {
    /// An empty set for a resource of `n` elements.
    pub fn new(n: usize) -> Self {
        ElementSet {
            low: 0,
            high: vec![false; n.saturating_sub(128)],
        }
    }

    /// Adds `i`; returns whether it was new.
    pub fn insert(&mut self, i: usize) -> bool {
        if i < 128 {
            let bit = 1u128 << i;
            let fresh = self.low & bit == 0;
            self.low |= bit;
            fresh
        } else {
            match self.high.get_mut(i - 128) {
                Some(b) => !std::mem::replace(b, true),
                None => true,
            }
        }
    }

    /// Whether `i` is in the set.
    pub fn contains(&self, i: usize) -> bool {
        if i < 128 {
            self.low & (1u128 << i) != 0
        } else {
            self.high.get(i - 128).copied().unwrap_or(false)
        }
    }
}
