//! Python 3.12 (PEP 701) lets a replacement field of an f-string hold a
//! string literal in the f-string's own quote: `f"{d["key"]}"`,
//! `f'{', '.join(names)}'`. rustpython-parser follows the older grammar,
//! where that quote ends the f-string. So when a module does not parse,
//! [`requote`] gives each such inner literal the other quote character and
//! the module is parsed again.
//!
//! Only quote characters are swapped, one byte for one byte, so every
//! offset into the rewritten text is the same offset into the source, and
//! diagnostics and tracebacks keep pointing at what the user wrote. A
//! literal is swapped only where that changes nothing it means: its text
//! holds neither quote character, and it is not inside a self-documenting
//! field (`{d["k"]=}` prints the expression as written). Anything else
//! PEP 701 added (backslashes or comments in a field, a field spanning
//! lines in a one-line f-string, nesting deeper than two quote kinds
//! allow) is left for the parser to reject as before.

/// The source with the inner literals of f-strings requoted; `Ok(None)`
/// when there is nothing this pass can (or needs to) change, and `Err`
/// with an offset and a reason at a Python 3.12 f-string this pass cannot
/// express in the older grammar.
pub fn requote(source: &str) -> Result<Option<String>, (usize, &'static str)> {
    let mut scan = Scan { src: source.as_bytes(), swaps: Vec::new(), refusal: None };
    let scanned = scan.module();
    if let Some(refusal) = scan.refusal {
        return Err(refusal);
    }
    if scanned.is_none() || scan.swaps.is_empty() {
        return Ok(None);
    }
    let mut out = source.as_bytes().to_vec();
    for at in scan.swaps {
        out[at] = if out[at] == b'"' { b'\'' } else { b'"' };
    }
    // Only ASCII quote bytes changed, so the text is still UTF-8.
    Ok(String::from_utf8(out).ok())
}

const BACKSLASH: &str = "a backslash or comment inside an f-string's replacement field (Python 3.12)";
const MULTILINE: &str = "a replacement field spanning lines in a one-line f-string (Python 3.12)";
const DEBUG_TEXT: &str = "a self-documenting f-string field `{expr=}` whose expression reuses the f-string's quote";
const TOO_DEEP: &str = "f-strings nested deeper than two kinds of quote allow in the older grammar (Python 3.12)";
const BOTH_QUOTES: &str = "a string holding both quote characters inside an f-string field that reuses its quote";

/// How a string literal is delimited.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Quote {
    char: u8,
    triple: bool,
}

impl Quote {
    fn len(self) -> usize {
        if self.triple { 3 } else { 1 }
    }

    /// Whether a literal quoted `inner` would end, in the older grammar, an
    /// f-string quoted `self` that it sits in.
    fn ended_by(self, inner: Quote) -> bool {
        self.char == inner.char && (!self.triple || inner.triple)
    }
}

/// A string literal found at some offset: its quote, whether it is an
/// f-string or raw, and where its text starts.
struct Literal {
    quote: Quote,
    f: bool,
    raw: bool,
    open: usize,
}

