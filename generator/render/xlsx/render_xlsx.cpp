// The Excel scoring workbook: 评分表 in the 附件1 layout, 汇总 with a chart,
// 满意度 and 资金. Every total is a live formula over the cells it adds
// up, stored together with the value jixiao computed, so a reader that does
// not recalculate sees the right figure and a reviewer who edits a score
// sees the totals move.
#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/messages.h"
#include "base/precision.h"
#include "formats/xlsx/layouts/scoring_sheet.h"
#include "formats/xlsx/xlsx_writer.h"
#include "render/render.h"

static_assert(LXW_VERSION_ID >= 114, "libxlsxwriter 1.1.4 or later");

namespace jixiao {
namespace {

constexpr double kFontSize = 10;

// The cell value of a displayed decimal. The only step where a figure
// becomes binary floating point is here, from the printed digits.
double CellNumber(const std::string& digits) { return std::strtod(digits.c_str(), nullptr); }
double Score(const Decimal& d) { return CellNumber(d.ToShort(kScorePlaces)); }
double Rate(const Decimal& d) { return CellNumber(d.ToShort(kRatePlaces)); }
// A rate cell's formula: Excel rounds `expr` as the cached value was (kRatePlaces).
std::string RoundedRate(const std::string& expr) { return fmt::format("ROUND({},{})", expr, kRatePlaces); }
double Exact(const Decimal& d) { return CellNumber(d.ToExactString()); }

std::string Ref(int row, int col) { return CellRef(row, col); }
std::string Range(int r1, int c1, int r2, int c2) { return Ref(r1, c1) + ":" + Ref(r2, c2); }
std::string Quoted(const std::string& sheet) { return "'" + sheet + "'!"; }



struct Formats {
  lxw_format* title;
  lxw_format* header;
  lxw_format* text;    // wrapped, left
  lxw_format* center;  // wrapped, centred (labels)
  lxw_format* parent;  // a parent's name over its leaves: at the top, as 附件1 prints it
  lxw_format* parent_number;
  lxw_format* number;   // weights: General shows 3 and 2.5 as written
  lxw_format* score;    // scores, deductions and totals: at kScorePlaces, 10.40 as the forms print it
  lxw_format* bold_score;
  lxw_format* percent;  // 0.00%
  lxw_format* money;    // #,##0.00
  lxw_format* count;    // 0
  lxw_format* bold_center;
  lxw_format* bold_number;
  lxw_format* bold_percent;
  lxw_format* bold_money;
  lxw_format* caption;  // a table's title above it, no border

