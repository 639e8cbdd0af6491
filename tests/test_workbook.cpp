// The data-collection workbook (collect_workbook.cpp, load_workbook.cpp):
// `jixiao init` makes a folder and a workbook; the test then fills the
// workbook's input cells the way a user would — found by the labels a user
// sees, typed as numbers, percentages or text — from a bundled case's data,
// and the filled folder must score exactly as the YAML case does. Then the
// errors: a non-number in a number cell, 否 for a checklist point that does
// not exist, a value given differently in project.yaml and the workbook,
// each named by workbook, sheet!cell and indicator; a LibreOffice re-save.
#include <doctest/doctest.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "render/xlsx/collect_workbook.h"
#include "load/load.h"
#include "score/score.h"
#include "libreoffice.h"
#include "test_util.h"
#include "formats/xlsx/xlsx_reader.h"
#include "commands/init.h"
#include "rules/kinds/target.h"
#include "rules/rule_kind.h"

using namespace jixiao;
using jixiao::testing::CatchDiagnostics;
using jixiao::testing::ConvertWithLibreOffice;
using jixiao::testing::LibreOfficeAvailable;
using jixiao::testing::Dump;
using jixiao::testing::TempDir;
using jixiao::testing::WithId;
using jixiao::testing::Zh;

namespace {

// `jixiao init` as the tests call it: the paths written, or its refusal thrown.
std::vector<std::string> InitProject(const std::string& system_path, const std::string& dir, bool force) {
  InitRequest request;
  request.dir = dir;
  request.indicators = system_path;
  request.force = force;
  CommandResult r = RunInit(request);
  if (r.Refused()) throw InputError(r.diagnostics);
  std::vector<std::string> paths;
  for (const auto& f : r.files) paths.push_back(f.path);
  return paths;
}

std::string SourcePath(const std::string& rel) { return std::string(JIXIAO_SOURCE_DIR) + "/" + rel; }

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A cell the test types into: text, a plain number, or a number in a
// percent format (what Excel stores when 90.56% is typed).
struct Entry {
  enum Kind { kText, kNumber, kPercent } kind = kText;
  std::string text;
};

// The template read back, the entries typed into it, and the result
// written as a new workbook with libxlsxwriter: every template cell copied
// (labels, prefilled names and units), then the entries over them.
class Filler {
 public:
  explicit Filler(const std::string& template_path) : book_(ReadXlsx(template_path)) {}

  const XlsxSheet& Sheet(const std::string& name) const {
    const XlsxSheet* s = book_.Sheet(name);
    REQUIRE_MESSAGE(s != nullptr, "no sheet " << name);
    return *s;
  }
  // The first row at or after `from` whose column A reads `label`.
  int Row(const std::string& sheet, const std::string& label, int from = 0) const {
    const XlsxSheet& s = Sheet(sheet);
    for (int r = from; r < s.RowCount(); ++r)
      if (s.Text(r, 0) == label) return r;
    return -1;
  }
  int Col(const std::string& sheet, int row, const std::string& label) const {
    for (const auto& [key, cell] : Sheet(sheet).cells)
      if (key.first == row && cell.text == label) return key.second;
    FAIL("no header " << label << " in row " << row + 1 << " of " << sheet);
    return -1;
  }

  void Text(const std::string& sheet, int r, int c, const std::string& s) {
    entries_[sheet][{r, c}] = Entry{Entry::kText, s};
  }
  void Number(const std::string& sheet, int r, int c, const std::string& digits) {
    entries_[sheet][{r, c}] = Entry{Entry::kNumber, digits};
  }
  void Percent(const std::string& sheet, int r, int c, const std::string& fraction) {
    entries_[sheet][{r, c}] = Entry{Entry::kPercent, fraction};
  }
  // The next row of the 数据 sheet's extra rows nobody has typed into.
  int NextDataRow() {
    if (next_data_row_ < 0) {
      const XlsxSheet& s = Sheet(collect::kDataSheet);
      for (int r = 0; r < s.RowCount(); ++r)
        if (s.Text(r, 0).rfind("其他数据", 0) == 0) next_data_row_ = r + 1;
      REQUIRE(next_data_row_ > 0);
    }
    return next_data_row_++;
  }

  void Write(const std::string& path) const {
    lxw_workbook* wb = workbook_new(path.c_str());
    REQUIRE(wb != nullptr);
    lxw_format* pct = workbook_add_format(wb);
    format_set_num_format(pct, "0.00%");
    for (const auto& sheet : book_.sheets) {
      lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
      auto typed = entries_.find(sheet.name);
      for (const auto& [key, cell] : sheet.cells) {
        if (typed != entries_.end() && typed->second.count(key)) continue;
        if (cell.text.empty()) continue;
        auto r = static_cast<lxw_row_t>(key.first);
        auto c = static_cast<lxw_col_t>(key.second);
        if (cell.is_number) worksheet_write_number(ws, r, c, std::strtod(cell.text.c_str(), nullptr), nullptr);
        else worksheet_write_string(ws, r, c, cell.text.c_str(), nullptr);
      }
      if (typed == entries_.end()) continue;
      for (const auto& [key, e] : typed->second) {
        auto r = static_cast<lxw_row_t>(key.first);
        auto c = static_cast<lxw_col_t>(key.second);
        double v = std::strtod(e.text.c_str(), nullptr);
        if (e.kind == Entry::kText) worksheet_write_string(ws, r, c, e.text.c_str(), nullptr);
        else worksheet_write_number(ws, r, c, v, e.kind == Entry::kPercent ? pct : nullptr);
      }
    }
    lxw_error closed = workbook_close(wb);
    REQUIRE(closed == LXW_NO_ERROR);
  }

