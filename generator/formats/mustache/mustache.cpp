#include "formats/mustache/mustache.h"

#include <algorithm>
#include <utility>

namespace jixiao {

// ---- values ----

uint32_t TemplateValue::Hash(std::string_view key) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (unsigned char c : key) h = (h ^ c) * 16777619u;
  return h;
}

// Set does not look for an earlier value under the key: Find reads the
// entries from the last, so the latest value is the one found.
void TemplateValue::Set(std::string_view key, TemplateValue value) {
  if (kind_ != Kind::kObject) return;
  if (entries_.empty()) entries_.reserve(8);
  entries_.push_back(Entry{Hash(key), std::string(key), std::move(value)});
}

void TemplateValue::Append(TemplateValue value) {
  if (kind_ != Kind::kList) return;
  if (entries_.empty()) entries_.reserve(8);
  entries_.push_back(Entry{0, std::string(), std::move(value)});
}

const TemplateValue* TemplateValue::Find(std::string_view key, uint32_t hash) const {
  if (kind_ != Kind::kObject) return nullptr;
  for (size_t i = entries_.size(); i-- > 0;)
    if (entries_[i].hash == hash && entries_[i].key == key) return &entries_[i].value;
  return nullptr;
}

// ---- parsing ----

struct Template::Node {
  enum class Type : unsigned char { kText, kNewline, kVariable, kRaw, kSection, kInverted };
  Type type = Type::kText;
  std::string text;                // kText, kNewline: the text; a section: its name
  bool dot = false;                // the name is "." (the current item)
  std::vector<std::string> parts;  // the name split at '.'
  std::vector<uint32_t> hashes;    // each part's TemplateValue::Hash
  std::vector<Node> children;      // a section's contents
};

Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;
Template::~Template() = default;

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

int Newlines(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    if (s[i] == '\n' || s[i] == '\r') ++n;
  }
  return n;
}

// A tag as an error message shows it: its first line, at most 60 bytes
// (never half a UTF-8 character), "…" where it was cut.
std::string Excerpt(std::string_view s) {
  size_t n = std::min<size_t>(s.find_first_of("\r\n"), s.size());
  bool cut = n < s.size();
  if (n > 60) {
    n = 60;
    cut = true;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  }
  return std::string(s.substr(0, n)) + (cut ? "…" : "");
}

// "=<% %>=" → the two delimiters; neither may hold '=' or a space.
bool ParseDelimiters(std::string_view contents, std::string& open, std::string& close) {
  if (contents.size() < 5 || contents.back() != '=') return false;
  std::string_view inner = Trim(contents.substr(1, contents.size() - 2));
  size_t space = inner.find(' ');
  if (space == std::string_view::npos) return false;
  size_t next = inner.find_first_not_of(' ', space + 1);
  if (next == std::string_view::npos) return false;
  std::string_view a = inner.substr(0, space), b = inner.substr(next);
  for (std::string_view d : {a, b})
    for (char c : d)
      if (c == '=' || IsSpace(c)) return false;
  open = a;
  close = b;
  return true;
}

}  // namespace

