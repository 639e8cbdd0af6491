#include "formats/yaml/yaml_source.h"

#include <yaml.h>

#include <algorithm>
#include <deque>
#include <map>
#include <unordered_map>
#include <vector>

#include "base/messages.h"
#include "base/read_file.h"

namespace jixiao {

struct YamlData {
  enum class Kind { kNull, kScalar, kMap, kSequence } kind = Kind::kNull;
  int line = 0, column = 0;  // 1-based, column in bytes; 0 when unknown
  std::string scalar;
  std::vector<const YamlData*> items;  // a sequence's elements; a map's key, value, key, value, …
  size_t weight = 1;                   // nodes below and including this one, aliases expanded
  size_t bytes = 0;                    // bytes of the scalars below and including this one, aliases expanded
};

bool YamlNode::IsNull() const { return d_ && d_->kind == YamlData::Kind::kNull; }
bool YamlNode::IsScalar() const { return d_ && d_->kind == YamlData::Kind::kScalar; }
bool YamlNode::IsMap() const { return d_ && d_->kind == YamlData::Kind::kMap; }
bool YamlNode::IsSequence() const { return d_ && d_->kind == YamlData::Kind::kSequence; }

const std::string& YamlNode::Scalar() const {
  static const std::string kEmpty;
  return IsScalar() ? d_->scalar : kEmpty;
}

size_t YamlNode::size() const {
  if (IsMap()) return d_->items.size() / 2;
  if (IsSequence()) return d_->items.size();
  return 0;
}

YamlNode YamlNode::operator[](std::string_view key) const {
  if (!IsMap()) return YamlNode();
  for (size_t i = 0; i + 1 < d_->items.size(); i += 2) {
    const YamlData* k = d_->items[i];
    if (k->kind == YamlData::Kind::kScalar && k->scalar == key) return YamlNode(d_->items[i + 1]);
  }
  return YamlNode();
}

YamlIterator YamlNode::begin() const { return YamlIterator(IsMap() || IsSequence() ? d_ : nullptr, 0); }
YamlIterator YamlNode::end() const { return YamlIterator(IsMap() || IsSequence() ? d_ : nullptr, size()); }
int YamlNode::Line() const { return d_ ? d_->line : 0; }
int YamlNode::Column() const { return d_ ? d_->column : 0; }

void YamlIterator::Fill() {
  item_ = YamlItem();
  if (!parent_) return;
  if (parent_->kind == YamlData::Kind::kMap) {
    if (2 * index_ + 1 >= parent_->items.size()) return;
    item_.first = YamlNode(parent_->items[2 * index_]);
    item_.second = YamlNode(parent_->items[2 * index_ + 1]);
  } else if (index_ < parent_->items.size()) {
    static_cast<YamlNode&>(item_) = YamlNode(parent_->items[index_]);
  }
}

namespace {

// An alias may refer to a node that itself holds aliases; the expanded
// tree is what the loaders walk (and copy text from), so its size is bounded
// in nodes and in the bytes of its scalars. Each bound is checked as a node
// joins its parent, before anything is copied.
constexpr size_t kMaxYamlNodes = 1000000;
constexpr size_t kMaxYamlExpandedBytes = size_t{64} << 20;
// Collections open inside one another, flow ([[[…]]]) or block. libyaml
// parses lazily, so stopping at the bound also stops its scanner.
constexpr size_t kMaxYamlDepth = 200;

// libyaml counts columns in characters and breaks lines at \n, \r and
// \r\n (the Unicode breaks never reach it: see PrepareText); the
// diagnostics count bytes. This maps libyaml's (line, column) to bytes.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {
    size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // libyaml skips a BOM
    starts_.push_back(i);
    for (; i < text.size(); ++i) {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (text[i] == '\n' || text[i] == '\r') starts_.push_back(i + 1);
    }
  }
  // Byte column, 1-based, of character `column` (0-based) on `line` (0-based).
  // Nodes arrive in file order, so the walk goes on from the last one on
  // the same line instead of from the line's start.
  int ByteColumn(size_t line, size_t column) const {
    if (line >= starts_.size()) return static_cast<int>(column + 1);
    if (line != last_line_ || column < last_column_) {
      last_line_ = line;
      last_column_ = 0;
      last_byte_ = starts_[line];
    }
    for (; last_column_ < column && last_byte_ < text_.size(); ++last_column_)
      last_byte_ += Width(static_cast<unsigned char>(text_[last_byte_]));
    return static_cast<int>(last_byte_ - starts_[line] + 1);
  }
  // (line, byte column), 1-based, of a byte offset.
  std::pair<int, int> At(size_t offset) const {
    size_t line = static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin()) - 1;
    return {static_cast<int>(line + 1), static_cast<int>(offset - starts_[line] + 1)};
  }
  // The text of `line` (0-based), without its line break.
  std::string_view Line(size_t line) const {
    if (line >= starts_.size()) return {};
    size_t end = line + 1 < starts_.size() ? starts_[line + 1] : text_.size();
    std::string_view l = text_.substr(starts_[line], end - starts_[line]);
    while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.remove_suffix(1);
    return l;
  }

 private:
  static size_t Width(unsigned char lead) { return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1; }
  std::string_view text_;
  std::vector<size_t> starts_;
  mutable size_t last_line_ = static_cast<size_t>(-1), last_column_ = 0, last_byte_ = 0;
};