 private:
  XlsxWorkbook book_;
  std::map<std::string, std::map<std::pair<int, int>, Entry>> entries_;
  int next_data_row_ = -1;
};

// A decimal's digits as a user would type them.
std::string Digits(const Decimal& d) { return d.ToExactString(); }

// Types a loaded project's data into the template, varying how rates are
// typed so that every reading is exercised: a percent-formatted number, a
// plain number in a row whose unit is %, and text with a % sign.
void FillFromProject(const Project& p, Filler& f) {
  using namespace collect;
  // 基本信息
  const std::string info[] = {p.info.name,        p.info.year,      p.info.department,
                              p.info.implementer, p.info.commissioner, p.info.evaluator,
                              p.info.lead_evaluator, p.info.date};
  for (size_t i = 0; i < std::size(kInfoLabels); ++i)
    if (!info[i].empty()) f.Text(kInfoSheet, f.Row(kInfoSheet, kInfoLabels[i]), 1, info[i]);
  if (!p.goals.expected.empty()) f.Text(kInfoSheet, f.Row(kInfoSheet, kGoalExpected), 1, p.goals.expected);
  if (!p.goals.actual.empty()) f.Text(kInfoSheet, f.Row(kInfoSheet, kGoalActual), 1, p.goals.actual);

  // 数据: values and metrics, in the listed rows when the system reads
  // them, else in the extra rows.
  const int header = f.Row(kDataSheet, kDataName);
  const int vc = f.Col(kDataSheet, header, kDataValue), uc = f.Col(kDataSheet, header, kDataUnit),
            fc = f.Col(kDataSheet, header, kDataFormula);
  int n = 0;
  for (const auto& v : p.values) {
    int row = f.Row(kDataSheet, v.name);
    bool listed = row >= 0;
    if (!listed) {
      row = f.NextDataRow();
      f.Text(kDataSheet, row, 0, v.name);
    }
    if (!v.percent) {
      f.Number(kDataSheet, row, vc, Digits(v.value));
    } else if (n++ % 3 == 0) {
      f.Percent(kDataSheet, row, vc, Digits(v.value));  // typed as 99%
    } else if (n % 3 == 0) {
      f.Text(kDataSheet, row, vc, Digits(v.value * Decimal(100)) + "%");  // text "99%"
    } else {
      f.Number(kDataSheet, row, vc, Digits(v.value * Decimal(100)));  // 99 in a % row
      f.Text(kDataSheet, row, uc, "%");
    }
  }
  for (const auto& m : p.metrics) {
    int row = f.Row(kDataSheet, m.name);
    if (row < 0) {
      row = f.NextDataRow();
      f.Text(kDataSheet, row, 0, m.name);
    }
    f.Text(kDataSheet, row, fc, m.formula.Text());
    f.Text(kDataSheet, row, uc, m.percent ? "%" : "");
  }

  // 资金: 项目资金 by its row names, then the fund tables.
  if (p.budget.present) {
    int bh = f.Row(kFundsSheet, kBudget);
    REQUIRE(bh >= 0);
    f.Text(kFundsSheet, f.Row(kFundsSheet, kFundsUnit), 1, p.budget.unit);
    auto row = [&](int r, const BudgetRow& b) {
      const std::optional<Decimal>* fields[] = {&b.initial, &b.full_year, &b.adjusted, &b.received,
                                                &b.executed};
      for (size_t i = 0; i < std::size(fields); ++i)
        if (*fields[i]) f.Number(kFundsSheet, r, f.Col(kFundsSheet, bh, kBudgetColumns[i]), Digits(**fields[i]));
    };
    row(f.Row(kFundsSheet, kBudgetTotal), p.budget.total);
    for (const auto& src : p.budget.sources) {
      int r = f.Row(kFundsSheet, "其中：" + src.name);
      REQUIRE_MESSAGE(r >= 0, "no budget row " << src.name);
      row(r, src);
    }
  }
  if (!p.funds.Empty()) {
    f.Text(kFundsSheet, f.Row(kFundsSheet, kFundsUnit), 1, p.funds.unit);
    auto rows = [&](const char* first, const std::vector<FundRow>& rows) {
      int r = f.Row(kFundsSheet, first) + 1;
      for (const auto& row : rows) {
        f.Text(kFundsSheet, r, 0, row.name);
        f.Number(kFundsSheet, r, 1, Digits(row.amount));
        if (!row.note.empty()) f.Text(kFundsSheet, r, 2, row.note);
        ++r;
      }
    };
    rows(kFundsSources, p.funds.sources);
    rows(kFundsUses, p.funds.uses);
    int r = f.Row(kFundsSheet, kFundsYear) + 1;
    for (const auto& y : p.funds.balances) {
      f.Text(kFundsSheet, r, 0, y.year);
      f.Number(kFundsSheet, r, 1, Digits(y.opening));
      f.Number(kFundsSheet, r, 2, Digits(y.income));
      f.Number(kFundsSheet, r, 3, Digits(y.spending));
      f.Number(kFundsSheet, r, 4, Digits(y.closing));
      ++r;
    }
  }

  // 指标
  const int ih = f.Row(kIndicatorSheet, kIndCode);
  const int jc = f.Col(kIndicatorSheet, ih, kIndJudgement), sc = f.Col(kIndicatorSheet, ih, kIndScore),
            rc = f.Col(kIndicatorSheet, ih, kIndReason);
  for (const auto& answer : p.answers) {  // named: REQUIRE_MESSAGE captures it (clang 14 refuses a structured binding)
    const std::string& code = answer.first;
    const auto& a = answer.second;
    int row = f.Row(kIndicatorSheet, code);
    REQUIRE_MESSAGE(row >= 0, "no row for " << code);
    if (a.unmet) {
      const Indicator* ind = p.system->Find(code);
      for (size_t i = 1; i <= UnitOf(ind->rule->kind).ItemCount(*ind->rule); ++i) {
        bool unmet = std::find(a.unmet->begin(), a.unmet->end(), static_cast<int>(i)) != a.unmet->end();
        f.Text(kIndicatorSheet, f.Row(kIndicatorSheet, code + "-" + std::to_string(i)), jc,
               unmet ? "否" : "是");
      }
    }
    if (a.met) f.Text(kIndicatorSheet, row, jc, *a.met ? "是" : "否");
    if (!a.tier.empty()) f.Text(kIndicatorSheet, row, jc, a.tier);
    if (a.score) f.Number(kIndicatorSheet, row, sc, Digits(*a.score));
    if (!a.reason.empty()) f.Text(kIndicatorSheet, row, rc, a.reason);
    if (a.not_applicable) f.Text(kIndicatorSheet, row, jc, kNotApplicable);
    const Indicator* ind = p.system->Find(code);
    if (ind->rule->kind == RuleKind::kTarget) {
      if (!a.target.empty() && a.target != ind->rule->Params<TargetParams>().target_text)
        f.Text(kIndicatorSheet, row, f.Col(kIndicatorSheet, ih, kIndTarget), a.target);
      if (!a.actual.empty()) f.Text(kIndicatorSheet, row, f.Col(kIndicatorSheet, ih, kIndActual), a.actual);
      if (!a.deviation_reason.empty())
        f.Text(kIndicatorSheet, row, f.Col(kIndicatorSheet, ih, kIndDeviation), a.deviation_reason);
    }
  }

  // 减分项
  if (!p.deductions.empty()) {
    int dh = f.Row(kDeductionSheet, kDedNo);
    int rcol = f.Col(kDeductionSheet, dh, kDedReason), pcol = f.Col(kDeductionSheet, dh, kDedPoints);
    int r = dh + 1;
    for (const auto& d : p.deductions) {
      f.Text(kDeductionSheet, r, rcol, d.reason);
      f.Number(kDeductionSheet, r, pcol, Digits(d.points));
      ++r;
    }
  }

  // 满意度: question blocks first, then rated blocks, as the template has them.
  int q = f.Row(kSurveySheet, kSurveyId);
  auto next_block = [&](const char* kind) {
    while (q >= 0 && f.Sheet(kSurveySheet).Text(q + 1, 0) != kind) q = f.Row(kSurveySheet, kSurveyId, q + 1);
    REQUIRE_MESSAGE(q >= 0, "no free survey block of kind " << kind);
    int at = q;
    q = f.Row(kSurveySheet, kSurveyId, q + 1);
    return at;
  };
  for (const auto& s : p.surveys) {
    if (s.options.empty()) continue;
    int at = next_block(kSurveyOptions);
    f.Text(kSurveySheet, at, 1, s.id);
    f.Text(kSurveySheet, at, 3, s.title);
    for (size_t i = 0; i < s.options.size(); ++i) {
      f.Text(kSurveySheet, at + 1, static_cast<int>(i) + 1, s.options[i]);
      f.Number(kSurveySheet, at + 2, static_cast<int>(i) + 1, Digits(s.counts[i]));
    }
  }
  q = f.Row(kSurveySheet, kSurveyId);
  for (const auto& s : p.surveys) {
    if (s.items.empty()) continue;
    int at = next_block(kSurveyItems);
    f.Text(kSurveySheet, at, 1, s.id);
    f.Text(kSurveySheet, at, 3, s.title);
    int rate_col = f.Col(kSurveySheet, at + 1, kSurveyRate);
    int r = at + 2;
    for (const auto& [item, rate] : s.items) {
      f.Text(kSurveySheet, r, 0, item);
      f.Percent(kSurveySheet, r, rate_col, Digits(rate));
      ++r;
    }
  }
}

// A new project folder for `case_name`'s system, its workbook filled from
// the case's project.yaml.
struct FilledCase {
  TempDir dir;
  std::string folder;
  std::shared_ptr<const Project> yaml_case;

