// `jixiao import`: a scoring sheet in 附件1's layout read back into an
// indicator system. jixiao's own 评分表.xlsx for the three bundled cases
// gives back their trees (codes, names, weights, texts) and, for
// jiaocheng-2024, the rule kinds the published criteria mean; a hand-made
// sheet (title row, no codes, parents only on their first row) imports with
// the unrecognised criterion left manual and reported; a sheet that is not
// a scoring sheet, and weights that do not add up, are clear errors.
#include <doctest/doctest.h>
#include <xlsxwriter.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "import/import_system.h"
#include "rules/kinds/all_or_nothing.h"
#include "rules/kinds/bands.h"
#include "rules/kinds/checklist.h"
#include "rules/kinds/checklist_points.h"
#include "rules/kinds/conditions.h"
#include "rules/kinds/proportional.h"
#include "rules/kinds/ratio.h"
#include "rules/kinds/pass_line.h"
#include "rules/kinds/points.h"
#include "rules/kinds/steps.h"
#include "rules/rule_kind.h"
#include "rules/rules.h"
#include "formats/yaml/yaml_source.h"
#include "load/load.h"
#include "render/render.h"
#include "score/score.h"
#include "test_util.h"
#include "commands/import.h"

using namespace jixiao;
using jixiao::testing::CatchDiagnostics;
using jixiao::testing::Dump;
using jixiao::testing::TempDir;
using jixiao::testing::WithId;
using jixiao::testing::Zh;

namespace {

// `jixiao import` as the tests call it: the system imported, or its refusal thrown.
ImportedSystem ImportSystem(const std::string& xlsx, const std::string& out, const ImportOptions& options = {}) {
  ImportRequest request;
  request.workbook = xlsx;
  request.out = out;
  request.options = options;
  ImportOutcome r = RunImport(request);
  if (r.Refused()) throw InputError(r.diagnostics);
  return *r.imported;
}

std::string SourcePath(const std::string& rel) { return std::string(JIXIAO_SOURCE_DIR) + "/" + rel; }

// jixiao's own scoring workbook for a bundled case.
std::string RenderCase(const TempDir& dir, const std::string& name) {
  auto sp = ScoreProject(LoadProject(SourcePath("inputs/" + name)));
  std::string path = dir.path() + "/" + name + "-评分表.xlsx";
  RenderXlsx(sp, path);
  return path;
}

// Every indicator by code.
std::map<std::string, const Indicator*> ByCode(const IndicatorSystem& sys) {
  std::map<std::string, const Indicator*> out;
  sys.ForEach([&](const Indicator& n) { out[n.code] = &n; });
  return out;
}

// The same tree: codes in order, names, weights, levels and texts.
void CheckSameTree(const std::vector<Indicator>& got, const std::vector<Indicator>& want) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    INFO("indicator " << want[i].code);
    CHECK(got[i].code == want[i].code);
    CHECK(got[i].name == want[i].name);
    CHECK(got[i].weight == want[i].weight);
    CHECK(got[i].level == want[i].level);
    CHECK(got[i].IsLeaf() == want[i].IsLeaf());
    if (want[i].IsLeaf()) {
      CHECK(got[i].explanation == want[i].explanation);
      CHECK(got[i].criteria == want[i].criteria);
    }
    CheckSameTree(got[i].children, want[i].children);
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A worksheet written cell by cell, as someone builds a sheet by hand.
struct Cell {
  int row, col;
  std::string text;
  bool number = false;
};
struct Merge {
  int r1, c1, r2, c2;
  std::string text;
};

void WriteSheet(const std::string& path, const std::vector<Cell>& cells,
                const std::vector<Merge>& merges = {}, const char* sheet = "评分表") {
  lxw_workbook* wb = workbook_new(path.c_str());
  REQUIRE(wb != nullptr);
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  for (const auto& m : merges)
    worksheet_merge_range(ws, static_cast<lxw_row_t>(m.r1), static_cast<lxw_col_t>(m.c1),
                          static_cast<lxw_row_t>(m.r2), static_cast<lxw_col_t>(m.c2), m.text.c_str(),
                          wrap);
  for (const auto& c : cells) {
    auto r = static_cast<lxw_row_t>(c.row);
    auto col = static_cast<lxw_col_t>(c.col);
    if (c.number)
      worksheet_write_number(ws, r, col, std::stod(c.text), nullptr);
    else
      worksheet_write_string(ws, r, col, c.text.c_str(), wrap);
  }
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

// The header of a hand-made sheet: a title in row 1, 一级/二级/三级指标 in
// row 2 (with a line break in 一级), 名称 | 权重 in row 3.
std::vector<Merge> HandHeader() {
  return {{0, 0, 0, 9, "某某项目绩效评价指标评分表"},
          {1, 0, 1, 1, "一级\n指标"},
          {1, 2, 1, 3, "二级指标"},
          {1, 4, 1, 5, "三级 指标"},
          {1, 6, 2, 6, "指标解释"},
          {1, 7, 2, 7, "指标说明和\n评分标准"},
          {1, 8, 2, 8, "得分"},
          {1, 9, 2, 9, "扣分原因"}};
}
std::vector<Cell> HandSubHeader(int row) {
  return {{row, 0, "名称"}, {row, 1, "权重"}, {row, 2, "名称"},
          {row, 3, "权重"}, {row, 4, "名称"}, {row, 5, "权重"}};
}
// One leaf row: the names and weights given (empty = blank), then texts.
void Row(std::vector<Cell>& cells, int row, const std::vector<std::string>& names_weights,
         const std::string& criteria) {
  for (size_t i = 0; i < names_weights.size(); ++i) {
    if (names_weights[i].empty()) continue;
    const bool number = i % 2 == 1 && std::isdigit(static_cast<unsigned char>(names_weights[i][0]));
    cells.push_back({row, static_cast<int>(i), names_weights[i], number});
  }
  cells.push_back({row, 6, "指标解释文字"});
  cells.push_back({row, 7, criteria});
}

}  // namespace

TEST_CASE("import: jixiao's own 评分表.xlsx for jiaocheng-2024 gives back its tree and the rules its criteria mean") {
  TempDir dir;
  std::string xlsx = RenderCase(dir, "jiaocheng-2024");
  ImportedSystem im = ReadScoringSheet(xlsx);
  auto want = LoadSystem(SourcePath("indicators/jiaocheng-2024.yaml"));

  CHECK(im.sheet == "评分表");
  CHECK(im.system.name == "交城县城乡医疗救助补助资金绩效评价指标体系");
  CHECK(im.system.total == Decimal(100));
  CHECK(im.generated_codes == 0);
  CheckSameTree(im.system.roots, want->roots);
  CHECK(im.system.CountAtLevel(1) == 4);
  CHECK(im.system.CountAtLevel(2) == 12);
  CHECK(im.system.CountAtLevel(3) == 22);

  auto got = ByCode(im.system);
  auto kind = [&](const std::string& code) { return got.at(code)->rule->kind; };
  auto rule = [&](const std::string& code) -> const Rule& { return *got.at(code)->rule; };
  auto checklist = [&](const std::string& code) { return rule(code).Params<ChecklistParams>().items; };
  auto points = [&](const std::string& code) { return rule(code).Params<ChecklistPointsParams>().items; };
  auto steps = [&](const std::string& code) { return rule(code).Params<StepsParams>(); };

  // "N项各占1/N权重分…": checklist, the ①②… items split out.
  const std::map<std::string, size_t> checklists = {{"A11", 5}, {"A12", 3}, {"A21", 4}, {"A22", 3},
                                                    {"A31", 4}, {"A32", 2}, {"B13", 4}};
  for (const auto& entry : checklists) {  // named: INFO captures it (clang 14 refuses a structured binding)
    const std::string& code = entry.first;
    const size_t n = entry.second;
    INFO(code);
    CHECK(kind(code) == RuleKind::kChecklist);
    CHECK(checklist(code).size() == n);
  }
  CHECK(checklist("A22")[0] == "是否将项目绩效目标细化分解为具体的绩效指标");
  CHECK(checklist("A11")[4] == "项目是否与相关部门同类项目或部门内部相关项目重复");

  CHECK(kind("B11") == RuleKind::kRatio);
  CHECK(rule("B11").value == "资金到位率");
  CHECK(!rule("B11").Params<RatioParams>().cap);  // 最高得分2分 is the weight

  CHECK(kind("B12") == RuleKind::kSteps);
  CHECK(rule("B12").value == "预算执行率");
  CHECK(steps("B12").full_at == *Decimal::Parse("95%"));
  CHECK(steps("B12").step == *Decimal::Parse("5%"));
  CHECK(steps("B12").deduct == Decimal(1));
  CHECK(!steps("B12").deduct_is_share);

  const std::map<std::string, std::vector<long>> item_points = {
      {"B21", {1, 1, 1}}, {"B22", {2, 2}}, {"B23", {1, 1, 2}}};
  for (const auto& entry : item_points) {  // named: INFO captures it
    const std::string& code = entry.first;
    const std::vector<long>& pts = entry.second;
    INFO(code);
    CHECK(kind(code) == RuleKind::kChecklistPoints);
    REQUIRE(points(code).size() == pts.size());
    for (size_t i = 0; i < pts.size(); ++i) CHECK(points(code)[i].points == Decimal(pts[i]));
  }
  CHECK(points("B21")[0].text == "项目具有财务管理制度");
  CHECK(points("B22")[1].text == "申请等资料齐全");

  CHECK(kind("C11") == RuleKind::kConditions);
  const std::vector<Condition>& conditions = rule("C11").Params<ConditionsParams>().conditions;
  REQUIRE(conditions.size() == 2);
  CHECK(conditions[0].text == "农村低收入群体参保率为100%");
  CHECK(conditions[0].when.Text() == "农村低收入群体参保率 >= 100%");
  CHECK(conditions[1].when.Text() == "脱贫人口参保率 >= 95%");
  CHECK(conditions[0].points == Decimal(3));
  CHECK(conditions[1].points == Decimal(3));

  for (const char* code : {"C12", "C31", "C41", "D11", "D12"}) {
    INFO(code);
    CHECK(kind(code) == RuleKind::kAllOrNothing);
    CHECK(rule(code).Params<AllOrNothingParams>().when.Empty());  // the evaluator answers met
  }

  CHECK(kind("C21") == RuleKind::kSteps);
  CHECK(rule("C21").value == "政策范围内住院自付费用年度限额内救助比例");
  CHECK(steps("C21").full_at == *Decimal::Parse("70%"));
  CHECK(steps("C21").step == *Decimal::Parse("10%"));
  CHECK(steps("C21").deduct_is_share);
  CHECK(steps("C21").deduct == *Decimal::Parse("20%"));

  CHECK(kind("D13") == RuleKind::kProportional);
  CHECK(rule("D13").value == "政策知晓率");
  CHECK(rule("D13").Params<ProportionalParams>().target == *Decimal::Parse("90%"));
  CHECK(!rule("D13").Params<ProportionalParams>().attainment);

  CHECK(kind("D31") == RuleKind::kBands);
  CHECK(rule("D31").value == "满意度");
  const std::vector<Band>& bands = rule("D31").Params<BandsParams>().bands;
  REQUIRE(bands.size() == 3);
  CHECK(*bands[0].min == *Decimal::Parse("90%"));
  CHECK(bands[0].score.kind == ScoreSpec::kFull);
  CHECK(*bands[1].min == *Decimal::Parse("60%"));
  CHECK(bands[1].score.formula.Text() == "x * 3");
  CHECK(!bands[2].min);
  CHECK(bands[2].score.fixed == Decimal(0));

  CHECK(kind("D21") == RuleKind::kManual);

  // The summary says which leaves are manual and why, which text went
  // unused, and which values the projects must give.
  const ImportedLeaf* d21 = nullptr;
  const ImportedLeaf* a21 = nullptr;
  for (const auto& l : im.leaves) {
    if (l.code == "D21") d21 = &l;
    if (l.code == "A21") a21 = &l;
  }
  REQUIRE(d21 != nullptr);
  CHECK(d21->why.zh == "未匹配到常见的评分表述");
  CHECK(d21->why.en == "no common pattern matched");
  CHECK(d21->loc.cell == "评分表!H25");
  REQUIRE(a21 != nullptr);
  REQUIRE(a21->notes.size() == 1);
  CHECK(a21->notes[0].zh.find("若绩效目标非预算单位制定，扣1/2权重分") != std::string::npos);

  std::string summary = RenderImportSummary(im, "indicators/x.yaml", Language::kChinese);
  CHECK(summary.find("指标：一级 4 项，二级 12 项，三级 22 项") != std::string::npos);
  CHECK(summary.find("D21 项目可持续性（评分表!H25）：未匹配到常见的评分表述") != std::string::npos);
  CHECK(summary.find("checklist 7, checklist_points 3, ratio 1, steps 2, proportional 1, bands 1, "
                     "all_or_nothing 5, conditions 1, manual 1") != std::string::npos);
  CHECK(summary.find("  预算执行率（评分标准写明：预算执行率=（实际支出资金/实际到位资金）×100%）") !=
        std::string::npos);
  for (const char* v : {"资金到位率", "政策知晓率", "满意度", "农村低收入群体参保率", "脱贫人口参保率"})
    CHECK_MESSAGE(summary.find(std::string("  ") + v) != std::string::npos, v);
}

TEST_CASE("import: the written YAML loads with LoadSystem into the same system, and is not overwritten without --force") {
  TempDir dir;
  std::string xlsx = RenderCase(dir, "jiaocheng-2024");
  std::string out = dir.path() + "/imported.yaml";
  ImportedSystem im = ImportSystem(xlsx, out);
  auto loaded = LoadSystem(out);
  CHECK(loaded->name == im.system.name);
  CheckSameTree(loaded->roots, im.system.roots);
  auto got = ByCode(*loaded);
  im.system.ForEach([&](const Indicator& n) {
    if (!n.rule) return;
    INFO(n.code);
    const Rule& a = *n.rule;
    const Rule& b = *got.at(n.code)->rule;
    CHECK(a.kind == b.kind);
    CHECK(a.value == b.value);
    if (a.kind != b.kind) return;
    // Each kind's own parameters, as far as the import writes them.
    switch (a.kind) {
      case RuleKind::kChecklist:
        CHECK(a.Params<ChecklistParams>().items == b.Params<ChecklistParams>().items);
        break;
      case RuleKind::kChecklistPoints: {
        const auto& ai = a.Params<ChecklistPointsParams>().items;
        const auto& bi = b.Params<ChecklistPointsParams>().items;
        CHECK(ai.size() == bi.size());
        for (size_t i = 0; i < ai.size() && i < bi.size(); ++i) {
          CHECK(ai[i].text == bi[i].text);
          CHECK(ai[i].points == bi[i].points);
        }
        break;
      }
      case RuleKind::kSteps: {
        const StepsParams& as = a.Params<StepsParams>();
        const StepsParams& bs = b.Params<StepsParams>();
        CHECK(as.full_at == bs.full_at);
        CHECK(as.step == bs.step);
        CHECK(as.deduct == bs.deduct);
        CHECK(as.deduct_is_share == bs.deduct_is_share);
        break;
      }
      case RuleKind::kBands:
        CHECK(a.Params<BandsParams>().bands.size() == b.Params<BandsParams>().bands.size());
        break;
      case RuleKind::kConditions:
        CHECK(a.Params<ConditionsParams>().conditions.size() == b.Params<ConditionsParams>().conditions.size());
        break;
      default:
        break;
    }
  });
  std::string yaml = ReadFile(out);
  CHECK(yaml.find("criteria: |") != std::string::npos);  // multi-line criteria as literal blocks
  CHECK(yaml.find("kind: manual  # 未匹配到常见的评分表述 / no common pattern matched") != std::string::npos);
  CHECK(yaml.find("\\u") == std::string::npos);  // UTF-8, not escapes

  auto diags = CatchDiagnostics([&] { ImportSystem(xlsx, out); });
  REQUIRE(WithId(diags, "import-output-exists").size() == 1);
  CHECK(diags[0].loc.file == out);
  CHECK(ReadFile(out) == yaml);
  ImportOptions force;
  force.force = true;
  ImportSystem(xlsx, out, force);
  CHECK(ReadFile(out) == yaml);  // the same sheet gives the same file
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) files += e.is_regular_file();
  CHECK(files == 2);  // no temporary left beside the output
}

