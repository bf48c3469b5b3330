//! Content errors: what was wrong with an article, and where.

use std::fmt;

/// A problem with article content, naming the field it was found in.
///
/// Displayed as one sentence a publisher can act on, for example
/// "`support.amounts[1].value` must be more than 0 (it is -2)."
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// Path of the offending field (`image.alt`, `support.amounts[1].value`);
    /// empty when the problem concerns the document as a whole.
    pub path: String,
    /// What was wrong with it.
    pub problem: Problem,
}

/// The kinds of problem an article can have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The text is not JSON at all, or is cut short.
    #[error("is not valid JSON ({0})")]
    Syntax(String),
    /// A required field is absent.
    #[error("is required but missing")]
    Missing,
    /// An article has neither text nor an address to read it at.
    #[error("is required but missing (an article without text needs a `url` to continue at)")]
    MissingBody,
    /// A field is given twice in one object.
    #[error("is given twice")]
    Duplicate,
    /// A field holds the wrong kind of value.
    #[error("must be {expected}, not {found}")]
    WrongType {
        /// What the field should hold, in words.
        expected: String,
        /// What it holds, in words.
        found: String,
    },
    /// Required text is empty or only white space.
    #[error("must not be empty")]
    Empty,
    /// A size or count that must be above zero is not.
    #[error("must be more than 0 (it is {0})")]
    NotPositive(String),
    /// A date is not an RFC 3339 date-time.
    #[error("must be a date and time such as 2020-09-13T18:04:00Z (it is \"{0}\")")]
    BadDate(String),
    /// A URL does not parse, or uses a scheme Folio does not allow.
    #[error("must be an http, https, mailto, tel or relative URL (it is \"{0}\")")]
    BadUrl(String),
    /// An image URL does not parse, or uses a scheme images may not use.
    #[error("must be an http, https or relative URL (it is \"{0}\")")]
    BadImageUrl(String),
    /// A language tag is not a BCP 47 tag such as `en` or `pt-BR`.
    #[error("must be a language tag such as \"en\" or \"pt-BR\" (it is \"{0}\")")]
    BadLanguage(String),
    /// A currency is not a three-letter ISO 4217 code.
    #[error("must be a three-letter currency code such as \"USD\" (it is \"{0}\")")]
    BadCurrency(String),
    /// Only one amount may be preselected.
    #[error("marks a second default amount; only one amount can be preselected")]
    SecondDefault,
    /// Past one of the limits of [`crate::limits`].
    #[error("{0}")]
    Limit(String),
    /// Any other problem, described by the parser.
    #[error("{0}")]
    Invalid(String),
}

impl ContentError {
    /// An error at `path`.
    pub fn new(path: impl Into<String>, problem: Problem) -> Self {
        Self {
            path: path.into(),
            problem,
        }
    }
}

impl ContentError {
    /// The problem as one phrase about a document that is not an article
    /// (a prompt's props, a locale file): "`card` must be text, not the
    /// number 5", or "must be an object, not a list".
    pub fn phrase(&self) -> String {
        match self.path.is_empty() {
            true => self.problem.to_string(),
            false => format!("`{}` {}", self.path, self.problem),
        }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "The article {}.", self.problem)
        } else {
            write!(f, "`{}` {}.", self.path, self.problem)
        }
    }
}

impl std::error::Error for ContentError {}