  explicit FilledCase(const std::string& case_name) {
    yaml_case = LoadProject(SourcePath("inputs/" + case_name));
    folder = dir.path() + "/" + case_name;
    InitProject(SourcePath("indicators/" + case_name + ".yaml"), folder, false);
    Filler f(Workbook());
    FillFromProject(*yaml_case, f);
    f.Write(Workbook());
  }
  std::string Workbook() const { return folder + "/" + kCollectWorkbookName; }
  std::string Yaml() const { return folder + "/project.yaml"; }
  // Adds lines to the project.yaml init wrote.
  void AppendYaml(const std::string& text) const {
    std::ofstream out(Yaml(), std::ios::app);
    out << text;
  }
};

void CheckSameScores(const ScoredProject& a, const ScoredProject& b) {
  CHECK(a.total == b.total);
  CHECK(a.grade == b.grade);
  CHECK(a.deductions == b.deductions);
  a.system().ForEach([&](const Indicator& ind) {
    const ScoredIndicator* x = a.Find(ind.code);
    const ScoredIndicator* y = b.Find(ind.code);
    REQUIRE(x);
    REQUIRE(y);
    CHECK_MESSAGE(x->score == y->score, ind.code);
    CHECK_MESSAGE(x->reason == y->reason, ind.code);
  });
  REQUIRE(a.values.size() == b.values.size());
  for (const auto& v : a.values) {
    const ResolvedValue* w = b.Value(v.name);
    REQUIRE_MESSAGE(w, v.name);
    CHECK_MESSAGE(v.display == w->display, v.name);
  }
}

// The row of `label` in column A of the filled workbook's sheet, for cell refs.
int RowOf(const std::string& workbook, const std::string& sheet, const std::string& label) {
  auto wb = ReadXlsx(workbook);
  const XlsxSheet* s = wb.Sheet(sheet);
  REQUIRE(s);
  for (int r = 0; r < s->RowCount(); ++r)
    if (s->Text(r, 0) == label) return r;
  return -1;
}

}  // namespace