TEST_CASE("import: yaohai-2023's sheet, with leaves at the first and second level, and tianjin's one level with its deduction cap") {
  TempDir dir;
  {
    ImportedSystem im = ReadScoringSheet(RenderCase(dir, "yaohai-2023"));
    auto want = LoadSystem(SourcePath("indicators/yaohai-2023.yaml"));
    CheckSameTree(im.system.roots, want->roots);
  }
  {
    ImportedSystem im = ReadScoringSheet(RenderCase(dir, "tianjin-disabled-2023"));
    auto want = LoadSystem(SourcePath("indicators/tianjin-disabled-2023.yaml"));
    CheckSameTree(im.system.roots, want->roots);
    REQUIRE(im.system.deduction_cap);
    CHECK(*im.system.deduction_cap == Decimal(5));
    for (const auto& l : im.leaves) CHECK(l.kind == RuleKind::kManual);
  }
}

TEST_CASE("import: a hand-made sheet — title row, no codes, parents only on their first row — with an unrecognised criterion left manual") {
  TempDir dir;
  std::vector<Cell> cells = HandSubHeader(2);
  Row(cells, 3, {"决策", "10", "项目立项", "10", "立项依据充分性", "4"},
      "评价要点：①项目立项符合相关政策；②项目与部门职责相符。\n2项各占1/2权重分，每有一项不满足，则扣除相应权重分。");
  Row(cells, 4, {"", "", "", "", "绩效目标合理性", "6"},
      "①有绩效目标，得 3 分；②绩效目标明确，得 3 分。");
  Row(cells, 5, {"产出", "50", "产出数量", "30", "任务完成率", "30"},
      "任务完成率>=95%，得满分；每降低5%，扣3分，扣完为止。");
  // The header again, as a sheet laid out for printing repeats it.
  cells.push_back({6, 0, "一级指标"});
  cells.push_back({6, 2, "二级指标"});
  cells.push_back({6, 4, "三级指标"});
  for (const auto& c : HandSubHeader(7)) cells.push_back(c);
  Row(cells, 8, {"", "", "产出质量", "20", "验收合格率", "20"}, "验收合格率≥90%，得满分；否则，按比例得分。");
  Row(cells, 9, {"效益", "40", "社会效益", "20", "带动就业", "20"},
      "项目带动当地就业，群众普遍认可。\n由评价组酌情给分。");
  Row(cells, 10, {"", "", "满意度", "20", "群众满意度", "20"},
      "满意度≥90%，得满分；60%≤满意度<90%，得分=满意度×20分；满意度<60%，不得分。");
  cells.push_back({11, 0, "合计"});
  cells.push_back({11, 1, "100", true});
  std::string xlsx = dir.path() + "/手工评分表.xlsx";
  WriteSheet(xlsx, cells, HandHeader());

  ImportedSystem im = ReadScoringSheet(xlsx);
  const IndicatorSystem& sys = im.system;
  CHECK(sys.name == "某某项目绩效评价指标体系");
  std::vector<std::string> codes;
  sys.ForEach([&](const Indicator& n) { codes.push_back(n.code + " " + n.name + " " + n.weight.ToExactString()); });
  CHECK(codes == std::vector<std::string>{"A 决策 10", "A1 项目立项 10", "A11 立项依据充分性 4",
                                          "A12 绩效目标合理性 6", "B 产出 50", "B1 产出数量 30",
                                          "B11 任务完成率 30", "B2 产出质量 20", "B21 验收合格率 20",
                                          "C 效益 40", "C1 社会效益 20", "C11 带动就业 20",
                                          "C2 满意度 20", "C21 群众满意度 20"});
  CHECK(im.generated_codes == 14);
  auto got = ByCode(sys);
  CHECK(got.at("A11")->rule->kind == RuleKind::kChecklist);
  CHECK(got.at("A11")->rule->Params<ChecklistParams>().items.size() == 2);
  CHECK(got.at("A12")->rule->kind == RuleKind::kChecklistPoints);
  CHECK(got.at("A12")->rule->Params<ChecklistPointsParams>().items[1].text == "绩效目标明确");
  CHECK(got.at("B11")->rule->kind == RuleKind::kSteps);
  CHECK(got.at("B11")->rule->Params<StepsParams>().deduct == Decimal(3));
  CHECK(got.at("B21")->rule->kind == RuleKind::kProportional);
  CHECK(got.at("C11")->rule->kind == RuleKind::kManual);
  CHECK(got.at("C21")->rule->kind == RuleKind::kBands);
  CHECK(got.at("C21")->rule->Params<BandsParams>().bands[1].score.formula.Text() == "x * weight");
  CHECK(got.at("A11")->criteria ==
        "评价要点：①项目立项符合相关政策；②项目与部门职责相符。\n2项各占1/2权重分，每有一项不满足，则扣除相应权重分。");

  std::string summary = RenderImportSummary(im, "out.yaml", Language::kChinese);
  std::string summary_en = RenderImportSummary(im, "out.yaml", Language::kEnglish);
  CHECK(summary.find("以下 1 项指标设为 manual") != std::string::npos);
  CHECK(summary.find("C11 带动就业（评分表!H10）：未匹配到常见的评分表述") != std::string::npos);
  CHECK(summary.find("编码：表中写明 0 个，按位置生成 14 个") != std::string::npos);
  CHECK(summary_en.find("C11 带动就业 (评分表!H10): no common pattern matched") != std::string::npos);
  CHECK(summary_en.find("3 at level 1, 5 at level 2, 6 at level 3") != std::string::npos);

  std::string out = dir.path() + "/hand.yaml";
  ImportSystem(xlsx, out);
  auto loaded = LoadSystem(out);
  CHECK(loaded->Find("C21")->rule->kind == RuleKind::kBands);
  // A multi-line criterion of a manual leaf comes back exactly, comment and all outside it.
  CHECK(loaded->Find("C11")->criteria == "项目带动当地就业，群众普遍认可。\n由评价组酌情给分。");
  CHECK(loaded->Find("C11")->rule->kind == RuleKind::kManual);
}