  explicit Formats(lxw_workbook* wb) {
    auto base = [&](bool border) { return BaseCellFormat(wb, kFontSize, border); };
    auto with = [&](bool bold, uint8_t align, const char* num) {
      lxw_format* f = base(true);
      if (bold) format_set_bold(f);
      format_set_align(f, align);
      if (num) format_set_num_format(f, num);
      return f;
    };
    title = base(false);
    format_set_bold(title);
    format_set_font_size(title, 14);
    format_set_align(title, LXW_ALIGN_CENTER);
    header = with(true, LXW_ALIGN_CENTER, nullptr);
    format_set_bg_color(header, 0xE7E6E6);
    text = with(false, LXW_ALIGN_LEFT, nullptr);
    center = with(false, LXW_ALIGN_CENTER, nullptr);
    // Top-aligned, so a group that runs over a page break keeps its name on
    // the first page instead of printing it across the break.
    parent = with(false, LXW_ALIGN_CENTER, nullptr);
    format_set_align(parent, LXW_ALIGN_VERTICAL_TOP);
    // Formats that look alike are one object: libxlsxwriter numbers only the
    // first of two equal formats, and rebuilds and hashes the other at every
    // cell when the file is closed (a twentieth of the workbook's cost).
    parent_number = parent;
    number = center;
    percent = with(false, LXW_ALIGN_CENTER, "0.00%");
    money = with(false, LXW_ALIGN_RIGHT, "#,##0.00");
    count = with(false, LXW_ALIGN_CENTER, "0");
    score = with(false, LXW_ALIGN_CENTER, FixedNumFormat(kScorePlaces).c_str());
    bold_score = with(true, LXW_ALIGN_CENTER, FixedNumFormat(kScorePlaces).c_str());
    bold_center = with(true, LXW_ALIGN_CENTER, nullptr);
    bold_number = bold_center;
    bold_percent = with(true, LXW_ALIGN_CENTER, "0.00%");
    bold_money = with(true, LXW_ALIGN_RIGHT, "#,##0.00");
    caption = base(false);
    format_set_bold(caption);
    format_set_align(caption, LXW_ALIGN_LEFT);
  }
};

std::string Label(const Indicator& d) { return d.code.empty() ? d.name : d.code + " " + d.name; }

void Leaves(const ScoredIndicator& s, std::vector<const ScoredIndicator*>& path,
            std::vector<std::vector<const ScoredIndicator*>>& out) {
  path.push_back(&s);
  if (s.children.empty()) out.push_back(path);
  for (const auto& c : s.children) Leaves(c, path, out);
  path.pop_back();
}

// Where 评分表 put things, for the other sheets' formulas.
struct ScoreSheetLayout {
  int score_col = 0;
  std::vector<std::pair<int, int>> root_rows;  // first and last leaf row of each 一级
  int deductions_row = -1;                     // the applied deduction total, if any
  int total_row = 0;
  int grade_row = 0;
};

// The grade as a formula over the total, so it follows an edited score.
std::string GradeFormula(const IndicatorSystem& sys, const std::string& total_cell) {
  if (sys.grades.empty()) return "";
  // The bands are out of 100 (GradePoints): a total of another size is scaled.
  const std::string points = sys.total == Decimal(100) ? total_cell : "(" + total_cell + "*100/" + sys.total.ToExactString() + ")";
  std::string f = "\"" + sys.grades.back().name + "\"";
  for (size_t i = sys.grades.size() - 1; i-- > 0;)
    f = "IF(" + points + ">=" + sys.grades[i].min.ToExactString() + ",\"" + sys.grades[i].name +
        "\"," + f + ")";
  return "=" + f;
}

// The columns of 评分表: (名称, 权重) per level shown, then the texts, the
// score and the reason.
struct ScoreColumns {
  int levels = 3;
  bool deeper = false;  // the system goes below 三级: the last pair joins the rest
  int Name(int k) const { return 2 * k; }
  int Weight(int k) const { return 2 * k + 1; }
  int expl() const { return 2 * levels; }
  int crit() const { return 2 * levels + 1; }
  int score() const { return 2 * levels + 2; }
  int reason() const { return 2 * levels + 3; }
};

void WriteScoreHeader(Sheet& sh, const Formats& fm, const ScoreColumns& col,
                      const std::string& title) {
  for (int k = 0; k < col.levels; ++k) {
    sh.Column(col.Name(k), col.levels == 1 ? 16 : 13);
    sh.Column(col.Weight(k), 5.5);
  }
  sh.Column(col.expl(), 30);
  sh.Column(col.crit(), 46);
  sh.Column(col.score(), 7);
  sh.Column(col.reason(), 26);

  sh.Merge(0, 0, 0, col.reason(), title, fm.title);
  sh.RowHeight(0, 30);
  sh.Merge(1, 0, 1, col.Weight(col.levels - 1), scoring_sheet::kIndicators, fm.header);
  sh.Merge(1, col.expl(), 3, col.expl(), scoring_sheet::kExplanation, fm.header);
  sh.Merge(1, col.crit(), 3, col.crit(), scoring_sheet::kCriteria, fm.header);
  sh.Merge(1, col.score(), 3, col.score(), scoring_sheet::kScore, fm.header);
  sh.Merge(1, col.reason(), 3, col.reason(), scoring_sheet::kReason, fm.header);
  for (int k = 0; k < col.levels; ++k) {
    // 一级指标 …; the last of three is 三级及以下指标 when the system goes deeper.
    std::string name = std::string(scoring_sheet::kLevelNumerals[k]) +
                       (k == 2 && col.deeper ? scoring_sheet::kLevelAndBelowSuffix : scoring_sheet::kLevelSuffix);
    sh.Merge(2, col.Name(k), 2, col.Weight(k), name, fm.header);
    sh.Text(3, col.Name(k), scoring_sheet::kName, fm.header);
    sh.Text(3, col.Weight(k), scoring_sheet::kWeight, fm.header);
  }
}

// What the leaf rows add up to in each weight column; a column some row
// leaves empty (a leaf above the system's depth) gets no total.
struct WeightColumns {
  std::vector<Decimal> sum;
  std::vector<bool> complete;
};

// One row per leaf from `first`: each level's node in its (名称, 权重) pair,
// merged down over the rows where the same node repeats.
WeightColumns WriteLeafRows(Sheet& sh, const Formats& fm, const ScoreColumns& col,
                            const std::vector<std::vector<const ScoredIndicator*>>& leaves,
                            int first) {
  const size_t levels = static_cast<size_t>(col.levels);
  WeightColumns w{std::vector<Decimal>(levels), std::vector<bool>(levels, true)};
  for (size_t i = 0; i < leaves.size(); ++i) {
    const auto& path = leaves[i];
    const int row = first + static_cast<int>(i);
    const ScoredIndicator& leaf = *path.back();
    std::vector<Sheet::Span> fit;
    for (size_t k = 0; k < levels; ++k) {
      const int name_col = col.Name(static_cast<int>(k)),
                weight_col = col.Weight(static_cast<int>(k));
      const bool joined = k + 1 == levels && path.size() > levels;
      if (k >= path.size()) {
        w.complete[k] = false;
        sh.Blank(row, name_col, fm.center);
        sh.Blank(row, weight_col, fm.number);
        continue;
      }
      if (joined) {
        std::string name;
        for (size_t j = k; j < path.size(); ++j)
          name += (name.empty() ? "" : " / ") + Label(*path[j]->def);
        sh.Text(row, name_col, name, fm.center);
        sh.Number(row, weight_col, Exact(leaf.def->weight), fm.number);
        w.sum[k] += leaf.def->weight;
        fit.emplace_back(name_col, name_col, name);
        continue;
      }
      const ScoredIndicator* node = path[k];
      auto same = [&](size_t j) { return leaves[j].size() > k && leaves[j][k] == node; };
      if (i > 0 && same(i - 1)) continue;  // inside a merge written above
      size_t span = 1;
      while (i + span < leaves.size() && same(i + span)) ++span;
      const int last = row + static_cast<int>(span) - 1;
      sh.Merge(row, name_col, last, name_col, Label(*node->def), span > 1 ? fm.parent : fm.center);
      sh.MergeNumber(row, weight_col, last, weight_col, Exact(node->def->weight),
                     span > 1 ? fm.parent_number : fm.number);
      w.sum[k] += node->def->weight;
      if (span == 1) fit.emplace_back(name_col, name_col, Label(*node->def));
    }
    const Indicator& d = *leaf.def;
    const std::string reason = leaf.Lost() ? leaf.reason : "";
    sh.Text(row, col.expl(), d.explanation, fm.text);
    sh.Text(row, col.crit(), d.criteria, fm.text);
    sh.Number(row, col.score(), Score(leaf.score), fm.score);
    sh.Text(row, col.reason(), reason, fm.text);
    fit.emplace_back(col.expl(), col.expl(), d.explanation);
    fit.emplace_back(col.crit(), col.crit(), d.criteria);
    fit.emplace_back(col.reason(), col.reason(), reason);
    sh.Fit(row, fit);
  }
  return w;
}

// 评分表 (附件1): the leaf rows, then 减分项, 合计 and 评价等级 as formulas
// over them. Three (名称, 权重) pairs at most: a shallower system uses
// fewer, a deeper one joins the levels below 三级 in the last pair.
ScoreSheetLayout WriteScoreSheet(lxw_workbook* wb, const Formats& fm, const ScoredProject& sp,
                                 const std::string& path) {
  const Project& p = *sp.project;
  Sheet sh(wb, scoring_sheet::kSheet, path);
  std::vector<std::vector<const ScoredIndicator*>> leaves;
  std::vector<const ScoredIndicator*> walk;
  for (const auto& r : sp.roots) Leaves(r, walk, leaves);
  size_t depth = 1;
  for (const auto& l : leaves) depth = std::max(depth, l.size());
  ScoreColumns col;
  col.levels = static_cast<int>(std::min<size_t>(depth, 3));
  col.deeper = depth > 3;
  const int sc = col.score();

  WriteScoreHeader(sh, fm, col, p.info.name + "绩效评价指标评分表");
  const int first = 4;
  WeightColumns weights = WriteLeafRows(sh, fm, col, leaves, first);
  const int last_leaf = first + static_cast<int>(leaves.size()) - 1;

  ScoreSheetLayout out;
  out.score_col = sc;
  for (size_t i = 0; i < leaves.size(); ++i) {
    const int row = first + static_cast<int>(i);
    if (i > 0 && leaves[i][0] == leaves[i - 1][0])
      out.root_rows.back().second = row;
    else
      out.root_rows.emplace_back(row, row);
  }

  int row = last_leaf + 1;
  std::string total_formula = "=SUM(" + Range(first, sc, last_leaf, sc) + ")";
  if (!p.deductions.empty()) {
    const int ded_first = row;
    for (const auto& d : p.deductions) {
      sh.Merge(row, 1, row, col.crit(), d.reason, fm.text);
      sh.Number(row, sc, -Exact(d.points), fm.score);
      sh.Blank(row, col.reason(), fm.text);
      sh.Fit(row, {{1, col.crit(), d.reason}});
      ++row;
    }
    sh.Merge(ded_first, 0, row - 1, 0, scoring_sheet::kDeductions, fm.bold_center);
    const std::string items = "SUM(" + Range(ded_first, sc, row - 1, sc) + ")";
    const auto& cap = sp.system().deduction_cap;
    std::string label = scoring_sheet::kDeductionTotal;
    std::string formula = "=" + items;
    if (cap) {
      label += "（" + std::string(scoring_sheet::kCapWord) + " " + cap->ToShort(kScorePlaces) + " 分）";
      formula = "=MAX(-" + cap->ToExactString() + "," + items + ")";
    }
    sh.Merge(row, 0, row, col.crit(), label, fm.bold_center);
    sh.Formula(row, sc, formula, fm.bold_score, -Exact(sp.deductions));
    sh.Blank(row, col.reason(), fm.text);
    out.deductions_row = row;
    total_formula += "+" + Ref(row, sc);
    ++row;
  }

  out.total_row = row;
  sh.Text(row, 0, scoring_sheet::kTotal, fm.bold_center);
  for (int k = 0; k < col.levels; ++k) {
    const size_t uk = static_cast<size_t>(k);
    if (k > 0) sh.Blank(row, col.Name(k), fm.center);
    if (weights.complete[uk])
      sh.Formula(row, col.Weight(k),
                 "=SUM(" + Range(first, col.Weight(k), last_leaf, col.Weight(k)) + ")",
                 fm.bold_number, Exact(weights.sum[uk]));
    else
      sh.Blank(row, col.Weight(k), fm.number);
  }
  sh.Blank(row, col.expl(), fm.text);
  sh.Blank(row, col.crit(), fm.text);
  sh.Formula(row, sc, total_formula, fm.bold_score, Score(sp.total));
  sh.Blank(row, col.reason(), fm.text);
  sh.RowHeight(row, 20);
  ++row;

  out.grade_row = row;
  sh.Merge(row, 0, row, col.crit(), scoring_sheet::kGrade, fm.bold_center);
  std::string grade = GradeFormula(sp.system(), Ref(out.total_row, sc));
  if (grade.empty())
    sh.Text(row, sc, sp.grade, fm.bold_center);
  else
    sh.FormulaText(row, sc, grade, fm.bold_center, sp.grade);
  sh.Blank(row, col.reason(), fm.text);
  sh.RowHeight(row, 20);

  sh.PrintSetup(true);
  sh.RepeatRows(1, 3);
  worksheet_freeze_panes(sh.ws(), 4, 0);
  return out;
}

// 汇总: the 一级 table with formulas over 评分表, and a chart of 得分率.
void WriteSummarySheet(lxw_workbook* wb, const Formats& fm, const ScoredProject& sp,
                       const ScoreSheetLayout& layout, const std::string& path) {
  Sheet sh(wb, scoring_sheet::kSummarySheet, path);
  sh.Column(0, 24);
  sh.Column(1, 10);
  sh.Column(2, 10);
  sh.Column(3, 12);
  sh.Merge(0, 0, 0, 3, "绩效评价得分汇总", fm.title);
  sh.RowHeight(0, 30);
  const char* headers[] = {"一级指标", "权重", "得分", "得分率"};
  for (int c = 0; c < 4; ++c) sh.Text(1, c, headers[c], fm.header);

  const std::string source = Quoted(scoring_sheet::kSheet);
  const int first = 2;
  int row = first;
  Decimal weights;
  for (size_t i = 0; i < sp.roots.size(); ++i, ++row) {
    const ScoredIndicator& r = sp.roots[i];
    auto [a, b] = layout.root_rows[i];
    sh.Text(row, 0, Label(*r.def), fm.center);
    sh.Number(row, 1, Exact(r.def->weight), fm.number);
    sh.Formula(row, 2, "=SUM(" + source + Range(a, layout.score_col, b, layout.score_col) + ")",
               fm.score, Score(r.score));
    if (r.rate)
      sh.Formula(row, 3, "=" + RoundedRate(Ref(row, 2) + "/" + Ref(row, 1)), fm.percent,
                 Rate(*r.rate));
    else
      sh.Blank(row, 3, fm.percent);
    weights += r.def->weight;
  }
  const int last_root = row - 1;
  if (layout.deductions_row >= 0) {
    sh.Text(row, 0, "减分项", fm.center);
    sh.Blank(row, 1, fm.number);
    sh.Formula(row, 2, "=" + source + Ref(layout.deductions_row, layout.score_col), fm.score,
               -Exact(sp.deductions));
    sh.Blank(row, 3, fm.percent);
    ++row;
  }
  const int total = row;
  sh.Text(total, 0, "合计", fm.bold_center);
  sh.Formula(total, 1, "=SUM(" + Range(first, 1, last_root, 1) + ")", fm.bold_number,
             Exact(weights));
  sh.Formula(total, 2, "=SUM(" + Range(first, 2, total - 1, 2) + ")", fm.bold_score,
             Score(sp.total));
  if (sp.total_rate)
    sh.Formula(total, 3, "=" + RoundedRate(Ref(total, 2) + "/" + Ref(total, 1)), fm.bold_percent,
               Rate(*sp.total_rate));
  else
    sh.Blank(total, 3, fm.bold_percent);
  sh.Text(total + 1, 0, "评价等级", fm.bold_center);
  sh.Merge(total + 1, 1, total + 1, 3, "", fm.bold_center);
  sh.FormulaText(total + 1, 1, "=" + source + Ref(layout.grade_row, layout.score_col),
                 fm.bold_center, sp.grade);
  for (int r = 1; r <= total + 1; ++r) sh.RowHeight(r, 20);

  lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
  lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
  chart_series_set_categories(series, scoring_sheet::kSummarySheet, first, 0, last_root, 0);
  chart_series_set_values(series, scoring_sheet::kSummarySheet, first, 3, last_root, 3);
  chart_series_set_name(series, "得分率");
  chart_series_set_labels(series);
  chart_series_set_labels_num_format(series, "0.00%");
  lxw_chart_fill fill = {0x4472C4, 0, 0};
  chart_series_set_fill(series, &fill);
  chart_title_set_name(chart, "各一级指标得分率");
  lxw_chart_font title_font = {};
  title_font.name = const_cast<char*>("宋体");
  title_font.size = 12;
  title_font.bold = LXW_EXPLICIT_FALSE;
  chart_title_set_name_font(chart, &title_font);
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_min(chart->y_axis, 0);
  chart_axis_set_max(chart->y_axis, 1);
  chart_axis_set_major_unit(chart->y_axis, 0.2);
  chart_axis_set_num_format(chart->y_axis, "0%");
  lxw_chart_options place = {};
  place.x_offset = 10;
  place.x_scale = 1;
  place.y_scale = 1;
  sh.Check(worksheet_insert_chart_opt(sh.ws(), 1, 5, chart, &place));
  sh.PrintSetup(true);
  worksheet_fit_to_pages(sh.ws(), 1, 1);
}

// 满意度: per survey, the tallies with their shares, or the rated items and
// their mean, each share rounded as the report prints it.
void WriteSurveySheet(lxw_workbook* wb, const Formats& fm, const Project& p,
                      const std::string& path) {
  Sheet sh(wb, scoring_sheet::kSurveySheet, path);
  sh.Column(0, 52);
  sh.Column(1, 12);
  sh.Column(2, 12);
  sh.Merge(0, 0, 0, 2, "满意度调查统计", fm.title);
  sh.RowHeight(0, 30);
  int row = 2;
  for (const auto& s : p.surveys) {
    // "Q1 您是否了解…", but not "满意度 满意度问题得分情况".
    std::string caption = s.title.find(s.id) == std::string::npos ? s.id + " " + s.title : s.title;
    if (s.title.empty()) caption = s.id;
    sh.Merge(row, 0, row, 2, caption, fm.caption);
    sh.Fit(row, {{0, 2, caption}});
    ++row;
    if (!s.options.empty()) {
      sh.Text(row, 0, "选项", fm.header);
      sh.Text(row, 1, "人数", fm.header);
      sh.Text(row, 2, "占比", fm.header);
      ++row;
      Decimal total;
      for (const auto& c : s.counts) total += c;
      const int first = row, subtotal = row + static_cast<int>(s.options.size());
      Decimal shares;
      for (size_t i = 0; i < s.options.size(); ++i, ++row) {
        Decimal count = i < s.counts.size() ? s.counts[i] : Decimal(0);
        sh.Text(row, 0, s.options[i], fm.text);
        sh.Number(row, 1, Exact(count), fm.count);
        if (total.IsZero()) {
          sh.Blank(row, 2, fm.percent);
          continue;
        }
        Decimal share = (count / total).Round(kRatePlaces);
        shares += share;
        sh.Formula(row, 2, "=" + RoundedRate(Ref(row, 1) + "/" + Ref(subtotal, 1)), fm.percent,
                   Rate(share));
      }
      sh.Text(row, 0, "小计", fm.bold_center);
      sh.Formula(row, 1, "=SUM(" + Range(first, 1, row - 1, 1) + ")", fm.bold_number, Exact(total));
      if (total.IsZero())
        sh.Blank(row, 2, fm.bold_percent);
      else
        sh.Formula(row, 2, "=SUM(" + Range(first, 2, row - 1, 2) + ")", fm.bold_percent,
                   Rate(shares));
      ++row;
    }
    if (!s.items.empty()) {
      sh.Text(row, 0, "评价项目", fm.header);
      sh.Merge(row, 1, row, 2, "满意度", fm.header);
      ++row;
      const int first = row;
      Decimal sum;
      for (const auto& [item, rate] : s.items) {
        sh.Text(row, 0, item, fm.text);
        sh.Merge(row, 1, row, 2, "", fm.percent);
        sh.Number(row, 1, Exact(rate), fm.percent);
        sum += rate;
        ++row;
      }
      Decimal mean = (sum / Decimal(static_cast<long>(s.items.size()))).Round(kRatePlaces);
      sh.Text(row, 0, "平均", fm.bold_center);
      sh.Merge(row, 1, row, 2, "", fm.bold_percent);
      sh.Formula(row, 1, "=" + RoundedRate("AVERAGE(" + Range(first, 1, row - 1, 1) + ")"), fm.bold_percent,
                 Rate(mean));
      ++row;
    }
    ++row;
  }
  sh.PrintSetup(false);
}

// 资金: sources and uses with their totals, and each year's balance with
// 年初 + 收入 − 支出 computed beside the stated 年末.
void WriteFundsSheet(lxw_workbook* wb, const Formats& fm, const Funds& f, const std::string& path) {
  Sheet sh(wb, scoring_sheet::kFundsSheet, path);
  const std::string unit = f.unit.empty() ? "" : "（" + f.unit + "）";
  sh.Column(0, 22);
  for (int c = 1; c <= 6; ++c) sh.Column(c, 14);
  sh.Merge(0, 0, 0, 6, "资金情况" + unit, fm.title);
  sh.RowHeight(0, 30);
  int row = 2;
  auto table = [&](const char* caption, const char* what, const std::vector<FundRow>& rows) {
    if (rows.empty()) return;
    sh.Merge(row, 0, row, 2, caption, fm.caption);
    ++row;
    sh.Text(row, 0, what, fm.header);
    sh.Text(row, 1, "金额" + unit, fm.header);
    sh.Text(row, 2, "备注", fm.header);
    ++row;
    const int first = row;
    Decimal total;
    for (const auto& r : rows) {
      sh.Text(row, 0, r.name, fm.text);
      sh.Number(row, 1, Exact(r.amount), fm.money);
      sh.Text(row, 2, r.note, fm.text);
      total += r.amount;
      ++row;
    }
    sh.Text(row, 0, "合计", fm.bold_center);
    sh.Formula(row, 1, "=SUM(" + Range(first, 1, row - 1, 1) + ")", fm.bold_money, Exact(total));
    sh.Blank(row, 2, fm.text);
    row += 2;
  };
  table("资金来源", "资金来源", f.sources);
  table("资金使用", "支出内容", f.uses);
  if (!f.balances.empty()) {
    sh.Merge(row, 0, row, 6, "资金结余", fm.caption);
    ++row;
    const char* headers[] = {"年度",     "年初结余",       "本年收入", "本年支出",
                             "年末结余", "年初+收入−支出", "差额"};
    for (int c = 0; c < 7; ++c) sh.Text(row, c, headers[c], fm.header);
    ++row;
    for (const auto& y : f.balances) {
      Decimal computed = y.opening + y.income - y.spending;
      sh.Text(row, 0, y.year, fm.center);
      sh.Number(row, 1, Exact(y.opening), fm.money);
      sh.Number(row, 2, Exact(y.income), fm.money);
      sh.Number(row, 3, Exact(y.spending), fm.money);
      sh.Number(row, 4, Exact(y.closing), fm.money);
      sh.Formula(row, 5, "=" + Ref(row, 1) + "+" + Ref(row, 2) + "-" + Ref(row, 3), fm.money,
                 Exact(computed));
      sh.Formula(row, 6, "=" + Ref(row, 4) + "-" + Ref(row, 5), fm.money,
                 Exact(y.closing - computed));
      ++row;
    }
  }
  sh.PrintSetup(true);
}

}  // namespace

void RenderXlsx(const ScoredProject& sp, const std::string& path) {
  const Project& p = *sp.project;
  WriteProjectWorkbook(path, [&](lxw_workbook* wb) {
    std::string title = p.info.name + "绩效评价指标评分表";
    lxw_doc_properties props = {};
    props.title = const_cast<char*>(title.c_str());
    props.subject = const_cast<char*>(sp.system().name.c_str());
    props.author = const_cast<char*>(p.info.evaluator.c_str());
    props.company = const_cast<char*>(p.info.evaluator.c_str());
    SetWorkbookProperties(wb, props);

    Formats fm(wb);
    ScoreSheetLayout layout = WriteScoreSheet(wb, fm, sp, path);
    WriteSummarySheet(wb, fm, sp, layout, path);
    if (!p.surveys.empty()) WriteSurveySheet(wb, fm, p, path);
    if (!p.funds.Empty()) WriteFundsSheet(wb, fm, p.funds, path);
  });
}

}  // namespace jixiao