TEST_CASE("jixiao init makes project.yaml and the workbook, and refuses to overwrite them") {
  TempDir dir;
  std::string folder = dir.path() + "/inputs/新项目";
  auto written = InitProject(SourcePath("indicators/jiaocheng-2024.yaml"), folder, false);
  REQUIRE(written.size() == 2);
  CHECK(std::filesystem::exists(folder + "/project.yaml"));
  CHECK(std::filesystem::exists(folder + "/数据采集表.xlsx"));
  std::string yaml = ReadAll(folder + "/project.yaml");
  CHECK(yaml.find("数据采集表.xlsx") != std::string::npos);
  // The system relative to the new folder, so the folder can move with its repository.
  CHECK(yaml.find("system: \"../") != std::string::npos);
  CHECK(yaml.find("jiaocheng-2024.yaml\"") != std::string::npos);

  // The sheets, in order, with the 选项 sheet last (hidden).
  auto wb = ReadXlsx(folder + "/数据采集表.xlsx");
  std::vector<std::string> names;
  for (const auto& s : wb.sheets) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"说明", "基本信息", "数据", "资金", "指标", "满意度"});
  // Every name a rule reads is listed on 数据, rates with the unit %.
  const XlsxSheet& data = *wb.Sheet("数据");
  int row = -1;
  for (int r = 0; r < data.RowCount(); ++r)
    if (data.Text(r, 0) == "预算执行率") row = r;
  REQUIRE(row > 0);
  CHECK(data.Text(row, 2) == "%");
  CHECK(data.Text(row, 4) == "B12 预算执行率");
  bool cases = false;
  for (int r = 0; r < data.RowCount(); ++r) cases = cases || data.Text(r, 0) == "不符合救助标准例数";
  CHECK(cases);
  // One row per leaf, one per checklist point under it.
  const XlsxSheet& ind = *wb.Sheet("指标");
  int a22 = -1;
  for (int r = 0; r < ind.RowCount(); ++r)
    if (ind.Text(r, 0) == "A22") a22 = r;
  REQUIRE(a22 > 0);
  CHECK(ind.Text(a22 + 1, 0) == "A22-1");
  CHECK(ind.Text(a22 + 3, 0) == "A22-3");
  CHECK(ind.Text(a22, 5) == "要点等分");

  // An empty workbook loads only once the project has a name.
  auto diags = CatchDiagnostics([&] { LoadProject(folder); });
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].id == "missing-key");
  CHECK(diags[0].loc.cell == "基本信息!B4");

  // Refused without --force, before anything is written; both files named.
  auto before = ReadAll(folder + "/project.yaml");
  {
    std::ofstream out(folder + "/project.yaml", std::ios::app);
    out << "# edited\n";
  }
  auto refused = CatchDiagnostics([&] { InitProject(SourcePath("indicators/jiaocheng-2024.yaml"), folder, false); });
  CHECK(WithId(refused, "init-exists").size() == 2);
  CHECK(ReadAll(folder + "/project.yaml") == before + "# edited\n");
  // The workbook alone also blocks.
  std::filesystem::remove(folder + "/project.yaml");
  CHECK(WithId(CatchDiagnostics([&] {
                 InitProject(SourcePath("indicators/jiaocheng-2024.yaml"), folder, false);
               }),
               "init-exists")
            .size() == 1);
  // --force replaces both; the same system gives a byte-identical workbook.
  std::string first = ReadAll(folder + "/数据采集表.xlsx");
  InitProject(SourcePath("indicators/jiaocheng-2024.yaml"), folder, true);
  CHECK(ReadAll(folder + "/project.yaml") == before);
  CHECK(ReadAll(folder + "/数据采集表.xlsx") == first);
}

TEST_CASE("the workbook of a system with deductions and qualitative tiers") {
  TempDir dir;
  InitProject(SourcePath("indicators/tianjin-disabled-2023.yaml"), dir.path() + "/t", false);
  auto t = ReadXlsx(dir.path() + "/t/数据采集表.xlsx");
  CHECK(t.Sheet("减分项") != nullptr);
  CHECK(t.Sheet("选项") == nullptr);  // no drop-down lists beyond 是/否
  InitProject(SourcePath("indicators/yaohai-2023.yaml"), dir.path() + "/y", false);
  auto y = ReadXlsx(dir.path() + "/y/数据采集表.xlsx");
  CHECK(y.Sheet("减分项") == nullptr);
  const XlsxSheet* options = y.Sheet("选项");
  REQUIRE(options != nullptr);
  CHECK(options->Text(0, 0) == "达成");
  CHECK(options->Text(2, 0) == "未达成");
}

TEST_CASE("a filled workbook scores each bundled case exactly as its project.yaml does") {
  struct Case {
    const char* name;
    const char* total;
    const char* grade;
  };
  for (const Case& c : {Case{"jiaocheng-2024", "90.71", "优"}, Case{"tianjin-disabled-2023", "86", "良"},
                        Case{"yaohai-2023", "98", "优"}}) {
    CAPTURE(c.name);
    FilledCase filled(c.name);
    // scripts/fuzz-seeds.sh keeps these filled workbooks as the fuzzers' seeds.
    if (const char* seeds = std::getenv("JIXIAO_FUZZ_SEEDS")) {
      std::filesystem::create_directories(seeds);
      std::filesystem::copy_file(filled.Workbook(), std::string(seeds) + "/" + c.name + ".xlsx",
                                 std::filesystem::copy_options::overwrite_existing);
    }
    std::shared_ptr<const Project> p;
    try {
      p = LoadProject(filled.folder);
    } catch (const InputError& e) {
      FAIL(Dump(e.diagnostics().All()));
    }
    ScoredProject from_workbook = ScoreProject(p);
    ScoredProject from_yaml = ScoreProject(filled.yaml_case);
    CHECK(from_workbook.total == *Decimal::Parse(c.total));
    CHECK(from_workbook.grade == c.grade);
    CheckSameScores(from_workbook, from_yaml);
    CHECK(p->info.name == filled.yaml_case->info.name);
    CHECK(p->info.year == filled.yaml_case->info.year);
    CHECK(p->funds.sources.size() == filled.yaml_case->funds.sources.size());
    CHECK(p->funds.balances.size() == filled.yaml_case->funds.balances.size());
    CHECK(p->surveys.size() == filled.yaml_case->surveys.size());
    CHECK(p->deductions.size() == filled.yaml_case->deductions.size());
    // Locations point into the workbook.
    for (const auto& v : p->values) CHECK(v.loc.cell.rfind("数据!B", 0) == 0);
  }
}