// libyaml follows YAML 1.1, where U+2028 and U+2029 (line and paragraph
// separators, which text pasted from web pages carries) end a line, and
// U+0085 (NEL) too; yaml-cpp and the diagnostics' line numbers do not. The
// two separators are swapped for noncharacters of the same length (U+FDD0,
// U+FDD1: never in interchanged text) before parsing and swapped back in
// the scalars; a NEL, which in practice means a file decoded with the wrong
// encoding, is refused where it stands.
constexpr std::string_view kLineSep = "\xE2\x80\xA8", kParaSep = "\xE2\x80\xA9";
constexpr std::string_view kLineSepStandIn = "\xEF\xB7\x90", kParaSepStandIn = "\xEF\xB7\x91";

bool Swap(std::string& s, std::string_view from, std::string_view to) {
  bool any = false;
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
    any = true;
  }
  return any;
}

// The first character of a scalar that text may not hold, or -1: the C0
// controls but tab and line feed (ESC, NUL, a lone CR: a "\r" written in a
// quoted string), DEL, the C1 controls, and the bidirectional overrides and
// isolates (U+202A–U+202E, U+2066–U+2069) that make a terminal or a report
// show text other than it is. Checked after escapes are read, so "\e" and
// "\u202E" are caught as well as the raw bytes.
long ControlCharacter(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) return c;
    if (c == 0xC2 && i + 1 < s.size()) {
      unsigned char n = static_cast<unsigned char>(s[i + 1]);
      if (n >= 0x80 && n <= 0x9F) return 0x80 + (n - 0x80);
    } else if (c == 0xE2 && i + 2 < s.size()) {
      unsigned char b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
      if (b1 == 0x80 && b2 >= 0xAA && b2 <= 0xAE) return 0x2000 + (b2 - 0x80);  // U+202A–E
      if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return 0x2066 + (b2 - 0xA6);                // U+2066–9
    }
  }
  return -1;
}

struct YamlDocument {
  std::deque<YamlData> nodes;
};

// libyaml's events, assembled into YamlData nodes.
class YamlBuilder {
 public:
  YamlBuilder(const std::string& path, std::string_view text, YamlDocument& doc)
      : path_(path), text_(text), lines_(text), doc_(doc) {}

