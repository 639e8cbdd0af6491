// Reading a filled 项目支出绩效自评表 (.xlsx in the Ministry's layout, as a
// unit exports it from its budget system or as jixiao writes it) as a
// project: the form's indicators become a self-evaluation system of target
// rules with the form's 分值, the 项目资金 block its budget, each row's
// 年度指标值 / 实际完成值 / 偏差原因 its answers, and the form's own 得分
// and 总分 its stated figures (for `check`).
//
// Cells are found by their labels, not their positions, so the variants in
// use read alike: 年度指标值 in one column or split into 指标性质 | 指标值 |
// 度量单位, merged or repeated parent names, 调整后预算数 or 实际到位资金
// columns. A qualitative row's 得分 is the evaluator's point; its tier is
// the one the point falls in. A quantitative row whose 得分 differs from
// the rule's is taken as the evaluator's score when the row gives a 偏差原因
// (004's 数量指标), and otherwise scored by the rule with the form's figure
// stated beside it.
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "base/precision.h"
#include "load/load.h"
#include "load/load_self_form.h"
#include "base/messages.h"
#include "formats/xlsx/layouts/self_form.h"
#include "load/load_self_evaluation.h"
#include "rules/kinds/target.h"
#include "formats/xlsx/xlsx_reader.h"

namespace fs = std::filesystem;