struct Scan<'a> {
    src: &'a [u8],
    /// Offsets of the quote bytes to swap.
    swaps: Vec<usize>,
    /// The first Python 3.12 construct found that cannot be requoted.
    refusal: Option<(usize, &'static str)>,
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

impl Scan<'_> {
    /// Records why the text at `at` cannot be requoted; the scan stops.
    fn refuse<T>(&mut self, at: usize, why: &'static str) -> Option<T> {
        self.refusal.get_or_insert((at, why));
        None
    }

    fn at(&self, i: usize) -> u8 {
        self.src.get(i).copied().unwrap_or(0)
    }

    /// Walks the module's tokens far enough to find every string literal;
    /// None when the text is not something this pass understands.
    fn module(&mut self) -> Option<()> {
        let mut i = 0;
        while i < self.src.len() {
            match self.src[i] {
                b'#' => i = self.line_end(i),
                b'\'' | b'"' => {
                    let lit = self.literal_at(i);
                    i = self.string(&lit, &[])?;
                }
                _ => i += 1,
            }
        }
        Some(())
    }

    fn line_end(&self, i: usize) -> usize {
        self.src[i..].iter().position(|&b| b == b'\n').map_or(self.src.len(), |n| i + n)
    }

    /// The literal whose (first) quote is at `q`, with any prefix letters
    /// just before it.
    fn literal_at(&self, q: usize) -> Literal {
        let mut start = q;
        while start > 0
            && start + 2 > q
            && matches!(self.src[start - 1].to_ascii_lowercase(), b'r' | b'b' | b'u' | b'f')
        {
            start -= 1;
        }
        // Letters that end a longer name are no prefix (`elif"x"` is not f"").
        if start > 0 && is_ident(self.src[start - 1]) {
            start = q;
        }
        let prefix = self.src[start..q].to_ascii_lowercase();
        let char = self.src[q];
        let triple = self.at(q + 1) == char && self.at(q + 2) == char;
        Literal { quote: Quote { char, triple }, f: prefix.contains(&b'f'), raw: prefix.contains(&b'r'), open: q }
    }

    /// Scans the literal `lit` inside f-strings quoted `outer` (innermost
    /// last); returns the offset just past it.
    fn string(&mut self, lit: &Literal, outer: &[Quote]) -> Option<usize> {
        let q = lit.quote;
        let mut i = lit.open + q.len();
        let mut quotes = outer.to_vec();
        quotes.push(q);
        loop {
            let b = *self.src.get(i)?;
            match b {
                b'\\' if !lit.raw => i += 2,
                b'\\' => i += 2.min(self.src.len() - i),
                b'\n' if !q.triple => return None,
                _ if b == q.char && (!q.triple || (self.at(i + 1) == b && self.at(i + 2) == b)) => {
                    return Some(i + q.len());
                }
                b'{' if lit.f && self.at(i + 1) == b'{' => i += 2,
                b'{' if lit.f => i = self.field(i + 1, &quotes)?,
                _ => i += 1,
            }
        }
    }

    /// Scans a replacement field whose expression starts at `i`, inside
    /// f-strings quoted `quotes` (innermost last); returns the offset just
    /// past its closing brace.
    fn field(&mut self, start: usize, quotes: &[Quote]) -> Option<usize> {
        let swaps_before = self.swaps.len();
        let mut depth = 0usize;
        let mut i = start;
        let end_of_expr;
        loop {
            let b = *self.src.get(i)?;
            match b {
                b'\\' | b'#' => return self.refuse(i, BACKSLASH),
                b'\n' if quotes.iter().any(|q| !q.triple) => return self.refuse(i, MULTILINE),
                b'\'' | b'"' => {
                    let lit = self.literal_at(i);
                    i = self.inner_literal(&lit, quotes)?;
                }
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    i += 1;
                }
                b')' | b']' if depth > 0 => {
                    depth -= 1;
                    i += 1;
                }
                b'}' if depth > 0 => {
                    depth -= 1;
                    i += 1;
                }
                b'}' => {
                    end_of_expr = i;
                    break;
                }
                b'!' if depth == 0 && self.at(i + 1) != b'=' => {
                    end_of_expr = i;
                    break;
                }
                b':' if depth == 0 => {
                    end_of_expr = i;
                    break;
                }
                _ => i += 1,
            }
        }
        if self.swaps.len() > swaps_before && self_documenting(&self.src[start..end_of_expr]) {
            return self.refuse(start, DEBUG_TEXT);
        }
        // The conversion and the format spec, whose nested fields are fields.
        let mut i = end_of_expr;
        loop {
            let b = *self.src.get(i)?;
            match b {
                b'}' => return Some(i + 1),
                b'{' => i = self.field(i + 1, quotes)?,
                b'\\' | b'\'' | b'"' | b'\n' => return None,
                _ => i += 1,
            }
        }
    }

    /// Scans a literal inside a replacement field, requoting it when its
    /// quote would end an f-string around it; returns the offset past it.
    fn inner_literal(&mut self, lit: &Literal, quotes: &[Quote]) -> Option<usize> {
        if !quotes.iter().any(|q| q.ended_by(lit.quote)) {
            return self.string(lit, quotes);
        }
        let other = Quote { char: if lit.quote.char == b'"' { b'\'' } else { b'"' }, triple: lit.quote.triple };
        if quotes.iter().any(|q| q.ended_by(other)) {
            return self.refuse(lit.open, TOO_DEEP);
        }
        // Scan it as written (its closing quote is its own) but with the
        // quote it will have, which its own inner literals must avoid.
        let n = lit.quote.len();
        let end = {
            let swaps_before = self.swaps.len();
            let mut inner = quotes.to_vec();
            inner.push(other);
            let end = self.string_quoted_as(lit, &inner)?;
            // Its text must not hold the new quote (nor, then, the old one).
            let text = &self.src[lit.open + n..end - n];
            let nested: Vec<usize> = self.swaps[swaps_before..].to_vec();
            let holds_other =
                text.iter().enumerate().any(|(k, &b)| b == other.char && !nested.contains(&(lit.open + n + k)));
            if holds_other {
                return self.refuse(lit.open, BOTH_QUOTES);
            }
            end
        };
        self.swaps.extend(lit.open..lit.open + n);
        self.swaps.extend(end - n..end);
        Some(end)
    }

    /// [`Scan::string`] for a literal about to be requoted: it still ends at
    /// its own quote, but its fields sit inside `quotes`, whose last entry
    /// is the quote it will have.
    fn string_quoted_as(&mut self, lit: &Literal, quotes: &[Quote]) -> Option<usize> {
        let q = lit.quote;
        let mut i = lit.open + q.len();
        loop {
            let b = *self.src.get(i)?;
            match b {
                b'\\' => i += 2,
                b'\n' if !q.triple => return None,
                _ if b == q.char && (!q.triple || (self.at(i + 1) == b && self.at(i + 2) == b)) => {
                    return Some(i + q.len());
                }
                b'{' if lit.f && self.at(i + 1) == b'{' => i += 2,
                b'{' if lit.f => i = self.field(i + 1, quotes)?,
                _ => i += 1,
            }
        }
    }
}