TEST_CASE("import: 权重 beside each level's label, parents repeated on every row, codes without a space, a leaf's text over two rows") {
  TempDir dir;
  std::vector<Cell> cells = {
      {0, 0, "一级指标"}, {0, 1, "权重"},   {0, 2, "二级指标"}, {0, 3, "分值"},
      {0, 4, "评分标准"}, {0, 5, "扣分原因"},
      {1, 0, "A决策"},    {1, 1, "40", true}, {1, 2, "A1立项依据"}, {1, 3, "15", true},
      {1, 4, "符合规划，得满分；"},
      {2, 4, "否则，不得分。"},  // the same leaf's criterion, continued
      {3, 0, "A决策"},    {3, 1, "40", true}, {3, 2, "A2资金到位率"}, {3, 3, "25", true},
      {3, 4, "得分=资金到位率×权重分。"},
      {4, 0, "B效益"},    {4, 1, "60", true}, {4, 2, "B1满意度"}, {4, 3, "60", true},
      {4, 4, "满意度≥90%，得满分；否则，按比例得分。"},
  };
  std::string xlsx = dir.path() + "/横排.xlsx";
  WriteSheet(xlsx, cells, {}, "附件1");
  ImportedSystem im = ReadScoringSheet(xlsx);
  INFO(EmitSystemYaml(im));
  CHECK(im.system.name == "横排");  // no title row: the file's name
  std::vector<std::string> codes;
  im.system.ForEach([&](const Indicator& n) { codes.push_back(n.code + " " + n.name); });
  CHECK(codes == std::vector<std::string>{"A 决策", "A1 立项依据", "A2 资金到位率", "B 效益", "B1 满意度"});
  auto got = ByCode(im.system);
  CHECK(got.at("A1")->criteria == "符合规划，得满分；\n否则，不得分。");
  CHECK(got.at("A1")->rule->kind == RuleKind::kAllOrNothing);
  CHECK(got.at("A2")->rule->kind == RuleKind::kRatio);
  CHECK(got.at("B1")->rule->kind == RuleKind::kProportional);
  CHECK(got.at("B1")->explanation.empty());  // no 指标解释 column
}

TEST_CASE("import: a sheet that is not a scoring sheet is refused, saying which labels were looked for") {
  TempDir dir;
  std::string xlsx = dir.path() + "/资金表.xlsx";
  WriteSheet(xlsx, {{0, 0, "项目"}, {0, 1, "金额"}, {1, 0, "救助资金"}, {1, 1, "1022.04", true}}, {},
             "资金");
  auto diags = CatchDiagnostics([&] { ReadScoringSheet(xlsx); });
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].id == "import-no-header");
  CHECK(diags[0].loc.file == xlsx);
  std::string zh = Zh(diags[0]);
  for (const char* label : {"一级指标", "二级指标", "三级指标", "名称", "权重", "评分标准",
                            "指标说明和评分标准", "指标解释", "资金"})
    CHECK_MESSAGE(zh.find(label) != std::string::npos, label);

  // 一级指标 but no criteria column: the general error and what was missing.
  std::string partial = dir.path() + "/汇总.xlsx";
  WriteSheet(partial, {{0, 0, "一级指标"}, {0, 1, "权重"}, {0, 2, "得分"}, {1, 0, "决策"}, {1, 1, "100", true}});
  diags = CatchDiagnostics([&] { ReadScoringSheet(partial); });
  CHECK(WithId(diags, "import-no-header").size() == 1);
  REQUIRE(WithId(diags, "import-no-criteria-column").size() == 1);
  CHECK(WithId(diags, "import-no-criteria-column")[0].loc.cell == "评分表!A1");

  // A sheet asked for by name that the workbook lacks.
  ImportOptions o;
  o.sheet = "附件1";
  diags = CatchDiagnostics([&] { ReadScoringSheet(partial, o); });
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].id == "import-no-sheet");
  CHECK(Zh(diags[0]).find("评分表") != std::string::npos);
}

TEST_CASE("import: weights that do not add up are errors naming sheet!cell, as the loader names file:line") {
  TempDir dir;
  std::vector<Cell> cells = HandSubHeader(2);
  Row(cells, 3, {"A 决策", "20", "A1 项目立项", "10", "A11 立项依据充分性", "4"}, "符合政策，得满分；否则，不得分。");
  Row(cells, 4, {"", "", "", "", "A12 立项程序规范性", "5"}, "程序规范，得满分；否则，不得分。");
  Row(cells, 5, {"", "", "A2 绩效目标", "10", "A21 绩效目标合理性", "10"}, "目标合理，得满分；否则，不得分。");
  Row(cells, 6, {"B 过程", "79", "B1 资金管理", "79", "B11 资金到位率", "79"}, "得分=资金到位率×权重分。");
  std::string xlsx = dir.path() + "/权重.xlsx";
  WriteSheet(xlsx, cells, HandHeader());
  auto diags = CatchDiagnostics([&] { ReadScoringSheet(xlsx); });
  INFO(Dump(diags));
  auto sums = WithId(diags, "weight-sum");
  REQUIRE(sums.size() == 1);
  CHECK(sums[0].indicator == "A1");
  CHECK(sums[0].loc.cell == "评分表!D4");
  CHECK(sums[0].loc.file == xlsx);
  CHECK(Zh(sums[0]) == "下级指标权重合计 9，与本指标权重 10 不符");
  auto roots = WithId(diags, "root-weight-sum");
  REQUIRE(roots.size() == 1);
  CHECK(Zh(roots[0]) == "一级指标权重合计 99，与体系总分 100 不符");
  CHECK(roots[0].loc.cell == "评分表!B3");  // no 合计 row: the 权重 header of 一级指标
  CHECK(RenderDiagnostic(sums[0], Language::kChinese).find(xlsx + ": 评分表!D4: 错误: 指标 A1: 下级指标权重合计 9") != std::string::npos);

  // A weight that is not a number, and a child whose parent's name is missing.
  cells = HandSubHeader(2);
  Row(cells, 3, {"决策", "二十", "项目立项", "20", "立项依据充分性", "20"}, "x");
  Row(cells, 4, {"", "", "", "", "", ""}, "");
  Row(cells, 5, {"过程", "80", "", "", "资金到位率", "80"}, "x");
  xlsx = dir.path() + "/坏.xlsx";
  WriteSheet(xlsx, cells, HandHeader());
  diags = CatchDiagnostics([&] { ReadScoringSheet(xlsx); });
  INFO(Dump(diags));
  REQUIRE(WithId(diags, "import-bad-weight").size() == 1);
  CHECK(WithId(diags, "import-bad-weight")[0].loc.cell == "评分表!B4");
  REQUIRE(WithId(diags, "import-missing-name").size() == 1);
  CHECK(WithId(diags, "import-missing-name")[0].loc.cell == "评分表!C6");
}

