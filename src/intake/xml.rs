//! Open311's XML, written from the same values as its JSON (the standard's
//! JSON is a mapping of its XML, "the Spark convention"): an object is an
//! element per key, an array an element per item named by the singular of
//! its key (`services` → `service`, `service_requests` → `request`), null an
//! empty element. UTF-8 with the XML declaration; no namespace, as the
//! standard asks.
//!
//! Owns: escaping. Text is escaped (`& < > " '`) and characters XML 1.0
//! cannot carry (C0 controls but tab and newlines, U+FFFE, U+FFFF) become
//! U+FFFD, so a complaint's text can never make the document unreadable.

use serde_json::Value;

/// The name of one item of an array called `name`.
fn singular(name: &str) -> &str {
    match name {
        "service_requests" => "request",
        other => other.strip_suffix('s').unwrap_or(other),
    }
}

/// `value` as a whole document whose root element is `root`.
pub fn document(root: &str, value: &Value) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    element(&mut out, root, value, 0);
    out
}

/// A document whose root element holds one element per item (named by the
/// singular of `root`), each rendered in turn.
pub fn document_of(root: &str, items: impl Iterator<Item = Value>) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    open(&mut out, root);
    out.push('\n');
    for item in items {
        element(&mut out, singular(root), &item, 1);
    }
    close(&mut out, root);
    out
}

fn indent(out: &mut String, depth: usize) {
    out.extend(std::iter::repeat_n("  ", depth));
}

fn element(out: &mut String, name: &str, value: &Value, depth: usize) {
    indent(out, depth);
    match value {
        Value::Null => {
            out.push('<');
            out.push_str(name);
            out.push_str("/>\n");
        }
        Value::Array(items) => {
            open(out, name);
            out.push('\n');
            for item in items {
                element(out, singular(name), item, depth + 1);
            }
            indent(out, depth);
            close(out, name);
        }
        Value::Object(map) => {
            open(out, name);
            out.push('\n');
            for (k, v) in map {
                element(out, k, v, depth + 1);
            }
            indent(out, depth);
            close(out, name);
        }
        Value::String(s) => {
            open(out, name);
            escape(out, s);
            close(out, name);
        }
        Value::Bool(b) => {
            open(out, name);
            out.push_str(if *b { "true" } else { "false" });
            close(out, name);
        }
        Value::Number(n) => {
            open(out, name);
            out.push_str(&n.to_string());
            close(out, name);
        }
    }
}

fn open(out: &mut String, name: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
}

fn close(out: &mut String, name: &str) {
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 && c != '\r' || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                out.push('\u{FFFD}')
            }
            // The same character, written as a reference: data for a
            // program, inert on a terminal (a carriage return, C1
            // controls, DEL, bidi overrides, line separators).
            c if c == '\r'
                || c == '\u{7f}'
                || ('\u{80}'..='\u{9f}').contains(&c)
                || crate::text::is_invisible_control(c) =>
            {
                let _ = std::fmt::Write::write_fmt(out, format_args!("&#x{:X};", c as u32));
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn arrays_objects_and_nulls_follow_the_standard() {
        let v = json!([{"service_request_id": "7", "service_notice": "on site by 09:42", "account_id": null}]);
        assert_eq!(
            document("service_requests", &v),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<service_requests>\n  <request>\n    <service_request_id>7</service_request_id>\n    <service_notice>on site by 09:42</service_notice>\n    <account_id/>\n  </request>\n</service_requests>\n"
        );
        let errs = document(
            "errors",
            &json!([{"code": 403, "description": "api_key missing"}]),
        );
        assert!(errs.contains("<errors>\n  <error>\n    <code>403</code>"));
        let d = document(
            "discovery",
            &json!({"endpoints": [{"formats": ["text/xml"]}]}),
        );
        assert!(d.contains(
            "<endpoints>\n    <endpoint>\n      <formats>\n        <format>text/xml</format>"
        ));
    }

    #[test]
    fn a_list_rendered_item_by_item_is_the_same_document() {
        let items = vec![
            json!({"service_request_id": "1"}),
            json!({"service_request_id": "2"}),
        ];
        assert_eq!(
            document_of("service_requests", items.clone().into_iter()),
            document("service_requests", &Value::Array(items))
        );
        assert_eq!(
            document_of("service_requests", std::iter::empty()),
            document("service_requests", &json!([]))
        );
    }

    #[test]
    fn text_cannot_break_the_document() {
        let v = json!({"description": "a<b>&\"c\" 'd' \u{1b}[2J \u{0}e\u{FFFF}"});
        let x = document("request", &v);
        assert!(x.contains("<description>a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos; \u{FFFD}[2J \u{FFFD}e\u{FFFD}</description>"));
        let v = json!({"description": "x\u{9b}31m\r\u{202e}y\u{2028}"});
        let x = document("request", &v);
        assert!(
            x.contains("<description>x&#x9B;31m&#xD;&#x202E;y&#x2028;</description>"),
            "{x}"
        );
    }
}
