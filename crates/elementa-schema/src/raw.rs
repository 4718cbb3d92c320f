//! The schema file as written: every value keeps its byte span.
//!
//! With the `schemars` feature these types also describe the file format as
//! JSON Schema (see [`crate::file_schema`]): `Spanned<T>` fields are described
//! as their `T`, and the patterns and value lists below mirror the checks of
//! [`crate::parse_resource`], never stricter, so an editor flags what the
//! checker would reject (misspelled keys first of all) and nothing it accepts.

use serde::Deserialize;
use toml::Spanned;

/// A whole schema file: one `[resource]` table and its `[[element]]`s.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schemars",
    schemars(
        title = "elementa schema file",
        description = "One resource's element table: a `[resource]` header, its `[[element]]`s in wire order and its `[[action]]` routes."
    )
)]
#[serde(deny_unknown_fields)]
pub struct RawSchemaFile {
    /// The resource header.
    pub resource: RawResource,
    /// The elements, in wire order.
    #[serde(default, rename = "element")]
    pub elements: Vec<RawElement>,
    /// The API actions (routes) that serve the resource.
    #[serde(default, rename = "action")]
    pub actions: Vec<RawAction>,
}

/// One `[[action]]` table: a route of the resource's API.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawAction {
    /// The action's name (`create`, `show`, `run`, …).
    #[cfg_attr(
        feature = "schemars",
        schemars(with = "String", regex(pattern = r"^[a-z][a-z0-9_]*$"))
    )]
    pub name: Spanned<String>,
    /// HTTP method: GET, POST, PUT, PATCH or DELETE.
    #[cfg_attr(
        feature = "schemars",
        schemars(
            with = "String",
            regex(
                pattern = r"^(?:[Gg][Ee][Tt]|[Pp][Oo][Ss][Tt]|[Pp][Uu][Tt]|[Pp][Aa][Tt][Cc][Hh]|[Dd][Ee][Ll][Ee][Tt][Ee])$"
            )
        )
    )]
    pub method: Spanned<String>,
    /// Path template; `:name` segments are parameters (`/api/integration_runs/:id/run`).
    #[cfg_attr(
        feature = "schemars",
        schemars(with = "String", regex(pattern = r"^/"))
    )]
    pub path: Spanned<String>,
    /// What the action does, in the project's own words.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    pub doc: Option<Spanned<String>>,
    /// Whether the request carries a record of the resource as its body.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "bool"))]
    pub body: Option<Spanned<bool>>,
    /// Whether the response is a list of records.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "bool"))]
    pub list: Option<Spanned<bool>>,
}

/// The `[resource]` table.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawResource {
    /// Wire (root element) name; equals the file stem.
    #[cfg_attr(
        feature = "schemars",
        schemars(with = "String", regex(pattern = r"^[A-Za-z0-9_][A-Za-z0-9_.:?-]*$"))
    )]
    pub wire: Spanned<String>,
    /// Rust type name; derived from `wire` when absent.
    #[serde(default)]
    #[cfg_attr(
        feature = "schemars",
        schemars(with = "String", regex(pattern = r"^[A-Z][A-Za-z0-9]*$"))
    )]
    pub rust: Option<Spanned<String>>,
    /// XML root element (and Flexi JSON top-level key) when it is not the wire
    /// name, such as Flexi's `winstrom` envelope.
    #[serde(default)]
    #[cfg_attr(
        feature = "schemars",
        schemars(with = "String", regex(pattern = r"^[A-Za-z0-9_][A-Za-z0-9_.:?-]*$"))
    )]
    pub root: Option<Spanned<String>>,
    /// Plural wire name used as the root of XML lists (default: derived).
    #[serde(default)]
    #[cfg_attr(
        feature = "schemars",
        schemars(with = "String", regex(pattern = r"^[A-Za-z0-9_][A-Za-z0-9_.:?-]*$"))
    )]
    pub plural: Option<Spanned<String>>,
    /// Wire dialect: `coupa` or `flexi`.
    #[cfg_attr(
        feature = "schemars",
        schemars(with = "String", extend("enum" = ["coupa", "flexi"]))
    )]
    pub dialect: Spanned<String>,
    /// API paths that serve the resource.
    #[serde(default)]
    #[cfg_attr(
        feature = "schemars",
        schemars(with = "Vec<String>", extend("items" = {"type": "string", "pattern": "^/"}))
    )]
    pub paths: Vec<Spanned<String>>,
    /// What the resource is, in the project's own words.
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    pub doc: Spanned<String>,
    /// Elements that identify a record besides `id` (used by `shallow`).
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<String>"))]
    pub natural_keys: Vec<Spanned<String>>,
}