TEST_CASE("import: one 分值 column, each parent on a row of its own carrying its total, blank cells between") {
  TempDir dir;
  // 一级/二级/三级指标 each one column, one 分值 column: a row's weight is
  // the weight of the deepest indicator named on it.
  std::vector<Cell> cells = {
      {1, 0, "一级指标"}, {1, 1, "二级指标"}, {1, 2, "三级指标"}, {1, 3, "分值"},
      {1, 4, "指标解释"}, {1, 5, "评分标准"}, {1, 6, "得分"},
      {2, 0, "A 决策"},   {2, 3, "20", true},
      {3, 1, "A1 项目立项"}, {3, 3, "20", true},
      {4, 2, "A11 立项依据充分性"}, {4, 3, "12", true}, {4, 4, "立项是否有依据"},
      {4, 5, "符合规划，得满分；否则，不得分。"},
      {5, 2, "A12 立项程序规范性"}, {5, 3, "8", true},  // no 指标解释: a blank cell
      {5, 5, "评价要点：①程序规范；②材料齐全。2项各占1/2权重分，每有一项不满足，则扣除相应权重分。"},
      {6, 5, "（续）审批文件齐全。"},  // the same leaf's criterion, continued on a row without names
      {7, 0, "B 效益"},   {7, 3, "80分"},  // "80分" as text
      {8, 1, "B1 满意度"}, {8, 3, "80", true},
      {9, 2, "B11 群众满意度"}, {9, 3, "80", true},
      {9, 5, "满意度≥90%，得满分；60%≤满意度<90%，得分=满意度×80分；满意度<60%，不得分。"},
      {10, 0, "合计"},     {10, 3, "100", true},
  };
  std::string xlsx = dir.path() + "/单列分值.xlsx";
  WriteSheet(xlsx, cells, {{0, 0, 0, 6, "某项目绩效评价指标评分表"}});
  ImportedSystem im = ReadScoringSheet(xlsx);
  INFO(EmitSystemYaml(im));
  CHECK(im.system.name == "某项目绩效评价指标体系");
  std::vector<std::string> got;
  im.system.ForEach([&](const Indicator& n) {
    got.push_back(std::to_string(n.level) + " " + n.code + " " + n.name + " " + n.weight.ToExactString());
  });
  CHECK(got == std::vector<std::string>{"1 A 决策 20", "2 A1 项目立项 20", "3 A11 立项依据充分性 12",
                                        "3 A12 立项程序规范性 8", "1 B 效益 80", "2 B1 满意度 80",
                                        "3 B11 群众满意度 80"});
  auto by = ByCode(im.system);
  CHECK(by.at("A11")->explanation == "立项是否有依据");
  CHECK(by.at("A12")->explanation.empty());
  CHECK(by.at("A12")->criteria ==
        "评价要点：①程序规范；②材料齐全。2项各占1/2权重分，每有一项不满足，则扣除相应权重分。\n（续）审批文件齐全。");
  CHECK(by.at("A11")->rule->kind == RuleKind::kAllOrNothing);
  CHECK(by.at("A12")->rule->kind == RuleKind::kChecklist);
  CHECK(by.at("B11")->rule->kind == RuleKind::kBands);
  REQUIRE(im.leaves.size() == 3);
  CHECK(im.leaves[0].loc.cell == "评分表!F5");
  CHECK(im.leaves[2].loc.cell == "评分表!F10");

  // What import writes loads as the system it read.
  std::string out = dir.path() + "/单列.yaml";
  ImportSystem(xlsx, out);
  CheckSameTree(LoadSystem(out)->roots, im.system.roots);
}

TEST_CASE("import: one 分值 column on the leaves' rows, parents merged down or on their first row only, their totals in their names or summed") {
  TempDir dir;
  std::vector<Cell> cells = {
      {0, 0, "一级\n指标"}, {0, 1, "二级指标"}, {0, 2, "三级指标"}, {0, 3, "分值（分）"}, {0, 4, "评分标准"},
      // 决策 on its first row only, its total in its name; 项目立项 merged down (below).
      {1, 0, "决策（30分）"}, {1, 2, "立项依据充分性"}, {1, 3, "10", true},
      {1, 4, "符合规划，得满分；否则，不得分。"},
      {2, 2, "立项程序规范性"}, {2, 3, "20", true}, {2, 4, "得分=规范率×权重分。"},
      // 效益 repeated on each of its rows; no total anywhere: the sum.
      {3, 0, "效益"}, {3, 1, "满意度"}, {3, 2, "群众满意度"}, {3, 3, "40", true},
      {3, 4, "满意度≥90%，得满分；否则，按比例得分。"},
      {4, 0, "效益"}, {4, 1, "社会效益"}, {4, 2, "政策知晓率"}, {4, 3, "30", true},
      {4, 4, "政策知晓率≥90%，得满分；否则，按比例得分。"},
  };
  std::string xlsx = dir.path() + "/合并.xlsx";
  WriteSheet(xlsx, cells, {{1, 1, 2, 1, "项目立项"}});
  ImportedSystem im = ReadScoringSheet(xlsx);
  INFO(EmitSystemYaml(im));
  std::vector<std::string> got;
  im.system.ForEach([&](const Indicator& n) { got.push_back(n.code + " " + n.name + " " + n.weight.ToExactString()); });
  CHECK(got == std::vector<std::string>{"A 决策 30", "A1 项目立项 30", "A11 立项依据充分性 10",
                                        "A12 立项程序规范性 20", "B 效益 70", "B1 满意度 40",
                                        "B11 群众满意度 40", "B2 社会效益 30", "B21 政策知晓率 30"});
  CHECK(im.generated_codes == 9);
  CHECK(im.system.total == Decimal(100));
  auto by = ByCode(im.system);
  CHECK(by.at("A12")->rule->kind == RuleKind::kRatio);
  CHECK(by.at("B21")->rule->kind == RuleKind::kProportional);
}

TEST_CASE("import: one 分值 column — a weight that is not a number, a leaf without one and a total its children do not make are errors at sheet!cell") {
  TempDir dir;
  std::vector<Cell> cells = {
      {0, 0, "一级指标"}, {0, 1, "二级指标"}, {0, 2, "三级指标"}, {0, 3, "标准分"}, {0, 4, "评分标准"},
      {1, 0, "A 决策"}, {1, 3, "20", true},
      {2, 1, "A1 项目立项"}, {2, 3, "20", true},
      {3, 2, "A11 立项依据充分性"}, {3, 3, "十"}, {3, 4, "符合，得满分；否则，不得分。"},
      {4, 2, "A12 立项程序规范性"}, {4, 4, "规范，得满分；否则，不得分。"},
      {5, 0, "B 效益"}, {5, 1, "B1 满意度"}, {5, 2, "B11 满意度"}, {5, 3, "80", true},
      {5, 4, "满意度≥90%，得满分；否则，按比例得分。"},
  };
  std::string xlsx = dir.path() + "/坏分值.xlsx";
  WriteSheet(xlsx, cells);
  auto diags = CatchDiagnostics([&] { ReadScoringSheet(xlsx); });
  INFO(Dump(diags));
  auto bad = WithId(diags, "import-bad-weight");
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].loc.cell == "评分表!D4");
  CHECK(bad[0].loc.file == xlsx);
  CHECK(bad[0].indicator == "A11");
  CHECK(Zh(bad[0]) == "指标“A11 立项依据充分性”的权重应为数字，实际为“十”");
  CHECK(RenderDiagnostic(bad[0], Language::kChinese).find(xlsx + ": 评分表!D4: 错误: 指标 A11:") != std::string::npos);

  // The number fixed: the leaf without a weight, then the totals.
  cells[10] = {3, 3, "12", true};
  WriteSheet(xlsx, cells);
  diags = CatchDiagnostics([&] { ReadScoringSheet(xlsx); });
  INFO(Dump(diags));
  auto missing = WithId(diags, "import-missing-weight");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].loc.cell == "评分表!D5");
  CHECK(missing[0].indicator == "A12");

  cells.push_back({4, 3, "6", true});
  WriteSheet(xlsx, cells);
  diags = CatchDiagnostics([&] { ReadScoringSheet(xlsx); });
  INFO(Dump(diags));
  auto sums = WithId(diags, "weight-sum");
  REQUIRE(sums.size() == 1);  // A1: 12 + 6 of 20 (A holds A1's written 20)
  CHECK(sums[0].indicator == "A1");
  CHECK(sums[0].loc.cell == "评分表!D3");
  CHECK(Zh(sums[0]) == "下级指标权重合计 18，与本指标权重 20 不符");
  CHECK(WithId(diags, "root-weight-sum").size() == 0);  // 20 + 80: the written totals add up
}

