#include "load/scoring_sheet_text.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "formats/xlsx/layouts/scoring_sheet.h"
#include "formats/xlsx/xlsx_reader.h"

namespace jixiao::scoring_sheet_text {

using namespace scoring_sheet;

// Without any whitespace, for matching labels: "一级\n指标" is "一级指标".
std::string Squash(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 3, "\u3000") == 0) { i += 3; continue; }
    if (s.compare(i, 2, "\u00a0") == 0) { i += 2; continue; }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += s[i];
    ++i;
  }
  return out;
}

// Text as written, tidied for YAML: line ends unified, tabs made spaces,
// other control characters dropped, each line's trailing spaces and the
// text's leading and trailing blank space removed.
std::string Tidy(const std::string& s) {
  std::string t;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;
      c = '\n';
    }
    if (c == '\t') c = ' ';
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n') continue;
    t += c;
  }
  std::string out;
  size_t start = 0;
  for (;;) {
    size_t nl = t.find('\n', start);
    std::string line = t.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    while (EndsWith(line, "\u3000")) line.erase(line.size() - 3);
    out += line;
    if (nl == std::string::npos) break;
    out += '\n';
    start = nl + 1;
  }
  size_t b = 0;
  while (b < out.size() && (out[b] == ' ' || out[b] == '\n')) ++b;
  while (out.compare(b, 3, "\u3000") == 0) b += 3;
  out.erase(0, b);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// "A11 立项依据充分性" → (A11, 立项依据充分性); "立项依据充分性" → ("", …).
// A code is ASCII: letters then digits and dots ("A", "A11", "1.2"),
// followed by a space or 、; directly before the name only when it has a
// digit ("A11立项…"), or is one capital letter on a 一级 name ("A决策"), so
// a name such as "PPP项目" or "X光机使用率" keeps its letters.
std::pair<std::string, std::string> SplitCode(const std::string& label, bool top_level) {
  size_t i = 0;
  while (i < label.size() && std::isalpha(static_cast<unsigned char>(label[i])) && i < 3) ++i;
  const size_t letters = i;
  bool digit = false;
  while (i < label.size() &&
         (std::isdigit(static_cast<unsigned char>(label[i])) || (label[i] == '.' && i > 0))) {
    digit = digit || std::isdigit(static_cast<unsigned char>(label[i]));
    ++i;
  }
  while (i > 0 && label[i - 1] == '.') --i;
  if (i == 0 || (letters == 0 && !digit)) return {"", label};
  if (i < label.size() && std::isalnum(static_cast<unsigned char>(label[i]))) return {"", label};
  std::string code = label.substr(0, i);
  std::string rest = label.substr(i);
  bool separated = false;
  for (bool again = true; again;) {
    again = false;
    for (const char* sep : {" ", "\u3000", "\t", "\n", "、", "．", ".", "：", ":"})
      if (StartsWith(rest, sep)) {
        rest.erase(0, std::string(sep).size());
        separated = again = true;
      }
  }
  const bool bare_letter = top_level && !rest.empty() && code.size() == 1 &&
                           std::isupper(static_cast<unsigned char>(code[0])) &&
                           static_cast<unsigned char>(rest[0]) >= 0xE0;
  if (rest.empty() || (!separated && !digit && !bare_letter)) return {"", label};
  if (letters == 0 && !separated) return {"", label};
  return {code, rest};
}

std::string GeneratedRootCode(size_t index) {
  std::string s;
  for (size_t n = index + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

std::optional<Decimal> ParseWeight(const std::string& text) {
  std::string t = Squash(text);
  if (EndsWith(t, "分")) t.erase(t.size() - std::string("分").size());
  return Decimal::Parse(ShortestNumber(t));
}

// The number after 上限 in "减分合计（上限 5 分）".
std::optional<Decimal> CapIn(const std::string& sq) {
  size_t p = sq.find(kCapWord);
  if (p == std::string::npos) return std::nullopt;
  p += std::string(kCapWord).size();
  if (StartsWith(sq.substr(p), "为")) p += std::string("为").size();
  size_t e = p;
  while (e < sq.size() && (std::isdigit(static_cast<unsigned char>(sq[e])) || sq[e] == '.')) ++e;
  return e > p ? Decimal::Parse(sq.substr(p, e - p)) : std::nullopt;
}

std::string DeriveName(const std::string& title) {
  std::string t = Squash(title);
  if (EndsWith(t, "指标体系评分表")) return t.substr(0, t.size() - std::string("评分表").size());
  if (EndsWith(t, "指标评分表")) return t.substr(0, t.size() - std::string("评分表").size()) + "体系";
  if (EndsWith(t, "评分表")) return t.substr(0, t.size() - std::string("评分表").size()) + "指标体系";
  return t;
}

// 一级指标 → 1, 三级及以下指标 → 3; 0 for anything else.
int LevelOfLabel(const std::string& sq) {
  for (int k = 0; k < 9; ++k) {
    std::string n = kLevelNumerals[k];
    if (sq == n + kLevelSuffix || sq == n + kLevelNameSuffix || sq == n + kLevelAndBelowSuffix) return k + 1;
  }
  return 0;
}

std::string LevelLabel(int level) { return std::string(kLevelNumerals[level - 1]) + kLevelSuffix; }

}  // namespace jixiao::scoring_sheet_text