TEST_CASE("rates read as the cell shows them: 90.56%, 0.9056 formatted as percent, 90.56 in a % row") {
  FilledCase filled("jiaocheng-2024");
  auto p = LoadProject(filled.folder);
  auto value = [&](const std::string& name) -> const NamedValue& {
    for (const auto& v : p->values)
      if (v.name == name) return v;
    FAIL("no value " << name);
    return p->values.front();
  };
  // FillFromProject typed 农村低收入群体参保率 as a percent-formatted number,
  // 脱贫人口参保率 as 99 in a % row and 住院救助比例 as the text "70%".
  CHECK(value("农村低收入群体参保率").value == *Decimal::Parse("100%"));
  CHECK(value("脱贫人口参保率").value == *Decimal::Parse("99%"));
  CHECK(value("住院救助比例").value == *Decimal::Parse("70%"));
  for (const char* name : {"农村低收入群体参保率", "脱贫人口参保率", "住院救助比例"}) CHECK(value(name).percent);
  CHECK_FALSE(value("实际支出资金").percent);
  CHECK(value("实际支出资金").value == *Decimal::Parse("925.59"));
}

TEST_CASE("a non-number in a number cell is named by workbook, sheet!cell and indicator") {
  FilledCase filled("jiaocheng-2024");
  Filler f(filled.Workbook());
  int header = f.Row("指标", "编码");
  int row = f.Row("指标", "B12");
  int sc = f.Col("指标", header, collect::kIndScore);
  f.Text("指标", row, sc, "九成");
  f.Write(filled.Workbook());
  auto diags = CatchDiagnostics([&] { LoadProject(filled.folder); });
  REQUIRE_MESSAGE(diags.size() == 1, Dump(diags));
  const Diagnostic& d = diags[0];
  CHECK(d.id == "expected-number");
  CHECK(d.indicator == "B12");
  CHECK(d.loc.file == filled.Workbook());
  CHECK(d.loc.cell == "指标!" + CellRef(row, sc));
  CHECK(Zh(d) == "应为数字，实际为“九成”");
  CHECK(RenderDiagnostic(d, Language::kChinese) == filled.Workbook() + ": 指标!" + CellRef(row, sc) +
                                   ": 错误: 指标 B12: 应为数字，实际为“九成”\n");
}

TEST_CASE("否 for a checklist point that does not exist is an error at its cell") {
  FilledCase filled("jiaocheng-2024");
  Filler f(filled.Workbook());
  int header = f.Row("指标", "编码");
  int jc = f.Col("指标", header, collect::kIndJudgement);
  int last = f.Sheet("指标").RowCount();
  f.Text("指标", last, 0, "A22-4");  // A22 has three points
  f.Text("指标", last, jc, "否");
  f.Text("指标", last + 1, 0, "B12-1");  // B12 reads data: no points at all
  f.Text("指标", last + 1, jc, "否");
  f.Text("指标", last + 2, 0, "Z99");
  f.Text("指标", last + 2, jc, "是");
  f.Write(filled.Workbook());
  auto diags = CatchDiagnostics([&] { LoadProject(filled.folder); });
  auto points = WithId(diags, "no-such-point");
  REQUIRE_MESSAGE(points.size() == 2, Dump(diags));
  CHECK(points[0].indicator == "A22");
  CHECK(points[0].loc.cell == "指标!" + CellRef(last, jc));
  CHECK(Zh(points[0]) == "第 4 项不存在：该指标的评分要点共 3 项");
  CHECK(points[1].indicator == "B12");
  CHECK(Zh(points[1]) == "第 1 项不存在：该指标的评分要点共 0 项");
  auto unknown = WithId(diags, "unknown-indicator");
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].loc.cell == "指标!A" + std::to_string(last + 3));
}

TEST_CASE("a checklist is answered whole, a judgement a rule does not take is an error") {
  FilledCase filled("jiaocheng-2024");
  Filler f(filled.Workbook());
  int header = f.Row("指标", "编码");
  int jc = f.Col("指标", header, collect::kIndJudgement);
  int a22_2 = f.Row("指标", "A22-2");
  f.Text("指标", a22_2, jc, "");  // an empty cell: "not given"
  f.Text("指标", f.Row("指标", "B12"), jc, "是");
  f.Text("指标", f.Row("指标", "C12"), jc, "大概");
  f.Write(filled.Workbook());
  auto diags = CatchDiagnostics([&] { LoadProject(filled.folder); });
  auto missing = WithId(diags, "workbook-item-missing");
  REQUIRE_MESSAGE(missing.size() == 1, Dump(diags));
  CHECK(missing[0].indicator == "A22");
  CHECK(missing[0].loc.cell == "指标!" + CellRef(a22_2, jc));
  auto not_for = WithId(diags, "workbook-not-for-rule");
  REQUIRE(not_for.size() == 1);
  CHECK(not_for[0].indicator == "B12");
  auto yes_no = WithId(diags, "expected-yes-no");
  REQUIRE(yes_no.size() == 1);
  CHECK(yes_no[0].indicator == "C12");
}