TEST_CASE("import: one column of indicators whose codes or numbering give the levels, parent rows carrying their totals in one 分值 column") {
  TempDir dir;
  {
    std::vector<Cell> cells = {
        {0, 0, "评价指标"}, {0, 1, "分值"}, {0, 2, "指标解释"}, {0, 3, "评分标准"},
        {1, 0, "A 决策"}, {1, 1, "20", true},
        {2, 0, "A1 项目立项"}, {2, 1, "20", true},
        {3, 0, "A11 立项依据充分性"}, {3, 1, "12", true}, {3, 2, "依据"}, {3, 3, "符合规划，得满分；否则，不得分。"},
        {4, 0, "A12 立项程序规范性"}, {4, 1, "8", true}, {4, 3, "得分=规范率×权重分。"},
        {5, 0, "B 效益"}, {5, 1, "80", true},
        {6, 0, "B1 满意度"}, {6, 1, "80", true},
        {7, 0, "B11 群众满意度"}, {7, 1, "80", true}, {7, 3, "满意度≥90%，得满分；否则，按比例得分。"},
        {8, 0, "合计"}, {8, 1, "100", true},
    };
    std::string xlsx = dir.path() + "/编码.xlsx";
    WriteSheet(xlsx, cells);
    ImportedSystem im = ReadScoringSheet(xlsx);
    INFO(EmitSystemYaml(im));
    std::vector<std::string> got;
    im.system.ForEach([&](const Indicator& n) {
      got.push_back(std::to_string(n.level) + " " + n.code + " " + n.name + " " + n.weight.ToExactString());
    });
    CHECK(got == std::vector<std::string>{"1 A 决策 20", "2 A1 项目立项 20", "3 A11 立项依据充分性 12",
                                          "3 A12 立项程序规范性 8", "1 B 效益 80", "2 B1 满意度 80",
                                          "3 B11 群众满意度 80"});
    CHECK(im.generated_codes == 0);
    CHECK(ByCode(im.system).at("A11")->explanation == "依据");
    CHECK(ByCode(im.system).at("B11")->rule->kind == RuleKind::kProportional);
  }
  {
    // 一、 then （一） then 1.; a row without a number is a leaf below a
    // parent's row (no criteria) or beside a leaf.
    std::vector<Cell> cells = {
        {0, 0, "指标名称"}, {0, 1, "标准分"}, {0, 2, "评分标准"},
        {1, 0, "一、决策"}, {1, 1, "20", true},
        {2, 0, "（一）项目立项"}, {2, 1, "20", true},
        {3, 0, "1.立项依据充分性"}, {3, 1, "12", true}, {3, 2, "符合规划，得满分；否则，不得分。"},
        {4, 0, "2.立项程序规范性"}, {4, 1, "8", true}, {4, 2, "程序规范，得满分；否则，不得分。"},
        {5, 0, "二、效益"}, {5, 1, "80", true},
        {6, 0, "（一）满意度"}, {6, 1, "80", true},
        {7, 0, "群众满意度"}, {7, 1, "50", true}, {7, 2, "满意度≥90%，得满分；否则，按比例得分。"},
        {8, 0, "政策知晓率"}, {8, 1, "30", true}, {8, 2, "政策知晓率≥90%，得满分；否则，按比例得分。"},
    };
    std::string xlsx = dir.path() + "/序号.xlsx";
    WriteSheet(xlsx, cells);
    ImportedSystem im = ReadScoringSheet(xlsx);
    INFO(EmitSystemYaml(im));
    std::vector<std::string> got;
    im.system.ForEach([&](const Indicator& n) { got.push_back(n.code + " " + n.name + " " + n.weight.ToExactString()); });
    CHECK(got == std::vector<std::string>{"A 决策 20", "A1 项目立项 20", "A11 立项依据充分性 12",
                                          "A12 立项程序规范性 8", "B 效益 80", "B1 满意度 80",
                                          "B11 群众满意度 50", "B12 政策知晓率 30"});
  }
  {
    // A weight that is not a number, and a parent's total its children do not make.
    std::vector<Cell> cells = {
        {0, 0, "指标"}, {0, 1, "分值"}, {0, 2, "评分标准"},
        {1, 0, "一、决策"}, {1, 1, "20", true},
        {2, 0, "1.立项依据充分性"}, {2, 1, "12分"}, {2, 2, "x"},
        {3, 0, "2.立项程序规范性"}, {3, 1, "八"}, {3, 2, "x"},
        {4, 0, "二、效益"}, {4, 1, "80", true},
        {5, 0, "1.群众满意度"}, {5, 1, "70", true}, {5, 2, "x"},
    };
    std::string xlsx = dir.path() + "/坏序号.xlsx";
    WriteSheet(xlsx, cells);
    auto diags = CatchDiagnostics([&] { ReadScoringSheet(xlsx); });
    INFO(Dump(diags));
    REQUIRE(WithId(diags, "import-bad-weight").size() == 1);
    CHECK(WithId(diags, "import-bad-weight")[0].loc.cell == "评分表!B4");
    cells[9] = {3, 1, "8", true};
    WriteSheet(xlsx, cells);
    diags = CatchDiagnostics([&] { ReadScoringSheet(xlsx); });
    INFO(Dump(diags));
    auto sums = WithId(diags, "weight-sum");
    REQUIRE(sums.size() == 1);
    CHECK(sums[0].indicator == "B");
    CHECK(sums[0].loc.cell == "评分表!B5");
  }
}

TEST_CASE("import: the new wordings are written as YAML that loads back as the rules inferred") {
  TempDir dir;
  std::vector<Cell> cells = {
      {0, 0, "一级指标"}, {0, 1, "二级指标"}, {0, 2, "三级指标"}, {0, 3, "分值"}, {0, 4, "评分标准"},
      {1, 0, "过程"}, {1, 1, "资金管理"}, {1, 2, "预算执行率"}, {1, 3, "10", true},
      {1, 4, "预算执行率≥95%，得满分；每降低1%扣5%，按比例扣分，扣完为止。"},
      {2, 2, "资金执行进度"}, {2, 3, "10", true}, {2, 4, "执行进度≥95%，得满分；每降低1%扣5%，不足一档按一档计。"},
      {3, 0, "效益"}, {3, 1, "满意度"}, {3, 2, "群众满意度"}, {3, 3, "50", true},
      {3, 4, "满意度低于60%不得分，60%以上按比例得分。"},
      {4, 1, "管理"}, {4, 2, "制度建设"}, {4, 3, "30", true}, {4, 4, "①建立管理制度（10分）②制度执行到位（20分）"},
  };
  std::string xlsx = dir.path() + "/新表述.xlsx";
  WriteSheet(xlsx, cells);
  std::string out = dir.path() + "/新表述.yaml";
  ImportedSystem im = ImportSystem(xlsx, out);
  auto loaded = LoadSystem(out);
  INFO(ReadFile(out));
  CHECK(loaded->Find("A11")->rule->kind == RuleKind::kSteps);
  CHECK(loaded->Find("A11")->rule->Params<StepsParams>().continuous);
  CHECK(ReadFile(out).find("reading: continuous") != std::string::npos);
  CHECK(loaded->Find("A12")->rule->kind == RuleKind::kSteps);
  CHECK(!loaded->Find("A12")->rule->Params<StepsParams>().continuous);
  CHECK(loaded->Find("A12")->rule->Params<StepsParams>().deduct_is_share);
  CHECK(loaded->Find("B11")->rule->kind == RuleKind::kBands);  // the pass line
  CHECK(loaded->Find("B11")->rule->Params<BandsParams>().bands[1].score.formula.Text() ==
        im.system.Find("B11")->rule->Params<BandsParams>().bands[1].score.formula.Text());
  CHECK(loaded->Find("B21")->rule->kind == RuleKind::kChecklistPoints);
  for (const auto& l : im.leaves) CHECK_MESSAGE(l.notes.empty(), l.code);
}

