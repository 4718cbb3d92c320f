//! The schema file as written: every value keeps its byte span.

use serde::Deserialize;
use toml::Spanned;

/// A whole schema file: one `[resource]` table and its `[[element]]`s.
#[derive(Debug, Deserialize)]
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
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawAction {
    /// The action's name (`create`, `show`, `run`, …).
    pub name: Spanned<String>,
    /// HTTP method: GET, POST, PUT, PATCH or DELETE.
    pub method: Spanned<String>,
    /// Path template; `:name` segments are parameters (`/api/integration_runs/:id/run`).
    pub path: Spanned<String>,
    /// What the action does, in the project's own words.
    pub doc: Option<Spanned<String>>,
    /// Whether the request carries a record of the resource as its body.
    pub body: Option<Spanned<bool>>,
    /// Whether the response is a list of records.
    pub list: Option<Spanned<bool>>,
}

/// The `[resource]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawResource {
    /// Wire (root element) name; equals the file stem.
    pub wire: Spanned<String>,
    /// Rust type name; derived from `wire` when absent.
    pub rust: Option<Spanned<String>>,
    /// XML root element (and Flexi JSON top-level key) when it is not the wire
    /// name, such as Flexi's `winstrom` envelope.
    pub root: Option<Spanned<String>>,
    /// Plural wire name used as the root of XML lists (default: derived).
    pub plural: Option<Spanned<String>>,
    /// Wire dialect: `coupa` or `flexi`.
    pub dialect: Spanned<String>,
    /// API paths that serve the resource.
    #[serde(default)]
    pub paths: Vec<Spanned<String>>,
    /// What the resource is, in the project's own words.
    pub doc: Spanned<String>,
    /// Elements that identify a record besides `id` (used by `shallow`).
    #[serde(default)]
    pub natural_keys: Vec<Spanned<String>>,
}

/// One `[[element]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawElement {
    /// Wire name as the vendor writes it.
    pub wire: Spanned<String>,
    /// Meaning, in the project's own words.
    #[serde(default)]
    pub doc: Option<Spanned<String>>,
    /// Type name: integer, decimal, string, text, boolean, datetime, date,
    /// timestamp, strings, one, many.
    #[serde(rename = "type")]
    pub ty: Spanned<String>,
    /// Target resource (wire name, same vendor) of `one` / `many`.
    pub target: Option<Spanned<String>>,
    /// XML item element name of a `many` or `strings` list (default: the
    /// target's wire name; `*` for items named by their `name` element).
    pub item: Option<Spanned<String>>,
    /// Lists only: XML items stand directly in the parent, without a wrapper.
    pub inline: Option<Spanned<bool>>,
    /// API-in: accepted in requests.
    #[serde(default, rename = "in")]
    pub api_in: Option<Spanned<bool>>,
    /// API-out: present in responses.
    #[serde(default)]
    pub out: Option<Spanned<bool>>,
    /// Required on create.
    #[serde(default)]
    pub required: Option<Spanned<bool>>,
    /// Unique within the resource.
    #[serde(default)]
    pub unique: Option<Spanned<bool>>,
    /// Maximum length in characters (string and text only).
    pub length: Option<Spanned<i64>>,
    /// Allowed values.
    pub values: Option<Spanned<Vec<Spanned<String>>>>,
    /// `element` (default), `attribute`, or `name` (the record's XML element
    /// name; an `@` key in Flexi JSON).
    pub placement: Option<Spanned<String>>,
}