namespace jixiao {
namespace {

bool Has(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

class FormReader {
 public:
  // `defects`, under review: a cell that is not a number is one of them, not an error.
  FormReader(const XlsxWorkbook& wb, const XlsxSheet& sh, Diagnostics& diags, std::vector<StatedDefect>* defects)
      : wb_(wb), sh_(sh), diags_(diags), defects_(defects) {
    for (const auto& [rc, cell] : sh.cells) max_col_ = std::max(max_col_, rc.second);
    rows_ = sh.RowCount();
  }

  // The text a reader sees at (r, c): a merged range shows its first cell's.
  std::string Cell(int r, int c) const {
    if (const MergeRange* m = sh_.MergeAt(r, c)) return Trim(sh_.Text(m->first_row, m->first_col));
    return Trim(sh_.Text(r, c));
  }
  // Whether (r, c) lies in the same merged range as (r, c0).
  bool SameMerge(int r, int c0, int c) const {
    const MergeRange* a = sh_.MergeAt(r, c0);
    return a && a == sh_.MergeAt(r, c);
  }
  SourceLoc Loc(int r, int c) const { return SourceLoc{wb_.path, 0, 0, sh_.name + "!" + CellRef(r, c)}; }
  int rows() const { return rows_; }
  int cols() const { return max_col_ + 1; }

  // The cell's label as compared with the layout's lists (self_form.h).
  std::string Label(int r, int c) const { return self_form::FormLabel(CompactLabel(Cell(r, c))); }

  // The first cell whose label matches, scanning row by row.
  bool Find(const std::function<bool(const std::string&)>& match, int& row, int& col, int from = 0) const {
    for (int r = from; r < rows_; ++r)
      for (int c = 0; c <= max_col_; ++c)
        if (match(self_form::FormLabel(CompactLabel(sh_.Text(r, c))))) {
          row = r;
          col = c;
          return true;
        }
    return false;
  }
  // The value right of a label: the first non-empty cell not merged with it.
  std::string RightOf(int r, int c) const {
    for (int k = c + 1; k <= max_col_; ++k) {
      if (SameMerge(r, c, k)) continue;
      std::string t = Cell(r, k);
      if (!t.empty()) return t;
    }
    return "";
  }
  std::optional<Decimal> Number(int r, int c) {
    std::string t = Cell(r, c);
    if (t.empty() || t == "—" || t == "-" || t == "/" || t == "——") return std::nullopt;
    auto d = Decimal::Parse(ShortestNumber(t));
    if (!d && defects_)
      defects_->push_back(StatedDefect{Severity::kError, "not-a-number", Loc(r, c), "", CompactLabel(Cell(r, 0)), t, "",
                                       fmt::format("{} 应为数字，填写的是“{}”（按空白审核）。", sh_.name + "!" + CellRef(r, c), t)});
    else if (!d)
      diags_.Error(Loc(r, c), "", msg::kFormBadNumber, t);
    return d;
  }

 private:
  const XlsxWorkbook& wb_;
  const XlsxSheet& sh_;
  Diagnostics& diags_;
  std::vector<StatedDefect>* defects_;
  int max_col_ = 0;
  int rows_ = 0;
};

struct FormRow {
  int row = 0;
  std::string names[3];
  std::string target, actual, deviation;
  std::optional<Decimal> weight, score;
  bool not_applicable = false;
};

const XlsxSheet* PickSheet(const XlsxWorkbook& wb) {
  for (const auto& s : wb.sheets)
    if (s.name == self_form::kSheet) return &s;
  for (const auto& s : wb.sheets)
    for (const auto& [rc, cell] : s.cells)
      if (self_form::FormLabel(CompactLabel(cell.text)) == self_form::kLevel3) return &s;
  return wb.sheets.empty() ? nullptr : &wb.sheets.front();
}

std::string YearOf(const std::string& text) {
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    bool digits = true;
    for (size_t k = 0; k < 4; ++k) digits = digits && text[i + k] >= '0' && text[i + k] <= '9';
    if (digits && text.compare(i + 4, 3, "年") == 0 && (i == 0 || text[i - 1] < '0' || text[i - 1] > '9'))
      return text.substr(i, 4);
  }
  return "";
}

}  // namespace

namespace {

std::shared_ptr<Project> ReadSelfForm(const std::string& path, const std::string* bytes,
                                      const std::string& system_override, bool review);

}  // namespace

std::shared_ptr<const Project> LoadSelfForm(const std::string& target, const std::string& system_override,
                                            bool review) {
  std::error_code ec;
  std::string path = fs::is_directory(target, ec) ? (fs::path(target) / "自评表.xlsx").string() : target;
  return ReadSelfForm(path, nullptr, system_override, review);
}

std::shared_ptr<const Project> LoadSelfFormFiles(std::shared_ptr<const InputFiles> files,
                                                 const std::string& system_override, bool review) {
  std::string path = (fs::path(files->Root()) / "自评表.xlsx").string();
  const std::string* bytes = files->Held(path);
  if (!bytes) Fail(SourceLoc{path}, "", msg::kCannotRead);
  auto p = ReadSelfForm(path, bytes, system_override, review);
  p->files = std::move(files);
  return p;
}

std::shared_ptr<const Project> LoadSelfFormBytes(const std::string& path, const std::string& bytes,
                                                 const std::string& system_override, bool review) {
  auto p = ReadSelfForm(path, &bytes, system_override, review);
  // The form held as the project's files: what reads it again (the
  // archive, hashing the inputs that identify a run) reads these bytes, not
  // a file of that name on the disk.
  p->files = std::make_shared<InputFiles>(
      p->dir, std::map<std::string, std::string>{{fs::path(path).filename().string(), bytes}});
  return p;
}

namespace {

std::shared_ptr<Project> ReadSelfForm(const std::string& path, const std::string* bytes,
                                      const std::string& system_override, bool review) {
  XlsxWorkbook wb = ReadXlsxBytes(path, bytes);
  Diagnostics diags;
  const XlsxSheet* sheet = PickSheet(wb);
  if (!sheet) Fail(SourceLoc{path}, "", msg::kFormNotSelfForm, "三级指标");
  auto p = std::make_shared<Project>();
  FormReader f(wb, *sheet, diags, review ? &p->stated.defects : nullptr);

  p->review = review;
  p->file = path;
  p->dir = fs::path(path).parent_path().string();
  if (p->dir.empty()) p->dir = ".";
  p->text_dir = (fs::path(p->dir) / "text").string();

  // The system: the options (and grades) of --indicators when given.
  auto sys = std::make_shared<IndicatorSystem>();
  if (!system_override.empty()) *sys = *LoadSystem(system_override);
  sys->file = path;
  sys->layout = "self_evaluation";
  sys->roots.clear();
  sys->notes.clear();
  sys->deduction_cap.reset();
  if (system_override.empty())
    sys->grades = {{"优", Decimal(90), "100≥X≥90"}, {"良", Decimal(80), "90>X≥80"},
                   {"中", Decimal(60), "80>X≥60"}, {"差", Decimal(0), "X<60"}};

  int r = 0, c = 0;
  // 项目名称, 主管部门, 实施单位, and the year from the title.
  if (f.Find([](const std::string& s) { return s == self_form::kProjectName; }, r, c)) p->info.name = f.RightOf(r, c);
  if (f.Find([](const std::string& s) { return self_form::IsLabel(s, self_form::kDepartmentLabels); }, r, c))
    p->info.department = f.RightOf(r, c);
  if (f.Find([](const std::string& s) { return self_form::IsLabel(s, self_form::kImplementerLabels); }, r, c))
    p->info.implementer = f.RightOf(r, c);
  for (int rr = 0; rr < std::min(f.rows(), 4) && p->info.year.empty(); ++rr)
    for (int cc = 0; cc < f.cols() && p->info.year.empty(); ++cc) p->info.year = YearOf(f.Cell(rr, cc));
  if (p->info.name.empty()) diags.Error(SourceLoc{path, 0, 0, sheet->name}, "", msg::kFormNotSelfForm, "项目名称");

  // 项目资金: the header with 年初预算数 / 全年预算数 / 全年执行数, then its rows.
  std::optional<Decimal> budget_weight;
  SourceLoc budget_score_loc;
  std::optional<StatedNumber> budget_stated;
  bool budget_score_blank = false;
  bool adjusted_budget = false;  // 年初预算数 ≠ 全年预算数
  std::map<std::string, SourceLoc> budget_cells;  // column → its 年度资金总额 cell
  int hr = 0, hc = 0;
  if (f.Find([](const std::string& s) { return self_form::IsLabel(s, self_form::kBudgetExecutedLabels); }, hr, hc)) {
    int col_initial = -1, col_full = -1, col_adjusted = -1, col_received = -1, col_exec = -1, col_weight = -1,
        col_score = -1, first_num = f.cols();
    for (int k = 0; k < f.cols(); ++k) {
      using namespace self_form;
      std::string h = f.Label(hr, k);
      int* slot = nullptr;
      if (IsLabel(h, kBudgetInitialLabels)) slot = &col_initial;
      else if (IsLabel(h, kBudgetFullYearLabels)) slot = &col_full;
      else if (IsLabel(h, kBudgetAdjustedLabels)) slot = &col_adjusted;
      else if (IsLabel(h, kBudgetReceivedLabels)) slot = &col_received;
      else if (IsLabel(h, kBudgetExecutedLabels)) slot = &col_exec;
      else if (IsLabel(h, kWeightLabels)) slot = &col_weight;
      else if (IsLabel(h, kScoreLabels)) slot = &col_score;
      if (slot && *slot < 0) {
        *slot = k;
        first_num = std::min(first_num, k);
      }
    }
    // A form with 调整后预算数 and no 全年预算数 (河北, 广西 exports): it is the year's budget.
    if (col_full < 0 && col_adjusted >= 0) std::swap(col_full, col_adjusted);
    Budget& b = p->budget;
    b.present = true;
    b.loc = f.Loc(hr, hc);
    for (int k = 0; k < f.cols(); ++k)
      if (Has(CompactLabel(f.Cell(hr, k)), self_form::kBudget)) {
        if (Has(f.Cell(hr, k), "（元）") || Has(f.Cell(hr, k), "(元)")) b.unit = "元";
      }
    for (int rr = hr + 1; rr < f.rows(); ++rr) {
      std::string label;
      for (int k = 0; k < first_num; ++k) {
        std::string t = CompactLabel(f.Cell(rr, k));
        bool block = false;
        for (const char* b : self_form::kBudgetBlockLabels) block = block || Has(t, b);
        if (!t.empty() && !block) label = t;
      }
      if (label.empty() || Has(label, self_form::kGoals) || Has(label, self_form::kIndicators) || Has(label, self_form::kGoalExpected)) break;
      if (label.rfind("其中", 0) == 0) {
        label = label.substr(std::string("其中").size());
        if (label.rfind("：", 0) == 0) label = label.substr(std::string("：").size());
        else if (label.rfind(":", 0) == 0) label = label.substr(1);
      }
      BudgetRow row;
      row.name = label;
      row.loc = f.Loc(rr, 0);
      auto num = [&](int col) { return col >= 0 ? f.Number(rr, col) : std::nullopt; };
      row.initial = num(col_initial);
      row.full_year = num(col_full);
      row.adjusted = num(col_adjusted);
      row.received = num(col_received);
      row.executed = num(col_exec);
      bool total_row = false;
      for (const char* t : self_form::kBudgetTotalLabels) total_row = total_row || Has(label, t);
      if (total_row) {
        row.name = self_form::kBudgetTotal;
        b.total = row;
        if (col_weight >= 0) budget_weight = f.Number(rr, col_weight);
        if (col_score >= 0) {
          budget_score_loc = f.Loc(rr, col_score);
          if (f.Cell(rr, col_score).empty()) budget_score_blank = true;
          else budget_stated = ParseStatedNumber(ShortestNumber(f.Cell(rr, col_score)), budget_score_loc);
        }
        for (auto [column, col_of] : {std::pair<const char*, int>{"年初预算数", col_initial}, {"全年预算数", col_full},
                                      {"调整后预算数", col_adjusted}, {"实际到位资金", col_received},
                                      {"全年执行数", col_exec}})
          if (col_of >= 0) budget_cells[column] = f.Loc(rr, col_of);
      } else if (row.initial || row.full_year || row.adjusted || row.received || row.executed) {
        b.sources.push_back(row);
      }
    }
    // The 其中 rows add up to the 年度资金总额. Under review a total that
    // does not is a finding, and a total of 0 above filled rows (a blank
    // written as 0) is taken as their sum.
    for (const auto& m : FillBudgetTotals(b)) {
      SourceLoc at = budget_cells.count(m.column) ? budget_cells[m.column] : b.loc;
      if (!review) {
        diags.Error(at, "", msg::kBudgetSourcesSum, m.column, m.sum.ToExactString(), m.total.ToExactString());
        continue;
      }
      bool zero = m.total.IsZero();
      if (zero) b.total.*BudgetColumn(m.column) = m.sum;
      p->stated.defects.push_back(StatedDefect{
          Severity::kError, "budget-sum", at, "", std::string("年度资金总额 ") + m.column, m.total.ToExactString(),
          m.sum.ToExactString(),
          fmt::format("项目资金 年度资金总额的{}填为 {}，其中各行之和为 {}{}。", m.column, m.total.ToExactString(),
                      m.sum.ToExactString(), zero ? "；审核按各行之和计算" : "，二者不符")});
    }
  }

  // 年度总体目标: 预期目标 and 实际完成情况 over the texts below them.
  SourceLoc goal_actual_loc;
  if (f.Find([](const std::string& s) { return self_form::IsLabel(s, self_form::kGoalExpectedLabels); }, r, c)) {
    p->goals.expected = f.Cell(r + 1, c);
    if (review && IsTemplateText(p->goals.expected))
      p->stated.defects.push_back(StatedDefect{
          Severity::kWarning, "instruction-text", f.Loc(r + 1, c), "", "年度总体目标 预期目标", p->goals.expected, "",
          fmt::format("年度总体目标的预期目标填写的是表格的说明文字“{}”，而不是实际内容。", p->goals.expected)});
    for (int k = c + 1; k < f.cols(); ++k)
      if (self_form::IsLabel(f.Label(r, k), self_form::kGoalActualLabels)) {
        p->goals.actual = f.Cell(r + 1, k);
        goal_actual_loc = f.Loc(r + 1, k);
        if (review && IsTemplateText(p->goals.actual))
          p->stated.defects.push_back(StatedDefect{
              Severity::kError, "instruction-text", goal_actual_loc, "", "年度总体目标 实际完成情况", p->goals.actual, "",
              fmt::format("年度总体目标的实际完成情况填写的是表格的说明文字“{}”，未说明实际完成情况。", p->goals.actual)});
        else if (review && p->goals.actual.empty())
          p->stated.defects.push_back(StatedDefect{
              Severity::kError, "blank-actual", goal_actual_loc, "", "年度总体目标 实际完成情况", "", "",
              "年度总体目标的实际完成情况未填写。"});
        break;
      }
  }
  // A budget changed during the year is explained where the form has room
  // for it: in the goals' 实际完成情况 or a row's 偏差原因.
  if (review && p->budget.present && p->budget.total.initial && p->budget.total.full_year &&
      *p->budget.total.initial != *p->budget.total.full_year) {
    adjusted_budget = true;
  }

  // The indicator table: its header row (the one with 三级指标) and, in the
  // budget system's export, the row above it holding 年度指标值 etc.
  int ir = 0, ic = 0;
  if (!f.Find([](const std::string& s) { return s == self_form::kLevel3; }, ir, ic)) {
    diags.Error(SourceLoc{path, 0, 0, sheet->name}, "", msg::kFormNotSelfForm, "三级指标");
    throw InputError(diags);
  }
  int col[3] = {-1, -1, ic};
  int col_target = -1, col_nature = -1, col_value = -1, col_unit = -1, col_actual = -1, col_weight = -1,
      col_score = -1, col_dev = -1;
  int header_last = ir;
  for (int hrow : {ir - 1, ir, ir + 1}) {
    if (hrow < 0) continue;
    using namespace self_form;
    // The split 年度指标值's own labels (指标性质 | 指标值 | 度量单位) stand
    // under a merged 年度指标值, on the row below it.
    bool split_row = false;
    for (int k = 0; k < f.cols(); ++k) split_row = split_row || IsLabel(f.Label(hrow, k), kNatureLabels);
    for (int k = 0; k < f.cols(); ++k) {
      std::string h = f.Label(hrow, k);
      if (hrow == ir + 1 && !(IsLabel(h, kNatureLabels) || IsLabel(h, kValueLabels) || IsLabel(h, kUnitLabels))) continue;
      bool dev = false;
      for (const char* key : kDeviationKeys) dev = dev || Has(h, key);
      if (h == kLevel1 && col[0] < 0) col[0] = k;
      else if (h == kLevel2 && col[1] < 0) col[1] = k;
      else if (split_row && IsLabel(h, kNatureLabels) && col_nature < 0) { col_nature = k; header_last = std::max(header_last, hrow); }
      else if (split_row && IsLabel(h, kValueLabels) && col_value < 0) { col_value = k; header_last = std::max(header_last, hrow); }
      else if (split_row && IsLabel(h, kUnitLabels) && col_unit < 0) { col_unit = k; header_last = std::max(header_last, hrow); }
      else if (IsLabel(h, kTargetLabels) && col_target < 0) col_target = k;
      else if (IsLabel(h, kActualLabels) && col_actual < 0) col_actual = k;
      else if (IsLabel(h, kWeightLabels) && col_weight < 0) col_weight = k;
      else if (IsLabel(h, kScoreLabels) && col_score < 0) col_score = k;
      else if (dev && col_dev < 0) col_dev = k;
    }
  }
  if (col[0] < 0 || col_weight < 0) {
    diags.Error(f.Loc(ir, ic), "", msg::kFormNotSelfForm, col[0] < 0 ? "一级指标" : "分值");
    throw InputError(diags);
  }
  // A split 年度指标值 (指标性质 | 指标值 | 度量单位) sits in the columns the
  // merged header spans; the 实际完成值 is then a bare number in that unit.
  const bool split = col_value >= 0;

  std::vector<FormRow> rows;
  std::optional<StatedNumber> stated_total;
  bool budget_explained = Has(p->goals.actual, "调整") || Has(p->goals.actual, "调减") || Has(p->goals.actual, "追加");
  std::string last[2];
  std::optional<SourceLoc> blank_total;
  std::optional<StatedText> stated_grade;
  auto defect = [&](Severity sev, const char* kind, const SourceLoc& at, const std::string& subject,
                    const std::string& stated, const std::string& expected, const std::string& message) {
    p->stated.defects.push_back(StatedDefect{sev, kind, at, "", subject, stated, expected, message});
  };
  for (int rr = header_last + 1; rr < f.rows(); ++rr) {
    std::string first;
    for (int k = 0; k < f.cols() && first.empty(); ++k) first = CompactLabel(f.Cell(rr, k));
    bool total_row = false;
    for (const char* t : self_form::kTotalLabels) total_row = total_row || first.rfind(t, 0) == 0;
    if (total_row) {
      // "自评等级：优" on the total row, in its own cell or after the score.
      for (int k = 0; k < f.cols(); ++k) {
        std::string t = CompactLabel(f.Cell(rr, k));
        size_t at = t.find("等级");
        if (at == std::string::npos || (k > 0 && f.SameMerge(rr, k - 1, k))) continue;
        std::string g = t.substr(at + std::string("等级").size());
        for (const char* sep : {"：", ":", "为"})
          if (g.rfind(sep, 0) == 0) g = g.substr(std::string(sep).size());
        if (g.empty()) g = CompactLabel(f.RightOf(rr, k));
        if (!g.empty()) stated_grade = StatedText{g, "自评表", f.Loc(rr, k)};
        break;
      }
      if (col_score >= 0 && !f.Cell(rr, col_score).empty())
        stated_total = ParseStatedNumber(ShortestNumber(f.Cell(rr, col_score)), f.Loc(rr, col_score));
      else if (col_score >= 0)
        blank_total = f.Loc(rr, col_score);
      break;
    }
    FormRow row;
    row.row = rr;
    for (int k = 0; k < 3; ++k) row.names[k] = col[k] >= 0 ? f.Cell(rr, col[k]) : "";
    std::string weight_text = CompactLabel(f.Cell(rr, col_weight));
    if (row.names[2].empty() && row.names[1].empty() && row.names[0].empty() && weight_text.empty()) continue;
    if (Has(CompactLabel(row.names[0]), self_form::kNotes) || Has(CompactLabel(row.names[0]), "填表说明") || Has(CompactLabel(row.names[0]), "备注")) break;
    // The name a row is known by: its own 三级, else the nearest parent's.
    std::string own = !row.names[2].empty() ? row.names[2] : !row.names[1].empty() ? row.names[1] : row.names[0];
    // A row with names only (an 二级 left without indicators): nothing to score.
    bool content = weight_text.size() > 0;
    for (int c2 : {col_target, col_value, col_actual, col_score})
      content = content || (c2 >= 0 && !f.Cell(rr, c2).empty());
    if (!content && (row.names[2].empty() || row.names[2] == row.names[1])) {
      defect(Severity::kWarning, "empty-row", f.Loc(rr, col[1] >= 0 ? col[1] : col[0]), own, "", "",
             fmt::format("第 {} 行“{}”没有三级指标、分值和完成值，是空行，未计入审核。", rr + 1, own));
      continue;
    }
    // Unmerged exports leave a parent's name on its first row only.
    for (int k = 0; k < 2; ++k) {
      if (row.names[k].empty()) row.names[k] = last[k];
      else if (k == 0 && row.names[0] != last[0]) last[1].clear();
      last[k] = row.names[k];
    }
    if (split) {
      std::string nature = col_nature >= 0 ? f.Cell(rr, col_nature) : "";
      std::string value = f.Cell(rr, col_value);
      std::string unit = col_unit >= 0 ? f.Cell(rr, col_unit) : "";
      if (nature == "定性") nature.clear();
      row.target = nature + ShortestNumber(value) + (Decimal::Parse(ShortestNumber(value)) ? unit : "");
      std::string actual = col_actual >= 0 ? ShortestNumber(f.Cell(rr, col_actual)) : "";
      row.actual = actual + (Decimal::Parse(actual) && !unit.empty() ? unit : "");
    } else {
      row.target = col_target >= 0 ? ShortestNumber(f.Cell(rr, col_target)) : "";
      row.actual = col_actual >= 0 ? ShortestNumber(f.Cell(rr, col_actual)) : "";
    }
    row.deviation = col_dev >= 0 ? f.Cell(rr, col_dev) : "";
    std::string score_text = col_score >= 0 ? CompactLabel(f.Cell(rr, col_score)) : "";
    row.not_applicable = weight_text == self_form::kNotApplicable || score_text == self_form::kNotApplicable || CompactLabel(row.actual) == self_form::kNotApplicable;
    if (!row.not_applicable || Decimal::Parse(ShortestNumber(weight_text))) row.weight = f.Number(rr, col_weight);
    if (!row.not_applicable && col_score >= 0) row.score = f.Number(rr, col_score);
    if (!row.weight && !row.not_applicable) {
      if (review) {  // read on at 0; the form's 合计 of 分值 shows what it should be
        defect(Severity::kError, "blank-weight", f.Loc(rr, col_weight), own + " 分值", weight_text, "",
               fmt::format("“{}”未填写分值（按 0 分计入审核）。", own));
        row.weight = Decimal(0);
      } else {
        diags.Error(f.Loc(rr, col_weight), "", msg::kFormMissingWeight, own);
      }
    }
    rows.push_back(row);
  }
  for (const auto& row : rows)
    budget_explained = budget_explained || Has(row.deviation, "调整") || Has(row.deviation, "预算");
  if (adjusted_budget && !budget_explained) {
    const Budget& b = p->budget;
    p->stated.defects.push_back(StatedDefect{
        Severity::kWarning, "budget-adjustment-reason", b.total.loc, "", "项目资金 年度资金总额",
        b.total.full_year->ToExactString(), "",
        fmt::format("全年预算数 {} 与年初预算数 {} 不同，预算经过调整，自评表未说明调整原因。",
                    b.total.full_year->ToExactString(), b.total.initial->ToExactString())});
  }
  if (rows.empty()) diags.Error(f.Loc(ir, ic), "", msg::kFormNoIndicators);
  if (diags.HasErrors()) throw InputError(diags);

  // The tree: 预算执行率 (A) when there is a 项目资金 block, then the 一级
  // indicators in their order (B, C, …), their 二级 and leaves below.
  Stated& st = p->stated;
  st.present = true;
  st.source = path;
  st.total = stated_total;
  st.blank_total = blank_total;
  st.grade = stated_grade;
  char letter = 'A';
  if (p->budget.present) {
    Indicator a;
    a.code = "A";
    a.name = "预算执行率";
    a.weight = budget_weight.value_or(Decimal(10));
    a.level = 1;
    a.loc = p->budget.loc;
    Rule rule;
    rule.kind = RuleKind::kBudgetRate;
    a.rule = rule;
    sys->roots.push_back(a);
    if (budget_stated) st.scores["A"] = *budget_stated;
    else if (budget_score_blank) st.blank_scores["A"] = budget_score_loc;
    ++letter;
  }
  auto child = [](Indicator& parent, const std::string& name, int level, const SourceLoc& loc) -> Indicator& {
    for (auto& c : parent.children)
      if (c.name == name) return c;
    Indicator n;
    n.name = name;
    n.level = level;
    n.loc = loc;
    n.code = parent.code + std::to_string(parent.children.size() + 1);
    parent.children.push_back(n);
    return parent.children.back();
  };
  std::set<std::string> codes;
  for (const auto& row : rows) {
    SourceLoc loc = f.Loc(row.row, col[2]);
    Indicator* l1 = nullptr;
    for (auto& root : sys->roots)
      if (root.name == row.names[0] && !(root.rule && root.rule->kind == RuleKind::kBudgetRate)) l1 = &root;
    if (!l1) {
      Indicator n;
      n.name = row.names[0];
      n.code = std::string(1, letter++);
      n.level = 1;
      n.loc = f.Loc(row.row, col[0]);
      sys->roots.push_back(n);
      l1 = &sys->roots.back();
    }
    // A 二级 leaf shows its name in 二级 and 三级 (merged), a 一级 leaf in all three.
    Indicator* leaf = l1;
    if (!row.names[1].empty() && row.names[1] != row.names[0]) {
      leaf = &child(*l1, row.names[1], 2, f.Loc(row.row, col[1] >= 0 ? col[1] : col[0]));
      if (!row.names[2].empty() && row.names[2] != row.names[1]) {
        Indicator n;
        n.name = row.names[2];
        n.level = 3;
        n.loc = loc;
        n.code = leaf->code + std::to_string(leaf->children.size() + 1);
        leaf->children.push_back(n);
        leaf = &leaf->children.back();
      }
    }
    if (!codes.insert(leaf->code).second) leaf->code += "_" + std::to_string(row.row + 1);
    leaf->weight = row.weight.value_or(Decimal());
    leaf->loc = loc;
    Rule rule;
    rule.kind = RuleKind::kTarget;
    rule.loc = loc;
    leaf->rule = rule;

    Answer a;
    a.code = leaf->code;
    a.loc = loc;
    a.target = row.target;
    a.target_loc = col_target >= 0 ? f.Loc(row.row, col_target) : loc;
    a.actual = row.actual;
    a.actual_loc = col_actual >= 0 ? f.Loc(row.row, col_actual) : loc;
    a.score_loc = col_score >= 0 ? f.Loc(row.row, col_score) : loc;
    a.deviation_reason = row.deviation;
    a.not_applicable = row.not_applicable;
    if (row.not_applicable) {
      a.reason = row.deviation.empty() ? "自评表标注不适用" : row.deviation;
      if (a.reason.rfind("不适用：", 0) == 0) a.reason = a.reason.substr(std::string("不适用：").size());
      a.actual.clear();
    }
    a.stated_score = row.score;
    if (row.score) {
      if (auto sn = ParseStatedNumber(row.score->ToExactString(), a.score_loc)) st.scores[a.code] = *sn;
    } else if (col_score >= 0 && !row.not_applicable) {
      st.blank_scores[a.code] = a.score_loc;
    }
    p->answers[a.code] = a;
  }
  // Parents weigh what their children weigh; the form's total is theirs.
  std::function<void(Indicator&)> sum = [&](Indicator& n) {
    if (n.IsLeaf()) return;
    Decimal s;
    for (auto& ch : n.children) {
      sum(ch);
      s += ch.weight;
    }
    n.weight = s;
  };
  sys->total = Decimal(0);
  for (auto& root : sys->roots) {
    sum(root);
    sys->total += root.weight;
  }
  sys->name = "项目支出绩效自评表（" + fs::path(path).filename().string() + "）";
  p->system = sys;

  // A qualitative row: the tier its point falls in. A quantitative row whose
  // 得分 differs from the rule's: the evaluator's, when a 偏差原因 explains it.
  sys->ForEach([&](const Indicator& ind) {
    if (!ind.IsLeaf() || !ind.rule || ind.rule->kind != RuleKind::kTarget) return;
    Answer& a = p->answers[ind.code];
    if (a.not_applicable || !a.stated_score) return;
    if (TargetIsQualitative(*ind.rule, &a)) {
      Decimal s = *a.stated_score;
      if (s.Sign() < 0 || s > ind.weight) {
        if (!review) {
          diags.Error(a.score_loc, ind.code, msg::kFormScoreOutsideTiers, s.ToExactString(), ind.weight.ToExactString());
          return;
        }
        s = Max(Decimal(0), Min(s, ind.weight));  // check reports the stated figure against the weight
      }
      for (const auto& t : sys->options.tiers) {
        bool top = t.high >= Decimal(1);
        if (s >= t.low * ind.weight && (s < t.high * ind.weight || (top && s <= t.high * ind.weight))) {
          a.tier = t.name;
          break;
        }
      }
      a.score = s;
      a.reason = a.deviation_reason.empty() ? "自评表填报得分 " + s.ToShort(kScorePlaces) + " 分" : a.deviation_reason;
      return;
    }
    // The rule's score (its sentence is made only when it could be computed):
    // the form is read before it is scored, so the target kind evaluates it here.
    TargetEvaluation ev = EvaluateTarget(ind, *ind.rule, &a, *p, TargetValue{}, nullptr);
    bool computed = !ev.sentence.empty();
    bool differs = !computed || ev.score.Round(kScorePlaces) != a.stated_score->Round(kScorePlaces);
    if (differs && !a.deviation_reason.empty()) {
      a.score = a.stated_score;
      a.reason = a.deviation_reason;
    }
  });
  if (diags.HasErrors()) throw InputError(diags);
  BindSelfEvaluation(*p, diags);
  if (diags.HasErrors()) throw InputError(diags);
  p->system = ApplyNotApplicable(p->system, p->answers);
  return p;
}

}  // namespace

}  // namespace jixiao