  const YamlData* Build() {
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) Fail(SourceLoc{path_}, "", msg::kYamlSyntax, "out of memory");
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text_.data()), text_.size());
    const YamlData* root = nullptr;
    bool done = false;
    try {
      while (!done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) SyntaxError(parser);
        // The event is freed before anything here can throw past it.
        struct Freer {
          yaml_event_t* e;
          ~Freer() { yaml_event_delete(e); }
        } freer{&ev};
        switch (ev.type) {
          case YAML_DOCUMENT_END_EVENT:  // only the first document is read
          case YAML_STREAM_END_EVENT: done = true; break;
          case YAML_SCALAR_EVENT: {
            YamlData& d = New(ev.start_mark);
            std::string_view value(reinterpret_cast<const char*>(ev.data.scalar.value), ev.data.scalar.length);
            bool null_text = value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
            if (ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !ev.data.scalar.tag && null_text) {
              d.kind = YamlData::Kind::kNull;
            } else {
              d.kind = YamlData::Kind::kScalar;
              d.scalar.assign(value);
              if (long c = ControlCharacter(value); c >= 0)
                Fail(SourceLoc{path_, d.line, d.column, ""}, "", msg::kYamlControlCharacter,
                     fmt::format("{:04X}", static_cast<uint32_t>(c)));
              d.bytes = value.size();
            }
            Anchor(ev.data.scalar.anchor, d);
            Add(&d, root);
            break;
          }
          case YAML_ALIAS_EVENT: {
            std::string name = reinterpret_cast<const char*>(ev.data.alias.anchor);
            auto it = anchors_.find(name);
            if (it == anchors_.end()) Error(ev.start_mark, "undefined alias *" + name);
            // An alias inside its own anchor would make the tree a cycle.
            if (std::find(open_.begin(), open_.end(), it->second) != open_.end())
              Error(ev.start_mark, "recursive alias *" + name + " (it refers to a node that contains it)");
            Add(it->second, root);
            break;
          }
          case YAML_SEQUENCE_START_EVENT:
          case YAML_MAPPING_START_EVENT: {
            if (open_.size() >= kMaxYamlDepth)
              Fail(SourceLoc{path_, static_cast<int>(ev.start_mark.line + 1),
                             lines_.ByteColumn(ev.start_mark.line, ev.start_mark.column), ""},
                   "", msg::kYamlTooDeep, kMaxYamlDepth);
            YamlData& d = New(ev.start_mark);
            bool map = ev.type == YAML_MAPPING_START_EVENT;
            d.kind = map ? YamlData::Kind::kMap : YamlData::Kind::kSequence;
            open_.push_back(&d);
            keys_.emplace_back();
            Anchor(map ? ev.data.mapping_start.anchor : ev.data.sequence_start.anchor, d);
            break;
          }
          case YAML_SEQUENCE_END_EVENT:
          case YAML_MAPPING_END_EVENT: {
            YamlData* d = open_.back();
            open_.pop_back();
            keys_.pop_back();
            Add(d, root);
            break;
          }
          default: break;
        }
      }
    } catch (...) {
      yaml_parser_delete(&parser);
      throw;
    }
    yaml_parser_delete(&parser);
    if (!root) root = &New(yaml_mark_t{}, false);  // an empty file: a null document without a place
    return root;
  }

 private:
  YamlData& New(const yaml_mark_t& m, bool placed = true) {
    YamlData& d = doc_.nodes.emplace_back();
    if (placed) {
      d.line = static_cast<int>(m.line + 1);
      d.column = lines_.ByteColumn(m.line, m.column);
    }
    return d;
  }

  void Anchor(const unsigned char* name, const YamlData& d) {
    if (name) anchors_[reinterpret_cast<const char*>(name)] = &d;
  }

  // A finished node goes to its open parent, or becomes the root.
  void Add(const YamlData* d, const YamlData*& root) {
    if (open_.empty()) {
      if (!root) root = d;
      return;
    }
    YamlData* parent = open_.back();
    if (parent->kind == YamlData::Kind::kMap && parent->items.size() % 2 == 0 &&
        d->kind == YamlData::Kind::kScalar) {
      // Keys point into nodes that never move (a deque) and never change.
      auto [at, fresh] = keys_.back().emplace(std::string_view(d->scalar), d);
      if (!fresh) Fail(SourceLoc{path_, d->line, d->column, ""}, "", msg::kYamlDuplicateKey, d->scalar, at->second->line);
    }
    parent->items.push_back(d);
    // Each child is within the bounds, so the sums cannot overflow.
    parent->weight += d->weight;
    parent->bytes += d->bytes;
    if (parent->weight > kMaxYamlNodes)
      Fail(SourceLoc{path_, parent->line, parent->column, ""}, "", msg::kYamlTooLarge, kMaxYamlNodes);
    if (parent->bytes > kMaxYamlExpandedBytes)
      Fail(SourceLoc{path_, parent->line, parent->column, ""}, "", msg::kYamlTooManyBytes, kMaxYamlExpandedBytes);
  }

  [[noreturn]] void Error(const yaml_mark_t& m, const std::string& what) {
    Fail(SourceLoc{path_, static_cast<int>(m.line + 1), lines_.ByteColumn(m.line, m.column), ""}, "",
         msg::kYamlSyntax, what);
  }

  [[noreturn]] void SyntaxError(yaml_parser_t& p) {
    std::string what = p.problem ? p.problem : "unreadable YAML";
    // `formula: v >= 0.9 ? weight : 0` unquoted: the ": " reads as a second
    // mapping. Say what to do rather than what libyaml saw.
    if (what.rfind("mapping values are not allowed", 0) == 0) {
      std::string_view line = lines_.Line(p.problem_mark.line);
      size_t colon = line.find(": ");
      if (colon != std::string_view::npos && line.find('?', colon) != std::string_view::npos &&
          line.find('"') == std::string_view::npos && line.find('\'') == std::string_view::npos)
        Fail(SourceLoc{path_, static_cast<int>(p.problem_mark.line + 1),
                       lines_.ByteColumn(p.problem_mark.line, p.problem_mark.column), ""},
             "", msg::kYamlUnquotedCondition,
             std::string(line.substr(line.find_first_not_of(" -"), colon - std::min(colon, line.find_first_not_of(" -")))),
             std::string(line.substr(colon + 2)));
    }
    if (p.context) what += std::string(", ") + p.context;
    if (p.error == YAML_READER_ERROR) {  // bad bytes: libyaml gives an offset, not a mark
      auto [line, column] = lines_.At(p.problem_offset);
      std::string where = fmt::format("{} (byte 0x{:02X})", what, p.problem_value < 0 ? 0 : p.problem_value);
      Fail(SourceLoc{path_, line, column, ""}, "", msg::kYamlSyntax, where);
    }
    Error(p.problem_mark, what);
  }

  const std::string& path_;
  std::string_view text_;
  LineIndex lines_;
  YamlDocument& doc_;
  std::vector<YamlData*> open_;
  std::vector<std::unordered_map<std::string_view, const YamlData*>> keys_;  // a map's keys so far, per open node
  std::map<std::string, const YamlData*> anchors_;
};

}  // namespace