TEST_CASE("InferRule: the common wordings, spaced as PDF text is, and what is left manual") {
  auto infer = [](const std::string& text, long weight) { return InferRule(text, Decimal(weight)); };

  Inference r = infer("预算执行率 ≥ 95 %，得 4 分；每降低 1 个百分点，扣 0.5 分，扣完为止。", 4);
  CHECK(r.rule.kind == RuleKind::kSteps);
  CHECK(r.rule.Params<StepsParams>().step == *Decimal::Parse("1%"));
  CHECK(r.rule.Params<StepsParams>().deduct == *Decimal::Parse("0.5"));

  r = infer("预算执行率≥95%，得5分；每降低5%，扣1分。", 4);  // 5 is not the weight 4
  CHECK(r.rule.kind == RuleKind::kManual);
  CHECK(r.why.zh == "满分写作 5 分，与权重 4 不符");

  r = infer("评价要点：①甲；②乙；③丙。4项各占1/4权重分，每有一项不满足，则扣除相应权重分。", 4);
  CHECK(r.rule.kind == RuleKind::kManual);
  CHECK(r.why.zh == "写明 4 项，但列出的要点（①②…）有 3 项");

  r = infer("完成率≥90%，得满分；否则，不得分。", 5);
  CHECK(r.rule.kind == RuleKind::kAllOrNothing);
  CHECK(r.rule.Params<AllOrNothingParams>().when.Text() == "完成率 >= 90%");

  r = infer("得分=资金到位率×权重分，最高得分3分。", 5);
  CHECK(r.rule.kind == RuleKind::kRatio);
  REQUIRE(r.rule.Params<RatioParams>().cap);
  CHECK(*r.rule.Params<RatioParams>().cap == Decimal(3));

  r = infer("预算执行率≥100%，得10分；80%≤预算执行率<100%，得7分；60%≤预算执行率<80%，得5分；预算执行率<60%，不得分。", 10);
  CHECK(r.rule.kind == RuleKind::kBands);
  REQUIRE(r.rule.Params<BandsParams>().bands.size() == 4);
  CHECK(r.rule.Params<BandsParams>().bands[1].score.fixed == Decimal(7));

  r = infer("①有制度，得1分；②执行到位，得1分。", 4);
  CHECK(r.rule.kind == RuleKind::kChecklistPoints);
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].zh == "各项分值合计 2，低于权重 4：全部满足也得不到满分");

  CHECK(infer("", 3).rule.kind == RuleKind::kManual);
  CHECK(infer("", 3).why.zh == "没有评分标准文字");
  CHECK(infer("根据实际情况酌情打分。", 3).why.en == "no common pattern matched");
}

TEST_CASE("InferRule: steps worded 每降低1%扣5%, and how a partial step counts") {
  auto infer = [](const std::string& text, long weight) { return InferRule(text, Decimal(weight)); };
  // "扣5%" alone is a share of the weight; "不足一档按一档计" is the whole-step reading steps has.
  Inference r = infer("预算执行率≥95%，得满分；每降低1%扣5%，不足一档按一档计，扣完为止。", 10);
  REQUIRE(r.rule.kind == RuleKind::kSteps);
  CHECK(r.rule.value == "预算执行率");
  CHECK(r.rule.Params<StepsParams>().full_at == *Decimal::Parse("95%"));
  CHECK(r.rule.Params<StepsParams>().step == *Decimal::Parse("1%"));
  CHECK(r.rule.Params<StepsParams>().deduct == *Decimal::Parse("5%"));
  CHECK(r.rule.Params<StepsParams>().deduct_is_share);
  CHECK(r.notes.empty());

  r = infer("预算执行率≥95%，得满分；每降低1个百分点，扣该指标分值的10%。", 10);
  REQUIRE(r.rule.kind == RuleKind::kSteps);
  CHECK(r.rule.Params<StepsParams>().deduct == *Decimal::Parse("10%"));
  CHECK(r.rule.Params<StepsParams>().deduct_is_share);
  CHECK(!r.rule.Params<StepsParams>().continuous);  // unsaid: the whole steps steps reads by default
  r = infer("预算执行率≥95%，得满分；每降低1%扣5%，不足一档按一档计，扣完为止。", 10);
  CHECK(!r.rule.Params<StepsParams>().continuous);
  const Rule whole = r.rule;

  // Continuous: the deduction in proportion to the shortfall.
  r = infer("预算执行率≥95%，得满分；每降低1%扣5%，按比例扣分，扣完为止。", 10);
  REQUIRE(r.rule.kind == RuleKind::kSteps);
  CHECK(r.rule.value == "预算执行率");
  CHECK(r.rule.Params<StepsParams>().continuous);
  CHECK(r.rule.Params<StepsParams>().deduct == *Decimal::Parse("5%"));
  CHECK(r.notes.empty());
  Indicator ind;
  ind.code = "B12";
  ind.weight = Decimal(10);
  ind.level = 3;
  auto score = [&](const char* v) {
    RuleInput in;
    in.value = *Decimal::Parse(v);
    in.value_text = v;
    in.lookup = [&](const std::string&) -> std::optional<Decimal> { return std::nullopt; };
    return ApplyRule(ind, r.rule, in).score;
  };
  CHECK(score("97%") == Decimal(10));
  CHECK(score("90.56%") == *Decimal::Parse("7.78"));  // 10 − 4.44 × 0.5, exactly
  CHECK(score("70%") == Decimal(0));                 // 扣完为止
  r.rule = whole;
  CHECK(score("90.56%") == *Decimal::Parse("7.5"));  // 5 whole steps of 0.5
}

TEST_CASE("InferRule: bands written as ranges without their subject, and proportional after 未达到的") {
  Inference r = InferRule("预算执行率≥90%，得满分；80%-90%（含80%），得8分；60%（含）~80%的，得5分；60%以下，不得分。", Decimal(10));
  REQUIRE(r.rule.kind == RuleKind::kBands);
  CHECK(r.rule.value == "预算执行率");
  const auto& bands = r.rule.Params<BandsParams>().bands;
  REQUIRE(bands.size() == 4);
  CHECK(*bands[1].min == *Decimal::Parse("80%"));
  CHECK(bands[1].score.fixed == Decimal(8));
  CHECK(*bands[2].min == *Decimal::Parse("60%"));
  CHECK(bands[2].score.fixed == Decimal(5));
  CHECK(!bands[3].min);
  CHECK(r.notes.empty());

  r = InferRule("完成率达到95%，得满分；未达到的，按实际完成比例计分。", Decimal(10));
  REQUIRE(r.rule.kind == RuleKind::kProportional);
  CHECK(r.rule.Params<ProportionalParams>().target == *Decimal::Parse("95%"));
}

TEST_CASE("InferRule: a pass line — 低于60%不得分，60%以上按比例 — scores linearly from the pass line to full") {
  Inference r = InferRule("满意度低于60%不得分，60%以上按比例得分。", Decimal(10));
  REQUIRE(r.rule.kind == RuleKind::kBands);
  CHECK(r.rule.value == "满意度");
  CHECK(r.notes.empty());
  Indicator ind;
  ind.code = "D31";
  ind.weight = Decimal(10);
  ind.level = 3;
  auto score = [&](const Inference& inf, const char* v) {
    RuleInput in;
    in.value = *Decimal::Parse(v);
    in.value_text = v;
    in.lookup = [&](const std::string&) -> std::optional<Decimal> { return std::nullopt; };
    return ApplyRule(ind, inf.rule, in).score;
  };
  CHECK(score(r, "59.99%") == Decimal(0));
  CHECK(score(r, "60%") == Decimal(0));
  CHECK(score(r, "90%") == *Decimal::Parse("7.5"));
  CHECK(score(r, "100%") == Decimal(10));

  // With a full line and the subject written once.
  r = InferRule("满意度≥90%，得满分；低于60%，不得分；60%（含）以上的，按比例计分。", Decimal(10));
  REQUIRE(r.rule.kind == RuleKind::kBands);
  CHECK(*r.rule.Params<BandsParams>().bands[0].min == *Decimal::Parse("90%"));
  CHECK(score(r, "75%") == Decimal(5));
  CHECK(score(r, "92%") == Decimal(10));
}

TEST_CASE("InferRule: points written in brackets — ①…（1分）②…（2分）") {
  Inference r = InferRule("①建立管理制度（1分）②制度执行到位（2分）", Decimal(3));
  REQUIRE(r.rule.kind == RuleKind::kChecklistPoints);
  const auto& items = r.rule.Params<ChecklistPointsParams>().items;
  REQUIRE(items.size() == 2);
  CHECK(items[0].text == "建立管理制度");
  CHECK(items[0].points == Decimal(1));
  CHECK(items[1].text == "制度执行到位");
  CHECK(items[1].points == Decimal(2));
}

