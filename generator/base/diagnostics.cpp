#include "base/diagnostics.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/input_files.h"
#include "base/messages.h"

namespace jixiao {
namespace {

// Code points of a UTF-8 string, so edit distance counts characters.
std::vector<uint32_t> CodePoints(const std::string& s) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t cp = 0;
    for (int k = 0; k < len && i + static_cast<size_t>(k) < s.size(); ++k)
      cp = (cp << 8) | static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
    out.push_back(cp);
    i += static_cast<size_t>(len);
  }
  return out;
}

// Optimal string alignment distance: a swap of two neighbours ("nmae" for
// "name") counts as one edit, as people mistype.
size_t EditDistance(const std::string& a8, const std::string& b8) {
  auto a = CodePoints(a8), b = CodePoints(b8);
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

// The most of a source line an error shows; a longer one is cut around the column.
constexpr size_t kShownLineBytes = 160;

}  // namespace

size_t DisplayWidth(const std::string& line, size_t bytes) {
  size_t w = 0;
  for (size_t i = 0; i < bytes && i < line.size();) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c < 0x80) { w += 1; i += 1; continue; }
    int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    // The code point, for East Asian Wide and Fullwidth: CJK, kana, hangul,
    // fullwidth forms (，：（）) take two columns; − … “ ” and the like one.
    unsigned cp = len == 2 ? c & 0x1Fu : len == 3 ? c & 0x0Fu : c & 0x07u;
    for (int k = 1; k < len && i + static_cast<size_t>(k) < line.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(line[i + static_cast<size_t>(k)]) & 0x3Fu);
    bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
                (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
                (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
    w += wide ? 2 : 1;
    i += static_cast<size_t>(len);
  }
  return w;
}

const std::string& Pick(const Text& t, Language lang) {
  return lang == Language::kEnglish && !t.en.empty() ? t.en : t.zh;
}

Language ParseLanguage(const std::string& name) {
  return name.rfind("en", 0) == 0 ? Language::kEnglish : Language::kChinese;
}

std::string SourceLoc::ToString() const {
  std::string s = file;
  if (!cell.empty()) return s + ": " + cell;
  if (line > 0) s += ":" + std::to_string(line);
  if (line > 0 && column > 0) s += ":" + std::to_string(column);
  return s;
}

void Diagnostics::Add(Severity sev, const SourceLoc& loc, std::string indicator,
                      const MessageDef& def, Text message, std::string hint) {
  items_.push_back(Diagnostic{sev, loc, std::move(indicator), def.id, std::move(message),
                              std::move(hint)});
}

bool Diagnostics::HasErrors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

InputError::InputError(Diagnostics d)
    : std::runtime_error(d.All().empty() ? "input error" : d.All().front().message.zh),
      diags_(std::move(d)) {}

std::string RenderDiagnostic(const Diagnostic& d, Language lang, const InputFiles* files) {
  bool en = lang == Language::kEnglish;
  std::string out = d.loc.ToString();
  if (!out.empty()) out += ": ";
  switch (d.severity) {
    case Severity::kError: out += en ? "error: " : "错误: "; break;
    case Severity::kWarning: out += en ? "warning: " : "警告: "; break;
    case Severity::kNote: out += en ? "note: " : "提示: "; break;
  }
  if (!d.indicator.empty()) out += (en ? "indicator " : "指标 ") + d.indicator + ": ";
  out += Pick(d.message, lang);
  if (!d.hint_name.empty())
    out += fmt::format(fmt::runtime(en ? msg::kDidYouMean.en : msg::kDidYouMean.zh), d.hint_name);
  out += "\n";
  if (d.loc.line > 0 && d.loc.cell.empty()) {
    std::istringstream held;
    std::ifstream file;
    if (files && files->MayRead(d.loc.file)) held.str(files->Read(d.loc.file).value_or(""));
    else file.open(d.loc.file);
    std::istream& in = files ? static_cast<std::istream&>(held) : file;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
      if (n != d.loc.line) continue;
      // As the YAML reader counts: a byte-order mark is not a column, and a
      // Windows line ending is not part of the line.
      if (n == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      // A long line (a minified file, a pasted paragraph) is shown as a
      // window around the column, cut at character boundaries, marked "…".
      size_t at = d.loc.column > 0 ? static_cast<size_t>(d.loc.column - 1) : 0;
      if (line.size() > kShownLineBytes) {
        auto lead = [&](size_t i) { return i >= line.size() || (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80; };
        size_t from = at > kShownLineBytes / 2 ? std::min(at, line.size()) - kShownLineBytes / 2 : 0;
        while (from > 0 && !lead(from)) --from;
        size_t to = std::min(line.size(), from + kShownLineBytes);
        while (!lead(to)) ++to;
        const std::string before = from > 0 ? "…" : "";
        std::string window = before + line.substr(from, to - from) + (to < line.size() ? "…" : "");
        at = at >= from ? before.size() + (at - from) : 0;
        line = std::move(window);
      }
      out += "  " + line + "\n";
      if (d.loc.column > 0) out += "  " + std::string(DisplayWidth(line, at), ' ') + "^\n";
      break;
    }
  }
  return out;
}

std::string NearestName(const std::string& name, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = 0;
  size_t n = CodePoints(name).size();
  size_t limit = std::max<size_t>(1, n / 3);
  for (const auto& c : candidates) {
    size_t d = EditDistance(name, c);
    if (d <= limit && (best.empty() || d < best_d)) {
      best = c;
      best_d = d;
    }
  }
  return best;
}

}  // namespace jixiao