YamlFile YamlFile::Load(const std::string& path) {
  std::optional<std::string> text = ReadFileBytes(path);  // a folder is not a file
  if (!text) Fail(SourceLoc{path}, "", msg::kCannotRead);
  return Parse(path, *text);
}

YamlFile YamlFile::Parse(const std::string& path, std::string_view text) {
  YamlFile f;
  f.path_ = path;
  if (size_t nel = text.find("\xC2\x85"); nel != std::string_view::npos) {
    auto [line, column] = LineIndex(text).At(nel);
    Fail(SourceLoc{path, line, column, ""}, "", msg::kYamlSyntax,
         "U+0085 (NEL) is not text: the file was probably saved from another encoding; save it as UTF-8 again");
  }
  std::string swapped;
  bool separators = false;
  if (text.find(kLineSep) != std::string_view::npos || text.find(kParaSep) != std::string_view::npos) {
    swapped.assign(text);
    // A file that already holds the stand-ins keeps libyaml's reading.
    if (swapped.find(kLineSepStandIn) == std::string::npos && swapped.find(kParaSepStandIn) == std::string::npos) {
      separators = Swap(swapped, kLineSep, kLineSepStandIn) | Swap(swapped, kParaSep, kParaSepStandIn);
      text = swapped;
    }
  }
  auto doc = std::make_shared<YamlDocument>();
  f.root_ = YamlNode(YamlBuilder(path, text, *doc).Build());
  if (separators)
    for (YamlData& d : doc->nodes) {
      Swap(d.scalar, kLineSepStandIn, kLineSep);
      Swap(d.scalar, kParaSepStandIn, kParaSep);
    }
  f.nodes_ = doc;
  return f;
}