TEST_CASE("project.yaml is the base: the same item in both places must agree") {
  FilledCase filled("jiaocheng-2024");
  // The same content in both places is fine.
  filled.AppendYaml(
      "values:\n"
      "  预算资金: 1022.04\n"
      "answers:\n"
      "  A22: {unmet: [3, 2]}\n"
      "  D21: {reason: 结余资金越来越多，一定程度上造成了财政资金的浪费。}\n");
  CHECK(ScoreProject(LoadProject(filled.folder)).total == *Decimal::Parse("90.71"));

  // Different content is an error naming both places.
  std::ofstream(filled.Yaml()) << "project:\n"
                                  "  name: 另一个名称\n"
                                  "system: \"" + SourcePath("indicators/jiaocheng-2024.yaml") + "\"\n"
                                  "values:\n"
                                  "  预算资金: 1022.05\n"
                                  "answers:\n"
                                  "  A22: {unmet: [2]}\n";
  auto diags = CatchDiagnostics([&] { LoadProject(filled.folder); });
  auto conflicts = WithId(diags, "workbook-conflict");
  REQUIRE_MESSAGE(conflicts.size() == 3, Dump(diags));
  int data_row = RowOf(filled.Workbook(), "数据", "预算资金");
  int info_row = RowOf(filled.Workbook(), "基本信息", "项目名称");
  const Diagnostic* name = nullptr;
  const Diagnostic* value = nullptr;
  const Diagnostic* unmet = nullptr;
  for (const auto& d : conflicts) {
    if (d.loc.cell.rfind("基本信息!", 0) == 0) name = &d;
    if (d.loc.cell.rfind("数据!", 0) == 0) value = &d;
    if (d.indicator == "A22") unmet = &d;
  }
  REQUIRE(name);
  REQUIRE(value);
  REQUIRE(unmet);
  CHECK(name->loc.cell == "基本信息!B" + std::to_string(info_row + 1));
  CHECK(Zh(*name) == "项目名称 (project.name)：工作簿填写为“交城县城乡医疗救助补助资金”，与 " + filled.Yaml() +
                         ":2:9 处的“另一个名称”不一致（同一项只在一处填写，或两处填写一致）");
  CHECK(value->loc.cell == "数据!B" + std::to_string(data_row + 1));
  CHECK_MESSAGE(Zh(*value).find("预算资金：工作簿填写为“1022.04”，与 " + filled.Yaml() + ":5:17 处的“1022.05”") == 0, Zh(*value));
  CHECK(unmet->loc.file == filled.Workbook());
  CHECK(Zh(*unmet).find("“[2, 3]”") != std::string::npos);
  CHECK(Zh(*unmet).find(filled.Yaml() + ":7:3") != std::string::npos);
}

TEST_CASE("workbook: names further workbooks, 数据采集表.xlsx is optional") {
  FilledCase filled("jiaocheng-2024");
  std::filesystem::rename(filled.Workbook(), filled.folder + "/采集-交城.xlsx");
  filled.AppendYaml("workbook: 采集-交城.xlsx\n");
  CHECK(ScoreProject(LoadProject(filled.folder)).total == *Decimal::Parse("90.71"));
  // Named twice (the default name and workbook:), read once.
  std::filesystem::copy_file(filled.folder + "/采集-交城.xlsx", filled.Workbook());
  filled.AppendYaml("# and the default one\n");
  {
    std::string yaml = ReadAll(filled.Yaml());
    yaml.replace(yaml.find("workbook: 采集-交城.xlsx"), std::string("workbook: 采集-交城.xlsx").size(),
                 "workbook: [采集-交城.xlsx, 数据采集表.xlsx]");
    std::ofstream(filled.Yaml()) << yaml;
  }
  // The two are identical, so the second agrees with the first everywhere.
  CHECK(ScoreProject(LoadProject(filled.folder)).total == *Decimal::Parse("90.71"));
  // A missing one, and one that is not a workbook.
  std::ofstream(filled.Yaml(), std::ios::app) << "";
  {
    std::string yaml = ReadAll(filled.Yaml());
    yaml.replace(yaml.find("workbook: ["), std::string("workbook: [采集-交城.xlsx, 数据采集表.xlsx]").size(),
                 "workbook: [没有.xlsx, 说明.docx]");
    std::ofstream(filled.Yaml()) << yaml;
  }
  auto diags = CatchDiagnostics([&] { LoadProject(filled.folder); });
  CHECK_MESSAGE(WithId(diags, "cannot-read").size() == 1, Dump(diags));
  CHECK(WithId(diags, "workbook-not-xlsx").size() == 1);
}

TEST_CASE("a filled workbook converted by LibreOffice still reads and scores the same") {
  if (!LibreOfficeAvailable()) return;
  FilledCase filled("jiaocheng-2024");
  std::string converted =
      ConvertWithLibreOffice(filled.Workbook(), filled.dir.path() + "/lo", filled.dir.path());
  REQUIRE_MESSAGE(!converted.empty(), "LibreOffice could not convert " << filled.Workbook());
  std::filesystem::copy_file(converted, filled.Workbook(),
                             std::filesystem::copy_options::overwrite_existing);
  std::shared_ptr<const Project> p;
  try {
    p = LoadProject(filled.folder);
  } catch (const InputError& e) {
    FAIL(Dump(e.diagnostics().All()));
  }
  CheckSameScores(ScoreProject(p), ScoreProject(filled.yaml_case));
}

