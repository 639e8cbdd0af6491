// The 项目支出绩效自评表 (财预〔2020〕10号 附件) as an .xlsx in the
// Ministry's layout: 项目名称, 主管部门, 实施单位; the 项目资金 block
// (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分 for 年度资金总额
// and its sources); 年度总体目标 (预期目标 | 实际完成情况); the indicator
// table (一级 | 二级 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
// 偏差原因分析及改进措施) with merged parent cells; 总分 and the grade; and
// the 评分说明 of the options applied. One A4 landscape page where it fits.
//
// 执行率 and 总分 are live formulas with their values cached, as in the
// scoring workbook. load_self_form.cpp reads this layout back.
#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <map>
#include <tuple>

#include "base/messages.h"
#include "base/precision.h"
#include "formats/xlsx/layouts/self_form.h"
#include "formats/xlsx/xlsx_writer.h"
#include "render/render.h"
#include "render/self_evaluation_rows.h"

namespace jixiao {
namespace {

using namespace self_form;

constexpr double kFont = 10;

double Num(const std::string& digits) { return std::strtod(digits.c_str(), nullptr); }
double Score(const Decimal& d) { return Num(d.ToShort(kScorePlaces)); }
double Exact(const Decimal& d) { return Num(d.ToExactString()); }

// The columns: A labels the blocks; B–I hold them.
enum Col { kA, kB, kC, kD, kE, kF, kG, kH, kI };
const double kWidths[] = {9, 11, 12, 22, 16, 20, 7, 7, 24};

// The form's one sheet with its formats, in the order the workbook has
// always numbered them, and its columns set.
class Form : public Sheet {
 public:
  Form(lxw_workbook* wb, const std::string& path) : Sheet(wb, kSheet, path) {
    auto base = [&](bool border) { return BaseCellFormat(wb, kFont, border); };
    title = base(false);
    format_set_bold(title);
    format_set_font_size(title, 16);
    format_set_align(title, LXW_ALIGN_CENTER);
    subtitle = base(false);
    format_set_align(subtitle, LXW_ALIGN_CENTER);
    label = base(true);
    format_set_align(label, LXW_ALIGN_CENTER);
    format_set_bold(label);
    header = base(true);
    format_set_align(header, LXW_ALIGN_CENTER);
    format_set_bold(header);
    format_set_bg_color(header, 0xE7E6E6);
    text = base(true);
    format_set_align(text, LXW_ALIGN_LEFT);
    center = base(true);
    format_set_align(center, LXW_ALIGN_CENTER);
    // A parent over several rows: at the top when the form runs over a page
    // break, so its name is not printed across the break.
    parent = base(true);
    format_set_align(parent, LXW_ALIGN_CENTER);
    format_set_align(parent, LXW_ALIGN_VERTICAL_TOP);
    number = base(true);
    format_set_align(number, LXW_ALIGN_CENTER);
    percent = base(true);
    format_set_align(percent, LXW_ALIGN_CENTER);
    format_set_num_format(percent, "0.00%");
    bold_number = base(true);
    format_set_align(bold_number, LXW_ALIGN_CENTER);
    format_set_bold(bold_number);
    score = base(true);
    format_set_align(score, LXW_ALIGN_CENTER);
    format_set_num_format(score, FixedNumFormat(kScorePlaces).c_str());
    bold_score = base(true);
    format_set_align(bold_score, LXW_ALIGN_CENTER);
    format_set_bold(bold_score);
    format_set_num_format(bold_score, FixedNumFormat(kScorePlaces).c_str());
    note = base(true);
    format_set_align(note, LXW_ALIGN_LEFT);
    format_set_align(note, LXW_ALIGN_VERTICAL_TOP);
    format_set_font_size(note, 9);
    for (int c = kA; c <= kI; ++c) Column(c, kWidths[c]);
  }

  lxw_format *title, *subtitle, *label, *header, *text, *center, *parent, *number, *percent, *bold_number, *note;
  lxw_format *score, *bold_score;  // scores at kScorePlaces: 8.40 as the form prints it

