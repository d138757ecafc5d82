# textwrap: wrap/fill/shorten/dedent/indent and TextWrapper options, on
# tricky input (hyphens, long words, tabs, runs of spaces, empty strings).
import textwrap
from textwrap import TextWrapper, dedent, indent


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


LOREM = ("The quick brown fox jumps over the lazy dog. Pack my box with five "
         "dozen liquor jugs! How vexingly quick daft zebras jump? Sphinx of "
         "black quartz, judge my vow.")
HYPHENS = "Look, goof-ball -- use the -b option! A well-known, state-of-the-art self-contained x--y thing."
LONG = "short supercalifragilisticexpialidocious-antidisestablishmentarianism end"
TABS = "col1\tcol2\t\tcol3\n  next\tline  with   multiple    spaces"

for width in (1, 2, 5, 8, 10, 12, 15, 20, 33, 70):
    show(f"wrap lorem {width}", lambda: textwrap.wrap(LOREM, width))
for width in (3, 6, 9, 11, 14, 25):
    show(f"wrap hyphens {width}", lambda: textwrap.wrap(HYPHENS, width))
    show(f"wrap hyphens nobreak {width}", lambda: textwrap.wrap(HYPHENS, width, break_on_hyphens=False))
for width in (4, 7, 10, 18, 30):
    show(f"wrap long {width}", lambda: textwrap.wrap(LONG, width))
    show(f"wrap long keep {width}", lambda: textwrap.wrap(LONG, width, break_long_words=False))
    show(f"wrap long keep nohyph {width}", lambda: textwrap.wrap(LONG, width, break_long_words=False, break_on_hyphens=False))
    show(f"wrap long nohyph {width}", lambda: textwrap.wrap(LONG, width, break_on_hyphens=False))

show("tabs default", lambda: textwrap.wrap(TABS, 12))
show("tabs tabsize 4", lambda: textwrap.wrap(TABS, 12, tabsize=4))
show("tabs no expand", lambda: textwrap.wrap(TABS, 12, expand_tabs=False))
show("tabs no replace", lambda: textwrap.wrap(TABS, 12, replace_whitespace=False))
show("tabs neither", lambda: textwrap.wrap(TABS, 12, expand_tabs=False, replace_whitespace=False))
show("keep whitespace", lambda: textwrap.wrap("  lead   and   trail  ", 8, drop_whitespace=False))
show("drop whitespace", lambda: textwrap.wrap("  lead   and   trail  ", 8))
show("empty", lambda: textwrap.wrap("", 10))
show("spaces only", lambda: textwrap.wrap("     ", 10))
show("spaces only keep", lambda: textwrap.wrap("     ", 3, drop_whitespace=False))
show("fill empty", lambda: textwrap.fill("", 10))
show("newlines", lambda: textwrap.wrap("one\ntwo\n\nthree four\r\nfive", 9))
show("sentences", lambda: textwrap.wrap("Hello there. How are you? I'm fine! Bye.\nNext \"quoted.\" line", 30, fix_sentence_endings=True))
show("sentences off", lambda: textwrap.wrap("Hello there. How are you? I'm fine!", 30))
show("indents", lambda: textwrap.wrap(LOREM, 30, initial_indent="* ", subsequent_indent="    "))
show("indent too wide", lambda: textwrap.wrap("abc def ghi", 4, initial_indent="-----"))
show("fill", lambda: textwrap.fill(LOREM, 25))
show("fill indents", lambda: textwrap.fill(LOREM, 40, initial_indent="> ", subsequent_indent="> "))
show("unicode", lambda: textwrap.wrap("naïve café über-größe résumé façade", 9))
show("numbers", lambda: textwrap.wrap("pages 10-20 and 3-4, x-1 a-b-c", 6))
show("dashes", lambda: textwrap.wrap("--- ---- a-- --b ---- -x- -", 4))

for max_lines in (1, 2, 3, 10):
    show(f"max_lines {max_lines}", lambda: textwrap.wrap(LOREM, 20, max_lines=max_lines))
    show(f"max_lines {max_lines} ph", lambda: textwrap.wrap(LOREM, 20, max_lines=max_lines, placeholder="..."))