TEST_CASE("the empty workbook jixiao init writes survives a LibreOffice round trip") {
  if (!LibreOfficeAvailable()) return;
  TempDir dir;
  std::string folder = dir.path() + "/p";
  InitProject(SourcePath("indicators/yaohai-2023.yaml"), folder, false);
  std::string converted = ConvertWithLibreOffice(folder + "/数据采集表.xlsx", dir.path() + "/lo", dir.path());
  REQUIRE_MESSAGE(!converted.empty(), "LibreOffice could not convert the init workbook");
  auto wb = ReadXlsx(converted);
  CHECK(wb.Sheet("指标") != nullptr);
  CHECK(wb.Sheet("选项") != nullptr);
  // Still only the project name missing: the re-saved template gives nothing.
  std::filesystem::copy_file(converted, folder + "/数据采集表.xlsx",
                             std::filesystem::copy_options::overwrite_existing);
  auto diags = CatchDiagnostics([&] { LoadProject(folder); });
  REQUIRE_MESSAGE(diags.size() == 1, Dump(diags));
  CHECK(diags[0].id == "missing-key");
}

namespace {

// Four levels, every rule kind the workbook treats differently, custom
// tiers and a deduction cap.
const char* kDeepSystem = R"(name: 深层体系
total: 100
deduction_cap: 5
indicators:
  - code: A
    name: 决策
    weight: 30
    children:
      - code: A1
        name: 立项
        weight: 30
        children:
          - code: A11
            name: 依据
            weight: 30
            children:
              - code: A111
                name: 要点计分
                weight: 4
                rule:
                  kind: checklist_points
                  items:
                    - {text: 第一要点, points: 1}
                    - {text: 第二要点, points: 3}
              - code: A112
                name: 条件
                weight: 6
                rule:
                  kind: conditions
                  conditions:
                    - {text: 参保率为100%, when: 参保率 >= 100%, points: 3}
                    - {text: 例数为0, when: 例数 == 0, points: 3}
              - code: A113
                name: 定性
                weight: 10
                rule:
                  kind: qualitative
                  tiers:
                    - {name: 好, low: 50%, high: 100%}
                    - {name: 差, low: 0, high: 50%}
              - code: A114
                name: 满足
                weight: 10
                rule: {kind: all_or_nothing, when: 例数 == 0}
  - code: B
    name: 效益
    weight: 70
    children:
      - code: B1
        name: 分段
        weight: 30
        rule:
          kind: bands
          value: 满意度
          bands:
            - {min: 90%, score: full}
            - {min: 60%, formula: x * 30}
            - {score: 0}
      - code: B2
        name: 及格线
        weight: 20
        rule: {kind: pass_line, value: 执行率, pass: 60%, full: 100%}
      - code: B3
        name: 公式
        weight: 20
        rule:
          kind: formula
          formula: min(1, 成本上限 / 成本) * weight
)";

}  // namespace

TEST_CASE("a four-level system with every kind of rule: the workbook it gets reads back") {
  TempDir dir;
  std::string sys = dir.Write("deep.yaml", kDeepSystem);
  std::string folder = dir.path() + "/p";
  InitProject(sys, folder, false);
  Filler f(folder + "/数据采集表.xlsx");
  // The 三级 column joins the levels below it; rates get the unit %.
  int header = f.Row("指标", "编码");
  CHECK(f.Sheet("指标").Text(header, 3) == "三级及以下指标");
  int a111 = f.Row("指标", "A111");
  CHECK(f.Sheet("指标").Text(a111, 3) == "A11 依据 / A111 要点计分");
  CHECK(f.Sheet("指标").Text(a111, 5) == "要点计分");
  CHECK(f.Sheet("指标").Text(a111 + 2, 0) == "A111-2");
  CHECK(f.Sheet("指标").Text(a111 + 2, 7) == "② 第二要点（3 分）");
  int data_header = f.Row("数据", "名称");
  for (const char* name : {"参保率", "满意度", "执行率"}) CHECK(f.Sheet("数据").Text(f.Row("数据", name), 2) == "%");
  for (const char* name : {"例数", "成本上限", "成本"}) CHECK(f.Sheet("数据").Text(f.Row("数据", name), 2).empty());
  CHECK(f.Row("数据", "x") < 0);
  CHECK(f.Row("数据", "weight") < 0);
  CHECK(f.Sheet("选项").Text(1, 0) == "差");
  CHECK(f.Row("减分项", "序号") > 0);

  int vc = f.Col("数据", data_header, "数值");
  f.Text("基本信息", f.Row("基本信息", "项目名称"), 1, "深层项目");
  f.Percent("数据", f.Row("数据", "参保率"), vc, "1");
  f.Number("数据", f.Row("数据", "例数"), vc, "0");
  f.Number("数据", f.Row("数据", "满意度"), vc, "80");  // 80 in a % row
  f.Text("数据", f.Row("数据", "执行率"), vc, "90%");
  f.Number("数据", f.Row("数据", "成本上限"), vc, "100");
  f.Number("数据", f.Row("数据", "成本"), vc, "125");
  int jc = f.Col("指标", header, collect::kIndJudgement), sc = f.Col("指标", header, collect::kIndScore),
      rc = f.Col("指标", header, collect::kIndReason), ec = f.Col("指标", header, collect::kIndEvidence);
  f.Text("指标", a111 + 1, jc, "是");
  f.Text("指标", a111 + 2, jc, "FALSE");  // as a TRUE/FALSE cell reads: 否
  int a113 = f.Row("指标", "A113");
  f.Text("指标", a113, jc, "好");
  f.Number("指标", a113, sc, "7.5");
  f.Text("指标", a113, rc, "部分工作未完成。");
  f.Text("指标", a113, ec, "抽查 20 份档案。");
  int ded = f.Row("减分项", "序号") + 1;
  f.Text("减分项", ded, 1, "资料提供不及时");
  f.Number("减分项", ded, 2, "2");
  f.Write(folder + "/数据采集表.xlsx");

  std::shared_ptr<const Project> p;
  try {
    p = LoadProject(folder);
  } catch (const InputError& e) {
    FAIL(Dump(e.diagnostics().All()));
  }
  ScoredProject sp = ScoreProject(p);
  CHECK(sp.Find("A111")->score == Decimal(1));
  CHECK(sp.Find("A112")->score == Decimal(6));
  CHECK(sp.Find("A113")->score == *Decimal::Parse("7.5"));
  CHECK(sp.Find("A114")->score == Decimal(10));
  CHECK(sp.Find("B1")->score == Decimal(24));  // 80% × 30
  CHECK(sp.Find("B2")->score == Decimal(15));  // (90% − 60%) ÷ 40% × 20
  CHECK(sp.Find("B3")->score == Decimal(16));  // 100 ÷ 125 × 20
  CHECK(sp.deductions == Decimal(2));
  CHECK(sp.total == Decimal(1 + 6 + 10 + 24 + 15 + 16 - 2) + *Decimal::Parse("7.5"));
  CHECK(p->answers.at("A113").evidence == "抽查 20 份档案。");
  CHECK(p->answers.at("A111").unmet == std::vector<int>{2});

  // 佐证材料 also written as text/指标/A113.md must say the same.
  dir.Write("p/text/指标/A113.md", "抽查 20 份档案。\n");
  CHECK_NOTHROW(LoadProject(folder));
  dir.Write("p/text/指标/A113.md", "抽查 30 份档案。\n");
  auto diags = CatchDiagnostics([&] { LoadProject(folder); });
  auto conflict = WithId(diags, "workbook-conflict");
  REQUIRE_MESSAGE(conflict.size() == 1, Dump(diags));
  CHECK(conflict[0].indicator == "A113");
  CHECK(conflict[0].loc.cell == "指标!" + CellRef(a113, ec));
  CHECK(Zh(conflict[0]).find("text/指标/A113.md") != std::string::npos);
}

