// The text of a scoring sheet (附件1) as both its readers take it: the
// three-权重 layout (load_scoring_sheet.cpp) and the one-分值-column layout
// (import/one_column_sheet.cpp). Labels are compared squashed (without
// whitespace); names, codes and weights are read from cells as written.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "base/decimal.h"
#include "formats/xlsx/cell_ref.h"
#include "formats/xlsx/xlsx_reader.h"

namespace jixiao::scoring_sheet_text {

inline bool StartsWith(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }
inline bool EndsWith(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}
inline bool Contains(const std::string& s, const std::string& p) { return s.find(p) != std::string::npos; }

// Without any whitespace, for matching labels: "一级\n指标" is "一级指标".
std::string Squash(const std::string& s);

template <size_t N>
inline bool AnyEqual(const std::string& sq, const char* const (&labels)[N]) {
  for (const char* l : labels)
    if (sq == l) return true;
  return false;
}

template <size_t N>
inline bool AnyPrefix(const std::string& sq, const char* const (&prefixes)[N]) {
  for (const char* p : prefixes)
    if (StartsWith(sq, p)) return true;
  return false;
}

// The first of `labels` anywhere in the text, or one of the rest exactly.
template <size_t N>
inline bool ContainsFirstOrEqual(const std::string& sq, const char* const (&labels)[N]) {
  if (Contains(sq, labels[0])) return true;
  for (size_t i = 1; i < N; ++i)
    if (sq == labels[i]) return true;
  return false;
}

std::string Tidy(const std::string& s);
std::pair<std::string, std::string> SplitCode(const std::string& label, bool top_level);
std::string GeneratedRootCode(size_t index);
std::optional<Decimal> ParseWeight(const std::string& text);
std::optional<Decimal> CapIn(const std::string& sq);
std::string DeriveName(const std::string& title);
int LevelOfLabel(const std::string& sq);
std::string LevelLabel(int level);

// A worksheet as a scoring sheet's reader sees it: cells by row, merged
// ranges read as the text they show, places as sheet!cell.
class SheetView {
 public:
  SheetView(const XlsxWorkbook& wb, const XlsxSheet& s) : wb_(wb), s_(s) {}
  const XlsxSheet& sheet() const { return s_; }
  SourceLoc Loc(int r, int c) const { return SourceLoc{wb_.path, 0, 0, s_.name + "!" + CellRef(r, c)}; }
  // The text shown at a cell: a merged range's text everywhere inside it.
  std::string Shown(int r, int c) const {
    if (const MergeRange* m = s_.MergeAt(r, c)) return s_.Text(m->first_row, m->first_col);
    return s_.Text(r, c);
  }
  // True inside a merged range that began on an earlier row.
  bool MergedFromAbove(int r, int c) const {
    const MergeRange* m = s_.MergeAt(r, c);
    return m && m->first_row < r;
  }
  std::vector<const XlsxCell*> Row(int r) const {
    std::vector<const XlsxCell*> out;
    for (auto it = s_.cells.lower_bound({r, 0}); it != s_.cells.end() && it->first.first == r; ++it)
      out.push_back(&it->second);
    return out;
  }
  int LastRowOf(int r, int c) const {
    const MergeRange* m = s_.MergeAt(r, c);
    return m ? m->last_row : r;
  }

 private:
  const XlsxWorkbook& wb_;
  const XlsxSheet& s_;
};

}  // namespace jixiao::scoring_sheet_text
