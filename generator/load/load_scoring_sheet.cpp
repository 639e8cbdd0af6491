// Reading a scoring sheet in 附件1's layout (see load_scoring_sheet.h):
// the header found by its labels (formats/xlsx/layouts/scoring_sheet.h),
// then the rows below it into a tree, then the tree into an indicator
// system with its weights checked.
#include "load/load_scoring_sheet.h"

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
#include "load/load.h"
#include "load/scoring_sheet_text.h"

namespace jixiao {
namespace {




using namespace scoring_sheet;
using namespace scoring_sheet_text;



bool IsWeightLabel(const std::string& sq) { return AnyPrefix(sq, kWeightPrefixes) || AnyEqual(sq, kWeightLabels); }
bool IsNameLabel(const std::string& sq) { return AnyEqual(sq, kNameLabels); }
bool IsCriteriaLabel(const std::string& sq) { return ContainsFirstOrEqual(sq, kCriteriaLabels); }
bool IsExplanationLabel(const std::string& sq) { return ContainsFirstOrEqual(sq, kExplanationLabels); }
// A row that ends the indicator rows: totals, deductions, the grade.
bool IsStopLabel(const std::string& sq) { return AnyPrefix(sq, kStopPrefixes); }




// ---- the layout -------------------------------------------------------

struct Layout {
  std::vector<int> name_col, weight_col;  // per level
  int expl_col = -1, crit_col = -1;
  int score_col = -1, reason_col = -1;  // 得分 and 扣分原因, when the sheet has them
  int level_row = 0, header_top = 0, first_row = 0;
  SourceLoc root_weight_header;
};


// The header, found by its labels within the first rows. Nothing found
// (no 一级指标): nullopt and no diagnostic. A 一级指标 without the rest:
// nullopt with the reason in `why`.
std::optional<Layout> FindLayout(const SheetView& v, Diagnostics& why) {
  const XlsxSheet& s = v.sheet();
  const int rows = std::min(s.RowCount(), 60);
  for (int r = 0; r < rows; ++r) {
    std::map<int, const XlsxCell*> levels;  // level → its label cell
    for (const XlsxCell* c : v.Row(r))
      if (int lv = LevelOfLabel(Squash(c->text)); lv > 0 && !levels.count(lv)) levels[lv] = c;
    if (!levels.count(1)) continue;
    const int depth = levels.rbegin()->first;
    for (int lv = 2; lv <= depth; ++lv)
      if (!levels.count(lv)) {
        const XlsxCell* deeper = levels.upper_bound(lv)->second;
        why.Error(v.Loc(deeper->row, deeper->col), "", msg::kImportLevelsGap, LevelLabel(depth),
                  LevelLabel(lv));
        return std::nullopt;
      }
    Layout lay;
    lay.level_row = r;
    int bottom = r;
    for (const auto& [lv, c] : levels) bottom = std::max(bottom, v.LastRowOf(c->row, c->col));
    const int sub = bottom + 1;
    bool has_sub = false;
    for (const XlsxCell* c : v.Row(sub)) {
      std::string sq = Squash(c->text);
      has_sub = has_sub || IsNameLabel(sq) || IsWeightLabel(sq);
    }
    for (const auto& [lv, c] : levels) {
      const MergeRange* m = s.MergeAt(c->row, c->col);
      const int c1 = c->col, c2 = m ? m->last_col : c->col;
      int name = c1, weight = -1;
      if (has_sub) {
        for (int col = c1; col <= c2; ++col) {
          std::string sq = Squash(s.Text(sub, col));
          if (weight < 0 && IsWeightLabel(sq)) weight = col;
          if (IsNameLabel(sq)) name = col;
        }
      }
      if (weight < 0 && c2 > c1) weight = c1 + 1;
      if (weight < 0 && IsWeightLabel(Squash(v.Shown(r, c1 + 1)))) weight = c1 + 1;
      if (weight < 0 && has_sub && IsWeightLabel(Squash(s.Text(sub, c1 + 1)))) weight = c1 + 1;
      if (weight < 0 || weight == name) {
        why.Error(v.Loc(c->row, c->col), "", msg::kImportNoWeightColumn, LevelLabel(lv));
        return std::nullopt;
      }
      lay.name_col.push_back(name);
      lay.weight_col.push_back(weight);
      if (lv == 1) lay.root_weight_header = v.Loc(has_sub ? sub : r, weight);
    }
    // 指标解释 and 评分标准: on the level row, or merged down from a row above.
    int top = r, last = has_sub ? sub : bottom;
    std::set<int> used(lay.name_col.begin(), lay.name_col.end());
    used.insert(lay.weight_col.begin(), lay.weight_col.end());
    for (int hr = std::max(0, r - 3); hr <= (has_sub ? sub : bottom); ++hr) {
      for (const XlsxCell* c : v.Row(hr)) {
        if (used.count(c->col)) continue;
        std::string sq = Squash(c->text);
        bool crit = lay.crit_col < 0 && IsCriteriaLabel(sq);
        bool expl = !crit && lay.expl_col < 0 && IsExplanationLabel(sq);
        if (!crit && !expl) {
          // A submitted sheet's own scores, for `check`.
          if (lay.score_col < 0 && AnyEqual(sq, kScoreLabels)) lay.score_col = c->col;
          if (lay.reason_col < 0 && AnyPrefix(sq, kReasonPrefixes)) lay.reason_col = c->col;
          continue;
        }
        (crit ? lay.crit_col : lay.expl_col) = c->col;
        top = std::min(top, hr);
        last = std::max(last, v.LastRowOf(hr, c->col));
      }
    }
    if (lay.crit_col < 0) {
      const XlsxCell* one = levels[1];
      why.Error(v.Loc(one->row, one->col), "", msg::kImportNoCriteriaColumn);
      return std::nullopt;
    }
    lay.header_top = top;
    lay.first_row = last + 1;
    return lay;
  }
  return std::nullopt;
}

// ---- the rows ---------------------------------------------------------

struct RawNode {
  std::string label, code, name;
  Decimal weight;
  SourceLoc loc, weight_loc, crit_loc;
  std::string explanation, criteria;
  std::string score_text, reason;  // as the sheet states them (leaves)
  SourceLoc score_loc;
  std::vector<std::unique_ptr<RawNode>> children;
};

struct RawSheet {
  std::vector<std::unique_ptr<RawNode>> roots;
  std::string title;
  std::optional<Decimal> total;
  SourceLoc total_loc;
  std::optional<Decimal> deduction_cap;
  SheetScores scores;  // the total, grade and deductions the sheet states
};


RawSheet ReadRows(const SheetView& v, const Layout& lay, Diagnostics& diags) {
  const XlsxSheet& s = v.sheet();
  const size_t levels = lay.name_col.size();
  RawSheet out;
  for (int r = 0; r < lay.header_top && out.title.empty(); ++r)
    for (const XlsxCell* c : v.Row(r))
      if (out.title.empty() && !Tidy(c->text).empty()) out.title = Tidy(c->text);

  std::vector<RawNode*> open(levels, nullptr);
  RawNode* last = nullptr;
  int r = lay.first_row;
  const int rows = s.RowCount();
  auto label_cols = [&]() {
    std::vector<int> cols = {0};
    cols.insert(cols.end(), lay.name_col.begin(), lay.name_col.end());
    return cols;
  }();
  for (; r < rows; ++r) {
    bool stop = false, header = false;
    for (int c : label_cols) {
      std::string sq = Squash(v.Shown(r, c));
      stop = stop || IsStopLabel(sq);
      header = header || (!v.MergedFromAbove(r, c) && (LevelOfLabel(sq) > 0 || IsNameLabel(sq)));
    }
    if (stop) break;
    if (header) continue;  // the header repeated (a sheet laid out for printing)

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
    // A parent's name written again on each of its rows is the same parent.
    while (first_new >= 0 && first_new < deepest && open[first_new] &&
           open[first_new]->label == text[first_new]) {
      state[first_new] = kCont;
      ++first_new;
    }
    auto own = [&](int c) { return c < 0 || v.MergedFromAbove(r, c) ? std::string() : Tidy(s.Text(r, c)); };
    if (deepest < 0) {
      // No new indicator: more text for the one above, or an empty row.
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
    for (size_t k = static_cast<size_t>(deepest) + 1; k < levels && ok; ++k)
      if (state[k] == kCont) {
        const MergeRange* m = s.MergeAt(r, lay.name_col[k]);
        diags.Error(v.Loc(r, lay.name_col[k]), "", msg::kImportMergeCrosses, m->ref);
        ok = false;
      }
    if (!ok) continue;
    for (int k = first_new; k <= deepest; ++k) {
      const size_t uk = static_cast<size_t>(k);
      auto node = std::make_unique<RawNode>();
      node->label = text[uk];
      std::tie(node->code, node->name) = SplitCode(node->label, k == 0);
      node->loc = v.Loc(r, lay.name_col[uk]);
      node->weight_loc = v.Loc(r, lay.weight_col[uk]);
      std::string w = s.Text(r, lay.weight_col[uk]);
      if (Squash(w).empty()) {
        diags.Error(node->weight_loc, node->code, msg::kImportMissingWeight, node->label);
      } else if (auto d = ParseWeight(w)) {
        node->weight = *d;
        if (d->Sign() < 0) diags.Error(node->weight_loc, node->code, msg::kMustBePositive, "weight");
      } else {
        diags.Error(node->weight_loc, node->code, msg::kImportBadWeight, node->label, Tidy(w));
      }
      RawNode* raw = node.get();
      if (k == 0) out.roots.push_back(std::move(node));
      else open[uk - 1]->children.push_back(std::move(node));
      open[uk] = raw;
      for (size_t deeper = uk + 1; deeper < levels; ++deeper) open[deeper] = nullptr;
    }
    last = open[static_cast<size_t>(deepest)];
    if (lay.expl_col >= 0) last->explanation = Tidy(v.Shown(r, lay.expl_col));
    last->criteria = Tidy(v.Shown(r, lay.crit_col));
    last->crit_loc = v.Loc(r, lay.crit_col);
    if (lay.score_col >= 0) {
      last->score_text = Tidy(ShortestNumber(s.Text(r, lay.score_col)));
      last->score_loc = v.Loc(r, lay.score_col);
    }
    if (lay.reason_col >= 0) last->reason = Tidy(v.Shown(r, lay.reason_col));
  }
  // Below the rows: the total (合计) and a cap on deductions (减分…上限 N 分),
  // and what a submitted sheet states there: its total, deductions and grade.
  auto stated = [&](int row) -> std::optional<StatedNumber> {
    if (lay.score_col < 0) return std::nullopt;
    std::string t = Squash(ShortestNumber(s.Text(row, lay.score_col)));
    return t.empty() ? std::nullopt : ParseStatedNumber(t, v.Loc(row, lay.score_col));
  };
  for (int row = r; row < rows; ++row) {
    std::string label;
    for (int c : label_cols)
      if (label.empty()) label = Squash(v.Shown(row, c));
    if (StartsWith(label, kGrade) || StartsWith(label, "等级")) {
      for (const XlsxCell* c : v.Row(row)) {
        std::string t = Tidy(c->text);
        if (!t.empty() && !StartsWith(Squash(t), kGrade) && !StartsWith(Squash(t), "等级")) {
          out.scores.grade = StatedText{t, "", v.Loc(row, c->col)};
          break;
        }
      }
    } else if (StartsWith(label, "减分") && !CapIn(label)) {
      if (auto n = stated(row)) out.scores.deductions.emplace_back(label, *n);
    } else if (StartsWith(label, kTotal) || StartsWith(label, "总计") || StartsWith(label, "总分") ||
               StartsWith(label, "综合得分") || StartsWith(label, "得分合计")) {
      if (!out.scores.total) out.scores.total = stated(row);
      if (!out.scores.total && !out.scores.total_loc && lay.score_col >= 0)
        out.scores.total_loc = v.Loc(row, lay.score_col);  // the 合计 left blank
    }
  }
  for (; r < rows; ++r) {
    for (int c : label_cols) {
      std::string sq = Squash(v.Shown(r, c));
      if (StartsWith(sq, "减分"))
        if (auto cap = CapIn(sq)) out.deduction_cap = cap;
      if ((StartsWith(sq, kTotal) || StartsWith(sq, "总计")) && !out.total) {
        for (int wc : lay.weight_col) {
          std::string w = s.Text(r, wc);
          if (auto d = Squash(w).empty() ? std::nullopt : ParseWeight(w)) {
            out.total = *d;
            out.total_loc = v.Loc(r, wc);
            break;
          }
        }
      }
    }
  }
  if (out.roots.empty() && !diags.HasErrors())
    diags.Error(v.Loc(lay.first_row, lay.name_col[0]), "", msg::kImportNoRows);
  return out;
}

struct Builder {
  ScoringSheet& im;
  Diagnostics& diags;
  std::set<std::string> codes;

  Indicator Build(RawNode& n, int level, const std::string& code) {
    Indicator ind;
    ind.code = code;
    ind.name = n.name;
    ind.weight = n.weight;
    ind.explanation = n.explanation;
    ind.criteria = n.criteria;
    ind.level = level;
    ind.loc = n.loc;
    ind.weight_loc = n.weight_loc;
    if (!codes.insert(code).second) diags.Error(n.loc, code, msg::kDuplicateCode, code);
    for (size_t i = 0; i < n.children.size(); ++i)
      ind.children.push_back(Build(*n.children[i], level + 1, CodeOf(*n.children[i], code, i)));
    if (ind.children.empty()) {
      if (!n.score_text.empty()) {
        if (auto s = ParseStatedNumber(n.score_text, n.score_loc)) im.scores.scores[code] = *s;
        else diags.Error(n.score_loc, code, msg::kExpectedNumber, n.score_text);
      } else if (!n.score_loc.cell.empty()) {
        im.scores.blank.emplace_back(code, n.score_loc);
      }
      if (!n.reason.empty()) im.scores.reasons[code] = n.reason;
      im.leaves.push_back(ScoringSheetLeaf{ind.code, ind.name, n.crit_loc});
    } else {
      Decimal sum;
      for (const auto& c : ind.children) sum += c.weight;
      if (sum != ind.weight)
        diags.Error(ind.weight_loc, ind.code, msg::kWeightSum, sum.ToExactString(),
                    ind.weight.ToExactString());
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

ScoringSheet LoadScoringSheet(const std::string& xlsx_path, const ScoringSheetOptions& options,
                              const std::string* bytes) {
  XlsxWorkbook wb = ReadXlsxBytes(xlsx_path, bytes);
  std::vector<const XlsxSheet*> candidates;
  std::string names;
  for (const auto& s : wb.sheets) names += (names.empty() ? "" : "、") + s.name;
  if (!options.sheet.empty()) {
    const XlsxSheet* s = wb.Sheet(options.sheet);
    if (!s) Fail(SourceLoc{xlsx_path}, "", msg::kImportNoSheet, options.sheet, names);
    candidates.push_back(s);
  } else {
    for (const auto& s : wb.sheets) candidates.push_back(&s);
  }

  Diagnostics partial;
  for (const XlsxSheet* s : candidates) {
    SheetView v(wb, *s);
    auto lay = FindLayout(v, partial);
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
    sys.grades = DefaultGrades();  // a sheet does not state its bands
    sys.deduction_cap = raw.deduction_cap;
    Builder b{im, diags, {}};
    for (size_t i = 0; i < raw.roots.size(); ++i)
      sys.roots.push_back(b.Build(*raw.roots[i], 1, b.CodeOf(*raw.roots[i], "", i)));
    Decimal sum;
    for (const auto& root : sys.roots) sum += root.weight;
    if (sum != sys.total)
      diags.Error(raw.total ? raw.total_loc : lay->root_weight_header, "", msg::kRootWeightSum,
                  sum.ToExactString(), sys.total.ToExactString());
    im.scores.total = raw.scores.total;
    im.scores.grade = raw.scores.grade;
    im.scores.total_loc = raw.scores.total_loc;
    im.scores.deductions = raw.scores.deductions;
    im.scores.has_score_column = lay->score_col >= 0;
    im.scores.reason_column = lay->reason_col;
    if (options.lenient) {
      // `check` reports weights that do not add up as findings, not as a failure to read.
      Diagnostics rest;
      for (const auto& d : diags.All()) {
        if (d.id == msg::kWeightSum.id || d.id == msg::kRootWeightSum.id) im.problems.push_back(d);
        else rest.Add(d.severity, d.loc, d.indicator, MessageDef{d.id.c_str(), "", ""}, d.message, d.hint_name);
      }
      diags = rest;
    }
    if (diags.HasErrors()) throw InputError(diags);
    return im;
  }
  Diagnostics d;
  d.Error(SourceLoc{xlsx_path}, "", msg::kImportNoHeader, names);
  d.Append(partial);
  throw InputError(d);
}

}  // namespace jixiao