TEST_CASE("a points rule in the workbook: 是/否, a count of failures, a point's score and a count of objects") {
  TempDir dir;
  std::string sys = dir.Write("points.yaml",
                              "name: 要点体系\ntotal: 10\nindicators:\n"
                              "  - code: P\n    name: 要点指标\n    weight: 10\n    rule:\n      kind: points\n"
                              "      points:\n"
                              "        - {text: 制度健全, share: 10%}\n"
                              "        - {text: 资料完整, share: 50%, per_failure: 20%, zero_at: 5}\n"
                              "        - {text: 实施效果, share: 20%, manual: true}\n"
                              "        - {text: 及时拨付, share: 20%, rate: 及时率}\n"
                              "      per_object: 10%\n      object: 机构不达标\n");
  std::string folder = dir.path() + "/p";
  InitProject(sys, folder, false);
  Filler f(folder + "/数据采集表.xlsx");
  int header = f.Row("指标", "编码");
  int jc = f.Col("指标", header, collect::kIndJudgement);
  int rc = f.Col("指标", header, collect::kIndReason);
  int p = f.Row("指标", "P");
  int kind = f.Col("指标", header, "评分方式"), needs = f.Col("指标", header, "评价要点/所需数据");
  CHECK(f.Sheet("指标").Text(p, kind) == "分要点评分");
  CHECK(f.Sheet("指标").Text(p, needs).find("每发现一家机构不达标扣指标分值的 10%，家数填在本行“评价”列") != std::string::npos);
  CHECK(f.Sheet("指标").Text(p + 2, needs) == "② 资料完整（50%，5 分；填不满足的项数）");
  CHECK(f.Sheet("指标").Text(p + 4, needs) == "④ 及时拨付（20%，2 分；由数据计算：及时率）");
  f.Text("基本信息", f.Row("基本信息", "项目名称"), 1, "要点项目");
  int vc = f.Col("数据", f.Row("数据", "名称"), "数值");
  f.Percent("数据", f.Row("数据", "及时率"), vc, "0.9");
  f.Number("指标", p, jc, "1");        // one object short
  f.Text("指标", p + 1, jc, "是");
  f.Number("指标", p + 2, jc, "2");    // two failures
  f.Number("指标", p + 3, jc, "1.5");  // the evaluators' score of ③
  f.Text("指标", p, rc, "两项资料缺失，实施效果一般，一家机构不达标");
  SUBCASE("read and scored") {
    f.Write(folder + "/数据采集表.xlsx");
    auto sp = ScoreProject(LoadProject(folder));
    // ① 1 + ② 5 × 0.6 = 3 + ③ 1.5 + ④ 0.9 × 2 = 1.8, less 1 for the object: 6.30.
    CHECK(sp.Find("P")->score.ToFixed(2) == "6.30");
    CHECK(sp.Find("P")->explanation.find("要点②不满足 2 项") != std::string::npos);
  }
  SUBCASE("a count that is not whole, and a 是 on a computed point, are errors at their cells") {
    f.Number("指标", p + 2, jc, "1.5");
    f.Text("指标", p + 4, jc, "是");
    f.Write(folder + "/数据采集表.xlsx");
    auto diags = CatchDiagnostics([&] { LoadProject(folder); });
    auto count = WithId(diags, "expected-count");
    REQUIRE_MESSAGE(count.size() == 1, Dump(diags));
    CHECK(count[0].loc.cell == "指标!" + CellRef(p + 2, jc));
    auto computed = WithId(diags, "workbook-not-for-rule");
    REQUIRE(computed.size() == 1);
    CHECK(computed[0].loc.cell == "指标!" + CellRef(p + 4, jc));
  }
  SUBCASE("a point left blank is named") {
    f.Text("指标", p + 1, jc, "");
    f.Write(folder + "/数据采集表.xlsx");
    auto diags = CatchDiagnostics([&] { LoadProject(folder); });
    auto missing = WithId(diags, "workbook-item-missing");
    REQUIRE_MESSAGE(missing.size() == 1, Dump(diags));
    CHECK(missing[0].loc.cell == "指标!" + CellRef(p + 1, jc));
  }
}
