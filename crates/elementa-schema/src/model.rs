//! The checked model: what code generation and tools consume.

use std::fmt;

/// The wire dialect a resource speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// Coupa: dash-case elements, `type` attributes, `nil="true"`.
    Coupa,
    /// ABRA Flexi: the `winstrom` envelope, attributes as `@` keys in JSON.
    Flexi,
}

impl Dialect {
    /// The spelling used in schema files.
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Coupa => "coupa",
            Dialect::Flexi => "flexi",
        }
    }
}

/// Where an element travels in XML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Placement {
    /// A child element (the default).
    #[default]
    Element,
    /// An attribute of the resource's element (`in-version="3"`); `@`-key in Flexi JSON.
    Attribute,
    /// The name of the resource's XML element (Flexi names change records
    /// after their evidence); an `@`-key in Flexi JSON.
    Name,
    /// The text content of the resource's XML element (Flexi's
    /// `<error for="kod">message</error>`); a plain key in JSON. A record
    /// with a text element is one XML element: its other elements are
    /// written as attributes.
    Text,
}

/// The type of an element.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Type {
    /// A whole number (64-bit).
    Integer,
    /// An exact decimal; its scale is kept.
    Decimal,
    /// A short string, usually with a maximum length.
    String,
    /// Long text.
    Text,
    /// `true` / `false`.
    Boolean,
    /// A date and time with offset (`2010-09-22T20:42:57-07:00`).
    DateTime,
    /// A calendar date (`2019-01-31`, Flexi may add an offset).
    Date,
    /// A zone-less local date and time with 1 to 6 fraction digits
    /// (Flexi's `2019-06-07 12:34:56.7`).
    Timestamp,
    /// A list of strings (Flexi's repeated `<id>` children).
    Strings {
        /// XML item element name.
        item: String,
    },
    /// One associated record of the target resource (wire name, same vendor).
    One {
        /// Target resource wire name.
        target: String,
    },
    /// A list of records of the target resource.
    Many {
        /// Target resource wire name.
        target: String,
        /// XML item element name.
        item: String,
    },
    /// A reference to another record by identifier (Flexi's relations:
    /// `123`, `code:X`, `ext:SYS:1`), with the export's `ref` / `showAs`.
    Relation {
        /// Target resource wire name, when the metadata names one.
        target: Option<String>,
    },
    /// A free-form value (the vendor types it as one of several objects),
    /// kept as it came.
    Any,
}

impl Type {
    /// The spelling used in schema files.
    pub fn name(&self) -> &'static str {
        match self {
            Type::Integer => "integer",
            Type::Decimal => "decimal",
            Type::String => "string",
            Type::Text => "text",
            Type::Boolean => "boolean",
            Type::DateTime => "datetime",
            Type::Date => "date",
            Type::Timestamp => "timestamp",
            Type::Strings { .. } => "strings",
            Type::One { .. } => "one",
            Type::Many { .. } => "many",
            Type::Relation { .. } => "relation",
            Type::Any => "any",
        }
    }

    /// The association target, if this is `one` or `many`.
    pub fn target(&self) -> Option<&str> {
        match self {
            Type::One { target } | Type::Many { target, .. } => Some(target),
            _ => None,
        }
    }

    /// Whether values of this type are text that a length can bound.
    pub fn is_textual(&self) -> bool {
        matches!(self, Type::String | Type::Text)
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::One { target } => write!(f, "one {target}"),
            Type::Many { target, .. } => write!(f, "many {target}"),
            Type::Relation {
                target: Some(target),
            } => write!(f, "relation {target}"),
            other => f.write_str(other.name()),
        }
    }
}

/// The least detail level of a Flexi listing that carries an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Detail {
    /// `detail=id`: identifiers only.
    Id,
    /// `detail=summary`.
    Summary,
    /// `detail=full` (the default).
    Full,
    /// Only when asked for by name (expensive to compute).
    Expensive,
}

impl Detail {
    /// The spelling used in schema files and in `detail=`.
    pub fn as_str(self) -> &'static str {
        match self {
            Detail::Id => "id",
            Detail::Summary => "summary",
            Detail::Full => "full",
            Detail::Expensive => "expensive",
        }
    }
}