/// One `[[element]]` table.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawElement {
    /// Wire name as the vendor writes it.
    #[cfg_attr(
        feature = "schemars",
        schemars(with = "String", regex(pattern = r"^[A-Za-z0-9_][A-Za-z0-9_.:?-]*$"))
    )]
    pub wire: Spanned<String>,
    /// Meaning, in the project's own words.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    pub doc: Option<Spanned<String>>,
    /// Type name: integer, decimal, string, text, boolean, datetime, date,
    /// timestamp, strings, one, many, relation (a Flexi record identifier,
    /// optionally naming its target evidence), any (a free-form value kept
    /// as it came).
    #[serde(rename = "type")]
    #[cfg_attr(
        feature = "schemars",
        schemars(
            with = "String",
            extend("enum" = ["integer", "decimal", "string", "text", "boolean", "datetime", "date", "timestamp", "strings", "one", "many", "relation", "any"])
        )
    )]
    pub ty: Spanned<String>,
    /// Target resource (wire name, same vendor) of `one` / `many` (required)
    /// and `relation` (optional).
    #[serde(default)]
    #[cfg_attr(
        feature = "schemars",
        schemars(with = "String", regex(pattern = r"^[A-Za-z0-9_][A-Za-z0-9_.:?-]*$"))
    )]
    pub target: Option<Spanned<String>>,
    /// XML item element name of a `many` or `strings` list (default: the
    /// target's wire name; `*` for items named by their `name` element).
    #[serde(default)]
    #[cfg_attr(
        feature = "schemars",
        schemars(
            with = "String",
            regex(pattern = r"^(?:\*|[A-Za-z0-9_][A-Za-z0-9_.:?-]*)$")
        )
    )]
    pub item: Option<Spanned<String>>,
    /// Lists only: XML items stand directly in the parent, without a wrapper.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "bool"))]
    pub inline: Option<Spanned<bool>>,
    /// API-in: accepted in requests.
    #[serde(default, rename = "in")]
    #[cfg_attr(feature = "schemars", schemars(with = "bool"))]
    pub api_in: Option<Spanned<bool>>,
    /// API-out: present in responses.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "bool"))]
    pub out: Option<Spanned<bool>>,
    /// Required on create.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "bool"))]
    pub required: Option<Spanned<bool>>,
    /// Unique within the resource.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "bool"))]
    pub unique: Option<Spanned<bool>>,
    /// Maximum length in characters (string and text only).
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "u32", range(min = 1)))]
    pub length: Option<Spanned<i64>>,
    /// Decimals only: the most significant digits a value may have.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "u32", range(min = 1)))]
    pub precision: Option<Spanned<i64>>,
    /// Decimals only: the most digits a value may have after the point.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "u32"))]
    pub scale: Option<Spanned<i64>>,
    /// The least detail level of a listing that carries the element (Flexi's
    /// `detail=`): `id`, `summary`, `full`, or `expensive` (only on request).
    #[serde(default)]
    #[cfg_attr(
        feature = "schemars",
        schemars(with = "String", extend("enum" = ["id", "summary", "full", "expensive"]))
    )]
    pub detail: Option<Spanned<String>>,
    /// Allowed values.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "Vec<String>", length(min = 1)))]
    pub values: Option<Spanned<Vec<Spanned<String>>>>,
    /// `element` (default), `attribute`, `name` (the record's XML element
    /// name; an `@` key in Flexi JSON), or `text` (the record element's text
    /// content in XML, its other elements then attributes; a plain key in
    /// JSON).
    #[serde(default)]
    #[cfg_attr(
        feature = "schemars",
        schemars(with = "String", extend("enum" = ["element", "attribute", "name", "text"]))
    )]
    pub placement: Option<Spanned<String>>,
}
