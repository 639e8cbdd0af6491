#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "formats/mustache/mustache.h"
#include "render/report_data.h"

using namespace jixiao;

namespace {

// The data most cases read: a: {b: "x<&", c: false}, list: [{name: 一}, {name: 二}],
// strings: [甲, 乙], yes: true, no: false, none: [], title: 标题.
TemplateValue Data() {
  TemplateValue d;
  TemplateValue a;
  a.Set("b", "x<&");
  a.Set("c", false);
  d.Set("a", std::move(a));
  TemplateValue list = TemplateValue::List();
  for (const char* n : {"一", "二"}) {
    TemplateValue item;
    item.Set("name", n);
    list.Append(std::move(item));
  }
  d.Set("list", std::move(list));
  TemplateValue strings = TemplateValue::List();
  strings.Append("甲");
  strings.Append("乙");
  d.Set("strings", std::move(strings));
  d.Set("yes", true);
  d.Set("no", false);
  d.Set("none", TemplateValue::List());
  d.Set("title", "标题");
  return d;
}

std::string Render(const std::string& text, const TemplateValue& d = Data()) {
  Template t(text);
  REQUIRE_MESSAGE(t.ok(), text);
  std::string out;
  t.Render(d, AppendEscapedHtml, out);
  return out;
}

}  // namespace

TEST_CASE("mustache: variables are escaped, triple braces and & are not, unknown names are empty") {
  CHECK(Render("[{{a.b}}]") == "[x&lt;&amp;]");
  CHECK(Render("[{{{a.b}}}]") == "[x<&]");
  CHECK(Render("[{{& a.b }}]") == "[x<&]");
  CHECK(Render("[{{ title }}]") == "[标题]");
  CHECK(Render("[{{nothing}}{{a.nothing}}{{yes}}{{list}}]") == "[]");  // only text prints
  std::string out;
  Template("{{a.b}}").Render(Data(), [](std::string& o, std::string_view s) { o += "<" + std::string(s) + ">"; }, out);
  CHECK(out == "<x<&>");
}

