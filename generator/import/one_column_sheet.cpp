// A 附件1 with one weight column for all levels (see one_column_sheet.h):
// the header found by its labels (formats/xlsx/layouts/scoring_sheet.h),
// the rows read into a tree whose parents take their written totals or
// their children's sums, the tree checked as load_scoring_sheet.cpp checks
// the three-权重 layout.
//
// The text helpers (Tidy, SplitCode, the level labels) are the three-权重
// reader's, in load/scoring_sheet_text.h.
#include "import/one_column_sheet.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "base/messages.h"
#include "formats/xlsx/layouts/scoring_sheet.h"
#include "formats/xlsx/xlsx_reader.h"
#include "load/scoring_sheet_text.h"

namespace jixiao {
namespace {

using namespace scoring_sheet;
using namespace scoring_sheet_text;






bool IsOneWeightLabel(const std::string& sq) { return AnyPrefix(sq, kOneWeightPrefixes); }
bool IsPairLabel(const std::string& sq) {
  return AnyEqual(sq, kNameLabels) || AnyPrefix(sq, kWeightPrefixes) || AnyEqual(sq, kWeightLabels);
}
bool IsCriteriaLabel(const std::string& sq) { return ContainsFirstOrEqual(sq, kCriteriaLabels); }
bool IsExplanationLabel(const std::string& sq) { return ContainsFirstOrEqual(sq, kExplanationLabels); }
bool IsStopLabel(const std::string& sq) { return AnyPrefix(sq, kStopPrefixes); }




// "决策（20分）", "决策(20)": the name and the total written in it.
std::pair<std::string, std::optional<Decimal>> WeightInName(const std::string& label) {
  for (const auto& [open, close] : {std::pair<const char*, const char*>{"（", "）"}, {"(", ")"}}) {
    if (!EndsWith(label, close)) continue;
    size_t p = label.rfind(open);
    if (p == std::string::npos || p == 0) continue;
    const size_t b = p + std::string(open).size();
    std::string inner = label.substr(b, label.size() - std::string(close).size() - b);
    if (auto w = ParseWeight(inner)) {
      std::string name = label.substr(0, p);
      while (!name.empty() && name.back() == ' ') name.pop_back();
      return {name, w};
    }
  }
  return {label, std::nullopt};
}

// ---- the layout -------------------------------------------------------

struct Layout {
  std::vector<int> name_col;  // per level; one column when `coded`
  bool coded = false;         // one column of indicators, levels from codes or numbering
  int weight_col = -1, expl_col = -1, crit_col = -1;
  int header_top = 0, first_row = 0;
  SourceLoc weight_header;
};


// The header within the first rows, or nullopt when this is not the layout
// (no level labels, a level over a 名称 | 权重 pair, no single weight column,
// no criteria column): the three-权重 reader's messages then stand.
std::optional<Layout> FindLayout(const SheetView& v) {
  const XlsxSheet& s = v.sheet();
  const int rows = std::min(s.RowCount(), 60);
  for (int r = 0; r < rows; ++r) {
    std::map<int, const XlsxCell*> levels;
    for (const XlsxCell* c : v.Row(r))
      if (int lv = LevelOfLabel(Squash(c->text)); lv > 0 && !levels.count(lv)) levels[lv] = c;
    if (!levels.count(1)) continue;
    const int depth = levels.rbegin()->first;
    if (static_cast<int>(levels.size()) != depth) return std::nullopt;  // a gap
    Layout lay;
    int bottom = r;
    std::set<int> level_cols;
    for (const auto& [lv, c] : levels) {
      const MergeRange* m = s.MergeAt(c->row, c->col);
      if (m && m->last_col > m->first_col) return std::nullopt;  // over a 名称 | 权重 pair
      bottom = std::max(bottom, v.LastRowOf(c->row, c->col));
      lay.name_col.push_back(c->col);
      level_cols.insert(c->col);
    }
    for (int col : lay.name_col)
      if (IsPairLabel(Squash(s.Text(bottom + 1, col)))) return std::nullopt;
    int top = r, last = bottom;
    for (int hr = std::max(0, r - 3); hr <= bottom; ++hr) {
      for (const XlsxCell* c : v.Row(hr)) {
        if (level_cols.count(c->col)) continue;
        const std::string sq = Squash(c->text);
        int* slot = nullptr;
        if (lay.crit_col < 0 && IsCriteriaLabel(sq)) slot = &lay.crit_col;
        else if (lay.expl_col < 0 && IsExplanationLabel(sq)) slot = &lay.expl_col;
        else if (IsOneWeightLabel(sq)) {
          if (lay.weight_col >= 0 && lay.weight_col != c->col) return std::nullopt;  // a weight per level
          slot = &lay.weight_col;
        }
        if (!slot) continue;
        *slot = c->col;
        top = std::min(top, hr);
        last = std::max(last, v.LastRowOf(hr, c->col));
        if (slot == &lay.weight_col) lay.weight_header = v.Loc(hr, c->col);
      }
    }
    if (lay.crit_col < 0 || lay.weight_col < 0) return std::nullopt;
    lay.header_top = top;
    lay.first_row = last + 1;
    return lay;
  }
  // No level labels: one column of indicators, one weight column and a
  // criteria column on one header row.
  for (int r = 0; r < rows; ++r) {
    Layout lay;
    lay.coded = true;
    int name = -1, bottom = r;
    for (const XlsxCell* c : v.Row(r)) {
      const std::string sq = Squash(c->text);
      int* slot = nullptr;
      if (lay.crit_col < 0 && IsCriteriaLabel(sq)) slot = &lay.crit_col;
      else if (lay.expl_col < 0 && IsExplanationLabel(sq)) slot = &lay.expl_col;
      else if (name < 0 && AnyEqual(sq, kIndicatorColumnLabels)) slot = &name;
      else if (IsOneWeightLabel(sq)) {
        if (lay.weight_col >= 0) return std::nullopt;
        slot = &lay.weight_col;
        lay.weight_header = v.Loc(r, c->col);
      }
      if (!slot) continue;
      *slot = c->col;
      bottom = std::max(bottom, v.LastRowOf(r, c->col));
    }
    if (name < 0 || lay.crit_col < 0 || lay.weight_col < 0) continue;
    lay.name_col = {name};
    lay.header_top = r;
    lay.first_row = bottom + 1;
    return lay;
  }
  return std::nullopt;
}

// The numbering a label starts with: 一、 (style 1), （一） (2), 1. or 1、 (3),
// （1） (4); 0 for none. `rest` is the label after it.
int NumberingOf(const std::string& label, std::string& rest) {
  static const char* kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  auto numerals = [&](size_t p) {
    size_t q = p;
    for (bool more = true; more;) {
      more = false;
      for (const char* n : kNumerals)
        if (label.compare(q, 3, n) == 0) {
          q += 3;
          more = true;
        }
    }
    return q;
  };
  auto digits = [&](size_t p) {
    while (p < label.size() && std::isdigit(static_cast<unsigned char>(label[p]))) ++p;
    return p;
  };
  auto after = [&](size_t p, std::initializer_list<const char*> marks) -> size_t {
    for (const char* m : marks)
      if (label.compare(p, std::string(m).size(), m) == 0) return p + std::string(m).size();
    return std::string::npos;
  };
  for (const char* open : {"（", "("}) {
    if (!StartsWith(label, open)) continue;
    const size_t b = std::string(open).size();
    size_t e = numerals(b);
    int style = 2;
    if (e == b) {
      e = digits(b);
      style = 4;
    }
    if (e == b) return 0;
    size_t end = after(e, {"）", ")"});
    if (end == std::string::npos) return 0;
    rest = Tidy(label.substr(end));
    return rest.empty() ? 0 : style;
  }
  size_t e = numerals(0);
  if (e > 0) {
    size_t end = after(e, {"、", "．", "."});
    if (end == std::string::npos) return 0;
    rest = Tidy(label.substr(end));
    return rest.empty() ? 0 : 1;
  }
  e = digits(0);
  if (e > 0) {
    size_t end = after(e, {"、", "．", ". ", "."});
    if (end == std::string::npos || (end < label.size() && std::isdigit(static_cast<unsigned char>(label[end]))))
      return 0;  // "1.1" is a code
    rest = Tidy(label.substr(end));
    return rest.empty() ? 0 : 3;
  }
  return 0;
}

std::string WithoutDots(const std::string& code) {
  std::string out;
  for (char c : code)
    if (c != '.') out += c;
  return out;
}

// ---- the rows ---------------------------------------------------------

struct RawNode {
  std::string label, code, name;
  std::optional<Decimal> weight;  // as written; none: a parent's is its children's sum
  SourceLoc loc, weight_loc, crit_loc;
  std::string explanation, criteria;
  std::vector<std::unique_ptr<RawNode>> children;
};

struct RawSheet {
  std::vector<std::unique_ptr<RawNode>> roots;
  std::string title;
  std::optional<Decimal> total;
  SourceLoc total_loc;
  std::optional<Decimal> deduction_cap;
};


void ReadCodedRows(const SheetView& v, const Layout& lay, Diagnostics& diags, RawSheet& out, int& r);

std::vector<int> LabelCols(const Layout& lay) {
  std::vector<int> cols = {0};
  cols.insert(cols.end(), lay.name_col.begin(), lay.name_col.end());
  return cols;
}

// Below the rows: the total (合计) and a cap on deductions.
void ReadBelow(const SheetView& v, const Layout& lay, RawSheet& out, int r) {
  const XlsxSheet& s = v.sheet();
  for (const int rows = s.RowCount(); r < rows; ++r) {
    for (int c : LabelCols(lay)) {
      std::string sq = Squash(v.Shown(r, c));
      if (StartsWith(sq, "减分"))
        if (auto cap = CapIn(sq)) out.deduction_cap = cap;
      if ((StartsWith(sq, kTotal) || StartsWith(sq, "总计")) && !out.total) {
        std::string w = s.Text(r, lay.weight_col);
        if (auto d = Squash(w).empty() ? std::nullopt : ParseWeight(w)) {
          out.total = *d;
          out.total_loc = v.Loc(r, lay.weight_col);
        }
      }
    }
  }
}

RawSheet ReadRows(const SheetView& v, const Layout& lay, Diagnostics& diags) {
  const XlsxSheet& s = v.sheet();
  const size_t levels = lay.name_col.size();
  RawSheet out;
  if (lay.coded) {
    int r = lay.first_row;
    for (int t = 0; t < lay.header_top && out.title.empty(); ++t)
      for (const XlsxCell* c : v.Row(t))
        if (out.title.empty() && !Tidy(c->text).empty()) out.title = Tidy(c->text);
    ReadCodedRows(v, lay, diags, out, r);
    ReadBelow(v, lay, out, r);
    if (out.roots.empty() && !diags.HasErrors())
      diags.Error(v.Loc(lay.first_row, lay.name_col[0]), "", msg::kImportNoRows);
    return out;
  }
  for (int r = 0; r < lay.header_top && out.title.empty(); ++r)
    for (const XlsxCell* c : v.Row(r))
      if (out.title.empty() && !Tidy(c->text).empty()) out.title = Tidy(c->text);

  std::vector<RawNode*> open(levels, nullptr);
  RawNode* last = nullptr;
  const std::vector<int> label_cols = LabelCols(lay);
  const int rows = s.RowCount();
  int r = lay.first_row;
  for (; r < rows; ++r) {
    bool stop = false, header = false;
    for (int c : label_cols) {
      std::string sq = Squash(v.Shown(r, c));
      stop = stop || IsStopLabel(sq);
      header = header || (!v.MergedFromAbove(r, c) && LevelOfLabel(sq) > 0);
    }
    if (stop) break;
    if (header) continue;  // the header repeated for printing

    enum State { kBlank, kCont, kNew };
    std::vector<State> state(levels);
    std::vector<std::string> text(levels);
    int first_new = -1, deepest = -1;
    for (size_t k = 0; k < levels; ++k) {
      const int c = lay.name_col[k];
      text[k] = Tidy(s.Text(r, c));
      state[k] = v.MergedFromAbove(r, c) ? kCont : text[k].empty() ? kBlank : kNew;
      if (state[k] == kNew) {
        if (first_new < 0) first_new = static_cast<int>(k);
        deepest = static_cast<int>(k);
      }
    }
    // A parent's name written again on its rows is the same parent.
    while (first_new >= 0 && first_new < deepest && open[static_cast<size_t>(first_new)] &&
           open[static_cast<size_t>(first_new)]->label == text[static_cast<size_t>(first_new)]) {
      state[static_cast<size_t>(first_new)] = kCont;
      ++first_new;
    }
    auto own = [&](int c) { return c < 0 || v.MergedFromAbove(r, c) ? std::string() : Tidy(s.Text(r, c)); };
    if (deepest < 0) {
      std::string e = own(lay.expl_col), c = own(lay.crit_col);
      if (e.empty() && c.empty()) continue;
      if (!last) {
        diags.Error(v.Loc(r, c.empty() ? lay.expl_col : lay.crit_col), "", msg::kImportOrphanText);
        continue;
      }
      if (!e.empty()) last->explanation += (last->explanation.empty() ? "" : "\n") + e;
      if (!c.empty()) last->criteria += (last->criteria.empty() ? "" : "\n") + c;
      continue;
    }
    bool ok = true;
    for (int k = 0; k < deepest && ok; ++k) {
      const size_t uk = static_cast<size_t>(k);
      bool missing = k < first_new ? open[uk] == nullptr : state[uk] != kNew;
      if (missing) {
        diags.Error(v.Loc(r, lay.name_col[uk]), "", msg::kImportMissingName, LevelLabel(k + 1),
                    text[static_cast<size_t>(deepest)]);
        ok = false;
      }
    }
    if (!ok) continue;
    for (int k = first_new; k <= deepest; ++k) {
      const size_t uk = static_cast<size_t>(k);
      auto node = std::make_unique<RawNode>();
      node->label = text[uk];
      auto [named, in_name] = WeightInName(node->label);
      std::tie(node->code, node->name) = SplitCode(named, k == 0);
      node->loc = v.Loc(r, lay.name_col[uk]);
      node->weight = in_name;
      node->weight_loc = node->loc;
      if (k == deepest) {
        // The row's weight is its deepest indicator's.
        node->weight_loc = v.Loc(r, lay.weight_col);
        const std::string w = v.MergedFromAbove(r, lay.weight_col) ? std::string() : s.Text(r, lay.weight_col);
        if (!Squash(w).empty()) {
          if (auto d = ParseWeight(w)) {
            node->weight = *d;
            if (d->Sign() < 0) diags.Error(node->weight_loc, node->code, msg::kMustBePositive, "weight");
          } else {
            diags.Error(node->weight_loc, node->code, msg::kImportBadWeight, node->label, Tidy(w));
          }
        } else if (in_name) {
          node->weight_loc = node->loc;
        }
      }
      RawNode* raw = node.get();
      if (k == 0) out.roots.push_back(std::move(node));
      else open[uk - 1]->children.push_back(std::move(node));
      open[uk] = raw;
      for (size_t deeper = uk + 1; deeper < levels; ++deeper) open[deeper] = nullptr;
    }
    last = open[static_cast<size_t>(deepest)];
    if (lay.expl_col >= 0) last->explanation = Tidy(own(lay.expl_col));
    last->criteria = Tidy(own(lay.crit_col));
    last->crit_loc = v.Loc(r, lay.crit_col);
  }
  ReadBelow(v, lay, out, r);
  if (out.roots.empty() && !diags.HasErrors())
    diags.Error(v.Loc(lay.first_row, lay.name_col[0]), "", msg::kImportNoRows);
  return out;
}

// One column of indicators: each row one indicator, its level from its
// code (the parent is the nearest open indicator whose code begins it) or
// its numbering (the styles in the order they first appear); a row with
// neither is a leaf beside the indicator above, or below it when that one
// has no criteria (a parent's row).
void ReadCodedRows(const SheetView& v, const Layout& lay, Diagnostics& diags, RawSheet& out, int& r) {
  const XlsxSheet& s = v.sheet();
  const int col = lay.name_col[0];
  std::vector<RawNode*> path;  // the open indicators, level 1 first
  std::vector<int> styles;     // numbering styles in the order they appear
  RawNode* last = nullptr;
  auto own = [&](int row, int c) { return c < 0 || v.MergedFromAbove(row, c) ? std::string() : Tidy(s.Text(row, c)); };
  for (const int rows = s.RowCount(); r < rows; ++r) {
    bool stop = false;
    for (int c : LabelCols(lay)) stop = stop || IsStopLabel(Squash(v.Shown(r, c)));
    if (stop) break;
    const std::string label = own(r, col);
    if (label.empty()) {
      std::string e = own(r, lay.expl_col), c = own(r, lay.crit_col);
      if (e.empty() && c.empty()) continue;
      if (!last) {
        diags.Error(v.Loc(r, c.empty() ? lay.expl_col : lay.crit_col), "", msg::kImportOrphanText);
        continue;
      }
      if (!e.empty()) last->explanation += (last->explanation.empty() ? "" : "\n") + e;
      if (!c.empty()) last->criteria += (last->criteria.empty() ? "" : "\n") + c;
      continue;
    }
    if (AnyEqual(Squash(label), kIndicatorColumnLabels)) continue;  // the header repeated
    auto node = std::make_unique<RawNode>();
    node->label = label;
    auto [named, in_name] = WeightInName(label);
    std::string rest;
    size_t depth = 0;  // the new indicator's level - 1
    if (int style = NumberingOf(named, rest)) {
      auto it = std::find(styles.begin(), styles.end(), style);
      if (it == styles.end()) it = styles.insert(styles.end(), style);
      depth = static_cast<size_t>(it - styles.begin());
      node->name = rest;
    } else {
      std::tie(node->code, node->name) = SplitCode(named, path.empty());
      if (!node->code.empty()) {
        const std::string key = WithoutDots(node->code);
        depth = 0;
        for (size_t k = path.size(); k-- > 0;) {
          const std::string pk = WithoutDots(path[k]->code);
          if (!pk.empty() && pk.size() < key.size() && key.compare(0, pk.size(), pk) == 0) {
            depth = k + 1;
            break;
          }
        }
      } else if (last) {
        depth = path.size() - (last->criteria.empty() ? 0 : 1);
      }
    }
    if (depth >= static_cast<size_t>(kMaxIndicatorLevels)) {  // codes nesting without end: bounded before the tree is built
      diags.Error(v.Loc(r, col), node->code, msg::kIndicatorTooDeep, kMaxIndicatorLevels);
      continue;
    }
    if (depth > path.size()) {
      diags.Error(v.Loc(r, col), node->code, msg::kImportMissingName, LevelLabel(static_cast<int>(depth)), label);
      continue;
    }
    node->loc = v.Loc(r, col);
    node->weight = in_name;
    node->weight_loc = in_name ? node->loc : v.Loc(r, lay.weight_col);
    const std::string w = own(r, lay.weight_col);
    if (!Squash(w).empty()) {
      node->weight_loc = v.Loc(r, lay.weight_col);
      if (auto d = ParseWeight(w)) {
        node->weight = *d;
        if (d->Sign() < 0) diags.Error(node->weight_loc, node->code, msg::kMustBePositive, "weight");
      } else {
        diags.Error(node->weight_loc, node->code, msg::kImportBadWeight, label, Tidy(w));
      }
    }
    if (lay.expl_col >= 0) node->explanation = own(r, lay.expl_col);
    node->criteria = own(r, lay.crit_col);
    node->crit_loc = v.Loc(r, lay.crit_col);
    RawNode* raw = node.get();
    path.resize(depth);
    if (depth == 0) out.roots.push_back(std::move(node));
    else path.back()->children.push_back(std::move(node));
    path.push_back(raw);
    last = raw;
  }
}

struct Builder {
  ScoringSheet& im;
  Diagnostics& diags;
  std::set<std::string> codes;