/// Whether a field's expression text ends in the `=` of `{expr=}`.
fn self_documenting(expr: &[u8]) -> bool {
    let text = expr.trim_ascii_end();
    text.ends_with(b"=") && !matches!(text.len().checked_sub(2).map(|k| text[k]), Some(b'=' | b'!' | b'<' | b'>'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inner_literals_in_the_outer_quote_take_the_other_one() {
        let requoted = |src: &str| requote(src).ok().flatten();
        assert_eq!(requoted(r#"x = f"{d["k"]}""#).as_deref(), Some(r#"x = f"{d['k']}""#));
        assert_eq!(requoted("f'({', '.join(a)})'").as_deref(), Some("f'({\", \".join(a)})'"));
        // A nested f-string is requoted, and its own fields scanned.
        assert_eq!(requoted(r#"f"{f"{x!r:>{w}}"}""#).as_deref(), Some(r#"f"{f'{x!r:>{w}}'}""#));
        assert_eq!(requoted(r#"f"{x:{"<"}10}""#).as_deref(), Some(r#"f"{x:{'<'}10}""#));
        assert_eq!(requoted(r#"f"{'a' + "b"}""#).as_deref(), Some(r#"f"{'a' + 'b'}""#));
        // Escapes mean the same in either quote.
        assert_eq!(requoted(r#"f"{"\t".join(a)}""#).as_deref(), Some(r#"f"{'\t'.join(a)}""#));
    }

    #[test]
    fn what_the_older_grammar_accepts_is_left_alone() {
        for src in [r#"f"{d['k']}" + "it's" # f"{"x"}""#, r#"f"""{"a"}""""#, r#"elif"{"x"}""#, "'unterminated"] {
            assert_eq!(requote(src), Ok(None), "{src}");
        }
    }

    #[test]
    fn what_a_swap_cannot_express_is_refused_where_it_is() {
        for (src, at, why) in [
            (r#"x = f"{d["k"]=}""#, 7, DEBUG_TEXT),
            (r#"f"{"it's"}""#, 3, BOTH_QUOTES),
            (r#"f"{f"{d['k']}"}""#, 8, TOO_DEEP),
            ("f\"{\n\"a\"}\"", 3, MULTILINE),
            ("f\"\"\"{x # why\n}\"\"\"", 7, BACKSLASH),
        ] {
            assert_eq!(requote(src), Err((at, why)), "{src}");
        }
    }

    #[test]
    fn offsets_are_unchanged() {
        let src = "s = f\"{', '.join(f'{n:>{w}}' for n in ns)} é {x[\"a\"]!r}\"\n";
        let out = requote(src).ok().flatten().expect("requoted");
        assert_eq!(out.len(), src.len());
        assert_eq!(out, "s = f\"{', '.join(f'{n:>{w}}' for n in ns)} é {x['a']!r}\"\n");
    }
}