TEST_CASE("mustache: sections repeat for list items, show for true and objects, inverted for false and empty") {
  CHECK(Render("{{#list}}<{{name}}>{{/list}}") == "<一><二>");
  CHECK(Render("{{#strings}}{{.}},{{/strings}}") == "甲,乙,");
  CHECK(Render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#none}}E{{/none}}{{#missing}}M{{/missing}}") == "Y");
  CHECK(Render("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^none}}E{{/none}}{{^missing}}M{{/missing}}") == "NEM");
  CHECK(Render("{{#a}}{{b}}{{/a}}") == "x&lt;&amp;");
  // A name not in the item is looked for further out; a dotted name is
  // tried whole against each level.
  CHECK(Render("{{#list}}{{title}}{{a.b}};{{/list}}") == "标题x&lt;&amp;;标题x&lt;&amp;;");
  CHECK(Render("{{#a}}{{#c}}C{{/c}}{{^c}}not c{{/c}}{{/a}}") == "not c");
  // Text is true even when empty.
  TemplateValue d;
  d.Set("empty", "");
  CHECK(Render("{{#empty}}shown{{/empty}}", d) == "shown");
}

TEST_CASE("mustache: a line that held a rendered section's tag and came out blank is dropped") {
  CHECK(Render("a\n{{#list}}\n- {{name}}\n{{/list}}\nb\n") == "a\n- 一\n- 二\nb\n");
  CHECK(Render("a\n  {{#yes}}\nY\n  {{/yes}}\nb") == "a\nY\nb");
  CHECK(Render("a\r\n{{#yes}}\r\nY\r\n{{/yes}}\r\nb\r\n") == "a\r\nY\r\nb\r\n");
  CHECK(Render("a\r{{#yes}}\rY\r{{/yes}}\rb") == "a\rY\rb");  // a lone CR ends a line too
  Template lines("a\rb\r\nc\n{{/x}}");
  CHECK(lines.error_line() == 4);
  CHECK(Render("a\n{{^none}}\nempty\n{{/none}}\n") == "a\nempty\n");
  // A section that is not rendered leaves its lines' ends behind, as
  // kainjow-mustache did; the Markdown renderer folds the blank lines.
  CHECK(Render("a\n{{#no}}\nN\n{{/no}}\nb\n") == "a\n\nb\n");
  // Text on the line keeps it.
  CHECK(Render("- {{#yes}}Y{{/yes}}\n") == "- Y\n");
  // Comments print nothing but keep their line.
  CHECK(Render("a{{! note }}b\n{{! whole line }}\nc") == "ab\n\nc");
}

TEST_CASE("mustache: delimiters can be changed") {
  CHECK(Render("{{=<% %>=}}<%title%> {{title}} <%={{ }}=%>{{title}}") == "标题 {{title}} 标题");
  // Triple braces are a tag only with the default delimiters.
  CHECK(Render("{{=<% %>=}}{{{title}}} <%&a.b%>") == "{{{title}}} x<&");
  // kainjow read a delimiter change in triple braces too.
  CHECK(Render("{{{=<% %>=}}}<%title%>") == "标题");
  Template bad("{{=<%%>=}}");
  CHECK(bad.error() == Template::Error::kBadDelimiters);
}

TEST_CASE("mustache: syntax errors name the kind, the tag as written and the line") {
  Template unclosed_tag("a\nb {{title\nmore");
  CHECK(unclosed_tag.error() == Template::Error::kUnclosedTag);
  CHECK(unclosed_tag.error_line() == 2);
  CHECK(unclosed_tag.error_name() == "{{title…");  // its first line only
  CHECK(unclosed_tag.error_section() == "}}");
  Template unclosed_triple("{{{title}}");
  CHECK(unclosed_triple.error_section() == "}}}");
  // A long tag is cut at 60 bytes, never inside a character.
  std::string long_tag = "{{";
  for (int i = 0; i < 30; ++i) long_tag += "甲";
  Template cut(long_tag);
  REQUIRE(cut.error() == Template::Error::kUnclosedTag);
  CHECK(cut.error_name() == "{{" + long_tag.substr(2, 57) + "…");

  Template open("x\n{{#list}}\n{{^ none }}\n");
  CHECK(open.error() == Template::Error::kUnclosedSection);
  CHECK(open.error_name() == "{{^ none }}");  // the innermost open section
  CHECK(open.error_section() == "{{/none}}");
  CHECK(open.error_line() == 3);

  Template stray("{{title}}\n\n{{/list}}");
  CHECK(stray.error() == Template::Error::kUnopenedSection);
  CHECK(stray.error_name() == "{{/list}}");
  CHECK(stray.error_line() == 3);

  Template crossed("{{#list}}\n{{^a}}\n{{/list}}\n{{/a}}");
  CHECK(crossed.error() == Template::Error::kMismatchedSection);
  CHECK(crossed.error_name() == "{{/list}}");
  CHECK(crossed.error_line() == 3);
  CHECK(crossed.error_section() == "{{^a}}");
  CHECK(crossed.error_section_line() == 2);

  Template custom("{{=<% %>=}}\n<%#list%>");
  CHECK(custom.error() == Template::Error::kUnclosedSection);
  CHECK(custom.error_section() == "<%/list%>");

  std::string deep;
  for (size_t i = 0; i <= Template::kMaxDepth; ++i) deep += "{{#yes}}";
  Template too_deep(deep);
  CHECK(too_deep.error() == Template::Error::kTooDeep);
  std::string fine;
  for (size_t i = 0; i < Template::kMaxDepth; ++i) fine = "{{#yes}}" + fine + "{{/yes}}";
  CHECK(Render("[" + fine + "]") == "[]");

  // A failed template renders nothing.
  std::string out;
  crossed.Render(Data(), AppendEscapedHtml, out);
  CHECK(out.empty());
}

TEST_CASE("mustache: the tags are listed with their sigils and lines for the template checker") {
  Template t("{{a}}\n{{#list}}{{{b}}}{{/list}}\n{{! c }}{{>d}}\n{{& e }}");
  REQUIRE(t.tags().size() == 7);
  CHECK(t.tags()[0].sigil == 0);
  CHECK(t.tags()[1].sigil == '#');
  CHECK(t.tags()[1].name == "list");
  CHECK(t.tags()[1].line == 2);
  CHECK(t.tags()[2].sigil == '{');
  CHECK(t.tags()[3].sigil == '/');
  CHECK(t.tags()[4].sigil == '!');
  CHECK(t.tags()[5].sigil == '>');
  CHECK(t.tags()[5].name == "d");
  CHECK(t.tags()[6].sigil == '&');
  CHECK(t.tags()[6].name == "e");
  CHECK(t.tags()[6].line == 4);
}

TEST_CASE("mustache: Set replaces a key, Set and Append do nothing on the wrong kind") {
  TemplateValue d;
  d.Set("k", "one");
  d.Set("k", "two");
  CHECK(Render("{{k}}", d) == "two");
  TemplateValue list = TemplateValue::List();
  list.Set("k", "x");
  CHECK(list.Size() == 0);
  TemplateValue text("t");
  text.Append("x");
  CHECK(text.Size() == 0);
  CHECK(text.Find("k") == nullptr);
}

TEST_CASE("mustache: Markdown escaping appends what EscapeMarkdown returns") {
  std::string out = "前";
  AppendEscapedMarkdown(out, "a*b_c|d\ne");
  CHECK(out == "前" + EscapeMarkdown("a*b_c|d\ne"));
  CHECK(EscapeMarkdown("a*b_c|d\ne") == "a\\*b\\_c\\|d e");
}

TEST_CASE("Template: rendering that multiplies past its bound stops and says so") {
  TemplateValue item;
  item.Set("x", "一行文字");
  TemplateValue list = TemplateValue::List();
  for (int i = 0; i < 100; ++i) list.Append(item);
  TemplateValue d;
  for (const char* name : {"a", "b", "c", "d"}) d.Set(name, list);
  std::string out;
  // 100⁴ = 10⁸ items: past the step bound, stopped there (how fast is the benchmark's to say, not a test's).
  CHECK_FALSE(Template("{{#a}}{{#b}}{{#c}}{{#d}}{{/d}}{{/c}}{{/b}}{{/a}}").Render(d, AppendEscapedHtml, out));
  // 100³ lines of text: past the output bound, and no further.
  out.clear();
  CHECK_FALSE(Template("{{#a}}{{#b}}{{#c}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}\n{{/c}}{{/b}}{{/a}}")
                  .Render(d, AppendEscapedHtml, out));
  CHECK(out.size() <= Template::kMaxRenderBytes + 1024);
  out.clear();
  CHECK(Template("{{#a}}{{x}}{{/a}}").Render(d, AppendEscapedHtml, out));
  CHECK(out.size() == 100 * std::string("一行文字").size());
}