  Indicator Build(RawNode& n, int level, const std::string& code) {
    Indicator ind;
    ind.code = code;
    ind.name = n.name;
    ind.explanation = n.explanation;
    ind.criteria = n.criteria;
    ind.level = level;
    ind.loc = n.loc;
    ind.weight_loc = n.weight_loc;
    if (!codes.insert(code).second) diags.Error(n.loc, code, msg::kDuplicateCode, code);
    for (size_t i = 0; i < n.children.size(); ++i)
      ind.children.push_back(Build(*n.children[i], level + 1, CodeOf(*n.children[i], code, i)));
    if (ind.children.empty()) {
      if (n.weight) ind.weight = *n.weight;
      else diags.Error(n.weight_loc, code, msg::kImportMissingWeight, n.label);
      im.leaves.push_back(ScoringSheetLeaf{ind.code, ind.name, n.crit_loc});
    } else {
      Decimal sum;
      for (const auto& c : ind.children) sum += c.weight;
      ind.weight = n.weight.value_or(sum);
      if (sum != ind.weight)
        diags.Error(ind.weight_loc, ind.code, msg::kWeightSum, sum.ToExactString(), ind.weight.ToExactString());
    }
    return ind;
  }

  std::string CodeOf(const RawNode& n, const std::string& parent, size_t index) {
    if (!n.code.empty()) return n.code;
    ++im.generated_codes;
    return parent.empty() ? GeneratedRootCode(index) : parent + std::to_string(index + 1);
  }
};


}  // namespace

std::optional<ScoringSheet> ReadOneColumnSheet(const std::string& xlsx_path, const ScoringSheetOptions& options,
                                               const std::string* bytes) {
  XlsxWorkbook wb = ReadXlsxBytes(xlsx_path, bytes);
  std::vector<const XlsxSheet*> candidates;
  if (!options.sheet.empty()) {
    if (const XlsxSheet* s = wb.Sheet(options.sheet)) candidates.push_back(s);
  } else {
    for (const auto& s : wb.sheets) candidates.push_back(&s);
  }
  for (const XlsxSheet* s : candidates) {
    SheetView v(wb, *s);
    auto lay = FindLayout(v);
    if (!lay) continue;
    ScoringSheet im;
    im.path = xlsx_path;
    im.sheet = s->name;
    Diagnostics diags;
    RawSheet raw = ReadRows(v, *lay, diags);
    if (diags.HasErrors()) throw InputError(diags);
    IndicatorSystem& sys = im.system;
    sys.name = options.name.empty() ? DeriveName(raw.title) : options.name;
    if (sys.name.empty()) sys.name = std::filesystem::path(xlsx_path).stem().string();
    sys.total = raw.total.value_or(Decimal(100));
    sys.grades = DefaultGrades();
    sys.deduction_cap = raw.deduction_cap;
    Builder b{im, diags, {}};
    for (size_t i = 0; i < raw.roots.size(); ++i)
      sys.roots.push_back(b.Build(*raw.roots[i], 1, b.CodeOf(*raw.roots[i], "", i)));
    Decimal sum;
    for (const auto& root : sys.roots) sum += root.weight;
    if (sum != sys.total)
      diags.Error(raw.total ? raw.total_loc : lay->weight_header, "", msg::kRootWeightSum, sum.ToExactString(),
                  sys.total.ToExactString());
    if (diags.HasErrors()) throw InputError(diags);
    return im;
  }
  return std::nullopt;
}

}  // namespace jixiao