TEST_CASE("ReadPointsWording: 要点 with shares, per-failure deductions with a floor, rates, deviations, per-object deductions") {
  using K = PointWording::Kind;
  const Decimal w(10);
  auto d = [](const char* s) { return *Decimal::Parse(s); };

  auto r = ReadPointsWording(
      "要点①②③④各占指标分值的1/4：①资金及时拨付；②台账完整；③公示到位；④回访到位。否则按偏差率扣除相应权重分值。", w);
  REQUIRE(r);
  REQUIRE(r->points.size() == 4);
  for (const auto& p : r->points) {
    CHECK(p.share == Decimal(1) / Decimal(4));
    CHECK(p.share_text == "1/4");
    CHECK(p.kind == K::kDeviation);
  }
  CHECK(r->points[1].text == "台账完整");
  CHECK(r->points[0].value == "要点1偏差率");
  CHECK(r->points[3].value == "要点4偏差率");
  CHECK(r->unused.empty());

  r = ReadPointsWording("①制度健全；②资料齐全，共五项；③按时报送。①③各占10%、②占80%，②每项不满足扣20%，五项及以上不得分。", w);
  REQUIRE(r);
  REQUIRE(r->points.size() == 3);
  CHECK(r->points[0].share == d("10%"));
  CHECK(r->points[1].share == d("80%"));
  CHECK(r->points[2].share == d("10%"));
  CHECK(r->points[1].share_text == "80%");
  CHECK(r->points[0].kind == K::kMet);
  CHECK(r->points[1].kind == K::kFailures);
  CHECK(r->points[1].per_failure == d("20%"));
  CHECK(r->points[1].zero_at == 5);
  CHECK(r->points[1].text == "资料齐全，共五项");
  CHECK(r->unused.empty());

  r = ReadPointsWording("每出现一项不满足扣该要点1/3，三项及以上不得分。", w);
  REQUIRE(r);
  REQUIRE(r->points.size() == 1);
  CHECK(r->points[0].share == Decimal(1));
  CHECK(r->points[0].kind == K::kFailures);
  CHECK(r->points[0].per_failure == Decimal(1) / Decimal(3));
  CHECK(r->points[0].zero_at == 3);

  r = ReadPointsWording("各项资料齐全，每项不满足扣20%。", w);
  REQUIRE(r);
  CHECK(r->points[0].text == "各项资料齐全");
  CHECK(r->points[0].per_failure == d("20%"));
  CHECK(r->points[0].zero_at == 0);

  // Points per failure: 1 of the point's 5 points.
  r = ReadPointsWording("①台账完整；②报送及时。①②各占1/2，①每有一项不满足扣1分。", w);
  REQUIRE(r);
  CHECK(r->points[0].per_failure == d("20%"));

  r = ReadPointsWording("①审核及时；②结算及时。不满足时，各要点得分为：及时率×权重分值。", w);
  REQUIRE(r);
  CHECK(r->points[0].kind == K::kRate);
  CHECK(r->points[0].value == "要点1及时率");
  CHECK(r->points[1].value == "要点2及时率");
  CHECK(r->points[0].share == Decimal(1) / Decimal(2));
  CHECK(r->points[0].share_text.empty());  // shared equally

  r = ReadPointsWording("①定点机构协议管理规范；②结算资料完整。每发现一家对象不达标，扣指标分值的10%。", w);
  REQUIRE(r);
  CHECK(r->points.size() == 2);
  REQUIRE(r->per_object);
  CHECK(*r->per_object == d("10%"));
  CHECK(r->object == "家对象不达标");

  // A point the evaluation group scores.
  r = ReadPointsWording("①台账完整；②服务质量。①②各占1/2，②由评价组根据现场核查情况酌情评分。", w);
  REQUIRE(r);
  CHECK(r->points[0].kind == K::kMet);
  CHECK(r->points[1].kind == K::kManual);
  CHECK(r->points[1].share == Decimal(1) / Decimal(2));

  // Shares in points of the weight.
  r = ReadPointsWording("①资料完整；②程序规范。①占4分、②占6分。", w);
  REQUIRE(r);
  CHECK(r->points[0].share == d("40%"));
  CHECK(r->points[0].share_text == "4分");

  // Not these wordings, or not adding up: nullopt.
  CHECK(!ReadPointsWording("评价要点：①甲；②乙。2项各占1/2权重分，每有一项不满足，则扣除相应权重分。", w));
  CHECK(!ReadPointsWording("预算执行率≥95%，得满分；每降低1%扣5%。", w));
  CHECK(!ReadPointsWording("①甲；②乙。①②各占60%。", w));           // 120%
  CHECK(!ReadPointsWording("①甲；②乙。①占10%、②占80%。", w));     // 90%, none left to share
  CHECK(!ReadPointsWording("①甲；②乙。③占10%。", w));              // no ③
  CHECK(!ReadPointsWording("得分=资金到位率×权重分，最高得分2分。", w));  // a ratio
  // The seeds' criteria are all other kinds.
  const YamlFile seeds = YamlFile::Load(SourcePath("tests/data/criteria/seeds.yaml"));
  for (const auto& e : seeds.root()["entries"]) {
    INFO(e["code"].Scalar());
    CHECK(!ReadPointsWording(e["criteria"].Scalar(), *Decimal::Parse(e["weight"].Scalar())));
  }
}