Template::Template(std::string_view in) {
  std::string open = "{{", close = "}}";
  bool braces = true;  // {{{x}}} is recognised only with the default delimiters
  std::vector<std::vector<Node>*> open_sections{&nodes_};
  std::vector<int> section_lines;
  std::vector<std::string> section_tags;  // each open section's tag as written
  std::vector<std::string> section_ends;  // and the tag that would close it
  int line = 1;
  auto fail = [&](Error e, std::string name, int at) {
    error_ = e;
    error_name_ = std::move(name);
    error_line_ = at;
    nodes_.clear();
  };
  auto add_text = [&](std::string_view text) {
    std::vector<Node>& into = *open_sections.back();
    if (!into.empty() && into.back().type == Node::Type::kText) {
      into.back().text.append(text);
      return;
    }
    Node n;
    n.text = text;
    into.push_back(std::move(n));
  };

  for (size_t pos = 0; pos < in.size();) {
    if (in.compare(pos, open.size(), open) != 0) {
      char c = in[pos];
      if (c == '\n' || c == '\r') {
        size_t len = c == '\r' && pos + 1 < in.size() && in[pos + 1] == '\n' ? 2 : 1;
        Node n;
        n.type = Node::Type::kNewline;
        n.text = in.substr(pos, len);
        open_sections.back()->push_back(std::move(n));
        pos += len;
        ++line;
        continue;
      }
      // Text runs to the next line end or possible tag.
      size_t next = pos + 1;
      while (next < in.size() && in[next] != '\n' && in[next] != '\r' && in[next] != open[0]) ++next;
      add_text(in.substr(pos, next - pos));
      pos = next;
      continue;
    }

    const int tag_line = line;
    size_t at = pos + open.size();
    const bool triple = braces && at < in.size() && in[at] == '{';
    if (triple) ++at;
    const std::string_view end_delim = triple ? std::string_view("}}}") : std::string_view(close);
    size_t end = in.find(end_delim, at);
    if (end == std::string_view::npos) {
      error_section_ = end_delim;
      fail(Error::kUnclosedTag, Excerpt(in.substr(pos)), tag_line);
      return;
    }
    std::string_view raw = in.substr(at, end - at);
    const std::string written = Excerpt(in.substr(pos, end + end_delim.size() - pos));
    line += Newlines(raw);
    pos = end + end_delim.size();
    std::string_view contents = Trim(raw);

    if (!contents.empty() && contents[0] == '=') {  // {{{=…=}}} too, as kainjow read it
      if (!ParseDelimiters(contents, open, close)) {
        fail(Error::kBadDelimiters, written, tag_line);
        return;
      }
      braces = open == "{{" && close == "}}";
      continue;
    }
    char sigil = 0;
    std::string_view name = contents;
    if (triple) {
      sigil = '{';
    } else if (!contents.empty() && std::string_view("#^/>&!").find(contents[0]) != std::string_view::npos) {
      sigil = contents[0];
      name = Trim(contents.substr(1));
    }
    tags_.push_back(Tag{sigil, std::string(name), tag_line});
    if (sigil == '!' || sigil == '>') continue;  // comments; partials render nothing

    if (sigil == '/') {
      if (open_sections.size() == 1) {
        fail(Error::kUnopenedSection, written, tag_line);
        return;
      }
      std::vector<Node>* parent = open_sections[open_sections.size() - 2];
      if (parent->back().text != name) {
        error_section_ = section_tags.back();
        error_section_line_ = section_lines.back();
        fail(Error::kMismatchedSection, written, tag_line);
        return;
      }
      open_sections.pop_back();
      section_lines.pop_back();
      section_tags.pop_back();
      section_ends.pop_back();
      continue;
    }

    Node n;
    n.type = sigil == '#'   ? Node::Type::kSection
             : sigil == '^' ? Node::Type::kInverted
             : sigil == 0   ? Node::Type::kVariable
                            : Node::Type::kRaw;
    n.text = name;
    if (name == ".") {
      n.dot = true;
    } else {
      // As std::getline splits: "a.b" → a, b; a trailing '.' adds no part.
      size_t from = 0;
      while (from < name.size() || (from == 0 && name.empty())) {
        size_t dot = name.find('.', from);
        std::string_view part = name.substr(from, dot == std::string_view::npos ? std::string_view::npos : dot - from);
        n.parts.emplace_back(part);
        n.hashes.push_back(TemplateValue::Hash(part));
        if (dot == std::string_view::npos) break;
        from = dot + 1;
      }
    }
    std::vector<Node>& into = *open_sections.back();
    into.push_back(std::move(n));
    if (sigil == '#' || sigil == '^') {
      if (open_sections.size() > kMaxDepth) {
        fail(Error::kTooDeep, written, tag_line);
        return;
      }
      open_sections.push_back(&into.back().children);
      section_lines.push_back(tag_line);
      section_tags.push_back(written);
      section_ends.push_back(open + "/" + std::string(name) + close);
    }
  }
  if (open_sections.size() > 1) {
    error_section_ = section_ends.back();
    fail(Error::kUnclosedSection, section_tags.back(), section_lines.back());
    return;
  }
}