show("max_lines indent", lambda: textwrap.wrap(LOREM, 20, max_lines=2, subsequent_indent="  "))
show("max_lines prev line", lambda: textwrap.wrap("aaaa bbbbbbbbbbbb", 10, max_lines=2, placeholder=" ~"))
show("max_lines long ph", lambda: textwrap.wrap("a b c d e f g", 5, max_lines=2, placeholder=" [...]"))
show("placeholder too large", lambda: textwrap.wrap("abc", 3, max_lines=1, placeholder=" [....]"))

show("shorten 12", lambda: textwrap.shorten("Hello  world!", width=12))
show("shorten 11", lambda: textwrap.shorten("Hello  world!", width=11))
show("shorten lorem", lambda: textwrap.shorten(LOREM, 40))
show("shorten ph", lambda: textwrap.shorten(LOREM, 30, placeholder="..."))
show("shorten ws", lambda: textwrap.shorten("  a \t b\n\nc  ", 10))
show("shorten tiny", lambda: textwrap.shorten("abcdefghij klm", 6))
show("shorten empty", lambda: textwrap.shorten("", 5))

show("dedent", lambda: dedent("    def f():\n        return 1\n    \n    x = 2\n"))
show("dedent mixed", lambda: dedent("  \thello\n  \tworld\n  there"))
show("dedent tabs vs spaces", lambda: dedent("\thello\n    world"))
show("dedent blank lines", lambda: dedent("\n   a\n  \n   b\n\t\n"))
show("dedent none", lambda: dedent("a\n  b"))
show("dedent empty", lambda: dedent(""))
show("dedent only ws", lambda: dedent("   \n  \n"))
show("dedent cr", lambda: dedent("  a\r\n  b\r\n"))

show("indent", lambda: indent("a\n\nb\n  \nc", "> "))
show("indent all", lambda: indent("a\n\nb\n", "+ ", lambda line: True))
show("indent pred", lambda: indent("keep\nskip\nkeep too\n", "# ", predicate=lambda l: l.startswith("keep")))
show("indent crlf", lambda: indent("one\r\ntwo\rthree\x0bfour", "-"))
show("indent empty", lambda: indent("", "x"))

w = TextWrapper(width=16, initial_indent="1) ", subsequent_indent="   ")
print(w.width, repr(w.initial_indent), w.max_lines, repr(w.placeholder), w.break_on_hyphens, w.tabsize)
show("wrapper wrap", lambda: w.wrap(HYPHENS))
show("wrapper fill", lambda: w.fill(LOREM))
w.width = 25
w.break_long_words = False
w.max_lines = 3
show("wrapper changed", lambda: w.wrap(LONG + " " + LOREM))
w.break_on_hyphens = 1
show("hyphens 1 (not True)", lambda: w.wrap(HYPHENS))
show("unbound", lambda: TextWrapper.fill(TextWrapper(width=10), "aa bb cc dd ee"))
show("method via getattr", lambda: getattr(TextWrapper(5), "wrap")("x y z w v"))
print(isinstance(w, TextWrapper), type(w).__name__)
w.custom = "extra"
print(w.custom)

show("width 0", lambda: textwrap.wrap("abc", 0))
show("width -3", lambda: textwrap.fill("abc", -3))
show("bad kw", lambda: textwrap.wrap("abc", 5, foo=1))
show("too many pos", lambda: textwrap.wrap("abc", 5, 3))
show("dup width", lambda: textwrap.wrap("abc", 5, width=3))
show("shorten dup max_lines", lambda: textwrap.shorten("abc def", 5, max_lines=3))
show("wrap int", lambda: textwrap.wrap(5))
show("init too many", lambda: TextWrapper(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))
show("init bad kw", lambda: TextWrapper(bogus=1))
show("dedent int", lambda: dedent(5))
show("indent int", lambda: indent(5, "x"))
show("indent int prefix", lambda: indent("a\nb", 5))
show("float width", lambda: textwrap.wrap("abc def", 2.5))
show("float width fits", lambda: textwrap.wrap("ab cd", 2.5))
show("float width keep", lambda: textwrap.wrap("abcdef ghi", 2.5, break_long_words=False))
