//! Reports made from the record: the upward reports of an emergency
//! incident (初报, 续报, 处理结果报告) as Markdown drafts, and the shift
//! handover sheet (交接班记录, `handover`).
//!
//! Owns: turning what the store answered and the configuration into text a
//! duty officer sends upward. Pure: no IO, no clock read (`now` is an
//! argument), every word from `i18n`, every value through `words`.

pub mod assess;
pub mod draft;
pub mod handover;
mod lists;

pub use draft::draft;

#[cfg(test)]
mod tests;