  using Cells = std::vector<Span>;
  // The height for each (first column, last column, text) to show whole.
  double Estimate(const Cells& cells, double min) const { return std::max(min, LinesHeight(Lines(cells))); }
  void Fit(int r, const Cells& cells, double min = 18) { RowHeight(r, Estimate(cells, min)); }
};

// The grade as a formula over the total, so it follows an edited score.
std::string GradeFormula(const IndicatorSystem& sys, const std::string& cell) {
  if (sys.grades.empty()) return "";
  // The bands are out of 100 (GradePoints): a total of another size is scaled.
  const std::string points = sys.total == Decimal(100) ? cell : "(" + cell + "*100/" + sys.total.ToExactString() + ")";
  std::string f = "\"" + sys.grades.back().name + "\"";
  for (size_t i = sys.grades.size() - 1; i-- > 0;)
    f = "IF(" + points + ">=" + sys.grades[i].min.ToExactString() + ",\"" + sys.grades[i].name + "\"," + f + ")";
  return "=\"" + std::string(kGradePrefix) + "\"&" + f;
}

// The budget rows the form shows: the Ministry's three sources when the
// project's sources are among them, else the project's own.
std::vector<BudgetRow> FormSources(const Budget& b) {
  const auto& standard = kStandardBudgetSources;
  std::vector<BudgetRow> rows(3);
  for (int i = 0; i < 3; ++i) rows[static_cast<size_t>(i)].name = standard[i];
  for (const auto& s : b.sources) {
    int hit = -1;
    if (s.name.find("财政拨款") != std::string::npos) hit = 0;
    else if (s.name.find("结转") != std::string::npos) hit = 1;
    else if (s.name.find("其他") != std::string::npos) hit = 2;
    if (hit < 0) return b.sources;
    BudgetRow r = s;
    r.name = standard[hit];
    rows[static_cast<size_t>(hit)] = r;
  }
  return rows;
}

}  // namespace

void RenderSelfXlsx(const ScoredProject& sp, const std::string& path) {
  const Project& p = *sp.project;
  const IndicatorSystem& sys = sp.system();
  WriteProjectWorkbook(path, [&](lxw_workbook* wb) {
    std::string doc_title = p.info.name + kTitle;
    lxw_doc_properties props = {};
    props.title = const_cast<char*>(doc_title.c_str());
    props.subject = const_cast<char*>(sys.name.c_str());
    props.author = const_cast<char*>(p.info.implementer.c_str());
    props.company = const_cast<char*>(p.info.implementer.c_str());
    SetWorkbookProperties(wb, props);

    Form f(wb, path);
    int r = 0;
    f.Merge(r, kA, r, kI, kTitle, f.title);
    f.Fit(r++, {}, 30);
    f.Merge(r, kA, r, kI, p.info.year.empty() ? "（    年度）" : "（" + p.info.year + "年度）", f.subtitle);
    f.Fit(r++, {}, 18);
    f.Text(r, kA, kProjectName, f.label);
    f.Merge(r, kB, r, kI, p.info.name, f.text);
    f.Fit(r++, {{kB, kI, p.info.name}}, 22);
    f.Text(r, kA, kDepartment, f.label);
    f.Merge(r, kB, r, kE, p.info.department, f.text);
    f.Text(r, kF, kImplementer, f.label);
    f.Merge(r, kG, r, kI, p.info.implementer, f.text);
    f.Fit(r++, {{kB, kE, p.info.department}, {kG, kI, p.info.implementer}}, 22);

    // 项目资金: 年初预算数 | 全年预算数 | [base] | 全年执行数 | 分值 | 执行率 | 得分.
    const auto base = sys.options.budget_base;
    const bool other_base = base != SelfEvaluationOptions::BudgetBase::kFullYear;
    const ScoredIndicator* budget_leaf = FindBudgetRateLeaf(sp);
    const int first_num = other_base ? kC : kD;
    std::vector<std::string> heads = {kBudgetInitial, kBudgetFullYear};
    if (other_base) heads.push_back(BudgetBaseName(base));
    heads.insert(heads.end(), {kBudgetExecuted, kWeight, kRate, kScore});
    const int budget_top = r;
    if (other_base) f.Blank(r, kB, f.header);
    else f.Merge(r, kB, r, kC, "", f.header);
    for (size_t i = 0; i < heads.size(); ++i) f.Text(r, first_num + static_cast<int>(i), heads[i], f.header);
    f.Fit(r++, {}, 22);
    const int col_base = first_num + 1 + (other_base ? 1 : 0);  // the rate's denominator
    const int col_exec = col_base + 1;
    const int col_weight = col_exec + 1, col_rate = col_exec + 2, col_score = col_exec + 3;
    std::vector<BudgetRow> rows = {p.budget.total};
    rows[0].name = kBudgetTotal;
    for (const auto& s : FormSources(p.budget)) rows.push_back(s);
    const int total_budget_row = r;
    for (size_t i = 0; i < rows.size(); ++i) {
      const BudgetRow& b = rows[i];
      std::string name = (i == 1 ? kOfWhich : "") + b.name;
      if (other_base) f.Text(r, kB, name, f.center);
      else f.Merge(r, kB, r, kC, name, f.center);
      std::vector<std::optional<Decimal>> cells = {b.initial, b.full_year};
      if (other_base) cells.push_back(BudgetBaseAmount(b, base));
      cells.push_back(b.executed);
      for (size_t c = 0; c < cells.size(); ++c) {
        int col = first_num + static_cast<int>(c);
        if (cells[c]) f.Number(r, col, Exact(*cells[c]), f.number);
        else f.Blank(r, col, f.number);
      }
      auto denom = BudgetBaseAmount(b, base);
      std::string rate_formula = fmt::format("=IF({1}=0,\"\",ROUND({0}/{1},{2}))", CellRef(r, col_exec),
                                             CellRef(r, col_base), kRatePlaces);
      if (denom && b.executed && !denom->IsZero())
        f.Formula(r, col_rate, rate_formula, f.percent, Num((*b.executed / *denom).Round(kRatePlaces).ToShort(kRatePlaces)));
      else
        f.Text(r, col_rate, "—", f.center);
      if (i == 0 && budget_leaf) {
        f.Number(r, col_weight, Exact(budget_leaf->def->weight), f.number);
        f.Number(r, col_score, Score(budget_leaf->score), f.score);
      } else {
        f.Text(r, col_weight, "—", f.center);
        f.Text(r, col_score, "—", f.center);
      }
      f.Fit(r++, {{kB, other_base ? kB : kC, name}}, 20);
    }
    f.Merge(budget_top, kA, r - 1, kA, std::string(kBudget) + "\n（" + p.budget.unit + "）", f.label);

    // 年度总体目标.
    f.Merge(r, kA, r + 1, kA, kGoals, f.label);
    f.Merge(r, kB, r, kE, kGoalExpected, f.header);
    f.Merge(r, kF, r, kI, kGoalActual, f.header);
    f.Fit(r++, {}, 20);
    f.Merge(r, kB, r, kE, p.goals.expected, f.text);
    f.Merge(r, kF, r, kI, p.goals.actual, f.text);
    f.Fit(r++, {{kB, kE, p.goals.expected}, {kF, kI, p.goals.actual}}, 40);

    // 绩效指标.
    const int ind_top = r;
    const char* ind_heads[] = {kLevel1, kLevel2, kLevel3, kTarget, kActual,
                               kWeight, kScore, kDeviation};
    for (int c = 0; c < 8; ++c) f.Text(r, kB + c, ind_heads[c], f.header);
    f.Fit(r++, {{kI, kI, ind_heads[7]}}, 22);
    std::vector<SelfFormRow> form = SelfFormRows(sp);
    const int first = r;
    auto leaf_name_of = [](const SelfFormRow& row) {
      std::string name;
      for (size_t k = 2; k < row.path.size(); ++k) name += (name.empty() ? "" : " / ") + row.path[k]->def->name;
      return name;
    };
    auto cells_of = [&](const SelfFormRow& row) -> Form::Cells {
      return {{kD, kD, leaf_name_of(row)}, {kE, kE, row.target}, {kF, kF, row.actual},
              {kI, kI, row.deviation}, {kB, kB, row.path[0]->def->name}};
    };
    // 评分说明, and whether the whole form fits one A4 landscape page without
    // shrinking below about 60% (a page holds ~520 pt).
    std::string notes = std::string(kNotes) + "：";
    std::vector<std::string> lines = SelfEvaluationNotes(sys);
    for (size_t i = 0; i < lines.size(); ++i) notes += "\n" + std::to_string(i + 1) + ". " + lines[i];
    double note_width = 0;
    for (double w : kWidths) note_width += w;
    const double notes_height = WrappedLines(notes, note_width * 1.25) * 12 + 8;  // 9-point text: more to a line
    double estimate = f.RowHeights() + notes_height + 24;
    for (const auto& row : form) estimate += f.Estimate(cells_of(row), 20);
    const bool one_page = estimate <= 860;
    for (size_t i = 0; i < form.size(); ++i) {
      const SelfFormRow& row = form[i];
      const int rr = first + static_cast<int>(i);
      const size_t depth = row.path.size();
      // Parents merged down over the rows they cover.
      for (size_t k = 0; k < 2 && k + 1 < depth; ++k) {
        const ScoredIndicator* node = row.path[k];
        auto same = [&](size_t j) { return form[j].path.size() > k + 1 && form[j].path[k] == node; };
        if (i > 0 && same(i - 1)) continue;
        size_t span = 1;
        while (i + span < form.size() && same(i + span)) ++span;
        f.Merge(rr, kB + static_cast<int>(k), rr + static_cast<int>(span) - 1, kB + static_cast<int>(k),
                node->def->name, one_page || span == 1 ? f.center : f.parent);
      }
      // The leaf: 三级 in D; a 二级 leaf spans C:D, a 一级 leaf B:D.
      const std::string leaf_name = leaf_name_of(row);
      if (depth >= 3) f.Text(rr, kD, leaf_name, f.text);
      else if (depth == 2) f.Merge(rr, kC, rr, kD, row.leaf->def->name, f.center);
      else f.Merge(rr, kB, rr, kD, row.leaf->def->name, f.center);
      f.Text(rr, kE, row.target, f.text);
      f.Text(rr, kF, row.actual, f.text);
      if (row.not_applicable) {
        f.Text(rr, kG, kNotApplicable, f.center);
        f.Text(rr, kH, "—", f.center);
      } else {
        f.Number(rr, kG, Exact(row.leaf->def->weight), f.number);
        f.Number(rr, kH, Score(row.leaf->score), f.score);
      }
      f.Text(rr, kI, row.deviation, f.text);
      f.Fit(rr, cells_of(row), 20);
    }
    if (form.empty()) f.Fit(r, {}, 20);
    const int last = first + std::max(0, static_cast<int>(form.size()) - 1);
    r = last + 1;
    f.Merge(ind_top, kA, last, kA, kIndicators, f.label);

    // 总分: 预算执行率 and the indicators, as formulas over the cells.
    f.Merge(r, kA, r, kF, kTotal, f.label);
    std::string weights = "SUM(" + CellRef(first, kG) + ":" + CellRef(last, kG) + ")";
    std::string scores = "SUM(" + CellRef(first, kH) + ":" + CellRef(last, kH) + ")";
    if (budget_leaf) {
      weights = CellRef(total_budget_row, col_weight) + "+" + weights;
      scores = CellRef(total_budget_row, col_score) + "+" + scores;
    }
    Decimal total_weight;
    for (const auto& root : sp.roots) total_weight += root.def->weight;
    f.Formula(r, kG, "=" + weights, f.bold_number, Exact(total_weight));
    f.Formula(r, kH, "=" + scores, f.bold_score, Score(sp.total));
    std::string grade = GradeFormula(sys, CellRef(r, kH));
    if (grade.empty()) f.Text(r, kI, kGradePrefix + sp.grade, f.label);
    else f.FormulaText(r, kI, grade, f.label, kGradePrefix + sp.grade);
    f.Fit(r++, {}, 24);

    // 评分说明: which variant of each rule was applied.
    f.Merge(r, kA, r, kI, notes, f.note);
    f.RowHeight(r, notes_height);
    ++r;

    // Print: A4 landscape, one page wide; one page tall where it fits.
    worksheet_set_landscape(f.ws());
    worksheet_set_paper(f.ws(), 9);
    worksheet_set_margins(f.ws(), 0.4, 0.4, 0.5, 0.5);
    worksheet_center_horizontally(f.ws());
    worksheet_fit_to_pages(f.ws(), 1, one_page ? 1 : 99);
    f.Check(worksheet_print_area(f.ws(), 0, 0, static_cast<lxw_row_t>(r - 1), kI));
  });
}

}  // namespace jixiao