TEST_CASE("InferRule and ReadPointsWording take any cut of a wording without failing: every prefix and suffix of the wordings they read") {
  std::vector<std::string> texts = {
      "要点①②③④各占指标分值的1/4：①资金及时拨付；②台账完整；③公示到位；④回访到位。否则按偏差率扣除相应权重分值。",
      "①制度健全；②资料齐全；③按时报送。①③各占10%、②占80%，②每项不满足扣20%，五项及以上不得分。",
      "每出现一项不满足扣该要点1/3，三项及以上不得分。",
      "①审核及时；②结算及时。不满足时，各要点得分为：及时率×权重分值。",
      "①定点机构协议管理规范；②结算资料完整。每发现一家对象不达标，扣指标分值的10%。",
      "预算执行率≥95%，得满分；每降低1%扣5%，按比例扣分，扣完为止。",
      "满意度≥90%，得满分；低于60%，不得分；60%（含）以上的，按比例计分。",
      "预算执行率≥90%，得满分；80%-90%（含80%），得8分；60%（含）~80%的，得5分；60%以下，不得分。",
      "①建立管理制度（1分）②制度执行到位（2分）",
  };
  const YamlFile seeds = YamlFile::Load(SourcePath("tests/data/criteria/seeds.yaml"));
  for (const auto& e : seeds.root()["entries"]) texts.push_back(e["criteria"].Scalar());
  int runs = 0;
  for (const auto& t : texts) {
    std::vector<size_t> cuts;  // UTF-8 character boundaries
    for (size_t i = 0; i <= t.size(); ++i)
      if (i == t.size() || (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) cuts.push_back(i);
    for (size_t c : cuts) {
      for (const std::string& part : {t.substr(0, c), t.substr(c)}) {
        INFO(part);
        CHECK_NOTHROW(InferRule(part, Decimal(10)));
        CHECK_NOTHROW(ReadPointsWording(part, Decimal(10)));
        ++runs;
      }
    }
  }
  CHECK(runs > 1000);
}

TEST_CASE("InferRule: the 要点 wordings become points rules that import writes, loads back and scores") {
  auto score = [](const Inference& inf, long weight, const Answer& a) {
    Indicator ind;
    ind.code = "X1";
    ind.name = "X1";
    ind.weight = Decimal(weight);
    ind.level = 3;
    RuleInput in;
    in.answer = &a;
    in.lookup = [](const std::string&) -> std::optional<Decimal> { return std::nullopt; };
    return ApplyRule(ind, inf.rule, in).score;
  };
  auto point = [](int n, std::optional<bool> met, std::optional<long> failures) {
    PointAnswer p;
    p.number = n;
    p.met = met;
    if (failures) p.failures = Decimal(*failures);
    return p;
  };
  Inference r = InferRule("要点①②③④各占指标分值的1/4：①资金及时拨付；②台账完整；③公示到位；④回访到位。", Decimal(10));
  REQUIRE(r.rule.kind == RuleKind::kPoints);
  REQUIRE(r.rule.Params<PointsParams>().points.size() == 4);
  CHECK(r.rule.Params<PointsParams>().points[1].text == "台账完整");
  Answer a;
  a.points = {point(2, false, std::nullopt)};
  CHECK(score(r, 10, a) == *Decimal::Parse("7.5"));

  r = InferRule("①制度健全；②资料齐全；③按时报送。①③各占10%、②占80%，②每项不满足扣20%，五项及以上不得分。", Decimal(10));
  REQUIRE(r.rule.kind == RuleKind::kPoints);
  const auto& p2 = r.rule.Params<PointsParams>().points[1];
  CHECK(p2.kind == ScoringPoint::Kind::kFailures);
  CHECK(p2.per_failure == *Decimal::Parse("20%"));
  CHECK(p2.zero_at == 5);
  a.points = {point(2, std::nullopt, 2)};
  CHECK(score(r, 10, a) == *Decimal::Parse("6.8"));  // 1 + 8 × (1 − 2 × 20%) + 1
  a.points = {point(2, std::nullopt, 5)};
  CHECK(score(r, 10, a) == Decimal(2));

  r = InferRule("①定点机构协议管理规范；②结算资料完整。每发现一家对象不达标，扣指标分值的10%。", Decimal(10));
  REQUIRE(r.rule.kind == RuleKind::kPoints);
  REQUIRE(r.rule.Params<PointsParams>().per_object);
  a = Answer{};
  a.objects = Decimal(2);
  CHECK(score(r, 10, a) == Decimal(8));

  // The checklists of the seeds stay checklists.
  CHECK(InferRule("评价要点：①甲；②乙。2项各占1/2权重分，每有一项不满足，则扣除相应权重分。", Decimal(4)).rule.kind ==
        RuleKind::kChecklist);

  // Written by import and read back.
  TempDir dir;
  std::vector<Cell> cells = {
      {0, 0, "一级指标"}, {0, 1, "二级指标"}, {0, 2, "三级指标"}, {0, 3, "分值"}, {0, 4, "评分标准"},
      {1, 0, "过程"}, {1, 1, "管理"}, {1, 2, "资料管理"}, {1, 3, "60", true},
      {1, 4, "①制度健全；②资料齐全；③按时报送。①③各占10%、②占80%，②每项不满足扣20%，五项及以上不得分。"},
      {2, 2, "定点管理"}, {2, 3, "40", true},
      {2, 4, "①定点机构协议管理规范；②结算资料完整。每发现一家对象不达标，扣指标分值的10%。"},
  };
  std::string xlsx = dir.path() + "/要点.xlsx";
  WriteSheet(xlsx, cells);
  std::string out = dir.path() + "/要点.yaml";
  ImportSystem(xlsx, out);
  auto loaded = LoadSystem(out);
  INFO(ReadFile(out));
  REQUIRE(loaded->Find("A11")->rule->kind == RuleKind::kPoints);
  const auto& lp = loaded->Find("A11")->rule->Params<PointsParams>().points;
  REQUIRE(lp.size() == 3);
  CHECK(lp[1].share == *Decimal::Parse("80%"));
  CHECK(lp[1].zero_at == 5);
  REQUIRE(loaded->Find("A12")->rule->Params<PointsParams>().per_object);
  CHECK(*loaded->Find("A12")->rule->Params<PointsParams>().per_object == *Decimal::Parse("10%"));
}

// ---- the seeds' criteria (tests/data/criteria/seeds.yaml) ----------------

namespace {

struct CorpusCheck {
  std::vector<std::string> problems;  // where the inferred rule differs from the expected one
  void Expect(bool ok, const std::string& what) {
    if (!ok) problems.push_back(what);
  }
};

std::optional<Decimal> CorpusNumber(const YamlNode& n) {
  if (!n || !n.IsScalar()) return std::nullopt;
  return Decimal::Parse(n.Scalar());
}

std::string CorpusText(const YamlNode& n) { return n && n.IsScalar() ? n.Scalar() : std::string(); }

// The numbers of a list (`points: [1, 1, 2]`), "none" as nullopt.
std::vector<std::optional<Decimal>> CorpusNumbers(const YamlNode& list) {
  std::vector<std::optional<Decimal>> out;
  if (!list || !list.IsSequence()) return out;
  for (const auto& n : list) out.push_back(n.Scalar() == "none" ? std::nullopt : Decimal::Parse(n.Scalar()));
  return out;
}

// The inferred rule against the entry's `expect`: its kind, its value and
// each number the entry names.
CorpusCheck CheckCorpusRule(const YamlNode& expect, const Inference& inf) {
  CorpusCheck c;
  const std::string kind = CorpusText(expect["kind"]);
  const Rule& rule = inf.rule;
  c.Expect(RuleKindName(rule.kind) == kind,
           std::string("kind ") + RuleKindName(rule.kind) + ", expected " + kind +
               (rule.kind == RuleKind::kManual ? " (" + inf.why.zh + ")" : ""));
  if (!c.problems.empty()) return c;
  auto same = [&](const char* key, const Decimal& got) {
    if (!expect[key]) return;
    auto want = CorpusNumber(expect[key]);
    c.Expect(want && *want == got, std::string(key) + " " + got.ToExactString() + ", expected " + CorpusText(expect[key]));
  };
  if (expect["value"]) c.Expect(rule.value == CorpusText(expect["value"]), "value " + rule.value);
  switch (rule.kind) {
    case RuleKind::kChecklist:
      same("items", Decimal(static_cast<long>(rule.Params<ChecklistParams>().items.size())));
      break;
    case RuleKind::kChecklistPoints: {
      std::vector<std::optional<Decimal>> got;
      for (const auto& it : rule.Params<ChecklistPointsParams>().items) got.push_back(it.points);
      c.Expect(got == CorpusNumbers(expect["points"]), "the items' points");
      break;
    }
    case RuleKind::kConditions: {
      std::vector<std::optional<Decimal>> got;
      for (const auto& it : rule.Params<ConditionsParams>().conditions) got.push_back(it.points);
      c.Expect(got == CorpusNumbers(expect["points"]), "the conditions' points");
      break;
    }
    case RuleKind::kRatio: {
      const auto& cap = rule.Params<RatioParams>().cap;
      c.Expect(cap.has_value() == static_cast<bool>(expect["cap"]), "cap");
      if (cap) same("cap", *cap);
      break;
    }
    case RuleKind::kSteps: {
      const StepsParams& p = rule.Params<StepsParams>();
      same("full_at", p.full_at);
      same("step", p.step);
      c.Expect(p.deduct_is_share == static_cast<bool>(expect["deduct_share"]), "deduct or deduct_share");
      same(p.deduct_is_share ? "deduct_share" : "deduct", p.deduct);
      break;
    }
    case RuleKind::kProportional:
      same("target", rule.Params<ProportionalParams>().target);
      c.Expect(!rule.Params<ProportionalParams>().attainment, "reading value");
      break;
    case RuleKind::kPassLine:
      same("pass", rule.Params<PassLineParams>().pass);
      same("full", rule.Params<PassLineParams>().full);
      break;
    case RuleKind::kBands: {
      std::vector<std::optional<Decimal>> got;
      for (const auto& b : rule.Params<BandsParams>().bands) got.push_back(b.min);
      c.Expect(got == CorpusNumbers(expect["mins"]), "the bands' mins");
      break;
    }
    case RuleKind::kAllOrNothing:
      c.Expect(rule.Params<AllOrNothingParams>().when.Text() == CorpusText(expect["when"]),
               "when " + rule.Params<AllOrNothingParams>().when.Text());
      break;
    default:
      break;
  }
  return c;
}

// The rule applied to the entry's facts, rounded as scores are shown.
std::optional<Decimal> ScoreCorpusEntry(const YamlNode& entry, const Rule& rule, const Decimal& weight) {
  const YamlNode facts = entry["facts"];
  if (!facts) return std::nullopt;
  Indicator ind;
  ind.code = CorpusText(entry["code"]);
  ind.name = CorpusText(entry["name"]);
  ind.weight = weight;
  ind.level = 3;
  std::map<std::string, Decimal> values;
  if (facts["values"])
    for (const auto& kv : facts["values"]) values[kv.first.Scalar()] = *Decimal::Parse(kv.second.Scalar());
  Answer answer;
  answer.code = ind.code;
  if (facts["unmet"]) {
    std::vector<int> unmet;
    for (const auto& n : facts["unmet"]) unmet.push_back(std::stoi(n.Scalar()));
    answer.unmet = unmet;
  }
  if (facts["met"]) answer.met = facts["met"].Scalar() == "true";
  if (facts["score"]) answer.score = Decimal::Parse(facts["score"].Scalar());
  RuleInput in;
  if (!rule.value.empty()) {
    auto it = values.find(rule.value);
    if (it == values.end()) return std::nullopt;  // the facts name another value
    in.value = it->second;
    in.value_text = it->second.ToPercent();
  }
  in.answer = &answer;
  in.lookup = [&values](const std::string& n) -> std::optional<Decimal> {
    auto it = values.find(n);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
  return ApplyRule(ind, rule, in).score.Round(2);
}

}  // namespace

TEST_CASE("InferRule: the seeds' criteria — each becomes the rule it should, and most score the published score") {
  const std::string path = SourcePath("tests/data/criteria/seeds.yaml");
  YamlFile file = YamlFile::Load(path);
  const YamlNode& root = file.root();

  // Every seed document is accounted for, with the number of entries it gives.
  std::map<std::string, int> per_seed;
  for (const auto& e : root["entries"]) ++per_seed[CorpusText(e["seed"])];
  REQUIRE(root["documents"].size() == 5);
  for (const auto& d : root["documents"]) {
    const std::string seed = CorpusText(d["seed"]);
    INFO(seed);
    CHECK(!CorpusText(d["note"]).empty());
    CHECK(per_seed[seed] == std::stoi(CorpusText(d["criteria"])));
  }

  int entries = 0, scored = 0, manual = 0;
  std::vector<std::string> misses;
  for (const auto& e : root["entries"]) {
    ++entries;
    const std::string code = CorpusText(e["code"]);
    const std::string where = CorpusText(e["seed"]) + " " + code + " (line " + std::to_string(e.Line()) + ")";
    INFO(where);
    auto weight = CorpusNumber(e["weight"]);
    auto published = CorpusNumber(e["published"]);
    REQUIRE(weight);
    REQUIRE(published);
    const YamlNode expect = e["expect"];
    REQUIRE(expect);
    const std::string criteria = CorpusText(e["criteria"]);
    REQUIRE(!criteria.empty());
    Inference inf = InferRule(criteria, *weight);
    CorpusCheck check = CheckCorpusRule(expect, inf);
    for (const auto& p : check.problems) CHECK_MESSAGE(false, p);

    if (CorpusText(expect["kind"]) == "manual") {
      ++manual;
      CHECK_MESSAGE(CorpusText(expect["reason"]).size() > 20, "a manual entry says why");
      continue;
    }
    std::optional<Decimal> score;
    if (check.problems.empty()) score = ScoreCorpusEntry(e, inf.rule, *weight);
    CHECK_MESSAGE(score.has_value(), "the entry gives the facts its rule reads");
    if (score) CHECK_MESSAGE(*score == *published, "scored ", score->ToExactString(), ", published ", published->ToExactString());
    if (check.problems.empty() && score && *score == *published) ++scored;
    else misses.push_back(code);
  }
  REQUIRE(entries > 0);
  const Decimal share = Decimal(scored) / Decimal(entries);
  std::string missed;
  for (const auto& m : misses) missed += " " + m;
  MESSAGE("seeds' criteria: " << scored << " of " << entries << " (" << share.ToPercent(2)
                               << ") become a non-manual rule that scores the published score; " << manual
                               << " stay manual with their reason" << (missed.empty() ? "" : "; missed:" + missed));
  CHECK(share >= *Decimal::Parse("80%"));
}