// ---- rendering ----

// A line of output is dropped when a section's tag stood on it (a section
// that was rendered) and it came out empty or only spaces and tabs.
struct Template::Renderer {
  Escape escape;
  std::string& out;
  size_t line_start;
  bool section_tag = false;
  std::vector<const TemplateValue*> stack;
  size_t start = 0;   // out.size() when rendering began
  size_t steps = 0;   // nodes visited
  bool over = false;  // a bound passed: rendering stopped

  const TemplateValue* Lookup(const Node& n) const {
    if (n.dot) return stack.back();
    for (size_t i = stack.size(); i-- > 0;) {
      const TemplateValue* v = stack[i];
      for (size_t k = 0; v && k < n.parts.size(); ++k) v = v->Find(n.parts[k], n.hashes[k]);
      if (v) return v;
    }
    return nullptr;
  }

  void EndLine(const std::string* newline) {
    bool blank = true;
    for (size_t i = line_start; i < out.size() && blank; ++i) blank = out[i] == ' ' || out[i] == '\t';
    if (section_tag && blank) out.resize(line_start);
    else if (newline) out += *newline;
    line_start = out.size();
    section_tag = false;
  }

  static bool Falsy(const TemplateValue* v) {
    return !v || v->kind() == TemplateValue::Kind::kFalse || (v->IsList() && v->Size() == 0);
  }

  void Section(const Node& n, const TemplateValue* v) {
    if (v && v->IsList() && v->Size() != 0) {
      for (size_t i = 0; i < v->Size() && !over; ++i) {
        if (++steps > kMaxRenderSteps) over = true;  // an empty section repeated is work too
        section_tag = true;
        stack.push_back(&v->At(i));
        Walk(n.children);
        stack.pop_back();
        section_tag = true;
      }
      return;
    }
    section_tag = true;
    if (v) stack.push_back(v);
    Walk(n.children);
    if (v) stack.pop_back();
    section_tag = true;
  }

  void Walk(const std::vector<Node>& nodes) {
    for (const Node& n : nodes) {
      // Sections over lists multiply: nested ones can ask for more work or
      // output than any report needs. Past a bound, rendering stops.
      if (over || ++steps > kMaxRenderSteps || out.size() - start > kMaxRenderBytes) {
        over = true;
        return;
      }
      switch (n.type) {
        case Node::Type::kText: out += n.text; break;
        case Node::Type::kNewline: EndLine(&n.text); break;
        case Node::Type::kVariable:
        case Node::Type::kRaw:
          if (const TemplateValue* v = Lookup(n); v && v->kind() == TemplateValue::Kind::kText) {
            if (n.type == Node::Type::kVariable) escape(out, v->Text());
            else out += v->Text();
          }
          break;
        case Node::Type::kSection:
          if (const TemplateValue* v = Lookup(n); !Falsy(v)) Section(n, v);
          break;
        case Node::Type::kInverted:
          if (const TemplateValue* v = Lookup(n); Falsy(v)) Section(n, v);
          break;
      }
    }
  }
};

bool Template::Render(const TemplateValue& data, Escape escape, std::string& out) const {
  Renderer r{escape, out, out.size()};
  r.start = out.size();
  r.stack.reserve(8);
  r.stack.push_back(&data);
  r.Walk(nodes_);
  if (r.over) return false;
  r.EndLine(nullptr);
  return true;
}

void AppendEscapedHtml(std::string& out, std::string_view text) {
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&apos;"; break;
      default: continue;
    }
    out.append(text, run, i - run);
    out += entity;
    run = i + 1;
  }
  out.append(text, run, std::string_view::npos);
}

}  // namespace jixiao
