// Mustache templates: the report templates' language, parsed once and
// rendered from a tree of text values.
//
// Why not a packaged engine: kainjow-mustache, which jixiao used first,
// keeps every value in a node of its own (an unordered_map per object, a
// heap string per value) and walks the template through a std::function and
// a string split per tag. For a batch that was most of jixiao's own time per
// report (docs/performance.md). Here an object is one vector of entries, a
// name's parts and their hashes are found when the template is parsed, and
// rendering is a loop over the parsed nodes.
//
// What is rendered is what kainjow rendered for the same template and data:
// variables ({{x}} escaped, {{{x}}} and {{&x}} as they are), sections and
// inverted sections, dotted names and {{.}}, comments, set delimiters; a line
// whose output is blank or spaces and that held a rendered section's tag is
// dropped. Partials and lambdas are not part of the language here: the
// template checker refuses {{>x}} as an unknown variable.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// A value a template reads: false, true, text, a list or an object (the
// default). Mustache treats every text as true, so empty optional text is
// given as false (OptText in report_mustache.h).
class TemplateValue {
 public:
  enum class Kind : unsigned char { kFalse, kTrue, kText, kList, kObject };

  // The members that touch entries_ are defined below, where Entry is
  // complete.
  TemplateValue();
  TemplateValue(bool b);
  TemplateValue(std::string text);
  TemplateValue(const char* text);
  TemplateValue(const TemplateValue&);
  TemplateValue(TemplateValue&&) noexcept;
  TemplateValue& operator=(const TemplateValue&);
  TemplateValue& operator=(TemplateValue&&) noexcept;
  ~TemplateValue();
  static TemplateValue List();

  // An object's value under `key`, replacing any earlier one; ignored on
  // anything but an object.
  void Set(std::string_view key, TemplateValue value);
  // Adds an item to a list; ignored on anything but a list.
  void Append(TemplateValue value);

  Kind kind() const { return kind_; }
  bool IsList() const { return kind_ == Kind::kList; }
  bool IsObject() const { return kind_ == Kind::kObject; }
  const std::string& Text() const { return text_; }
  // A list's items.
  size_t Size() const;
  const TemplateValue& At(size_t i) const;
  // An object's value under `key`, or nullptr.
  const TemplateValue* Find(std::string_view key) const { return Find(key, Hash(key)); }
  const TemplateValue* Find(std::string_view key, uint32_t hash) const;

  static uint32_t Hash(std::string_view key);

 private:
  struct Entry;
  Kind kind_ = Kind::kObject;
  std::string text_;
  std::vector<Entry> entries_;  // an object's keys and values, or a list's items
};

struct TemplateValue::Entry {
  uint32_t hash = 0;
  std::string key;
  TemplateValue value;
};
inline TemplateValue::TemplateValue() = default;
inline TemplateValue::TemplateValue(bool b) : kind_(b ? Kind::kTrue : Kind::kFalse) {}
inline TemplateValue::TemplateValue(std::string text) : kind_(Kind::kText), text_(std::move(text)) {}
inline TemplateValue::TemplateValue(const char* text) : kind_(Kind::kText), text_(text) {}
inline TemplateValue::TemplateValue(const TemplateValue&) = default;
inline TemplateValue::TemplateValue(TemplateValue&&) noexcept = default;
inline TemplateValue& TemplateValue::operator=(const TemplateValue&) = default;
inline TemplateValue& TemplateValue::operator=(TemplateValue&&) noexcept = default;
inline TemplateValue::~TemplateValue() = default;
inline TemplateValue TemplateValue::List() {
  TemplateValue v;
  v.kind_ = Kind::kList;
  return v;
}
inline size_t TemplateValue::Size() const { return entries_.size(); }
inline const TemplateValue& TemplateValue::At(size_t i) const { return entries_[i].value; }

class Template {
 public:
  // Appends `text` to `out`, escaped for the output's language.
  using Escape = void (*)(std::string& out, std::string_view text);

  enum class Error {
    kNone,
    kUnclosedTag,        // {{ with no }} after it
    kUnclosedSection,    // {{#x}} or {{^x}} with no {{/x}}
    kUnopenedSection,    // {{/x}} with no section open
    kMismatchedSection,  // {{/y}} closing {{#x}}
    kBadDelimiters,      // {{=<% %>=}} that cannot be used
    kTooDeep,            // sections nested more than kMaxDepth deep
  };
  static constexpr size_t kMaxDepth = 100;

  // Parses; a syntax error leaves the template empty with error() set,
  // error_name() the tag as written (its first line, cut at 60 bytes) and
  // error_line() its line. error_section() is, for kMismatchedSection, the
  // open section's tag (opened on error_section_line()); for
  // kUnclosedSection, the tag that would close it; for kUnclosedTag, the
  // closing delimiter that was expected.
  explicit Template(std::string_view text);
  Template(Template&&) noexcept;
  Template& operator=(Template&&) noexcept;
  ~Template();

  bool ok() const { return error_ == Error::kNone; }
  Error error() const { return error_; }
  const std::string& error_name() const { return error_name_; }
  int error_line() const { return error_line_; }
  const std::string& error_section() const { return error_section_; }
  int error_section_line() const { return error_section_line_; }

  // Renders into `out` (appended). False when rendering passed a bound
  // (kMaxRenderSteps nodes visited or kMaxRenderBytes appended: sections
  // over lists nested so that the work multiplies) and was stopped; `out`
  // then holds a part.
  bool Render(const TemplateValue& data, Escape escape, std::string& out) const;
  static constexpr size_t kMaxRenderSteps = 20'000'000;
  static constexpr size_t kMaxRenderBytes = 64u << 20;

  // A name a template refers to, as written; `line` is 1-based.
  struct Tag {
    char sigil;  // 0 for {{x}}, '{' for {{{x}}}, or one of & # ^ / > !
    std::string name;
    int line;
  };
  // Every tag in the order written (comments and delimiter changes left out),
  // for the template checker.
  const std::vector<Tag>& tags() const { return tags_; }

 private:
  struct Node;
  struct Renderer;
  std::vector<Node> nodes_;
  std::vector<Tag> tags_;
  Error error_ = Error::kNone;
  std::string error_name_;
  int error_line_ = 0;
  std::string error_section_;
  int error_section_line_ = 0;
};

// The HTML escape for {{x}} in an HTML template: & < > " '.
void AppendEscapedHtml(std::string& out, std::string_view text);

}  // namespace jixiao