/// One element of a resource's element table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// Wire name as the vendor writes it (`commentable-id`).
    pub wire: String,
    /// Meaning, in the project's own words (may be empty).
    pub doc: String,
    /// Its type.
    pub ty: Type,
    /// Accepted in requests (API-in).
    pub api_in: bool,
    /// Present in responses (API-out).
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
    pub values: Vec<String>,
    /// Child element, attribute or element name.
    pub placement: Placement,
    /// Lists only: XML items stand directly in the parent, without a wrapper.
    pub inline: bool,
    /// 1-based line of the element's `wire` key in its schema file.
    pub line: usize,
}

/// An HTTP method of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// GET.
    Get,
    /// POST.
    Post,
    /// PUT.
    Put,
    /// PATCH.
    Patch,
    /// DELETE.
    Delete,
}

impl Method {
    /// The method's name in capitals.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// A route of a resource's API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// Name (`create`, `run`).
    pub name: String,
    /// HTTP method.
    pub method: Method,
    /// Path template with `:name` parameters.
    pub path: String,
    /// What it does.
    pub doc: String,
    /// Whether the request carries a record of the resource.
    pub body: bool,
    /// Whether the response is a list of records.
    pub list: bool,
}

impl Action {
    /// The names of the path's `:name` parameters, in order.
    pub fn params(&self) -> Vec<&str> {
        self.path
            .split('/')
            .filter_map(|seg| seg.strip_prefix(':'))
            .collect()
    }
}

/// A checked resource: the contents of one schema file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// Vendor directory name (`coupa`).
    pub vendor: String,
    /// Wire (root element) name (`comment`).
    pub wire: String,
    /// Rust type name if the file sets one.
    pub rust: Option<String>,
    /// XML root element / Flexi JSON top-level key, if not the wire name.
    pub root: Option<String>,
    /// Plural wire name for XML list roots, if the file sets one.
    pub plural: Option<String>,
    /// Wire dialect.
    pub dialect: Dialect,
    /// API paths.
    pub paths: Vec<String>,
    /// What the resource is.
    pub doc: String,
    /// Natural keys (element wire names).
    pub natural_keys: Vec<String>,
    /// Elements in wire order.
    pub elements: Vec<Element>,
    /// API actions (routes).
    pub actions: Vec<Action>,
}

impl Resource {
    /// The resource id, `<vendor>/<wire>` (`coupa/comment`).
    pub fn id(&self) -> String {
        format!("{}/{}", self.vendor, self.wire)
    }

    /// The XML root element name (`root`, or the wire name).
    pub fn root_name(&self) -> &str {
        self.root.as_deref().unwrap_or(&self.wire)
    }

    /// The plural wire name: `plural`, or derived the way Rails pluralises
    /// (`currency` → `currencies`, `address` → `addresses`, `user` → `users`).
    pub fn plural_name(&self) -> String {
        match &self.plural {
            Some(p) => p.clone(),
            None => pluralize(&self.wire),
        }
    }

    /// The element with wire name `wire`.
    pub fn element(&self, wire: &str) -> Option<&Element> {
        self.elements.iter().find(|e| e.wire == wire)
    }
}

/// English plural of a dash-case wire name, on its last word.
pub fn pluralize(wire: &str) -> String {
    let vowel_y = ["ay", "ey", "oy", "uy"].iter().any(|e| wire.ends_with(e));
    if let (Some(stem), false) = (wire.strip_suffix('y'), vowel_y) {
        format!("{stem}ies")
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| wire.ends_with(e))
    {
        format!("{wire}es")
    } else {
        format!("{wire}s")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn plurals_follow_rails() {
        use super::pluralize;
        assert_eq!(pluralize("currency"), "currencies");
        assert_eq!(pluralize("address"), "addresses");
        assert_eq!(pluralize("user"), "users");
        assert_eq!(pluralize("expense-report"), "expense-reports");
        assert_eq!(pluralize("day"), "days");
    }
}