SourceLoc YamlFile::Loc(const YamlNode& n) const {
  if (n.Line() <= 0) return SourceLoc{path_};
  return SourceLoc{path_, n.Line(), n.Column(), ""};
}

bool YamlFile::IsMap(const YamlNode& n, const std::string& what, const std::string& indicator,
                     Diagnostics& diags) const {
  if (n.IsMap()) return true;
  diags.Error(Loc(n), indicator, msg::kExpectedMap, what);
  return false;
}

bool YamlFile::IsList(const YamlNode& n, const std::string& what, const std::string& indicator,
                      Diagnostics& diags) const {
  if (n.IsSequence()) return true;
  diags.Error(Loc(n), indicator, msg::kExpectedList, what);
  return false;
}

bool YamlFile::CheckKeys(const YamlNode& map, std::initializer_list<const char*> allowed,
                         const std::string& indicator, Diagnostics& diags) const {
  bool ok = true;
  std::vector<std::string> names(allowed.begin(), allowed.end());
  for (auto it = map.begin(); it != map.end(); ++it) {
    std::string key = it->first.Scalar();
    bool known = false;
    for (const auto& a : names) known = known || a == key;
    if (!known) {
      std::string list;
      for (const auto& a : names) list += (list.empty() ? "" : ", ") + a;
      diags.ErrorHint(Loc(it->first), indicator, NearestName(key, names), msg::kUnknownKey, key,
                      list);
      ok = false;
    }
  }
  return ok;
}

std::optional<std::string> YamlFile::String(const YamlNode& map, const char* key,
                                            bool required, const std::string& indicator,
                                            Diagnostics& diags) const {
  YamlNode n = map[key];
  if (!n) {
    if (required) diags.Error(Loc(map), indicator, msg::kMissingKey, key);
    return std::nullopt;
  }
  if (!n.IsScalar()) {
    diags.Error(Loc(n), indicator, msg::kExpectedText, key);
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<Decimal> YamlFile::NumberOf(const YamlNode& n, const std::string& indicator,
                                          Diagnostics& diags) const {
  if (!n.IsScalar()) {
    diags.Error(Loc(n), indicator, msg::kExpectedNumber, "(list/map)");
    return std::nullopt;
  }
  auto d = Decimal::Parse(n.Scalar());
  if (!d) diags.Error(Loc(n), indicator, msg::kExpectedNumber, n.Scalar());
  return d;
}

std::optional<Decimal> YamlFile::Number(const YamlNode& map, const char* key, bool required,
                                        const std::string& indicator, Diagnostics& diags) const {
  YamlNode n = map[key];
  if (!n) {
    if (required) diags.Error(Loc(map), indicator, msg::kMissingKey, key);
    return std::nullopt;
  }
  return NumberOf(n, indicator, diags);
}

std::optional<bool> ParseYesNo(const std::string& s) {
  static const char* yes[] = {"true", "yes", "y", "是", "满足", "达到", "符合", "有", "1"};
  static const char* no[] = {"false", "no", "n", "否", "不满足", "未达到", "不符合", "无", "0"};
  for (const char* y : yes) if (s == y) return true;
  for (const char* n : no) if (s == n) return false;
  return std::nullopt;
}

std::optional<bool> YamlFile::Bool(const YamlNode& map, const char* key, bool required,
                                   const std::string& indicator, Diagnostics& diags) const {
  YamlNode n = map[key];
  if (!n) {
    if (required) diags.Error(Loc(map), indicator, msg::kMissingKey, key);
    return std::nullopt;
  }
  auto b = n.IsScalar() ? ParseYesNo(n.Scalar()) : std::nullopt;
  if (!b) diags.Error(Loc(n), indicator, msg::kExpectedYesNo, n.IsScalar() ? n.Scalar() : "");
  return b;
}

}  // namespace jixiao
